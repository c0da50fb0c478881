"""Rendering a page: the Jinja2 templates, the words of its language, the menu, the logged-in
user and the CSRF token every form carries; the visitor's cookie is written on the way out."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from klaverblad.locale import Language
from klaverblad.report.plan_table import LEAF_NAMES
from klaverblad.web.security import CSRF_FIELD, remember, visitor
from klaverblad.web.urls import MENU, language_of, other, url
from klaverblad.web.users import current_user
from klaverblad.web.words.common import WORDS

HERE = Path(__file__).resolve().parent
TEMPLATES = Jinja2Templates(directory=HERE / "templates")
TEMPLATES.env.trim_blocks = True
TEMPLATES.env.lstrip_blocks = True
STATIC_DIRECTORY = HERE / "static"
# A page's own words per language (keyed by Language or plain str).
PageWords = Mapping[Language, Mapping[str, str]] | Mapping[str, Mapping[str, str]]


def render(
    request: Request,
    template: str,
    *,
    switch_url: str | None = None,
    words: PageWords | None = None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """`template` in the request's language. `words` adds a page's own words (per language)
    to the common ones; `switch_url` is the same page in the other language (default: the
    other language's start page)."""
    language = language_of(request)
    page_words = dict(WORDS[language])
    if words is not None:
        page_words.update(words[language])
    user = current_user(request)
    response = TEMPLATES.TemplateResponse(
        request,
        template,
        {
            "lang": language,
            "w": page_words,
            "url": lambda name, **params: url(name, language, **params),
            "home_url": url("start", language),
            "switch_url": switch_url or url("start", other(language)),
            "leaf_names": LEAF_NAMES[language],
            "menu": [(url(name, language), WORDS[language][key]) for name, key in MENU],
            "current_path": request.url.path,
            "user": user,
            "csrf_field": CSRF_FIELD,
            "csrf_token": visitor(request).csrf,
            **context,
        },
        status_code=status_code,
    )
    remember(request, response)
    return response


def redirect(request: Request, location: str, status_code: int = 303) -> Response:
    """A redirect after a form (303: the browser follows it with GET), cookie included."""
    return remember(request, Response(status_code=status_code, headers={"location": location}))
