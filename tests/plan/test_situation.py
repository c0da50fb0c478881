"""The plan sets every input of the rules; nothing falls back on OpenFisca's silent defaults."""

import numpy

from klaverblad.plan.situation import worker_inputs
from klaverblad.rules import baseline_system
from tests.builders import initiative, person


def test_every_input_variable_of_the_rules_is_set_for_every_worker() -> None:
    system = baseline_system()
    inputs_of_the_rules = {
        name for name, variable in system.variables.items() if not variable.formulas
    } - {"month"}  # the row's month is set from the horizon grid
    data = initiative(people=[person(), person(id="w2")])
    inputs = worker_inputs(data, data.people)
    assert set(inputs) == inputs_of_the_rules
    assert all(len(values) == 2 for values in inputs.values())


def test_every_float_variable_of_the_rules_is_stored_in_float64() -> None:
    system = baseline_system()
    floats = [v for v in system.variables.values() if v.value_type is float]
    assert floats and all(numpy.dtype(v.dtype) == numpy.float64 for v in floats)
