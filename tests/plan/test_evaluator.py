"""The lean evaluator (`plan.evaluator`) gives every variable of the rules exactly what
OpenFisca's own `Simulation.calculate` gives, on generated initiatives (issue step 8: "a test
checks that the new booking equals the old to the cent"), and the plans built on it equal the
plans built on OpenFisca's simulation, line for line and cent for cent."""

from __future__ import annotations

from typing import Any
from unittest.mock import patch

import numpy
import pytest
from hypothesis import given
from openfisca_core.indexed_enums import EnumArray, EnumMemberNotFoundError

from klaverblad.model import parse_initiative
from klaverblad.model.months import parse_month
from klaverblad.plan import financing_plan
from klaverblad.plan.evaluator import Evaluator, _encode
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.plan.situation import Grid, calculate, openfisca_simulation, worker_inputs
from klaverblad.report.plan_json import plan_to_dict
from klaverblad.rules import baseline_system
from tests.builders import initiative, person
from tests.strategies import Data, initiative_documents


def _same(left: Any, right: Any) -> bool:
    if isinstance(left, EnumArray) or isinstance(right, EnumArray):
        return (
            isinstance(left, EnumArray)
            and isinstance(right, EnumArray)
            and left.possible_values is right.possible_values
            and numpy.array_equal(numpy.asarray(left), numpy.asarray(right))
        )
    equal_nan = left.dtype.kind == "f"
    return bool(left.dtype == right.dtype and numpy.array_equal(left, right, equal_nan=equal_nan))


@given(initiative_documents())
def test_every_variable_is_what_openfisca_computes(document: Data) -> None:
    initiative = parse_initiative(document, source="generated.yaml")
    if not initiative.people:
        return
    system = baseline_system()
    inputs = worker_inputs(initiative, initiative.people)
    grid = Grid.rectangle(
        len(initiative.people), parse_month(initiative.horizon.start), initiative.horizon.months
    )
    reference = openfisca_simulation(system, inputs, grid)
    # Projected both ways: gathered by `worker_of_row`, and repeated per worker-major rows.
    gathered = Evaluator(system, inputs, grid.worker_of_row)
    repeated = Evaluator(system, inputs, grid.worker_of_row, grid.rows_per_worker)
    for evaluator in (gathered, repeated):
        evaluator.set_input("month_index", grid.month_of_row.astype(numpy.int64))
    for name in sorted(system.variables):
        expected = calculate(reference, name)
        assert _same(calculate(gathered, name), expected), name
        assert _same(calculate(repeated, name), expected), name


@given(initiative_documents())
def test_a_plan_on_the_evaluator_equals_the_plan_on_openfiscas_simulation(
    document: Data,
) -> None:
    initiative = parse_initiative(document, source="generated.yaml")
    lean = plan_to_dict(compute_plan(initiative), [])
    with patch.object(financing_plan, "build_simulation", openfisca_simulation):
        reference = plan_to_dict(compute_plan(initiative), [])
    assert lean == reference


def test_a_variable_of_another_entity_is_refused() -> None:
    # `employed` is a variable of a month row: a formula asking a worker for it is a rules
    # bug, and the evaluator says so instead of answering with the rows' array.
    plan = initiative(people=[person()])
    grid = Grid.rectangle(1, parse_month(plan.horizon.start), plan.horizon.months)
    evaluator = Evaluator(baseline_system(), worker_inputs(plan, plan.people), grid.worker_of_row)
    with pytest.raises(ValueError, match="employed is not a variable of worker"):
        evaluator._populations["worker"]("employed")


def test_an_enum_input_is_encoded_as_openfisca_encodes_it() -> None:
    status = baseline_system().variables["status"].possible_values
    names = numpy.array(["leefloon", "uvw", "leefloon", status.names[-1]])
    ours, theirs = _encode(status, names), status.encode(names)
    assert _same(ours, theirs)
    assert ours.dtype == theirs.dtype == numpy.int16
    # An unknown name is refused as OpenFisca refuses it (here it never gets one: the model
    # validates every status first).
    with pytest.raises(EnumMemberNotFoundError):
        _encode(status, numpy.array(["uvw", "no-such-status"]))


def test_rows_per_worker_that_do_not_add_up_to_the_rows_are_refused() -> None:
    plan = initiative(people=[person(), person(id="w2")])
    grid = Grid.rectangle(2, parse_month(plan.horizon.start), plan.horizon.months)
    with pytest.raises(ValueError, match="rows_per_worker does not match"):
        Evaluator(
            baseline_system(),
            worker_inputs(plan, plan.people),
            grid.worker_of_row,
            numpy.array([plan.horizon.months, plan.horizon.months - 1]),
        )
