"""The CSV in Dutch opens as a table in a spreadsheet with Belgian settings: Dutch headers,
`;` between fields, decimal commas without thousands separators, a BOM for the accents, and
every code in words; English (and the command line's default) keeps `,`, decimal points, the
field names and no BOM. Formula escaping works in both."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest

from klaverblad.model import load_initiative, parse_initiative
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.report.csv_cells import csv_writer
from klaverblad.report.plan_csv import COLUMNS, plan_to_csv
from klaverblad.web.views.csv_download import csv_text
from klaverblad.web.views.plan_tables_csv import costs_csv
from tests.builders import initiative_data, person

BIK = Path(__file__).resolve().parents[2] / "examples" / "bik-klusjesdienst.yaml"


@pytest.fixture(scope="module")
def bik() -> FinancingPlan:
    return compute_plan(load_initiative(BIK))


def dutch_rows(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_the_dutch_csv_has_dutch_headers_semicolons_decimal_commas_and_a_bom(
    bik: FinancingPlan,
) -> None:
    # The plan's lines; below them, after an empty row, the memo lines apart (PWA cheques).
    lines, memo = plan_to_csv(bik, "nl").split("\n\n", 1)
    assert memo.startswith("Buiten de rekening van het initiatief\n")
    header, *rows = dutch_rows(lines + "\n")
    assert header == [
        "Jaar",
        "Blad",
        "Maatregel",
        "Onderdeel",
        "Financier",
        "Persoon",
        "Activiteit",
        "Bedrag",
        "Status",
    ]
    assert len(rows) == len(bik.lines)
    # w2's staatstoelage of 2006 (artikel 60 §7): € 10.085,19, written without a dot.
    art60 = rows[3]
    assert art60[:6] == [
        "2006",
        "II werkgelegenheid",
        "artikel 60 §7",
        "staatstoelage",
        "federaal",
        "w2",
    ]
    assert art60[7:] == ["10085,19", "berekend"]
    amounts = [Decimal(row[7].replace(",", ".")) for row in rows]
    assert all("." not in row[7] for row in rows)
    assert sum(amounts) * 100 == bik.totals.funding_cents


def test_the_dutch_csv_shows_no_codes(bik: FinancingPlan) -> None:
    text = plan_to_csv(bik, "nl")
    for code in ("art60", "wep_plus", "pwa_cheque", "computed", "entered", ",II,"):
        assert code not in text, code
    assert "kansarme gezinnen" in text  # the client group of a client payment


def test_english_and_the_default_keep_commas_points_field_names_and_no_bom(
    bik: FinancingPlan,
) -> None:
    text = plan_to_csv(bik, "en")
    assert text == plan_to_csv(bik)
    assert not text.startswith("\ufeff")
    header = next(csv.reader(io.StringIO(text)))
    assert header == list(COLUMNS)
    assert "2006,II,sine,doelgroepvermindering,federaal,w1,,4000.00,computed" in text.splitlines()


def test_the_dutch_writer_escapes_formulas_and_keeps_negative_amounts_numbers() -> None:
    buffer = io.StringIO()
    csv_writer(buffer, "nl").writerow(["=HYPERLINK(1)", "-12.50", Decimal("-3.5"), 2006, "a;b"])
    assert buffer.getvalue() == '\'=HYPERLINK(1);-12,50;-3,5;2006;"a;b"\n'


def test_page_tables_follow_the_language_of_their_page() -> None:
    rows = [("Gent", Decimal("2950.50"))]
    assert csv_text(("Naam", "Bedrag"), rows, "nl") == "\ufeffNaam;Bedrag\nGent;2950,50\n"
    assert csv_text(("name", "amount"), rows, "en") == "name,amount\nGent,2950.50\n"
    # A page that does not say its language keeps the former file: `,` and a BOM.
    assert csv_text(("name", "amount"), rows) == "\ufeffname,amount\nGent,2950.50\n"


def test_a_shared_plan_names_people_by_id_in_every_csv() -> None:
    data = initiative_data(people=[person(name="Ahmed Yilmaz")])
    plan = compute_plan(parse_initiative(data, "test"))
    assert "Ahmed Yilmaz" in plan_to_csv(plan, "nl")
    assert "Ahmed" not in plan_to_csv(plan, "nl", redact=True)
    assert "Loonkost;Ahmed Yilmaz;2006;25200,00" in costs_csv(plan, "nl")
    assert "Loonkost;w1;2006;25200,00" in costs_csv(plan, "nl", redact=True)
