"""Concurrent saves: optimistic locking holds when two transactions race for the same version."""

from __future__ import annotations

import threading

from klaverblad.store.errors import ConflictError
from klaverblad.store.repository import save_initiative
from tests.store.conftest import People
from tests.store.helpers import Sessions, current, document, names, row_counts, save


def test_two_concurrent_sessions_saving_the_same_version_exactly_one_wins(
    sessions: Sessions, people: People
) -> None:
    save(sessions, people.promoter_a, document(name="Eerste"), None)
    first, second = sessions(), sessions()
    outcome: list[object] = []

    def second_saves() -> None:
        try:
            author = people.user(second, people.analyst)
            save_initiative(second, author, document(name="Van B"), expected_version=1)
            second.commit()
            outcome.append("saved")
        except ConflictError as conflict:
            second.rollback()
            outcome.append(conflict)

    try:
        author = people.user(first, people.promoter_a)
        save_initiative(first, author, document(name="Van A"), expected_version=1)
        racer = threading.Thread(target=second_saves)
        racer.start()
        racer.join(0.5)
        assert racer.is_alive(), "the second writer must wait for the first transaction"
        first.commit()
        racer.join(20)
        assert not racer.is_alive()
    finally:
        first.close()
        second.close()
    assert len(outcome) == 1 and isinstance(outcome[0], ConflictError)
    assert outcome[0].current_version == 2
    assert names(sessions, "noord-klusjes") == ["Eerste", "Van A"]
    # The loser reloads version 2 and saves again: the history shows both edits.
    assert save(sessions, people.analyst, document(name="Van B"), 2) == 3
    assert names(sessions, "noord-klusjes") == ["Eerste", "Van A", "Van B"]


def test_many_writers_racing_from_the_same_version_produce_one_save(
    sessions: Sessions, people: People
) -> None:
    save(sessions, people.promoter_a, document(name="Eerste"), None)
    writers = 4
    start = threading.Barrier(writers)
    results: list[str] = []

    def write(index: int) -> None:
        start.wait()
        try:
            save(sessions, people.promoter_a, document(name=f"Schrijver {index}"), 1)
            results.append("saved")
        except ConflictError:
            results.append("conflict")

    threads = [threading.Thread(target=write, args=(index,)) for index in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(results) == ["conflict"] * (writers - 1) + ["saved"]
    assert current(sessions, "noord-klusjes") == 2
    assert row_counts(sessions) == (1, 2)


def test_two_people_creating_the_same_new_initiative_at_once_one_gets_a_conflict(
    sessions: Sessions, people: People
) -> None:
    first, second = sessions(), sessions()
    outcome: list[object] = []

    def second_creates() -> None:
        try:
            author = people.user(second, people.analyst)
            save_initiative(second, author, document(name="Van B"), expected_version=None)
            second.commit()
            outcome.append("saved")
        except ConflictError as conflict:
            second.rollback()
            outcome.append(conflict)

    try:
        author = people.user(first, people.promoter_a)
        save_initiative(first, author, document(name="Van A"), expected_version=None)
        racer = threading.Thread(target=second_creates)
        racer.start()
        racer.join(0.5)
        first.commit()
        racer.join(20)
    finally:
        first.close()
        second.close()
    assert len(outcome) == 1 and isinstance(outcome[0], ConflictError)
    assert names(sessions, "noord-klusjes") == ["Van A"]
