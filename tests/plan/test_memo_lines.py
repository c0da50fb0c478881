"""PWA and wijk-werk cheques are memo lines (RULEBOOK v1.2 §1, §4.2, §5; CONTRACT §4): the
cheques pay PWA workers or wijk-werkers, not the initiative, so hours × price are booked apart,
in no total, leaf, year, funding, gap or break-even price. Expected figures by hand.

Which measure, leaf, funder and amount a cheque books, and when it is refused, are the rule
cases of `rules/measures/pwa/booking.yaml` and `rules/measures/wijk_werken/booking.yaml`;
this module checks that memo lines stay out of every total and output."""

from __future__ import annotations

from typing import Any

from klaverblad.advice.portfolio import summarise
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.report.plan_json import plan_to_dict
from tests.builders import initiative

TUIN: dict[str, Any] = {
    "id": "tuin",
    "kind": "tuin",
    "hours_per_month": 10,
    "payment": "pwa_cheque",
    "price_per_hour": 5.95,
    "client_group": "particulier",
}
KINDEROPVANG: dict[str, Any] = {
    "id": "opvang",
    "kind": "kinderopvang",
    "hours_per_month": 20,
    "payment": "cash",
    "price_per_hour": 3.00,
    "client_group": "kansarm",
}


def _plan(start: str, months: int, *activities: dict[str, Any], **changes: Any) -> Any:
    data = {"recognitions": [], "horizon": {"start": start, "months": months}, **changes}
    return compute_plan(initiative(activities=list(activities), **data))


def test_memo_lines_count_in_no_total_leaf_year_funding_or_gap() -> None:
    # Only the cash activity is funding: 20 h × 3.00 × 4 months = 240.00 (leaf III); the
    # cheques' 238.00 stay outside. No costs: the gap is 0 − 240.00 = −240.00.
    plan = _plan("2017-11", 4, TUIN, KINDEROPVANG)
    assert plan.lines and all(line.measure == "klantbijdrage" for line in plan.lines)
    assert plan.totals.funding_cents == 24000
    assert plan.totals.gap_cents == -24000
    assert plan.leaves == {"I": 0, "II": 0, "III": 24000, "IV": 0}
    assert sum(line.cents for line in plan.lines) == plan.totals.funding_cents
    assert [year.totals.funding_cents for year in plan.years] == [12000, 12000]
    assert sum(line.cents for line in plan.memo_lines) == 23800


def test_the_break_even_price_leaves_the_cheques_out() -> None:
    # Operating costs 1 200.00 a year over 12 months = 1 200.00; funding = the cash revenue
    # only, 20 h × 3.00 × 12 = 720.00, so p = (1200 − (720 − 720)) / (20 h × 12) = 1200 / 240
    # = 5.00, with or without the cheques.
    plan = _plan("2017-01", 12, TUIN, KINDEROPVANG, costs={"operating_per_year": 1200})
    assert plan.break_even_cents == 500
    without = _plan("2017-01", 12, KINDEROPVANG, costs={"operating_per_year": 1200})
    assert without.break_even_cents == plan.break_even_cents
    assert without.totals == plan.totals


def test_the_plan_json_has_memo_lines_right_after_lines_always() -> None:
    with_cheques = plan_to_dict(_plan("2017-12", 2, TUIN), [])
    keys = list(with_cheques)
    assert keys[keys.index("lines") + 1] == "memo_lines"
    assert with_cheques["memo_lines"] == [
        {
            "leaf": "II",
            "measure": "pwa",
            "component": "particulier",
            "funder": "gebruikers (PWA)",
            "person": None,
            "activity": "tuin",
            "year": 2017,
            "amount": "59.50",
            "status": "computed",
        },
        {
            "leaf": "II",
            "measure": "wijk_werken",
            "component": "particulier",
            "funder": "gebruikers (wijk-werken)",
            "person": None,
            "activity": "tuin",
            "year": 2018,
            "amount": "59.50",
            "status": "computed",
        },
    ]
    without = plan_to_dict(_plan("2017-12", 2, KINDEROPVANG), [])
    assert without["memo_lines"] == []
    assert list(without).index("memo_lines") == list(without).index("lines") + 1


def test_the_portfolio_leaves_memo_lines_out_of_every_total() -> None:
    # Funders, leaves and years of the portfolio hold the cash 120.00 (2 × 20 h × 3.00) only,
    # paid by its client group (RULEBOOK §4.2: funder = the client group).
    summary = summarise([_plan("2017-12", 2, TUIN, KINDEROPVANG)])
    assert dict(summary.funders) == {"kansarm": 12000}
    assert sum(summary.leaves.values()) == 12000
    assert summary.total.funding == 12000
    assert "gebruikers (PWA)" not in summary.funders
    assert "gebruikers (wijk-werken)" not in summary.funders
