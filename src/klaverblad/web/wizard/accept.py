"""Accepting a default: a field that still shows a default carries the mark "standaardwaarde"
until the user changes it or says it is right ("Klopt", one field or every field of the
step). The draft then forgets that the value was a default, so the mark stays away on every
later page and in the review (the draft travels with the form: nothing is kept elsewhere).

The buttons post `go=accept:<path>` (`people[0].fte`, `horizon.months`) or `go=accept-step`.

>>> from datetime import date
>>> from klaverblad.web.wizard.draft import default_draft
>>> draft = default_draft("nl", date(2026, 11, 27))
>>> accept(draft, 1, "accept:horizon.months"), "horizon.months" in draft.top_defaults
(True, False)
>>> accept(draft, 3, "accept:people[0].fte"), "fte" in draft.items("people")[0].defaults
(True, False)
>>> accept(draft, 3, "accept:people[9].fte")
False
"""

from __future__ import annotations

from klaverblad.web.wizard.draft import Draft
from klaverblad.web.wizard.fields import LISTS, STEPS, field_at

ACCEPT_PREFIX = "accept:"
ACCEPT_STEP = "accept-step"


def accept_path(draft: Draft, path: str) -> bool:
    """Forget that the value at `path` is a default; False when no such field exists."""
    spec = field_at(path)
    if spec is None:
        return False
    if "[" not in path:
        draft.top_defaults.discard(spec.name)
        return True
    name, _, rest = path.partition("[")
    index = int(rest.partition("]")[0])
    items = draft.items(name)
    if index >= len(items):
        return False
    items[index].defaults.discard(spec.name)
    return True


def accept_step(draft: Draft, step: int) -> None:
    """Forget the defaults of every field step `step` shows (its top fields and list items)."""
    if not 1 <= step <= len(STEPS):
        return
    _key, lists, fields = STEPS[step - 1]
    for spec in fields:
        draft.top_defaults.discard(spec.name)
    for name in lists:
        if name in LISTS:
            for item in draft.items(name):
                item.defaults.clear()


def accept(draft: Draft, step: int, action: str) -> bool:
    """Carry out an accept button's `action` on the draft; False when it is none (or names
    no field)."""
    if action == ACCEPT_STEP:
        accept_step(draft, step)
        return True
    if action.startswith(ACCEPT_PREFIX):
        return accept_path(draft, action[len(ACCEPT_PREFIX) :])
    return False
