"""Sharing a saved plan: an editor shares it ("Deel dit plan"), revokes or renews its link
(POST to `SHARE_PATHS`, editors only, back to the plan's sharing section); the share link
opens the current version, read only, for anyone, without an account and without personal
data (report/redaction.py). A plan is private until it is shared; the link shown on the saved
plan (`saved.py`) is built from `KLAVERBLAD_BASE_URL`, or is the path alone (never the
request's Host header).
"""

from __future__ import annotations

from fastapi import Request
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import Response

from klaverblad.locale import Language
from klaverblad.report.redaction import redacted_document, unnamed
from klaverblad.store import (
    NotAllowedError,
    NotFoundError,
    by_share_token,
    can_edit,
    can_read,
    get_version,
    renew_share_link,
    revoke_share_link,
    share_initiative,
    transaction,
)
from klaverblad.web.access import in_session, login_redirect, readable_initiative, refusal_page
from klaverblad.web.render import redirect, render
from klaverblad.web.routes.saved_common import forbidden, not_found, saved_url
from klaverblad.web.security import check_csrf
from klaverblad.web.urls import language_of, other, url
from klaverblad.web.users import current_user, sessions
from klaverblad.web.views.documents import stored_initiative
from klaverblad.web.views.forms import read_form, text_field
from klaverblad.web.views.plan import plan_view
from klaverblad.web.views.plan_known_on import plan_known_on, switch_with_known_on
from klaverblad.web.views.plan_links import shared_links
from klaverblad.web.views.saved import shared_people
from klaverblad.web.words.saved import SAVED_WORDS

# Sharing a saved plan: POST with `action` = share, revoke or renew (editors only).
SHARE_PATHS = ("/plannen/{initiative_id}/delen", "/en/plans/{initiative_id}/share")
SHARE_ACTION = "action"
SHARE_ACTIONS = {
    "share": share_initiative,
    "revoke": revoke_share_link,
    "renew": renew_share_link,
}


def share_url(language: Language, initiative_id: str) -> str:
    """Where the saved plan's sharing form posts."""
    return SHARE_PATHS[0 if language == "nl" else 1].format(initiative_id=initiative_id)


def _share(request: Request, language: Language, initiative_id: str, action: str) -> Response:
    """Share, revoke or renew the plan's link, then back to its sharing section."""
    user = current_user(request)
    if user is None:
        return login_redirect(request, saved_url(language, initiative_id))
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
        return not_found(request)
    except NotAllowedError:
        return forbidden(request)
    return redirect(request, saved_url(language, initiative_id) + "#delen")


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
        return not_found(request, "shared_not_found")
    read = stored_initiative(version.document, f"{initiative.id} v{version.number}")
    if read.initiative is None:
        # Not the problems themselves: they may quote a person's data to anyone with the link.
        words = SAVED_WORDS[language]
        return refusal_page(request, 422, words["export_errors_title"], words["shared_invalid"])
    links = shared_links(language, token)
    known_on, known_on_form, links = plan_known_on(request.query_params, language, links)
    may_open = user is not None and can_read(user, initiative)
    switch = url("shared", other(language), token=token)
    return render(
        request,
        "shared.html",
        switch_url=switch_with_known_on(switch, request.query_params),
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
        open_saved_url=saved_url(language, initiative.id) if may_open else "",
    )
