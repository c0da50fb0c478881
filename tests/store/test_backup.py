"""Backup and restore: export → import into an empty database → export is the same document."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from klaverblad.store import backup
from klaverblad.store.accounts import authenticate, create_user
from klaverblad.store.backup import export_all, import_all, read_backup
from klaverblad.store.database import make_engine, session_factory, transaction, upgrade
from klaverblad.store.errors import ImportRefusedError
from klaverblad.store.repository import restore_version, save_initiative
from tests.builders import initiative_data, person
from tests.store.conftest import PASSWORD, People

Sessions = sessionmaker[Session]


def _fill(sessions: Sessions, people: People) -> None:
    with transaction(sessions) as session:
        promoter = people.user(session, people.promoter_a)
        noord = {"name": "vzw Noord", "legal_form": "vzw", "municipality": "Kortrijk"}
        first = initiative_data(id="noord", promoter=noord, people=[person()])
        save_initiative(session, promoter, first, expected_version=None, note="start")
        second = dict(first, name="Met een tweede versie: é, ü, €")
        save_initiative(session, promoter, second, expected_version=1)
        restore_version(session, promoter, "noord", 1, expected_version=2)
        analyst = people.user(session, people.analyst)
        zuid = {"name": "vzw Zuid", "legal_form": "vzw", "municipality": "Gent"}
        save_initiative(
            session, analyst, initiative_data(id="zuid", promoter=zuid), expected_version=None
        )
        people.user(session, people.admin).active = False


def _export(sessions: Sessions) -> str:
    with transaction(sessions) as session:
        return json.dumps(export_all(session), ensure_ascii=False, indent=1)


def test_export_then_import_into_an_empty_database_gives_back_the_same_document(
    sessions: Sessions, people: People, new_database: Callable[[], str]
) -> None:
    _fill(sessions, people)
    exported = _export(sessions)
    empty_url = new_database()
    upgrade(empty_url)
    engine = make_engine(empty_url)
    try:
        restored = session_factory(engine)
        with transaction(restored) as session:
            import_all(session, json.loads(exported))
        assert _export(restored) == exported
        # The restored store works on: hashes sign in, ids continue, versions go on.
        with transaction(restored) as session:
            assert authenticate(session, people.promoter_a, PASSWORD) is not None
            assert authenticate(session, people.admin, PASSWORD) is None  # still deactivated
            newcomer = create_user(
                session, email="new@x.be", display_name="N", role="analyst", password=PASSWORD
            )
            assert newcomer.id == 6
            data: dict[str, Any] = json.loads(exported)["initiatives"][0]["versions"][0]["document"]
            assert save_initiative(session, newcomer, data, expected_version=3).number == 4
    finally:
        engine.dispose()


def test_the_export_names_every_organisation_user_initiative_and_version(
    sessions: Sessions, people: People
) -> None:
    _fill(sessions, people)
    exported = json.loads(_export(sessions))
    assert [organisation["name"] for organisation in exported["organisations"]] == [
        "vzw Noord",
        "vzw Zuid",
    ]
    assert len(exported["users"]) == 5
    assert all(user["password_hash"].startswith("$argon2") for user in exported["users"])
    assert [initiative["id"] for initiative in exported["initiatives"]] == ["noord", "zuid"]
    noord = exported["initiatives"][0]
    assert [version["number"] for version in noord["versions"]] == [1, 2, 3]
    assert noord["versions"][2]["document"] == noord["versions"][0]["document"]
    assert noord["current_version"] == 3


def test_import_refuses_a_store_that_is_not_empty(sessions: Sessions, people: People) -> None:
    _fill(sessions, people)
    exported = json.loads(_export(sessions))
    with transaction(sessions) as session, pytest.raises(ImportRefusedError, match="empty"):
        import_all(session, exported)


def test_import_refuses_a_document_that_is_not_an_export(sessions: Sessions) -> None:
    broken: dict[str, Any] = {
        "format": "klaverblad-store",
        "format_version": 1,
        "organisations": [{"id": "x"}],
    }
    with transaction(sessions) as session:
        not_exports: list[Any] = [[], {"format": "other"}, broken]
        for data in not_exports:
            with pytest.raises(ImportRefusedError):
                import_all(session, data)


def test_import_refuses_versions_that_do_not_count_up_to_the_current_one(
    sessions: Sessions, people: People
) -> None:
    _fill(sessions, people)
    exported = json.loads(_export(sessions))
    exported["initiatives"][0]["current_version"] = 7
    with transaction(sessions) as session, pytest.raises(ImportRefusedError, match="numbered"):
        import_all(session, exported)


def test_a_backup_past_the_size_limit_is_refused_before_it_is_parsed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(backup, "BACKUP_BYTES", 10)
    with pytest.raises(ImportRefusedError, match="is larger than 0 MB"):
        read_backup(b'{"format": "klaverblad-store"}')


def test_reading_a_backup_refuses_bad_utf8_keys_twice_and_deep_nesting_in_one_line() -> None:
    for data, message in (
        (b"\xff{}", "is not UTF-8 text"),
        (b'{"a": 1, "a": 2}', "the key 'a' is given twice"),
        (b"[" * 50_000 + b"]" * 50_000, "is nested more than 20 levels deep"),
    ):
        with pytest.raises(ImportRefusedError) as raised:
            read_backup(data)
        assert message in str(raised.value)
        assert "\n" not in str(raised.value)


def test_a_backup_read_from_bytes_is_the_document_it_holds() -> None:
    assert read_backup(json.dumps({"format": "klaverblad-store"}).encode()) == {
        "format": "klaverblad-store"
    }
