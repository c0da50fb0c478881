"""Mijn plannen: the saved initiatives the logged-in user may read (a promoter its
organisation's, a municipality its municipality's, analysts and admins all), with their
current version, last change and author, as a table with its CSV; and the form that saves a
new initiative from its text (YAML or JSON) as version 1.

Anonymous visitors are sent to the login page. A text that is not a valid initiative comes
back in the form with one message per field (422); an id that is already saved comes back
with a message naming it (409); a municipality account, which only reads, gets 403. Nothing
typed is lost in any of these cases.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import and_, select
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from klaverblad.locale import Language
from klaverblad.model.consistency import Problem
from klaverblad.store import (
    ConflictError,
    Initiative,
    InitiativeVersion,
    NotAllowedError,
    User,
    save_initiative,
    transaction,
    visible_initiatives,
)
from klaverblad.web.access import in_session, login_redirect, may_save_new
from klaverblad.web.pending_save import login_for_save
from klaverblad.web.render import redirect, render
from klaverblad.web.security import check_csrf
from klaverblad.web.urls import add_page, add_route, language_of, other, url
from klaverblad.web.users import current_user, sessions
from klaverblad.web.views.csv_download import csv_response
from klaverblad.web.views.documents import read_document
from klaverblad.web.views.forms import read_form, text_field
from klaverblad.web.views.saved import merged_words, when
from klaverblad.web.words.accounts import ACCOUNT_WORDS
from klaverblad.web.words.saved import SAVED_WORDS

# The table of Mijn plannen as CSV, beside the page.
MINE_CSV_PATHS = ("/mijn-plannen/csv", "/en/my-plans/csv")
DOCUMENT, NOTE = "document", "note"
WORDS = merged_words(SAVED_WORDS, ACCOUNT_WORDS)


@dataclass(frozen=True)
class SavedRow:
    """One saved initiative as the list shows it (its current version)."""

    id: str
    name: str
    promoter: str
    municipality: str
    version: int
    changed: str
    changed_iso: str
    author: str
    url: str
    pdf_url: str


def _current_versions(session: Any, initiatives: list[Initiative]) -> list[InitiativeVersion]:
    """The current version of each initiative, in the initiatives' order, in one query."""
    if not initiatives:
        return []
    statement = (
        select(InitiativeVersion)
        .join(
            Initiative,
            and_(
                InitiativeVersion.initiative_id == Initiative.id,
                InitiativeVersion.number == Initiative.current_version,
            ),
        )
        .where(Initiative.id.in_([initiative.id for initiative in initiatives]))
    )
    by_id = {version.initiative_id: version for version in session.scalars(statement).unique()}
    return [by_id[initiative.id] for initiative in initiatives if initiative.id in by_id]


def saved_rows(request: Request, user: User, language: Language) -> list[SavedRow]:
    with transaction(sessions(request)) as session:
        initiatives = visible_initiatives(session, user)
        versions = _current_versions(session, initiatives)
    municipality = {initiative.id: initiative.municipality for initiative in initiatives}
    rows = []
    for version in versions:
        document = version.document
        promoter = document.get("promoter") or {}
        rows.append(
            SavedRow(
                id=version.initiative_id,
                name=str(document.get("name") or version.initiative_id),
                promoter=str(promoter.get("name") or "") if isinstance(promoter, dict) else "",
                municipality=municipality[version.initiative_id],
                version=version.number,
                changed=when(version.created_at, language),
                changed_iso=version.created_at.isoformat(),
                author=version.author.display_name,
                url=url("saved", language, initiative_id=version.initiative_id),
                pdf_url=url(
                    "saved_export", language, initiative_id=version.initiative_id, fmt="pdf"
                ),
            )
        )
    return rows


def _scope(user: User, language: Language) -> str:
    words = ACCOUNT_WORDS[language]
    if user.role == "promoter" and user.organisation is not None:
        return words["mine_scope_promoter"].format(organisation=user.organisation.name)
    if user.role == "municipality":
        return words["mine_scope_municipality"].format(municipality=user.municipality or "")
    return words["mine_scope_all"]


def _mine_page(
    request: Request,
    language: Language,
    user: User,
    *,
    text: str = "",
    note: str = "",
    problems: list[Problem] | None = None,
    existing_id: str = "",
    message: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "mine.html",
        switch_url=url("mine", other(language)),
        words=WORDS,
        status_code=status_code,
        rows=saved_rows(request, user, language),
        scope=_scope(user, language),
        csv_url=MINE_CSV_PATHS[0 if language == "nl" else 1],
        may_save=may_save_new(user),
        action=url("mine", language),
        text=text,
        note=note,
        problems=problems or [],
        existing_id=existing_id,
        message=message,
        fields={"document": DOCUMENT, "note": NOTE},
    )


def mine_page(request: Request) -> Response:
    user = current_user(request)
    if user is None:
        return login_redirect(request)
    return _mine_page(request, language_of(request), user)


def mine_csv(request: Request) -> Response:
    """The table of Mijn plannen: id, name, promoter, municipality, version, last change (UTC,
    ISO 8601), author."""
    user = current_user(request)
    if user is None:
        return login_redirect(request, url("mine", language_of(request)))
    rows = saved_rows(request, user, language_of(request))
    return csv_response(
        ("id", "name", "promoter", "municipality", "version", "changed_at", "author"),
        [
            (r.id, r.name, r.promoter, r.municipality, r.version, r.changed_iso, r.author)
            for r in rows
        ],
        "mijn-plannen.csv",
    )


def _save_new(request: Request, language: Language, text: str, note: str) -> Response:
    """Save `text` as version 1 of a new initiative, or the form again saying why not."""
    words = WORDS[language]
    user = current_user(request)
    if user is None:
        return login_for_save(request, request.url.path, {DOCUMENT: text, NOTE: note})
    if not may_save_new(user):
        return _mine_page(
            request,
            language,
            user,
            text=text,
            note=note,
            message=words["cannot_save"],
            status_code=403,
        )
    read = read_document(text, language)
    if read.initiative is None:
        return _mine_page(
            request,
            language,
            user,
            text=text,
            note=note,
            problems=read.problems,
            status_code=422,
        )
    initiative_id = read.initiative.id
    try:
        with transaction(sessions(request)) as session:
            save_initiative(
                session, in_session(session, user), read.data, expected_version=None, note=note
            )
    except ConflictError:
        problem = Problem("id", words["id_exists"])
        return _mine_page(
            request,
            language,
            user,
            text=text,
            note=note,
            problems=[problem],
            existing_id=initiative_id,
            status_code=409,
        )
    except NotAllowedError:
        problem = Problem("id", words["id_taken"])
        return _mine_page(
            request, language, user, text=text, note=note, problems=[problem], status_code=409
        )
    return redirect(request, url("saved", language, initiative_id=initiative_id))


async def mine_post(request: Request) -> Response:
    language = language_of(request)
    form = await read_form(request)
    check_csrf(request, form)
    text, note = text_field(form, DOCUMENT), text_field(form, NOTE).strip()
    return await run_in_threadpool(_save_new, request, language, text, note)


def mine_router() -> APIRouter:
    """Mijn plannen (the list and the new-plan form) and its CSV, in both languages."""
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
    add_page(router, "mine", mine_page)
    add_page(router, "mine", mine_post, methods=["POST"])
    add_route(router, MINE_CSV_PATHS, mine_csv)
    return router
