"""Which plan the comparison page compares when it is opened from a plan's page with GET: an
example (`?example=KEY`, read by the page itself), a saved plan (`?plan=ID`, for a user who
may read it) or a shared plan (`?shared=TOKEN`, for anyone holding the link).

A saved plan the user may not read is answered as one that does not exist (the same 404 as
its own page); an anonymous visitor is sent to the login page first. The page carries the
same parameter in its form and its CSV links, so that every answer names the same plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

from klaverblad.model import Initiative
from klaverblad.store import NotFoundError, by_share_token, get_version, transaction
from klaverblad.web.access import login_redirect, readable_initiative, refusal_page
from klaverblad.web.urls import language_of
from klaverblad.web.users import current_user, sessions
from klaverblad.web.views.documents import stored_initiative
from klaverblad.web.words.common import WORDS
from klaverblad.web.words.saved import SAVED_WORDS

PLAN_FIELD, SHARED_FIELD = "plan", "shared"
# Longer values are no id or token (ids have at most 100 characters).
MAX_VALUE = 200


@dataclass(frozen=True)
class StoredSource:
    """The plan to compare and the query parameter that names it."""

    initiative: Initiative
    field: str
    value: str

    def pairs(self) -> list[tuple[str, str]]:
        return [(self.field, self.value)]


def _refused(request: Request, key: str) -> Response:
    language = language_of(request)
    title = WORDS[language]["not_found_title"]
    return refusal_page(request, 404, title, SAVED_WORDS[language][key])


def stored_source(request: Request, params: Mapping[str, str]) -> StoredSource | Response | None:
    """The saved or shared plan the query names, a refusal (login, 404), or None when the
    query names neither."""
    plan = (params.get(PLAN_FIELD) or "").strip()
    token = (params.get(SHARED_FIELD) or "").strip()
    if not plan and not token:
        return None
    if len(plan) > MAX_VALUE or len(token) > MAX_VALUE:
        return _refused(request, "shared_not_found" if token else "not_found")
    if plan:
        user = current_user(request)
        if user is None:
            return login_redirect(request)
        try:
            with transaction(sessions(request)) as session:
                readable_initiative(session, user, plan)
                document = get_version(session, plan).document
        except NotFoundError:
            return _refused(request, "not_found")
        field, value = PLAN_FIELD, plan
    else:
        with transaction(sessions(request)) as session:
            found = by_share_token(session, token)
            shared = None if found is None else get_version(session, found.id).document
        if shared is None:
            return _refused(request, "shared_not_found")
        document, field, value = shared, SHARED_FIELD, token
    read = stored_initiative(document, value)
    if read.initiative is None:
        return _refused(request, "shared_not_found" if token else "not_found")
    return StoredSource(read.initiative, field, value)
