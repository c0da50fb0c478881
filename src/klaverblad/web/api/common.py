"""What the API endpoints share: the initiative validated with body paths, and the rules of
`reforms` / `set` checked one by one (each problem names `reforms[i]` or `set[i]`)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from fastapi import Response
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from klaverblad.model import Initiative, InitiativeError, parse_initiative
from klaverblad.web.errors import ApiError, Problem, join_path

# Every 4xx of the API has the same body (klaverblad.web.api.models.ErrorBody).
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"description": "The body is not valid JSON"},
    413: {"description": "The body is too large"},
    415: {"description": "The body is not sent as application/json"},
    422: {"description": "A field is missing, unknown or wrong; one entry per problem"},
}


# Whole floats below this are exact integers (2**53).
_EXACT_INTEGERS = 2**53


def whole_number(value: Any) -> Any:
    """`12.0` (or `1.2e1`) as the integer 12; anything else as it is. JSON has one kind of
    number and JSON Schema, which the OpenAPI schema is, counts 12.0 as the integer 12: a
    whole-number field takes it (12.5 it still refuses).

    >>> whole_number(12.0), whole_number(12.5), whole_number("12")
    (12, 12.5, '12')
    """
    if isinstance(value, float) and value.is_integer() and abs(value) < _EXACT_INTEGERS:
        return int(value)
    return value


def _integer_paths(schema: dict[str, Any], prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The paths of the whole-number fields in a schema ('*' for every item of a list)."""
    paths: list[tuple[str, ...]] = []
    for name, field in schema.get("properties", {}).items():
        alternatives = field.get("anyOf", [field])
        kinds = {alternative.get("type") for alternative in alternatives}
        if kinds <= {"integer", "null"} and "integer" in kinds:
            paths.append((*prefix, name))
        elif field.get("type") == "object":
            paths += _integer_paths(field, (*prefix, name))
        elif field.get("type") == "array" and isinstance(field.get("items"), dict):
            paths += _integer_paths(field["items"], (*prefix, name, "*"))
    return paths


@cache
def _initiative_integer_paths() -> tuple[tuple[str, ...], ...]:
    """The whole-number fields of an initiative: the schema does not change while the process
    runs, so they are found once (every plan request needs them)."""
    from klaverblad.web.api.models import initiative_schema

    return tuple(_integer_paths(initiative_schema()))


def _whole_integers(data: Any, path: tuple[str, ...]) -> None:
    """Replace whole floats by integers at `path` of the data, in place."""
    holders = [data]
    for part in path[:-1]:
        if part == "*":
            holders = [item for holder in holders if isinstance(holder, list) for item in holder]
        else:
            holders = [holder.get(part) for holder in holders if isinstance(holder, dict)]
    for holder in holders:
        if isinstance(holder, dict) and path[-1] in holder:
            holder[path[-1]] = whole_number(holder[path[-1]])


def initiative_or_problems(data: Any, path: str) -> tuple[Initiative | None, list[Problem]]:
    """The validated initiative, or the problems with their paths under `path`. A whole number
    written with a fraction (`"months": 24.0`) is taken in a whole-number field."""
    if isinstance(data, dict):
        for integer_path in _initiative_integer_paths():
            _whole_integers(data, integer_path)
    try:
        return parse_initiative(data, source=path), []
    except InitiativeError as error:
        return None, [Problem(join_path(path, p.path), p.message) for p in error.problems]


def rules_or_problems(
    reforms: list[str], changes: list[str]
) -> tuple[tuple[TaxBenefitSystem, tuple[str, ...]] | None, list[Problem]]:
    """The rules of the named reforms and parameter changes with the labels a plan reports in
    `rules.reforms` (as the command line's `rules_option`), or the problems."""
    from klaverblad.rules.reforms import REFORMS, ReformError, parse_change, reformed_system

    problems: list[Problem] = []
    for index, name in enumerate(reforms):
        if name not in REFORMS:
            problems.append(
                Problem(
                    f"reforms[{index}]",
                    f"'{name}' is not a reform; known reforms: {', '.join(REFORMS)}",
                )
            )
        elif name in reforms[:index]:
            problems.append(Problem(f"reforms[{index}]", f"'{name}' is given twice"))
    parsed = []
    for index, text in enumerate(changes):
        try:
            parsed.append(parse_change(text))
        except ReformError as error:
            problems.append(Problem(f"set[{index}]", str(error)))
    if problems:
        return None, problems
    try:
        system = reformed_system(tuple(reforms), tuple(parsed))
    except ReformError as error:  # not expected after the checks above
        return None, [Problem("reforms", str(error))]
    return (system, tuple(reforms) + tuple(change.label for change in parsed)), []


def refuse_if(problems: list[Problem], status_code: int = 422) -> None:
    if problems:
        raise ApiError(problems, status_code)


def document_bytes(content: dict[str, Any]) -> bytes:
    """The document as the bytes of an answer: compact UTF-8 JSON, the text of Starlette's
    `JSONResponse`, so a cached answer and a computed one are the same bytes.

    >>> document_bytes({"gap": "12,50", "leaf": "I"})
    b'{"gap":"12,50","leaf":"I"}'
    """
    return json.dumps(
        content, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")
    ).encode("utf-8")


def bytes_response(body: bytes) -> Response:
    """An answer whose JSON is already serialised (`document_bytes`)."""
    return Response(body, media_type="application/json")


def json_response(content: dict[str, Any]) -> Response:
    """The document as the command line's `--format json` gives it (same keys, same values)."""
    return bytes_response(document_bytes(content))
