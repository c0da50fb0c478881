"""The wizard's draft: every value as the user typed it, with the defaults still standing.

The draft travels with the form as JSON in one hidden field (no server state), so it holds
text exactly as typed — "12,50", "0,5", even "abc" — and nothing typed is lost on a round
trip. A field keeps its "default" mark until the user changes it; the default person's start
date follows the plan's start month while it is a default.

>>> draft = default_draft("nl", date(2026, 11, 27))
>>> draft.top["horizon.start"], draft.items("people")[0].values["start_date"]
('2027-01', '2027-01-01')
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, localcontext
from typing import Any

from starlette.datastructures import FormData

from klaverblad.locale import Language
from klaverblad.messages import N_, words
from klaverblad.model.consistency import Problem
from klaverblad.model.echo import echo
from klaverblad.model.limits import (
    ACTIVITIES,
    AGREEMENTS,
    DEGRESSION_FACTORS,
    DOCUMENT_BYTES,
    GRANTS,
    PEOPLE,
    SIGNIFICANT_DIGITS,
    TEXT_CHARACTERS,
)
from klaverblad.model.number_reader import NumberError, bounded, read_decimal
from klaverblad.typed_numbers import TypedNumberError, read_typed
from klaverblad.web.wizard.fields import LISTS, STEPS, TOP, Field

# How many items each list of the draft may hold: the initiative file's own limits.
MAX_ITEMS: dict[str, int] = {
    "activities": ACTIVITIES,
    "people": PEOPLE,
    "agreements": AGREEMENTS,
    "grants": GRANTS,
}
MAX_TEXT = 2000  # characters kept of one typed value
# The hidden draft is at most as large as an initiative file (it is read before it is parsed).
MAX_DRAFT_CHARACTERS = DOCUMENT_BYTES
# Precision for writing a number of at most SIGNIFICANT_DIGITS digits with its decimals.
_WRITING_PRECISION = 2 * SIGNIFICANT_DIGITS + 4
Value = str | bool | list[str]


@dataclass
class Item:
    """One activity, person, agreement or grant: its typed values and which are defaults."""

    values: dict[str, Value]
    defaults: set[str] = field(default_factory=set)


@dataclass
class Draft:
    top: dict[str, Value]
    top_defaults: set[str] = field(default_factory=set)
    lists: dict[str, list[Item]] = field(default_factory=dict)
    # The version of a saved initiative being edited, sent along when saving.
    expected_version: str = ""
    # The id of that saved initiative, as it was opened: a draft whose id is changed in the
    # wizard is a new plan, never the next version of another saved plan.
    editing_id: str = ""
    # The language of the page its numbers were typed on ("" when not known): the language
    # switch posts the form to the other language's page, which rewrites them (`retype`).
    typed_in: str = ""

    def items(self, name: str) -> list[Item]:
        return self.lists.setdefault(name, [])

    def to_json(self) -> str:
        return json.dumps(
            {
                "top": self.top,
                "defaults": sorted(self.top_defaults),
                "lists": {
                    name: [{"values": i.values, "defaults": sorted(i.defaults)} for i in items]
                    for name, items in self.lists.items()
                },
                "expected_version": self.expected_version,
                "editing_id": self.editing_id,
                "typed_in": self.typed_in,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )


def _clean(spec: Field, value: Any) -> Value:
    """A value of the hidden field as its field's kind holds it (anything else dropped)."""
    if spec.kind == "checkbox":
        return value is True
    if spec.kind == "checkboxes":
        return [v for v in value if v in spec.choices] if isinstance(value, list) else []
    return value[:MAX_TEXT] if isinstance(value, str) else ""


def _empty(spec: Field) -> Value:
    """What a field holds when the draft or file does not say: a checkbox its model default
    (a draft saved before `contract_indefinite` existed reads it as true), else nothing."""
    return spec.checked if spec.kind == "checkbox" else [] if spec.kind == "checkboxes" else ""


def _clean_values(specs: tuple[Field, ...], raw: Any) -> dict[str, Value]:
    raw = raw if isinstance(raw, dict) else {}
    return {spec.name: _clean(spec, raw.get(spec.name, _empty(spec))) for spec in specs}


def _names(specs: tuple[Field, ...], raw: Any) -> set[str]:
    known = {spec.name for spec in specs}
    return {name for name in raw if name in known} if isinstance(raw, list) else set()


def draft_from_json(text: str) -> Draft | None:
    """The draft of the hidden field, cleaned; None when it is not a draft at all (or is
    larger than `MAX_DRAFT_CHARACTERS`)."""
    if len(text) > MAX_DRAFT_CHARACTERS:
        return None
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("top"), dict):
        return None
    draft = Draft(_clean_values(TOP, raw["top"]), _names(TOP, raw.get("defaults")))
    lists = raw.get("lists")
    lists = lists if isinstance(lists, dict) else {}
    for name, specs in LISTS.items():
        found = lists.get(name)
        found = found if isinstance(found, list) else []
        draft.lists[name] = [
            Item(_clean_values(specs, item.get("values")), _names(specs, item.get("defaults")))
            for item in found[: MAX_ITEMS[name]]
            if isinstance(item, dict)
        ]
    version = raw.get("expected_version")
    draft.expected_version = version[:100] if isinstance(version, str) else ""
    editing = raw.get("editing_id")
    draft.editing_id = editing[:100] if isinstance(editing, str) else ""
    typed_in = raw.get("typed_in")
    draft.typed_in = typed_in if typed_in in ("nl", "en") else ""
    return draft


# --- Defaults --------------------------------------------------------------------------------


def decimal_text(value: Decimal, language: Language, places: int | None = None) -> str:
    """A number as the user would type it: decimal comma in Dutch, point in English (a
    number of up to `SIGNIFICANT_DIGITS` digits, as `number_reader` lets through)."""
    with localcontext() as context:
        context.prec = _WRITING_PRECISION
        if places is not None and value == value.quantize(Decimal(1).scaleb(-places)):
            value = value.quantize(Decimal(1).scaleb(-places))
        elif value == value.to_integral_value():
            value = value.quantize(Decimal(1))
        else:
            value = value.normalize()
        text = format(value, "f")
    return text.replace(".", ",") if language == "nl" else text


def next_january(today: date) -> str:
    return f"{today.year + 1:04d}-01"


def first_day(month: str) -> str:
    return f"{month}-01" if len(month) == 7 else ""


_NAMES = words(N_("draft_default.name"), N_("draft_default.id"), N_("draft_default.promoter"))


def default_draft(language: Language, today: date) -> Draft:
    """The draft a new plan starts from: every required field filled in with a visible
    default, one activity and one person, so that step 1 already shows a computed plan."""
    names = _NAMES[language]
    name, identifier, promoter = names["name"], names["id"], names["promoter"]
    top: dict[str, Value] = {
        "name": name,
        "id": identifier,
        "promoter.name": promoter,
        "promoter.legal_form": "vzw",
        "promoter.municipality": "Gent",
        "recognitions": [],
        "horizon.start": next_january(today),
        "horizon.months": "36",
        "costs.operating_per_year": decimal_text(Decimal(5000), language, 2),
    }
    draft = Draft(top, set(top) - {"recognitions"}, typed_in=language)
    add_item(draft, "activities", language)
    add_item(draft, "people", language)
    return draft


def _new_id(prefix: str, items: list[Item]) -> str:
    taken = {item.values.get("id") for item in items}
    number = len(items) + 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


def new_values(name: str, draft: Draft, language: Language) -> dict[str, Value]:
    """The default values of a new item of list `name`."""
    items = draft.items(name)
    money = {amount: decimal_text(Decimal(amount), language, 2) for amount in (15, 1000, 3000)}
    if name == "activities":
        return {
            "id": _new_id("a", items),
            "kind": "klusjes",
            "hours_per_month": "100",
            "payment": "cash",
            "price_per_hour": money[15],
            "client_group": "particulier",
        }
    if name == "people":
        start = draft.top.get("horizon.start")
        return {
            "id": _new_id("p", items),
            "role": "target",
            "statute": "",
            "fte": "1",
            "monthly_wage_cost": money[3000],
            "start_date": first_day(start) if isinstance(start, str) else "",
            "end_date": "",
            "birth_date": "1990-01-01",
            "diploma": "lager_secundair",
            "status": "uvw",
            "unemployed_months": "24",
            "placed_by_ocmw": False,
            "gesco_verhoogd": False,
            "wep_verlengd": False,
            "maatwerk_loonpremie_pct": "",
            "maatwerk_begeleiding": "",
            "maatwerk_pakket": "",
            "vop": "",
            "gesco_post": False,
            "contract_indefinite": True,
            "gross_quarterly_wage": "",
        }
    if name == "agreements":
        partner = "Partner"
        return {"funder": partner, "domain": "welzijn", "amount_per_year": money[1000]}
    # A new grant starts without an amount: it counts in the plan once one is filled in
    # (`convert.waiting_grants`), never with an amount nobody entered.
    return {"measure": "lokaal_actieplan", "funder": "lokaal", "amount_per_year": ""}


def add_item(draft: Draft, name: str, language: Language) -> bool:
    """Add a new item with its defaults to list `name`; False when the list is full."""
    items = draft.items(name)
    if len(items) >= MAX_ITEMS[name]:
        return False
    values = _clean_values(LISTS[name], new_values(name, draft, language))
    # A flag at the model's own default (`contract_indefinite`) is no guess of the wizard's.
    flags = {spec.name for spec in LISTS[name] if spec.kind == "checkbox"}
    defaults = {
        key for key, value in values.items() if value not in ("", False, []) and key not in flags
    }
    if name == "people":
        defaults.add("statute")  # "" is a choice here: the best statute
    items.append(Item(values, defaults))
    return True


def remove_item(draft: Draft, name: str, index: int) -> None:
    items = draft.items(name)
    if 0 <= index < len(items):
        del items[index]


# --- Reading the form ------------------------------------------------------------------------


def _posted(spec: Field, path: str, form: FormData) -> Value | None:
    """The value the form holds for `path` (None when the form did not show that field)."""
    if spec.kind == "checkbox":
        return form.get(path) in ("on", "true", "1", "ja", "yes")
    if spec.kind == "checkboxes":
        return [v for v in form.getlist(path) if isinstance(v, str) and v in spec.choices]
    value = form.get(path)
    return value[:MAX_TEXT] if isinstance(value, str) else None


def _apply(values: dict[str, Value], defaults: set[str], spec: Field, new: Value | None) -> None:
    if new is None:
        return
    if new != values.get(spec.name):
        defaults.discard(spec.name)
    values[spec.name] = new


def apply_form(draft: Draft, step: int, form: FormData) -> None:
    """Put the values of step `step`'s form into the draft (the other steps stay as they are).

    Unchecked checkboxes send nothing, so only the shown step's flags are read."""
    if not 1 <= step <= len(STEPS):
        return
    _key, lists, fields = STEPS[step - 1]
    old_start = draft.top.get("horizon.start")
    for spec in fields:
        _apply(draft.top, draft.top_defaults, spec, _posted(spec, spec.name, form))
    for name in lists:
        for index, item in enumerate(draft.items(name)):
            for spec in LISTS[name]:
                new = _posted(spec, f"{name}[{index}].{spec.name}", form)
                _apply(item.values, item.defaults, spec, new)
    new_start = draft.top.get("horizon.start")
    if new_start != old_start and isinstance(new_start, str):
        for person in draft.items("people"):
            if "start_date" in person.defaults:
                person.values["start_date"] = first_day(new_start.strip())


def _retyped(spec: Field, text: str, typed_in: Language, language: Language) -> str:
    """A number typed on `typed_in`'s page as `language` writes it; a text that reader does
    not read is kept as typed (its field then says why)."""
    if spec.kind == "factors":
        parts = [part for part in re.split(r"[;\s]+", text) if part]
        factor = Field(spec.name, "decimal")
        return "; ".join(_retyped(factor, part, typed_in, language) for part in parts)
    try:
        number = read_typed(text, typed_in, spec.number_kind)
    except TypedNumberError:
        return text
    if spec.kind == "integer":
        return str(int(number))
    return decimal_text(number, language, 2 if spec.kind == "amount" else None)


def retype(draft: Draft, language: Language) -> None:
    """The draft's numbers as `language` writes them, when they were typed on the other
    language's page (its "continue in English" button posts the form there): `2.950` typed in
    Dutch becomes `2950.00` on the English page, never 2.95."""
    typed_in, draft.typed_in = draft.typed_in, language
    if typed_in not in ("nl", "en") or typed_in == language:
        return
    source: Language = "nl" if typed_in == "nl" else "en"
    numbers = [spec for spec in TOP if spec.is_number or spec.kind == "factors"]
    places = [(draft.top, numbers)] + [
        (item.values, [spec for spec in LISTS[name] if spec.is_number or spec.kind == "factors"])
        for name in LISTS
        for item in draft.items(name)
    ]
    for values, specs in places:
        for spec in specs:
            text = values.get(spec.name)
            if isinstance(text, str) and text.strip():
                values[spec.name] = _retyped(spec, text.strip(), source, language)[:MAX_TEXT]


# --- A draft from an initiative file ---------------------------------------------------------


def _number(value: Any, spec: Field, language: Language) -> str:
    """A number of an initiative file as the field shows it; a value that is no number the
    bounded reader takes is shown as (a short quote of) itself, and refused at the field when
    the draft is checked."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        return echo(value).strip("'")
    try:
        number = read_decimal(value) if isinstance(value, str) else bounded(value)
    except NumberError:
        return value[:MAX_TEXT] if isinstance(value, str) else echo(value).strip("'")
    if spec.kind == "integer":
        return format(number, "f") if number != number.to_integral_value() else str(int(number))
    return decimal_text(number, language, 2 if spec.kind == "amount" else None)


def _text_of(spec: Field, value: Any, language: Language) -> Value:
    if spec.kind == "checkbox":
        return value is True
    if spec.kind == "checkboxes":
        values = value if isinstance(value, list | tuple) else [value]
        return [v for v in values[: len(spec.choices)] if isinstance(v, str)]
    if value is None:
        return ""
    if spec.is_number:
        return _number(value, spec, language)
    if spec.kind == "factors" and isinstance(value, list | tuple):
        factors = Field(spec.name, "decimal")
        return "; ".join(_number(v, factors, language) for v in value[: DEGRESSION_FACTORS + 1])
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return value[:MAX_TEXT]
    # Never str() of a mapping or list (it may be large): a short quote of what it is.
    return echo(value).strip("'")


def _lookup(data: dict[str, Any], path: str) -> tuple[bool, Any]:
    current: Any = data
    for part in path.split("."):
        if not isinstance(current, dict) or part not in current:
            return False, None
        current = current[part]
    return True, current


def _unknown(data: dict[str, Any], known: set[str], prefix: str = "") -> list[str]:
    unknown = []
    for key, value in data.items():
        path = f"{prefix}{str(key)[:TEXT_CHARACTERS]}"
        if path in known:
            continue
        if isinstance(value, dict) and any(k.startswith(f"{path}.") for k in known):
            unknown += _unknown(value, known, f"{path}.")
        else:
            unknown.append(path)
    return unknown


def draft_from_data(
    data: dict[str, Any],
    language: Language,
    unknown_message: str,
    list_message: str,
    too_many_message: str = "has more than {limit} items",
) -> tuple[Draft, list[Problem]]:
    """The draft of an initiative file's data (YAML or JSON, valid or not), and the keys it
    cannot show (unknown fields, lists that are not lists of mappings, items past a list's
    limit)."""
    problems: list[Problem] = []
    top: dict[str, Value] = {}
    for spec in TOP:
        found, value = _lookup(data, spec.name)
        top[spec.name] = _text_of(spec, value, language) if found else _empty(spec)
    known = {spec.name for spec in TOP} | set(LISTS)
    problems += [Problem(path, unknown_message) for path in _unknown(data, known)]
    draft = Draft(_clean_values(TOP, top), typed_in=language)
    for name, specs in LISTS.items():
        raw = data.get(name, [])
        if not isinstance(raw, list):
            problems.append(Problem(name, list_message))
            raw = []
        if len(raw) > MAX_ITEMS[name]:
            problems.append(Problem(name, too_many_message.format(limit=MAX_ITEMS[name])))
            raw = raw[: MAX_ITEMS[name]]
        for index, entry in enumerate(raw):
            if not isinstance(entry, dict):
                problems.append(Problem(f"{name}[{index}]", list_message))
                continue
            values = {
                spec.name: _text_of(spec, entry[spec.name], language)
                if spec.name in entry
                else _empty(spec)
                for spec in specs
            }
            known_keys = {spec.name for spec in specs}
            problems += [
                Problem(f"{name}[{index}].{str(key)[:TEXT_CHARACTERS]}", unknown_message)
                for key in entry
                if key not in known_keys
            ]
            draft.items(name).append(Item(_clean_values(specs, values)))
    return draft, problems


def import_people(draft: Draft, people: list[dict[str, Any]], language: Language) -> bool:
    """Add imported people to the draft; the untouched default person (if it is the only
    one) gives way to them. True when the default person was replaced."""
    items = draft.items("people")
    replaced = len(items) == 1 and items[0].defaults >= {"id", "fte", "monthly_wage_cost"}
    if replaced:
        items.clear()
    specs = LISTS["people"]
    for person in people:
        if len(items) >= MAX_ITEMS["people"]:
            break
        values = {
            spec.name: _text_of(spec, person[spec.name], language)
            if spec.name in person
            else _empty(spec)
            for spec in specs
        }
        items.append(Item(_clean_values(specs, values)))
    return replaced
