"""The input of the need ranking (RULEBOOK §8): the municipality CSV and the `--weights` and
`--budget` options, validated. Bad input never raises anything but `RankingInputError`, whose
problems each name the line and the column (lines count from 1, as an editor shows them):

>>> try:
...     read_csv_text("municipality,youth_unemployment_rate,general_unemployment_rate\\n"
...                   "Gent,18.5,abc\\n", source="r.csv")
... except RankingInputError as error:
...     print(error.lines()[0])
r.csv: line 2, column general_unemployment_rate: 'abc' is not a number

The separator is ',' or ';' (read from the header line), and it says how the numbers are
written: a ';' file is a Belgian (Dutch) Excel export, read by the nl-BE number reader
(`model/locale_numbers.py`: `Gent;18,5;9,7;25.000` — a decimal comma, a dot grouping
thousands); a ',' file writes numbers the English way (`Gent,18.5,9.7,25000`; a quoted
`"18,5"` is still 18.5, a group needing three digits). A number that could mean two things is
refused with its reading, never guessed. Blank lines and lines starting with '#' are skipped.

Bounded (`model/limits.py`): the file is at most `DOCUMENT_BYTES` and `RANKING_ROWS`
municipalities (refused as soon as one line more is read), every number, weight and the
budget goes through the bounded number reader (no exponents, at most `NUMBER_CHARACTERS`
characters), and the budget is at most 999 999 999.99 euros, the largest amount of money of an
initiative file.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError, ValidationInfo
from pydantic_core import PydanticCustomError

from klaverblad.locale import Language
from klaverblad.model.echo import echo
from klaverblad.model.limits import DOCUMENT_BYTES, MEGABYTE, RANKING_ROWS, TEXT_CHARACTERS
from klaverblad.model.locale_numbers import AmbiguousNumberError, Kind, read_number
from klaverblad.model.number_reader import NumberError, read_decimal, read_fraction

# Kept under its old name: the web form checks it before decoding an upload.
MAX_FILE_BYTES = DOCUMENT_BYTES
# The largest budget: the largest amount of money of an initiative file (model/fields.py).
MAX_BUDGET = Decimal("999999999.99")
RATE_COLUMNS = ("youth_unemployment_rate", "general_unemployment_rate")
REQUIRED_COLUMNS = ("municipality", *RATE_COLUMNS)
COLUMNS = (*REQUIRED_COLUMNS, "population")
WEIGHT_NAMES = ("youth", "general")
WEIGHT_TOLERANCE = Fraction(1, 10**9)
_BUDGET = re.compile(r"^(\d+)(?:[.,](\d+))?$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, where it is (`source`: the file or the option)."""

    source: str
    message: str
    line: int | None = None
    column: str | None = None

    def text(self) -> str:
        where = ", ".join(
            part
            for part in (
                f"line {self.line}" if self.line is not None else "",
                f"column {self.column}" if self.column is not None else "",
            )
            if part
        )
        return (
            f"{self.source}: {where}: {self.message}" if where else f"{self.source}: {self.message}"
        )


class RankingInputError(Exception):
    """The input cannot be ranked; `problems` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems

    def lines(self) -> list[str]:
        return [problem.text() for problem in self.problems]


@dataclass(frozen=True)
class Weights:
    """The weights of the need score; exact fractions, each ≥ 0, summing to 1 (± 1e-9)."""

    youth: Fraction = Fraction(1, 2)
    general: Fraction = Fraction(1, 2)


# The refusals of the bounded number reader that say more than "is not a number".
_SPECIFIC = ("exponent", "too long", "significant digits", "divides by 0", "groups of digits")


def _not_a_number(text: str, error: NumberError | None = None) -> str:
    """Why `text` is not a number, with a short quote of it."""
    if error is not None and any(reason in str(error) for reason in _SPECIFIC):
        return str(error)
    return f"{echo(text)} is not a number"


def _name(value: object) -> str:
    text = "" if value is None else str(value).strip()
    if not text:
        raise PydanticCustomError("missing", "is missing")
    if len(text) > TEXT_CHARACTERS:
        raise PydanticCustomError(
            "too_long", f"{echo(text)} is longer than {TEXT_CHARACTERS} characters"
        )
    return text


def _language(info: ValidationInfo) -> Language:
    """How the CSV writes numbers: Dutch for a ';' file, English otherwise (`read_csv_text`)."""
    context = info.context if isinstance(info.context, dict) else {}
    return "nl" if context.get("language") == "nl" else "en"


def _csv_number(text: str, language: Language, kind: Kind) -> Decimal:
    """A number of the CSV as `language` writes it (a trailing '%' allowed)."""
    text = text.strip().removesuffix("%").rstrip()
    try:
        number = read_number(text, language, kind)
    except AmbiguousNumberError as error:
        readings = " or ".join(format(reading, "f") for reading in error.readings)
        message = f"{echo(text)} can be read in more than one way: did you mean {readings}?"
        raise PydanticCustomError("number", message) from None
    except NumberError as error:
        raise PydanticCustomError("number", _not_a_number(text, error)) from None
    return number


def _rate(value: object, info: ValidationInfo) -> Decimal:
    text = "" if value is None else str(value).strip()
    if not text:
        raise PydanticCustomError("missing", "is missing")
    number = _csv_number(text, _language(info), "decimal")
    if number < 0:
        raise PydanticCustomError(
            "range", f"{echo(text)} is negative; a rate is a percentage, 0 to 100"
        )
    if number > 100:
        raise PydanticCustomError("range", f"{echo(text)} is more than 100; a rate is a percentage")
    return number


def _population(value: object, info: ValidationInfo) -> int | None:
    if value is None:
        return None
    text = "" if value is None else str(value).strip()
    if not text:
        raise PydanticCustomError("missing", "is missing")
    language = _language(info)
    number = _csv_number(text, language, "integer")
    if number <= 0:
        raise PydanticCustomError("range", f"{echo(text)} must be more than 0")
    decimal_separator = "," if language == "nl" else "."
    if decimal_separator in text or number != number.to_integral_value():
        raise PydanticCustomError("integer", f"{echo(text)} is not a whole number")
    return int(number)


class MunicipalityRow(BaseModel):
    """One line of the CSV: rates in percent, population (optional) in inhabitants."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    line: int
    municipality: Annotated[str, BeforeValidator(_name)]
    youth_unemployment_rate: Annotated[Decimal, BeforeValidator(_rate)]
    general_unemployment_rate: Annotated[Decimal, BeforeValidator(_rate)]
    population: Annotated[int | None, BeforeValidator(_population)] = None


def read_csv(path: Path) -> list[MunicipalityRow]:
    """Read and validate the CSV at `path` (UTF-8, with or without BOM, or Windows-1252)."""
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise RankingInputError([Problem(source, f"cannot read: {error.strerror}")]) from None
    if len(data) > DOCUMENT_BYTES:
        raise RankingInputError([Problem(source, _too_large())])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise RankingInputError(
                [Problem(source, "is not text (UTF-8 or Windows-1252)")]
            ) from None
    return read_csv_text(text, source=source)


def _too_large() -> str:
    return f"is larger than {DOCUMENT_BYTES // MEGABYTE} MB"


def _too_many_rows() -> str:
    return (
        f"has more than {RANKING_ROWS} municipality lines, the most a ranking takes; split the file"
    )


def _delimiter(text: str) -> str:
    """';' when the first line that is not blank or a '#' comment holds one, else ','."""
    lines = (line for line in text.splitlines() if line.strip())
    first = next((line for line in lines if not line.lstrip().startswith("#")), "")
    return ";" if ";" in first else ","


def _records(text: str, source: str) -> list[tuple[int, list[str]]]:
    """(line number, fields) of every line that is not blank or a '#' comment: the header
    and at most `RANKING_ROWS` municipality lines (reading stops at the first line more)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    records: list[tuple[int, list[str]]] = []
    previous = 0
    try:
        for fields in reader:
            start, previous = previous + 1, reader.line_num
            cells = [field.strip() for field in fields]
            if any(cells) and not cells[0].startswith("#"):
                if len(records) > RANKING_ROWS:
                    raise RankingInputError([Problem(source, _too_many_rows(), line=start)])
                records.append((start, cells))
    except csv.Error as error:
        raise RankingInputError(
            [Problem(source, f"cannot be read as CSV: {error}", line=reader.line_num)]
        ) from None
    return records


def _header(line: int, cells: list[str], source: str) -> list[str]:
    while cells and not cells[-1]:
        cells = cells[:-1]
    names = [cell.lower() for cell in cells]
    problems: list[Problem] = []
    for position, name in enumerate(names, start=1):
        if not name:
            problems.append(Problem(source, f"header cell {position} is empty", line=line))
        elif name not in COLUMNS:
            problems.append(
                Problem(
                    source,
                    "is not a known column; the columns are "
                    + ", ".join(REQUIRED_COLUMNS)
                    + " and optionally population",
                    line=line,
                    column=name,
                )
            )
        elif name in names[: position - 1]:
            problems.append(Problem(source, "is given twice", line=line, column=name))
    problems += [
        Problem(source, "is required but missing from the header", line=line, column=name)
        for name in REQUIRED_COLUMNS
        if name not in names
    ]
    if problems:
        raise RankingInputError(problems)
    return names


def read_csv_text(text: str, source: str) -> list[MunicipalityRow]:
    """Validate the CSV text; every problem of the file at once, or the rows in file order."""
    if len(text) > DOCUMENT_BYTES or len(text.encode("utf-8", "surrogatepass")) > DOCUMENT_BYTES:
        raise RankingInputError([Problem(source, _too_large())])
    text = text.removeprefix("\ufeff")
    records = _records(text, source)
    # A ';' file is a Belgian export: its numbers are written the Dutch way.
    context = {"language": "nl" if _delimiter(text) == ";" else "en"}
    if not records:
        raise RankingInputError(
            [
                Problem(
                    source,
                    "is empty: expected a header line (municipality, youth_unemployment_rate, "
                    "general_unemployment_rate, optionally population) and a line per "
                    "municipality",
                )
            ]
        )
    header_line, header_cells = records[0]
    names = _header(header_line, header_cells, source)
    if len(records) == 1:
        raise RankingInputError([Problem(source, "has a header but no municipality lines")])
    problems: list[Problem] = []
    rows: list[MunicipalityRow] = []
    seen: dict[str, int] = {}
    for line, cells in records[1:]:
        if any(cells[len(names) :]):
            problems.append(
                Problem(
                    source,
                    f"has {len(cells)} values but the header has {len(names)} columns",
                    line=line,
                )
            )
            continue
        values = dict(zip(names, cells + [""] * (len(names) - len(cells)), strict=False))
        name = values["municipality"]
        key = " ".join(name.split()).casefold()
        if key in seen:
            problems.append(
                Problem(
                    source,
                    f"'{name}' is already on line {seen[key]}",
                    line=line,
                    column="municipality",
                )
            )
        elif key:
            seen[key] = line
        try:
            rows.append(MunicipalityRow.model_validate({"line": line, **values}, context=context))
        except ValidationError as error:
            problems += [
                Problem(source, item["msg"], line=line, column=str(item["loc"][0]))
                for item in error.errors()
            ]
    if not problems:
        for column in RATE_COLUMNS:
            if all(getattr(row, column) == 0 for row in rows):
                problems.append(
                    Problem(
                        source,
                        "every value is 0, so the mean is 0 and the rates cannot be divided by it",
                        column=column,
                    )
                )
    if problems:
        raise RankingInputError(problems)
    return rows


def _weight_items(text: str) -> list[str]:
    """Split `youth=0.7,general=0.3`; a piece without '=' is a decimal comma (`youth=0,7,…`)."""
    if ";" in text:
        return [item.strip() for item in text.split(";")]
    items: list[str] = []
    for piece in text.split(","):
        if items and "=" not in piece and "=" in items[-1]:
            items[-1] += "," + piece
        else:
            items.append(piece)
    return [item.strip() for item in items]


def read_weight(text: str) -> Fraction:
    """A weight: a decimal (point or comma) or a fraction `a/b` of two such numbers, read by
    the bounded number reader; `NumberError` for anything else.

    >>> read_weight("0,7"), read_weight("1/3")
    (Fraction(7, 10), Fraction(1, 3))
    """
    numerator, slash, denominator = text.strip().partition("/")
    value = read_fraction(numerator, decimal_comma=True)
    if not slash:
        return value
    divisor = read_fraction(denominator, decimal_comma=True)
    if divisor == 0:
        raise NumberError(f"{echo(text.strip())} is not a number: it divides by 0")
    return value / divisor


def parse_weights(text: str | None) -> Weights:
    """`youth=0.5,general=0.5` (the default when None); values may be decimals or fractions."""
    if text is None:
        return Weights()
    source = "--weights"
    problems: list[Problem] = []
    values: dict[str, Fraction] = {}
    mentioned: set[str] = set()
    for item in _weight_items(text):
        name, equals, raw = (part.strip() for part in item.partition("="))
        if not equals or not name:
            problems.append(Problem(source, f"'{item}' is not name=value, e.g. youth=0.5"))
            continue
        name = name.lower()
        if name not in WEIGHT_NAMES:
            problems.append(
                Problem(source, f"'{name}' is not a weight; the weights are youth and general")
            )
            continue
        if name in mentioned:
            problems.append(Problem(source, f"{name} is given twice"))
            continue
        mentioned.add(name)
        try:
            value = read_weight(raw)
        except NumberError as error:
            problems.append(Problem(source, f"{name}: {_not_a_number(raw, error)}"))
            continue
        if value < 0:
            problems.append(
                Problem(source, f"{name}: {echo(raw)} is negative; a weight is 0 or more")
            )
            continue
        values[name] = value
    problems += [
        Problem(source, f"{name} is missing; give both, e.g. youth=0.7,general=0.3")
        for name in WEIGHT_NAMES
        if name not in mentioned
    ]
    total = sum(values.values(), Fraction(0))
    if not problems and abs(total - 1) > WEIGHT_TOLERANCE:
        problems.append(
            Problem(source, f"youth + general = {float(total)}; the weights must sum to 1")
        )
    if problems:
        raise RankingInputError(problems)
    return Weights(youth=values["youth"], general=values["general"])


def parse_budget(text: str | None) -> int | None:
    """An amount in euros (`25000`, `25000.50` or `25000,50`) as cents; None when not given."""
    if text is None:
        return None
    source = "--budget"
    raw = text.strip()
    try:
        number = read_decimal(raw, decimal_comma=True)
    except NumberError as error:
        number = None
        reason = _not_a_number(text, error)
    match = _BUDGET.match(raw)
    if match is None or number is None:
        if number is not None and number < 0:
            message = f"{echo(text)} is negative; the budget is 0 or more"
        elif number is None and not reason.endswith("is not a number"):
            message = reason
        else:
            message = f"{echo(text)} is not an amount in euros, e.g. 25000 or 25000,50"
        raise RankingInputError([Problem(source, message)])
    if len(match.group(2) or "") > 2:
        raise RankingInputError([Problem(source, f"{echo(text)} has more than 2 decimals")])
    if number > MAX_BUDGET:
        raise RankingInputError(
            [Problem(source, f"{echo(text)} is too large: the budget is at most 999 999 999.99")]
        )
    return int(number * 100)
