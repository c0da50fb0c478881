"""Reading YAML and JSON documents safely: sizes, nesting and YAML aliases are bounded before
any value is built, so a small document cannot grow into a huge one.

- YAML is composed by libyaml (when present) into a node graph, which is walked before any value
  is constructed: a node met twice is an alias (`*name`, `<<: *name`) and is refused, a node
  deeper than `NESTING_DEPTH` too. Keys given twice, or keys that are lists or mappings, are
  refused while constructing.
- JSON refuses keys given twice, NaN and Infinity; its depth is checked once it is parsed.

>>> try:
...     load_yaml("a: &x [1]\\nb: *x\\n")
... except DocumentError as error:
...     print(error.where)
line 1, column 4
"""

from __future__ import annotations

import json
import math
from typing import Any

import yaml

from klaverblad.model.limits import NESTING_DEPTH
from klaverblad.model.number_reader import float_literal
from klaverblad.model.problem_kinds import KINDS, english

ALIAS_REFUSED = KINDS["yaml_alias"]
_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DocumentError(ValueError):
    """The document is not read: `where` says where (a line and column, or '(the whole file)')
    and `reason` what is wrong, in the English words of its `kind` with `params` filled in
    (`model/problem_kinds.py`)."""

    def __init__(self, where: str, kind: str, **params: Any) -> None:
        reason = english(kind, **params)
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason
        self.kind = kind
        self.params = params


class _Loader(_BaseLoader):
    """A safe loader (libyaml's parser when present) that refuses a key given twice."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                hash(key)
            except TypeError:
                raise _error_at(key_node, "yaml_key_not_name") from None
            if key in seen:
                raise _error_at(key_node, "yaml_key_twice", key=key)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_float(self, node: yaml.ScalarNode) -> float:
        """A YAML float, or a `FarNumber` for one written with an exponent beyond any field's
        range (`1.0e-1000000` would otherwise be 0.0)."""
        value = super().construct_yaml_float(node)
        text = str(node.value)
        if isinstance(value, float) and math.isfinite(value) and ("e" in text.lower()):
            return float_literal(text.lower().lstrip("+"))
        return value

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        """A YAML date or time; one that does not exist (`2023-02-30`) stays its text, so
        that the field that gets it names it and the rest of the document is still read."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return str(node.value)


_Loader.add_constructor("tag:yaml.org,2002:float", _Loader.construct_yaml_float)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def _where(node: yaml.Node) -> str:
    mark = node.start_mark
    return f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(the whole file)"


def _error_at(node: yaml.Node, kind: str, **params: Any) -> DocumentError:
    return DocumentError(_where(node), kind, **params)


def _path(parts: tuple[str | int, ...]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(the whole file)"


def _too_deep(parts: tuple[str | int, ...]) -> DocumentError:
    return DocumentError(_path(parts), "nested_too_deep", limit=NESTING_DEPTH)


def _check_graph(root: yaml.Node) -> None:
    """Refuse aliases and deep nesting in the composed graph, without building any value."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, tuple[str | int, ...]]] = [(root, ())]
    while stack:
        node, parts = stack.pop()
        if id(node) in seen:
            raise _error_at(node, "yaml_alias")
        seen.add(id(node))
        if len(parts) > NESTING_DEPTH:
            raise _too_deep(parts[: NESTING_DEPTH + 1])
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = str(key.value)[:40] if isinstance(key, yaml.ScalarNode) else "?"
                stack.append((key, (*parts, name)))
                stack.append((value, (*parts, name)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*parts, index)) for index, item in enumerate(node.value))


def _mark_in(text: str, mark: Any) -> str:
    """A parser's mark as 'line L, column C'; libyaml marks the end of a text without a final
    newline on the line after it, which the author never sees: that is the end of the last line."""
    if mark is None:
        return "(the whole file)"
    lines = text.split("\n")
    if mark.line >= len(lines):
        return f"line {len(lines)}, column {len(lines[-1]) + 1}"
    return f"line {mark.line + 1}, column {mark.column + 1}"


def _alias_mark(error: yaml.MarkedYAMLError) -> bool:
    return "found undefined alias" in str(error.problem or "")


def _reader_error(text: str, error: yaml.reader.ReaderError) -> DocumentError:
    """A character YAML does not allow (a control character), at its line and column."""
    position = max(0, min(error.position, len(text)))
    line = text.count("\n", 0, position) + 1
    column = position - text.rfind("\n", 0, position)
    code = error.character if isinstance(error.character, int) else ord(error.character or "?")
    return DocumentError(
        f"line {line}, column {column}", "yaml_control_character", code=f"{code:04X}"
    )


def load_yaml(text: str) -> Any:
    """One YAML document as data; `DocumentError` for anything malformed or unsafe."""
    loader = _Loader(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.reader.ReaderError as error:
            raise _reader_error(text, error) from None
        except yaml.MarkedYAMLError as error:
            where = _mark_in(text, error.problem_mark or error.context_mark)
            reason = error.problem or error.context or "syntax error"
            if _alias_mark(error):
                raise DocumentError(where, "yaml_alias_undefined") from None
            if "maximum nesting depth" in reason:
                raise DocumentError(where, "nested_too_deep", limit=NESTING_DEPTH) from None
            raise DocumentError(where, "invalid_yaml", reason=reason) from None
        if root is None:
            return None
        _check_graph(root)
        try:
            return loader.construct_document(root)
        except yaml.MarkedYAMLError as error:
            where = _mark_in(text, error.problem_mark or error.context_mark)
            raise DocumentError(
                where, "invalid_yaml", reason=error.problem or "bad value"
            ) from None
    finally:
        loader.dispose()


def check_depth(data: Any, limit: int = NESTING_DEPTH, max_keys: int | None = None) -> None:
    """Refuse data nested more than `limit` levels deep (or, with `max_keys`, a mapping with
    more keys than that), naming the path where it happens (iteratively: no recursion)."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        value, parts = stack.pop()
        if len(parts) > limit:
            raise DocumentError(_path(parts[: limit + 1]), "nested_too_deep", limit=limit)
        if isinstance(value, dict):
            if max_keys is not None and len(value) > max_keys:
                raise DocumentError(
                    _path(parts), "too_many_fields", count=len(value), limit=max_keys
                )
            stack.extend((item, (*parts, str(key)[:40])) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((item, (*parts, index)) for index, item in enumerate(value))


class _KeyTwiceError(ValueError):
    """A JSON object gives `key` twice."""

    def __init__(self, key: str) -> None:
        super().__init__(f"the key '{key}' is given twice")
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _KeyTwiceError(key)
        result[key] = value
    return result


def load_json(text: str) -> Any:
    """One JSON document as data; `DocumentError` for anything malformed or nested too deep."""
    try:
        # NaN and Infinity are read here and refused by the field that gets them (with its path).
        data = json.loads(text, object_pairs_hook=_unique_keys, parse_float=float_literal)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise DocumentError(where, "invalid_json", reason=error.msg) from None
    except RecursionError:
        raise DocumentError("(the whole file)", "nested_too_deep", limit=NESTING_DEPTH) from None
    except _KeyTwiceError as error:
        raise DocumentError("(the whole file)", "json_key_twice", key=error.key) from None
    except ValueError:
        # Python refuses integers of more than 4 300 digits with a long message.
        raise DocumentError("(the whole file)", "json_number_digits") from None
    check_depth(data)
    return data
