"""Where the store lives: KLAVERBLAD_DATABASE_URL, else an SQLite file in the data folder."""

from __future__ import annotations

from pathlib import Path

from klaverblad.store.database import alembic_config, database_url


def test_the_default_store_is_an_sqlite_file_under_var() -> None:
    assert database_url({}) == f"sqlite:///{Path('var/klaverblad.sqlite3').absolute()}"


def test_the_data_directory_moves_the_sqlite_file() -> None:
    url = database_url({"KLAVERBLAD_DATA_DIR": "/srv/kb"})
    assert url == "sqlite:////srv/kb/klaverblad.sqlite3"


def test_a_database_url_wins_over_the_data_directory() -> None:
    environ = {"KLAVERBLAD_DATA_DIR": "/srv/kb", "KLAVERBLAD_DATABASE_URL": "postgresql://db/kb"}
    assert database_url(environ) == "postgresql://db/kb"


def test_a_password_with_a_percent_sign_survives_the_alembic_configuration() -> None:
    url = "postgresql+psycopg://kb:50%25off@db/kb"
    assert alembic_config(url).get_main_option("sqlalchemy.url") == url
