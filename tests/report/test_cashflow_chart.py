"""The cash-flow chart (report/cashflow_chart.py): one bar per month from the zero line, down
and red below zero, up and green above it; the lowest month marked; the years under their
January, thinned out so that they never overlap on a long horizon; the horizon's end dashed."""

from __future__ import annotations

import re
from itertools import pairwise

from klaverblad.plan.cashflow import Cashflow, CashMonth
from klaverblad.report.cashflow_chart import (
    BALANCE_BOTTOM,
    BALANCE_TOP,
    LESS,
    MORE,
    YEAR_ROOM,
    cashflow_chart,
    cashflow_svg,
)
from klaverblad.web.words.cashflow import CASHFLOW_PAGE_WORDS

WORDS = CASHFLOW_PAGE_WORDS["nl"]
JANUARY_2006 = 2006 * 12


def flow(balances: list[int], horizon: int | None = None) -> Cashflow:
    """A cash flow with these balances (costs 0, received the change of the balance)."""
    months, before = [], 0
    for index, balance in enumerate(balances):
        months.append(CashMonth(JANUARY_2006 + index, 0, balance - before, {}, {}, balance))
        before = balance
    lowest = min(months, key=lambda month: month.balance_cents)
    return Cashflow(
        initiative="test",
        first_month=JANUARY_2006,
        horizon_months=horizon or len(balances),
        opening_cents=0,
        invoice_payment_days=30,
        months=months,
        components=[],
        saldo_cents=balances[-1],
        lowest_month=lowest.month,
        lowest_balance_cents=lowest.balance_cents,
        not_computable_lines=0,
    )


def test_bars_go_down_in_red_below_zero_and_up_in_green_above_it() -> None:
    # Balances −100, +300: the axis runs from −100 (bottom, 208) to +300 (top, 48), so zero
    # lies a quarter of the 160 units above the bottom: 208 − 40 = 168.
    chart = cashflow_chart(flow([-10000, 30000]), WORDS, "nl")
    assert chart.zero_y == BALANCE_BOTTOM - 40
    down, up = chart.columns
    assert (down.colour, down.y, down.height) == (LESS, 168, 40)
    assert (up.colour, up.y, up.height) == (MORE, BALANCE_TOP, 120)
    assert chart.lowest_text == "laagste: €\xa0-100,00"


def test_the_svg_is_an_image_with_a_title_and_a_description_of_its_figures() -> None:
    svg = cashflow_svg(cashflow_chart(flow([-10000, -20000, 5000], horizon=2), WORDS, "nl"))
    assert 'role="img"' in svg
    assert '<title id="kasstroom-grafiek-title">De kasstroom in een grafiek</title>' in svg
    description = re.search(r"<desc[^>]*>(.*?)</desc>", svg)
    assert description is not None
    assert "3 maanden, van januari 2006 tot maart 2006" in description.group(1)
    assert "Laagste saldo €\xa0-200,00 in februari 2006" in description.group(1)
    assert svg.count('class="cashflow-horizon"') == 2  # March is after the horizon


def test_the_years_of_a_long_horizon_never_overlap() -> None:
    # 20 years: 240 columns of 1,6 units; a year every 3 years (57,6 units apart) is the
    # first spacing of at least 40.
    chart = cashflow_chart(flow([-1] * 240), WORDS, "nl")
    years = [int(year) for _, year in chart.years]
    assert years == list(range(2006, 2026, 3))
    positions = [x for x, _ in chart.years]
    assert all(b - a >= YEAR_ROOM for a, b in pairwise(positions))
