"""Every CSV the program writes escapes text a spreadsheet would run as a formula (a cell
beginning with = + - @, a tab or a carriage return gets a leading quote, the OWASP advice),
while the amounts it writes itself, negative ones included, stay numbers. One test per writer,
each with a name typed by a user that is a formula."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from klaverblad.advice.portfolio import compute_portfolio
from klaverblad.advice.ranking import Weights, rank_municipalities
from klaverblad.advice.ranking_input import read_csv_text
from klaverblad.model import parse_initiative
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.report.csv_cells import FORMULA_STARTS, csv_writer, escape_cell
from klaverblad.report.plan_csv import plan_to_csv
from klaverblad.report.portfolio_output import portfolio_to_csv
from klaverblad.rules import baseline_system
from klaverblad.rules.reforms import parse_change, reformed_system
from klaverblad.web.views.csv_download import csv_text
from klaverblad.web.views.plan_tables_csv import totals_csv, year_lines_csv
from klaverblad.web.views.ranking import csv_columns, csv_rows
from klaverblad.web.wizard.result import plan_csv as wizard_plan_csv
from tests.builders import initiative_data, person

HYPERLINK = '=HYPERLINK("http://x")'
SUM = "@SUM(1)"
PLUS = "+cmd|' /C calc'!A0"


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def is_amount(cell: str) -> bool:
    try:
        Decimal(cell)
    except ArithmeticError:
        return False
    return True


def plan_with(**changes: Any) -> FinancingPlan:
    """A plan whose funder, person and names are formulas, and whose funding is larger than
    its costs (a negative gap)."""
    data = initiative_data(
        name=HYPERLINK,
        promoter={"name": PLUS, "legal_form": "vzw", "municipality": SUM},
        people=[person(id="-w1")],
        grants=[{"measure": "lde", "funder": HYPERLINK, "amount_per_year": 90000}],
        **changes,
    )
    return compute_plan(parse_initiative(data, "test"))


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_text_beginning_with_any_formula_character_gets_a_leading_quote(start: str) -> None:
    assert escape_cell(f"{start}x") == f"'{start}x"


@pytest.mark.parametrize(
    "value", ["-1234.50", "+3", "-0", "12.5", -5, Decimal("-1.25"), 3.5, None, "", "Gent", "a=b"]
)
def test_numbers_and_plain_text_are_written_as_they_are(value: object) -> None:
    assert escape_cell(value) is value


def test_text_that_only_starts_like_a_number_is_escaped() -> None:
    assert escape_cell("-1+2") == "'-1+2"
    assert escape_cell("-2.5e3") == "'-2.5e3"
    assert escape_cell("=1") == "'=1"


def test_the_shared_writer_escapes_every_cell_of_every_row() -> None:
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerows([(SUM, "-1.00"), ("\tx", "\rx")])
    assert rows_of(buffer.getvalue()) == [["'@SUM(1)", "-1.00"], ["'\tx", "'\nx"]]


def test_the_plan_csv_escapes_a_funder_and_a_person_and_keeps_amounts_numbers() -> None:
    rows = rows_of(plan_to_csv(plan_with()))
    header, body = rows[0], rows[1:]
    funders = {row[header.index("funder")] for row in body}
    assert "'" + HYPERLINK in funders
    assert HYPERLINK not in funders
    people = {row[header.index("person")] for row in body} - {""}
    assert people == {"'-w1"}
    assert all(is_amount(row[header.index("amount")]) for row in body)


def test_the_plan_page_tables_escape_a_funder_and_keep_a_negative_gap_a_number() -> None:
    plan = plan_with()
    lines = rows_of(year_lines_csv(plan, 2006))
    assert any(row[4] == "'" + HYPERLINK for row in lines[1:])
    totals = {row[0]: row[2] for row in rows_of(totals_csv(plan, "en"))[1:]}
    assert totals["gap"].startswith("-")
    assert is_amount(totals["gap"])
    # The Dutch file: `;` between fields, the gap a number with a decimal comma, not escaped.
    dutch = list(csv.reader(io.StringIO(totals_csv(plan, "nl")[1:]), delimiter=";"))
    gap = dutch[3][1]
    assert gap.startswith("-") and is_amount(gap.replace(",", "."))
    dutch_lines = list(csv.reader(io.StringIO(year_lines_csv(plan, 2006, "nl")[1:]), delimiter=";"))
    assert any(row[4] == "'" + HYPERLINK for row in dutch_lines[1:])


def test_the_wizard_statutes_csv_escapes_a_person_id() -> None:
    rows = rows_of(wizard_plan_csv(plan_with(), "statutes"))
    assert rows[1][0] == "'-w1"
    years = rows_of(wizard_plan_csv(plan_with(), "years"))
    assert years[1][-1].startswith("-")  # the gap of a year funded above its costs
    assert is_amount(years[1][-1])


def test_the_portfolio_csv_escapes_names_and_keeps_a_negative_change_a_number() -> None:
    initiative = parse_initiative(
        initiative_data(
            name=HYPERLINK,
            promoter={"name": "vzw Test", "legal_form": "vzw", "municipality": SUM},
            people=[person()],
        ),
        "test",
    )
    lower = parse_change("sine.herinschakelingsuitkering.amount=100@2006-01")
    portfolio = compute_portfolio(
        [initiative], baseline_system(), reformed_system((), (lower,)), (lower.label,)
    )
    header, row = rows_of(portfolio_to_csv(portfolio))
    assert row[header.index("name")] == "'" + HYPERLINK
    assert row[header.index("municipality")] == "'" + SUM
    change = row[header.index("funding_change")]
    assert change.startswith("-")
    assert is_amount(change)


def test_the_csv_under_a_page_table_escapes_text_and_keeps_numbers() -> None:
    text = csv_text(("name", "amount", "count"), [(SUM, "-12.50", -3), (PLUS, None, 0)])
    assert text.startswith("\ufeff")
    assert rows_of(text) == [
        ["name", "amount", "count"],
        ["'@SUM(1)", "-12.50", "-3"],
        ["'" + PLUS, "", "0"],
    ]


def test_the_ranking_csv_escapes_a_municipality_name() -> None:
    source = (
        "municipality,youth_unemployment_rate,general_unemployment_rate\n"
        f'"{HYPERLINK.replace(chr(34), chr(34) * 2)}",20,10\nGent,10,5\n'
    )
    ranking = rank_municipalities(read_csv_text(source, "r.csv"), Weights(Fraction(1), Fraction(1)))
    rows = rows_of(csv_text(csv_columns(ranking), csv_rows(ranking)))
    names = [row[1] for row in rows[1:]]
    assert "'" + HYPERLINK in names
    assert "Gent" in names
