"""The v1.2 person fields (CONTRACT §2: maatwerk_pakket, vop, gesco_post, contract_indefinite,
gross_quarterly_wage) in the people template and its import: the template's columns, lists and
help in both languages, the cells read back (yes/no, choices as codes or words, money the
Belgian way), a bad cell named by its row and column, and a v1.1 sheet without the columns.
The person fields of template, import and wizard come from one list (`PERSON_KINDS`)."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from klaverblad.locale import Language
from klaverblad.model.initiative import Person
from klaverblad.report.people_import import PeopleImportError, read_people_xlsx
from klaverblad.report.plan_xlsx_people import (
    BOOLEAN_FIELDS,
    CHOICES,
    PERSON_FIELDS,
    PERSON_KINDS,
    people_template_xlsx,
)
from klaverblad.web.wizard.fields import PERSON

NEW_FIELDS = ("maatwerk_pakket", "vop", "gesco_post", "contract_indefinite", "gross_quarterly_wage")
WORKER: dict[str, Any] = {
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


def filled(rows: list[dict[str, Any]], language: Language = "nl") -> bytes:
    """The template of `language` with `rows` typed in from row 2 (a str is a text cell)."""
    book = openpyxl.load_workbook(io.BytesIO(people_template_xlsx(language)))
    sheet = book.worksheets[0]
    columns = {cell.value: cell.column for cell in sheet[1]}
    for offset, row in enumerate(rows):
        for field, value in row.items():
            sheet.cell(row=2 + offset, column=columns[field], value=value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def problems_of(data: bytes, language: Language = "nl") -> list[str]:
    with pytest.raises(PeopleImportError) as refused:
        read_people_xlsx(data, language)
    return refused.value.problems


def test_the_one_list_of_person_fields_names_every_field_of_the_person_model() -> None:
    assert tuple(PERSON_KINDS) == tuple(Person.model_fields) == PERSON_FIELDS
    assert {field.name for field in PERSON} == set(PERSON_KINDS)


def test_the_wizard_template_and_import_agree_on_the_kind_of_each_new_field() -> None:
    wizard = {field.name: field for field in PERSON}
    assert {"gesco_post", "contract_indefinite"} <= set(BOOLEAN_FIELDS)
    assert wizard["gesco_post"].kind == wizard["contract_indefinite"].kind == "checkbox"
    # Defaults as in the contract: gesco_post false, contract_indefinite true.
    assert (wizard["gesco_post"].checked, wizard["contract_indefinite"].checked) == (False, True)
    assert CHOICES["maatwerk_pakket"] == ("2j", "5j_loonpremie", "5j_verhoogd", "5j_mwb")
    assert CHOICES["vop"] == ("onbepaald", "bepaald")
    assert wizard["maatwerk_pakket"].choices == CHOICES["maatwerk_pakket"]
    assert wizard["vop"].choices == CHOICES["vop"]
    assert wizard["gross_quarterly_wage"].kind == "amount"
    assert not any(wizard[name].required for name in NEW_FIELDS)


@pytest.mark.parametrize(("language", "flags"), [("nl", '"ja,nee"'), ("en", '"yes,no"')])
def test_the_template_lists_the_choices_and_yes_no_of_the_new_columns(
    language: Language, flags: str
) -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(people_template_xlsx(language))).worksheets[0]
    column = {field: get_column_letter(i) for i, field in enumerate(PERSON_FIELDS, 1)}
    lists = {
        str(v.sqref).split(":")[0][:-1]: v.formula1
        for v in sheet.data_validations.dataValidation
        if v.type == "list"
    }
    assert lists[column["maatwerk_pakket"]] == '"2j,5j_loonpremie,5j_verhoogd,5j_mwb"'
    assert lists[column["vop"]] == '"onbepaald,bepaald"'
    assert lists[column["gesco_post"]] == lists[column["contract_indefinite"]] == flags
    money = [
        v
        for v in sheet.data_validations.dataValidation
        if str(v.sqref).startswith(column["gross_quarterly_wage"] + "2")
    ]
    assert len(money) == 1 and money[0].type == "decimal" and money[0].operator == "greaterThan"


@pytest.mark.parametrize(
    ("language", "pakket", "vop", "contract"),
    [
        (
            "nl",
            "5j_verhoogd (5 jaar, verhoogde loonpremie)",
            "bepaald (VOP van bepaalde duur)",
            "Contract van onbepaalde duur",
        ),
        (
            "en",
            "5j_verhoogd (5 years, increased wage premium (verhoogde loonpremie))",
            "bepaald (VOP of fixed duration (bepaald))",
            "Indefinite contract",
        ),
    ],
)
def test_the_help_sheet_says_what_each_new_field_is_for_in_both_languages(
    language: Language, pakket: str, vop: str, contract: str
) -> None:
    book = openpyxl.load_workbook(io.BytesIO(people_template_xlsx(language)))
    helps = {row[0].value: str(row[2].value) for row in book.worksheets[1].iter_rows(min_row=4)}
    assert "VDAB" in helps["maatwerk_pakket"] and pakket in helps["maatwerk_pakket"]
    assert "VDAB" in helps["vop"] and vop in helps["vop"]
    assert helps["contract_indefinite"].startswith(contract)
    assert "doelgroepvermindering zonder" in helps["gross_quarterly_wage"]
    assert "gesco" in helps["gesco_post"]
    # Each choice's codes are listed once, not twice.
    assert helps["maatwerk_pakket"].count("5j_mwb") == 1


def test_the_new_columns_are_read_as_the_file_writes_them() -> None:
    rows = [
        {
            **WORKER,
            "maatwerk_pakket": "5j_mwb",
            "vop": "onbepaald",
            "gesco_post": "ja",
            "contract_indefinite": "nee",
            "gross_quarterly_wage": "9.500,50",  # typed as text: read the Belgian way
        },
        {
            **WORKER,
            "id": "w2",
            "maatwerk_pakket": "5 jaar, loonpremie",  # the words of the help sheet
            "vop": "VOP van bepaalde duur",
            "gross_quarterly_wage": 7250.25,  # a number cell
        },
    ]
    first, second = read_people_xlsx(filled(rows), "nl")
    assert first["maatwerk_pakket"] == "5j_mwb" and first["vop"] == "onbepaald"
    assert first["gesco_post"] is True and first["contract_indefinite"] is False
    assert first["gross_quarterly_wage"] == 9500.5
    assert second["maatwerk_pakket"] == "5j_loonpremie" and second["vop"] == "bepaald"
    assert second["gross_quarterly_wage"] == 7250.25
    # Empty flags are left out: the model's defaults (no gesco post, an indefinite contract).
    assert "gesco_post" not in second and "contract_indefinite" not in second
    person = Person.model_validate(second)
    assert person.gesco_post is False and person.contract_indefinite is True


def test_the_english_import_reads_yes_no_and_the_english_way_of_money() -> None:
    row = {**WORKER, "contract_indefinite": "no", "gross_quarterly_wage": "10,000.00"}
    (person,) = read_people_xlsx(filled([row], "en"), "en")
    assert person["contract_indefinite"] is False and person["gross_quarterly_wage"] == 10000


def test_a_bad_new_cell_is_named_by_its_row_and_column() -> None:
    rows = [
        {**WORKER, "vop": "misschien", "contract_indefinite": "soms"},
        {**WORKER, "id": "w2", "gross_quarterly_wage": 0},
        {**WORKER, "id": "w3", "gross_quarterly_wage": "2,950"},
    ]
    problems = problems_of(filled(rows))
    assert (
        "rij 2, kolom vop: 'misschien' is niet toegelaten; kies uit onbepaald, bepaald" in problems
    )
    assert "rij 2, kolom contract_indefinite: 'soms' is geen ja of nee" in problems
    assert any(p.startswith("rij 3, kolom gross_quarterly_wage: ") for p in problems)
    # '2,950' could be € 2.950,00 or € 2,95: refused with both readings, never guessed.
    (ambiguous,) = [p for p in problems if p.startswith("rij 4, kolom gross_quarterly_wage: ")]
    assert "2.950,00" in ambiguous and "2,95" in ambiguous


def test_a_v1_1_sheet_without_the_new_columns_still_imports() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Personen"
    sheet.append(list(WORKER))
    sheet.append(list(WORKER.values()))
    buffer = io.BytesIO()
    book.save(buffer)
    (person,) = read_people_xlsx(buffer.getvalue(), "nl")
    assert not set(NEW_FIELDS) & set(person)
    assert Person.model_validate(person).contract_indefinite is True
