"""The need ranking form: which municipalities (the shipped ILLUSTRATIVE CSV of the 13
centrumsteden, or the visitor's own CSV, pasted or uploaded), the weights and the budget, read
from a query string or a (multipart) form and validated. Every problem names its form field,
and for the CSV the line and column (`advice/ranking_input` gives those, in English).

>>> inputs, problems = validate(RankingForm(youth="0,7", general="0,3", budget="25.000,50"), "nl")
>>> (inputs.weights.youth, inputs.budget_cents, len(inputs.rows), problems)
(Fraction(7, 10), 2500050, 13, [])
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request

from klaverblad.advice.ranking_input import (
    MAX_BUDGET,
    WEIGHT_TOLERANCE,
    MunicipalityRow,
    RankingInputError,
    Weights,
    read_csv_text,
    read_weight,
)
from klaverblad.locale import Language, number
from klaverblad.model.echo import echo
from klaverblad.model.limits import DOCUMENT_BYTES, FORM_BYTES, FORM_FIELDS, NUMBER_CHARACTERS
from klaverblad.model.number_reader import NumberError
from klaverblad.typed_numbers import TypedNumberError, read_typed
from klaverblad.web.examples import RANKING_CSV, example_csv
from klaverblad.web.form_limits import megabytes
from klaverblad.web.words.ranking import WORDS

EXAMPLE = "example"
OWN = "own"
FIELDS = ("source", "csv", "youth", "general", "budget")
FILE_FIELD = "file"
EXAMPLE_NAME = RANKING_CSV.rsplit("/", 1)[-1]
_WEIGHT = re.compile(r"^(?:\d{1,12}(?:\.\d{1,12})?|\.\d{1,12}|\d{1,12}/\d{1,12})$")


@dataclass(frozen=True)
class RankingForm:
    """The form as the visitor filled it in (texts as typed, to show them again)."""

    source: str = EXAMPLE
    csv: str = ""
    youth: str = "0,5"
    general: str = "0,5"
    budget: str = ""
    upload_name: str | None = None
    upload_problem: str | None = None  # a word key: the file could not be read
    unreadable: bool = False  # the form itself could not be read

    @property
    def own_data_given(self) -> bool:
        return bool(self.csv.strip() or self.upload_name)


@dataclass(frozen=True)
class FieldProblem:
    """A problem with the form field `field` (csv, file, youth, general, weights, budget or
    form); `where` is the line and column in the CSV; `english` when the message comes from
    the ranking rules (in English)."""

    field: str
    where: str
    message: str
    english: bool = False


@dataclass(frozen=True)
class RankingInputs:
    rows: list[MunicipalityRow]
    weights: Weights
    budget_cents: int | None
    source: str  # the data's name: the example file, the uploaded file or "pasted text"
    illustrative: bool


def default_form(language: Language) -> RankingForm:
    point = "0,5" if language == "nl" else "0.5"
    return RankingForm(youth=point, general=point)


def form_from_fields(fields: Mapping[str, str], language: Language) -> RankingForm:
    """The form from a query string or a url-encoded form; absent fields keep their default."""
    form = default_form(language)
    return replace(
        form,
        source=str(fields.get("source", form.source)),
        csv=str(fields.get("csv", form.csv)),
        youth=str(fields.get("youth", form.youth)),
        general=str(fields.get("general", form.general)),
        budget=str(fields.get("budget", form.budget)),
    )


def _decode(raw: bytes) -> str | None:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


async def read_form(request: Request, language: Language) -> RankingForm:
    """The posted form (multipart or url-encoded); an uploaded file's text replaces the pasted
    text, so that it is shown (and can be corrected) in the text field."""
    try:
        form = await request.form(max_files=1, max_fields=FORM_FIELDS, max_part_size=FORM_BYTES)
    except (MultiPartException, HTTPException):  # Starlette turns a bad body into a 400
        return replace(default_form(language), unreadable=True)
    fields = {name: value for name in FIELDS if isinstance(value := form.get(name), str)}
    result = form_from_fields(fields, language)
    upload = form.get(FILE_FIELD)
    if isinstance(upload, UploadFile) and upload.filename:
        raw = await upload.read(DOCUMENT_BYTES + 1)
        if len(raw) > DOCUMENT_BYTES:
            return replace(result, upload_name=upload.filename, upload_problem="too_large")
        text = _decode(raw)
        if text is None:
            return replace(result, upload_name=upload.filename, upload_problem="not_text")
        return replace(result, csv=text, upload_name=upload.filename)
    return result


def _weight(
    text: str, field: str, words: dict[str, str], problems: list[FieldProblem]
) -> Fraction | None:
    raw = text.strip().replace(" ", "")
    if not raw:
        problems.append(FieldProblem(field, "", words["weight_missing"]))
        return None
    if len(raw) > NUMBER_CHARACTERS:
        raw = ""  # refused below without reading it
    if raw.startswith("-") and _WEIGHT.match(raw[1:].replace(",", ".")):
        problems.append(FieldProblem(field, "", words["weight_negative"].format(value=echo(text))))
        return None
    refused = FieldProblem(field, "", words["weight_not_number"].format(value=echo(text)))
    if not _WEIGHT.match(raw.replace(",", ".")):
        problems.append(refused)
        return None
    try:
        return read_weight(raw)
    except NumberError:
        problems.append(refused)
        return None


def parse_weights(
    form: RankingForm, language: Language, problems: list[FieldProblem]
) -> Weights | None:
    """The two weights (a decimal comma or point, or a fraction), each ≥ 0, summing to 1."""
    words = WORDS[language]
    youth = _weight(form.youth, "youth", words, problems)
    general = _weight(form.general, "general", words, problems)
    if youth is None or general is None:
        return None
    total = youth + general
    if abs(total - 1) > WEIGHT_TOLERANCE:
        shown = number(round(float(total), 6), language)
        problems.append(FieldProblem("weights", "", words["weight_sum"].format(total=shown)))
        return None
    return Weights(youth=youth, general=general)


def parse_budget_field(text: str, language: Language, problems: list[FieldProblem]) -> int | None:
    """Euros as the page's language writes them (`25.000`, `25.000,50`, `€ 25.000` in Dutch;
    `25,000.50` in English; `klaverblad.typed_numbers`) as cents; None when empty. A text that
    could mean two things (`25,000` on a Dutch page) is refused with both readings."""
    words = WORDS[language]
    raw = text.strip()
    if not raw:
        return None
    quoted = echo(raw)
    try:
        amount = read_typed(raw, language, "money")
    except TypedNumberError as error:
        if error.reason == "ambiguous":
            message = error.message
        elif error.reason in ("digits", "too_long") and raw.removeprefix("€").strip().isdigit():
            message = words["budget_too_large"].format(value=quoted)
        else:
            message = words["budget_not_amount"].format(value=quoted)
        problems.append(FieldProblem("budget", "", message))
        return None
    if amount < 0:
        problems.append(FieldProblem("budget", "", words["budget_negative"].format(value=quoted)))
        return None
    if amount != amount.quantize(Decimal("0.01")):
        problems.append(FieldProblem("budget", "", words["budget_decimals"].format(value=quoted)))
        return None
    if amount > MAX_BUDGET:
        problems.append(FieldProblem("budget", "", words["budget_too_large"].format(value=quoted)))
        return None
    return int(amount * 100)


def _where(line: int | None, column: str | None, words: dict[str, str]) -> str:
    parts = []
    if line is not None:
        parts.append(words["line"].format(line=line))
    if column is not None:
        parts.append(words["column"].format(column=column))
    return ", ".join(parts)


def _rows(
    form: RankingForm, language: Language, problems: list[FieldProblem]
) -> tuple[list[MunicipalityRow] | None, str, bool]:
    """The validated municipalities, the data's name and whether it is the example."""
    words = WORDS[language]
    if form.source != OWN:
        text = example_csv()
        if text is None:
            problems.append(FieldProblem("source", "", words["example_missing"]))
            return None, EXAMPLE_NAME, True
        try:
            return read_csv_text(text, source=EXAMPLE_NAME), EXAMPLE_NAME, True
        except RankingInputError as error:
            problems += [
                FieldProblem("source", _where(p.line, p.column, words), p.message, english=True)
                for p in error.problems
            ]
            return None, EXAMPLE_NAME, True
    name = form.upload_name or words["pasted"]
    if form.upload_problem:
        message = words[form.upload_problem].format(size=megabytes(DOCUMENT_BYTES))
        problems.append(FieldProblem(FILE_FIELD, name, message))
        return None, name, False
    if not form.csv.strip():
        problems.append(FieldProblem("csv", "", words["nothing_given"]))
        return None, name, False
    if len(form.csv) > DOCUMENT_BYTES or len(form.csv.encode("utf-8", "surrogatepass")) > (
        DOCUMENT_BYTES
    ):
        message = words["too_large"].format(size=megabytes(DOCUMENT_BYTES))
        problems.append(FieldProblem("csv", "", message))
        return None, name, False
    try:
        return read_csv_text(form.csv, source=name), name, False
    except RankingInputError as error:
        problems += [
            FieldProblem("csv", _where(p.line, p.column, words), p.message, english=True)
            for p in error.problems
        ]
        return None, name, False


def validate(
    form: RankingForm, language: Language
) -> tuple[RankingInputs | None, list[FieldProblem]]:
    """The inputs of the ranking, or every problem of the form at once."""
    problems: list[FieldProblem] = []
    if form.unreadable:
        return None, [FieldProblem("form", "", WORDS[language]["form_unreadable"])]
    rows, source, illustrative = _rows(form, language, problems)
    weights = parse_weights(form, language, problems)
    budget = parse_budget_field(form.budget, language, problems)
    if problems or rows is None or weights is None:
        return None, problems
    return RankingInputs(rows, weights, budget, source, illustrative), []
