"""Dated parameters read per element (`rules.by_month`): a leaf that keeps one value over the
months read comes as a read-only view of that value, with the same numbers as a look-up month
by month; a value changed after a read (in place, by `update`, on a cloned tree as reforms and
`--set` do) is read again, and the baseline keeps its own values."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from typing import Any

import numpy
import pytest
from openfisca_core import periods
from openfisca_core.parameters import Parameter, ParameterNode

from klaverblad.rules import baseline_system
from klaverblad.rules.by_month import by_month, leaf, month_table

OCT_2006 = 2006 * 12 + 9
# 2006-07 … 2007-06: the leefloon changes in 2006-10 and 2007-04, the SINE allowance does not.
YEAR_FROM_JULY_2006 = numpy.arange(2006 * 12 + 6, 2007 * 12 + 6)


def _leaves(node: ParameterNode) -> Iterator[Parameter]:
    for child in node.children.values():
        if isinstance(child, ParameterNode):
            yield from _leaves(child)
        else:
            yield child


def _number_or_boolean(parameter: Parameter) -> bool:
    values = [at.value for at in parameter.values_list if at.value is not None]
    return all(isinstance(value, bool | int | float) for value in values)


LEAVES = [p for p in _leaves(baseline_system().parameters) if _number_or_boolean(p)]


def _read(view: Any, path: str) -> numpy.ndarray:
    for name in path.split("."):
        view = getattr(view, name)
    result: numpy.ndarray = view
    return result


def _rows(months: numpy.ndarray, people: int) -> numpy.ndarray:
    """Worker-major rows of `people` workers over `months`, as a plan lays them out."""
    return numpy.tile(months, people)


def test_a_leaf_unchanged_over_the_months_read_is_one_read_only_value_repeated() -> None:
    view = by_month(baseline_system().parameters, _rows(YEAR_FROM_JULY_2006, 3))
    allowance = view.sine.herinschakelingsuitkering.amount
    assert allowance.shape == (36,)
    assert allowance.strides == (0,)
    assert not allowance.flags.writeable
    assert set(allowance.tolist()) == {500.0}


def test_a_leaf_that_changes_within_the_months_read_gives_each_row_its_own_month() -> None:
    view = by_month(baseline_system().parameters, _rows(YEAR_FROM_JULY_2006, 2))
    leefloon = view.art60.leefloon_cat3
    assert leefloon.flags.writeable
    one_worker = [834.14] * 3 + [859.31] * 6 + [876.50] * 3
    assert leefloon.tolist() == one_worker * 2


SPANS = {
    "a plan year crossing leefloon changes": YEAR_FROM_JULY_2006,
    "one month": numpy.array([OCT_2006]),
    "before any value": numpy.arange(1950 * 12, 1951 * 12),
    "1990 to 2030": numpy.arange(1990 * 12, 2031 * 12),
    "after the last value": numpy.arange(2040 * 12, 2042 * 12),
}


@pytest.mark.parametrize("span", list(SPANS), ids=list(SPANS))
def test_every_leaf_reads_bit_for_bit_what_a_month_by_month_look_up_gives(span: str) -> None:
    rows = _rows(SPANS[span], 4)
    view = by_month(baseline_system().parameters, rows)
    for parameter in LEAVES:
        got = _read(view, parameter.name)
        expected = month_table(parameter).lookup(rows)
        assert got.dtype == expected.dtype, parameter.name
        assert got.tobytes() == expected.tobytes(), parameter.name


def test_no_months_read_give_an_empty_array() -> None:
    view = by_month(baseline_system().parameters, numpy.zeros(0, dtype=numpy.int64))
    assert view.art60.leefloon_cat3.shape == (0,)
    assert view.sine.start_window.shape == (0,)


@pytest.fixture
def tree() -> ParameterNode:
    """A clone of the baseline's parameters, read once (its month tables are built)."""
    clone: ParameterNode = baseline_system().parameters.clone()
    _read(by_month(clone, numpy.array([OCT_2006])), "art60.leefloon_cat3")
    return clone


def _leefloon_in_october_2006(parameters: ParameterNode) -> float:
    return float(_read(by_month(parameters, numpy.array([OCT_2006])), "art60.leefloon_cat3")[0])


def test_a_value_changed_in_place_after_a_read_is_read_again(tree: ParameterNode) -> None:
    parameter = leaf(tree, "art60.leefloon_cat3")
    in_force = next(at for at in parameter.values_list if at.instant_str == "2006-10-01")
    in_force.value = 900.0
    assert _leefloon_in_october_2006(tree) == 900.0


def test_a_value_moved_to_another_date_in_place_is_read_again(tree: ParameterNode) -> None:
    parameter = leaf(tree, "art60.leefloon_cat3")
    in_force = next(at for at in parameter.values_list if at.instant_str == "2006-10-01")
    in_force.instant_str = "2006-11-01"
    assert _leefloon_in_october_2006(tree) == 834.14


def test_a_value_set_by_update_is_read_from_its_month(tree: ParameterNode) -> None:
    leaf(tree, "art60.leefloon_cat3").update(start=periods.instant("2006-10-01"), value=1000.0)
    assert _leefloon_in_october_2006(tree) == 1000.0


def test_a_value_changed_on_a_clone_leaves_the_read_original_as_it_was(
    tree: ParameterNode,
) -> None:
    # A reform clones a tree whose month tables exist, then changes the clone's values.
    reformed = tree.clone()
    for at in leaf(reformed, "art60.leefloon_cat3").values_list:
        at.value = 1.0
    assert _leefloon_in_october_2006(reformed) == 1.0
    assert _leefloon_in_october_2006(tree) == 859.31


def test_a_pickled_tree_reads_the_same_read_only_values(tree: ParameterNode) -> None:
    path = "sine.herinschakelingsuitkering.amount"
    rows = _rows(YEAR_FROM_JULY_2006, 2)
    _read(by_month(tree, rows), path)
    copy = pickle.loads(pickle.dumps(tree))
    allowance = _read(by_month(copy, rows), path)
    assert not allowance.flags.writeable
    assert set(allowance.tolist()) == {500.0}
    assert _leefloon_in_october_2006(copy) == 859.31
