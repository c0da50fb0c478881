"""Accounts: Argon2 hashes only, password checks, roles that need an organisation or town."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from klaverblad.store.accounts import (
    authenticate,
    create_user,
    ensure_organisation,
    password_matches,
    set_password,
)
from klaverblad.store.backup import export_all
from klaverblad.store.database import transaction
from klaverblad.store.errors import AccountError
from tests.store.conftest import PASSWORD, People

Sessions = sessionmaker[Session]


def test_passwords_are_stored_only_as_argon2_hashes(sessions: Sessions, people: People) -> None:
    with transaction(sessions) as session:
        user = people.user(session, people.promoter_a)
        assert user.password_hash.startswith("$argon2")
        assert PASSWORD not in user.password_hash
        assert PASSWORD not in str(export_all(session))


def test_the_right_password_verifies_and_a_wrong_one_does_not(
    sessions: Sessions, people: People
) -> None:
    with transaction(sessions) as session:
        user = authenticate(session, people.promoter_a, PASSWORD)
        assert user is not None and user.email == people.promoter_a
        assert authenticate(session, " AN@Noord.be ", PASSWORD) is user
        assert authenticate(session, people.promoter_a, PASSWORD + "!") is None
        assert authenticate(session, "nobody@nowhere.be", PASSWORD) is None
        assert not password_matches("not a hash", PASSWORD)


def test_a_deactivated_account_cannot_sign_in(sessions: Sessions, people: People) -> None:
    with transaction(sessions) as session:
        people.user(session, people.analyst).active = False
    with transaction(sessions) as session:
        assert authenticate(session, people.analyst, PASSWORD) is None


def test_a_changed_password_replaces_the_old_one(sessions: Sessions, people: People) -> None:
    with transaction(sessions) as session:
        set_password(session, people.user(session, people.admin), "a new passphrase")
    with transaction(sessions) as session:
        assert authenticate(session, people.admin, PASSWORD) is None
        assert authenticate(session, people.admin, "a new passphrase") is not None


def test_an_account_is_refused_when_its_role_lacks_what_it_needs(
    sessions: Sessions, people: People
) -> None:
    with transaction(sessions) as session:
        noord = ensure_organisation(session, "vzw Noord", "Kortrijk")
        refusals = [
            dict(email="x@y.be", role="promoter"),
            dict(email="x@y.be", role="municipality"),
            dict(email="x@y.be", role="mayor"),
            dict(email="not-an-address", role="analyst"),
            dict(email=people.promoter_a.upper(), role="promoter", organisation=noord),
        ]
        for fields in refusals:
            with pytest.raises(AccountError):
                create_user(session, display_name="X", password=PASSWORD, **fields)  # type: ignore[arg-type]
        with pytest.raises(AccountError, match="at least 8"):
            create_user(session, email="k@y.be", display_name="K", role="analyst", password="kort")


def test_the_same_organisation_is_found_again_not_duplicated(sessions: Sessions) -> None:
    with transaction(sessions) as session:
        first = ensure_organisation(session, "vzw Noord", "Kortrijk")
        assert ensure_organisation(session, " vzw Noord ", "Kortrijk").id == first.id
        assert ensure_organisation(session, "vzw Noord", "Gent").id != first.id
        with pytest.raises(AccountError):
            ensure_organisation(session, "", "Gent")
