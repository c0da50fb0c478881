"""What every route of a saved plan shares (`saved.py`, `saved_versions.py`, `shared.py`): the
plan's address and the two refusals. A plan the user may not read is the same 404 page as a
plan that does not exist; changing a plan without `can_edit` is a 403 page."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from klaverblad.locale import Language
from klaverblad.web.access import refusal_page
from klaverblad.web.urls import language_of, url
from klaverblad.web.words.common import WORDS
from klaverblad.web.words.saved import SAVED_WORDS


def saved_url(language: Language, initiative_id: str) -> str:
    """The saved plan's page (its current version) in `language`."""
    return url("saved", language, initiative_id=initiative_id)


def not_found(request: Request, key: str = "not_found") -> HTMLResponse:
    """The 404 page, with the message `key` of the saved plan's words."""
    language = language_of(request)
    title = WORDS[language]["not_found_title"]
    return refusal_page(request, 404, title, SAVED_WORDS[language][key])


def forbidden(request: Request) -> HTMLResponse:
    """The 403 page of a change the user may not make."""
    words = SAVED_WORDS[language_of(request)]
    return refusal_page(request, 403, words["forbidden_title"], words["forbidden_edit"])
