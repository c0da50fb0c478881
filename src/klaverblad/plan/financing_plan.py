"""The financing plan of one initiative: lines per leaf and year, costs, gap, break-even
(RULEBOOK §3–5). Knows nothing of files, HTTP or output formats.

Example:
    >>> plan = compute_plan(load_initiative("examples/bik-klusjesdienst.yaml"))
    >>> plan.totals.gap_cents
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

import numpy
from openfisca_core.parameters import ParameterNode
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from klaverblad.model.initiative import STATUTES, Initiative
from klaverblad.model.money import UNITS_PER_EURO, euros_to_units, to_cents
from klaverblad.model.months import parse_month
from klaverblad.plan.initiative_lines import (
    InitiativeBooking,
    book_activities,
    book_agreements,
    book_grants,
    grant_units_by_month,
)
from klaverblad.plan.ledger import LEAVES, Ledger, Line
from klaverblad.plan.situation import Grid, build_simulation, worker_inputs
from klaverblad.plan.statutes import StatuteResults, compute_statutes
from klaverblad.plan.worker_lines import book_statutes, wep_plus_months
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
    # The parameter tree the plan was computed with (the baseline's, or a reform's).
    parameters: ParameterNode
    statutes: StatuteResults | None = None
    booking: InitiativeBooking = field(default_factory=InitiativeBooking)

    @property
    def month_indexes(self) -> numpy.ndarray:
        return numpy.arange(self.first_month, self.first_month + self.months)


def _monthly_costs(
    initiative: Initiative, employed: numpy.ndarray | None, count: int
) -> numpy.ndarray:
    """Costs per horizon month, in units: wage cost of everyone employed + operating / 12."""
    operating = euros_to_units(initiative.costs.operating_per_year) // 12
    costs = numpy.full(count, operating, dtype=numpy.int64)
    if employed is not None and len(initiative.people):
        wages = numpy.array(
            [euros_to_units(person.monthly_wage_cost) for person in initiative.people],
            dtype=numpy.int64,
        )
        costs += (employed * wages[:, None]).sum(axis=0)
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
    tree = system.parameters
    first = parse_month(start or initiative.horizon.start)
    count = months or initiative.horizon.months
    horizon = numpy.arange(first, first + count)
    ledger = Ledger()
    booking = InitiativeBooking()
    wep_grants = sum(
        (
            grant_units_by_month(g, horizon, first)
            for g in initiative.grants
            if g.measure == "wep_plus"
        ),
        start=numpy.zeros(count, dtype=numpy.int64),
    )
    results: StatuteResults | None = None
    if initiative.people:
        simulation = build_simulation(
            system,
            worker_inputs(initiative, initiative.people),
            Grid.rectangle(len(initiative.people), first, count),
        )
        results = compute_statutes(simulation, initiative.people, count, wep_grants, system)
        book_statutes(ledger, initiative, results, tree, horizon)
        wep_months = wep_plus_months(results)
    else:
        wep_months = numpy.zeros(count, dtype=bool)
    book_grants(ledger, initiative, tree, horizon, wep_months, booking)
    book_activities(ledger, initiative, tree, horizon, booking)
    book_agreements(ledger, initiative, horizon)
    lines = ledger.lines()
    costs = _monthly_costs(initiative, results.employed if results else None, count)
    plan_years, totals, leaves = _summarise(lines, costs, horizon)
    funding_units = ledger.total_units()
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
        break_even_cents=_break_even(int(costs.sum()), funding_units, booking),
        statutes=results,
        booking=booking,
        parameters=tree,
    )


def _summarise(
    lines: list[Line], costs: numpy.ndarray, horizon: numpy.ndarray
) -> tuple[list[YearTotals], Totals, dict[str, int]]:
    """Year and plan totals as sums of reported (rounded) amounts, so they reconcile to the
    cent: Σ lines = funding, Σ years = totals, Σ leaves = funding."""
    years = horizon // 12
    by_year = {int(year): dict.fromkeys(LEAVES, 0) for year in numpy.unique(years)}
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
    return [
        PersonResult(
            id=person.id,
            statute=results.chosen[index],
            chosen_by=results.chosen_by[index],
            eligible={name: bool(results.eligible[name][index]) for name in STATUTES},
        )
        for index, person in enumerate(initiative.people)
    ]


def same_outcome(first: FinancingPlan, second: FinancingPlan) -> bool:
    """True when two plans book the same lines and judge every person the same way."""
    return first.lines == second.lines and first.people == second.people
