"""Reading an initiative file (YAML or JSON) into a validated `Initiative`.

Bad input never raises anything but `InitiativeError`, whose problems each name the field:

>>> try:
...     parse_initiative({"id": "X"}, source="bad.yaml")
... except InitiativeError as error:
...     print(error.lines()[0])
bad.yaml: id: must contain only lower-case letters, digits and '-'
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from klaverblad.model.consistency import check_consistency
from klaverblad.model.initiative import Initiative
from klaverblad.model.limits import (
    ACTIVITIES,
    AGREEMENTS,
    DOCUMENT_BYTES,
    GRANTS,
    MAPPING_KEYS,
    MEGABYTE,
    PEOPLE,
)
from klaverblad.model.problems import WHOLE_FILE, Problem, from_pydantic
from klaverblad.model.safe_documents import DocumentError, check_depth, load_json, load_yaml

# Kept under its old name: the readers of uploads and forms check it before decoding.
MAX_FILE_BYTES = DOCUMENT_BYTES
# The lists of an initiative and how many entries each may have (docs/limits.md).
LIST_LIMITS = {
    "people": PEOPLE,
    "activities": ACTIVITIES,
    "agreements": AGREEMENTS,
    "grants": GRANTS,
}
# The path of a problem with a file that is not read at all.
THE_FILE = "(the file)"


class InitiativeError(Exception):
    """The input is not a valid initiative; `problems` says where and why."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        super().__init__(f"{source}: {len(problems)} problem(s)")
        self.source = source
        self.problems = problems

    def lines(self) -> list[str]:
        return [problem.line(self.source) for problem in self.problems]


def plain_message(error: dict[str, Any]) -> str:
    """A pydantic error in plain words (shared by every reader of user input)."""
    return from_pydantic(error, path="").message


def _too_many(data: dict[Any, Any]) -> list[Problem]:
    """The lists longer than their limit, found before any entry is validated."""
    return [
        Problem.of(name, "too_many_entries", count=len(items), limit=most)
        for name, most in LIST_LIMITS.items()
        if isinstance(items := data.get(name), list | tuple) and len(items) > most
    ]


def _document_problem(error: DocumentError) -> Problem:
    return Problem(error.where, error.reason, error.kind, error.params)


def parse_initiative(data: Any, source: str) -> Initiative:
    """Validate already-parsed data (a dict from YAML, JSON or a web form)."""
    if not isinstance(data, dict):
        raise InitiativeError(source, [Problem.of(WHOLE_FILE, "model_type")])
    too_many = _too_many(data)
    if too_many:
        raise InitiativeError(source, too_many)
    try:
        check_depth(data, max_keys=MAPPING_KEYS)
    except DocumentError as error:
        raise InitiativeError(source, [_document_problem(error)]) from None
    try:
        initiative = Initiative.model_validate(data)
    except ValidationError as error:
        problems = [from_pydantic(dict(item)) for item in error.errors()]
        raise InitiativeError(source, problems) from None
    problems = check_consistency(initiative)
    if problems:
        raise InitiativeError(source, problems)
    return initiative


def parse_text(text: str, source: str) -> Any:
    """YAML or JSON text as data; JSON is chosen by a `.json` source name or a leading '{'.
    A leading byte order mark (as Windows editors write) is ignored, as YAML itself does.
    The size is checked first, aliases and nesting before any value is built
    (`klaverblad.model.safe_documents`)."""
    text = text.removeprefix("\ufeff")
    if len(text) > DOCUMENT_BYTES or len(text.encode("utf-8", "surrogatepass")) > DOCUMENT_BYTES:
        raise InitiativeError(source, [_too_large(WHOLE_FILE)])
    if _has_surrogate(text):
        raise InitiativeError(source, [Problem.of(WHOLE_FILE, "not_unicode")])
    try:
        if source.lower().endswith(".json") or text.lstrip().startswith("{"):
            return load_json(text)
        return load_yaml(text)
    except DocumentError as error:
        raise InitiativeError(source, [_document_problem(error)]) from None


def _too_large(path: str) -> Problem:
    return Problem.of(path, "document_too_large", megabytes=DOCUMENT_BYTES // MEGABYTE)


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def load_initiative(path: Path | str) -> Initiative:
    """Read and validate an initiative file; raises `InitiativeError` for any bad input."""
    source = str(path)
    try:
        with Path(path).open("rb") as file:
            raw = file.read(DOCUMENT_BYTES + 1)  # never more than the limit into memory
    except OSError as error:
        problem = Problem.of(THE_FILE, "cannot_read", reason=error.strerror)
        raise InitiativeError(source, [problem]) from None
    if len(raw) > DOCUMENT_BYTES:
        raise InitiativeError(source, [_too_large(THE_FILE)])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InitiativeError(source, [Problem.of(THE_FILE, "not_utf8")]) from None
    return parse_initiative(parse_text(text, source), source)
