"""Every output shows the memo lines apart, under "buiten de rekening van het initiatief"
(RULEBOOK v1.2 §1, CONTRACT §4): the table, the CSV (both styles), the workbook's lines sheet
(outside the ranges its formulas sum) and the PDF. BIK's klussen: 60 h × 4.95 = 297.00 a month,
× 12 = 3 564.00 in 2006 and in 2007, as PWA cheques (measure `pwa`, leaf II)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import openpyxl
import pypdf
import pytest

from klaverblad.advice.alerts import Alert, plan_alerts
from klaverblad.locale import Language, money
from klaverblad.model import load_initiative
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.report.plan_csv import COLUMNS, MEMO_HEADING, plan_to_csv
from klaverblad.report.plan_pdf import plan_to_pdf
from klaverblad.report.plan_table import render_plan_table
from klaverblad.report.plan_xlsx import plan_to_xlsx

BIK = Path(__file__).resolve().parents[2] / "examples" / "bik-klusjesdienst.yaml"
TITLE_NL = "Buiten de rekening van het initiatief"
TITLE_EN = "Outside the initiative's accounts"


@pytest.fixture(scope="module")
def bik() -> tuple[FinancingPlan, list[Alert]]:
    plan = compute_plan(load_initiative(BIK))
    return plan, plan_alerts(plan)


def test_bik_has_two_pwa_memo_lines_of_3564_euros(bik: tuple[FinancingPlan, list[Alert]]) -> None:
    plan, _ = bik
    assert [(line.year, line.measure, line.leaf, line.cents) for line in plan.memo_lines] == [
        (2006, "pwa", "II", 356400),
        (2007, "pwa", "II", 356400),
    ]
    assert all(line.measure != "pwa" for line in plan.lines)


@pytest.mark.parametrize(("language", "title"), [("nl", TITLE_NL), ("en", TITLE_EN)])
def test_the_table_shows_the_memo_lines_in_their_own_section(
    bik: tuple[FinancingPlan, list[Alert]], language: Language, title: str
) -> None:
    plan, alerts = bik
    text = render_plan_table(plan, alerts, language, width=160)
    section = text[text.index(title) :]
    assert section.count("gebruikers (PWA)") == 2
    # Every PWA amount is in the memo section, none above it among the plan's lines.
    amount = money(356400, language)
    assert text.count(amount) == section.count(amount) == 2


def test_the_default_csv_puts_the_memo_lines_apart_below_the_plan_lines(
    bik: tuple[FinancingPlan, list[Alert]],
) -> None:
    plan, _ = bik
    lines, memo = plan_to_csv(plan).split(f"\n\n{MEMO_HEADING}\n")
    rows = list(csv.DictReader(io.StringIO(lines)))
    assert len(rows) == len(plan.lines)
    # The first table still sums to the plan's funding to the cent.
    total = sum(round(float(row["amount"]) * 100) for row in rows)
    assert total == plan.totals.funding_cents
    memo_rows = list(csv.DictReader(io.StringIO(memo)))
    assert tuple(memo_rows[0]) == COLUMNS
    assert [(r["year"], r["measure"], r["funder"], r["amount"]) for r in memo_rows] == [
        ("2006", "pwa", "gebruikers (PWA)", "3564.00"),
        ("2007", "pwa", "gebruikers (PWA)", "3564.00"),
    ]


def test_the_dutch_csv_puts_the_memo_lines_under_the_dutch_heading(
    bik: tuple[FinancingPlan, list[Alert]],
) -> None:
    plan, _ = bik
    text = plan_to_csv(plan, "nl")
    memo = text.split(f"\n\n{TITLE_NL}\n")[1].splitlines()
    assert memo[0].startswith("Jaar;")
    row = "II werkgelegenheid;PWA-cheques;kansarme gezinnen;gebruikers (PWA);;klussen;3564,00"
    assert memo[1:] == [f"2006;{row};berekend", f"2007;{row};berekend"]


def test_a_plan_without_cheques_writes_no_memo_section_in_the_csv() -> None:
    initiative = load_initiative(BIK).model_copy(update={"activities": ()})
    plan = compute_plan(initiative.model_copy(update={"agreements": ()}))
    assert plan.memo_lines == []
    assert MEMO_HEADING not in plan_to_csv(plan)


def test_the_workbook_shows_the_memo_lines_below_the_lines_outside_every_sum(
    bik: tuple[FinancingPlan, list[Alert]],
) -> None:
    plan, alerts = bik
    workbook = openpyxl.load_workbook(
        io.BytesIO(plan_to_xlsx(plan, alerts, "nl", exported=date(2025, 3, 5)))
    )
    assert workbook.sheetnames == ["Jaren", "Kosten", "Plan", "Kasstroom", "Signalen", "Bronnen"]
    sheet = workbook["Plan"]
    # Lines on rows 2 … n + 1; an empty row; the heading on row n + 3.
    heading = len(plan.lines) + 3
    assert sheet.cell(heading - 1, 1).value is None
    assert sheet.cell(heading, 1).value == TITLE_NL
    memo = [
        [cell.value for cell in row]
        for row in sheet.iter_rows(min_row=heading + 3, max_row=heading + 4)
    ]
    assert [(row[0], row[2], row[4], row[7]) for row in memo] == [
        (2006, "PWA-cheques", "gebruikers (PWA)", 3564),
        (2007, "PWA-cheques", "gebruikers (PWA)", 3564),
    ]
    # The year sheet's SUMIFS stop at the last plan line.
    formula = workbook["Jaren"].cell(9, 3).value
    assert f"$H$2:$H${len(plan.lines) + 1}" in formula


def test_the_pdf_shows_the_memo_lines_under_their_heading(
    bik: tuple[FinancingPlan, list[Alert]],
) -> None:
    plan, alerts = bik
    reader = pypdf.PdfReader(io.BytesIO(plan_to_pdf(plan, alerts, "nl")))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    section = text[text.index(TITLE_NL) :]
    assert "PWA-cheques" in section
    assert "gebruikers (PWA)" in section
    assert "3.564,00" in section
