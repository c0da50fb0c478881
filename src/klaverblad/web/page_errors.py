"""Errors on the HTML pages answered as pages, in the visitor's language: an unknown address
(404), a method the page does not take (405), a form without the visitor's CSRF token (403,
nothing changed), and anything unexpected (500, logged, no traceback shown)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from klaverblad.web.render import render
from klaverblad.web.urls import language_of
from klaverblad.web.words.common import WORDS


def error_page(request: Request, status_code: int, title_key: str, message_key: str) -> Response:
    words = WORDS[language_of(request)]
    return render(
        request,
        "error.html",
        status_code=status_code,
        error_title=words[title_key],
        message=words[message_key],
    )


def http_error_page(request: Request, status_code: int) -> Response:
    if status_code == 404:
        return error_page(request, 404, "not_found_title", "page_not_found")
    if status_code == 405:
        return error_page(request, 405, "method_title", "method_not_allowed")
    return error_page(request, status_code, "bad_request_title", "bad_request")


def csrf_page(request: Request) -> Response:
    return error_page(request, 403, "expired_title", "expired")


def unexpected_page(request: Request) -> Response:
    return error_page(request, 500, "unexpected_title", "unexpected")
