"""Accounts: organisations and users, Argon2 password hashes, roles.

Passwords are never stored, only their Argon2id hash (`$argon2id$…`), made with
argon2-cffi's `PasswordHasher` and its current recommended parameters:

>>> hash_password("correct horse").startswith("$argon2id$")
True
>>> password_matches(hash_password("correct horse"), "correct horse")
True
"""

from __future__ import annotations

import functools

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from klaverblad.store.errors import AccountError, NotFoundError
from klaverblad.store.models import ROLES, Organisation, User

_HASHER = PasswordHasher()
MIN_PASSWORD_LENGTH = 8


@functools.cache
def _unknown_user_hash() -> str:
    """Verified when the e-mail is unknown, so that a wrong e-mail takes as long as a wrong
    password. Made at the first such login, not at import: importing the store (every command,
    every web worker) does not pay for an Argon2 hash."""
    return _HASHER.hash("no user has this password")


def hash_password(password: str) -> str:
    """The Argon2id hash of `password` (a new random salt each time)."""
    return _HASHER.hash(password)


def password_matches(password_hash: str, password: str) -> bool:
    """Whether `password` is the one `password_hash` was made from."""
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def normalise_email(email: str) -> str:
    """E-mail addresses are compared without case and surrounding spaces."""
    return email.strip().lower()


def organisation_named(session: Session, name: str, municipality: str) -> Organisation | None:
    statement = select(Organisation).where(
        Organisation.name == name.strip(), Organisation.municipality == municipality.strip()
    )
    return session.scalars(statement).one_or_none()


def ensure_organisation(session: Session, name: str, municipality: str) -> Organisation:
    """The organisation `name` in `municipality`, created when it does not exist yet."""
    if not name.strip() or not municipality.strip():
        raise AccountError("an organisation needs a name and a municipality")
    organisation = organisation_named(session, name, municipality)
    if organisation is None:
        organisation = Organisation(name=name.strip(), municipality=municipality.strip())
        session.add(organisation)
        session.flush()
    return organisation


def create_user(
    session: Session,
    *,
    email: str,
    display_name: str,
    role: str,
    password: str,
    organisation: Organisation | None = None,
    municipality: str | None = None,
) -> User:
    """A new account; `organisation` is required for promoters, `municipality` for municipalities.

    Raises `AccountError` for an unknown role, a missing organisation or municipality, a short
    password or an e-mail address that already has an account.
    """
    email = normalise_email(email)
    if role not in ROLES:
        raise AccountError(f"unknown role '{role}': choose one of {', '.join(ROLES)}")
    if "@" not in email:
        raise AccountError(f"'{email}' is not an e-mail address")
    if role == "promoter" and organisation is None:
        raise AccountError("a promoter account needs its organisation")
    if role == "municipality" and not (municipality or "").strip():
        raise AccountError("a municipality account needs its municipality")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    if user_by_email(session, email) is not None:
        raise AccountError(f"there is already an account for {email}")
    user = User(
        email=email,
        display_name=display_name.strip() or email,
        role=role,
        organisation=organisation if role == "promoter" else None,
        municipality=municipality.strip() if role == "municipality" and municipality else None,
        password_hash=hash_password(password),
        active=True,
    )
    session.add(user)
    session.flush()
    return user


def user_by_email(session: Session, email: str) -> User | None:
    statement = select(User).where(User.email == normalise_email(email))
    return session.scalars(statement).unique().one_or_none()


def get_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(f"no user with id {user_id}")
    return user


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The active user with this e-mail and password, or None (the same for every failure).

    A hash made with older Argon2 parameters is replaced by a current one on success.
    """
    user = user_by_email(session, email)
    if user is None:
        password_matches(_unknown_user_hash(), password)
        return None
    if not password_matches(user.password_hash, password) or not user.active:
        return None
    if _HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def set_password(session: Session, user: User, password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    user.password_hash = hash_password(password)
    session.flush()
