"""Who is visiting: a signed session cookie with the account (if logged in) and the CSRF token.

Every visitor gets the cookie `kb_session` (HttpOnly, SameSite=Lax, `Secure` over HTTPS or
when configured), signed with the app's secret key and dated: a login older than the
configured session length is not accepted. Every state-changing form carries the token in the
hidden field `csrf` and is refused (403, nothing changed) when it does not match the cookie's
(the synchronizer-token pattern, with the token kept in the signed cookie). Logging in and
out issue a new token, so a token seen before login is worthless after it.
"""

from __future__ import annotations

import hmac
import secrets
import time
from dataclasses import dataclass, replace
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response

from klaverblad.web.settings import Settings

COOKIE = "kb_session"
CSRF_FIELD = "csrf"
_SALT = "klaverblad.session"


class CsrfError(Exception):
    """A state-changing form without the visitor's token (a forged or expired page)."""


@dataclass(frozen=True)
class Visitor:
    """The content of the session cookie: the CSRF token and the logged-in user's id."""

    csrf: str
    user_id: int | None = None
    login_time: float | None = None
    # The account's session generation at login: a logout raises it, so older cookies lapse.
    generation: int = 0


def _settings(request: Request) -> Settings:
    settings = request.app.state.settings
    assert isinstance(settings, Settings)
    return settings


def _serializer(settings: Settings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.secret_key, salt=_SALT)


def _new_visitor() -> Visitor:
    return Visitor(csrf=secrets.token_urlsafe(32))


def _read_cookie(request: Request) -> tuple[Visitor | None, bool]:
    """The cookie's visitor (None when absent or forged) and whether its login had expired
    (the account is then forgotten and the cookie rewritten)."""
    raw = request.cookies.get(COOKIE)
    if not raw:
        return None, False
    settings = _settings(request)
    try:
        data: Any = _serializer(settings).loads(raw)
    except BadSignature:
        return None, False
    if not isinstance(data, dict) or not isinstance(data.get("c"), str):
        return None, False
    user_id, login_time = data.get("u"), data.get("t")
    if isinstance(user_id, int) and isinstance(login_time, int | float):
        if time.time() - login_time > settings.session_seconds:
            return Visitor(csrf=data["c"]), True
        generation = data.get("g", 0)
        if not isinstance(generation, int):
            return Visitor(csrf=data["c"]), True
        visitor = Visitor(data["c"], user_id, float(login_time), generation)
        return visitor, False
    return Visitor(csrf=data["c"]), False


def visitor(request: Request) -> Visitor:
    """This request's visitor, read once from its cookie (a new one when there is none)."""
    known = getattr(request.state, "visitor", None)
    if isinstance(known, Visitor):
        return known
    found, expired = _read_cookie(request)
    current = found or _new_visitor()
    request.state.visitor = current
    # A new visitor, or one whose login expired, is written back by `remember`.
    request.state.visitor_changed = found is None or expired
    return current


def log_in(request: Request, user_id: int, generation: int = 0) -> None:
    """Bind the session to `user_id` (at the account's session `generation`) with a fresh
    CSRF token (no fixation of the old one)."""
    request.state.visitor = Visitor(secrets.token_urlsafe(32), user_id, time.time(), generation)
    request.state.visitor_changed = True


def log_out(request: Request) -> None:
    request.state.visitor = _new_visitor()
    request.state.visitor_changed = True


def forget_user(request: Request) -> None:
    """Drop an account that no longer exists or is disabled, keeping the token."""
    request.state.visitor = replace(visitor(request), user_id=None, login_time=None)
    request.state.visitor_changed = True


def remember(request: Request, response: Response) -> Response:
    """Write the visitor's cookie on `response` when it is new or changed."""
    current = visitor(request)
    if not getattr(request.state, "visitor_changed", False):
        return response
    settings = _settings(request)
    data: dict[str, Any] = {"c": current.csrf}
    if current.user_id is not None:
        data["u"], data["t"], data["g"] = current.user_id, current.login_time, current.generation
    secure = settings.secure_cookies
    if secure is None:
        secure = request.url.scheme == "https"
    response.set_cookie(
        COOKIE,
        _serializer(settings).dumps(data),
        max_age=settings.session_seconds,
        httponly=True,
        samesite="lax",
        secure=secure,
        path="/",
    )
    return response


def check_csrf(request: Request, form: FormData) -> None:
    """Raise `CsrfError` unless the form's token is this visitor's."""
    sent = form.get(CSRF_FIELD)
    expected, _expired = _read_cookie(request)
    if not isinstance(sent, str) or expected is None:
        raise CsrfError
    if not hmac.compare_digest(sent.encode(), expected.csrf.encode()):
        raise CsrfError
