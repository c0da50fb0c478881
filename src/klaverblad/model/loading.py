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

from klaverblad.model.consistency import Problem, check_consistency
from klaverblad.model.echo import echo
from klaverblad.model.initiative import Initiative
from klaverblad.model.limits import (
    ACTIVITIES,
    AGREEMENTS,
    DOCUMENT_BYTES,
    GRANTS,
    MAPPING_KEYS,
    PEOPLE,
)
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


class InitiativeError(Exception):
    """The input is not a valid initiative; `problems` says where and why."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        super().__init__(f"{source}: {len(problems)} problem(s)")
        self.source = source
        self.problems = problems

    def lines(self) -> list[str]:
        return [problem.line(self.source) for problem in self.problems]


def _field_path(location: tuple[int | str, ...]) -> str:
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "(the whole file)"


_PLAIN_WORDS = {
    "missing": "is required but missing",
    "extra_forbidden": "is not a known field",
    "bool_type": "must be true or false",
    "int_type": "must be a whole number",
    "string_type": "must be text",
    "model_type": "must be a mapping of fields",
    "model_attributes_type": "must be a mapping of fields",
    "tuple_type": "must be a list",
    "dict_type": "must be a mapping",
}


def plain_message(error: dict[str, Any]) -> str:
    """A pydantic error in plain words (shared by every reader of user input)."""
    kind = error["type"]
    if kind in _PLAIN_WORDS:
        return _PLAIN_WORDS[kind]
    if kind == "string_pattern_mismatch":
        return "must contain only lower-case letters, digits and '-'"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"{echo(error.get('input'))} is not allowed; expected {expected}"
    if kind == "too_long":
        most = error.get("ctx", {}).get("max_length", "")
        return f"is too long: at most {most} allowed"
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def _too_many(data: dict[Any, Any]) -> list[Problem]:
    """The lists longer than their limit, found before any entry is validated."""
    return [
        Problem(name, f"has {len(items)} entries; at most {most} are allowed (docs/limits.md)")
        for name, most in LIST_LIMITS.items()
        if isinstance(items := data.get(name), list | tuple) and len(items) > most
    ]


def parse_initiative(data: Any, source: str) -> Initiative:
    """Validate already-parsed data (a dict from YAML, JSON or a web form)."""
    if not isinstance(data, dict):
        raise InitiativeError(source, [Problem("(the whole file)", "must be a mapping of fields")])
    too_many = _too_many(data)
    if too_many:
        raise InitiativeError(source, too_many)
    try:
        check_depth(data, max_keys=MAPPING_KEYS)
    except DocumentError as error:
        raise InitiativeError(source, [Problem(error.where, error.reason)]) from None
    try:
        initiative = Initiative.model_validate(data)
    except ValidationError as error:
        problems = [
            Problem(_field_path(tuple(item["loc"])), plain_message(dict(item)))
            for item in error.errors()
        ]
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
        raise InitiativeError(
            source, [Problem("(the whole file)", f"is larger than {_megabytes(DOCUMENT_BYTES)}")]
        )
    if _has_surrogate(text):
        raise InitiativeError(source, [Problem("(the whole file)", "is not valid Unicode text")])
    try:
        if source.lower().endswith(".json") or text.lstrip().startswith("{"):
            return load_json(text)
        return load_yaml(text)
    except DocumentError as error:
        raise InitiativeError(source, [Problem(error.where, error.reason)]) from None


def _megabytes(size: int) -> str:
    return f"{size // (1024 * 1024)} MB"


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
        raise InitiativeError(
            source, [Problem("(the file)", f"cannot be read: {error.strerror}")]
        ) from None
    if len(raw) > DOCUMENT_BYTES:
        raise InitiativeError(
            source, [Problem("(the file)", f"is larger than {_megabytes(DOCUMENT_BYTES)}")]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InitiativeError(source, [Problem("(the file)", "is not UTF-8 text")]) from None
    return parse_initiative(parse_text(text, source), source)
