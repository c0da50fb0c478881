"""The cash flow (docs/cashflow.md): money arrives when its timing says, the balance ends at the
opening balance + the plan's saldo, the months of a line sum to its year."""

from __future__ import annotations

import glob

from hypothesis import HealthCheck, given, settings

from klaverblad.model import load_initiative, parse_initiative
from klaverblad.model.months import month_index
from klaverblad.plan.cashflow import Cashflow, arrival_month, compute_cashflow, invoice_month
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.plan.monthly_lines import monthly_costs, monthly_lines
from klaverblad.rules.measures import MEASURE_NAMES, spec_of
from klaverblad.rules.payment_timing import DEFAULT, Timing, payment_file
from tests.builders import initiative, person
from tests.strategies import Data, initiative_documents

INVOICED = {
    "id": "a1",
    "kind": "klusjes",
    "hours_per_month": 10,
    "payment": "invoice",
    "price_per_hour": 20,
    "client_group": "particulier",
}


def _one_sine_worker() -> Cashflow:
    return compute_cashflow(
        compute_plan(
            initiative(
                people=[person(statute="sine")],
                activities=[INVOICED],
                cash={"opening_balance": 1000, "invoice_payment_days": 30},
            )
        )
    )


def test_a_sine_worker_and_an_invoice_arrive_month_by_month_as_worked_by_hand() -> None:
    # One SINE worker, 2006, full time, wage cost 2 100.00 a month; 10 h × 20.00 invoiced.
    # herinschakelingsuitkering 500.00 in the month itself (deducted from the net wage);
    # doelgroepvermindering 1 000.00 booked in Mar/Jun/Sep/Dec, arriving the month after the
    # quarter: Apr, Jul, Oct and Jan 2007; the invoice of a month, sent on its last day and
    # paid 30 days later: Jan 31 → Mar 2, Feb 28 → Mar 30, Mar 31 → Apr 30, … Dec 31 → Jan 30.
    flow = _one_sine_worker()
    received = [month.received_cents for month in flow.months]
    assert received == [
        50000,  # Jan: 500
        50000,  # Feb: 500
        90000,  # Mar: 500 + invoices of Jan and Feb 400
        170000,  # Apr: 500 + 1 000 (Q1) + invoice of Mar 200
        70000, 70000,  # May, Jun: 500 + 200
        170000,  # Jul: 500 + 1 000 (Q2) + 200
        70000, 70000,
        170000,  # Oct: 500 + 1 000 (Q3) + 200
        70000, 70000,
        120000,  # Jan 2007: 1 000 (Q4) + invoice of Dec 200
    ]  # fmt: skip
    # Balance: 1 000 + Σ(received − 2 100): Jan −600, Feb −2 200, Mar −3 400, Apr −3 800 …
    # Dec: −13 000 (the lowest), Jan 2007: −11 800 = 1 000 + saldo (12 800 − 25 200).
    assert flow.months[0].balance_cents == -60000
    assert flow.lowest_month == month_index(2006, 12)
    assert flow.lowest_balance_cents == -1300000
    assert flow.prefinancing_cents == 1300000
    assert flow.saldo_cents == 1000000 + 240000 - 2520000
    assert flow.final_balance_cents == 100000 - 1280000


def test_an_invoice_paid_in_30_days_arrives_by_the_calendar() -> None:
    # 2006-01-31 + 30 days = 2006-03-02; 2006-02-28 + 30 = 2006-03-30; 0 days: the month.
    assert invoice_month(month_index(2006, 1), 30) == month_index(2006, 3)
    assert invoice_month(month_index(2006, 2), 30) == month_index(2006, 3)
    assert invoice_month(month_index(2006, 12), 0) == month_index(2006, 12)


def test_the_months_of_every_line_and_the_costs_sum_to_the_plan_of_every_example() -> None:
    for path in sorted(glob.glob("examples/*.yaml")):
        plan = compute_plan(load_initiative(path))
        for item in monthly_lines(plan):
            assert item.derived, (path, item.line)
            assert sum(item.cents) == item.line.cents
        costs = monthly_costs(plan)
        for year in plan.years:
            months = range(plan.months)
            in_year = [costs[at] for at in months if (plan.first_month + at) // 12 == year.year]
            assert sum(in_year) == year.totals.costs_cents


def test_every_example_ends_at_its_opening_balance_plus_the_plans_saldo() -> None:
    for path in sorted(glob.glob("examples/*.yaml")):
        plan = compute_plan(load_initiative(path))
        flow = compute_cashflow(plan)
        assert flow.final_balance_cents == plan.totals.funding_cents - plan.totals.costs_cents


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(initiative_documents())
def test_a_generated_initiative_ends_at_its_opening_balance_plus_the_plans_saldo(
    document: Data,
) -> None:
    document = {**document, "cash": {"opening_balance": 250, "invoice_payment_days": 45}}
    plan = compute_plan(parse_initiative(document, source="generated.json"))
    flow = compute_cashflow(plan)
    assert flow.final_balance_cents == 25000 + plan.totals.funding_cents - plan.totals.costs_cents
    assert sum(month.received_cents for month in flow.months) == plan.totals.funding_cents
    assert all(item.derived for item in monthly_lines(plan))
    assert flow.prefinancing_cents == max(0, -min(m.balance_cents for m in flow.months))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(initiative_documents(huge=True))
def test_huge_amounts_and_long_horizons_still_end_at_the_plans_saldo(document: Data) -> None:
    plan = compute_plan(parse_initiative(document, source="generated.json"))
    flow = compute_cashflow(plan)
    assert flow.final_balance_cents == plan.totals.funding_cents - plan.totals.costs_cents
    assert all(item.derived for item in monthly_lines(plan))


def test_every_component_of_every_measure_has_a_payment_timing() -> None:
    for name in MEASURE_NAMES:
        timings = payment_file(name).components
        for component in spec_of(name).components:
            assert component.name in timings, (name, component.name)
        if not spec_of(name).components:
            assert DEFAULT in timings, name


def test_a_file_without_a_cash_block_starts_at_zero_and_invoices_in_30_days() -> None:
    plan = compute_plan(initiative(people=[person(statute="sine")], activities=[INVOICED]))
    flow = compute_cashflow(plan)
    assert flow.opening_cents == 0
    assert flow.invoice_payment_days == 30


def test_each_rhythm_moves_a_month_as_worked_by_hand() -> None:
    may = month_index(2006, 5)
    known = {"timing_known": True, "label_nl": "x", "label_en": "x", "reference": "x"}

    def moved(rhythm: str, delay: int, last: int = 0, payment: str = "") -> int:
        timing = Timing(rhythm=rhythm, delay_months=delay, grade="H", **known)  # type: ignore[arg-type]
        return arrival_month(may, timing, last, payment, 30)

    assert moved("monthly", 0) == may
    assert moved("refund", 1) == month_index(2006, 6)
    # May is in Q2 (Apr–Jun): the month after June is July.
    assert moved("quarterly_in_arrears", 1) == month_index(2006, 7)
    # May is in the first half-year: its end June, + 1 month = July.
    assert moved("half_yearly", 1) == month_index(2006, 7)
    # The end of 2006 + 2 months = February 2007.
    assert moved("yearly", 2) == month_index(2007, 2)
    # After the traject: the component's last month (here September) + 1 = October.
    assert moved("after_traject", 1, last=month_index(2006, 9)) == month_index(2006, 10)
    # Client terms: cash in May; an invoice of 31 May paid 30 days later, on 30 June.
    assert moved("client_terms", 0, payment="cash") == may
    assert moved("client_terms", 0, payment="invoice") == month_index(2006, 6)
