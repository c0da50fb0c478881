"""The login limit as designed in web/login_limits.py: per (account, address) pair, per
address, and a capped back-off per account, kept in the database, so that guessing is slowed
down and no stranger can lock anyone out."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from klaverblad.store import accounts, transaction
from klaverblad.store.models import LoginFailure
from klaverblad.web import create_app
from klaverblad.web.login_limits import (
    ACCOUNT_FAILURES,
    ACCOUNT_MAX_DELAY,
    ADDRESS_FAILURES,
    PAIR_FAILURES,
    WINDOW_SECONDS,
    LoginLimiter,
)
from tests.web.test_accounts_support import ANNA, BERT, log_in, make_app

START = 3_000_000.0
WRONG = "fout-fout-fout"


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with small parameters: these tests fail logins by the dozen."""
    monkeypatch.setattr(
        accounts, "_HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    )


def _app(directory: Path) -> tuple[FastAPI, list[float]]:
    app = make_app(directory)
    now = [START]
    app.state.login_limiter = LoginLimiter(clock=lambda: now[0])
    return app, now


def _from(app: FastAPI, address: str) -> TestClient:
    return TestClient(app, client=(address, 40000))


def _stored_failures(app: FastAPI) -> int:
    with transaction(app.state.sessions) as session:
        return session.scalar(select(func.count()).select_from(LoginFailure)) or 0


def test_a_strangers_failures_block_only_the_strangers_own_pair(tmp_path: Path) -> None:
    app, _ = _app(tmp_path)
    stranger = _from(app, "192.0.2.66")
    for _ in range(PAIR_FAILURES):
        assert log_in(stranger, ANNA, WRONG).status_code == 422
    assert log_in(stranger, ANNA).status_code == 429  # the stranger's pair is blocked …
    assert log_in(_from(app, "198.51.100.10"), ANNA).status_code == 303  # … Anna is not


def test_a_blocked_pair_does_not_block_other_accounts_from_that_address(tmp_path: Path) -> None:
    app, _ = _app(tmp_path)
    office = _from(app, "198.51.100.20")
    for _ in range(PAIR_FAILURES):
        assert log_in(office, ANNA, WRONG).status_code == 422
    assert log_in(office, BERT).status_code == 303


def test_guesses_at_many_accounts_from_one_address_block_that_address_only(
    tmp_path: Path,
) -> None:
    app, now = _app(tmp_path)
    stuffer = _from(app, "192.0.2.77")
    for number in range(ADDRESS_FAILURES):
        assert log_in(stuffer, f"lijst{number}@nergens.be", WRONG).status_code == 422
    blocked = log_in(stuffer, BERT)
    assert blocked.status_code == 429 and blocked.headers["retry-after"] == str(WINDOW_SECONDS)
    assert log_in(_from(app, "198.51.100.21"), BERT).status_code == 303
    now[0] = START + WINDOW_SECONDS
    assert log_in(stuffer, BERT).status_code == 303


def test_failures_from_many_addresses_slow_the_account_down_but_never_lock_it_out(
    tmp_path: Path,
) -> None:
    app, now = _app(tmp_path)
    # A crowd of strangers, each well under its own limits, far past the account's count:
    # every wait they meet is at most ACCOUNT_MAX_DELAY.
    failures = 0
    while failures < ACCOUNT_FAILURES + 10:
        answer = log_in(_from(app, f"203.0.113.{failures + 1}"), ANNA, WRONG)
        if answer.status_code == 429:
            wait = int(answer.headers["retry-after"])
            assert 0 < wait <= math.ceil(ACCOUNT_MAX_DELAY)
            now[0] += wait
        else:
            assert answer.status_code == 422
            failures += 1
    assert now[0] - START < WINDOW_SECONDS
    anna = _from(app, "198.51.100.30")
    waited = log_in(anna, ANNA)
    assert waited.status_code == 429
    assert 0 < int(waited.headers["retry-after"]) <= math.ceil(ACCOUNT_MAX_DELAY)
    now[0] += ACCOUNT_MAX_DELAY
    assert log_in(anna, ANNA).status_code == 303


def test_five_requests_of_a_stranger_never_keep_the_real_user_out(tmp_path: Path) -> None:
    app, _ = _app(tmp_path)
    for number in range(PAIR_FAILURES):
        assert log_in(_from(app, f"192.0.2.{number + 1}"), ANNA, WRONG).status_code == 422
    assert log_in(_from(app, "198.51.100.31"), ANNA).status_code == 303


def test_a_successful_login_clears_its_own_pair(tmp_path: Path) -> None:
    app, _ = _app(tmp_path)
    anna = _from(app, "198.51.100.40")
    for _ in range(PAIR_FAILURES - 1):
        assert log_in(anna, ANNA, WRONG).status_code == 422
    assert log_in(_from(app, "192.0.2.9"), ANNA, WRONG).status_code == 422  # another pair
    assert log_in(anna, ANNA).status_code == 303
    assert _stored_failures(app) == 1  # only the other pair's failure is left
    for _ in range(PAIR_FAILURES - 1):  # a fresh count for Anna's pair
        assert log_in(anna, ANNA, WRONG).status_code == 422
    assert log_in(anna, ANNA).status_code == 303


def test_the_limit_is_shared_by_every_worker_and_survives_a_restart(tmp_path: Path) -> None:
    first, _ = _app(tmp_path)
    for _ in range(PAIR_FAILURES):
        assert log_in(_from(first, "192.0.2.50"), ANNA, WRONG).status_code == 422
    # Another process on the same database (or this one after a restart).
    second = create_app(first.state.settings)
    second.state.login_limiter = LoginLimiter(clock=lambda: START + 60)
    blocked = log_in(_from(second, "192.0.2.50"), ANNA)
    assert blocked.status_code == 429
    assert blocked.headers["retry-after"] == str(WINDOW_SECONDS - 60)


def test_failures_older_than_the_window_are_pruned(tmp_path: Path) -> None:
    app, now = _app(tmp_path)
    for number in range(3):
        assert log_in(_from(app, f"192.0.2.{number + 1}"), ANNA, WRONG).status_code == 422
    assert _stored_failures(app) == 3
    now[0] = START + WINDOW_SECONDS + 1
    assert log_in(_from(app, "192.0.2.99"), BERT, WRONG).status_code == 422
    assert _stored_failures(app) == 1
