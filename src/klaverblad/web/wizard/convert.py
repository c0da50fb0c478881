"""From the wizard's draft (text as typed) to a validated `Initiative`, and back to text.

Numbers are read exactly (Decimal) the way the page's language writes them, by the one nl-BE
number reader (`klaverblad.typed_numbers`, over `model/locale_numbers.py`): on a Dutch page
`2.950` is 2950 and `2,95` is 2.95; an amount that could mean two things (`2,950`, `2.95`) is
refused with both readings offered, never guessed; English pages read `2,950.50`. Dates as
`YYYY-MM-DD` or `d/mm/yyyy`; months as `YYYY-MM` or `mm/yyyy`. What cannot be read is a
problem at the field's own path, with the value quoted (at most 40 characters of it);
everything else goes to the model (`parse_initiative`), whose problems name the same paths.

>>> read_decimal("2.950", "nl", "money"), read_decimal("0,5", "nl"), read_decimal("x", "nl")
(Decimal('2950'), Decimal('0.5'), None)
>>> print(read_field_number("2,950", "nl", "money")[1].replace("\xa0", " "))
'2,950' kan op twee manieren gelezen worden: bedoel je € 2.950,00 of € 2,95?
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

import yaml

from klaverblad.locale import Language
from klaverblad.messages import N_, words
from klaverblad.model import Initiative, InitiativeError, parse_initiative
from klaverblad.model.consistency import Problem
from klaverblad.model.echo import echo
from klaverblad.model.limits import DEGRESSION_FACTORS
from klaverblad.typed_numbers import NumberKind, TypedNumberError, read_typed
from klaverblad.web.wizard.draft import Draft, Value
from klaverblad.web.wizard.fields import LISTS, TOP, Field
from klaverblad.web.words.model_messages import translate

_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_BELGIAN_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_BELGIAN_MONTH = re.compile(r"^(\d{1,2})[/.-](\d{4})$")

MESSAGES = words(
    N_("wizard_convert.date"),
    N_("wizard_convert.month"),
    N_("wizard_convert.factors"),
    N_("wizard_convert.factors_many"),
)


def read_field_number(
    text: str, language: Language, kind: NumberKind = "decimal"
) -> tuple[Decimal | None, str]:
    """A typed number, exactly, and "" — or None and the message (in the page's language)
    of why it is not one, or of the readings it could have."""
    try:
        return read_typed(text, language, kind), ""
    except TypedNumberError as error:
        return None, error.message


def read_decimal(text: str, language: Language, kind: NumberKind = "decimal") -> Decimal | None:
    """`read_field_number`'s number, None when the text is no number it reads."""
    return read_field_number(text, language, kind)[0]


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


def _read(
    spec: Field, value: Value, language: Language, words: dict[str, str]
) -> tuple[bool, Any, str | None]:
    """(present, the model's value, problem): an empty optional field is not present."""
    if spec.kind == "checkbox":
        # Written only when it differs from the model's default (`contract_indefinite: false`).
        checked = value is True
        return checked != spec.checked, checked, None
    if spec.kind == "checkboxes":
        return True, list(value) if isinstance(value, list) else [], None
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        return False, None, None
    if spec.is_number:
        number, problem = read_field_number(text, language, spec.number_kind)
        if number is None:
            return True, None, problem
        return True, int(number) if spec.kind == "integer" else number, None
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
            number, problem = read_field_number(part, language, "decimal")
            if number is None:
                return True, None, words["factors"].format(problem=problem)
            numbers.append(number)
        return True, numbers, None
    return True, text, None


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


def _values(
    specs: tuple[Field, ...],
    values: dict[str, Value],
    prefix: str,
    language: Language,
    words: dict[str, str],
) -> tuple[dict[str, Any], list[Problem]]:
    data: dict[str, Any] = {}
    problems = []
    for spec in specs:
        present, value, problem = _read(spec, values.get(spec.name, ""), language, words)
        if problem is not None:
            problems.append(Problem(f"{prefix}{spec.name}", problem))
        elif present:
            _put(data, spec.name, value)
    return data, problems


def waiting_grants(draft: Draft) -> list[int]:
    """The grants of the draft that do not count yet: no amount per year filled in (a grant
    added in the wizard starts so). They are left out of the plan, not refused."""
    return [
        index
        for index, item in enumerate(draft.items("grants"))
        if not str(item.values.get("amount_per_year") or "").strip()
    ]


def draft_data(draft: Draft, language: Language) -> tuple[dict[str, Any], list[Problem]]:
    """The initiative file's data of the draft (exact Decimals) and the values that cannot be
    read; a field that cannot be read is left out of the data, and so are the grants that
    wait for their amount (`waiting_grants`)."""
    words = MESSAGES[language]
    data, problems = _values(TOP, draft.top, "", language, words)
    if not data.get("recognitions"):
        data.pop("recognitions", None)
    waiting = set(waiting_grants(draft))
    for name, specs in LISTS.items():
        items = []
        for index, item in enumerate(draft.items(name)):
            if name == "grants" and index in waiting:
                continue
            values, found = _values(specs, item.values, f"{name}[{index}].", language, words)
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
    # The draft's index of each grant of the initiative (the waiting ones are left out).
    grant_indexes: tuple[int, ...] = ()
    # The draft's grants that wait for an amount.
    waiting: tuple[int, ...] = ()


_GRANT_PATH = re.compile(r"^grants\[(\d+)\]")


def _draft_path(path: str, grant_indexes: tuple[int, ...]) -> str:
    """A model's path with the initiative's grant index turned into the draft's."""
    found = _GRANT_PATH.match(path)
    if found is None or int(found.group(1)) >= len(grant_indexes):
        return path
    return f"grants[{grant_indexes[int(found.group(1))]}]{path[found.end() :]}"


def check(draft: Draft, language: Language) -> Checked:
    """Read and validate the whole draft; the model's messages in the page's language."""
    data, problems = draft_data(draft, language)
    waiting = tuple(waiting_grants(draft))
    counted = tuple(i for i in range(len(draft.items("grants"))) if i not in waiting)
    initiative = None
    try:
        initiative = parse_initiative(data, "wizard")
    except InitiativeError as error:
        problems += [
            replace(problem, path=_draft_path(problem.path, counted)) for problem in error.problems
        ]
    if problems:
        initiative = None
    seen: set[str] = set()
    unique = []
    for problem in problems:
        if problem.path not in seen:  # a field that cannot be read is also "missing"
            seen.add(problem.path)
            unique.append(replace(problem, message=translate(problem, language)))
    return Checked(initiative, data, unique, counted, waiting)


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
