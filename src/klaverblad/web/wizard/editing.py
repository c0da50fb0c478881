"""Which saved plan a wizard draft edits, if any.

A saved plan's page opens the wizard with its document and the version it shows
(`expected_version`); the draft carries that version through every step. Its review then
saves the next version of the plan the draft names (its `id`), with the store's optimistic
lock: a save in between is a conflict, never an overwrite. A draft without a version (or with
one that is not a positive whole number) is a new plan, saved in Mijn plannen.

>>> from klaverblad.web.wizard.draft import Draft
>>> edit_target(Draft({"id": " bik-klusjesdienst "}, expected_version="2"))
EditTarget(initiative_id='bik-klusjesdienst', version=2, next_version=3)
>>> edit_target(Draft({"id": "bik-klusjesdienst"})) is None
True
>>> edit_target(Draft({"id": "bik"}, expected_version="twee")) is None
True
>>> edit_target(Draft({"id": "other"}, expected_version="2", editing_id="bik")) is None
True
"""

from __future__ import annotations

from dataclasses import dataclass

from klaverblad.web.wizard.draft import Draft

# A version number is at most this many digits (the draft keeps up to 100 characters).
MAX_VERSION_DIGITS = 9


@dataclass(frozen=True)
class EditTarget:
    """The saved plan a draft edits and the version it was opened at."""

    initiative_id: str
    version: int
    next_version: int


def edit_target(draft: Draft) -> EditTarget | None:
    """The saved plan `draft` edits, or None for a new plan."""
    version = draft.expected_version.strip()
    identifier = draft.top.get("id")
    if not version.isdigit() or len(version) > MAX_VERSION_DIGITS or int(version) < 1:
        return None
    if not isinstance(identifier, str) or not identifier.strip():
        return None
    if draft.editing_id and identifier.strip() != draft.editing_id:
        return None  # the id was changed in the wizard: a new plan, not another plan's version
    return EditTarget(identifier.strip(), int(version), int(version) + 1)
