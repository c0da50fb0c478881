"""The login rate limit: after 5 failed logins for the same e-mail address or from the same
client address within 15 minutes, further attempts are refused until the oldest of those
failures is 15 minutes old.

Kept in memory, per application (a restart forgets it; several worker processes each keep
their own). The clock is injectable so that tests can move time:

>>> now = [1000.0]
>>> limiter = LoginLimiter(clock=lambda: now[0])
>>> for _ in range(5):
...     limiter.record_failure("a@b.be", "10.0.0.1")
>>> limiter.retry_at("A@B.be ", "10.0.0.9")    # the e-mail is blocked, from any address
1900.0
>>> now[0] = 1900.0
>>> limiter.retry_at("a@b.be", "10.0.0.1") is None
True
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

from starlette.requests import Request

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60
# Past this many remembered keys, every expired one is dropped at the next failure.
PRUNE_ABOVE = 10_000


class LoginLimiter:
    """Failed logins per e-mail address and per client address within a sliding window."""

    def __init__(
        self,
        clock: Callable[[], float] = time.time,
        max_failures: int = MAX_FAILURES,
        window_seconds: float = WINDOW_SECONDS,
    ) -> None:
        self.clock = clock
        self.max_failures = max_failures
        self.window_seconds = window_seconds
        self._failures: dict[str, deque[float]] = {}
        # Endpoints run in a thread pool: one lock around the counters.
        self._lock = threading.Lock()

    @staticmethod
    def _keys(email: str, client: str) -> tuple[str, str]:
        return f"email:{email.strip().lower()}", f"client:{client}"

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.get(key, deque())
        while times and times[0] <= now - self.window_seconds:
            times.popleft()
        if not times:
            self._failures.pop(key, None)
        return times

    def retry_at(self, email: str, client: str) -> float | None:
        """When attempts for `email` from `client` are allowed again (a clock time), or None
        when they are allowed now."""
        with self._lock:
            now = self.clock()
            blocked = [
                times[-self.max_failures] + self.window_seconds
                for key in self._keys(email, client)
                if len(times := self._recent(key, now)) >= self.max_failures
            ]
        return max(blocked) if blocked else None

    def record_failure(self, email: str, client: str) -> None:
        with self._lock:
            now = self.clock()
            if len(self._failures) > PRUNE_ABOVE:
                for key in list(self._failures):
                    self._recent(key, now)
            for key in self._keys(email, client):
                times = self._recent(key, now)
                times.append(now)
                self._failures[key] = times

    def forget(self, email: str) -> None:
        """A successful login clears its e-mail address (not the client address: one person
        logging in must not lift a block on guesses at other accounts from that address)."""
        with self._lock:
            self._failures.pop(self._keys(email, "")[0], None)


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
    """The client's address as the server saw it (behind a proxy: configure uvicorn's
    `--proxy-headers` so that this is the visitor, not the proxy)."""
    return request.client.host if request.client else "unknown"
