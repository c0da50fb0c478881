"""Reading the filled-in people template (`plan_xlsx.people_template_xlsx`) back into the
`people` list of an initiative file (CONTRACT §2), with openpyxl.

Cells become the file's values: dates `YYYY-MM-DD`, numbers as numbers, yes/no (ja/nee,
TRUE/FALSE, WAAR/ONWAAR, 1/0) as booleans, a choice as its code or its words in the page's
language (`5j_verhoogd` or "5 jaar, verhoogde loonpremie"); empty optional cells are left out
(the model's default: `contract_indefinite` yes, `gesco_post` no). The columns and their
kinds are the one list of person fields (`plan_xlsx_people.PERSON_KINDS`). A cell that holds
a number is taken as that number; a number typed as text (`2.800`, `€ 2.800,50`, `0,8`) goes
through the one number reader of the page's language (`klaverblad.typed_numbers`): in Dutch
`2.800` is 2800, and a text that could mean two things is refused with its readings. Each row
is then checked against the person model, so that every problem names its row and column
(`rij 3, kolom fte: ...`). Anything wrong — not an xlsx file, an empty sheet, an unknown or
missing column — raises `PeopleImportError` with the list of problems; nothing else is ever
raised. Before openpyxl reads anything the upload is checked against the limits table
(`workbook_limits.scan_workbook`: size, unpacked size, shared strings, cells, rows, XML depth,
no DTD or entities), and every cell is quoted in a message through `echo` (short, one line).
The caller puts the people into an initiative and validates it with
`klaverblad.model.parse_initiative` (duplicate ids across the file, references, dates).

>>> try:
...     read_people_xlsx(b"not a workbook")
... except PeopleImportError as error:
...     print(error.problems[0])
het bestand is geen Excel-werkmap (.xlsx) of is beschadigd
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from klaverblad.locale import Language
from klaverblad.messages import N_, words
from klaverblad.model.echo import echo
from klaverblad.model.initiative import Person
from klaverblad.model.limits import (
    EXCEL_BYTES,
    EXCEL_CELLS,
    EXCEL_UNCOMPRESSED_BYTES,
    MEGABYTE,
    NESTING_DEPTH,
    PEOPLE,
    SHARED_STRINGS,
    XML_ELEMENTS,
)
from klaverblad.model.loading import plain_message
from klaverblad.model.number_reader import NumberError, bounded
from klaverblad.report.plan_xlsx_people import (
    BOOLEAN_FIELDS,
    CHOICES,
    DATE_FIELDS,
    INTEGER_FIELDS,
    NUMBER_FIELDS,
    PERSON_FIELDS,
    PERSON_KINDS,
    REQUIRED_FIELDS,
)
from klaverblad.report.workbook_limits import (
    NotAWorkbookError,
    WorkbookLimitError,
    WorkbookShape,
    scan_workbook,
)
from klaverblad.typed_numbers import NumberKind, TypedNumberError, read_typed
from klaverblad.value_words import value_name

# The template has one header row (the field names); people start on row 2.
HEADER_ROWS = 1
MAX_COLUMNS = 200
TRUE_WORDS = {"ja", "j", "yes", "y", "true", "waar", "1", "x"}
FALSE_WORDS = {"nee", "n", "no", "false", "onwaar", "0"}
BELGIAN_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
# How a number typed as text is read (amounts as money, the FTE as a decimal) and the decimals
# a float of Excel is snapped to, by the field's kind in the one list of person fields.
NUMBER_KINDS: dict[str, NumberKind] = {
    field: "money" if PERSON_KINDS[field] == "money" else "decimal" for field in NUMBER_FIELDS
}
PLACES = {field: 2 if NUMBER_KINDS[field] == "money" else 4 for field in NUMBER_FIELDS}

WORDS = words(
    N_("people_import.where"),
    N_("people_import.not_xlsx"),
    N_("people_import.too_large"),
    N_("people_import.too_unpacked"),
    N_("people_import.too_many_strings"),
    N_("people_import.too_many_cells"),
    N_("people_import.too_many_rows"),
    N_("people_import.too_deep"),
    N_("people_import.too_many_elements"),
    N_("people_import.entities"),
    N_("people_import.no_sheet"),
    N_("people_import.empty"),
    N_("people_import.unknown_column"),
    N_("people_import.unnamed_column"),
    N_("people_import.twice"),
    N_("people_import.missing_column"),
    N_("people_import.too_many"),
    N_("people_import.no_people"),
    N_("people_import.required"),
    N_("people_import.not_date"),
    N_("people_import.has_time"),
    N_("people_import.not_number"),
    N_("people_import.not_integer"),
    N_("people_import.not_boolean"),
    N_("people_import.not_choice"),
    N_("people_import.bad_value"),
    N_("people_import.duplicate_id"),
)


class PeopleImportError(Exception):
    """The file cannot be imported; `problems` says where and why, one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s): " + "; ".join(problems[:3]))
        self.problems = problems


class _CellError(ValueError):
    pass


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def read_people_xlsx(data: bytes, language: Language = "nl") -> list[dict[str, Any]]:
    """The people of a filled-in template, as the `people` list of an initiative file."""
    words = WORDS[language]
    shape = _scan(data, words)
    rows = _rows(data, shape, words)
    header, body = rows[0], rows[1:]
    columns, problems = _columns(header, body, words)
    if problems:
        raise PeopleImportError(problems)
    people: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for offset, values in enumerate(body):
        row_number = offset + 2
        cells = {field: values[index] if index < len(values) else None for field, index in columns}
        if all(_is_empty(value) for value in cells.values()):
            continue
        if len(people) >= PEOPLE:
            problems.append(words["too_many"].format(count=PEOPLE))
            break
        person, row_problems = _person(cells, words, language)
        problems += [
            words["where"].format(row=row_number, column=column, message=message)
            for column, message in row_problems
        ]
        identifier = person.get("id")
        if isinstance(identifier, str):
            if identifier in seen:
                message = words["duplicate_id"].format(
                    value=echo(identifier), first=seen[identifier]
                )
                problems.append(words["where"].format(row=row_number, column="id", message=message))
            seen.setdefault(identifier, row_number)
        people.append(person)
    if not people and not problems:
        problems.append(words["no_people"])
    if problems:
        raise PeopleImportError(problems)
    return people


def _scan(data: bytes, words: dict[str, str]) -> WorkbookShape:
    """The limits of the table checked before openpyxl reads anything (`workbook_limits`)."""
    try:
        return scan_workbook(data)
    except NotAWorkbookError:
        raise PeopleImportError([words["not_xlsx"]]) from None
    except WorkbookLimitError as error:
        messages = {
            "excel_bytes": words["too_large"].format(megabytes=EXCEL_BYTES // MEGABYTE),
            "excel_uncompressed_bytes": words["too_unpacked"].format(
                megabytes=EXCEL_UNCOMPRESSED_BYTES // MEGABYTE
            ),
            "shared_strings": words["too_many_strings"].format(count=SHARED_STRINGS),
            "excel_cells": words["too_many_cells"].format(count=EXCEL_CELLS),
            "nesting_depth": words["too_deep"].format(count=NESTING_DEPTH),
            "xml_elements": words["too_many_elements"].format(count=XML_ELEMENTS),
        }
        raise PeopleImportError([messages.get(error.limit, words["entities"])]) from None


def _rows(data: bytes, shape: WorkbookShape, words: dict[str, str]) -> list[tuple[Any, ...]]:
    """The rows of the people sheet (the first sheet, or one named Personen/People), with at
    least a header row, read no further than the last row holding a value (`shape`); trailing
    empty rows are kept for the caller to skip."""
    try:
        from openpyxl import load_workbook

        with warnings.catch_warnings():
            # openpyxl warns about data validation and other extensions it does not read.
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, Exception) as error:  # any parser failure on a strange file
        raise PeopleImportError([words["not_xlsx"]]) from error
    try:
        sheets = workbook.worksheets
        if not sheets:
            raise PeopleImportError([words["no_sheet"]])
        named = [s for s in sheets if s.title.strip().lower() in ("personen", "people")]
        sheet = named[0] if named else sheets[0]
        path = str(getattr(sheet, "_worksheet_path", "")).lstrip("/")
        seen = shape.sheets.get(path)
        if seen is None:  # openpyxl found a sheet the scan did not see as one: do not read it
            raise PeopleImportError([words["not_xlsx"]])
        if seen.last_row > PEOPLE + HEADER_ROWS:
            raise PeopleImportError(
                [
                    words["too_many_rows"].format(
                        sheet=echo(sheet.title), rows=PEOPLE + HEADER_ROWS, count=PEOPLE
                    )
                ]
            )
        rows: list[tuple[Any, ...]] = []
        last_row = max(seen.last_row, HEADER_ROWS)
        for values in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS, max_row=last_row):
            rows.append(tuple(values))
            if len(rows) >= last_row:
                break
        rows = _trim(rows)
        if not rows or all(_is_empty(value) for value in rows[0]):
            raise PeopleImportError(
                [words["empty"].format(sheet=echo(sheet.title), fields=", ".join(REQUIRED_FIELDS))]
            )
        return rows
    except PeopleImportError:
        raise
    except Exception as error:
        raise PeopleImportError([words["not_xlsx"]]) from error
    finally:
        workbook.close()


def _trim(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    while rows and all(_is_empty(value) for value in rows[-1]):
        rows.pop()
    return rows


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _columns(
    header: tuple[Any, ...], body: list[tuple[Any, ...]], words: dict[str, str]
) -> tuple[list[tuple[str, int]], list[str]]:
    """(field, column index) for each known column, and the problems of the header row."""
    problems: list[str] = []
    found: dict[str, list[int]] = {}
    for index, cell in enumerate(header):
        if _is_empty(cell):
            if any(index < len(row) and not _is_empty(row[index]) for row in body):
                problems.append(words["unnamed_column"].format(letter=_column_letter(index)))
            continue
        name = str(cell).strip().lower().replace(" ", "_")
        if name not in PERSON_FIELDS:
            problems.append(
                words["unknown_column"].format(
                    letter=_column_letter(index),
                    name=echo(str(cell).strip()),
                    fields=", ".join(PERSON_FIELDS),
                )
            )
            continue
        found.setdefault(name, []).append(index)
    for name, indexes in found.items():
        if len(indexes) > 1:
            letters = ", ".join(_column_letter(i) for i in indexes)
            problems.append(words["twice"].format(name=name, letters=letters))
    for name in REQUIRED_FIELDS:
        if name not in found:
            problems.append(words["missing_column"].format(name=name))
    columns = [(name, indexes[0]) for name, indexes in found.items()]
    return columns, problems


def _person(
    cells: dict[str, Any], words: dict[str, str], language: Language
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """One row as a person dict (fields in CONTRACT order) and its (column, message) problems."""
    person: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    for field in PERSON_FIELDS:
        if field not in cells:
            continue
        value = cells[field]
        if _is_empty(value):
            if field in REQUIRED_FIELDS:
                problems.append((field, words["required"]))
            continue
        try:
            person[field] = _convert(field, value, words, language)
        except _CellError as error:
            problems.append((field, str(error)))
    if not problems:
        try:
            Person.model_validate(person)
        except ValidationError as error:
            for item in error.errors():
                location = item["loc"]
                column = str(location[0]) if location else "id"
                problems.append((column, plain_message(dict(item))))
    return person, problems


def _convert(field: str, value: Any, words: dict[str, str], language: Language) -> Any:
    if field in DATE_FIELDS:
        return _date(value, words)
    if field in BOOLEAN_FIELDS:
        return _boolean(value, words)
    if field in INTEGER_FIELDS:
        return _integer(value, words, language)
    if field in NUMBER_FIELDS:
        return _number(value, PLACES[field], words, language, NUMBER_KINDS[field])
    text = _text(value, words)
    if field in CHOICES and text not in CHOICES[field]:
        lowered = text.lower()
        if lowered in CHOICES[field]:
            return lowered
        # A choice written in words, as the help sheet gives them ("5 jaar, loonpremie").
        named = {value_name(field, code, language).lower(): code for code in CHOICES[field]}
        if lowered in named:
            return named[lowered]
        raise _CellError(
            words["not_choice"].format(value=echo(text), choices=", ".join(CHOICES[field]))
        )
    return text


def _text(value: Any, words: dict[str, str]) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        raise _CellError(words["bad_value"].format(value=echo(value)))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float | Decimal):
        return str(value)
    raise _CellError(words["bad_value"].format(value=echo(value)))


def _date(value: Any, words: dict[str, str]) -> str:
    if isinstance(value, datetime):
        if value.time() != time(0, 0):
            raise _CellError(words["has_time"])
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        # A date typed into a cell without a date format: Excel's serial day number.
        from openpyxl.utils.datetime import from_excel

        try:
            converted = from_excel(value)
        except (ValueError, OverflowError, TypeError):
            raise _CellError(words["not_date"].format(value=echo(value))) from None
        if isinstance(converted, datetime):
            return _date(converted, words)
        raise _CellError(words["not_date"].format(value=echo(value)))
    if isinstance(value, str):
        text = value.strip()
        match = BELGIAN_DATE.match(text)
        try:
            if match:
                day, month, year = (int(part) for part in match.groups())
                return date(year, month, day).isoformat()
            if len(text) == 10:
                return date.fromisoformat(text).isoformat()
        except ValueError:
            pass
    raise _CellError(words["not_date"].format(value=echo(value)))


def _boolean(value: Any, words: dict[str, str]) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in TRUE_WORDS:
            return True
        if text in FALSE_WORDS:
            return False
    raise _CellError(words["not_boolean"].format(value=echo(value)))


def _decimal(value: Any, words: dict[str, str], language: Language, kind: NumberKind) -> Decimal:
    """A number cell as it is; a text cell read as the people of `language` write a number."""
    if isinstance(value, bool):
        raise _CellError(words["not_number"].format(value=echo(value)))
    if isinstance(value, str):
        try:
            return read_typed(value, language, kind)
        except TypedNumberError as error:
            raise _CellError(error.message) from None
    try:
        if isinstance(value, int | float | Decimal):
            return bounded(value)
    except NumberError:
        pass
    raise _CellError(words["not_number"].format(value=echo(value)))


def _number(
    value: Any, places: int, words: dict[str, str], language: Language, kind: NumberKind
) -> int | float:
    """A number as the file would write it; a float that is a hair off a value with `places`
    decimals (binary rounding in Excel) is snapped to it; more decimals are left for the model
    to reject."""
    number = _decimal(value, words, language, kind)
    snapped = number.quantize(Decimal(1).scaleb(-places))
    if abs(number - snapped) < Decimal("1e-9"):
        number = snapped
    if number == number.to_integral_value():
        return int(number)
    return float(number)


def _integer(value: Any, words: dict[str, str], language: Language) -> int:
    number = _decimal(value, words, language, "integer")
    if number != number.to_integral_value():
        raise _CellError(words["not_integer"].format(value=echo(value)))
    return int(number)
