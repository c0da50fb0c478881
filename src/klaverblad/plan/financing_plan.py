"""The financing plan of one initiative: lines per leaf and year, costs, gap, break-even
(RULEBOOK §3–5). Knows nothing of files, HTTP or output formats.

Example:
    >>> plan = compute_plan(load_initiative("examples/bik-klusjesdienst.yaml"))
    >>> plan.totals.gap_cents
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction

import numpy
from openfisca_core.parameters import ParameterNode
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from klaverblad.model.initiative import STATUTES, Initiative
from klaverblad.model.money import INT64_SAFE_UNITS, UNITS_PER_EURO, euros_to_units, to_cents
from klaverblad.model.months import parse_month
from klaverblad.plan.deadline import check_deadline
from klaverblad.plan.initiative_lines import (
    InitiativeBooking,
    book_activities,
    book_agreements,
    book_grants,
)
from klaverblad.plan.ledger import LEAVES, Ledger, Line
from klaverblad.plan.shared_grants import (
    SHARED_GRANTS,
    grant_units,
    grants_of,
    shared_grant_months,
)
from klaverblad.plan.situation import build_simulation, stack_initiatives
from klaverblad.plan.statutes import StatuteArrays, StatuteResults, compute_statutes
from klaverblad.plan.worker_lines import book_statutes
from klaverblad.rules import baseline_system
from klaverblad.rules.version import rules_version


@dataclass(frozen=True)
class Totals:
    costs_cents: int
    funding_cents: int

    @property
    def gap_cents(self) -> int:
        return self.costs_cents - self.funding_cents


@dataclass(frozen=True)
class YearTotals:
    year: int
    totals: Totals
    leaves: dict[str, int]


@dataclass(frozen=True)
class PersonResult:
    id: str
    statute: str
    chosen_by: str
    eligible: dict[str, bool]


@dataclass
class FinancingPlan:
    initiative: Initiative
    first_month: int
    months: int
    rules_version: str
    reforms: tuple[str, ...]
    lines: list[Line]
    years: list[YearTotals]
    totals: Totals
    leaves: dict[str, int]
    people: list[PersonResult]
    break_even_cents: int | None
    # The rules the plan was computed with (the baseline, or a reform).
    system: TaxBenefitSystem
    statutes: StatuteResults | None = None
    booking: InitiativeBooking = field(default_factory=InitiativeBooking)
    # Money outside the initiative's accounts (PWA and wijk-werk cheques, RULEBOOK §1): lines
    # of the same shape, counted in no total, leaf, year, funding, gap or break-even price.
    memo_lines: list[Line] = field(default_factory=list)

    @property
    def parameters(self) -> ParameterNode:
        return self.system.parameters

    @property
    def month_indexes(self) -> numpy.ndarray:
        return numpy.arange(self.first_month, self.first_month + self.months)


def monthly_cost_units(
    initiative: Initiative, employed: numpy.ndarray | None, count: int
) -> numpy.ndarray:
    """Costs per horizon month, in units: wage cost of everyone employed + operating / 12.

    int64 when every sum of them fits (always, but for many people at huge wages); else
    Python integers (an object array), so that month, year and horizon sums stay exact."""
    operating = euros_to_units(initiative.costs.operating_per_year) // 12
    wage_units = [euros_to_units(person.monthly_wage_cost) for person in initiative.people]
    bound = (operating + sum(wage_units)) * count
    dtype: type = numpy.int64 if bound < INT64_SAFE_UNITS else object
    costs: numpy.ndarray = numpy.full(count, operating, dtype=dtype)
    if employed is not None and len(initiative.people):
        wages: numpy.ndarray = numpy.array(wage_units, dtype=dtype)
        costs += (employed.astype(dtype) * wages[:, None]).sum(axis=0)
    return costs


def _break_even(costs_units: int, funding_units: int, booking: InitiativeBooking) -> int | None:
    """p = (costs − (funding − cash revenue)) / cash hours, exact, then rounded to cents."""
    if booking.cash_hundredths_of_hours == 0:
        return None
    needed = costs_units - (funding_units - booking.cash_revenue_units)
    price = Fraction(needed * 100, booking.cash_hundredths_of_hours)  # units per hour
    cents = Fraction(price * 100, UNITS_PER_EURO)
    sign = -1 if cents < 0 else 1
    whole, rest = divmod(abs(cents.numerator), cents.denominator)
    if 2 * rest >= cents.denominator:
        whole += 1
    return sign * whole


def compute_plan(
    initiative: Initiative,
    system: TaxBenefitSystem | None = None,
    start: str | None = None,
    months: int | None = None,
    reforms: tuple[str, ...] = (),
) -> FinancingPlan:
    """The financing plan of `initiative` under `system` (the baseline rules by default);
    `start`/`months` override the file's horizon."""
    system = system or baseline_system()
    horizon = Horizon(
        parse_month(start or initiative.horizon.start), months or initiative.horizon.months
    )
    (plan,) = compute_plans([(initiative, horizon)], system, reforms)
    return plan


@dataclass(frozen=True)
class Horizon:
    first_month: int
    months: int


def compute_plans(
    items: list[tuple[Initiative, Horizon]],
    system: TaxBenefitSystem,
    reforms: tuple[str, ...] = (),
    progress: Callable[[int], None] | None = None,
) -> list[FinancingPlan]:
    """The plans of many initiatives from ONE vectorised simulation of all their workers and
    months; each initiative keeps its own horizon. `progress(k)` is told after each plan.
    Between stages it checks the time budget of the request (`klaverblad.plan.deadline`)."""
    check_deadline()
    stack = stack_initiatives([(i, h.first_month, h.months) for i, h in items])
    arrays = None
    if stack.rows:
        arrays = StatuteArrays(build_simulation(system, stack.inputs, stack.grid), system)
    plans = []
    for index, ((initiative, horizon), (workers, rows)) in enumerate(
        zip(items, stack.slices, strict=True)
    ):
        check_deadline()
        plans.append(_assemble(initiative, horizon, system, arrays, workers, rows, reforms))
        if progress:
            progress(index + 1)
    return plans


def _assemble(
    initiative: Initiative,
    horizon: Horizon,
    system: TaxBenefitSystem,
    arrays: StatuteArrays | None,
    workers: slice,
    rows: slice,
    reforms: tuple[str, ...],
) -> FinancingPlan:
    tree = system.parameters
    first, count = horizon.first_month, horizon.months
    months = numpy.arange(first, first + count)
    ledger = Ledger()
    booking = InitiativeBooking()
    # The grants of the statutes paid by a shared grant (WEP+), per statute and month.
    shared_units = {
        statute: grant_units(grants_of(initiative, statute), months, first)
        for statute in SHARED_GRANTS
    }
    results: StatuteResults | None = None
    if initiative.people and arrays is not None:
        results = compute_statutes(arrays, workers, rows, initiative.people, count, shared_units)
        check_deadline()
        book_statutes(ledger, initiative, results, tree, months)
    shared_months = {
        statute: shared_grant_months(results, statute, count) for statute in SHARED_GRANTS
    }
    book_grants(ledger, initiative, tree, months, shared_months, booking)
    book_activities(ledger, initiative, tree, months, booking)
    book_agreements(ledger, initiative, months)
    check_deadline()
    lines = ledger.lines()
    costs = monthly_cost_units(initiative, results.employed if results else None, count)
    plan_years, totals, leaves = _summarise(lines, costs, months)
    return FinancingPlan(
        initiative=initiative,
        first_month=first,
        months=count,
        rules_version=rules_version(system),
        reforms=reforms,
        lines=lines,
        years=plan_years,
        totals=totals,
        leaves=leaves,
        people=_people(initiative, results),
        break_even_cents=_break_even(int(costs.sum()), ledger.total_units(), booking),
        statutes=results,
        booking=booking,
        system=system,
        memo_lines=booking.memo.lines(),
    )


def _summarise(
    lines: list[Line], costs: numpy.ndarray, horizon: numpy.ndarray
) -> tuple[list[YearTotals], Totals, dict[str, int]]:
    """Year and plan totals as sums of reported (rounded) amounts, so they reconcile to the
    cent: Σ lines = funding, Σ years = totals, Σ leaves = funding."""
    years = horizon // 12
    by_year = {int(year): dict.fromkeys(LEAVES, 0) for year in sorted(set(years.tolist()))}
    for line in lines:
        by_year[line.year][line.leaf] += line.cents
    plan_years: list[YearTotals] = []
    for year, leaves in by_year.items():
        plan_years.append(
            YearTotals(
                year=int(year),
                totals=Totals(to_cents(int(costs[years == year].sum())), sum(leaves.values())),
                leaves=leaves,
            )
        )
    leaves = {leaf: sum(y.leaves[leaf] for y in plan_years) for leaf in LEAVES}
    totals = Totals(
        sum(y.totals.costs_cents for y in plan_years),
        sum(y.totals.funding_cents for y in plan_years),
    )
    return plan_years, totals, leaves


def _people(initiative: Initiative, results: StatuteResults | None) -> list[PersonResult]:
    if results is None:
        return []
    eligible = {name: results.eligible[name].tolist() for name in STATUTES}
    return [
        PersonResult(
            id=person.id,
            statute=results.chosen[index],
            chosen_by=results.chosen_by[index],
            eligible={name: bool(eligible[name][index]) for name in STATUTES},
        )
        for index, person in enumerate(initiative.people)
    ]


def same_outcome(first: FinancingPlan, second: FinancingPlan) -> bool:
    """True when two plans book the same lines (memo lines too) and judge every person the
    same way."""
    return (
        first.lines == second.lines
        and first.memo_lines == second.memo_lines
        and first.people == second.people
    )
