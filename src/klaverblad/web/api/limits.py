"""What the API checks before any field is read: the body's size and type, and strict JSON.

- A body larger than its limit is refused with 413 before it is parsed: by its Content-Length
  when the client sends one, else as soon as the bytes read pass the limit.
- A POST body must be JSON (`Content-Type: application/json`): else 415.
- The JSON is read strictly, as an initiative file is: a key given twice, `NaN` or `Infinity`
  are malformed JSON (400), not silently accepted.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

API_PREFIX = "/api"
MEGABYTE = 1024 * 1024
# Most bodies are one initiative (a few kB); 2 MB leaves ample room and refuses nonsense early.
DEFAULT_BODY_LIMIT = 2 * MEGABYTE
# A portfolio is up to MAX_PORTFOLIO initiatives of a few kB each.
BODY_LIMITS = {f"{API_PREFIX}/portfolio": 16 * MEGABYTE}
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
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await _problem_response(413, too_large)(scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        if size and not _is_json(headers.get("content-type", "")):
            given = headers.get("content-type") or "none"
            await _problem_response(
                415,
                f"the body must be JSON, sent with the header Content-Type: application/json "
                f"(the request gave: {given})",
            )(scope, receive, send)
            return
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON numbers")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key '{key}' is given twice")
        result[key] = value
    return result


# The position of a strictness error: the reader knows no character for it.
NO_POSITION = -1


def strict_json(text: str | bytes) -> Any:
    """JSON as a strict reader takes it; any problem is a `json.JSONDecodeError`.

    >>> strict_json('{"a": 1, "a": 2}')
    Traceback (most recent call last):
    json.decoder.JSONDecodeError: the key 'a' is given twice: line 1 column 0 (char -1)
    """
    try:
        document = text.decode("utf-8") if isinstance(text, bytes) else text
    except UnicodeDecodeError:
        raise json.JSONDecodeError("it is not UTF-8 text", "", NO_POSITION) from None
    try:
        return json.loads(document, object_pairs_hook=_unique_keys, parse_constant=_refuse_constant)
    except json.JSONDecodeError:
        raise
    except (ValueError, RecursionError) as error:
        reason = "it is nested too deeply" if isinstance(error, RecursionError) else str(error)
        raise json.JSONDecodeError(reason, document, NO_POSITION) from None


class StrictJsonRequest(Request):
    """A request whose `json()` is `strict_json` (FastAPI reads JSON bodies through it)."""

    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = strict_json(await self.body())
        return self._json


class StrictJsonRoute(APIRoute):
    """An API route that reads its JSON body with `StrictJsonRequest`."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def strict_handler(request: Request) -> Response:
            return await handler(StrictJsonRequest(request.scope, request.receive))

        return strict_handler
