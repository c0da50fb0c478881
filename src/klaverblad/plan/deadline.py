"""The time budget of the computation under way: a deadline in a context variable, and
`check_deadline()`, called between the stages of a plan and between the initiatives of a
portfolio, which raises `TimeBudgetExceeded` once it has passed.

The web application sets the deadline for each request (`klaverblad.web.time_budget`); anyio's
thread pool copies the context into the worker thread that computes, so the deadline follows
the request there. Without a deadline (the command line, the tests) nothing is ever stopped.

>>> with time_budget(60):
...     check_deadline()  # well within a minute
>>> try:
...     with time_budget(0):
...         check_deadline()
... except TimeBudgetExceeded as error:
...     print(error)
the computation took longer than 0 s, its time budget
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Deadline:
    """When the computation must stop (`time.monotonic()` seconds) and the budget it had."""

    at: float
    seconds: float


DEADLINE: ContextVar[Deadline | None] = ContextVar("klaverblad_deadline", default=None)


def seconds_text(seconds: float) -> str:
    """10 → '10', 0.5 → '0.5'."""
    return f"{seconds:g}"


class TimeBudgetExceeded(Exception):  # noqa: N818 (the name the issue gives it)
    """The computation passed its deadline; `seconds` is the budget it had."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"the computation took longer than {seconds_text(seconds)} s, its time budget"
        )
        self.seconds = seconds


def check_deadline() -> None:
    """Raise `TimeBudgetExceeded` when the current context has a deadline and it has passed."""
    deadline = DEADLINE.get()
    if deadline is not None and time.monotonic() >= deadline.at:
        raise TimeBudgetExceeded(deadline.seconds)


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """A deadline `seconds` from now for what runs inside (in this context)."""
    token = DEADLINE.set(Deadline(time.monotonic() + seconds, seconds))
    try:
        yield
    finally:
        DEADLINE.reset(token)
