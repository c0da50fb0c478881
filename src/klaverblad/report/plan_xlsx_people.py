"""The Excel template for importing people (read back by `klaverblad.report.people_import`):
one column per person field of CONTRACT §2, the field names as headers, a comment per header,
data validation for the choices, dates, numbers and yes/no, and a help sheet. Split from
`plan_xlsx.py` (the plan workbook), which still re-exports these names.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any, Literal, get_args

import xlsxwriter

from klaverblad.locale import Language
from klaverblad.messages import N_, words
from klaverblad.model.initiative import Person
from klaverblad.value_words import value_name

# The one list of the person fields (CONTRACT §2) with the kind of value each holds. The
# template's columns and validation, the import's reading of a cell and the wizard's person
# inputs (`web/wizard/fields.py`) are all derived from it and from the person model (which
# fields are required, the choices of a Literal, the default of a flag); a test checks that
# it names every field of the model, in the model's order.
PersonKind = Literal["text", "choice", "date", "integer", "decimal", "money", "flag", "percentage"]
PERSON_KINDS: dict[str, PersonKind] = {
    "id": "text",
    "name": "text",
    "role": "choice",
    "birth_date": "date",
    "diploma": "choice",
    "status": "choice",
    "unemployed_months": "integer",
    "start_date": "date",
    "end_date": "date",
    "fte": "decimal",
    "monthly_wage_cost": "money",
    "statute": "choice",
    "placed_by_ocmw": "flag",
    "gesco_verhoogd": "flag",
    "wep_verlengd": "flag",
    "maatwerk_loonpremie_pct": "percentage",
    "maatwerk_begeleiding": "choice",
    "maatwerk_pakket": "choice",
    "vop": "choice",
    "gesco_post": "flag",
    "contract_indefinite": "flag",
    "gross_quarterly_wage": "money",
}


def _of_kind(*kinds: PersonKind) -> tuple[str, ...]:
    return tuple(field for field, kind in PERSON_KINDS.items() if kind in kinds)


def literal_values(annotation: Any) -> tuple[str, ...]:
    """The values of a Literal annotation, also inside Optional or a Literal of Literals."""
    if isinstance(annotation, str):
        return (annotation,)
    return tuple(value for item in get_args(annotation) for value in literal_values(item))


# The columns are the person fields of the initiative file (CONTRACT §2), in its order.
PERSON_FIELDS: tuple[str, ...] = tuple(Person.model_fields)
REQUIRED_FIELDS: tuple[str, ...] = tuple(
    field for field, info in Person.model_fields.items() if info.is_required()
)
DATE_FIELDS = _of_kind("date")
BOOLEAN_FIELDS = _of_kind("flag")
INTEGER_FIELDS = _of_kind("integer", "percentage")
NUMBER_FIELDS = _of_kind("decimal", "money")
# The model's default of each yes/no field (`contract_indefinite` is yes unless said).
FLAG_DEFAULTS: dict[str, bool] = {
    field: Person.model_fields[field].default is True for field in BOOLEAN_FIELDS
}
CHOICES: dict[str, tuple[str, ...]] = {
    field: literal_values(Person.model_fields[field].annotation) for field in _of_kind("choice")
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
    """What a column takes: a choice's codes, each with its words ("2j (2 jaar, loonpremie)"),
    yes/no, or the maatwerk percentages."""
    if field in CHOICES:
        return ", ".join(_choice(field, value, language) for value in CHOICES[field])
    if field in BOOLEAN_FIELDS:
        return "/".join(BOOLEAN_WORDS[language])
    if field == "maatwerk_loonpremie_pct":
        return ", ".join(str(p) for p in MAATWERK_PERCENTAGES)
    return ""


def _choice(field: str, value: str, language: Language) -> str:
    """A choice's code as the column takes it, with its words when they say more."""
    shown = value_name(field, value, language)
    if shown.lower() == value or shown.startswith(f"{value} ("):
        return shown
    return f"{value} ({shown})"


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
            comment += f" {allowed}"
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
