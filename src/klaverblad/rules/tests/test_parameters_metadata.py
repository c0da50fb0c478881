"""Checks of the dated parameter tree and of how formulas read it.

- Every leaf parameter carries the metadata the product shows to users (RULEBOOK preamble):
  a description, a unit, a confidence grade H/M/L and at least one reference.
- Money is stated in cents at most.
- Formulas never call `parameters(period)`: the period is the ETERNITY sentinel; they read
  parameters through `klaverblad.rules.dated.at_start` / `in_force`.
- `klaverblad.rules.by_month.by_month` gives, for every month, the value OpenFisca itself gives
  at the first day of that month.
"""

from __future__ import annotations

import ast
import functools
import math
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy
import pytest
from openfisca_core.errors import ParameterNotFoundError
from openfisca_core.parameters import Parameter, ParameterNode

from klaverblad.rules.by_month import ParametersByMonth, by_month
from klaverblad.rules.system import KlaverbladTaxBenefitSystem

RULES_DIRECTORY = Path(__file__).resolve().parent.parent
VARIABLE_MODULES = sorted(
    [
        *(RULES_DIRECTORY / "variables").glob("*.py"),
        *(RULES_DIRECTORY / "measures").glob("*/variables.py"),
    ]
)
GRADES = {"H", "M", "L"}
FIRST_YEAR, LAST_YEAR = 1990, 2030

SYSTEM = KlaverbladTaxBenefitSystem()


def _leaves(node: ParameterNode) -> list[Parameter]:
    return sorted(
        (item for item in node.get_descendants() if isinstance(item, Parameter)),
        key=lambda parameter: parameter.name,
    )


LEAVES = _leaves(SYSTEM.parameters)
LEAF_IDS = [leaf.name for leaf in LEAVES]


def _is_numeric_or_boolean(parameter: Parameter) -> bool:
    values = [at.value for at in parameter.values_list]
    return all(value is None or isinstance(value, int | float) for value in values)


def _is_boolean(parameter: Parameter) -> bool:
    return any(isinstance(at.value, bool) for at in parameter.values_list)


NUMERIC_LEAVES = [leaf for leaf in LEAVES if _is_numeric_or_boolean(leaf)]
MONEY_LEAVES = [leaf for leaf in LEAVES if leaf.metadata.get("unit") == "currency-EUR"]
MONTHS = [(year, month) for year in range(FIRST_YEAR, LAST_YEAR + 1) for month in range(1, 13)]


def test_the_parameter_tree_has_leaves_of_every_measure() -> None:
    measures = {name.split(".")[0] for name in LEAF_IDS}
    expected = {
        "sine",
        "art60",
        "twe",
        "gesco",
        "activa",
        "wep_plus",
        "aanwervingsincentive",
        "maatwerk",
    }
    assert expected <= measures
    assert len(NUMERIC_LEAVES) > 50


@pytest.mark.parametrize("parameter", LEAVES, ids=LEAF_IDS)
def test_every_leaf_parameter_has_a_non_empty_description(parameter: Parameter) -> None:
    assert isinstance(parameter.description, str)
    assert parameter.description.strip()


@pytest.mark.parametrize("parameter", LEAVES, ids=LEAF_IDS)
def test_every_leaf_parameter_states_its_unit(parameter: Parameter) -> None:
    unit = parameter.metadata.get("unit")
    assert isinstance(unit, str)
    assert unit.strip()


@pytest.mark.parametrize("parameter", LEAVES, ids=LEAF_IDS)
def test_every_leaf_parameter_has_a_confidence_grade_h_m_or_l(parameter: Parameter) -> None:
    assert parameter.metadata.get("grade") in GRADES
    for at in parameter.values_list:
        # a grade given to one dated value must be a grade too
        value_metadata: dict[str, Any] = getattr(at, "metadata", None) or {}
        if "grade" in value_metadata:
            assert value_metadata["grade"] in GRADES, at.instant_str


@pytest.mark.parametrize("parameter", LEAVES, ids=LEAF_IDS)
def test_every_leaf_parameter_cites_at_least_one_reference_with_a_title(
    parameter: Parameter,
) -> None:
    references = parameter.metadata.get("reference")
    assert isinstance(references, list)
    assert references
    for reference in references:
        assert isinstance(reference, dict)
        assert set(reference) <= {"title", "href"}, reference
        assert isinstance(reference.get("title"), str)
        assert reference["title"].strip()
        if "href" in reference:
            assert isinstance(reference["href"], str)
            assert reference["href"].startswith(("http://", "https://")), reference["href"]


@pytest.mark.parametrize("parameter", MONEY_LEAVES, ids=[leaf.name for leaf in MONEY_LEAVES])
def test_every_money_parameter_value_has_at_most_two_decimals(parameter: Parameter) -> None:
    for at in parameter.values_list:
        if at.value is None:
            continue
        exponent = Decimal(str(at.value)).as_tuple().exponent
        assert isinstance(exponent, int)
        assert exponent >= -2, f"{at.instant_str}: {at.value}"


def _calls_to_parameters(source: str) -> list[int]:
    """Lines that call a function named `parameters` (as in `parameters(period)`)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        name = function.id if isinstance(function, ast.Name) else None
        if isinstance(function, ast.Attribute):
            name = function.attr
        if name == "parameters":
            lines.append(node.lineno)
    return lines


def test_the_check_for_parameters_calls_recognises_one() -> None:
    source = "def formula(worker, period, parameters):\n    return parameters(period).sine\n"
    assert _calls_to_parameters(source) == [2]
    assert _calls_to_parameters("rule = at_start(worker, period).sine\n") == []


@pytest.mark.parametrize(
    "module",
    VARIABLE_MODULES,
    ids=lambda path: f"{path.parent.name}/{path.name}",
)
def test_no_variable_module_calls_parameters_of_period(module: Path) -> None:
    source = module.read_text(encoding="utf-8")
    assert _calls_to_parameters(source) == [], f"{module.name} calls parameters(...)"
    assert "parameters(period)" not in source


def test_the_variable_modules_read_parameters_through_at_start_or_in_force() -> None:
    modules = VARIABLE_MODULES
    assert len(modules) >= 10
    measure_modules = [module for module in modules if module.parent.name != "variables"]
    for module in measure_modules:
        source = module.read_text(encoding="utf-8")
        assert "at_start(" in source or "in_force(" in source, module.name


def _month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


@functools.cache
def _openfisca_tree(year: int, month: int) -> Any:
    """OpenFisca's own parameter tree on the first day of the month."""
    return SYSTEM.parameters(f"{year}-{month:02d}-01")


def _openfisca_value(year: int, month: int, parameter: Parameter) -> Any:
    """OpenFisca's value of `parameter` on the first day of the month, None if it has none."""
    node: Any = _openfisca_tree(year, month)
    try:
        for part in parameter.name.split("."):
            node = node[part]
    except ParameterNotFoundError:
        return None
    return node


def _view_leaf(view: ParametersByMonth, parameter: Parameter) -> numpy.ndarray:
    node: Any = view
    for part in parameter.name.split("."):
        node = getattr(node, part)
    return numpy.asarray(node)


MONTH_VIEW = by_month(
    SYSTEM.parameters, numpy.array([_month_index(year, month) for year, month in MONTHS])
)


@pytest.mark.parametrize("parameter", NUMERIC_LEAVES, ids=[leaf.name for leaf in NUMERIC_LEAVES])
def test_by_month_agrees_with_openfisca_on_the_first_day_of_every_month_from_1990_to_2030(
    parameter: Parameter,
) -> None:
    got = _view_leaf(MONTH_VIEW, parameter)
    assert got.shape == (len(MONTHS),)
    boolean = _is_boolean(parameter)
    for position, (year, month) in enumerate(MONTHS):
        value = _openfisca_value(year, month, parameter)
        where = f"{parameter.name} in {year}-{month:02d}"
        if boolean:
            assert bool(got[position]) is (False if value is None else bool(value)), where
        elif value is None:
            assert math.isnan(got[position]), where
        else:
            assert got[position] == float(value), where


def test_by_month_reads_a_value_that_starts_after_the_first_day_from_the_next_month() -> None:
    # wep_plus.start_window starts on 1997-06-17: closed in 1997-06, open in 1997-07.
    view = by_month(
        SYSTEM.parameters,
        numpy.array([_month_index(1997, 6), _month_index(1997, 7), _month_index(2015, 4)]),
    )
    assert view.wep_plus.start_window.tolist() == [False, True, False]


def test_by_month_gives_each_element_the_value_of_its_own_month() -> None:
    months = numpy.array([_month_index(2006, 10), _month_index(2006, 9), _month_index(2006, 10)])
    leefloon = by_month(SYSTEM.parameters, months).art60.leefloon_cat3
    assert leefloon.tolist() == [859.31, 834.14, 859.31]
