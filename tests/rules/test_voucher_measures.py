"""The measures an activity's voucher books are found in the catalogue by its payment
(`catalogue.voucher_measures`, `rules.funding.Voucher`), never named in the plan: RULEBOOK §4.2,
`payment: dienstencheque` → measure `dienstencheque`, lines of the plan; `payment: pwa_cheque`
→ `pwa` to 2017-12, `wijk_werken` from 2018-01, memo lines (§1)."""

from __future__ import annotations

from typing import get_args

import pytest

from klaverblad.model.initiative import Payment
from klaverblad.model.months import parse_month
from klaverblad.rules import baseline_system
from klaverblad.rules.by_month import leaf, value_at_month
from klaverblad.rules.catalogue import MEASURES, voucher_measures, voucher_of
from klaverblad.rules.funding import Voucher, VoucherPayment

VOUCHERS = get_args(VoucherPayment)


def _names(payment: str) -> list[str]:
    return [measure.name for measure in voucher_measures(payment)]


def test_a_dienstencheque_is_paid_by_the_measure_dienstencheque_booked_as_lines_of_the_plan() -> (
    None
):
    assert _names("dienstencheque") == ["dienstencheque"]
    voucher = voucher_of("dienstencheque")
    assert voucher is not None and voucher.memo is False


def test_a_pwa_cheque_is_paid_by_pwa_then_wijk_werken_booked_as_memo_lines() -> None:
    # The catalogue's order is the order in which the months are given out: PWA first.
    assert _names("pwa_cheque") == ["pwa", "wijk_werken"]
    voucher = voucher_of("pwa_cheque")
    assert voucher is not None and voucher.memo is True


@pytest.mark.parametrize("payment", ["cash", "invoice"])
def test_cash_and_invoice_are_paid_by_no_voucher(payment: str) -> None:
    assert voucher_measures(payment) == ()
    assert voucher_of(payment) is None


def test_every_voucher_is_a_payment_of_the_file_and_has_a_measure() -> None:
    assert set(VOUCHERS) <= set(get_args(Payment))
    for payment in VOUCHERS:
        assert voucher_measures(payment), payment


@pytest.mark.parametrize("payment", VOUCHERS)
def test_the_measures_of_one_payment_state_the_same_voucher(payment: str) -> None:
    # `voucher_of` reads the first measure's: a second one may not ask something else.
    shapes = {measure.funding for measure in voucher_measures(payment)}
    assert shapes == {voucher_of(payment)}


def test_only_the_measures_of_a_voucher_payment_state_a_voucher() -> None:
    stated = sorted(name for name, m in MEASURES.items() if isinstance(m.funding, Voucher))
    assert stated == sorted(name for payment in VOUCHERS for name in _names(payment))


@pytest.mark.parametrize("payment", VOUCHERS)
def test_every_parameter_a_voucher_names_is_a_dated_parameter_of_the_rules(payment: str) -> None:
    voucher = voucher_of(payment)
    assert voucher is not None
    tree = baseline_system().parameters
    lists = [voucher.kinds, *([voucher.client_groups] if voucher.client_groups else [])]
    numbers = [*(voucher.price_range or ()), *(voucher.prices or ())]
    # In 2010-01 every voucher of RULEBOOK §4.2 has its rules: lists of codes and amounts.
    month = parse_month("2010-01")
    for path in lists:
        assert isinstance(value_at_month(leaf(tree, path), month), list), path
    for path in numbers:
        assert isinstance(value_at_month(leaf(tree, path), month), float), path


@pytest.mark.parametrize(
    ("month", "pwa_open", "wijk_werken_open"),
    [
        # RULEBOOK §4.2: PWA workers to 2017-12, wijk-werkers from 2018-01; the PWA from 1994.
        ("1994-01", True, False),
        ("2017-12", True, False),
        ("2018-01", False, True),
        ("2025-06", False, True),
    ],
)
def test_the_windows_of_the_pwa_cheques_measures_meet_in_2018_01(
    month: str, pwa_open: bool, wijk_werken_open: bool
) -> None:
    tree = baseline_system().parameters
    pwa, wijk_werken = voucher_measures("pwa_cheque")
    (pwa_window,) = pwa.paid
    (wijk_werken_window,) = wijk_werken.paid
    at = parse_month(month)
    assert bool(value_at_month(leaf(tree, pwa_window), at)) is pwa_open
    assert bool(value_at_month(leaf(tree, wijk_werken_window), at)) is wijk_werken_open
