"""Dated parameters read per element, each element at its own month.

OpenFisca's `parameters(instant)` answers for one date per call. A plan needs, in one
vectorised formula, the value in force at each row's own month (amounts, validity windows) or
at each worker's start month (start-date rules). `by_month(tree, month_index)` gives a view of
the parameter tree whose leaves return one value per element.

Semantics (RULEBOOK §1): the value in force in month m is the value with the latest start
date on or before the first day of m; a value starting on day > 1 therefore applies from the
next month. Before the first value, or after a value of `null` (the parameter stops), a
number reads as NaN and a boolean as False.

A leaf whose value is the same in every month the view covers (most of them: a plan spans a
few years) reads as a read-only array that repeats one value without storing it per element;
formulas combine parameters into new arrays and never write into them.

Example:
    >>> view = by_month(system.parameters, numpy.array([2006 * 12 + 9]))   # 2006-10
    >>> view.art60.leefloon_cat3
    array([859.31])
"""

from __future__ import annotations

import threading
import weakref
from bisect import bisect_right
from collections.abc import Callable
from operator import attrgetter
from typing import Any

import numpy
from openfisca_core.parameters import Parameter, ParameterNode

_CACHE_ATTRIBUTE = "_klaverblad_month_table"
_INSTANT = attrgetter("instant_str")
_VALUE = attrgetter("value")


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
    """Starts (month indexes, ascending) and values of one leaf parameter.

    `values` ends with the sentinel read before the first start (NaN, or False for a boolean
    leaf), so that position -1 reads it. `runs` numbers each entry (the sentinel last) by the
    run of equal consecutive values it belongs to, in month order: the leaf is constant over
    any months whose first and last entries share a run."""

    __slots__ = (
        "instants",
        "is_bool",
        "items",
        "raw",
        "runs",
        "singles",
        "source",
        "start_list",
        "starts",
        "values",
    )

    def __init__(self, parameter: Parameter) -> None:
        entries = sorted(
            (month_of_instant(at.instant_str), at.value) for at in parameter.values_list
        )
        # What `is_current` compares: the leaf, its list of dated values, and each one's date
        # and value (a reform clones the tree and then sets values in place or replaces them).
        self.source = parameter
        self.items = list(parameter.values_list)
        self.instants = list(map(_INSTANT, self.items))
        self.raw = list(map(_VALUE, self.items))
        self.is_bool = any(isinstance(value, bool) for _, value in entries)
        self.start_list = [start for start, _ in entries]
        self.starts = numpy.array(self.start_list, dtype=numpy.int64)
        if self.is_bool:
            self.values = numpy.array([bool(value) for _, value in entries] + [False])
        else:
            self.values = numpy.array(
                [numpy.nan if value is None else float(value) for _, value in entries]
                + [numpy.nan],
                dtype=numpy.float64,
            )
        self.runs, self.singles = _runs(self.values)

    def __reduce__(self) -> tuple[Callable[[], None], tuple[()]]:
        # A pickled tree (`rules.parameter_cache`) carries no table: its leaf builds a new one
        # at its first read (a pickle would not keep the values read-only).
        return _no_table, ()

    def is_current(self, parameter: Parameter) -> bool:
        """Built from `parameter` as its values are now: the same dated values (`update`
        replaces them), each with the same date and value (a reform may set them in place).
        Cheap, no Python loop: a plan reads about a hundred leaves, each through this check.
        A clone of the leaf (reforms clone the tree, cached tables included) gets its own
        table, so that its dated values compare by identity."""
        values_list = parameter.values_list
        return (
            self.source is parameter
            and self.items == values_list
            and list(map(_VALUE, values_list)) == self.raw
            and list(map(_INSTANT, values_list)) == self.instants
        )

    def lookup(self, months: numpy.ndarray) -> numpy.ndarray:
        """The value in force in each of `months` (any order), as a new array."""
        position = numpy.searchsorted(self.starts, months, side="right") - 1
        # -1 (before the first value) reads the sentinel stored at the end of `values`.
        return self.values[position]

    def spread(self, months: _Months) -> numpy.ndarray:
        """The value in force at each element's month.

        When one value is in force from the first to the last of the months (nearly always: a
        plan spans a few years, most values change once a decade), a read-only view that
        repeats it without copying it, instead of writing it once per element (12 million
        times for a million people over a year)."""
        if months.first is not None and months.last is not None:
            first = bisect_right(self.start_list, months.first) - 1
            last = bisect_right(self.start_list, months.last) - 1
            if self.runs[first] == self.runs[last]:
                single = self.singles[first]
                return numpy.ndarray(months.inverse.shape, single.dtype, single, 0, (0,))
        return self.lookup(months.unique).take(months.inverse)


def _runs(values: numpy.ndarray) -> tuple[list[int], list[numpy.ndarray]]:
    """Per entry of `values` (the sentinel last, first in month order): the number of its run
    of bitwise-equal consecutive values, and a read-only one-element array of its value."""
    order = [len(values) - 1, *range(len(values) - 1)]
    runs = [0] * len(values)
    singles: list[numpy.ndarray] = [values[:0]] * len(values)
    run = 0
    previous = b""
    for position in order:
        single = values[position : position + 1].copy()
        single.flags.writeable = False
        if position != order[0] and single.tobytes() != previous:
            run += 1
        previous = single.tobytes()
        runs[position] = run
        singles[position] = single
    return runs, singles


def _no_table() -> None:
    return None


def month_table(parameter: Parameter) -> _MonthTable:
    """The cached month table of a leaf; rebuilt when a reform changed the leaf's values."""
    table: _MonthTable | None = getattr(parameter, _CACHE_ATTRIBUTE, None)
    if table is None or not table.is_current(parameter):
        table = _MonthTable(parameter)
        setattr(parameter, _CACHE_ATTRIBUTE, table)
    return table


class _Months:
    """The months a view reads: distinct months (ascending), the position of each element's
    month among them, and the first and last as integers (read once, not once per leaf)."""

    __slots__ = ("first", "inverse", "last", "unique")

    def __init__(self, unique: numpy.ndarray, inverse: numpy.ndarray) -> None:
        self.unique = unique
        self.inverse = inverse
        self.first = int(unique[0]) if unique.size else None
        self.last = int(unique[-1]) if unique.size else None


# Whether a child of the tree is a node, by its class: `isinstance` against OpenFisca's
# abstract classes costs more than the rest of a leaf read.
_IS_NODE: dict[type, bool] = {}


def _is_node(child: Any) -> bool:
    kind = type(child)
    known = _IS_NODE.get(kind)
    if known is None:
        known = _IS_NODE[kind] = isinstance(child, ParameterNode)
    return known


class ParametersByMonth:
    """A view of a parameter node; a leaf attribute returns one value per element: the value
    in force at `unique[inverse]`, `unique` being distinct months in ascending order.

    `record`, if given, is told the path of every leaf read through the view (the provenance
    recorder's, `rules.provenance`): once per formula, never per element."""

    __slots__ = ("_months", "_node", "_record")

    def __init__(
        self,
        node: ParameterNode,
        unique: numpy.ndarray,
        inverse: numpy.ndarray,
        record: Callable[[str], None] | None = None,
    ):
        self._node = node
        self._months = _Months(unique, inverse)
        self._record = record

    def __getattr__(self, name: str) -> Any:
        try:
            child = self._node.children[name]
        except KeyError:
            raise AttributeError(f"no parameter {self._node.name}.{name}") from None
        if _is_node(child):
            return _view(child, self._months, self._record)
        if self._record is not None:
            self._record(child.name)
        # Look up each distinct month once, then spread to every element.
        return month_table(child).spread(self._months)

    def recording(self, record: Callable[[str], None] | None) -> ParametersByMonth:
        """The same view, telling `record` (if any) the path of each leaf read through it."""
        if record is None:
            return self
        return _view(self._node, self._months, record)


def _view(
    node: ParameterNode, months: _Months, record: Callable[[str], None] | None
) -> ParametersByMonth:
    """A view over months already counted (a child node, the same view recording)."""
    view = object.__new__(ParametersByMonth)
    view._node = node
    view._months = months
    view._record = record
    return view


DENSE_SPAN = 12 * 400
# Per thread: the web API computes plans in a thread pool, each with its own simulation.
_local = threading.local()


def _distinct_months(month_index: numpy.ndarray) -> _Months:
    """`numpy.unique` with its inverse, remembered while the array lives: OpenFisca hands every
    formula the same cached array of row (or start) months, so this runs once per simulation
    instead of once per formula. Weak references: nothing here keeps a simulation alive."""
    recent: list[tuple[weakref.ref[numpy.ndarray], _Months]]
    recent = [entry for entry in getattr(_local, "recent", []) if entry[0]() is not None]
    _local.recent = recent
    for reference, known in recent:
        if reference() is month_index:
            return known
    if month_index.size and int(month_index.max()) - int(month_index.min()) < DENSE_SPAN:
        # Months of a plan span a short range: index it densely instead of sorting (a sort of
        # 12 M row months took a fifth of a 1 M-person simulation).
        first = int(month_index.min())
        unique = numpy.arange(first, int(month_index.max()) + 1, dtype=numpy.int64)
        # As `intp`, the index type of `take`: an index of another type is converted at each
        # leaf read that needs it.
        inverse = numpy.subtract(month_index, first, dtype=numpy.intp).reshape(-1)
    else:
        unique, inverse = numpy.unique(month_index, return_inverse=True)
        inverse = inverse.reshape(-1)
    months = _Months(unique, inverse)
    _local.recent = [(weakref.ref(month_index), months), *recent[:1]]
    return months


def by_month(tree: ParameterNode, month_index: numpy.ndarray) -> ParametersByMonth:
    """The parameter tree as seen by each element at its own month (months since year 0)."""
    return _view(tree, _distinct_months(month_index), None)


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
