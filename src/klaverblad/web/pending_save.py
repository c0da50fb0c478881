"""A save whose login has expired is not lost: the login page carries it, and after logging in
the visitor confirms it on a page that shows the text again.

The save form's fields travel as hidden `pending.<name>` fields of the login form (only the
names a save form has), with `pending_action`, the save's address (a path on this site).
After the login, `resume_page` shows the text with a fresh CSRF token and one button that
posts it to that address: nothing is saved without the visitor pressing it, and the save then
meets the usual checks (rights, validation, the optimistic lock).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse

from klaverblad.web.access import safe_next
from klaverblad.web.render import render
from klaverblad.web.urls import language_of, url
from klaverblad.web.views.forms import text_field
from klaverblad.web.words.accounts import ACCOUNT_WORDS

PREFIX = "pending."
ACTION = "pending_action"
# The fields of the save forms (pages_mine, pages_saved) that may travel through the login.
NAMES = ("document", "note", "expected_version")


@dataclass(frozen=True)
class PendingSave:
    """A save to resume: where it goes and its fields."""

    action: str
    fields: dict[str, str] = field(default_factory=dict)

    def hidden(self) -> list[tuple[str, str]]:
        """The login form's hidden fields that carry this save."""
        return [(ACTION, self.action)] + [(PREFIX + k, v) for k, v in self.fields.items()]


def pending_from_form(form: FormData) -> PendingSave | None:
    """The save carried by a login form, or None (also for an action off this site)."""
    action = safe_next(text_field(form, ACTION))
    if action is None:
        return None
    fields = {name: text_field(form, PREFIX + name) for name in NAMES if PREFIX + name in form}
    return PendingSave(action, fields)


def login_for_save(request: Request, action: str, fields: dict[str, str]) -> HTMLResponse:
    """The login page (401) for a save posted without a valid login, carrying the save."""
    from klaverblad.web.login_page import login_page_response

    pending = PendingSave(action, {name: fields[name] for name in NAMES if name in fields})
    return login_page_response(request, pending=pending, status_code=401)


def resume_page(request: Request, pending: PendingSave) -> HTMLResponse:
    """After the login: the text again and one button that saves it."""
    return render(
        request,
        "login_resume.html",
        words=ACCOUNT_WORDS,
        pending=pending,
        text=pending.fields.get("document", ""),
        back_url=url("mine", language_of(request)),
    )
