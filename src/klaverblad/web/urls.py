"""Every page's address in both languages: Dutch at the root, English under /en/.

One table, so that links, the language switch and the routes agree. A page's endpoint is
registered on both paths (`add_page`) and learns its language from the path (`language_of`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from fastapi import APIRouter
from starlette.requests import Request

from klaverblad.locale import Language

# name: (Dutch path, English path); `{…}` are path parameters.
PATHS: dict[str, tuple[str, str]] = {
    "start": ("/", "/en/"),
    "example": ("/plan/voorbeeld/{example}", "/en/plan/example/{example}"),
    "post_plan": ("/plan", "/en/plan"),
    "wizard": ("/nieuw", "/en/new"),
    # What one typed number of the wizard is read as (its live echo, for htmx).
    "wizard_number": ("/nieuw/gelezen-als", "/en/new/read-as"),
    "cases": ("/voorbeelden", "/en/examples"),
    "measures": ("/maatregelen", "/en/measures"),
    "portfolio": ("/portefeuille", "/en/portfolio"),
    "ranking": ("/rangschikking", "/en/ranking"),
    "compare": ("/vergelijken", "/en/compare"),
    "login": ("/aanmelden", "/en/login"),
    "logout": ("/afmelden", "/en/logout"),
    "mine": ("/mijn-plannen", "/en/my-plans"),
    "saved": ("/plannen/{initiative_id}", "/en/plans/{initiative_id}"),
    "shared": ("/gedeeld/{token}", "/en/shared/{token}"),
    # The source of the running version (AGPL-3.0 §13), linked from every page's footer.
    "source": ("/broncode", "/en/source"),
    # Exports of a plan; fmt is pdf, xlsx, csv (all lines) or yaml (the initiative file).
    "example_export": (
        "/plan/voorbeeld/{example}/export/{fmt}",
        "/en/plan/example/{example}/export/{fmt}",
    ),
    "saved_export": (
        "/plannen/{initiative_id}/export/{fmt}",
        "/en/plans/{initiative_id}/export/{fmt}",
    ),
    "shared_export": ("/gedeeld/{token}/export/{fmt}", "/en/shared/{token}/export/{fmt}"),
    # POST with the initiative text in the field `text` (a plan that is not saved).
    "posted_export": ("/plan/export/{fmt}", "/en/plan/export/{fmt}"),
    # The cash flow of a plan (docs/cashflow.md), `…/csv` its table; a posted plan by POST.
    "example_cashflow": (
        "/plan/voorbeeld/{example}/kasstroom",
        "/en/plan/example/{example}/cash-flow",
    ),
    "saved_cashflow": ("/plannen/{initiative_id}/kasstroom", "/en/plans/{initiative_id}/cash-flow"),
    "shared_cashflow": ("/gedeeld/{token}/kasstroom", "/en/shared/{token}/cash-flow"),
    "posted_cashflow": ("/plan/kasstroom", "/en/plan/cash-flow"),
}

# The main menu, in order: (page name, word key in WORDS).
MENU: tuple[tuple[str, str], ...] = (
    ("wizard", "menu_wizard"),
    ("cases", "menu_cases"),
    ("compare", "menu_compare"),
    ("measures", "menu_measures"),
    ("portfolio", "menu_portfolio"),
    ("ranking", "menu_ranking"),
)


def url(name: str, language: Language, **params: Any) -> str:
    """The address of page `name` in `language`, its path parameters filled in."""
    dutch, english = PATHS[name]
    return (dutch if language == "nl" else english).format(**params)


def language_of(request: Request) -> Language:
    """English under /en/, Dutch everywhere else."""
    path = request.url.path
    return "en" if path == "/en" or path.startswith("/en/") else "nl"


def other(language: Language) -> Language:
    return "en" if language == "nl" else "nl"


def add_route(
    router: APIRouter,
    paths: tuple[str, str],
    endpoint: Callable[..., Any],
    methods: Sequence[str] = ("GET",),
) -> None:
    """Serve `endpoint` on a (Dutch, English) pair of paths that is not a page of `PATHS`
    (a CSV or PDF download beside a page, say)."""
    for path in paths:
        router.add_api_route(path, endpoint, methods=list(methods), name=path)


def add_page(
    router: APIRouter,
    name: str,
    endpoint: Callable[..., Any],
    methods: Sequence[str] = ("GET",),
) -> None:
    """Serve `endpoint` on page `name`'s Dutch and English paths."""
    for path in PATHS[name]:
        router.add_api_route(path, endpoint, methods=list(methods), name=f"{name}:{path}")
