"""Reading an initiative file (YAML or JSON) into a validated `Initiative`.

Bad input never raises anything but `InitiativeError`, whose problems each name the field:

>>> try:
...     parse_initiative({"id": "X"}, source="bad.yaml")
... except InitiativeError as error:
...     print(error.lines()[0])
bad.yaml: id: must contain only lower-case letters, digits and '-'
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from klaverblad.model.consistency import Problem, check_consistency
from klaverblad.model.initiative import Initiative

MAX_FILE_BYTES = 5_000_000


class InitiativeError(Exception):
    """The input is not a valid initiative; `problems` says where and why."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        super().__init__(f"{source}: {len(problems)} problem(s)")
        self.source = source
        self.problems = problems

    def lines(self) -> list[str]:
        return [problem.line(self.source) for problem in self.problems]


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe YAML loader that refuses a key given twice (the second would silently win)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a key is a list or a mapping, not a name", key_node.start_mark
                ) from None
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key '{key}' is given twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    for key in keys:
        if keys.count(key) > 1:
            raise ValueError(f"the key '{key}' is given twice")
    return dict(pairs)


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
        return f"'{error.get('input')}' is not allowed; expected {expected}"
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def parse_initiative(data: Any, source: str) -> Initiative:
    """Validate already-parsed data (a dict from YAML, JSON or a web form)."""
    if not isinstance(data, dict):
        raise InitiativeError(source, [Problem("(the whole file)", "must be a mapping of fields")])
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
    A leading byte order mark (as Windows editors write) is ignored, as YAML itself does."""
    text = text.removeprefix("\ufeff")
    try:
        if source.lower().endswith(".json") or text.lstrip().startswith("{"):
            return json.loads(text, object_pairs_hook=_json_object)
        return yaml.load(text, Loader=_UniqueKeyLoader)  # a SafeLoader subclass
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise InitiativeError(source, [Problem(where, f"not valid JSON: {error.msg}")]) from None
    except yaml.reader.ReaderError as error:
        # A character YAML does not allow (a control character); its message spans two lines.
        line = text.count("\n", 0, error.position) + 1
        column = error.position - text.rfind("\n", 0, error.position)
        code = error.character if isinstance(error.character, int) else ord(error.character)
        message = f"not valid YAML: the control character U+{code:04X} is not allowed"
        raise InitiativeError(source, [Problem(f"line {line}, column {column}", message)]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(the whole file)"
        reason = error.problem or error.context or "syntax error"
        raise InitiativeError(source, [Problem(where, f"not valid YAML: {reason}")]) from None
    except (yaml.YAMLError, ValueError) as error:
        message = " ".join(str(error).split())  # one line, as every problem is
        raise InitiativeError(source, [Problem("(the whole file)", message)]) from None
    except RecursionError:
        raise InitiativeError(
            source, [Problem("(the whole file)", "is nested too deeply")]
        ) from None


def load_initiative(path: Path | str) -> Initiative:
    """Read and validate an initiative file; raises `InitiativeError` for any bad input."""
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise InitiativeError(
            source, [Problem("(the file)", f"cannot be read: {error.strerror}")]
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise InitiativeError(source, [Problem("(the file)", "is larger than 5 MB")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InitiativeError(source, [Problem("(the file)", "is not UTF-8 text")]) from None
    return parse_initiative(parse_text(text, source), source)
