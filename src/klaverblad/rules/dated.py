"""Two ways a formula reads dated parameters, per element (see `by_month`).

- `at_start(worker, period)`: the values in force at each worker's start month, for the
  start-date rules (eligibility, durations).
- `in_force(row, period)`: the values in force at each row's own month, for amounts and
  validity windows.

Formulas never call `parameters(period)`: the period is the ETERNITY sentinel, at which
nothing is in force (a test forbids it in the variable modules).

When the simulation records provenance (`rules.provenance`), every leaf read through these
views is recorded for the variable being computed, with the month it was read at.
"""

from collections.abc import Sequence
from typing import Any

import numpy

from klaverblad.rules.by_month import ParametersByMonth, by_month
from klaverblad.rules.provenance import MONTH, START, reader_of


def at_start(worker: Any, period: Any) -> ParametersByMonth:
    simulation = worker.simulation
    view = by_month(simulation.tax_benefit_system.parameters, worker("start_month_index", period))
    return view.recording(reader_of(simulation, START))


def in_force(row: Any, period: Any) -> ParametersByMonth:
    simulation = row.simulation
    view = by_month(simulation.tax_benefit_system.parameters, row("month_index", period))
    return view.recording(reader_of(simulation, MONTH))


def pay(due: numpy.ndarray, amount: numpy.ndarray | float) -> numpy.ndarray:
    """`amount` where `due`, else 0. A due amount that no parameter gives stays NaN: the plan
    books it as a `not_computable` line (RULEBOOK §1), it never becomes a silent 0."""
    if (
        isinstance(due, numpy.ndarray)
        and isinstance(amount, numpy.ndarray)
        and due.dtype == numpy.bool_
        and amount.dtype == numpy.float64
        and due.shape == amount.shape
    ):
        # The same array as `numpy.where(due, amount, 0.0)`, a quarter faster over millions of
        # rows: zeros, then the due amounts copied in.
        paid = numpy.zeros(amount.shape)
        numpy.copyto(paid, amount, where=due)
        return paid
    return numpy.where(due, amount, 0.0)


def pay_computed(due: numpy.ndarray, amount: numpy.ndarray) -> numpy.ndarray:
    """`pay(due, amount)` for a float amount array the formula has just computed (never a
    variable's or a parameter's array): the amounts not due are set to 0 in that array, which is
    returned, instead of writing a second array of millions of amounts."""
    numpy.copyto(amount, 0.0, where=~numpy.asarray(due, dtype=bool))
    return amount


def choose(index: numpy.ndarray, choices: Sequence[numpy.ndarray]) -> numpy.ndarray:
    """`numpy.choose(index, choices)`, for an index that is always a valid position.

    A leaf whose value does not change over the months read comes as a view that repeats one
    value (`by_month`): when every choice is such a view, the choice is a look-up in a table of
    those values, ten times faster than `numpy.choose` over millions of rows."""
    if all(_repeats_one_value(choice, index.shape) for choice in choices) and index.size:
        return numpy.array([choice[0] for choice in choices]).take(index)
    return numpy.choose(index, choices)


def _repeats_one_value(values: Any, shape: tuple[int, ...]) -> bool:
    return isinstance(values, numpy.ndarray) and values.shape == shape and values.strides == (0,)
