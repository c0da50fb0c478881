"""From the wizard's draft (text as typed) to a validated `Initiative`, and back to text.

Numbers are read exactly (Decimal) with a decimal comma or point ("12,50", "0,5", "2.100,50",
"1,234.56"), through the bounded number reader (`model/number_reader.py`: no exponents, at
most `NUMBER_CHARACTERS` characters and `SIGNIFICANT_DIGITS` digits); dates as `YYYY-MM-DD` or
`d/mm/yyyy`; months as `YYYY-MM` or `mm/yyyy`. What cannot be read is a problem at the field's
own path, with the value quoted (at most 40 characters of it); everything else goes to the
model (`parse_initiative`), whose problems name the same paths.

>>> read_decimal("2.100,50"), read_decimal("0,5"), read_decimal("1,234.56"), read_decimal("x")
(Decimal('2100.50'), Decimal('0.5'), Decimal('1234.56'), None)
>>> read_number("1e1000000")
(None, 'number_exponent')
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import yaml

from klaverblad.locale import Language
from klaverblad.model import Initiative, InitiativeError, parse_initiative
from klaverblad.model.consistency import Problem
from klaverblad.model.echo import echo
from klaverblad.model.limits import DEGRESSION_FACTORS, NUMBER_CHARACTERS, SIGNIFICANT_DIGITS
from klaverblad.model.number_reader import NumberError
from klaverblad.model.number_reader import read_decimal as read_bounded
from klaverblad.web.wizard.draft import Draft, Value
from klaverblad.web.wizard.fields import LISTS, TOP, Field
from klaverblad.web.words.model_messages import translate

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_BELGIAN_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_BELGIAN_MONTH = re.compile(r"^(\d{1,2})[/.-](\d{4})$")

MESSAGES = {
    "nl": {
        "number": "{value} is geen getal",
        "number_long": "{value} is te lang voor een getal (hoogstens {characters} tekens)",
        "number_exponent": "{value} is geen getal: schrijf het in cijfers, zonder exponent",
        "number_digits": "{value} heeft meer dan {digits} beduidende cijfers",
        "integer": "{value} is geen geheel getal",
        "date": "{value} is geen datum (JJJJ-MM-DD of d/mm/jjjj)",
        "month": "{value} is geen maand (JJJJ-MM of mm/jjjj)",
        "factors": "{value} is geen getal (scheid de factoren met ';')",
        "factors_many": "heeft meer dan {limit} factoren (één per jaar)",
    },
    "en": {
        "number": "{value} is not a number",
        "number_long": "{value} is too long for a number (at most {characters} characters)",
        "number_exponent": "{value} is not a number: write it in digits, without an exponent",
        "number_digits": "{value} has more than {digits} significant digits",
        "integer": "{value} is not a whole number",
        "date": "{value} is not a date (YYYY-MM-DD or d/mm/yyyy)",
        "month": "{value} is not a month (YYYY-MM or mm/yyyy)",
        "factors": "{value} is not a number (separate the factors with ';')",
        "factors_many": "has more than {limit} factors (one per year)",
    },
}


_EXPONENT = re.compile(r"^[+-]?[\d.,]*\d[\d.,]*[eE][+-]?\d+$")


def read_number(text: str) -> tuple[Decimal | None, str]:
    """A typed number, exactly, and "" — or None and the key (in `MESSAGES`) of why it is not
    one. The last of ',' and '.' is the decimal mark when both occur; a lone ',' is a decimal
    comma; spaces and '€' are ignored. Bounded: the length is checked before anything else."""
    if len(text) > 2 * NUMBER_CHARACTERS:
        return None, "number_long"
    cleaned = re.sub(r"[\s\u00a0\u202f€]", "", text)
    if len(cleaned) > NUMBER_CHARACTERS:
        return None, "number_long"
    if _EXPONENT.match(cleaned):
        return None, "number_exponent"
    if "," in cleaned and "." in cleaned:
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    elif cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    if not _NUMBER.match(cleaned):
        return None, "number"
    try:
        return read_bounded(cleaned), ""
    except NumberError:  # the only refusal left: too many significant digits
        return None, "number_digits"


def read_decimal(text: str) -> Decimal | None:
    """`read_number`'s number, None when the text is no number it reads."""
    return read_number(text)[0]


def _number_problem(key: str, text: str, words: dict[str, str]) -> str:
    return words[key].format(
        value=echo(text), characters=NUMBER_CHARACTERS, digits=SIGNIFICANT_DIGITS
    )


def read_day(text: str) -> str | None:
    text = text.strip()
    iso, belgian = _ISO_DAY.match(text), _BELGIAN_DAY.match(text)
    try:
        if iso:
            return date(*(int(part) for part in iso.groups())).isoformat()
        if belgian:
            day, month, year = (int(part) for part in belgian.groups())
            return date(year, month, day).isoformat()
    except ValueError:
        return None
    return None


def read_month(text: str) -> str | None:
    text = text.strip()
    iso, belgian = _ISO_MONTH.match(text), _BELGIAN_MONTH.match(text)
    if iso:
        year, month = int(iso.group(1)), int(iso.group(2))
    elif belgian:
        month, year = int(belgian.group(1)), int(belgian.group(2))
    else:
        return None
    return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None


def _read(spec: Field, value: Value, words: dict[str, str]) -> tuple[bool, Any, str | None]:
    """(present, the model's value, problem): an empty optional field is not present."""
    if spec.kind == "checkbox":
        return value is True, True, None
    if spec.kind == "checkboxes":
        return True, list(value) if isinstance(value, list) else [], None
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        return False, None, None
    if spec.kind in ("amount", "decimal"):
        number, why = read_number(text)
        return True, number, None if number is not None else _number_problem(why, text, words)
    if spec.kind == "integer":
        cleaned = re.sub(r"\s", "", text[: 2 * NUMBER_CHARACTERS + 1])
        if _INTEGER.match(cleaned):
            number, why = read_number(cleaned)
            if number is None:
                return True, None, _number_problem(why, text, words)
            return True, int(number), None
        if _EXPONENT.match(cleaned):
            return True, None, _number_problem("number_exponent", text, words)
        return True, None, words["integer"].format(value=echo(text))
    if spec.kind == "date":
        day = read_day(text)
        return True, day, None if day else words["date"].format(value=echo(text))
    if spec.kind == "month":
        month = read_month(text)
        return True, month, None if month else words["month"].format(value=echo(text))
    if spec.kind == "factors":
        factors = [part for part in re.split(r"[;\s]+", text) if part]
        if len(factors) > DEGRESSION_FACTORS:
            return True, None, words["factors_many"].format(limit=DEGRESSION_FACTORS)
        numbers = []
        for part in factors:
            number, why = read_number(part)
            if number is None:
                key = "factors" if why == "number" else why
                return True, None, _number_problem(key, part, words)
            numbers.append(number)
        return True, numbers, None
    return True, text, None


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


def _values(
    specs: tuple[Field, ...], values: dict[str, Value], prefix: str, words: dict[str, str]
) -> tuple[dict[str, Any], list[Problem]]:
    data: dict[str, Any] = {}
    problems = []
    for spec in specs:
        present, value, problem = _read(spec, values.get(spec.name, ""), words)
        if problem is not None:
            problems.append(Problem(f"{prefix}{spec.name}", problem))
        elif present:
            _put(data, spec.name, value)
    return data, problems


def draft_data(draft: Draft, language: Language) -> tuple[dict[str, Any], list[Problem]]:
    """The initiative file's data of the draft (exact Decimals) and the values that cannot be
    read; a field that cannot be read is left out of the data."""
    words = MESSAGES[language]
    data, problems = _values(TOP, draft.top, "", words)
    if not data.get("recognitions"):
        data.pop("recognitions", None)
    for name, specs in LISTS.items():
        items = []
        for index, item in enumerate(draft.items(name)):
            values, found = _values(specs, item.values, f"{name}[{index}].", words)
            items.append(values)
            problems += found
        if items:
            data[name] = items
    return data, problems


@dataclass(frozen=True)
class Checked:
    """The draft's initiative (None when it is not valid) and every problem, one per field."""

    initiative: Initiative | None
    data: dict[str, Any]
    problems: list[Problem]


def check(draft: Draft, language: Language) -> Checked:
    """Read and validate the whole draft; the model's messages in the page's language."""
    data, problems = draft_data(draft, language)
    initiative = None
    try:
        initiative = parse_initiative(data, "wizard")
    except InitiativeError as error:
        problems += error.problems
    if problems:
        initiative = None
    seen: set[str] = set()
    unique = []
    for problem in problems:
        if problem.path not in seen:  # a field that cannot be read is also "missing"
            seen.add(problem.path)
            unique.append(Problem(problem.path, translate(problem.message, language)))
    return Checked(initiative, data, unique)


# --- The initiative as text ------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """YAML in the order of the file, numbers written exactly as entered."""


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    if value == value.to_integral_value() and value.as_tuple().exponent == 0:
        return dumper.represent_int(int(value))
    return dumper.represent_scalar("tag:yaml.org,2002:float", format(value, "f"))


_Dumper.add_representer(Decimal, _represent_decimal)


def _file_order(data: dict[str, Any]) -> dict[str, Any]:
    """Dates as dates (YAML writes them bare), in the order of CONTRACT §2."""
    order = ("id", "name", "promoter", "recognitions", "horizon", *LISTS, "costs")
    ordered = {key: data[key] for key in order if key in data}
    for person in ordered.get("people", []):
        for key in ("birth_date", "start_date", "end_date"):
            if isinstance(person.get(key), str):
                person[key] = date.fromisoformat(person[key])
    return ordered


def initiative_yaml(data: dict[str, Any]) -> str:
    """The initiative file of valid data, as YAML (what a user copies or downloads)."""
    return yaml.dump(
        _file_order(copy.deepcopy(data)),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        # Exact: the shortest float text of a number with at most 4 decimals is that number.
        return float(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def initiative_json(data: dict[str, Any]) -> str:
    """The initiative file of valid data, as JSON (what the save form sends)."""
    return json.dumps(data, ensure_ascii=False, default=_json_default, indent=1)
