"""Sharing is explicit: a saved plan is private until an editor shares it; its link can be
revoked and renewed, and a link once revoked or replaced never opens the plan again. The
migration to this rule makes every existing plan private without losing a version."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from klaverblad.store.database import (
    alembic_config,
    make_engine,
    session_factory,
    transaction,
    upgrade,
)
from klaverblad.store.errors import NotAllowedError, NotFoundError
from klaverblad.store.models import InitiativeVersion, User
from klaverblad.store.repository import (
    SHARE_TOKEN_ALPHABET,
    by_share_token,
    get_initiative,
    renew_share_link,
    restore_version,
    revoke_share_link,
    share_initiative,
)
from tests.store.conftest import People
from tests.store.helpers import Sessions, document, save

PLAN = "noord-klusjes"
Action = Callable[[Session, User, str], str | None]


def _share(sessions: Sessions, email: str, action: Action = share_initiative) -> str | None:
    with transaction(sessions) as session:
        return action(session, People().user(session, email), PLAN)


def _opens(sessions: Sessions, token: str) -> str | None:
    with transaction(sessions) as session:
        found = by_share_token(session, token)
        return None if found is None else found.id


def test_saving_never_shares(sessions: Sessions, people: People) -> None:
    save(sessions, people.promoter_a, document(name="Eerste"), None)
    save(sessions, people.promoter_a, document(name="Tweede"), 1)
    with transaction(sessions) as session:
        initiative = get_initiative(session, PLAN)
        assert initiative.shared is False
        token = initiative.share_token
    assert _opens(sessions, token) is None


def test_sharing_gives_a_short_url_safe_link_that_opens_the_plan(
    sessions: Sessions, people: People
) -> None:
    save(sessions, people.promoter_a, document(), None)
    token = _share(sessions, people.promoter_a)
    assert token is not None and len(token) == 10 and set(token) <= set(SHARE_TOKEN_ALPHABET)
    assert _opens(sessions, token) == PLAN
    assert _opens(sessions, "0000000000") is None


def test_sharing_a_shared_plan_again_keeps_its_link(sessions: Sessions, people: People) -> None:
    save(sessions, people.promoter_a, document(), None)
    first = _share(sessions, people.promoter_a)
    assert _share(sessions, people.analyst) == first


def test_the_link_stays_the_same_across_saves_and_restores(
    sessions: Sessions, people: People
) -> None:
    save(sessions, people.promoter_a, document(name="Eerste"), None)
    token = _share(sessions, people.promoter_a)
    assert token is not None
    save(sessions, people.promoter_a, document(name="Tweede"), 1)
    with transaction(sessions) as session:
        author = people.user(session, people.promoter_a)
        restore_version(session, author, PLAN, 1, expected_version=2)
    with transaction(sessions) as session:
        shared = by_share_token(session, token)
        assert shared is not None and shared.current_version == 3


def test_a_revoked_link_opens_nothing_even_after_sharing_again(
    sessions: Sessions, people: People
) -> None:
    save(sessions, people.promoter_a, document(), None)
    old = _share(sessions, people.promoter_a)
    assert old is not None
    _share(sessions, people.promoter_a, revoke_share_link)
    assert _opens(sessions, old) is None
    with transaction(sessions) as session:
        assert get_initiative(session, PLAN).shared is False
    new = _share(sessions, people.promoter_a)
    assert new is not None and new != old
    assert (_opens(sessions, old), _opens(sessions, new)) == (None, PLAN)


def test_renewing_replaces_the_link(sessions: Sessions, people: People) -> None:
    save(sessions, people.promoter_a, document(), None)
    old = _share(sessions, people.promoter_a)
    new = _share(sessions, people.admin, renew_share_link)
    assert old is not None and new is not None and new != old
    assert (_opens(sessions, old), _opens(sessions, new)) == (None, PLAN)


@pytest.mark.parametrize("action", [share_initiative, revoke_share_link, renew_share_link])
def test_only_an_editor_may_share_revoke_or_renew(
    sessions: Sessions, people: People, action: Action
) -> None:
    save(sessions, people.promoter_a, document(), None)
    token = _share(sessions, people.promoter_a)
    assert token is not None
    for outsider in (people.promoter_b, people.kortrijk):  # kortrijk may read, not edit
        with pytest.raises(NotAllowedError):
            _share(sessions, outsider, action)
    assert _opens(sessions, token) == PLAN


def test_sharing_an_unknown_plan_is_not_found(sessions: Sessions, people: People) -> None:
    with pytest.raises(NotFoundError):
        _share(sessions, people.admin)


def test_the_migration_makes_every_existing_plan_private_and_keeps_its_versions(
    database_url: str,
) -> None:
    """A store at revision 0003 (every plan had a live link) migrated to head."""
    upgrade(database_url, "0003")
    engine = make_engine(database_url)
    now = datetime(2026, 12, 1, tzinfo=UTC).replace(tzinfo=None)
    try:
        with engine.begin() as connection:
            statements = [
                "INSERT INTO organisations (id, name, municipality, created_at) "
                "VALUES (1, 'vzw Noord', 'Kortrijk', :now)",
                "INSERT INTO users (id, email, display_name, role, organisation_id, "
                "password_hash, created_at, active, session_generation) VALUES "
                "(1, 'an@noord.be', 'An', 'promoter', 1, 'x', :now, true, 0)",
                "INSERT INTO initiatives (id, organisation_id, municipality, current_version, "
                "share_token, created_at, updated_at) VALUES "
                "('oud-plan', 1, 'Kortrijk', 1, 'Oud1234567', :now, :now)",
                "INSERT INTO initiative_versions (id, initiative_id, number, document, "
                "author_id, created_at, note) VALUES "
                "(1, 'oud-plan', 1, '{}', 1, :now, '')",
            ]
            for statement in statements:
                connection.execute(text(statement), {"now": now})
        upgrade(database_url)
        sessions = session_factory(engine)
        with transaction(sessions) as session:
            assert get_initiative(session, "oud-plan").shared is False
            assert by_share_token(session, "Oud1234567") is None
            versions = select(func.count()).select_from(InitiativeVersion)
            assert session.scalar(versions) == 1
        command.downgrade(alembic_config(database_url), "0003")
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT id FROM initiatives")).scalars().all()
            count = connection.execute(text("SELECT count(*) FROM initiative_versions"))
            assert (rows, count.scalar_one()) == (["oud-plan"], 1)
    finally:
        engine.dispose()
