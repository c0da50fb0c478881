"""The rules' values over one horizon, looked up once per set of rules and month range.

What an initiative's grants, vouchers and regional funders read from the dated parameters
depends only on the rules (the parameter tree), the horizon's months and a few facts of the
initiative (a measure, an employer, a voucher's kind and price); many plans share them: every
plan of a portfolio with the same horizon, every web request for the same months. The answer is
kept per tree (a reform's tree is a copy of its own: `modify_parameters` deep-copies the
baseline's, so the copy starts with no answers) and per key, arrays read-only so that no caller
can change what the next plan reads. Bounded: at most `LIMIT` answers per tree; beyond that the
oldest half is dropped.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import numpy
from openfisca_core.parameters import ParameterNode

T = TypeVar("T")
LIMIT = 4096

_ANSWERS: weakref.WeakKeyDictionary[ParameterNode, dict[Hashable, Any]] = (
    weakref.WeakKeyDictionary()
)
_LOCK = threading.Lock()


def months_key(months: numpy.ndarray) -> tuple[int, int, bytes]:
    """A horizon's months as a key (any months, not only a contiguous range)."""
    return (int(months[0]) if len(months) else 0, len(months), months.tobytes())


def remember(tree: ParameterNode, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()` once per `tree` and `key`; its arrays (also inside tuples and dataclasses'
    fields) made read-only."""
    with _LOCK:
        answers = _ANSWERS.get(tree)
        if answers is None:
            answers = _ANSWERS[tree] = {}
        if key in answers:
            return answers[key]
    value = compute()
    _freeze(value)
    with _LOCK:
        if len(answers) >= LIMIT:
            for old in list(answers)[: LIMIT // 2]:
                del answers[old]
        answers[key] = value
    return value


def _freeze(value: Any) -> None:
    if isinstance(value, numpy.ndarray):
        value.flags.writeable = False
    elif isinstance(value, tuple | list):
        for item in value:
            _freeze(item)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            _freeze(getattr(value, name))
