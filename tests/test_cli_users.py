"""`klaverblad user add` as an administrator runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from klaverblad import store


def add(
    database: str, *args: str, password: str = "een-lang-wachtwoord"
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "KLAVERBLAD_DATABASE_URL": database}
    return subprocess.run(
        [sys.executable, "-m", "klaverblad", "user", "add", *args, "--password-stdin"],
        input=password + "\n",
        capture_output=True,
        text=True,
        check=False,
        env=environment,
    )


def test_an_account_is_created_with_an_argon2_hash_in_a_migrated_database(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'k.sqlite3'}"
    result = add(
        database,
        "--email",
        "Ann@Example.be",
        "--role",
        "promoter",
        "--organisation",
        "vzw BIK",
        "--municipality",
        "Kortrijk",
    )
    assert (result.returncode, result.stdout.strip()) == (
        0,
        "account created: ann@example.be (promoter)",
    )
    sessions = store.session_factory(store.make_engine(database))
    with sessions() as session:
        user = store.user_by_email(session, "ann@example.be")
        assert user is not None and user.organisation is not None
        assert user.organisation.name == "vzw BIK"
        assert user.password_hash.startswith("$argon2")
        assert "een-lang-wachtwoord" not in user.password_hash


def test_bad_accounts_exit_2_with_the_reason(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'k.sqlite3'}"
    assert add(database, "--email", "a@x.be", "--role", "analyst").returncode == 0
    cases = [
        (
            ("--email", "a@x.be", "--role", "analyst"),
            "user add: there is already an account for a@x.be",
        ),
        (("--email", "b@x.be", "--role", "chef"), "user add: unknown role 'chef'"),
        (("--email", "c@x.be", "--role", "promoter"), "--organisation and --municipality"),
        (("--email", "d@x.be", "--role", "municipality"), "needs its municipality"),
    ]
    for args, message in cases:
        result = add(database, *args)
        assert result.returncode == 2, args
        assert message in result.stderr, (args, result.stderr)
    short = add(database, "--email", "e@x.be", "--role", "analyst", password="kort")
    assert "at least 8 characters" in short.stderr
