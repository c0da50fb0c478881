"""The Excel people import reads a number typed as text with the same nl-BE reader as every
form (issue 10, item 1): the text `2.800` is 2800 euros, not 2,80; a cell that holds a number
is taken as that number; an ambiguous text is refused at its row and column with its
readings."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from openpyxl import Workbook

from klaverblad.locale import Language
from klaverblad.report.people_import import PeopleImportError, read_people_xlsx

NBSP = "\u00a0"
PERSON: dict[str, Any] = {
    "id": "w1",
    "role": "target",
    "birth_date": date(1968, 3, 15),
    "diploma": "lager_secundair",
    "status": "uvw",
    "unemployed_months": 30,
    "start_date": date(2027, 1, 1),
    "fte": 1,
    "monthly_wage_cost": 2100,
}


def workbook(**cells: Any) -> bytes:
    """A people sheet with one person, `cells` replacing its values (a str is a text cell)."""
    person = {**PERSON, **cells}
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Personen"
    sheet.append(list(person))
    sheet.append(list(person.values()))  # a str stays a text cell, as '@' cells hold it
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def person(data: bytes, language: Language = "nl") -> dict[str, Any]:
    people = read_people_xlsx(data, language)
    assert len(people) == 1
    return people[0]


@pytest.mark.parametrize(
    ("text", "wage"),
    [
        ("2.800", 2800),
        ("€ 2.800", 2800),
        ("2.800,50", 2800.5),
        ("2800", 2800),
        ("3 000", 3000),
        ("2,95", 2.95),
        ("1.234.567,8", 1234567.8),
    ],
)
def test_a_wage_typed_as_text_is_read_the_belgian_way(text: str, wage: float) -> None:
    assert person(workbook(monthly_wage_cost=text))["monthly_wage_cost"] == wage


def test_a_cell_that_holds_a_number_is_taken_as_that_number() -> None:
    read = person(workbook(monthly_wage_cost=2.8, fte=0.8, unemployed_months=1000))
    assert read["monthly_wage_cost"] == 2.8
    assert read["fte"] == 0.8
    assert read["unemployed_months"] == 1000


def test_fte_and_counts_typed_as_text_are_read_the_belgian_way() -> None:
    read = person(workbook(fte="0,8", unemployed_months="1.000"))
    assert read["fte"] == 0.8
    assert read["unemployed_months"] == 1000


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "2,950",
            f"'2,950' kan op twee manieren gelezen worden: bedoel je €{NBSP}2.950,00 of "
            f"€{NBSP}2,95?",
        ),
        ("2.95", f"bedoel je €{NBSP}2,95?"),
        ("1,234.56", f"bedoel je €{NBSP}1.234,56?"),
    ],
)
def test_an_ambiguous_wage_text_is_refused_at_its_row_and_column(text: str, message: str) -> None:
    with pytest.raises(PeopleImportError) as refused:
        read_people_xlsx(workbook(monthly_wage_cost=text), "nl")
    [problem] = refused.value.problems
    assert problem.startswith("rij 2, kolom monthly_wage_cost: ")
    assert message in problem


def test_a_decimal_count_is_refused_as_not_whole() -> None:
    with pytest.raises(PeopleImportError) as refused:
        read_people_xlsx(workbook(unemployed_months="30,5"), "nl")
    assert refused.value.problems == ["rij 2, kolom unemployed_months: '30,5' is geen geheel getal"]


def test_the_english_import_keeps_the_english_reading() -> None:
    assert person(workbook(monthly_wage_cost="2,800.50"), "en")["monthly_wage_cost"] == 2800.5
    with pytest.raises(PeopleImportError) as refused:
        read_people_xlsx(workbook(monthly_wage_cost="2.800"), "en")
    assert "did you mean €2,800.00 or €2.80?" in refused.value.problems[0]
