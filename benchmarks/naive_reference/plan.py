"""The financing plan, naively: person by person, statute by statute, month by month, in exact
`Decimal` (RULEBOOK §1–5). Same lines, memo lines, totals, leaves, years, statute choice and
break-even price as `klaverblad.plan.financing_plan.compute_plan`; no alerts.

Every `Decimal` operation runs in a context that traps an inexact result: the sums are exact
by construction (amounts in twelfths of a euro, `facts.py`), and only the rounding to cents
divides (`ledger.cents`).

    >>> from klaverblad.model import load_initiative
    >>> plan = naive_plan(load_initiative("examples/bik-klusjesdienst.yaml"))
    >>> plan.totals["costs"]    # cents
    21600000
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Context, Decimal, Inexact, InvalidOperation, localcontext

from benchmarks.naive_reference.dates import parse_month_text
from benchmarks.naive_reference.facts import TWELVE, ZERO, Amounts, Facts
from benchmarks.naive_reference.initiative_lines import (
    Revenue,
    book_activities,
    book_agreements,
    book_grants,
    grant_month,
)
from benchmarks.naive_reference.ledger import Ledger, Line, quotient_cents
from benchmarks.naive_reference.statutes import BY_NAME, REGULAR, STATUTES
from benchmarks.naive_reference.statutes_public import wep_plus_applies
from klaverblad.model.initiative import Initiative

EXACT = Context(prec=60, traps=[Inexact, InvalidOperation])
LEAVES = ("I", "II", "III", "IV")


@dataclass
class PersonPlan:
    id: str
    statute: str
    chosen_by: str
    eligible: dict[str, bool]


@dataclass
class NaivePlan:
    initiative: Initiative
    first_month: int
    months: int
    lines: list[Line]
    memo_lines: list[Line]
    # Per calendar year: (year, costs in cents, funding in cents, funding per leaf in cents).
    years: list[tuple[int, int, int, dict[str, int]]]
    totals: dict[str, int]
    leaves: dict[str, int]
    people: list[PersonPlan]
    break_even_cents: int | None


def _choose(facts: Facts, eligible: dict[str, bool], totals: dict[str, Decimal]) -> tuple[str, str]:
    """The file's statute if it names one; else the eligible statute with the highest total
    over the horizon, ties to the first in the rulebook's order; else `regular` (an eligible
    statute worth 0 still beats `regular`)."""
    if facts.person.statute is not None:
        return facts.person.statute, "file"
    best, best_total = REGULAR, Decimal(-1)
    for statute in STATUTES:
        if eligible[statute.name] and totals[statute.name] > best_total:
            best, best_total = statute.name, totals[statute.name]
    return best, "best"


def _total(amounts: dict[str, Amounts]) -> Decimal:
    """A statute's horizon total for the choice; a month without an amount counts 0."""
    return sum(
        (amount for values in amounts.values() for amount in values if amount is not None),
        ZERO,
    )


def _book_statutes(
    ledger: Ledger, initiative: Initiative, months: list[int]
) -> tuple[list[PersonPlan], list[Decimal], list[bool]]:
    """Judge, choose and book every person's statute. Returns the people's results, the wage
    costs per month (twelfths) and the months in which someone applies WEP+."""
    first = months[0]
    wep_grants = [grant for grant in initiative.grants if grant.measure == "wep_plus"]
    wep_grant = [sum((grant_month(g, m, first) for g in wep_grants), ZERO) for m in months]
    wages = [ZERO] * len(months)
    wep_plus_months = [False] * len(months)
    people: list[PersonPlan] = []
    for person in initiative.people:
        facts = Facts.of(initiative, person)
        for index, month in enumerate(months):
            if facts.job.employed(month):
                wages[index] += person.monthly_wage_cost * TWELVE
        eligible = {statute.name: statute.eligible(facts) for statute in STATUTES}
        amounts: dict[str, dict[str, Amounts]] = {}
        totals: dict[str, Decimal] = {}
        applies: list[bool] = []
        for statute in STATUTES:
            if not eligible[statute.name]:
                continue
            if statute.name == "wep_plus":
                applies = wep_plus_applies(facts, months)
                totals["wep_plus"] = sum(
                    (grant for grant, on in zip(wep_grant, applies, strict=True) if on), ZERO
                )
            else:
                amounts[statute.name] = statute.amounts(facts, months)
                totals[statute.name] = _total(amounts[statute.name])
        chosen, chosen_by = _choose(facts, eligible, totals)
        people.append(PersonPlan(person.id, chosen, chosen_by, eligible))
        if chosen == REGULAR or not eligible[chosen]:
            continue
        statute = BY_NAME[chosen]
        if chosen == "wep_plus":
            wep_plus_months = [a or b for a, b in zip(wep_plus_months, applies, strict=True)]
            if not wep_grants:
                # No amount is known without the grant (RULEBOOK §3.6): not computable.
                for year in sorted({m // 12 for m, on in zip(months, applies, strict=True) if on}):
                    ledger.add(
                        ZERO,
                        year=year,
                        leaf=statute.leaf("toelage", person.role),
                        measure="wep_plus",
                        component="toelage",
                        funder=statute.funder,
                        person=person.id,
                        status="not_computable",
                    )
            continue
        for component, values in amounts[chosen].items():
            ledger.add_months(
                months,
                values,
                [statute.funder_in(component, month) for month in months],
                leaf=statute.leaf(component, person.role),
                measure=chosen,
                component=component,
                person=person.id,
            )
    return people, wages, wep_plus_months


def naive_plan(
    initiative: Initiative, start: str | None = None, months: int | None = None
) -> NaivePlan:
    """The financing plan of `initiative`; `start`/`months` override the file's horizon."""
    with localcontext(EXACT):
        return _plan(initiative, start, months)


def _plan(initiative: Initiative, start: str | None, count: int | None) -> NaivePlan:
    first = parse_month_text(start or initiative.horizon.start)
    months = list(range(first, first + (count or initiative.horizon.months)))
    ledger = Ledger()
    revenue = Revenue()
    people, wages, wep_plus_months = _book_statutes(ledger, initiative, months)
    book_grants(ledger, initiative, months, wep_plus_months)
    book_activities(ledger, initiative, months, revenue)
    book_agreements(ledger, initiative, months)
    # Costs per month (§5): the wage cost of everyone employed + operating costs / 12.
    operating = initiative.costs.operating_per_year
    costs = [wage + operating for wage in wages]
    lines = ledger.lines()
    years: list[tuple[int, int, int, dict[str, int]]] = []
    for year in sorted({month // 12 for month in months}):
        year_costs = sum((c for m, c in zip(months, costs, strict=True) if m // 12 == year), ZERO)
        leaves = dict.fromkeys(LEAVES, 0)
        for line in lines:
            if line.year == year:
                leaves[line.leaf] += line.cents
        cost_cents = quotient_cents(year_costs, TWELVE)
        funding = sum(leaves.values())
        years.append((year, cost_cents, funding, leaves))
    # Reading (Klaverblad's): the plan's totals are the sums of the years' reported figures,
    # so that Σ years = totals to the cent (RULEBOOK §1: Σ reported lines = reported totals).
    total_costs = sum(entry[1] for entry in years)
    total_funding = sum(entry[2] for entry in years)
    break_even = None
    if revenue.hours:
        # p = (costs − (funding − cash revenue)) / cash hours, exact, then rounded (§5).
        needed = sum(costs, ZERO) - (ledger.total() - revenue.cash)
        break_even = quotient_cents(needed, revenue.hours * TWELVE)
    return NaivePlan(
        initiative=initiative,
        first_month=first,
        months=len(months),
        lines=lines,
        memo_lines=revenue.memo.lines(),
        years=years,
        totals={
            "costs": total_costs,
            "funding": total_funding,
            "gap": total_costs - total_funding,
        },
        leaves={leaf: sum(entry[3][leaf] for entry in years) for leaf in LEAVES},
        people=people,
        break_even_cents=break_even,
    )
