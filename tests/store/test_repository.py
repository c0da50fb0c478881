"""Saved initiatives: versions, history, restore, share links, optimistic locking, roles."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from klaverblad.model import InitiativeError
from klaverblad.store.database import transaction
from klaverblad.store.errors import ConflictError, NotAllowedError, NotFoundError
from klaverblad.store.models import Initiative
from klaverblad.store.repository import (
    get_initiative,
    get_version,
    history,
    restore_version,
    save_initiative,
    visible_initiatives,
)
from tests.builders import person
from tests.store.conftest import People
from tests.store.helpers import Sessions, current, document, names, row_counts, save


def test_every_save_is_a_new_version(sessions: Sessions, people: People) -> None:
    assert save(sessions, people.promoter_a, document(name="Eerste"), None) == 1
    assert save(sessions, people.promoter_a, document(name="Tweede"), 1) == 2
    assert save(sessions, people.promoter_a, document(name="Derde"), 2) == 3
    assert current(sessions, "noord-klusjes") == 3
    assert row_counts(sessions) == (1, 3)


def test_history_lists_every_version_oldest_first_with_author_time_and_note(
    sessions: Sessions, people: People
) -> None:
    save(sessions, people.promoter_a, document(name="Eerste"), None, note="start")
    save(sessions, people.analyst, document(name="Tweede"), 1, note="analyst correction")
    with transaction(sessions) as session:
        versions = history(session, "noord-klusjes")
        assert [version.number for version in versions] == [1, 2]
        assert [version.note for version in versions] == ["start", "analyst correction"]
        assert [version.author.email for version in versions] == [
            people.promoter_a,
            people.analyst,
        ]
        assert versions[0].created_at <= versions[1].created_at
        assert versions[0].created_at.utcoffset() is not None
        assert get_version(session, "noord-klusjes", 1).document["name"] == "Eerste"
        assert get_version(session, "noord-klusjes").document["name"] == "Tweede"
        with pytest.raises(NotFoundError):
            get_version(session, "noord-klusjes", 3)
        with pytest.raises(NotFoundError):
            history(session, "no-such-initiative")


def test_the_stored_document_is_the_validated_json_document(
    sessions: Sessions, people: People
) -> None:
    data = document(people=[person()], costs={"operating_per_year": 15000.0})
    save(sessions, people.promoter_a, data, None)
    with transaction(sessions) as session:
        assert get_version(session, "noord-klusjes", 1).document == data


def test_restoring_an_old_version_saves_its_content_as_a_new_version(
    sessions: Sessions, people: People
) -> None:
    save(sessions, people.promoter_a, document(name="Eerste"), None)
    save(sessions, people.promoter_a, document(name="Tweede"), 1)
    with transaction(sessions) as session:
        author = people.user(session, people.promoter_a)
        restored = restore_version(session, author, "noord-klusjes", 1, expected_version=2)
        assert (restored.number, restored.note) == (3, "restored version 1")
    assert names(sessions, "noord-klusjes") == ["Eerste", "Tweede", "Eerste"]
    with transaction(sessions) as session:
        author = people.user(session, people.promoter_a)
        with pytest.raises(ConflictError):
            restore_version(session, author, "noord-klusjes", 2, expected_version=2)


# Share links (private until shared, revoke, renew): tests/store/test_sharing.py.


def test_every_initiative_gets_its_own_share_token(sessions: Sessions, people: People) -> None:
    for index in range(12):
        save(sessions, people.promoter_a, document(f"noord-{index}"), None)
    with transaction(sessions) as session:
        tokens = session.scalars(select(Initiative.share_token)).all()
    assert len(tokens) == len(set(tokens)) == 12


def test_a_stale_expected_version_is_a_conflict_and_nothing_is_written(
    sessions: Sessions, people: People
) -> None:
    save(sessions, people.promoter_a, document(name="Eerste"), None)
    save(sessions, people.promoter_a, document(name="Tweede"), 1)
    with transaction(sessions) as session:
        before = get_initiative(session, "noord-klusjes").updated_at
    with transaction(sessions) as session:  # the caller commits even after the conflict
        author = people.user(session, people.promoter_a)
        with pytest.raises(ConflictError) as caught:
            save_initiative(session, author, document(name="Verouderd"), expected_version=1)
    assert (caught.value.expected_version, caught.value.current_version) == (1, 2)
    assert "v2" in str(caught.value)
    assert names(sessions, "noord-klusjes") == ["Eerste", "Tweede"]
    with transaction(sessions) as session:
        assert get_initiative(session, "noord-klusjes").updated_at == before
        assert get_initiative(session, "noord-klusjes").current_version == 2


def test_saving_a_new_initiative_whose_id_exists_is_a_conflict(
    sessions: Sessions, people: People
) -> None:
    save(sessions, people.promoter_a, document(name="Eerste"), None)
    with pytest.raises(ConflictError) as caught:
        save(sessions, people.promoter_a, document(name="Dubbel"), None)
    assert caught.value.current_version == 1
    assert names(sessions, "noord-klusjes") == ["Eerste"]


def test_an_invalid_initiative_is_refused_with_its_field_paths_and_nothing_is_written(
    sessions: Sessions, people: People
) -> None:
    bad = document(people=[person(fte=2)], horizon={"start": "2006-13", "months": 12})
    with pytest.raises(InitiativeError) as caught:
        save(sessions, people.promoter_a, bad, None)
    paths = {problem.path for problem in caught.value.problems}
    assert {"people[0].fte", "horizon.start"} <= paths
    assert row_counts(sessions) == (0, 0)
    save(sessions, people.promoter_a, document(name="Eerste"), None)
    with pytest.raises(InitiativeError):
        save(sessions, people.promoter_a, bad, 1)
    assert row_counts(sessions) == (1, 1)
    assert current(sessions, "noord-klusjes") == 1


def _portfolio(sessions: Sessions, email: str) -> list[str]:
    with transaction(sessions) as session:
        user = People().user(session, email)
        return [initiative.id for initiative in visible_initiatives(session, user)]


def test_each_role_sees_the_initiatives_it_may_read(sessions: Sessions, people: People) -> None:
    save(sessions, people.promoter_a, document("noord-kortrijk"), None)
    zuid = {"name": "vzw Zuid", "legal_form": "vzw", "municipality": "Gent"}
    save(sessions, people.promoter_b, document("zuid-gent", promoter=zuid), None)
    zuid_in_kortrijk = dict(zuid, municipality="Kortrijk")
    save(sessions, people.promoter_b, document("zuid-kortrijk", promoter=zuid_in_kortrijk), None)
    assert _portfolio(sessions, people.promoter_a) == ["noord-kortrijk"]
    assert _portfolio(sessions, people.promoter_b) == ["zuid-gent", "zuid-kortrijk"]
    assert _portfolio(sessions, people.kortrijk) == ["noord-kortrijk", "zuid-kortrijk"]
    everything = ["noord-kortrijk", "zuid-gent", "zuid-kortrijk"]
    assert _portfolio(sessions, people.analyst) == everything
    assert _portfolio(sessions, people.admin) == everything


def test_a_promoter_cannot_change_another_organisations_initiative(
    sessions: Sessions, people: People
) -> None:
    save(sessions, people.promoter_a, document(name="Eerste"), None)
    with pytest.raises(NotAllowedError):
        save(sessions, people.promoter_b, document(name="Overgenomen"), 1)
    with pytest.raises(NotAllowedError):
        save(sessions, people.kortrijk, document(name="Gemeente"), 1)
    assert names(sessions, "noord-klusjes") == ["Eerste"]


def test_a_new_initiative_with_another_organisations_id_is_the_same_conflict_as_with_ones_own(
    sessions: Sessions, people: People
) -> None:
    save(sessions, people.promoter_a, document(name="Eerste"), None)
    refusals = []
    for email in (people.promoter_b, people.promoter_a):
        with pytest.raises(ConflictError) as caught:
            save(sessions, email, document(name="Nog eens"), None)
        refusals.append((type(caught.value), str(caught.value)))
    assert refusals[0] == refusals[1]
    assert names(sessions, "noord-klusjes") == ["Eerste"]


def test_an_analyst_saving_a_new_initiative_files_it_under_the_documents_promoter(
    sessions: Sessions, people: People
) -> None:
    save(sessions, people.analyst, document(name="Door analist"), None)
    assert _portfolio(sessions, people.promoter_a) == ["noord-klusjes"]
    nieuw = {"name": "vzw Nieuw", "legal_form": "vzw", "municipality": "Brugge"}
    save(sessions, people.analyst, document("nieuw", promoter=nieuw), None)
    with transaction(sessions) as session:
        assert get_initiative(session, "nieuw").organisation.name == "vzw Nieuw"
