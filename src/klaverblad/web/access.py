"""Who may open what on the pages: the login redirect, the safe `next` address after a login,
and a saved initiative found only when the user may read it.

A saved initiative the user may not read is answered exactly as one that does not exist (the
same 404 page), so that its existence is not revealed.

>>> safe_next("/plannen/bik?version=2"), safe_next("//evil.example/x"), safe_next("https://x")
('/plannen/bik?version=2', None, None)
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from klaverblad.store import Initiative, NotFoundError, User, can_read, get_initiative
from klaverblad.store.accounts import get_user
from klaverblad.web.render import redirect, render
from klaverblad.web.urls import language_of, url

MAX_NEXT_LENGTH = 2000


def safe_next(value: object) -> str | None:
    """`value` when it is a path on this site (`/…`), else None: no scheme, no host, no
    `//host` or `/\\host` that a browser would read as another site, no control characters."""
    if not isinstance(value, str) or not value.startswith("/") or len(value) > MAX_NEXT_LENGTH:
        return None
    if value.startswith(("//", "/\\")) or "\\" in value:
        return None
    if any(ord(character) < 0x21 or ord(character) == 0x7F for character in value):
        return None
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return None
    return value


def here(request: Request) -> str:
    """This request's path and query: where to come back to after logging in."""
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


def login_url(request: Request, next_path: str | None = None) -> str:
    """The login page of the request's language, coming back to `next_path` (default: here)."""
    target = safe_next(next_path or here(request))
    address = url("login", language_of(request))
    return f"{address}?next={quote(target, safe='/')}" if target else address


def login_redirect(request: Request, next_path: str | None = None) -> Response:
    return redirect(request, login_url(request, next_path))


def readable_initiative(session: Session, user: User, initiative_id: str) -> Initiative:
    """The saved initiative when `user` may read it; `NotFoundError` when it does not exist or
    the user may not read it (the same answer for both)."""
    initiative = get_initiative(session, initiative_id)
    if not can_read(user, initiative):
        raise NotFoundError(f"no saved initiative '{initiative_id}'")
    return initiative


# The roles that may save new initiatives (a municipality account only reads).
SAVING_ROLES = ("promoter", "analyst", "admin")


def may_save_new(user: User | None) -> bool:
    """Whether `user` may save a new initiative (see docs/storage.md, roles)."""
    return user is not None and user.active and user.role in SAVING_ROLES


def refusal_page(request: Request, status_code: int, title: str, message: str) -> HTMLResponse:
    """A page that says why a request is refused (404, 403, 429 …), in the visitor's
    language, with nothing changed."""
    return render(
        request, "error.html", status_code=status_code, error_title=title, message=message
    )


def in_session(session: Session, user: User) -> User:
    """The logged-in `user` (read by `current_user` in a session of its own) as an object of
    `session`, so that a save can name it as author without attaching a second copy of its
    organisation."""
    return get_user(session, user.id)
