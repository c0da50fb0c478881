"""`klaverblad export-all` / `import-all`: every initiative, version and account (hashes only)
round-trips exactly; a non-empty database or a broken file is refused with one plain line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from klaverblad import store
from klaverblad.web.examples import example_initiative

PASSWORD = "een-lang-wachtwoord"


def run(database: str, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "KLAVERBLAD_DATABASE_URL": database}
    return subprocess.run(
        [sys.executable, "-m", "klaverblad", *args],
        capture_output=True,
        text=True,
        check=False,
        env=environment,
    )


def _filled(database: str) -> None:
    store.upgrade(database)
    bik = example_initiative("bik-klusjesdienst.yaml")
    assert bik is not None
    sessions = store.session_factory(store.make_engine(database))
    with store.transaction(sessions) as session:
        home = store.ensure_organisation(session, "vzw BIK", "Kortrijk")
        author = store.create_user(
            session,
            email="ann@example.be",
            display_name="Ann",
            role="promoter",
            password=PASSWORD,
            organisation=home,
        )
        store.save_initiative(session, author, bik, expected_version=None, note="eerste")
        changed = {**bik, "name": "BIK klusjesdienst (herzien)"}
        store.save_initiative(session, author, changed, expected_version=1, note="tweede")


def test_export_then_import_into_an_empty_database_gives_the_identical_document(
    tmp_path: Path,
) -> None:
    source = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    target = f"sqlite:///{tmp_path / 'b.sqlite3'}"
    _filled(source)
    exported = run(source, "export-all", "--output", str(tmp_path / "backup.json"))
    assert exported.returncode == 0, exported.stderr
    document = json.loads((tmp_path / "backup.json").read_text(encoding="utf-8"))
    assert [v["note"] for v in document["initiatives"][0]["versions"]] == ["eerste", "tweede"]
    assert PASSWORD not in (tmp_path / "backup.json").read_text(encoding="utf-8")
    assert document["users"][0]["password_hash"].startswith("$argon2")

    imported = run(target, "import-all", str(tmp_path / "backup.json"))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip() == (
        "imported 1 organisations, 1 accounts, 1 initiatives with 2 versions"
    )
    again = run(target, "export-all")
    assert json.loads(again.stdout) == document
    # The account still logs in with its password: the hash came across unchanged.
    sessions = store.session_factory(store.make_engine(target))
    with sessions() as session:
        assert store.authenticate(session, "ann@example.be", PASSWORD) is not None


def test_import_into_a_database_that_is_not_empty_is_refused_and_changes_nothing(
    tmp_path: Path,
) -> None:
    database = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    _filled(database)
    (tmp_path / "backup.json").write_text(run(database, "export-all").stdout, encoding="utf-8")
    result = run(database, "import-all", str(tmp_path / "backup.json"))
    assert result.returncode == 2
    assert "import-all restores into an empty database only" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_that_is_not_an_export_is_refused_with_one_plain_line(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    (tmp_path / "broken.json").write_text("{ niet json", encoding="utf-8")
    (tmp_path / "other.json").write_text('{"format": "iets"}', encoding="utf-8")
    broken = run(database, "import-all", str(tmp_path / "broken.json"))
    other = run(database, "import-all", str(tmp_path / "other.json"))
    assert broken.returncode == other.returncode == 2
    assert "not valid JSON" in broken.stderr and "line 1" in broken.stderr
    assert "not a Klaverblad store export" in other.stderr


EXPORT_HEAD = '{"format": "klaverblad-store", "format_version": 1, '
ORGANISATION = {"id": 1, "name": "vzw", "municipality": "Gent", "created_at": "2024-01-01T00:00Z"}


def _export(**changes: object) -> str:
    document = {
        "format": "klaverblad-store",
        "format_version": 1,
        "organisations": [ORGANISATION],
        "users": [],
        "initiatives": [],
    }
    document.update(changes)
    return json.dumps(document)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            EXPORT_HEAD + '"organisations": ' + "[" * 100_000 + "]" * 100_000 + "}",
            "is not a backup: (the whole file): is nested more than 20 levels deep",
        ),
        (
            '{"format": "klaverblad-store", "format": "x"}',
            "is not a backup: (the whole file): not valid JSON: the key 'format' is given twice",
        ),
        (
            EXPORT_HEAD[:-2] + ', "x": ' + "9" * 5000 + "}",
            "is not a backup: (the whole file): not valid JSON: a number has far too many digits",
        ),
        ('{"format": "klaverblad-store", "format_version": NaN}', "unknown export format version"),
        (
            _export(organisations=[{**ORGANISATION, "name": "vzw \ud800"}]),
            "cannot be restored: UnicodeEncodeError",
        ),
        (
            _export(organisations=[{**ORGANISATION, "id": 10**30}]),
            "cannot be restored: OverflowError",
        ),
        (
            _export(organisations=[{"id": "x" * 10_000}] * 1000),
            "the export is not valid: organisations.0.id: Input should be a valid integer; "
            "organisations.0.name: Field required; organisations.0.municipality: Field required; "
            "and 3997 more",
        ),
    ],
    ids=["deep", "key-twice", "5000-digits", "nan", "surrogate", "huge-id", "many-problems"],
)
def test_a_malformed_backup_is_one_plain_line_naming_the_file_and_exit_2(
    tmp_path: Path, text: str, message: str
) -> None:
    # The deep one printed a traceback before.
    database = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    path = tmp_path / "backup.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    completed = run(database, "import-all", str(path))
    assert completed.returncode == 2
    assert "Traceback" not in completed.stderr
    (line,) = completed.stderr.splitlines()
    assert line.startswith(f"{path}: ")
    assert message in line
    assert len(line) < 400


def test_the_import_all_help_says_how_large_a_backup_may_be(tmp_path: Path) -> None:
    completed = run(f"sqlite:///{tmp_path / 'a.sqlite3'}", "import-all", "--help")
    assert "at most 500 MB" in completed.stdout
