"""The Excel template for importing people (read back by `klaverblad.report.people_import`):
one column per person field of CONTRACT §2, the field names as headers, a comment per header,
data validation for the choices, dates, numbers and yes/no, and a help sheet. Split from
`plan_xlsx.py` (the plan workbook), which still re-exports these names.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any, get_args

import xlsxwriter

from klaverblad.locale import Language
from klaverblad.messages import N_, words
from klaverblad.model.initiative import (
    Begeleiding,
    Diploma,
    MaatwerkPakket,
    Person,
    Role,
    Status,
    Statute,
    VopBeslissing,
)

# The columns are the person fields of the initiative file (CONTRACT §2), in its order.
PERSON_FIELDS: tuple[str, ...] = tuple(Person.model_fields)
REQUIRED_FIELDS = (
    "id",
    "role",
    "birth_date",
    "diploma",
    "status",
    "unemployed_months",
    "start_date",
    "fte",
    "monthly_wage_cost",
)
DATE_FIELDS = ("birth_date", "start_date", "end_date")
BOOLEAN_FIELDS = (
    "placed_by_ocmw",
    "gesco_verhoogd",
    "wep_verlengd",
    "gesco_post",
    "contract_indefinite",
)
INTEGER_FIELDS = ("unemployed_months", "maatwerk_loonpremie_pct")
NUMBER_FIELDS = ("fte", "monthly_wage_cost", "gross_quarterly_wage")
CHOICES: dict[str, tuple[str, ...]] = {
    "role": get_args(Role),
    "diploma": get_args(Diploma),
    "status": get_args(Status),
    "statute": tuple(value for item in get_args(Statute) for value in (get_args(item) or (item,))),
    "maatwerk_begeleiding": get_args(Begeleiding),
    "maatwerk_pakket": get_args(MaatwerkPakket),
    "vop": get_args(VopBeslissing),
}
MAATWERK_PERCENTAGES = tuple(range(20, 80, 5))
BOOLEAN_WORDS = {"nl": ("ja", "nee"), "en": ("yes", "no")}
TEMPLATE_ROWS = 500
TEMPLATE_WORDS = words(
    N_("people_template.sheet"),
    N_("people_template.help_sheet"),
    N_("people_template.required"),
    N_("people_template.optional"),
    N_("people_template.field"),
    N_("people_template.need"),
    N_("people_template.meaning"),
    N_("people_template.intro"),
)
# What each column of the people template means, per language.
FIELD_HELP = words(
    N_("person_field.id"),
    N_("person_field.name"),
    N_("person_field.role"),
    N_("person_field.birth_date"),
    N_("person_field.diploma"),
    N_("person_field.status"),
    N_("person_field.unemployed_months"),
    N_("person_field.start_date"),
    N_("person_field.end_date"),
    N_("person_field.fte"),
    N_("person_field.monthly_wage_cost"),
    N_("person_field.statute"),
    N_("person_field.placed_by_ocmw"),
    N_("person_field.gesco_verhoogd"),
    N_("person_field.wep_verlengd"),
    N_("person_field.maatwerk_loonpremie_pct"),
    N_("person_field.maatwerk_begeleiding"),
    N_("person_field.maatwerk_pakket"),
    N_("person_field.vop"),
    N_("person_field.gesco_post"),
    N_("person_field.contract_indefinite"),
    N_("person_field.gross_quarterly_wage"),
)


def _allowed(field: str, language: Language) -> str:
    if field in CHOICES:
        return ", ".join(CHOICES[field])
    if field in BOOLEAN_FIELDS:
        return "/".join(BOOLEAN_WORDS[language])
    if field == "maatwerk_loonpremie_pct":
        return ", ".join(str(p) for p in MAATWERK_PERCENTAGES)
    return ""


# What Excel lets a person type in each number column of the template.
NUMBER_VALIDATIONS: dict[str, dict[str, Any]] = {
    "maatwerk_loonpremie_pct": {
        "validate": "list",
        "source": [str(p) for p in MAATWERK_PERCENTAGES],
    },
    "unemployed_months": {
        "validate": "integer",
        "criteria": "between",
        "minimum": 0,
        "maximum": 1200,
    },
    "fte": {"validate": "decimal", "criteria": "between", "minimum": 0.0001, "maximum": 1},
    "monthly_wage_cost": {"validate": "decimal", "criteria": ">=", "value": 0},
    "gross_quarterly_wage": {"validate": "decimal", "criteria": ">", "value": 0},
}


def _validation(field: str, language: Language) -> dict[str, Any] | None:
    """The data validation of a template column: dates, choices, yes/no, numbers, or none."""
    if field in DATE_FIELDS:
        return {
            "validate": "date",
            "criteria": "between",
            "minimum": date(1900, 1, 1),
            "maximum": date(2200, 12, 31),
            "error_message": "JJJJ-MM-DD" if language == "nl" else "YYYY-MM-DD",
        }
    if field in CHOICES or field in BOOLEAN_FIELDS:
        return {"validate": "list", "source": list(CHOICES.get(field) or BOOLEAN_WORDS[language])}
    return NUMBER_VALIDATIONS.get(field)


def people_template_xlsx(language: Language = "nl") -> bytes:
    """The Excel template for importing people: one column per person field of CONTRACT §2
    (the field names as headers), a comment per header, data validation for the choices,
    dates, numbers and yes/no, and a help sheet."""
    words = TEMPLATE_WORDS[language]
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    header = workbook.add_format({"bold": True, "bg_color": "#E8E8E8", "bottom": 1})
    required_header = workbook.add_format(
        {"bold": True, "bg_color": "#D9E7F5", "bottom": 1, "font_color": "#1A1A1A"}
    )
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    text_format = workbook.add_format({"num_format": "@"})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    sheet = workbook.add_worksheet(words["sheet"])
    last = TEMPLATE_ROWS
    for column, field in enumerate(PERSON_FIELDS):
        required = field in REQUIRED_FIELDS
        sheet.write_string(0, column, field, required_header if required else header)
        meaning = FIELD_HELP[language][field]
        allowed = _allowed(field, language)
        comment = f"{words['required'] if required else words['optional']}. {meaning}"
        if allowed:
            comment += f" ({allowed})"
        sheet.write_comment(0, column, comment, {"x_scale": 2, "y_scale": 1.2})
        width = max(len(field) + 2, 12)
        if field in DATE_FIELDS:
            cell_format = date_format
        elif field in CHOICES or field in BOOLEAN_FIELDS or field not in NUMBER_VALIDATIONS:
            cell_format = text_format
        elif field == "monthly_wage_cost":
            cell_format = workbook.add_format({"num_format": "0.00"})
        else:
            cell_format = None
        sheet.set_column(column, column, width, cell_format)
        validation = _validation(field, language)
        if validation is not None:
            sheet.data_validation(1, column, last, column, validation)
    sheet.freeze_panes(1, 1)
    help_sheet = workbook.add_worksheet(words["help_sheet"])
    help_sheet.write(0, 0, words["intro"], wrap)
    help_sheet.write(2, 0, words["field"], header)
    help_sheet.write(2, 1, words["need"], header)
    help_sheet.write(2, 2, words["meaning"], header)
    for row, field in enumerate(PERSON_FIELDS, start=3):
        meaning = FIELD_HELP[language][field]
        allowed = _allowed(field, language)
        help_sheet.write(row, 0, field)
        help_sheet.write(
            row, 1, words["required"] if field in REQUIRED_FIELDS else words["optional"]
        )
        help_sheet.write(row, 2, f"{meaning} {allowed}".strip(), wrap)
    help_sheet.set_column(0, 0, 26)
    help_sheet.set_column(1, 1, 12)
    help_sheet.set_column(2, 2, 90, wrap)
    workbook.close()
    return buffer.getvalue()
