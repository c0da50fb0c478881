"""The database behind the pages and the logged-in account of a request."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker
from starlette.requests import Request

from klaverblad.store import User
from klaverblad.store.accounts import get_user
from klaverblad.store.errors import NotFoundError
from klaverblad.web.security import forget_user, visitor


def sessions(request: Request) -> sessionmaker[Session]:
    """The app's session factory (`app.state.sessions`, made by `create_app`)."""
    factory = request.app.state.sessions
    assert isinstance(factory, sessionmaker)
    return factory


def current_user(request: Request) -> User | None:
    """The logged-in, active account, or None; read once per request.

    An account that was removed or disabled since the login, or that logged out since (in
    any browser), is forgotten from the cookie.
    """
    if hasattr(request.state, "user"):
        known: User | None = request.state.user
        return known
    current = visitor(request)
    user_id = current.user_id
    user: User | None = None
    if user_id is not None:
        with sessions(request)() as session:
            try:
                user = get_user(session, user_id)
            except NotFoundError:
                user = None
        # A cookie from before the account's last logout (or disabling) no longer counts.
        if user is None or not user.active or user.session_generation != current.generation:
            user = None
            forget_user(request)
    request.state.user = user
    return user
