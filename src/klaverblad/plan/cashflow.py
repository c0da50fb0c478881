"""When the money arrives: the plan month by month as cash (docs/cashflow.md).

Costs are paid in the month they are incurred. Each line's money, earned in a month
(`plan.monthly_lines`), arrives in the month its timing gives (`rules.payment_timing`); the
months run on past the horizon until the last payment has arrived. The balance is the opening
balance (the file's `cash:` block) plus the running sum of money received less costs paid; at
the end it is the opening balance plus the plan's saldo (funding − costs), to the cent. Memo
lines (PWA, wijk-werken) are not the initiative's money and never arrive.

Example:
    >>> from klaverblad.model import load_initiative
    >>> from klaverblad.plan.financing_plan import compute_plan
    >>> flow = compute_cashflow(compute_plan(load_initiative("examples/bik-klusjesdienst.yaml")))
    >>> flow.final_balance_cents == flow.opening_cents + flow.saldo_cents
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from klaverblad.model.initiative import Cash
from klaverblad.model.money import euros_to_units, to_cents
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.plan.ledger import LEAVES, Line
from klaverblad.plan.monthly_lines import MonthlyLine, monthly_costs, monthly_lines
from klaverblad.rules.payment_timing import Timing, timing_of


@dataclass(frozen=True)
class CashMonth:
    """One month of the cash flow: `month` is a month index (`model.months`)."""

    month: int
    costs_cents: int
    received_cents: int
    leaves: dict[str, int]
    funders: dict[str, int]
    balance_cents: int

    @property
    def net_cents(self) -> int:
        return self.received_cents - self.costs_cents


@dataclass(frozen=True)
class ComponentTiming:
    """The timing applied to a (measure, component) and the money it brought."""

    measure: str
    component: str
    timing: Timing
    received_cents: int


@dataclass(frozen=True)
class Cashflow:
    """The cash flow of a plan: months from the horizon's first to the last payment."""

    initiative: str
    first_month: int
    horizon_months: int
    opening_cents: int
    invoice_payment_days: int
    months: list[CashMonth]
    components: list[ComponentTiming]
    saldo_cents: int
    lowest_month: int
    lowest_balance_cents: int
    not_computable_lines: int

    @property
    def final_balance_cents(self) -> int:
        return self.months[-1].balance_cents

    @property
    def prefinancing_cents(self) -> int:
        """The cash needed beforehand so that the balance never falls below zero."""
        return max(0, -self.lowest_balance_cents)

    @property
    def unknown_timings(self) -> int:
        """The components whose payment moment no source gives (assumed in the month earned)."""
        return sum(not item.timing.timing_known for item in self.components)


def cash_terms(plan: FinancingPlan) -> Cash:
    """The file's `cash:` block, or its defaults (no cash at the start, invoices in 30 days)."""
    return plan.initiative.cash or Cash()


def arrival_month(month: int, timing: Timing, last_month: int, payment: str, days: int) -> int:
    """The month in which money earned in `month` arrives (`rules.payment_timing`);
    `last_month` is the last month the line's component earns (for `after_traject`),
    `payment` the activity's payment (for `client_terms`).

    >>> from klaverblad.rules.payment_timing import timing_of
    >>> arrival_month(24_000, timing_of("sine", "doelgroepvermindering"), 0, "", 0) - 24_000
    3
    """
    delay = timing.delay_months
    rhythm = timing.rhythm
    if rhythm == "quarterly_in_arrears":
        return month - month % 3 + 2 + delay
    if rhythm == "half_yearly":
        return month - month % 6 + 5 + delay
    if rhythm == "yearly":
        return month - month % 12 + 11 + delay
    if rhythm == "after_traject":
        return last_month + delay
    if rhythm == "client_terms":
        return month if payment != "invoice" else invoice_month(month, days)
    return month + delay  # monthly, refund


def invoice_month(month: int, days: int) -> int:
    """An invoice sent on the last day of `month`, paid `days` later: the month it is paid.

    >>> invoice_month(24_000, 30) - 24_000  # 2000-01-31 + 30 days = 2000-03-01
    2
    """
    year, index = divmod(month + 1, 12)
    paid = date(year, index + 1, 1) - timedelta(days=1) + timedelta(days=days)
    return paid.year * 12 + paid.month - 1


def compute_cashflow(plan: FinancingPlan) -> Cashflow:
    """The monthly cash flow of `plan`: costs paid, money received (in total, per leaf and
    per funder), the balance, the lowest month and the pre-financing needed."""
    terms = cash_terms(plan)
    opening = to_cents(euros_to_units(terms.opening_balance))
    days = terms.invoice_payment_days
    payments = {activity.id: activity.payment for activity in plan.initiative.activities}
    first = plan.first_month
    arrivals: dict[int, list[tuple[Line, int]]] = {}
    received: dict[tuple[str, str], int] = {}
    items = monthly_lines(plan)
    last_earned = _last_earned(items)
    for item in items:
        line = item.line
        timing = timing_of(line.measure, line.component)
        key = (line.measure, line.component)
        received[key] = received.get(key, 0) + line.cents
        last = first + last_earned[_series(line)]
        payment = payments.get(line.activity or "", "")
        for at, cents in enumerate(item.cents):
            if cents:
                month = arrival_month(first + at, timing, last, payment, days)
                arrivals.setdefault(month, []).append((line, cents))
    costs = monthly_costs(plan)
    end = max([first + plan.months - 1, *arrivals])
    months, balance = [], opening
    for month in range(first, end + 1):
        leaves, total = dict.fromkeys(LEAVES, 0), 0
        funders: dict[str, int] = {}
        for line, cents in arrivals.get(month, []):
            leaves[line.leaf] += cents
            funders[line.funder] = funders.get(line.funder, 0) + cents
            total += cents
        spent = costs[month - first] if month - first < plan.months else 0
        balance += total - spent
        months.append(
            CashMonth(month, spent, total, leaves, dict(sorted(funders.items())), balance)
        )
    lowest = min(months, key=lambda shown: shown.balance_cents)
    saldo = plan.totals.funding_cents - plan.totals.costs_cents
    assert balance == opening + saldo, "the cash flow reconciles to the plan's saldo"
    return Cashflow(
        initiative=plan.initiative.id,
        first_month=first,
        horizon_months=plan.months,
        opening_cents=opening,
        invoice_payment_days=days,
        months=months,
        components=[
            ComponentTiming(measure, component, timing_of(measure, component), cents)
            for (measure, component), cents in sorted(received.items())
        ],
        saldo_cents=saldo,
        lowest_month=lowest.month,
        lowest_balance_cents=lowest.balance_cents,
        not_computable_lines=sum(line.status == "not_computable" for line in plan.lines),
    )


def _series(line: Line) -> tuple[str, ...]:
    """A line without its year: the same money of the same person over the years."""
    return (line.leaf, line.measure, line.component, line.person or "", line.activity or "")


def _last_earned(items: list[MonthlyLine]) -> dict[tuple[str, ...], int]:
    """Per series of lines (`_series`), the last horizon position in which it earns money."""
    last: dict[tuple[str, ...], int] = {}
    for item in items:
        positions = [at for at, cents in enumerate(item.cents) if cents]
        key = _series(item.line)
        last[key] = max(last.get(key, 0), *positions)
    return last
