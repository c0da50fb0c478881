"""The rules' own formulas, run without OpenFisca's per-call machinery (issue step 8).

A plan asks OpenFisca's `Simulation.calculate` about 240 times; each call parses and checks
its period, finds the variable's population and holder, checks for cycles, reads and writes a
storage keyed by period, and each formula's `worker("x", period)` is such a call again. For
the klaverblad rules that machinery does nothing: every variable is ETERNITY, asked for at one
sentinel period, computed once per simulation. Its cost is most of a small plan's time.

`Evaluator` keeps what gives the rules their meaning and drops the rest. It runs the same
`Variable` classes of the same tax-benefit system: each variable's one formula, given the same
populations (`worker`, `worker_month` with its `row.worker(...)` projection), the same
parameters, with the result cast as `Simulation._cast_formula_result` casts it (an `EnumArray`
for an enum, the variable's dtype, a scalar filled out), inputs converted as
`Holder._to_array` converts them, and absent inputs given the variable's default. It tells its
tracer every call as `Simulation.calculate` does, when it has one (`rules.provenance` installs
a recorder to learn what each amount is computed from); without one (a plan's run: what the
rules read does not depend on the data, so `plan.statute_provenance` records it once per set of
rules) it skips the tracer's three calls per variable asked. What it does not do: periods
other than the sentinel (every variable of these rules is ETERNITY; another definition period
is refused when first set or computed),
`calculate_add`/`calculate_divide`, neutralised variables, and cycle detection (a cycle would
recurse until Python's limit; the YAML rule tests run the same formulas under OpenFisca, which
detects it).

`tests/plan/test_evaluator.py` checks that every variable it computes equals OpenFisca's, on
generated initiatives.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from typing import Any, NamedTuple

import numpy
from openfisca_core import periods
from openfisca_core.indexed_enums import Enum, EnumArray
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.tracers import SimpleTracer

from klaverblad.rules.entities import SENTINEL_PERIOD, Worker, WorkerMonth

SENTINEL = periods.period(SENTINEL_PERIOD)


class _Recipe(NamedTuple):
    """What computing a variable needs, found once per variable object: its entity, its
    formula at the sentinel period (OpenFisca searches its dated formulas on every call) and
    how the result is cast. A reform's system has its own variable objects."""

    entity: str
    formula: Any
    with_parameters: bool
    is_enum: bool
    dtype: Any


_RECIPES: weakref.WeakKeyDictionary[Any, _Recipe] = weakref.WeakKeyDictionary()


def _recipe(variable: Any) -> _Recipe:
    try:
        return _RECIPES[variable]
    except KeyError:
        if variable.definition_period != periods.DateUnit.ETERNITY:
            raise ValueError(
                f"{variable.name}: the evaluator runs ETERNITY variables only"
            ) from None
        formula = variable.get_formula(SENTINEL)
        recipe = _RECIPES[variable] = _Recipe(
            entity=str(variable.entity.key),
            formula=formula,
            with_parameters=formula is not None and formula.__code__.co_argcount != 2,
            is_enum=variable.value_type == Enum,
            dtype=variable.dtype,
        )
        return recipe


# Below this many values an enum input is encoded through a dict of its names; above it by
# OpenFisca's sort-based encoding (the same indices either way).
_DICT_ENCODING_UP_TO = 1000


def _encode(possible_values: Any, array: numpy.ndarray) -> EnumArray:
    """`possible_values.encode(array)`: the index of each name, as OpenFisca encodes it."""
    if array.dtype.kind == "U" and 0 < len(array) <= _DICT_ENCODING_UP_TO:
        index = {name: position for position, name in enumerate(possible_values.names)}
        try:
            indices = [index[value] for value in array.tolist()]
        except KeyError:
            pass  # an unknown name: OpenFisca's encoding says which
        else:
            return EnumArray(numpy.array(indices, dtype=numpy.int16), possible_values)
    return possible_values.encode(array)


def _alive(reference: weakref.ref[Evaluator]) -> Evaluator:
    evaluator = reference()
    if evaluator is None:
        raise RuntimeError("the evaluator of this population is gone")
    return evaluator


class _Projection:
    """`row.worker("x", period)`: the worker's value of `x` on each of its month rows."""

    def __init__(
        self,
        evaluator: Evaluator,
        worker_of_row: numpy.ndarray,
        rows_per_worker: numpy.ndarray | None,
    ) -> None:
        self._evaluator = weakref.ref(evaluator)
        self._worker_of_row = worker_of_row
        self._rows_per_worker = rows_per_worker

    def __call__(self, name: str, period: Any = None, options: Any = None) -> Any:
        value = _alive(self._evaluator).calculate(name, period)
        if self._rows_per_worker is not None:
            # Worker-major rows: the same array as the gather below, about a fifth cheaper
            # on millions of rows.
            return value.repeat(self._rows_per_worker)
        return value[self._worker_of_row]


class _Population:
    """The population a formula is given: it answers `population("x", period)` for the
    variables of its own entity, and knows its simulation (parameters, tracer)."""

    def __init__(self, evaluator: Evaluator, key: str, count: int) -> None:
        # Weak: the evaluator holds its populations, and without a cycle it is freed as soon
        # as the last plan using it goes (a portfolio lets go of thousands, chunk by chunk).
        self._evaluator = weakref.ref(evaluator)
        self.key = key
        self.count = count

    @property
    def simulation(self) -> Evaluator:
        return _alive(self._evaluator)

    def __call__(self, name: str, period: Any = None, options: Any = None) -> Any:
        evaluator = _alive(self._evaluator)
        if evaluator.entity_of(name) != self.key:
            raise ValueError(f"{name} is not a variable of {self.key}")
        return evaluator.calculate(name, period)

    def filled_array(self, value: Any) -> numpy.ndarray:
        return numpy.full(self.count, value)


class _Rows(_Population):
    def __init__(
        self,
        evaluator: Evaluator,
        count: int,
        worker_of_row: numpy.ndarray,
        rows_per_worker: numpy.ndarray | None,
    ) -> None:
        super().__init__(evaluator, WorkerMonth.key, count)
        self.worker = _Projection(evaluator, worker_of_row, rows_per_worker)


class Evaluator:
    """One run of the rules over workers and their month rows (`plan.situation.Grid`): the
    part of `openfisca_core.simulations.Simulation` the plan uses (`calculate`, `tracer`,
    `tax_benefit_system`)."""

    def __init__(
        self,
        system: TaxBenefitSystem,
        inputs: Mapping[str, numpy.ndarray],
        worker_of_row: numpy.ndarray,
        rows_per_worker: numpy.ndarray | None = None,
    ) -> None:
        """`rows_per_worker`, when the rows are worker-major: each worker's number of rows
        (`plan.situation.Grid`); it must agree with `worker_of_row`."""
        self.tax_benefit_system = system
        self.tracer: SimpleTracer | None = None
        self._variables = system.variables
        workers = len(next(iter(inputs.values()))) if inputs else 0
        self._populations: dict[str, _Population] = {
            Worker.key: _Population(self, Worker.key, workers),
            WorkerMonth.key: _Rows(self, len(worker_of_row), worker_of_row, rows_per_worker),
        }
        if rows_per_worker is not None and (
            len(rows_per_worker) != workers or int(rows_per_worker.sum()) != len(worker_of_row)
        ):
            raise ValueError("rows_per_worker does not match the workers and their rows")
        self._values: dict[str, Any] = {}
        for name, values in inputs.items():
            self.set_input(name, values)

    def cached_bytes(self) -> int:
        """The bytes of every input and computed array it holds (OpenFisca's
        `get_memory_usage()['total_nb_bytes']`, for the benchmarks)."""
        return sum(numpy.asarray(value).nbytes for value in self._values.values())

    def entity_of(self, name: str) -> str:
        return _recipe(self._variables[name]).entity

    def set_input(self, name: str, values: Any) -> None:
        """Store an input as `Holder._to_array` would: an array of the population's length,
        an enum encoded, the variable's dtype."""
        variable = self._variables[name]
        recipe = _recipe(variable)
        array = numpy.asarray(values)
        if array.ndim == 0:
            array = array.reshape(1)
        count = self._populations[recipe.entity].count
        if len(array) != count:
            raise ValueError(f"{name}: {len(array)} values for {count} members")
        if recipe.is_enum:
            array = _encode(variable.possible_values, array)
        if array.dtype != recipe.dtype:
            array = array.astype(recipe.dtype)
        self._values[name] = array

    def calculate(self, name: str, period: Any = None) -> Any:
        tracer = self.tracer
        if tracer is None:
            value = self._values.get(name)
            if value is None:
                value = self._values[name] = self._compute(name)
            return value
        tracer.record_calculation_start(name, SENTINEL)
        try:
            value = self._values.get(name)
            if value is None:
                value = self._values[name] = self._compute(name)
            tracer.record_calculation_result(value)
            return value
        finally:
            tracer.record_calculation_end()

    def _compute(self, name: str) -> Any:
        variable = self._variables[name]
        recipe = _recipe(variable)
        population = self._populations[recipe.entity]
        formula = recipe.formula
        if formula is None:
            return variable.default_array(population.count)
        if recipe.with_parameters:
            value = formula(population, SENTINEL, self.tax_benefit_system.get_parameters_at_instant)
        else:
            value = formula(population, SENTINEL)
        if recipe.is_enum and not isinstance(value, EnumArray):
            return variable.possible_values.encode(value)
        if not isinstance(value, numpy.ndarray):
            value = population.filled_array(value)
        if value.dtype != recipe.dtype:
            return value.astype(recipe.dtype)
        return value
