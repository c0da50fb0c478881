"""The login limit: password guessing is slowed down, and a stranger cannot lock anyone out.

Failures are kept in the database (`store/login_failures.py`, table `login_failures`), so
every worker process counts the same failures and a restart forgets nothing. Three counts,
each over the last `WINDOW_SECONDS` (15 minutes):

1. **Per (account, address) pair** — `PAIR_FAILURES` (5) failures for one e-mail address from
   one client address block that pair, and only that pair, until the oldest of those five is
   15 minutes old. Someone guessing at Anna's password from their address blocks themselves;
   Anna, at her own address, still logs in.
2. **Per address, over all accounts** — `ADDRESS_FAILURES` (20) failures from one address,
   whatever accounts they named, block that address in the same way (credential stuffing: one
   guess at each of many accounts).
3. **Per account, over all addresses** — a slower back-off instead of a block: after
   `ACCOUNT_FAILURES` (10) failures for one account from anywhere, each further attempt for it
   waits `ACCOUNT_FIRST_DELAY` (1 s) after the latest failure, doubling with every further
   failure, at most `ACCOUNT_MAX_DELAY` (30 s). Guessing from many addresses gets about one
   try per 30 seconds per account; the real user is never kept out for more than 30 seconds,
   however many strangers try — no number of requests locks an account for 15 minutes.

A refused attempt (429) is not a failure: it does not push the end of a block out. A
successful login clears the failures of its own pair (not those of its address with other
accounts, nor the account's from other addresses). An attempt is recorded as a failure
*before* the password is checked (and removed when it was right), so that simultaneous
requests cannot all slip under the count while Argon2 runs. Failures older than the window
are deleted as new ones come in.

The decision itself is a plain function of the failures and the time:

>>> from klaverblad.store.login_failures import Failure
>>> pair = [Failure(True, True, 100.0 + minute * 60) for minute in range(5)]
>>> blocked_until(pair, now=400.0)       # five from Anna's pair: until the first is 15 min old
1000.0
>>> blocked_until(pair[:4], now=400.0) is None
True
>>> elsewhere = [Failure(True, False, 100.0 + second) for second in range(12)]
>>> blocked_until(elsewhere, now=112.0)  # 12 for the account from elsewhere: 4 s after the last
115.0

The clock is injectable (`LoginLimiter(clock=…)` on `app.state.login_limiter`) so that tests
can move time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence

from sqlalchemy.orm import Session, sessionmaker
from starlette.requests import Request

from klaverblad.store import transaction
from klaverblad.store.login_failures import (
    Failure,
    add_failure,
    clear_pair,
    prune_failures,
    recent_failures,
    remove_failure,
)

WINDOW_SECONDS = 15 * 60
PAIR_FAILURES = 5
ADDRESS_FAILURES = 20
ACCOUNT_FAILURES = 10
ACCOUNT_FIRST_DELAY = 1.0
ACCOUNT_MAX_DELAY = 30.0
# The doubling stops here (2**5 s already passes the 30 s cap).
_MAX_DOUBLINGS = 16

Sessions = sessionmaker[Session]


def _block_end(times: Sequence[float], limit: int) -> float | None:
    """When the `limit`-th most recent of `times` leaves the window (None: fewer than that)."""
    return times[-limit] + WINDOW_SECONDS if len(times) >= limit else None


def blocked_until(failures: Sequence[Failure], now: float) -> float | None:
    """When an attempt for the account from the address of `failures` (those that named the
    account or came from the address, oldest first) is allowed again; None: now."""
    recent = [failure for failure in failures if failure.at > now - WINDOW_SECONDS]
    pair = [f.at for f in recent if f.same_account and f.same_client]
    address = [f.at for f in recent if f.same_client]
    account = [f.at for f in recent if f.same_account]
    ends = [_block_end(pair, PAIR_FAILURES), _block_end(address, ADDRESS_FAILURES)]
    if len(account) >= ACCOUNT_FAILURES:
        doublings = min(len(account) - ACCOUNT_FAILURES, _MAX_DOUBLINGS)
        delay = min(ACCOUNT_MAX_DELAY, ACCOUNT_FIRST_DELAY * 2**doublings)
        ends.append(account[-1] + delay)
    waiting = [end for end in ends if end is not None and end > now]
    return max(waiting) if waiting else None


class LoginLimiter:
    """The login limit over the failures stored in the database (see the module docstring)."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock

    def retry_at(self, sessions: Sessions, email: str, client: str) -> float | None:
        """When attempts for `email` from `client` are allowed again (a clock time), or None
        when they are allowed now. Records nothing."""
        now = self.clock()
        with transaction(sessions) as session:
            failures = recent_failures(session, email, client, now - WINDOW_SECONDS)
        return blocked_until(failures, now)

    def attempt(self, sessions: Sessions, email: str, client: str) -> float | None:
        """Begin an attempt: None when it is allowed, and then it counts as a failure until
        `succeeded` clears it; else when it will be allowed (nothing recorded)."""
        now = self.clock()
        with transaction(sessions) as session:
            # Written first: on SQLite the write lock is taken before anything is counted.
            own = add_failure(session, email, client, now)
            earlier = recent_failures(session, email, client, now - WINDOW_SECONDS, excluding=own)
            retry = blocked_until(earlier, now)
            if retry is not None:
                remove_failure(session, own)
            else:
                prune_failures(session, now - WINDOW_SECONDS)
        return retry

    def succeeded(self, sessions: Sessions, email: str, client: str) -> None:
        """The password was right: forget the failures of this (account, address) pair."""
        with transaction(sessions) as session:
            clear_pair(session, email, client)


def login_limiter(request: Request) -> LoginLimiter:
    """The application's limiter (`app.state.login_limiter`), made on first use; a test may
    set its own, with its own clock, before the first request."""
    state = request.app.state
    with _CREATE_LOCK:
        limiter = getattr(state, "login_limiter", None)
        if not isinstance(limiter, LoginLimiter):
            limiter = LoginLimiter()
            state.login_limiter = limiter
    return limiter


_CREATE_LOCK = threading.Lock()


def client_address(request: Request) -> str:
    """The client's address: the socket's peer, or behind a proxy named in
    `KLAVERBLAD_TRUSTED_PROXIES` the address it forwarded (`proxies.py`)."""
    return request.client.host if request.client else "unknown"
