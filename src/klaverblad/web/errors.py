"""The one error shape of the JSON API, and the handlers that give it to every bad request.

Every problem is `{"path": ..., "message": ...}`: the path names the field in the request body
(`initiative.people[0].fte`, `reforms[1]`, `set[0]`) or the query parameter (`date`), the
message says what is wrong in plain words, as the command line says it:

>>> problems_body([Problem("initiative.people[0].fte", "must be more than 0 and at most 1")])
{'errors': [{'path': 'initiative.people[0].fte', 'message': 'must be more than 0 and at most 1'}]}
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from klaverblad.web.api.limits import API_PREFIX, NO_POSITION
from klaverblad.web.page_errors import csrf_page, http_error_page, unexpected_page
from klaverblad.web.security import CsrfError
from klaverblad.web.time_budget import TimeBudgetExceeded, time_budget_exceeded

logger = logging.getLogger("klaverblad.web")

# The path of a problem with the request body as a whole (not one field of it).
WHOLE_BODY = "(the body)"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a request, at `path` (see the module docstring)."""

    path: str
    message: str
    line: int | None = None
    column: str | None = None

    def to_dict(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"path": self.path, "message": self.message}
        if self.line is not None:
            entry["line"] = self.line
        if self.column is not None:
            entry["column"] = self.column
        return entry


class ApiError(Exception):
    """A request the API refuses: its HTTP status and one problem per thing wrong."""

    def __init__(self, problems: Sequence[Problem], status_code: int = 422) -> None:
        super().__init__("; ".join(f"{p.path}: {p.message}" for p in problems))
        self.problems = list(problems)
        self.status_code = status_code


# An answer lists at most this many problems and counts the rest: a document with 60 000
# unknown keys must not get a 3.5 MB answer.
SHOWN_PROBLEMS = 50


def problems_body(problems: Iterable[Problem]) -> dict[str, Any]:
    """The error body; past `SHOWN_PROBLEMS` problems, one last entry counts the others."""
    listed = list(problems)
    errors = [problem.to_dict() for problem in listed[:SHOWN_PROBLEMS]]
    if len(listed) > SHOWN_PROBLEMS:
        more = len(listed) - SHOWN_PROBLEMS
        errors.append({"path": "(the request)", "message": f"and {more} more problems, not listed"})
    return {"errors": errors}


def error_response(problems: Iterable[Problem], status_code: int) -> JSONResponse:
    return JSONResponse(problems_body(problems), status_code=status_code)


def join_path(prefix: str, path: str) -> str:
    """`initiative` + `people[0].fte` → `initiative.people[0].fte`; a whole-input path
    such as `(the whole file)` stands for the prefix itself.

    >>> join_path("initiatives[2]", "people[0].fte"), join_path("initiative", "(the whole file)")
    ('initiatives[2].people[0].fte', 'initiative')
    """
    if not path or path.startswith("("):
        return prefix or WHOLE_BODY
    if not prefix:
        return path
    return prefix + path if path.startswith("[") else f"{prefix}.{path}"


def location_path(location: Sequence[int | str]) -> str:
    """A pydantic location as a path: ('body', 'people', 0, 'fte') → `people[0].fte`."""
    parts = list(location)
    if parts and parts[0] in ("body", "query", "path", "header"):
        parts = parts[1:]
    path = ""
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or WHOLE_BODY


_PLAIN_WORDS = {
    "missing": "is required but missing",
    "extra_forbidden": "is not a known field",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "string_type": "must be text",
    "list_type": "must be a list",
    "dict_type": "must be an object (a mapping of fields)",
    "model_type": "must be an object (a mapping of fields)",
    "model_attributes_type": "must be an object (a mapping of fields)",
}


def plain_message(error: dict[str, Any]) -> str:
    """A pydantic error in the words the command line uses, without pydantic's jargon."""
    kind = str(error.get("type", ""))
    context = error.get("ctx") or {}
    if kind in _PLAIN_WORDS:
        return _PLAIN_WORDS[kind]
    if kind == "literal_error":
        return f"'{error.get('input')}' is not allowed; expected {context.get('expected', '')}"
    if kind == "greater_than_equal":
        return f"must be at least {context.get('ge')}"
    if kind == "less_than_equal":
        return f"must be at most {context.get('le')}"
    if kind == "greater_than":
        return f"must be more than {context.get('gt')}"
    if kind == "too_long":
        return f"has too many items: at most {context.get('max_length')}"
    if kind == "too_short":
        return f"has too few items: at least {context.get('min_length')}"
    if kind == "string_too_long":
        return f"is too long: at most {context.get('max_length')} characters"
    return str(error.get("msg", "is not valid")).removeprefix("Value error, ")


def validation_problems(errors: Sequence[Any]) -> list[Problem]:
    return [Problem(location_path(tuple(e.get("loc", ()))), plain_message(dict(e))) for e in errors]


def _is_api(request: Request) -> bool:
    return request.url.path == API_PREFIX or request.url.path.startswith(API_PREFIX + "/")


async def _validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    errors = list(error.errors())
    malformed = [e for e in errors if e.get("type") == "json_invalid"]
    if malformed:
        first = malformed[0]
        reason = (first.get("ctx") or {}).get("error", "syntax error")
        position = first.get("loc", ("body", NO_POSITION))[-1]
        document = error.body if isinstance(error.body, str) else ""
        message = f"is not valid JSON: {reason}"
        if isinstance(position, int) and 0 <= position <= len(document):
            line = document.count("\n", 0, position) + 1
            column = position - document.rfind("\n", 0, position)
            message += f" (line {line}, column {column})"
        return error_response([Problem(WHOLE_BODY, message)], 400)
    return error_response(validation_problems(errors), 422)


async def _api_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, ApiError)
    return error_response(error.problems, error.status_code)


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    if not _is_api(request):
        return http_error_page(request, error.status_code)
    problem = {
        404: Problem(
            "(the URL)", f"there is no {request.url.path}; see {API_PREFIX}/docs for the endpoints"
        ),
        405: Problem("(the method)", f"{request.method} is not allowed on {request.url.path}"),
    }.get(error.status_code, Problem(WHOLE_BODY, str(error.detail)))
    return JSONResponse(
        problems_body([problem]),
        status_code=error.status_code,
        headers=getattr(error, "headers", None),
    )


async def _csrf_error(request: Request, error: Exception) -> Response:
    return csrf_page(request)


async def _unexpected(request: Request, error: Exception) -> Response:
    logger.exception("unexpected error on %s %s", request.method, request.url.path)
    if not _is_api(request):
        return unexpected_page(request)
    message = "an unexpected error occurred on the server; it has been logged"
    return error_response([Problem(WHOLE_BODY, message)], 500)


def install_error_handlers(app: FastAPI) -> None:
    """The error shape for validation, refusals, HTTP errors of /api, and a plain 500."""
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(CsrfError, _csrf_error)
    app.add_exception_handler(TimeBudgetExceeded, time_budget_exceeded)  # 503, Retry-After
    app.add_exception_handler(Exception, _unexpected)
