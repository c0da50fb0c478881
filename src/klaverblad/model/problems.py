"""A problem with an input: where (a field path), what (the English message) and its kind.

The kind (`model/problem_kinds.py`) and its `params` let a page say the message in its own
language without reading the English; a problem made outside the model (a page's own words)
has no kind and is shown as it is.

>>> problem = Problem.of("people[1].id", "duplicate_id", id="w1")
>>> problem.line("plan.yaml")
"plan.yaml: people[1].id: duplicate id 'w1'"
>>> problem.kind, dict(problem.params)
('duplicate_id', {'id': 'w1'})
>>> from_pydantic({"type": "less_than_equal", "loc": ("horizon", "months"), "ctx": {"le": 240},
...                "msg": "Input should be less than or equal to 240", "input": 300})
Problem(path='horizon.months', message='Input should be less than or equal to 240')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic_core import PydanticCustomError

from klaverblad.model.echo import echo
from klaverblad.model.problem_kinds import KINDS, PLAIN_WORDS, english

WHOLE_FILE = "(the whole file)"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, at a field path such as `people[2].fte`; `kind` names
    its message and `params` the values the message fills in ("" and {} for words made
    outside the model)."""

    path: str
    message: str
    kind: str = field(default="", repr=False)
    params: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, path: str, kind: str, **params: Any) -> Problem:
        """A problem of one of the model's kinds, its English message filled in."""
        return cls(path, english(kind, **params), kind, params)

    def line(self, source: str) -> str:
        return f"{source}: {self.path}: {self.message}"


class KindError(ValueError):
    """A refusal of one of the model's kinds outside pydantic (a number, a month, a document):
    its message is the kind's English words with `params` filled in."""

    def __init__(self, kind: str, **params: Any) -> None:
        super().__init__(english(kind, **params))
        self.kind = kind
        self.params = params


def refusal(kind: str, suffix: str = "", **params: Any) -> PydanticCustomError:
    """The error a validator raises for a problem of `kind`: pydantic reports `kind` as the
    error's type and `params` as its context. `suffix` adds words after the kind's own
    ("… ({what})"). Pydantic fills the values in one after the other, so the quoted input
    (`value`) goes last: whatever it holds is not filled in again."""
    ordered = {name: params[name] for name in sorted(params, key=lambda name: name == "value")}
    return PydanticCustomError(kind, KINDS[kind] + suffix, ordered)


def field_path(location: Sequence[int | str]) -> str:
    """A pydantic location as a path: ('people', 0, 'fte') → `people[0].fte`."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or WHOLE_FILE


def from_pydantic(error: Mapping[str, Any], path: str | None = None) -> Problem:
    """One error of a pydantic `ValidationError` as a problem: its type is the kind, its
    context the params (a literal's input, quoted, is one more); the message in the model's
    plain words, or pydantic's own (without its "Value error, ")."""
    kind = str(error.get("type", ""))
    params = dict(error.get("ctx") or {})
    params.pop("error", None)  # a plain ValueError's exception: its text is the message
    if kind == "literal_error":
        params["input"] = echo(error.get("input"))
    if kind in PLAIN_WORDS:
        message = PLAIN_WORDS[kind].format_map(_Blank(params))
    else:
        message = str(error.get("msg", "")).removeprefix("Value error, ")
    where = field_path(tuple(error.get("loc", ()))) if path is None else path
    return Problem(where, message, kind, params)


class _Blank(dict[str, Any]):
    """Params that fill a missing name with nothing (pydantic may leave a context out)."""

    def __missing__(self, name: str) -> str:
        return ""
