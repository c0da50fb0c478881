"""Where the store lives: the database URL, engines, sessions and migrations to head.

The URL is `KLAVERBLAD_DATABASE_URL` when set, otherwise an SQLite file in the data directory
(`KLAVERBLAD_DATA_DIR`, default `./var`):

>>> database_url({"KLAVERBLAD_DATA_DIR": "/srv/klaverblad"})
'sqlite:////srv/klaverblad/klaverblad.sqlite3'
>>> database_url({"KLAVERBLAD_DATABASE_URL": "postgresql+psycopg://kb@db/kb"})
'postgresql+psycopg://kb@db/kb'
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

DATABASE_URL_VARIABLE = "KLAVERBLAD_DATABASE_URL"
DATA_DIR_VARIABLE = "KLAVERBLAD_DATA_DIR"
DEFAULT_DATA_DIR = "var"
SQLITE_FILE_NAME = "klaverblad.sqlite3"
MIGRATIONS = Path(__file__).parent / "migrations"
# How long an SQLite writer waits for another writer's transaction before giving up.
SQLITE_BUSY_SECONDS = 30.0


def data_directory(environ: Mapping[str, str] | None = None) -> Path:
    """The folder of the SQLite file, the cookie key and the demo password."""
    environ = os.environ if environ is None else environ
    return Path(environ.get(DATA_DIR_VARIABLE, "").strip() or DEFAULT_DATA_DIR)


def database_url(environ: Mapping[str, str] | None = None) -> str:
    """The configured database URL (see the module docstring)."""
    environ = os.environ if environ is None else environ
    configured = environ.get(DATABASE_URL_VARIABLE, "").strip()
    if configured:
        return configured
    return f"sqlite:///{(data_directory(environ) / SQLITE_FILE_NAME).absolute()}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Foreign keys are off by default in SQLite; WAL lets readers work while one writes."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str | None = None, **options: Any) -> Engine:
    """An engine for `url` (default: `database_url()`); an SQLite file's folder is created.

    SQLite connections get `foreign_keys=ON` and WAL journaling. The pysqlite driver's own
    transaction handling is kept on purpose: it opens a transaction at the first write, so a
    save's conditional UPDATE waits for a concurrent writer and then sees its commit (the
    optimistic lock relies on that, see `repository.save_initiative`).
    """
    url = url or database_url()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        options.setdefault("connect_args", {}).setdefault("timeout", SQLITE_BUSY_SECONDS)
        engine = create_engine(url, **options)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    options.setdefault("pool_pre_ping", True)
    return create_engine(url, **options)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions whose objects stay readable after commit (pages render after saving)."""
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """A session in one transaction: committed when the block ends, rolled back on error."""
    with sessions.begin() as session:
        yield session


def alembic_config(url: str | None = None) -> Config:
    """The Alembic configuration of the packaged migrations, for `url`.

    Also the way to write a new migration:
    `alembic.command.revision(alembic_config(url), message="…", autogenerate=True)`.
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # '%' is Alembic's interpolation character; a password may contain one.
    config.set_main_option("sqlalchemy.url", (url or database_url()).replace("%", "%%"))
    return config


def upgrade(url: str | None = None, revision: str = "head") -> None:
    """Run the migrations on `url` (default: the configured database) up to `revision`."""
    url = url or database_url()
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            config = alembic_config(url)
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()
