"""What the API checks before any field is read: the body's size and type, and strict JSON.

- A body larger than its limit (`API_BODY_BYTES`, `PORTFOLIO_BODY_BYTES` of the limits table
  `klaverblad.model.limits`) is refused with 413 before it is parsed: by its Content-Length when
  the client sends one, else as soon as the bytes read pass the limit.
- A POST body must be JSON (`Content-Type: application/json`): else 415.
- The JSON is read strictly, by the reader of initiative files (`klaverblad.model.safe_documents`):
  a key given twice, `NaN` or `Infinity`, or nesting deeper than `NESTING_DEPTH` are malformed
  JSON (400), not silently accepted.
- A value no field can hold is refused with 422 naming its field, before any endpoint sees it:
  text with a lone surrogate (`"\\ud800"`, not Unicode) and numbers too large for a float
  (`1e309`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from fastapi import Request, Response
from fastapi.routing import APIRoute
from starlette.types import ASGIApp, Receive, Scope, Send

from klaverblad.model.echo import echo
from klaverblad.model.limits import API_BODY_BYTES, MEGABYTE, PORTFOLIO_BODY_BYTES
from klaverblad.model.safe_documents import DocumentError, load_json
from klaverblad.web.bounded_body import ClientGoneError, read_body, replaying

if TYPE_CHECKING:
    from klaverblad.web.errors import Problem

API_PREFIX = "/api"
# Most bodies are one initiative (a few kB); a portfolio holds up to PORTFOLIO_INITIATIVES.
DEFAULT_BODY_LIMIT = API_BODY_BYTES
BODY_LIMITS = {
    f"{API_PREFIX}/portfolio": PORTFOLIO_BODY_BYTES,
    f"{API_PREFIX}/multi-year-plan": PORTFOLIO_BODY_BYTES,
}
_BODY_METHODS = ("POST", "PUT", "PATCH")


def body_limit(path: str) -> int:
    return BODY_LIMITS.get(path.rstrip("/"), DEFAULT_BODY_LIMIT)


def _size(limit: int) -> str:
    return f"{limit // MEGABYTE} MB"


def _problem_response(status: int, message: str) -> Response:
    body = {"errors": [{"path": "(the body)", "message": message}]}
    return Response(
        json.dumps(body, ensure_ascii=False), status_code=status, media_type="application/json"
    )


def _is_json(content_type: str) -> bool:
    media = content_type.split(";")[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and "+json" in media)


class ApiBodyMiddleware:
    """Refuses an /api body that is too large (413) or not JSON (415) before it is parsed,
    and hands the app the body it read (at most the limit)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if not path.startswith(API_PREFIX) or scope.get("method") not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        limit = body_limit(path)
        too_large = f"the body is larger than {_size(limit)}, the limit of {path.rstrip('/')}"
        if limit > DEFAULT_BODY_LIMIT:
            too_large += "; split the portfolio into several requests"
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _problem_response(413, too_large)(scope, receive, send)
            return
        try:
            body = await read_body(receive, limit)
        except ClientGoneError:
            return
        if body is None:
            await _problem_response(413, too_large)(scope, receive, send)
            return
        if body and not _is_json(headers.get("content-type", "")):
            given = headers.get("content-type") or "none"
            await _problem_response(
                415,
                f"the body must be JSON, sent with the header Content-Type: application/json "
                f"(the request gave: {given if len(given) <= 60 else given[:60] + '…'})",
            )(scope, receive, send)
            return
        await self.app(scope, replaying(body, receive), send)


# The position of a strictness error: the reader knows no character for it.
NO_POSITION = -1
_CONSTANTS = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}


def _position(document: str, where: str) -> int:
    """The character offset of `line L, column C` in the document, else NO_POSITION."""
    words = where.replace(",", " ").split()
    if len(words) != 4 or words[0] != "line" or words[2] != "column":
        return NO_POSITION
    try:
        line, column = int(words[1]), int(words[3])
    except ValueError:
        return NO_POSITION
    start = 0
    for _ in range(line - 1):
        start = document.find("\n", start) + 1
        if start == 0:
            return NO_POSITION
    return start + column - 1


def strict_json(text: str | bytes) -> Any:
    """JSON as a strict reader takes it (`safe_documents.load_json`, and no NaN or Infinity);
    any problem is a `json.JSONDecodeError`.

    >>> strict_json('{"a": 1, "a": 2}')
    Traceback (most recent call last):
    json.decoder.JSONDecodeError: the key 'a' is given twice: line 1 column 0 (char -1)
    >>> strict_json('{"a": NaN}')
    Traceback (most recent call last):
    json.decoder.JSONDecodeError: NaN is not allowed in JSON numbers: line 1 column 0 (char -1)
    """
    try:
        document = text.decode("utf-8") if isinstance(text, bytes) else text
    except UnicodeDecodeError:
        raise json.JSONDecodeError("it is not UTF-8 text", "", NO_POSITION) from None
    try:
        data = load_json(document)
    except DocumentError as error:
        reason = error.reason.removeprefix("not valid JSON: ")
        if reason.startswith("is nested"):
            reason = "it " + reason
        position = _position(document, error.where)
        raise json.JSONDecodeError(reason, document if position >= 0 else "", position) from None
    constant = _literal_constant(data) if "NaN" in document else None
    if constant is not None:
        raise json.JSONDecodeError(f"{constant} is not allowed in JSON numbers", "", NO_POSITION)
    return data


def _walk(data: Any) -> Any:
    """Every (path parts, value) of the data, keys included as values of their own."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        parts, value = stack.pop()
        yield parts, value
        if isinstance(value, dict):
            for key, item in reversed(list(value.items())):
                yield (*parts, key), key
                stack.append(((*parts, key), item))
        elif isinstance(value, list):
            stack.extend(
                ((*parts, index), item) for index, item in reversed(list(enumerate(value)))
            )


def _literal_constant(data: Any) -> str | None:
    """'NaN' when the data holds a NaN: only the literal `NaN` makes one (a JSON number that
    overflows is an infinity, refused with its field by `unreadable_values`)."""
    for _, value in _walk(data):
        if isinstance(value, float) and math.isnan(value):
            return "NaN"
    return None


def _has_surrogate(text: str) -> bool:
    return any(0xD800 <= ord(ch) <= 0xDFFF for ch in text)


def _path(parts: tuple[str | int, ...]) -> str:
    path = ""
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            name = echo(part, 60)[1:-1] if _has_surrogate(part) else part
            path += f".{name}" if path else name
    return path or "(the body)"


def unreadable_values(data: Any) -> list[Problem]:
    """The values of a parsed body that no field can hold, each at its path: text that is not
    Unicode (a lone surrogate, which JSON's `\\ud800` escape can give) and infinite numbers
    (`1e309`, `Infinity`). At most 20, in the order of the body."""
    from klaverblad.web.errors import Problem

    problems: list[Problem] = []
    for parts, value in _walk(data):
        if isinstance(value, str) and _has_surrogate(value):
            is_key = bool(parts) and parts[-1] is value
            what = "the name of this field" if is_key else "the text"
            problems.append(
                Problem(
                    _path(parts),
                    f"{what} {echo(value)} is not valid Unicode: it holds a lone surrogate "
                    "(\\ud800 to \\udfff), which stands for no character",
                )
            )
        elif isinstance(value, float) and math.isinf(value):
            problems.append(
                Problem(
                    _path(parts),
                    "is a number too large to read (at most about 1.8e308, and far less for "
                    "any field); Infinity is not a number",
                )
            )
        if len(problems) >= 20:
            break
    return problems


# What a JSON text must contain to hold a lone surrogate (`\\ud800` to `\\udfff`, escaped) or
# an infinite number (an exponent of 3 digits or more, `Infinity`, 309 digits or more): the text
# matches `_MAYBE_UNREADABLE`. `maybe_unreadable` answers the same without a regular expression
# scan over every byte (a tenth of a millisecond for a 3 kB body, on every request).
_MAYBE_UNREADABLE = re.compile(rb"\\u[dD][89a-fA-F]|[eE][+-]?[0-9]{3}|Infinity|[0-9]{309}")
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
# Every digit as 0 and E as e, so that a number's shape is found with plain substring searches.
_NUMBER_SHAPES = bytes.maketrans(b"123456789E", b"000000000e")
_LONG_EXPONENTS = (b"e000", b"e+000", b"e-000")
_TOO_MANY_DIGITS = b"0" * 309


def maybe_unreadable(body: bytes) -> bool:
    """Whether the JSON text may hold a value `unreadable_values` refuses: exactly when
    `_MAYBE_UNREADABLE` finds a match in it.

    >>> maybe_unreadable(b'{"fte": 1.0, "name": "Ann"}'), maybe_unreadable(b'{"fte": 1e400}')
    (False, True)
    >>> maybe_unreadable(b'{"name": "\\udc00"}'), maybe_unreadable(b'{"name": "\\u00e9"}')
    (True, False)
    """
    if b"Infinity" in body or (b"\\u" in body and _SURROGATE_ESCAPE.search(body)):
        return True
    shapes = body.translate(_NUMBER_SHAPES)
    return any(exponent in shapes for exponent in _LONG_EXPONENTS) or _TOO_MANY_DIGITS in shapes


class StrictJsonRequest(Request):
    """A request whose `json()` is `strict_json` (FastAPI reads JSON bodies through it)."""

    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = strict_json(await self.body())
        return self._json

    async def unreadable(self) -> list[Problem]:
        """`unreadable_values` of the JSON body; none when there is no body or it is malformed
        (the route's own reading then refuses it with 400)."""
        if self.method not in _BODY_METHODS or not await self.body():
            return []
        try:
            data = await self.json()
        except json.JSONDecodeError:
            return []
        # Walking a large body costs a pure-Python pass over every value: only a body that
        # could hold such a value is walked (a surrogate escape, a huge exponent, Infinity).
        if not maybe_unreadable(await self.body()):
            return []
        return unreadable_values(data)


class StrictJsonRoute(APIRoute):
    """An API route that reads its JSON body with `StrictJsonRequest`, and refuses values no
    field can hold (422, naming each) before the endpoint or its validation sees them."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def strict_handler(request: Request) -> Response:
            from klaverblad.web.errors import ApiError

            strict = StrictJsonRequest(request.scope, request.receive)
            problems = await strict.unreadable()
            if problems:
                raise ApiError(problems, 422)
            return await handler(strict)

        return strict_handler
