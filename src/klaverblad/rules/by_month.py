"""Dated parameters read per element, each element at its own month.

OpenFisca's `parameters(instant)` answers for one date per call. A plan needs, in one
vectorised formula, the value in force at each row's own month (amounts, validity windows) or
at each worker's start month (start-date rules). `by_month(tree, month_index)` gives a view of
the parameter tree whose leaves return one value per element.

Semantics (RULEBOOK §1): the value in force in month m is the value with the latest start
date on or before the first day of m; a value starting on day > 1 therefore applies from the
next month. Before the first value, or after a value of `null` (the parameter stops), a
number reads as NaN and a boolean as False.

Example:
    >>> view = by_month(system.parameters, numpy.array([2006 * 12 + 9]))   # 2006-10
    >>> view.art60.leefloon_cat3
    array([859.31])
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any

import numpy
from openfisca_core.parameters import Parameter, ParameterNode

_CACHE_ATTRIBUTE = "_klaverblad_month_table"


def month_of_instant(instant_str: str) -> int:
    """The first month (months since year 0) in which a value starting on this date applies.

    >>> month_of_instant("2006-10-01")
    24081
    >>> month_of_instant("1999-05-03") - month_of_instant("1999-05-01")
    1
    """
    year, month, day = (int(part) for part in instant_str.split("-"))
    index = year * 12 + month - 1
    return index + 1 if day > 1 else index


class _MonthTable:
    """Starts (month indexes, ascending) and values of one leaf parameter."""

    __slots__ = ("is_bool", "key", "starts", "values")

    def __init__(self, parameter: Parameter) -> None:
        entries = sorted(
            (month_of_instant(at.instant_str), at.value) for at in parameter.values_list
        )
        self.key = _fingerprint(parameter)
        self.is_bool = any(isinstance(value, bool) for _, value in entries)
        self.starts = numpy.array([start for start, _ in entries], dtype=numpy.int64)
        if self.is_bool:
            self.values = numpy.array([bool(value) for _, value in entries] + [False])
        else:
            self.values = numpy.array(
                [numpy.nan if value is None else float(value) for _, value in entries]
                + [numpy.nan],
                dtype=numpy.float64,
            )

    def lookup(self, months: numpy.ndarray) -> numpy.ndarray:
        position = numpy.searchsorted(self.starts, months, side="right") - 1
        # -1 (before the first value) reads the sentinel stored at the end of `values`.
        return self.values[position]


def _fingerprint(parameter: Parameter) -> tuple[tuple[str, Any], ...]:
    return tuple((at.instant_str, at.value) for at in parameter.values_list)


def month_table(parameter: Parameter) -> _MonthTable:
    """The cached month table of a leaf; rebuilt when a reform changed the leaf's values."""
    table: _MonthTable | None = getattr(parameter, _CACHE_ATTRIBUTE, None)
    if table is None or table.key != _fingerprint(parameter):
        table = _MonthTable(parameter)
        setattr(parameter, _CACHE_ATTRIBUTE, table)
    return table


class ParametersByMonth:
    """A view of a parameter node; a leaf attribute returns one value per element.

    `record`, if given, is told the path of every leaf read through the view (the provenance
    recorder's, `rules.provenance`): once per formula, never per element."""

    __slots__ = ("_inverse", "_node", "_record", "_unique")

    def __init__(
        self,
        node: ParameterNode,
        unique: numpy.ndarray,
        inverse: numpy.ndarray,
        record: Callable[[str], None] | None = None,
    ):
        self._node = node
        self._unique = unique
        self._inverse = inverse
        self._record = record

    def __getattr__(self, name: str) -> Any:
        try:
            child = self._node.children[name]
        except KeyError:
            raise AttributeError(f"no parameter {self._node.name}.{name}") from None
        if isinstance(child, ParameterNode):
            return ParametersByMonth(child, self._unique, self._inverse, self._record)
        if self._record is not None:
            self._record(child.name)
        # Look up each distinct month once, then spread to every element.
        return month_table(child).lookup(self._unique).take(self._inverse)

    def recording(self, record: Callable[[str], None] | None) -> ParametersByMonth:
        """The same view, telling `record` (if any) the path of each leaf read through it."""
        if record is None:
            return self
        return ParametersByMonth(self._node, self._unique, self._inverse, record)


DENSE_SPAN = 12 * 400
# Per thread: the web API computes plans in a thread pool, each with its own simulation.
_local = threading.local()


def _distinct_months(month_index: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """`numpy.unique` with its inverse, remembered while the array lives: OpenFisca hands every
    formula the same cached array of row (or start) months, so this runs once per simulation
    instead of once per formula. Weak references: nothing here keeps a simulation alive."""
    recent: list[tuple[weakref.ref[numpy.ndarray], numpy.ndarray, numpy.ndarray]]
    recent = [entry for entry in getattr(_local, "recent", []) if entry[0]() is not None]
    _local.recent = recent
    for reference, unique, inverse in recent:
        if reference() is month_index:
            return unique, inverse
    if month_index.size and int(month_index.max()) - int(month_index.min()) < DENSE_SPAN:
        # Months of a plan span a short range: index it densely instead of sorting (a sort of
        # 12 M row months took a fifth of a 1 M-person simulation).
        first = int(month_index.min())
        unique = numpy.arange(first, int(month_index.max()) + 1, dtype=numpy.int64)
        inverse = (month_index - first).reshape(-1)
    else:
        unique, inverse = numpy.unique(month_index, return_inverse=True)
        inverse = inverse.reshape(-1)
    _local.recent = [(weakref.ref(month_index), unique, inverse), *recent[:1]]
    return unique, inverse


def by_month(tree: ParameterNode, month_index: numpy.ndarray) -> ParametersByMonth:
    """The parameter tree as seen by each element at its own month (months since year 0)."""
    unique, inverse = _distinct_months(month_index)
    return ParametersByMonth(tree, unique, inverse)


def leaf(tree: ParameterNode, path: str) -> Parameter:
    """The leaf parameter at a dotted path, e.g. `leaf(tree, "art60.leefloon_cat3")`."""
    node: Any = tree
    for name in path.split("."):
        node = node.children[name]
    if not isinstance(node, Parameter):
        raise KeyError(f"{path} is not a leaf parameter")
    return node


def value_at_month(parameter: Parameter, month: int) -> Any:
    """The value of any leaf (numbers, booleans, lists) in force in `month`; None if none is."""
    return values_at_months(parameter, numpy.array([month]))[0]


def values_at_months(parameter: Parameter, months: numpy.ndarray) -> list[Any]:
    """The values of any leaf (lists too) in force in each month; None where none is."""
    entries = sorted((month_of_instant(at.instant_str), at.value) for at in parameter.values_list)
    starts = numpy.array([start for start, _ in entries], dtype=numpy.int64)
    positions = numpy.searchsorted(starts, months, side="right") - 1
    return [entries[position][1] if position >= 0 else None for position in positions.tolist()]


def start_of_value(parameter: Parameter, month: int) -> str | None:
    """The date from which the value in force in `month` applies (for explanations)."""
    starts = [at.instant_str for at in parameter.values_list]
    eligible = [start for start in starts if month_of_instant(start) <= month]
    return max(eligible) if eligible else None
