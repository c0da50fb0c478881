"""The exports funders ask for: the plan workbook with live formulas, the people template and
its import, and the PDF."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pypdf
import pytest
import yaml
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from klaverblad.advice.alerts import Alert, plan_alerts
from klaverblad.locale import Language
from klaverblad.model import Initiative, load_initiative, parse_initiative
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.plan.ledger import LEAVES
from klaverblad.report.people_import import PeopleImportError, read_people_xlsx
from klaverblad.report.plan_pdf import plan_html, plan_to_pdf
from klaverblad.report.plan_xlsx import (
    HEADER_ROW,
    PERSON_FIELDS,
    REQUIRED_FIELDS,
    people_template_xlsx,
    plan_to_xlsx,
)
from tests.builders import BASE

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
BIK = EXAMPLES / "bik-klusjesdienst.yaml"
EXPORTED = date(2025, 3, 5)


@pytest.fixture(scope="module")
def bik() -> tuple[FinancingPlan, list[Alert]]:
    plan = compute_plan(load_initiative(BIK))
    return plan, plan_alerts(plan)


@pytest.fixture(scope="module")
def bik_workbook(bik: tuple[FinancingPlan, list[Alert]]) -> openpyxl.Workbook:
    plan, alerts = bik
    data = plan_to_xlsx(plan, alerts, "nl", exported=EXPORTED)
    return openpyxl.load_workbook(io.BytesIO(data))


# --- The plan workbook ------------------------------------------------------------------------

RANGE = re.compile(
    r"'(?P<sheet>[^']+)'!\$(?P<column>[A-Z]+)\$(?P<first>\d+):\$[A-Z]+\$(?P<last>\d+)"
)


def column_values(workbook: openpyxl.Workbook, reference: str) -> list[Any]:
    match = RANGE.fullmatch(reference)
    assert match, reference
    sheet = workbook[match["sheet"]]
    first, last = int(match["first"]), int(match["last"])
    return [sheet[f"{match['column']}{row}"].value for row in range(first, last + 1)]


def cell_value(sheet: Worksheet, reference: str) -> Any:
    return sheet[reference.replace("$", "")].value


def evaluate_sumifs(workbook: openpyxl.Workbook, sheet: Worksheet, formula: str) -> float:
    """SUMIFS(sum_range, range1, criterion1, range2, criterion2) by hand, exact matches."""
    match = re.fullmatch(r"=SUMIFS\((.*)\)", formula)
    assert match, formula
    sum_ref, *pairs = match[1].split(",")
    sums = column_values(workbook, sum_ref)
    keep = [True] * len(sums)
    for criteria_ref, criterion_ref in zip(pairs[::2], pairs[1::2], strict=True):
        values = column_values(workbook, criteria_ref)
        assert len(values) == len(sums)
        wanted = cell_value(sheet, criterion_ref)
        keep = [k and v == wanted for k, v in zip(keep, values, strict=True)]
    return sum(amount for amount, kept in zip(sums, keep, strict=True) if kept)


def test_the_workbook_has_the_six_sheets(bik_workbook: openpyxl.Workbook) -> None:
    assert bik_workbook.sheetnames == [
        "Jaren",
        "Kosten",
        "Plan",
        "Kasstroom",
        "Signalen",
        "Bronnen",
    ]


def test_the_lines_sheet_holds_every_line_with_its_amount_as_a_number(
    bik: tuple[FinancingPlan, list[Alert]], bik_workbook: openpyxl.Workbook
) -> None:
    plan, _ = bik
    sheet = bik_workbook["Plan"]
    # The lines, then an empty row and the memo lines apart (PWA cheques, RULEBOOK v1.2 §1).
    rows = list(sheet.iter_rows(min_row=2, max_row=len(plan.lines) + 1, values_only=True))
    assert all(row[0] is not None for row in rows)
    assert sheet.cell(len(plan.lines) + 2, 1).value is None
    assert sheet.cell(len(plan.lines) + 3, 1).value == "Buiten de rekening van het initiatief"
    for row, line in zip(rows, plan.lines, strict=True):
        assert row[:2] == (line.year, line.leaf)
        assert row[7] == pytest.approx(line.cents / 100)
    assert sheet["H2"].number_format.startswith('"€ "')
    # The amounts per year and leaf sum to the plan's leaves.
    for year in plan.years:
        for leaf in LEAVES:
            total = sum(r[7] for r in rows if r[0] == year.year and r[1] == leaf)
            assert round(total * 100) == year.leaves[leaf]


def test_the_year_sheet_sums_the_lines_with_live_sumifs_formulas(
    bik: tuple[FinancingPlan, list[Alert]], bik_workbook: openpyxl.Workbook
) -> None:
    plan, _ = bik
    sheet = bik_workbook["Jaren"]
    header = HEADER_ROW + 1  # 1-based
    assert [sheet.cell(header, 3 + i).value for i in range(len(plan.years))] == [2006, 2007]
    last = len(plan.lines) + 1
    assert sheet["C9"].value == (
        f"=SUMIFS('Plan'!$H$2:$H${last},'Plan'!$A$2:$A${last},C$8,'Plan'!$B$2:$B${last},$A9)"
    )
    for index, leaf in enumerate(LEAVES):
        row = header + 1 + index
        assert sheet.cell(row, 1).value == leaf
        for offset, year in enumerate(plan.years):
            formula = sheet.cell(row, 3 + offset).value
            assert isinstance(formula, str) and formula.startswith("=SUMIFS(")
            value = evaluate_sumifs(bik_workbook, sheet, formula)
            assert round(value * 100) == year.leaves[leaf]
        total = sheet.cell(row, 3 + len(plan.years)).value
        assert total == f"=SUM(C{row}:D{row})"
    funding, costs, gap = header + 5, header + 6, header + 7
    assert sheet[f"C{funding}"].value == f"=SUM(C{header + 1}:C{header + 4})"
    # The costs come from the costs sheet's total row: BIK's five people and the operating
    # costs are its rows 5..10, the totals row 11; columns E:F count months, G:H cost.
    assert sheet[f"C{costs}"].value == "='Kosten'!G11"
    assert sheet[f"D{costs}"].value == "='Kosten'!H11"
    assert sheet[f"C{gap}"].value == f"=C{costs}-C{funding}"
    assert sheet[f"E{gap}"].value == f"=E{costs}-E{funding}"
    assert sheet[f"E{costs}"].value == f"=SUM(C{costs}:D{costs})"


def test_formulas_carry_their_values_for_viewers_that_do_not_recalculate(
    bik: tuple[FinancingPlan, list[Alert]],
) -> None:
    plan, alerts = bik
    data = plan_to_xlsx(plan, alerts, "nl", exported=EXPORTED)
    sheet = openpyxl.load_workbook(io.BytesIO(data), data_only=True)["Jaren"]
    assert sheet["E13"].value == pytest.approx(plan.totals.funding_cents / 100)
    assert sheet["E15"].value == pytest.approx(plan.totals.gap_cents / 100)


def test_the_workbook_says_rules_version_date_alerts_and_sources(
    bik: tuple[FinancingPlan, list[Alert]], bik_workbook: openpyxl.Workbook
) -> None:
    plan, alerts = bik
    years = bik_workbook["Jaren"]
    assert years["B4"].value == plan.rules_version
    assert years["B5"].value == datetime(2025, 3, 5)
    titles = [row[1] for row in bik_workbook["Signalen"].iter_rows(min_row=2, values_only=True)]
    assert titles == [alert.title("nl") for alert in alerts]
    sources = list(bik_workbook["Bronnen"].iter_rows(min_row=2, values_only=True))
    leefloon = [row for row in sources if row[0] == "art60.leefloon_cat3"]
    assert [(row[2], row[4]) for row in leefloon] == [
        (834.14, "2005-08-01"),
        (859.31, "2006-10-01"),
    ]
    assert leefloon[0][5].startswith("L")
    assert "https://" in leefloon[0][6]


def test_a_plan_without_lines_still_gives_valid_formulas() -> None:
    plan = compute_plan(parse_initiative(dict(BASE, recognitions=[]), "empty"))
    assert plan.lines == []
    workbook = openpyxl.load_workbook(io.BytesIO(plan_to_xlsx(plan, [], "en")))
    assert workbook.sheetnames == ["Years", "Costs", "Plan", "Cash flow", "Alerts", "Sources"]
    sheet = workbook["Years"]
    assert sheet["C9"].value == (
        "=SUMIFS('Plan'!$H$2:$H$2,'Plan'!$A$2:$A$2,C$8,'Plan'!$B$2:$B$2,$A9)"
    )
    assert evaluate_sumifs(workbook, sheet, sheet["C9"].value) == 0
    assert workbook["Alerts"]["A2"].value == "No alerts."


# --- The people template and its import ------------------------------------------------------


def template_sheet(language: Language = "nl") -> tuple[openpyxl.Workbook, Worksheet]:
    workbook = openpyxl.load_workbook(io.BytesIO(people_template_xlsx(language)))
    return workbook, workbook.worksheets[0]


def test_the_template_has_one_column_per_person_field_with_help_and_validation() -> None:
    _, sheet = template_sheet()
    assert sheet.title == "Personen"
    assert [cell.value for cell in sheet[1]] == list(PERSON_FIELDS)
    assert all(cell.comment is not None and cell.comment.text for cell in sheet[1])
    column = {field: get_column_letter(index) for index, field in enumerate(PERSON_FIELDS, 1)}
    assert sheet[f"{column['id']}1"].comment.text.startswith("verplicht")
    assert sheet[f"{column['end_date']}1"].comment.text.startswith("optioneel")
    lists = {
        str(v.sqref).split(":")[0][:-1]: v.formula1
        for v in sheet.data_validations.dataValidation
        if v.type == "list"
    }
    assert lists[column["role"]] == '"target,supervisor"'
    assert "leefloon" in lists[column["status"]]
    assert "regular" in lists[column["statute"]] and "sine" in lists[column["statute"]]
    assert lists[column["placed_by_ocmw"]] == '"ja,nee"'
    assert lists[column["maatwerk_begeleiding"]] == '"laag,midden,hoog"'
    kinds = {v.type for v in sheet.data_validations.dataValidation}
    assert {"list", "date", "decimal", "whole"} <= kinds


def fill(people: list[dict[str, Any]], language: Language = "nl", raw: bool = False) -> bytes:
    """The template filled in with `people`; booleans as ja/nee and ISO dates as dates unless
    `raw` (then each value is written as given)."""
    workbook, sheet = template_sheet(language)
    yes, no = ("ja", "nee") if language == "nl" else ("yes", "no")
    for row, person in enumerate(people, start=2):
        for column, field in enumerate(PERSON_FIELDS, start=1):
            value = person.get(field)
            if value is None:
                continue
            if raw:
                pass
            elif isinstance(value, bool):
                value = yes if value else no
            elif isinstance(value, str) and field.endswith("_date"):
                value = date.fromisoformat(value)
            sheet.cell(row, column, value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def example_data(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for person in data.get("people", []):
        for field in ("birth_date", "start_date", "end_date"):
            if isinstance(person.get(field), date):
                person[field] = person[field].isoformat()
    return data


@pytest.mark.parametrize(
    "path",
    [p for p in sorted(EXAMPLES.glob("*.yaml")) if "people" in example_data(p)],
    ids=lambda p: p.stem,
)
def test_a_filled_template_reads_back_as_the_same_people(path: Path) -> None:
    data = example_data(path)
    original: Initiative = parse_initiative(data, str(path))
    people = read_people_xlsx(fill(data["people"]))
    assert all(isinstance(p["birth_date"], str) for p in people)
    imported = parse_initiative({**data, "people": people}, "import")
    assert imported.people == original.people
    assert imported == original


def test_the_english_template_reads_yes_and_no() -> None:
    data = example_data(BIK)
    people = read_people_xlsx(fill(data["people"], "en"), "en")
    assert people[1]["placed_by_ocmw"] is True


def test_cells_are_converted_as_the_file_would_write_them() -> None:
    row = {
        "id": 7,
        "role": "Target",
        "birth_date": "15/03/1968",
        "diploma": "lager",
        "status": "uvw",
        "unemployed_months": 30.0,
        "start_date": datetime(2006, 1, 1),
        "fte": "0,8",
        "monthly_wage_cost": 2100.1 + 1e-12,
        "placed_by_ocmw": "WAAR",
        "gesco_verhoogd": False,
        "maatwerk_loonpremie_pct": "40",
        "end_date": "  ",
    }
    (person,) = read_people_xlsx(fill([row], raw=True))
    assert person == {
        "id": "7",
        "role": "target",
        "birth_date": "1968-03-15",
        "diploma": "lager",
        "status": "uvw",
        "unemployed_months": 30,
        "start_date": "2006-01-01",
        "fte": 0.8,
        "monthly_wage_cost": 2100.1,
        "placed_by_ocmw": True,
        "gesco_verhoogd": False,
        "maatwerk_loonpremie_pct": 40,
    }


def problems(data: bytes, language: Language = "nl") -> list[str]:
    with pytest.raises(PeopleImportError) as caught:
        read_people_xlsx(data, language)
    assert caught.value.problems
    return caught.value.problems


def workbook_bytes(rows: list[list[Any]]) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [b"", b"id;role\nw1;target\n", b"PK\x03\x04garbage", zip_bytes(), b"%PDF-1.7\n" * 10],
    ids=["empty", "csv", "broken-zip", "zip-without-workbook", "pdf"],
)
def test_a_file_that_is_not_a_workbook_is_a_problem_not_a_crash(data: bytes) -> None:
    assert problems(data) == ["het bestand is geen Excel-werkmap (.xlsx) of is beschadigd"]
    assert problems(data, "en") == ["the file is not an Excel workbook (.xlsx) or is damaged"]


def test_an_empty_sheet_is_a_problem() -> None:
    assert problems(workbook_bytes([])) == [
        "het werkblad 'Sheet' is leeg: verwacht een kopregel met " + ", ".join(REQUIRED_FIELDS)
    ]
    assert problems(people_template_xlsx()) == ["geen enkele persoon ingevuld (vanaf rij 2)"]


def test_unknown_missing_and_repeated_columns_are_named() -> None:
    found = problems(workbook_bytes([["id", "role", "colour", "id", None], ["w1", "target", 1]]))
    assert found[0].startswith("kolom C 'colour' is geen veld van een persoon")
    assert "kolom 'id' staat twee keer in de kopregel (A, D)" in found
    assert "kolom 'birth_date' ontbreekt in de kopregel (verplicht)" in found
    unnamed = problems(workbook_bytes([["id", None], ["w1", "x"]]))
    assert "kolom B heeft gegevens maar geen naam in de kopregel" in unnamed


def test_bad_cells_are_reported_by_row_and_column() -> None:
    good = example_data(BIK)["people"][0]
    rows = [
        dict(good, fte="abc"),
        dict(good, id="w2", birth_date="31/02/1968", placed_by_ocmw="misschien"),
        dict(good, id="w3", role="baas", unemployed_months=2.5),
        dict(good, id="w3", fte=2),
        dict(good, id="w5", diploma=None),
    ]
    found = problems(fill(rows, raw=True))
    assert found == [
        "rij 2, kolom fte: 'abc' is geen getal",
        "rij 3, kolom birth_date: '31/02/1968' is geen datum (JJJJ-MM-DD of d/mm/jjjj)",
        "rij 3, kolom placed_by_ocmw: 'misschien' is geen ja of nee",
        "rij 4, kolom role: 'baas' is niet toegelaten; kies uit target, supervisor",
        "rij 4, kolom unemployed_months: '2.5' is geen geheel getal",
        "rij 5, kolom fte: must be more than 0 and at most 1",
        "rij 5, kolom id: id 'w3' komt al voor op rij 4",
        "rij 6, kolom diploma: verplicht, maar leeg",
    ]
    english = problems(fill([dict(good, fte="abc")], raw=True), "en")
    assert english == ["row 2, column fte: 'abc' is not a number"]


def test_empty_rows_between_people_are_skipped() -> None:
    data = example_data(BIK)["people"]
    people = read_people_xlsx(fill([data[0], {}, {}, data[1]]))
    assert [p["id"] for p in people] == ["w1", "w2"]


# --- The PDF ----------------------------------------------------------------------------------


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return text.replace("\xa0", " ")


@pytest.fixture(scope="module")
def bik_pdf(bik: tuple[FinancingPlan, list[Alert]]) -> bytes:
    plan, alerts = bik
    return plan_to_pdf(plan, alerts, "nl", exported=EXPORTED)


def test_the_pdf_is_an_a4_pdf_with_page_numbers(bik_pdf: bytes) -> None:
    assert bik_pdf.startswith(b"%PDF")
    reader = pypdf.PdfReader(io.BytesIO(bik_pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    pages = len(reader.pages)
    assert f"pagina 1 / {pages}" in reader.pages[0].extract_text()


def test_the_pdf_says_what_a_funder_needs(
    bik: tuple[FinancingPlan, list[Alert]], bik_pdf: bytes
) -> None:
    plan, alerts = bik
    text = pdf_text(bik_pdf)
    for expected in (
        "Klusjesdienst en buurtdiensten vzw BIK",
        "vzw BIK (vzw), Kortrijk",
        "vanaf januari 2006 tot en met december 2007 (24 maanden)",
        "II werkgelegenheid",
        "€ 57.985,19",  # leaf II: 37 485,19 + 20 500 (the PWA cheques are memo lines)
        "€ 68.454,81",  # the gap: 216 000 − 147 545,19
        "€ 25,44",  # the break-even price: 73 254,81 / 2 880 = 25,4357…
        "Buiten de rekening van het initiatief",  # the PWA cheques apart
        "Subsidie stopt tijdens de tewerkstelling",  # the funding_cliff alert, in words
        # w4's funding_cliff (WEP+ stops 2007-07); the PDF breaks the line after "Plan".
        "een andere financiering of een overstap",
        "art60.leefloon_cat3",
        "1/10/2006",
        plan.rules_version,
        "5 maart 2025",
    ):
        assert expected in text, expected
    words = " ".join(text.split())
    assert all(alert.title("nl") in words for alert in alerts)
    assert not any(alert.code in text for alert in alerts)


def test_the_pdf_html_inlines_the_chart_and_loads_nothing_from_outside(
    bik: tuple[FinancingPlan, list[Alert]],
) -> None:
    plan, alerts = bik
    html = plan_html(plan, alerts, "nl", exported=EXPORTED)
    assert '<html lang="nl">' in html
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html
    assert "<script" not in html and "<link" not in html and "@import" not in html


def test_an_english_pdf_of_a_plan_without_lines() -> None:
    plan = compute_plan(parse_initiative(dict(BASE, recognitions=[]), "empty"))
    text = pdf_text(plan_to_pdf(plan, [], "en", exported=EXPORTED))
    assert "Summary over the whole horizon" in text and "Test initiative" in text
    assert "No funding in this leaf." in text and "No alerts." in text
    assert "not applicable" in text
    assert "Total €0.00 0.0%" in text
