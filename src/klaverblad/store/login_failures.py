"""The failed logins the login limit counts (`web/login_limits.py` decides what they mean).

Kept in the database, so that every worker process sees the same counts and a restart
forgets nothing. The e-mail address is kept only as `email_key`, a SHA-256 of its lower-case
form: the limit needs to know that two attempts named the same account, not which one.

>>> email_key(" Anna@BIK.be ") == email_key("anna@bik.be")
True
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from klaverblad.store.models import CLIENT_LENGTH, LoginFailure


@dataclass(frozen=True)
class Failure:
    """One recorded failure: whether it named the asked account, came from the asked
    address, and when (seconds since the epoch)."""

    same_account: bool
    same_client: bool
    at: float


def email_key(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode("utf-8", "replace")).hexdigest()


def client_key(client: str) -> str:
    return client[:CLIENT_LENGTH]


def _moment(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def recent_failures(
    session: Session, email: str, client: str, since: float, *, excluding: int | None = None
) -> list[Failure]:
    """The failures after `since` that named `email` or came from `client`, oldest first."""
    key, address = email_key(email), client_key(client)
    statement = (
        select(LoginFailure.id, LoginFailure.email_key, LoginFailure.client, LoginFailure.failed_at)
        .where(
            LoginFailure.failed_at > _moment(since),
            or_(LoginFailure.email_key == key, LoginFailure.client == address),
        )
        .order_by(LoginFailure.failed_at, LoginFailure.id)
    )
    return [
        Failure(row_key == key, row_client == address, failed_at.timestamp())
        for row_id, row_key, row_client, failed_at in session.execute(statement)
        if row_id != excluding
    ]


def add_failure(session: Session, email: str, client: str, at: float) -> int:
    """Record a failure (the id of its row)."""
    row = LoginFailure(email_key=email_key(email), client=client_key(client), failed_at=_moment(at))
    session.add(row)
    session.flush()
    return row.id


def remove_failure(session: Session, failure_id: int) -> None:
    session.execute(delete(LoginFailure).where(LoginFailure.id == failure_id))


def clear_pair(session: Session, email: str, client: str) -> None:
    """Forget the failures of one (account, address) pair, and only those."""
    session.execute(
        delete(LoginFailure).where(
            LoginFailure.email_key == email_key(email), LoginFailure.client == client_key(client)
        )
    )


def prune_failures(session: Session, before: float) -> None:
    """Delete the failures older than `before`: they no longer count for anything."""
    session.execute(delete(LoginFailure).where(LoginFailure.failed_at <= _moment(before)))
