"""The size of a page's form body, checked before the form is read (the API checks its own
bodies in `web/api/limits.py`).

Every POST, PUT or PATCH outside /api may carry at most `FORM_BYTES`, uploads and multipart
included: a larger body is refused with 413 by its Content-Length before any of it is read,
or, when the client sends no length (chunked), as soon as the bytes read pass the limit. The
answer is a page in the visitor's language that names the limit and says nothing was saved.
The body read (at most the limit) is handed on to the page, which reads its fields with
`request.form(max_fields=FORM_FIELDS, max_part_size=FORM_BYTES)` and then checks a pasted or
uploaded document against `DOCUMENT_BYTES` itself, once decoded, so that the page can name the
problem (a field's size in the body is its percent-encoded size, up to three times larger).

>>> megabytes(FORM_BYTES), document_too_large("nl")
('2 MB', 'is groter dan 1 MB')
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from klaverblad.locale import Language
from klaverblad.messages import N_, words
from klaverblad.model.limits import DOCUMENT_BYTES, FORM_BYTES, MEGABYTE
from klaverblad.web.bounded_body import ClientGoneError, read_body, replaying

API_PREFIX = "/api"
BODY_METHODS = ("POST", "PUT", "PATCH")

WORDS = words(
    N_("form_limits.title"),
    N_("form_limits.message"),
    N_("form_limits.document_too_large"),
)


def megabytes(size: int) -> str:
    """A size in whole megabytes as the pages write it ('2 MB')."""
    return f"{size // MEGABYTE} MB"


def document_too_large(language: Language) -> str:
    """The problem of a pasted or uploaded document over `DOCUMENT_BYTES`."""
    return WORDS[language]["document_too_large"].format(size=megabytes(DOCUMENT_BYTES))


def _language(path: str) -> Language:
    return "en" if path == "/en" or path.startswith("/en/") else "nl"


def _limited(scope: Scope) -> bool:
    path = scope.get("path", "")
    return (
        scope["type"] == "http"
        and scope.get("method") in BODY_METHODS
        and not (path == API_PREFIX or path.startswith(f"{API_PREFIX}/"))
    )


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name.lower() == b"content-length":
            text = value.decode("latin-1").strip()
            return int(text) if text.isdigit() and len(text) < 20 else None
    return None


def _too_large_page(scope: Scope) -> Any:
    from klaverblad.web.render import render  # the templates load with the pages

    language = _language(scope.get("path", ""))
    words = WORDS[language]
    request = Request(scope)
    response = render(
        request,
        "error.html",
        status_code=413,
        error_title=words["title"],
        message=words["message"].format(
            size=megabytes(FORM_BYTES), document=megabytes(DOCUMENT_BYTES)
        ),
    )
    response.headers["connection"] = "close"
    return response


class FormBodyMiddleware:
    """Refuses a page's form body over `FORM_BYTES` with a 413 page, reading at most that much
    of it (pure ASGI: the rest of the body is never read)."""

    def __init__(self, app: ASGIApp, limit: int = FORM_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = await run_in_threadpool(_too_large_page, scope)
        await response(scope, receive, send)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _limited(scope):
            await self.app(scope, receive, send)
            return
        declared = _declared_length(scope)
        if declared is not None and declared > self.limit:
            await self._refuse(scope, receive, send)
            return
        try:
            body = await read_body(receive, self.limit)
        except ClientGoneError:
            return
        if body is None:
            await self._refuse(scope, receive, send)
            return
        await self.app(scope, replaying(body, receive), send)
