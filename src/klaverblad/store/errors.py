"""What the store refuses, as exceptions the CLI and the web turn into plain messages."""

from __future__ import annotations


class StoreError(Exception):
    """Base of every refusal by the store."""


class ConflictError(StoreError):
    """Someone saved the initiative since the caller read it: nothing was written.

    `current_version` is the version now current; reload it, merge, and save again with
    `expected_version=current_version`.
    """

    def __init__(self, initiative_id: str, expected_version: int | None, current_version: int):
        expected = "a new initiative" if expected_version is None else f"v{expected_version}"
        super().__init__(
            f"initiative '{initiative_id}' was saved by someone else: you edited {expected}, "
            f"the current version is v{current_version}"
        )
        self.initiative_id = initiative_id
        self.expected_version = expected_version
        self.current_version = current_version


class NotFoundError(StoreError):
    """No such initiative, version, user or organisation."""


class NotAllowedError(StoreError):
    """The user's role does not allow this on this initiative."""


class AccountError(StoreError):
    """A user or organisation cannot be created as asked (a known e-mail, a missing field)."""


class ImportRefusedError(StoreError):
    """`import_all` was given a document it cannot restore exactly (or a non-empty store)."""
