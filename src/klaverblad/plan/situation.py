"""From initiative data to one vectorised run of the rules over the whole horizon.

One row per (worker, horizon month), worker-major. Every input variable of the rules is set
explicitly for every worker, so nothing falls back on OpenFisca's silent defaults (a test
checks that the inputs set here are exactly the input variables of the system).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy
from openfisca_core import periods
from openfisca_core.simulations import Simulation
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from klaverblad.model.initiative import Initiative, Person
from klaverblad.plan.evaluator import Evaluator
from klaverblad.rules.entities import SENTINEL_PERIOD
from klaverblad.rules.variables.inputs import MAATWERK_PAKKET_MEMBER, NO_END_DATE, RECOGNITIONS

WorkerInputs = dict[str, numpy.ndarray]


@dataclass(frozen=True)
class Grid:
    """The rows of a simulation: which worker and which month each row stands for."""

    worker_of_row: numpy.ndarray
    month_of_row: numpy.ndarray
    # When the rows are worker-major (each worker's rows consecutive, workers in order, as
    # every grid built here is): how many rows each worker has. A worker's value is then
    # spread to its rows by `repeat` instead of gathered row by row.
    rows_per_worker: numpy.ndarray | None = None

    @classmethod
    def rectangle(cls, workers: int, first_month: int, months: int) -> Grid:
        """Every worker over the same horizon (one plan)."""
        # int32: the dtype of `month_index`, so that setting it makes no copy.
        return cls(
            numpy.repeat(numpy.arange(workers), months),
            numpy.tile(numpy.arange(first_month, first_month + months, dtype=numpy.int32), workers),
            numpy.full(workers, months, dtype=numpy.int64),
        )


def worker_inputs(initiative: Initiative, people: Sequence[Person]) -> WorkerInputs:
    """The rules' inputs for `people` of `initiative`, one array per input variable."""
    return _inputs([(initiative, people)])


def _days(dates: Any) -> numpy.ndarray:
    """Dates as datetime64[D], through their ordinals (numpy converts date objects slowly)."""
    return (numpy.fromiter((d.toordinal() for d in dates), dtype=numpy.int64) - _EPOCH).astype(
        "datetime64[D]"
    )


_EPOCH = date(1970, 1, 1).toordinal()


def _inputs(groups: Sequence[tuple[Initiative, Sequence[Person]]]) -> WorkerInputs:
    """The rules' inputs of the people of each (initiative, people), one array per input
    variable: one numpy conversion per variable for all of them (a portfolio stacks 100 000
    people), what belongs to the initiative repeated for its people."""

    def column(values: Any, dtype: Any = None) -> numpy.ndarray:
        return numpy.array(list(values), dtype=dtype)

    people = [person for _, members in groups for person in members]
    sizes = [len(members) for _, members in groups]

    def per_initiative(values: Any, dtype: Any = None) -> numpy.ndarray:
        return numpy.repeat(column(values, dtype), sizes)

    inputs: WorkerInputs = {
        "start_date": _days(p.start_date for p in people),
        "end_date": _days(p.end_date or NO_END_DATE for p in people),
        "birth_date": _days(p.birth_date for p in people),
        "fte": column((float(p.fte) for p in people), numpy.float64),
        "monthly_wage_cost": column((float(p.monthly_wage_cost) for p in people), numpy.float64),
        "unemployed_months": column((p.unemployed_months for p in people), numpy.int64),
        "status": column(p.status for p in people),
        "diploma": column(p.diploma for p in people),
        "legal_form": per_initiative(initiative.promoter.legal_form for initiative, _ in groups),
        "placed_by_ocmw": column((p.placed_by_ocmw for p in people), bool),
        "gesco_verhoogd": column((p.gesco_verhoogd for p in people), bool),
        "wep_verlengd": column((p.wep_verlengd for p in people), bool),
        "maatwerk_loonpremie_pct": column(
            (p.maatwerk_loonpremie_pct or 0 for p in people), numpy.int64
        ),
        "maatwerk_begeleiding": column(p.maatwerk_begeleiding or "geen" for p in people),
        "maatwerk_pakket": column(
            MAATWERK_PAKKET_MEMBER.get(p.maatwerk_pakket or "", "geen") for p in people
        ),
        "vop": column(p.vop or "geen" for p in people),
        "gesco_post": column((p.gesco_post for p in people), bool),
        "contract_indefinite": column((p.contract_indefinite for p in people), bool),
        # 0: not entered (RULEBOOK §3.9 counts the wage condition as met).
        "gross_quarterly_wage": column(
            (float(p.gross_quarterly_wage or 0) for p in people), numpy.float64
        ),
    }
    for recognition in RECOGNITIONS:
        inputs[f"recognised_{recognition}"] = per_initiative(
            (recognition in initiative.recognitions for initiative, _ in groups), bool
        )
    return inputs


@dataclass(frozen=True)
class Stack:
    """Many initiatives' workers in one simulation: inputs, rows, and per initiative the slice
    of its workers and the slice of its rows (worker-major over its own horizon)."""

    inputs: WorkerInputs
    grid: Grid
    slices: list[tuple[slice, slice]]

    @property
    def rows(self) -> int:
        return len(self.grid.worker_of_row)


def stack_initiatives(items: Sequence[tuple[Initiative, int, int]]) -> Stack:
    """Stack (initiative, first month, months) items into one simulation's inputs and rows."""
    groups: list[tuple[Initiative, Sequence[Person]]] = []
    workers_of_rows: list[numpy.ndarray] = []
    months_of_rows: list[numpy.ndarray] = []
    rows_of_workers: list[numpy.ndarray] = []
    slices: list[tuple[slice, slice]] = []
    worker_offset = row_offset = 0
    for initiative, first, months in items:
        count = len(initiative.people)
        if count:
            groups.append((initiative, initiative.people))
            grid = Grid.rectangle(count, first, months)
            workers_of_rows.append(grid.worker_of_row + worker_offset)
            months_of_rows.append(grid.month_of_row)
            rows_of_workers.append(numpy.full(count, months, dtype=numpy.int64))
        slices.append(
            (
                slice(worker_offset, worker_offset + count),
                slice(row_offset, row_offset + count * months),
            )
        )
        worker_offset += count
        row_offset += count * months
    inputs = _inputs(groups) if groups else {}
    empty = numpy.zeros(0, dtype=numpy.int64)
    grid = Grid(
        numpy.concatenate(workers_of_rows) if workers_of_rows else empty,
        numpy.concatenate(months_of_rows) if months_of_rows else empty,
        numpy.concatenate(rows_of_workers) if rows_of_workers else empty,
    )
    return Stack(inputs, grid, slices)


def build_simulation(system: TaxBenefitSystem, inputs: WorkerInputs, grid: Grid) -> Evaluator:
    """The rules run over one worker per input element and one row per grid element, by the
    lean evaluator (`plan.evaluator`): the same formulas as OpenFisca's simulation."""
    evaluator = Evaluator(system, inputs, grid.worker_of_row, grid.rows_per_worker)
    evaluator.set_input("month_index", grid.month_of_row)
    return evaluator


def openfisca_simulation(system: TaxBenefitSystem, inputs: WorkerInputs, grid: Grid) -> Simulation:
    """The same run as an OpenFisca `Simulation`: the reference the evaluator is checked
    against (`tests/plan/test_evaluator.py`, the benchmarks)."""
    workers = len(next(iter(inputs.values())))
    populations = system.instantiate_entities()
    rows = populations["worker_month"]
    rows.count = len(grid.worker_of_row)
    rows.ids = numpy.arange(rows.count)
    group = populations["worker"]
    group.count = workers
    group.ids = numpy.arange(workers)
    group.members_entity_id = grid.worker_of_row
    simulation = Simulation(system, populations)
    # The row's month as an integer directly: casting millions of dates costs more than the
    # rules themselves. (YAML tests give `month` as a date; `month_index` is computed then.)
    simulation.set_input("month_index", _SENTINEL, grid.month_of_row.astype(numpy.int64))
    for name, values in inputs.items():
        simulation.set_input(name, _SENTINEL, values)
    return simulation


# Parsed once: OpenFisca would otherwise parse the period string on every nested call.
_SENTINEL = periods.period(SENTINEL_PERIOD)


def calculate(simulation: Simulation | Evaluator, variable: str) -> numpy.ndarray:
    return simulation.calculate(variable, _SENTINEL)
