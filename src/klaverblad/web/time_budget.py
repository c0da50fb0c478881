"""The time budget of one request: plans, comparisons and portfolios stop when it runs out,
with a 503 the client may retry, while the worker goes on serving others.

`TimeBudgetMiddleware` (pure ASGI) sets a deadline for every HTTP request in the context
variable of `klaverblad.plan.deadline`; the computations check it between their stages. The
budget is `PLAN_SECONDS` of the limits table, else the `plan_seconds` the app is given (from
its Settings), else the environment variable `KLAVERBLAD_PLAN_SECONDS` (read at each request,
so tests can shorten it).

The answer (installed by `install_time_budget_handler`): on /api
`{"errors": [{"path": "(the request)", "message": "…took longer than 10 s…"}]}`, on a page a
503 page in the visitor's language; both with `Retry-After`. `create_app` adds the middleware
and `klaverblad.web.errors` the handler.
"""

from __future__ import annotations

import logging
import math
import os
import time

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from klaverblad.messages import N_, words
from klaverblad.model.limits import PLAN_SECONDS
from klaverblad.plan.deadline import DEADLINE, Deadline, TimeBudgetExceeded, seconds_text
from klaverblad.web.api.limits import API_PREFIX

logger = logging.getLogger("klaverblad.web")

PLAN_SECONDS_VARIABLE = "KLAVERBLAD_PLAN_SECONDS"
# Seconds a client should wait before it tries again (the worker is free by then).
RETRY_AFTER_SECONDS = 30
REQUEST_PATH = "(the request)"
_PAGE_WORDS = words(N_("time_budget.title"), N_("time_budget.message"))


def budget_seconds(configured: float | None = None) -> float:
    """The budget of a request: `configured` when given, else KLAVERBLAD_PLAN_SECONDS when it
    is a positive number, else PLAN_SECONDS."""
    if configured is not None:
        return configured
    text = os.environ.get(PLAN_SECONDS_VARIABLE, "").strip()
    try:
        seconds = float(text) if text and len(text) <= 20 else math.nan
    except ValueError:
        seconds = math.nan
    return seconds if math.isfinite(seconds) and seconds > 0 else float(PLAN_SECONDS)


class TimeBudgetMiddleware:
    """Sets the request's deadline (see the module docstring) for everything the request runs,
    thread-pool endpoints included (anyio copies the context into the worker thread)."""

    def __init__(self, app: ASGIApp, seconds: float | None = None) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        seconds = budget_seconds(self.seconds)
        token = DEADLINE.set(Deadline(time.monotonic() + seconds, seconds))
        try:
            await self.app(scope, receive, send)
        finally:
            DEADLINE.reset(token)


def _is_api(request: Request) -> bool:
    return request.url.path == API_PREFIX or request.url.path.startswith(API_PREFIX + "/")


async def time_budget_exceeded(request: Request, error: Exception) -> Response:
    """503 with Retry-After: the API's error shape, or a page in the visitor's language."""
    assert isinstance(error, TimeBudgetExceeded)
    logger.warning(
        "%s %s stopped: over its time budget of %s s",
        request.method,
        request.url.path,
        seconds_text(error.seconds),
    )
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    if _is_api(request):
        message = (
            f"the computation took longer than {seconds_text(error.seconds)} s, the time "
            "budget of one request, and was stopped; try again later, or split the request "
            "(fewer people or initiatives, a shorter horizon)"
        )
        return JSONResponse(
            {"errors": [{"path": REQUEST_PATH, "message": message}]},
            status_code=503,
            headers=headers,
        )
    from klaverblad.web.render import render
    from klaverblad.web.urls import language_of

    words = _PAGE_WORDS.get(language_of(request), _PAGE_WORDS["nl"])
    title, message = words["title"], words["message"]
    page = render(
        request,
        "error.html",
        status_code=503,
        error_title=title,
        message=message.format(seconds=seconds_text(error.seconds)),
    )
    page.headers.update(headers)
    return page
