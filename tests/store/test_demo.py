"""The local demo of `klaverblad serve --demo`: examples saved once, one account per role."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from klaverblad.store import authenticate, history, transaction, visible_initiatives
from klaverblad.store.demo import PASSWORD_FILE, load_demo
from klaverblad.web.examples import example_initiative

EXAMPLES = ["bik-klusjesdienst.yaml", "antwerpen-labour-for-neighbour.yaml", "ocmw-art60-2006.yaml"]


@pytest.fixture
def examples() -> list[dict[str, Any]]:
    documents = [example_initiative(name) for name in EXAMPLES]
    assert all(document is not None for document in documents)
    return [document for document in documents if document is not None]


def test_the_demo_saves_every_example_once_and_keeps_its_password(
    sessions: sessionmaker[Session], examples: list[dict[str, Any]], tmp_path: Path
) -> None:
    with transaction(sessions) as session:
        first = load_demo(session, examples, tmp_path)
    with transaction(sessions) as session:
        second = load_demo(session, examples, tmp_path)
        assert [v.number for v in history(session, "bik-klusjesdienst")] == [1]
    assert first.loaded == [
        "bik-klusjesdienst",
        "antwerpen-labour-for-neighbour",
        "ocmw-art60-2006",
    ]
    assert second.loaded == []
    assert second.password == first.password
    mode = (tmp_path / PASSWORD_FILE).stat().st_mode
    assert stat.S_IMODE(mode) == 0o600


def test_the_demo_promoter_sees_only_the_first_examples_organisation_and_the_municipality_its_town(
    sessions: sessionmaker[Session], examples: list[dict[str, Any]], tmp_path: Path
) -> None:
    with transaction(sessions) as session:
        login = load_demo(session, examples, tmp_path)
    roles = {account.role: account.email for account in login.accounts}
    with transaction(sessions) as session:
        promoter = authenticate(session, roles["promoter"], login.password)
        municipality = authenticate(session, roles["municipality"], login.password)
        analyst = authenticate(session, roles["analyst"], login.password)
        assert promoter is not None and municipality is not None and analyst is not None
        # BIK's promoter is vzw BIK (Kortrijk); the second example is Stad Antwerpen's.
        assert [i.id for i in visible_initiatives(session, promoter)] == ["bik-klusjesdienst"]
        assert [i.id for i in visible_initiatives(session, municipality)] == [
            "antwerpen-labour-for-neighbour"
        ]
        assert len(visible_initiatives(session, analyst)) == 3


def test_removing_the_password_file_gives_the_demo_accounts_a_new_password(
    sessions: sessionmaker[Session], examples: list[dict[str, Any]], tmp_path: Path
) -> None:
    with transaction(sessions) as session:
        old = load_demo(session, examples, tmp_path)
    (tmp_path / PASSWORD_FILE).unlink()
    with transaction(sessions) as session:
        new = load_demo(session, examples, tmp_path)
        email = new.accounts[0].email
        assert new.password != old.password
        assert authenticate(session, email, old.password) is None
        assert authenticate(session, email, new.password) is not None
