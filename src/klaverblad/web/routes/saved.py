"""A saved plan: its current version (or `?version=N`, read only) in the plan view, with its
share link, its version history with a restore button per older version, its downloads, the
wizard form, and the form that saves a new version; and the shared plan behind a share link.

Every save names the version it was edited from (`expected_version`); the wizard's review of a
saved plan posts here too (`origin=wizard`), and its page then says the version was saved.
When someone else saved in between, the answer is a 409 page that says who saved which
version when, shows that version beside the person's own text, and offers to save that text
on top: nothing is lost.

Access: anonymous visitors go to the login page; a plan the user may not read is the same 404
page as a plan that does not exist; saving and restoring need `can_edit` (else a 403 page).
A plan is private until an editor shares it ("Deel dit plan"); the link can be revoked and
renewed (POST to `SHARE_PATHS`, editors only). A share link opens the current version for
anyone, without an account and without personal data (report/redaction.py); the link shown is
built from `KLAVERBLAD_BASE_URL`, or is the path alone (never the request's Host header).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import Response

from klaverblad.locale import Language
from klaverblad.model.consistency import Problem
from klaverblad.report.redaction import redacted_document, unnamed
from klaverblad.store import (
    ConflictError,
    NotAllowedError,
    NotFoundError,
    by_share_token,
    can_edit,
    can_read,
    get_version,
    history,
    renew_share_link,
    restore_version,
    revoke_share_link,
    save_initiative,
    share_initiative,
    transaction,
)
from klaverblad.web.access import in_session, login_redirect, readable_initiative, refusal_page
from klaverblad.web.pending_save import login_for_save
from klaverblad.web.render import redirect, render
from klaverblad.web.routes.exports import HISTORY_TABLE, parse_version
from klaverblad.web.security import check_csrf
from klaverblad.web.urls import add_page, add_route, language_of, other, url
from klaverblad.web.users import current_user, sessions
from klaverblad.web.views.documents import document_yaml, read_document, stored_initiative
from klaverblad.web.views.forms import read_form, text_field
from klaverblad.web.views.plan import plan_view
from klaverblad.web.views.plan_known_on import plan_known_on
from klaverblad.web.views.plan_links import saved_links, share_address, shared_links
from klaverblad.web.views.saved import history_rows, shared_people, when
from klaverblad.web.words.common import WORDS
from klaverblad.web.words.saved import SAVED_WORDS

# Restoring an older version: POST with `version` (the one to restore) and `expected_version`.
RESTORE_PATHS = ("/plannen/{initiative_id}/herstellen", "/en/plans/{initiative_id}/restore")
DOCUMENT, NOTE, EXPECTED, VERSION = "document", "note", "expected_version", "version"
# A save from the wizard says so (`origin=wizard`): the plan's page then confirms the version.
ORIGIN, FROM_WIZARD, SAVED_QUERY = "origin", "wizard", "saved"
FIELDS = {"document": DOCUMENT, "note": NOTE, "expected": EXPECTED, "version": VERSION}
# Sharing a saved plan: POST with `action` = share, revoke or renew (editors only).
SHARE_PATHS = ("/plannen/{initiative_id}/delen", "/en/plans/{initiative_id}/share")
SHARE_ACTION = "action"
SHARE_ACTIONS = {
    "share": share_initiative,
    "revoke": revoke_share_link,
    "renew": renew_share_link,
}


def restore_url(language: Language, initiative_id: str) -> str:
    return RESTORE_PATHS[0 if language == "nl" else 1].format(initiative_id=initiative_id)


def _saved_url(language: Language, initiative_id: str) -> str:
    return url("saved", language, initiative_id=initiative_id)


def _not_found(request: Request, key: str = "not_found") -> HTMLResponse:
    language = language_of(request)
    title = WORDS[language]["not_found_title"]
    return refusal_page(request, 404, title, SAVED_WORDS[language][key])


def _forbidden(request: Request) -> HTMLResponse:
    words = SAVED_WORDS[language_of(request)]
    return refusal_page(request, 403, words["forbidden_title"], words["forbidden_edit"])


def _edit_page(
    request: Request,
    language: Language,
    initiative_id: str,
    name: str,
    *,
    text: str,
    note: str,
    expected: str,
    problems: list[Problem],
    intro: str = "",
    status_code: int = 422,
) -> HTMLResponse:
    """The save form again, with the text kept and one message per problem."""
    return render(
        request,
        "saved_edit.html",
        switch_url=_saved_url(other(language), initiative_id),
        words=SAVED_WORDS,
        status_code=status_code,
        name=name,
        plan_url=_saved_url(language, initiative_id),
        text=text,
        note=note,
        expected=expected,
        problems=problems,
        intro=intro,
        fields=FIELDS,
    )


def _saved_page(
    request: Request,
    language: Language,
    initiative_id: str,
    number: int | None,
    confirmed: int | None = None,
) -> Response:
    user = current_user(request)
    if user is None:
        return login_redirect(request)
    try:
        with transaction(sessions(request)) as session:
            initiative = readable_initiative(session, user, initiative_id)
            version = get_version(session, initiative_id, number)
            versions = history(session, initiative_id)
    except NotFoundError:
        return _not_found(request)
    may_edit = can_edit(user, initiative)
    current = initiative.current_version
    read = stored_initiative(version.document, f"{initiative_id} v{version.number}")
    if read.initiative is None:
        words = SAVED_WORDS[language]
        return _edit_page(
            request,
            language,
            initiative_id,
            str(version.document.get("name") or initiative_id),
            text=document_yaml(version.document),
            note="",
            expected=str(current),
            problems=read.problems,
            intro=words["stored_invalid"],
            status_code=200,
        )
    viewing_old = version.number != current
    links = saved_links(language, initiative_id, version.number if viewing_old else None)
    known_on, known_on_form, links = plan_known_on(request.query_params, language, links)
    context: dict[str, Any] = plan_view(
        read.initiative,
        language,
        links,
        version.document,
        expected_version=current,
        known_on=known_on,
        known_on_form=known_on_form,
    )
    token = initiative.share_token if initiative.shared else None
    switch = _saved_url(other(language), initiative_id)
    return render(
        request,
        "saved.html",
        switch_url=switch + (f"?version={version.number}" if viewing_old else ""),
        words=SAVED_WORDS,
        status_code=422 if known_on_form["field"]["error"] else 200,
        **context,
        version=version,
        version_count=len(versions),
        current_version=current,
        viewing_old=viewing_old,
        saved_time=when(version.created_at, language),
        current_url=_saved_url(language, initiative_id),
        share_url=(
            share_address(request.app.state.settings.base_url, language, token) if token else ""
        ),
        share_action=SHARE_PATHS[0 if language == "nl" else 1].format(initiative_id=initiative_id),
        share_field=SHARE_ACTION,
        history=history_rows(versions, current, version.number, language),
        history_csv_url=url("saved_export", language, initiative_id=initiative_id, fmt="csv")
        + f"?table={HISTORY_TABLE}",
        may_edit=may_edit,
        saved_notice=(
            SAVED_WORDS[language]["version_saved"].format(number=current)
            if confirmed == current and not viewing_old
            else ""
        ),
        restore_action=restore_url(language, initiative_id),
        save_action=_saved_url(language, initiative_id),
        save_text=document_yaml(version.document),
        fields=FIELDS,
    )


def saved_page(
    request: Request, initiative_id: str, version: str | None = None, saved: str | None = None
) -> Response:
    try:
        number = parse_version(version)
    except ValueError:
        return _not_found(request)
    try:
        confirmed = parse_version(saved)
    except ValueError:
        confirmed = None  # only a confirmation: a bad one is left out
    return _saved_page(request, language_of(request), initiative_id, number, confirmed)


def _conflict(
    request: Request,
    language: Language,
    initiative_id: str,
    expected: int,
    *,
    text: str = "",
    note: str = "",
    restored: int | None = None,
) -> Response:
    """409: someone saved version N after `expected`; their version beside the person's text
    (or, for a restore, the restore offered again on top of version N)."""
    try:
        with transaction(sessions(request)) as session:
            theirs = get_version(session, initiative_id)
    except NotFoundError:
        return _not_found(request)
    return render(
        request,
        "saved_conflict.html",
        switch_url=_saved_url(other(language), initiative_id),
        words=SAVED_WORDS,
        status_code=409,
        name=str(theirs.document.get("name") or initiative_id),
        theirs=theirs,
        theirs_time=when(theirs.created_at, language),
        theirs_text=document_yaml(theirs.document),
        theirs_url=_saved_url(language, initiative_id),
        expected=expected,
        text=text,
        note=note,
        restored=restored,
        save_action=_saved_url(language, initiative_id),
        restore_action=restore_url(language, initiative_id),
        fields=FIELDS,
    )


def _save_version(
    request: Request,
    language: Language,
    initiative_id: str,
    text: str,
    note: str,
    expected: str,
    from_wizard: bool = False,
) -> Response:
    words = SAVED_WORDS[language]
    user = current_user(request)
    if user is None:
        fields = {DOCUMENT: text, NOTE: note, EXPECTED: expected}
        return login_for_save(request, request.url.path, fields)
    # Who may save is settled before the text is read: an outsider learns nothing from it.
    try:
        with transaction(sessions(request)) as session:
            initiative = readable_initiative(session, user, initiative_id)
            name = str(get_version(session, initiative_id).document.get("name") or initiative_id)
    except NotFoundError:
        return _not_found(request)
    if not can_edit(user, initiative):
        return _forbidden(request)
    problems: list[Problem] = []
    try:
        expected_version = parse_version(expected)
    except ValueError:
        expected_version = None
    if expected_version is None:
        problems.append(Problem(words["version_path"], words["bad_version"]))
    read = read_document(text, language)
    problems += read.problems
    if read.initiative is not None and read.initiative.id != initiative_id:
        problems.append(Problem("id", words["id_must_stay"].format(id=initiative_id)))
    if problems or expected_version is None:
        return _edit_page(
            request,
            language,
            initiative_id,
            name,
            text=text,
            note=note,
            expected=expected,
            problems=problems,
        )
    try:
        with transaction(sessions(request)) as session:
            saved = save_initiative(
                session,
                in_session(session, user),
                read.data,
                expected_version=expected_version,
                note=note,
            )
            number = saved.number
    except ConflictError:
        return _conflict(request, language, initiative_id, expected_version, text=text, note=note)
    except NotAllowedError:
        return _forbidden(request)
    except NotFoundError:
        return _not_found(request)
    if from_wizard:
        return redirect(request, f"{_saved_url(language, initiative_id)}?{SAVED_QUERY}={number}")
    return redirect(request, _saved_url(language, initiative_id))


async def saved_post(request: Request, initiative_id: str) -> Response:
    """Save the form's text as the next version."""
    form = await read_form(request)
    check_csrf(request, form)
    text, note = text_field(form, DOCUMENT), text_field(form, NOTE).strip()
    expected = text_field(form, EXPECTED).strip()
    from_wizard = text_field(form, ORIGIN) == FROM_WIZARD
    language = language_of(request)
    return await run_in_threadpool(
        _save_version, request, language, initiative_id, text, note, expected, from_wizard
    )


def _restore(
    request: Request, language: Language, initiative_id: str, number: str, expected: str
) -> Response:
    user = current_user(request)
    if user is None:
        return login_redirect(request, _saved_url(language, initiative_id))
    try:
        restored, expected_version = parse_version(number), parse_version(expected)
    except ValueError:
        raise HTTPException(400) from None
    if restored is None or expected_version is None:
        raise HTTPException(400)
    try:
        with transaction(sessions(request)) as session:
            initiative = readable_initiative(session, user, initiative_id)
            if not can_edit(user, initiative):
                raise NotAllowedError(initiative_id)
            author = in_session(session, user)
            restore_version(
                session, author, initiative_id, restored, expected_version=expected_version
            )
    except NotFoundError:
        return _not_found(request)
    except NotAllowedError:
        return _forbidden(request)
    except ConflictError:
        return _conflict(request, language, initiative_id, expected_version, restored=restored)
    return redirect(request, _saved_url(language, initiative_id))


async def restore_post(request: Request, initiative_id: str) -> Response:
    """Make an older version current again, as a new version (the history keeps all)."""
    form = await read_form(request)
    check_csrf(request, form)
    number, expected = text_field(form, VERSION).strip(), text_field(form, EXPECTED).strip()
    language = language_of(request)
    return await run_in_threadpool(_restore, request, language, initiative_id, number, expected)


def _share(request: Request, language: Language, initiative_id: str, action: str) -> Response:
    """Share, revoke or renew the plan's link, then back to its sharing section."""
    user = current_user(request)
    if user is None:
        return login_redirect(request, _saved_url(language, initiative_id))
    change = SHARE_ACTIONS.get(action)
    if change is None:
        raise HTTPException(400)
    try:
        with transaction(sessions(request)) as session:
            initiative = readable_initiative(session, user, initiative_id)
            if not can_edit(user, initiative):
                raise NotAllowedError(initiative_id)
            change(session, in_session(session, user), initiative_id)
    except NotFoundError:
        return _not_found(request)
    except NotAllowedError:
        return _forbidden(request)
    return redirect(request, _saved_url(language, initiative_id) + "#delen")


async def share_post(request: Request, initiative_id: str) -> Response:
    """Share the saved plan (a link anyone can open), revoke its link, or renew it."""
    form = await read_form(request)
    check_csrf(request, form)
    action = text_field(form, SHARE_ACTION).strip()
    language = language_of(request)
    return await run_in_threadpool(_share, request, language, initiative_id, action)


def shared_page(request: Request, token: str) -> Response:
    """The current version of the plan a share link names, read only, for anyone, without
    personal data (report/redaction.py)."""
    language = language_of(request)
    user = current_user(request)
    with transaction(sessions(request)) as session:
        initiative = by_share_token(session, token)
        version = None if initiative is None else get_version(session, initiative.id)
    if initiative is None or version is None:
        return _not_found(request, "shared_not_found")
    read = stored_initiative(version.document, f"{initiative.id} v{version.number}")
    if read.initiative is None:
        # Not the problems themselves: they may quote a person's data to anyone with the link.
        words = SAVED_WORDS[language]
        return refusal_page(request, 422, words["export_errors_title"], words["shared_invalid"])
    links = shared_links(language, token)
    known_on, known_on_form, links = plan_known_on(request.query_params, language, links)
    may_open = user is not None and can_read(user, initiative)
    return render(
        request,
        "shared.html",
        switch_url=url("shared", other(language), token=token),
        words=SAVED_WORDS,
        status_code=422 if known_on_form["field"]["error"] else 200,
        **plan_view(
            unnamed(read.initiative),
            language,
            links,
            redacted_document(version.document),
            redact=True,
            known_on=known_on,
            known_on_form=known_on_form,
        ),
        people=shared_people(read.initiative, language),
        shared=True,
        open_saved_url=_saved_url(language, initiative.id) if may_open else "",
    )


def saved_router() -> APIRouter:
    """The saved plan (view, save, restore) and the shared plan, in both languages."""
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
    add_page(router, "saved", saved_page)
    add_page(router, "saved", saved_post, methods=["POST"])
    add_route(router, RESTORE_PATHS, restore_post, methods=["POST"])
    add_route(router, SHARE_PATHS, share_post, methods=["POST"])
    add_page(router, "shared", shared_page)
    return router
