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

    An account that was removed or disabled since the login is forgotten from the cookie.
    """
    if hasattr(request.state, "user"):
        known: User | None = request.state.user
        return known
    user_id = visitor(request).user_id
    user: User | None = None
    if user_id is not None:
        with sessions(request)() as session:
            try:
                user = get_user(session, user_id)
            except NotFoundError:
                user = None
        if user is None or not user.active:
            user = None
            forget_user(request)
    request.state.user = user
    return user
