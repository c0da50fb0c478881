"""The array helpers of `rules.dated` give, bit for bit, what the plain numpy expressions give:
`pay` and `pay_computed` are `numpy.where(due, amount, 0.0)` (a NaN amount stays NaN only where
it is due), `choose` is `numpy.choose` (also for parameters read as one repeated value)."""

from __future__ import annotations

import numpy

from klaverblad.rules import baseline_system
from klaverblad.rules.by_month import by_month
from klaverblad.rules.dated import choose, pay, pay_computed

DUE = numpy.array([True, False, True, False, True, False])
AMOUNT = numpy.array([1.5, 2.5, numpy.nan, numpy.nan, -0.0, 7.0])
EXPECTED = numpy.where(DUE, AMOUNT, 0.0)


def test_pay_is_the_amount_where_due_and_zero_elsewhere_nan_only_where_due() -> None:
    paid = pay(DUE, AMOUNT)
    assert paid.tobytes() == EXPECTED.tobytes()
    assert numpy.isnan(paid).tolist() == [False, False, True, False, False, False]


def test_pay_accepts_a_due_of_numbers_and_a_single_amount_as_numpy_where_does() -> None:
    due = numpy.array([1, 0, 2])
    assert pay(due, 3.0).tolist() == [3.0, 0.0, 3.0]


def test_pay_computed_gives_pay_in_the_amount_array_and_leaves_due_alone() -> None:
    amount = AMOUNT.copy()
    due = DUE.copy()
    paid = pay_computed(due, amount)
    assert paid is amount
    assert paid.tobytes() == EXPECTED.tobytes()
    assert due.tolist() == DUE.tolist()


def test_choose_reads_each_element_from_the_choice_its_index_names() -> None:
    index = numpy.array([2, 0, 1, 1, 0], dtype=numpy.int32)
    choices = [numpy.arange(5.0), numpy.arange(5.0) * 10, numpy.arange(5.0) * 100]
    assert choose(index, choices).tolist() == [0.0, 1.0, 20.0, 30.0, 4.0]


def test_choose_between_parameters_read_as_one_repeated_value_is_numpy_choose() -> None:
    # 2006-07 … 2007-06: the three GESCO premiums do not change in these months.
    rows = numpy.tile(numpy.arange(2006 * 12 + 6, 2007 * 12 + 6), 2)
    premie = by_month(baseline_system().parameters, rows).gesco.premie
    choices = [premie.basis, premie.verhoogd_tot_secundair, premie.verhoogd_hoger]
    assert all(choice.strides == (0,) for choice in choices)
    index = numpy.arange(len(rows), dtype=numpy.int32) % 3
    expected = numpy.choose(index, [numpy.array(choice) for choice in choices])
    got = choose(index, choices)
    assert got.dtype == expected.dtype
    assert got.tobytes() == expected.tobytes()
    assert got.flags.writeable
