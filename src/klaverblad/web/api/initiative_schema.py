"""The OpenAPI schema of an initiative: the schema of `klaverblad.model.Initiative` with the
ranges and patterns its validators check (amounts, FTE, factors, hours, dates and months between
1900 and 2200, ids), so that a client — or a fuzzer — generating requests from the schema reaches
the computation. The rules that relate fields to each other (unique ids, a birth date before the
start date, references to activities) cannot all be stated in JSON Schema; the `description` of
the initiative names them. Validation itself stays with `parse_initiative`.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from klaverblad.model import fields as model_fields
from klaverblad.model.initiative import Initiative
from klaverblad.model.limits import TEXT_CHARACTERS

# The years a date or month may lie in (klaverblad.model.fields), as JSON Schema patterns.
FIRST_YEAR, LAST_YEAR = 1900, 2200
_YEAR = r"(19\d\d|2[01]\d\d|2200)"
MONTH_PATTERN = rf"^{_YEAR}-(0[1-9]|1[0-2])$"
DAY_PATTERN = rf"^{_YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
MONEY_MAX_EUROS = 999_999_999
# Each validator of klaverblad.model.fields and the JSON Schema of what it accepts: a number
# (a whole one, or one with the allowed decimals: `multipleOf`) or the same as text.
_NUMBER_TEXT = "a number, or text with at most {places} decimals"
# Ids and names (klaverblad.model.fields._identifier): no control characters (Cc) and no
# bidirectional formatting characters, and something other than spaces.
_FORBIDDEN = r"\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069"
_PLAIN_TEXT = rf"^[^{_FORBIDDEN}]*[^\s{_FORBIDDEN}][^{_FORBIDDEN}]*$"
_SCALARS: dict[str, dict[str, Any]] = {
    "money": {
        "anyOf": [
            {"type": "integer", "minimum": 0, "maximum": MONEY_MAX_EUROS},
            {"type": "number", "minimum": 0, "maximum": 999_999_999.99, "multipleOf": 0.01},
            {"type": "string", "pattern": r"^(0|[1-9]\d{0,8})(\.\d{1,2})?$"},
        ],
        "description": "Euros, 0 to 999 999 999.99: " + _NUMBER_TEXT.format(places=2),
    },
    "fte": {
        "anyOf": [
            {"type": "integer", "minimum": 1, "maximum": 1},
            {"type": "number", "exclusiveMinimum": 0, "maximum": 1, "multipleOf": 0.0001},
            {"type": "string", "pattern": r"^(1(\.0{1,4})?|0?\.\d{0,3}[1-9])$"},
        ],
        "description": "A fraction of full time, more than 0 and at most 1: "
        + _NUMBER_TEXT.format(places=4),
    },
    "factor": {
        "anyOf": [
            {"type": "integer", "minimum": 0, "maximum": 1},
            {"type": "number", "minimum": 0, "maximum": 1, "multipleOf": 0.0001},
            {"type": "string", "pattern": r"^(1(\.0{1,4})?|0(\.\d{1,4})?)$"},
        ],
        "description": "A factor from 0 to 1: " + _NUMBER_TEXT.format(places=4),
    },
    "hours": {
        "anyOf": [
            {"type": "integer", "minimum": 0, "maximum": 100_000},
            {"type": "number", "minimum": 0, "maximum": 100_000, "multipleOf": 0.01},
            {"type": "string", "pattern": r"^(100000(\.0{1,2})?|(0|[1-9]\d{0,4})(\.\d{1,2})?)$"},
        ],
        "description": "Hours, 0 to 100 000: " + _NUMBER_TEXT.format(places=2),
    },
    "day": {
        "type": "string",
        "format": "date",
        "pattern": DAY_PATTERN,
        "description": f"A date YYYY-MM-DD in the years {FIRST_YEAR} to {LAST_YEAR}",
    },
    "month": {
        "type": "string",
        "pattern": MONTH_PATTERN,
        "description": f"A month YYYY-MM in the years {FIRST_YEAR} to {LAST_YEAR}",
    },
    "percentage": {
        "type": "integer",
        "minimum": 20,
        "maximum": 75,
        "multipleOf": 5,
        "description": "A multiple of 5 from 20 to 75 (a VDAB decision)",
    },
    "id": {
        "type": "string",
        "minLength": 1,
        "maxLength": TEXT_CHARACTERS,
        "pattern": _PLAIN_TEXT,
        "description": f"Text of 1 to {TEXT_CHARACTERS} characters, not only spaces, without "
        "control or bidirectional formatting characters",
    },
}
_VALIDATORS: dict[str, Any] = {
    "money": model_fields.Money,
    "fte": model_fields.Fte,
    "factor": model_fields.Factor,
    "hours": model_fields.Hours,
    "day": model_fields.Day,
    "month": model_fields.Month,
    "percentage": model_fields.MaatwerkPercentage,
    "id": model_fields.Id,
}
_CROSS_FIELD_RULES = (
    "Besides the ranges stated here: ids of people and of activities are unique; a person's "
    "birth_date is before start_date and end_date (if any) on or after it; price_per_hour is "
    "required unless payment is dienstencheque; an agreement gives amount_per_year or "
    "amount_per_hour (with the id of one of the activities); a grant of measure overig gives "
    "its leaf; the recognition lde needs a non-commercial legal form (CONTRACT §2)."
)


def _validator_funcs(annotation: Any, metadata: list[Any]) -> set[Any]:
    """The functions of every Before/AfterValidator in the field, at any depth."""
    found = {getattr(item, "func", None) for item in metadata}
    stack = [annotation]
    while stack:
        current = stack.pop()
        found.update(getattr(item, "func", None) for item in getattr(current, "__metadata__", ()))
        stack.extend(get_args(current))
    found.discard(None)
    return found


def _scalar_kind(info: FieldInfo) -> str | None:
    funcs = _validator_funcs(info.annotation, info.metadata)
    for kind, alias in _VALIDATORS.items():
        if any(getattr(item, "func", None) in funcs for item in alias.__metadata__):
            return kind
    return None


def _is_optional(annotation: Any) -> bool:
    return type(None) in get_args(annotation)


def _field_schema(info: FieldInfo, generated: dict[str, Any]) -> dict[str, Any]:
    """The field's schema with the real range of its scalar validator, if it has one."""
    kind = _scalar_kind(info)
    if kind is None:
        return generated
    scalar = copy.deepcopy(_SCALARS[kind])
    if kind == "id" and "pattern" in generated:  # the initiative's own id
        scalar["pattern"] = generated["pattern"]
        scalar["description"] = "Lower-case letters, digits and '-'"
    description = scalar.pop("description")
    if get_origin(info.annotation) is tuple:
        schema: dict[str, Any] = {"type": "array", "items": scalar}
        schema.update({k: generated[k] for k in ("maxItems", "minItems") if k in generated})
    elif _is_optional(info.annotation):
        schema = {"anyOf": [scalar, {"type": "null"}]}
    else:
        schema = scalar
    schema.update({k: generated[k] for k in ("title", "default") if k in generated})
    schema["description"] = description
    return schema


def _models(root: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """The model and every model its fields hold, by name."""
    found: dict[str, type[BaseModel]] = {}
    stack: list[Any] = [root]
    while stack:
        current = stack.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            if current.__name__ not in found:
                found[current.__name__] = current
                stack.extend(info.annotation for info in current.model_fields.values())
        else:
            stack.extend(get_args(current))
    return found


def _inline(schema: Any, definitions: dict[str, Any]) -> Any:
    """The schema with every `$ref` to its definitions replaced by the definition."""
    if isinstance(schema, dict):
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            rest = {k: v for k, v in schema.items() if k != "$ref"}
            return {**_inline(definitions[name], definitions), **rest}
        return {key: _inline(value, definitions) for key, value in schema.items()}
    if isinstance(schema, list):
        return [_inline(item, definitions) for item in schema]
    return schema


def _not_null(schema: dict[str, Any]) -> dict[str, Any]:
    alternatives = schema.get("anyOf", [schema])
    return next(a for a in alternatives if a.get("type") != "null")


def _cross_field_schemas(definitions: dict[str, Any]) -> None:
    """The rules between fields that JSON Schema can state (klaverblad.model.consistency)."""
    recognitions = definitions["Initiative"]["properties"]["recognitions"]
    recognitions["uniqueItems"] = True
    activity = definitions["Activity"]
    money = _not_null(activity["properties"]["price_per_hour"])
    # price_per_hour is required unless payment is dienstencheque.
    activity["anyOf"] = [
        {"properties": {"payment": {"const": "dienstencheque"}}},
        {"required": ["price_per_hour"], "properties": {"price_per_hour": money}},
    ]
    # amount_per_year, or amount_per_hour with an activity.
    agreement = definitions["Agreement"]
    activity_id = _not_null(agreement["properties"]["activity"])
    agreement["oneOf"] = [
        {
            "required": ["amount_per_year"],
            "properties": {"amount_per_year": money, "amount_per_hour": {"type": "null"}},
        },
        {
            "required": ["amount_per_hour", "activity"],
            "properties": {
                "amount_per_year": {"type": "null"},
                "amount_per_hour": money,
                "activity": activity_id,
            },
        },
    ]
    # A grant of measure overig gives its leaf.
    grant = definitions["Grant"]
    grant["anyOf"] = [
        {"properties": {"measure": {"not": {"const": "overig"}}}},
        {"required": ["leaf"], "properties": {"leaf": _not_null(grant["properties"]["leaf"])}},
    ]


@cache
def initiative_schema() -> dict[str, Any]:
    """The JSON Schema of an initiative (CONTRACT §2), self-contained (no `$ref`), with the
    ranges the validation checks."""
    generated = Initiative.model_json_schema()
    definitions = generated.pop("$defs", {})
    definitions[Initiative.__name__] = generated
    for name, model in _models(Initiative).items():
        properties = definitions[name]["properties"]
        for field_name, info in model.model_fields.items():
            key = info.alias or field_name
            properties[key] = _field_schema(info, properties[key])
    _cross_field_schemas(definitions)
    schema = _inline(definitions[Initiative.__name__], definitions)
    schema["description"] = (
        "An initiative exactly as an initiative file holds it (CONTRACT §2). " + _CROSS_FIELD_RULES
    )
    return dict(schema)


# The schema of an amount in euros, for the other requests that take money (a ranking budget).
MONEY_SCHEMA = _SCALARS["money"]
