"""Logging in and out.

The login form (e-mail, password, CSRF token, and `next`: where to go afterwards, a path on
this site only) answers every failure with the same message, whether the e-mail address has an
account or not, so that the page reveals no accounts. Too many failures (5 for one e-mail
address from one client address within 15 minutes, 20 from one address, or a slower back-off
per account: `login_limits.py`) are answered with a 429 page that says when to try again. A
successful login binds the session cookie to the account with a new CSRF token and goes to
`next` (default: Mijn plannen). Logging out is a POST with the token, and goes to the start
page.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from klaverblad.locale import Language
from klaverblad.model.consistency import Problem
from klaverblad.store import User, authenticate, transaction
from klaverblad.web.access import MAX_NEXT_LENGTH, refusal_page, safe_next
from klaverblad.web.login_limits import client_address, login_limiter
from klaverblad.web.login_page import EMAIL, NEXT, PASSWORD, login_page_response
from klaverblad.web.pending_save import pending_from_form, resume_page
from klaverblad.web.render import redirect
from klaverblad.web.security import check_csrf, log_in, log_out
from klaverblad.web.urls import add_page, language_of, url
from klaverblad.web.users import current_user, sessions
from klaverblad.web.views.forms import read_form, text_field
from klaverblad.web.views.saved import BELGIUM
from klaverblad.web.words.accounts import ACCOUNT_WORDS

# What `quote` leaves as it is in a `next` path: the reserved characters of a path and query.
_KEPT_IN_NEXT = "/?&=%#:@!$'()*+,;~"


def local_next(value: object) -> str:
    """Where to go after the login: `value` when `safe_next` takes it and it has only printable
    characters, written as ASCII (other characters percent-encoded, so that it fits in a
    Location header); '' (the default page) for anything else: another site, a control or
    invisible character, a lone surrogate, a path too long.

    >>> local_next("/plannen/€"), local_next("//evil.example"), local_next("/x\\ud800")
    ('/plannen/%E2%82%AC', '', '')
    """
    path = safe_next(value)
    if path is None or not path.isprintable():
        return ""
    try:
        encoded = quote(path, safe=_KEPT_IN_NEXT)
    except UnicodeEncodeError:  # a lone surrogate
        return ""
    return encoded if len(encoded) <= MAX_NEXT_LENGTH and safe_next(encoded) else ""


def login_page(request: Request) -> HTMLResponse:
    next_path = local_next(request.query_params.get(NEXT))
    return login_page_response(request, next_path=next_path)


def _too_many(request: Request, language: Language, retry_at: float, now: float) -> Response:
    words = ACCOUNT_WORDS[language]
    seconds = max(1, math.ceil(retry_at - now))
    local = datetime.fromtimestamp(retry_at, UTC).astimezone(BELGIUM)
    message = words["too_many"].format(
        minutes=math.ceil(seconds / 60), time=local.strftime("%H:%M")
    )
    response = refusal_page(request, 429, words["too_many_title"], message)
    response.headers["retry-after"] = str(seconds)
    return response


def _authenticate(request: Request, email: str, password: str) -> User | None:
    # A transaction: a hash made with older Argon2 parameters is replaced on success.
    with transaction(sessions(request)) as session:
        return authenticate(session, email, password)


def _limited_login(
    request: Request, email: str, password: str, client: str
) -> tuple[User | None, float | None]:
    """The user (None: a wrong e-mail or password), or when to try again: the attempt counts
    as a failure until the password proves right (login_limits.py)."""
    limiter, database = login_limiter(request), sessions(request)
    retry_at = limiter.attempt(database, email, client)
    if retry_at is not None:
        return None, retry_at
    user = _authenticate(request, email, password)
    if user is not None:
        limiter.succeeded(database, email, client)
    return user, None


async def login_post(request: Request) -> Response:
    language = language_of(request)
    words = ACCOUNT_WORDS[language]
    form = await read_form(request)
    check_csrf(request, form)
    email, password = text_field(form, EMAIL).strip(), text_field(form, PASSWORD)
    next_path = local_next(text_field(form, NEXT))
    pending = pending_from_form(form)
    limiter, client = login_limiter(request), client_address(request)
    retry_at = await run_in_threadpool(limiter.retry_at, sessions(request), email, client)
    if retry_at is not None:
        return _too_many(request, language, retry_at, limiter.clock())
    problems = []
    if not email:
        problems.append(Problem(EMAIL, words["email_missing"]))
    if not password:
        problems.append(Problem(PASSWORD, words["password_missing"]))
    if problems:
        return login_page_response(
            request,
            email=email,
            next_path=next_path,
            problems=problems,
            pending=pending,
            status_code=422,
        )
    user, retry_at = await run_in_threadpool(_limited_login, request, email, password, client)
    if retry_at is not None:
        return _too_many(request, language, retry_at, limiter.clock())
    if user is None:
        return login_page_response(
            request,
            email=email,
            next_path=next_path,
            failed=True,
            pending=pending,
            status_code=422,
        )
    log_in(request, user.id, user.session_generation)
    if pending is not None:
        return resume_page(request, pending)
    return redirect(request, next_path or url("mine", language))


def _end_sessions(request: Request) -> None:
    """Raise the account's session generation: every copy of its session cookies lapses."""
    user = current_user(request)
    if user is None:
        return
    with transaction(sessions(request)) as session:
        stored = session.get(User, user.id)
        if stored is not None:
            stored.session_generation += 1


async def logout_post(request: Request) -> Response:
    form = await read_form(request)
    check_csrf(request, form)
    await run_in_threadpool(_end_sessions, request)
    log_out(request)
    return redirect(request, url("start", language_of(request)))


def accounts_router() -> APIRouter:
    """The login page and the logout button's target, in both languages."""
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
    add_page(router, "login", login_page)
    add_page(router, "login", login_post, methods=["POST"])
    add_page(router, "logout", logout_post, methods=["POST"])
    return router
