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


def pay(due: numpy.ndarray, amount: numpy.ndarray) -> numpy.ndarray:
    """`amount` where `due`, else 0. A due amount that no parameter gives stays NaN: the plan
    books it as a `not_computable` line (RULEBOOK §1), it never becomes a silent 0."""
    return numpy.where(due, amount, 0.0)
