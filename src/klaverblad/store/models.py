"""The stored tables: organisations, users, initiatives and every saved version of them.

An initiative row is the stable identity (its contract id, its share token and whether it is
shared, who owns it and which version is current); its content lives only in
`InitiativeVersion` rows, one per save, so that history and restore are plain reads and inserts.

>>> sorted(Base.metadata.tables)
['initiative_versions', 'initiatives', 'login_failures', 'organisations', 'users']
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

ROLES: tuple[str, ...] = ("promoter", "municipality", "analyst", "admin")
SHARE_TOKEN_LENGTH = 10
# A login failure's e-mail address is kept as the hex SHA-256 of its lower-case form.
EMAIL_KEY_LENGTH = 64
# The longest client address kept (web/proxies.py cuts longer text).
CLIENT_LENGTH = 64

# Named constraints, so that migrations can refer to them on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    """The current time, timezone-aware in UTC (every stored time is UTC)."""
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """A timestamp that reads back as an aware UTC datetime on SQLite and PostgreSQL alike.

    SQLite keeps no offset, so the value is stored as naive UTC there; PostgreSQL keeps a
    `timestamp with time zone`. Either way the value read equals the value written, to the
    microsecond, which is what makes export → import → export exact.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("stored times must be timezone-aware")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Organisation(Base):
    """A promoter organisation (a vzw, an OCMW, …) whose users edit its initiatives."""

    __tablename__ = "organisations"
    __table_args__ = (UniqueConstraint("name", "municipality"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    municipality: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class User(Base):
    """An account. Only an Argon2 hash of the password is ever stored."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(
            "role IN ('promoter', 'municipality', 'analyst', 'admin')", name="role_known"
        ),
        CheckConstraint(
            "role <> 'promoter' OR organisation_id IS NOT NULL", name="promoter_has_organisation"
        ),
        CheckConstraint(
            "role <> 'municipality' OR municipality IS NOT NULL",
            name="municipality_user_has_municipality",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    municipality: Mapped[str | None] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    active: Mapped[bool] = mapped_column(default=True)
    # Raised at every logout: session cookies carry the value they were issued with, so a
    # copy of a cookie from before the logout no longer counts (web/security.py).
    session_generation: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    organisation: Mapped[Organisation | None] = relationship(lazy="joined")


class Initiative(Base):
    """The identity of a saved initiative; its content is its current `InitiativeVersion`."""

    __tablename__ = "initiatives"
    __table_args__ = (CheckConstraint("current_version >= 1", name="current_version_positive"),)

    # The contract's initiative id (`bik-klusjesdienst`): unique across the whole store.
    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    # The promoter's municipality in the current version, kept here for the portfolio query.
    municipality: Mapped[str] = mapped_column(String(100), index=True)
    # Bumped with a conditional UPDATE on every save: the optimistic lock.
    current_version: Mapped[int] = mapped_column(Integer)
    # A plan is private until an editor shares it (saving never shares): only while `shared`
    # is true does its share link open it. Sharing and renewing draw a new token, revoking
    # draws one too, so that a link once revoked never opens the plan again.
    share_token: Mapped[str] = mapped_column(String(SHARE_TOKEN_LENGTH), unique=True)
    shared: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)

    organisation: Mapped[Organisation] = relationship(lazy="joined")


class InitiativeVersion(Base):
    """One save of an initiative: the JSON document exactly as validated and stored."""

    __tablename__ = "initiative_versions"
    __table_args__ = (
        UniqueConstraint("initiative_id", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    initiative_id: Mapped[str] = mapped_column(
        ForeignKey("initiatives.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    note: Mapped[str] = mapped_column(Text, default="")

    author: Mapped[User] = relationship(lazy="joined")


class LoginFailure(Base):
    """One failed login, for the login limit (web/login_limits.py): which account was tried
    (`email_key`, a SHA-256 of the lower-case e-mail, so that a password typed into the e-mail
    field is not kept readable), from which client address, and when. Rows older than the
    limit's longest window are deleted; none are exported in a backup."""

    __tablename__ = "login_failures"
    __table_args__ = (
        Index("ix_login_failures_email_key_failed_at", "email_key", "failed_at"),
        Index("ix_login_failures_client_failed_at", "client", "failed_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email_key: Mapped[str] = mapped_column(String(EMAIL_KEY_LENGTH))
    client: Mapped[str] = mapped_column(String(CLIENT_LENGTH))
    failed_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
