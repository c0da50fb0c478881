"""Every storage test runs against SQLite (a temporary file) and PostgreSQL.

PostgreSQL comes from `KLAVERBLAD_TEST_POSTGRES_URL` (`.ci/run` sets it); without it, or when
the server does not answer, those tests are skipped with the reason shown in pytest's summary.
Each PostgreSQL database of a test is a schema of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from klaverblad.store import accounts
from klaverblad.store.accounts import create_user, ensure_organisation, user_by_email
from klaverblad.store.database import make_engine, session_factory, transaction, upgrade
from klaverblad.store.models import User

POSTGRES_VARIABLE = "KLAVERBLAD_TEST_POSTGRES_URL"
NO_POSTGRES = (
    f"PostgreSQL not available: set {POSTGRES_VARIABLE} "
    "(e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)"
)
PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def cheap_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real Argon2id hashes with small parameters, so that the suite stays fast."""
    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(accounts, "_HASHER", cheap)


class _Databases:
    """Makes empty databases of one kind for a test and removes them afterwards."""

    def __init__(self, kind: str, tmp_path: Path) -> None:
        self.kind = kind
        self.tmp_path = tmp_path
        self.schemas: list[str] = []
        self.count = 0
        self.admin: Engine | None = None
        if kind == "postgresql":
            base = os.environ.get(POSTGRES_VARIABLE, "").strip()
            if not base:
                pytest.skip(NO_POSTGRES)
            self.base = base
            self.admin = create_engine(
                base, poolclass=NullPool, connect_args={"connect_timeout": 3}
            )
            try:
                with self.admin.connect() as connection:
                    connection.execute(text("SELECT 1"))
            except OperationalError as error:
                self.admin.dispose()
                reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
                pytest.skip(f"PostgreSQL not available at {POSTGRES_VARIABLE}: {reason}")

    def new(self) -> str:
        """The URL of a new empty database (an SQLite file, or a PostgreSQL schema)."""
        if self.admin is None:
            self.count += 1
            return f"sqlite:///{self.tmp_path / f'klaverblad-{self.count}.sqlite3'}"
        schema = f"klaverblad_test_{secrets.token_hex(6)}"
        with self.admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        self.schemas.append(schema)
        url = make_url(self.base).update_query_dict({"options": f"-csearch_path={schema}"})
        return url.render_as_string(hide_password=False)

    def remove(self) -> None:
        if self.admin is None:
            return
        with self.admin.begin() as connection:
            for schema in self.schemas:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        self.admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def new_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """A maker of empty databases of the test's kind (its first one is `database_url`)."""
    databases = _Databases(request.param, tmp_path)
    try:
        yield databases.new
    finally:
        databases.remove()


@pytest.fixture
def database_url(new_database: Callable[[], str]) -> str:
    """An empty database: an SQLite file, or a PostgreSQL schema of this test's own."""
    return new_database()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """The test database migrated to head."""
    upgrade(database_url)
    engine = make_engine(database_url)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    return session_factory(engine)


@dataclass(frozen=True)
class People:
    """The accounts every test may use: two promoters, a municipality, an analyst, an admin.

    vzw Noord (Kortrijk) has `promoter_a`; vzw Zuid (Gent) has `promoter_b`; `kortrijk`
    reads the portfolio of Kortrijk.
    """

    promoter_a: str = "an@noord.be"
    promoter_b: str = "bert@zuid.be"
    kortrijk: str = "portfolio@kortrijk.be"
    analyst: str = "ana@vlaanderen.be"
    admin: str = "root@klaverblad.be"

    def user(self, session: Session, email: str) -> User:
        user = user_by_email(session, email)
        assert user is not None
        return user


@pytest.fixture
def people(sessions: sessionmaker[Session]) -> People:
    people = People()
    with transaction(sessions) as session:
        noord = ensure_organisation(session, "vzw Noord", "Kortrijk")
        zuid = ensure_organisation(session, "vzw Zuid", "Gent")
        for email, role, organisation, municipality in [
            (people.promoter_a, "promoter", noord, None),
            (people.promoter_b, "promoter", zuid, None),
            (people.kortrijk, "municipality", None, "Kortrijk"),
            (people.analyst, "analyst", None, None),
            (people.admin, "admin", None, None),
        ]:
            create_user(
                session,
                email=email,
                display_name=email.split("@")[0].title(),
                role=role,
                password=PASSWORD,
                organisation=organisation,
                municipality=municipality,
            )
    return people
