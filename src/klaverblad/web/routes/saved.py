"""A saved plan's page: its current version (or `?version=N`, read only) in the plan view,
with its share link, its version history with a restore button per older version, its
downloads, the wizard form, and the form that saves a new version; and the router of every
route of a saved plan: this page, writing its versions (`saved_versions.py`: save, restore,
the 422 and 409 pages) and sharing it (`sharing.py`: share, revoke, renew, the shared page).

Access: anonymous visitors go to the login page; a plan the user may not read is the same 404
page as a plan that does not exist (`saved_common.py`). A stored version that no longer reads
as a valid plan opens in the save form, its problems listed, to be corrected.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.responses import Response

from klaverblad.locale import Language
from klaverblad.store import NotFoundError, can_edit, get_version, history, transaction
from klaverblad.web.access import login_redirect, readable_initiative
from klaverblad.web.render import render
from klaverblad.web.routes.exports import HISTORY_TABLE, parse_version
from klaverblad.web.routes.saved_common import not_found, saved_url
from klaverblad.web.routes.saved_versions import (
    FIELDS,
    RESTORE_PATHS,
    edit_page,
    restore_post,
    restore_url,
    saved_post,
)
from klaverblad.web.routes.sharing import (
    SHARE_ACTION,
    SHARE_PATHS,
    share_post,
    share_url,
    shared_page,
)
from klaverblad.web.urls import add_page, add_route, language_of, other, url
from klaverblad.web.users import current_user, sessions
from klaverblad.web.views.documents import document_yaml, stored_initiative
from klaverblad.web.views.plan import plan_view
from klaverblad.web.views.plan_known_on import plan_known_on, switch_with_known_on
from klaverblad.web.views.plan_links import saved_links, share_address
from klaverblad.web.views.saved import history_rows, when
from klaverblad.web.words.saved import SAVED_WORDS


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
        return not_found(request)
    may_edit = can_edit(user, initiative)
    current = initiative.current_version
    read = stored_initiative(version.document, f"{initiative_id} v{version.number}")
    if read.initiative is None:
        words = SAVED_WORDS[language]
        return edit_page(
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
    switch = saved_url(other(language), initiative_id)
    switch += f"?version={version.number}" if viewing_old else ""
    return render(
        request,
        "saved.html",
        switch_url=switch_with_known_on(switch, request.query_params),
        words=SAVED_WORDS,
        status_code=422 if known_on_form["field"]["error"] else 200,
        **context,
        version=version,
        version_count=len(versions),
        current_version=current,
        viewing_old=viewing_old,
        saved_time=when(version.created_at, language),
        current_url=saved_url(language, initiative_id),
        share_url=(
            share_address(request.app.state.settings.base_url, language, token) if token else ""
        ),
        share_action=share_url(language, initiative_id),
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
        save_action=saved_url(language, initiative_id),
        save_text=document_yaml(version.document),
        fields=FIELDS,
    )


def saved_page(
    request: Request, initiative_id: str, version: str | None = None, saved: str | None = None
) -> Response:
    try:
        number = parse_version(version)
    except ValueError:
        return not_found(request)
    try:
        confirmed = parse_version(saved)
    except ValueError:
        confirmed = None  # only a confirmation: a bad one is left out
    return _saved_page(request, language_of(request), initiative_id, number, confirmed)


def saved_router() -> APIRouter:
    """The saved plan (view, save, restore, share) and the shared plan, in both languages."""
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
    add_page(router, "saved", saved_page)
    add_page(router, "saved", saved_post, methods=["POST"])
    add_route(router, RESTORE_PATHS, restore_post, methods=["POST"])
    add_route(router, SHARE_PATHS, share_post, methods=["POST"])
    add_page(router, "shared", shared_page)
    return router
