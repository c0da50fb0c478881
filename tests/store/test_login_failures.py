"""The login limit's failures in the database (SQLite and PostgreSQL): counted per pair, per
address and per account, cleared per pair, pruned when old; the e-mail kept only as a hash."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from klaverblad.store.database import transaction
from klaverblad.store.login_failures import email_key
from klaverblad.store.models import LoginFailure
from klaverblad.web.login_limits import (
    ACCOUNT_FAILURES,
    ADDRESS_FAILURES,
    PAIR_FAILURES,
    WINDOW_SECONDS,
    LoginLimiter,
)

Sessions = sessionmaker[Session]
START = 1_700_000_000.0


def _limiter(now: list[float]) -> LoginLimiter:
    return LoginLimiter(clock=lambda: now[0])


def _rows(sessions: Sessions) -> list[tuple[str, str]]:
    with transaction(sessions) as session:
        return [(row.email_key, row.client) for row in session.scalars(select(LoginFailure))]


def test_five_failures_of_a_pair_block_that_pair_until_the_first_is_15_minutes_old(
    sessions: Sessions,
) -> None:
    now = [START]
    limiter = _limiter(now)
    for minute in range(PAIR_FAILURES):
        now[0] = START + 60 * minute
        assert limiter.attempt(sessions, "an@noord.be", "192.0.2.1") is None
    assert limiter.retry_at(sessions, "AN@noord.be ", "192.0.2.1") == START + WINDOW_SECONDS
    assert limiter.attempt(sessions, "an@noord.be", "192.0.2.1") == START + WINDOW_SECONDS
    assert limiter.retry_at(sessions, "an@noord.be", "192.0.2.2") is None
    assert limiter.retry_at(sessions, "bert@zuid.be", "192.0.2.1") is None
    assert len(_rows(sessions)) == PAIR_FAILURES  # the refused attempt left nothing


def test_an_address_is_blocked_after_failures_at_many_accounts(sessions: Sessions) -> None:
    limiter = _limiter([START])
    for number in range(ADDRESS_FAILURES):
        assert limiter.attempt(sessions, f"x{number}@nergens.be", "192.0.2.3") is None
    assert limiter.retry_at(sessions, "an@noord.be", "192.0.2.3") == START + WINDOW_SECONDS
    assert limiter.retry_at(sessions, "an@noord.be", "192.0.2.4") is None


def test_an_account_tried_from_many_addresses_backs_off_for_seconds_only(
    sessions: Sessions,
) -> None:
    limiter = _limiter([START])
    for number in range(ACCOUNT_FAILURES):
        assert limiter.attempt(sessions, "an@noord.be", f"203.0.113.{number}") is None
    retry = limiter.retry_at(sessions, "an@noord.be", "198.51.100.1")
    assert retry is not None and START < retry <= START + 30


def test_success_clears_its_pair_only_and_old_failures_are_pruned(sessions: Sessions) -> None:
    now = [START]
    limiter = _limiter(now)
    limiter.attempt(sessions, "an@noord.be", "192.0.2.5")
    limiter.attempt(sessions, "an@noord.be", "192.0.2.6")
    limiter.attempt(sessions, "bert@zuid.be", "192.0.2.5")
    limiter.succeeded(sessions, "An@Noord.be", "192.0.2.5")
    assert sorted(_rows(sessions)) == sorted(
        [(email_key("an@noord.be"), "192.0.2.6"), (email_key("bert@zuid.be"), "192.0.2.5")]
    )
    now[0] = START + WINDOW_SECONDS + 1
    limiter.attempt(sessions, "x@nergens.be", "192.0.2.7")
    assert _rows(sessions) == [(email_key("x@nergens.be"), "192.0.2.7")]


def test_the_e_mail_is_not_stored_readable(sessions: Sessions) -> None:
    _limiter([START]).attempt(sessions, "geheim-wachtwoord", "192.0.2.8")
    (stored_key, _client), *_ = _rows(sessions)
    assert "geheim" not in stored_key and len(stored_key) == 64
