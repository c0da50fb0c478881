"""The login form as a page: e-mail, password, where to go next, and a save to resume (see
pending_save.py), with one message per missing field or one message for a wrong pair."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from fastapi.responses import HTMLResponse
from starlette.requests import Request

from klaverblad.model.consistency import Problem
from klaverblad.web.render import render
from klaverblad.web.urls import language_of, other, url
from klaverblad.web.words.accounts import ACCOUNT_WORDS

if TYPE_CHECKING:
    from klaverblad.web.pending_save import PendingSave

# Form fields of the login page (the HTML ids are `veld-<name>`).
EMAIL, PASSWORD, NEXT = "email", "password", "next"


def login_page_response(
    request: Request,
    *,
    email: str = "",
    next_path: str = "",
    problems: list[Problem] | None = None,
    failed: bool = False,
    pending: PendingSave | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """The form; `problems` name a field each, `failed` is the one message for a wrong pair."""
    language = language_of(request)
    invalid = {problem.path for problem in problems or []}
    if failed:
        invalid = {EMAIL, PASSWORD}
    switch = url("login", other(language))
    try:
        switch_url = f"{switch}?next={quote(next_path, safe='/')}" if next_path else switch
    except UnicodeEncodeError:  # a lone surrogate: the other language's page without `next`
        switch_url = switch
    return render(
        request,
        "login.html",
        switch_url=switch_url,
        words=ACCOUNT_WORDS,
        status_code=status_code,
        action=url("login", language),
        email=email,
        next_path=next_path,
        problems=problems or [],
        failed=failed,
        invalid=invalid,
        pending=pending,
        fields={"email": EMAIL, "password": PASSWORD, "next": NEXT},
    )
