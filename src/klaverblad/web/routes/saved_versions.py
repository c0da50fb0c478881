"""Writing a saved plan's versions: the form that saves a new version (POST to the plan's
page, `saved.py`) and the restore button of an older one (POST to `RESTORE_PATHS`), with the
save form again when the text has problems (422) and the conflict page (409).

Every save names the version it was edited from (`expected_version`); the wizard's review of a
saved plan posts here too (`origin=wizard`), and its page then says the version was saved.
When someone else saved in between, the answer is a 409 page that says who saved which
version when, shows that version beside the person's own text, and offers to save that text
on top: nothing is lost. Saving and restoring need `can_edit` (else a 403 page); anonymous
visitors go to the login page, their text kept (`web/pending_save.py`).
"""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import Response

from klaverblad.locale import Language
from klaverblad.model.consistency import Problem
from klaverblad.store import (
    ConflictError,
    NotAllowedError,
    NotFoundError,
    can_edit,
    get_version,
    restore_version,
    save_initiative,
    transaction,
)
from klaverblad.web.access import in_session, login_redirect, readable_initiative
from klaverblad.web.pending_save import login_for_save
from klaverblad.web.render import redirect, render
from klaverblad.web.routes.exports import parse_version
from klaverblad.web.routes.saved_common import forbidden, not_found, saved_url
from klaverblad.web.security import check_csrf
from klaverblad.web.urls import language_of, other
from klaverblad.web.users import current_user, sessions
from klaverblad.web.views.documents import document_yaml, read_document
from klaverblad.web.views.forms import read_form, text_field
from klaverblad.web.views.saved import when
from klaverblad.web.words.saved import SAVED_WORDS

# Restoring an older version: POST with `version` (the one to restore) and `expected_version`.
RESTORE_PATHS = ("/plannen/{initiative_id}/herstellen", "/en/plans/{initiative_id}/restore")
DOCUMENT, NOTE, EXPECTED, VERSION = "document", "note", "expected_version", "version"
# A save from the wizard says so (`origin=wizard`): the plan's page then confirms the version.
ORIGIN, FROM_WIZARD, SAVED_QUERY = "origin", "wizard", "saved"
FIELDS = {"document": DOCUMENT, "note": NOTE, "expected": EXPECTED, "version": VERSION}


def restore_url(language: Language, initiative_id: str) -> str:
    return RESTORE_PATHS[0 if language == "nl" else 1].format(initiative_id=initiative_id)


def edit_page(
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
        switch_url=saved_url(other(language), initiative_id),
        words=SAVED_WORDS,
        status_code=status_code,
        name=name,
        plan_url=saved_url(language, initiative_id),
        text=text,
        note=note,
        expected=expected,
        problems=problems,
        intro=intro,
        fields=FIELDS,
    )


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
        return not_found(request)
    return render(
        request,
        "saved_conflict.html",
        switch_url=saved_url(other(language), initiative_id),
        words=SAVED_WORDS,
        status_code=409,
        name=str(theirs.document.get("name") or initiative_id),
        theirs=theirs,
        theirs_time=when(theirs.created_at, language),
        theirs_text=document_yaml(theirs.document),
        theirs_url=saved_url(language, initiative_id),
        expected=expected,
        text=text,
        note=note,
        restored=restored,
        save_action=saved_url(language, initiative_id),
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
        return not_found(request)
    if not can_edit(user, initiative):
        return forbidden(request)
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
        return edit_page(
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
        return forbidden(request)
    except NotFoundError:
        return not_found(request)
    if from_wizard:
        return redirect(request, f"{saved_url(language, initiative_id)}?{SAVED_QUERY}={number}")
    return redirect(request, saved_url(language, initiative_id))


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
        return login_redirect(request, saved_url(language, initiative_id))
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
        return not_found(request)
    except NotAllowedError:
        return forbidden(request)
    except ConflictError:
        return _conflict(request, language, initiative_id, expected_version, restored=restored)
    return redirect(request, saved_url(language, initiative_id))


async def restore_post(request: Request, initiative_id: str) -> Response:
    """Make an older version current again, as a new version (the history keeps all)."""
    form = await read_form(request)
    check_csrf(request, form)
    number, expected = text_field(form, VERSION).strip(), text_field(form, EXPECTED).strip()
    language = language_of(request)
    return await run_in_threadpool(_restore, request, language, initiative_id, number, expected)
