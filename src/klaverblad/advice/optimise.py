"""Statute optimisation: the wage statute per person that minimises the gap under constraints
the user states, solved exactly as a 0-1 MILP with HiGHS (`scipy.optimize.milp`).

Costs, entered grants, client revenue and agreements do not depend on the statutes
(RULEBOOK §4–5); only the wage-statute lines and the grants of a statute paid by a shared grant
(`rules.funding.SharedGrant`: WEP+'s, booked in the months in which someone applies WEP+, §3.6)
do. So minimising the gap = maximising what the statutes bring.

The model (docs/optimise.md):
- x[i, s] ∈ {0, 1} for each person i and each statute s that i is eligible for, plus `regular`;
  Σ_s x[i, s] = 1. A person fixed to a statute has only that variable.
- y[g, m] ∈ [0, 1] for each statute g paid by a shared grant (WEP+) and each horizon month m
  in which its grant pays and someone could apply g: y[g, m] ≥ x[i, g] for each such i,
  y[g, m] ≤ Σ_i x[i, g]; so y[g, m] = 1 exactly when g's grant is booked in month m (the
  initiative's grant counts once however many apply). x[i, g] itself is worth nothing.
- quotas Σ_i x[i, s] ≤ N; funder caps Σ v_f[i, s] x[i, s] + Σ_g,m g_f[g, m] y[g, m] ≤ cap_f.
- maximise Σ v[i, s] x[i, s] + Σ_g,m g[g, m] y[g, m], v in cents as the plan reports the lines (each
  person's line per component, year and funder rounded to cents), then, among optimal
  assignments, keep each person's current statute and else the first in rulebook order (a second
  solve, lexicographic).
The chosen assignment is evaluated again with `compute_plan`: the gaps reported are the plan's.

Example:
    >>> result = optimise(initiative, parse_constraints({"max_positions": {"sine": 1}}, initiative))
    >>> result.proposed_plan.totals.gap_cents <= result.current_plan.totals.gap_cents
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from klaverblad.advice.optimise_constraints import (
    ORDER,
    STATUTE_FUNDERS,
    ConstraintError,
    ConstraintProblem,
    Constraints,
    listing,
)
from klaverblad.advice.optimise_milp import Solution, solve
from klaverblad.advice.optimise_values import StatuteValues, statute_values
from klaverblad.model.initiative import STATUTES, Initiative
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.plan.shared_grants import is_shared_grant
from klaverblad.plan.statutes import REGULAR, StatuteResults


@dataclass(frozen=True)
class PersonOutcome:
    id: str
    eligible: tuple[str, ...]
    fixed: bool
    current: str
    proposed: str
    current_cents: int
    proposed_cents: int
    current_years: dict[int, int]
    proposed_years: dict[int, int]

    @property
    def gain_cents(self) -> int:
        return self.proposed_cents - self.current_cents

    def gain_by_year(self) -> dict[int, int]:
        return {
            year: self.proposed_years[year] - self.current_years[year]
            for year in self.current_years
        }


@dataclass(frozen=True)
class YearOutcome:
    year: int
    current_gap_cents: int
    proposed_gap_cents: int

    @property
    def gain_cents(self) -> int:
        """How much smaller the gap is with the proposal (positive = better)."""
        return self.current_gap_cents - self.proposed_gap_cents


@dataclass(frozen=True)
class FunderOutcome:
    funder: str
    current_cents: int
    proposed_cents: int
    cap_cents: int | None


@dataclass(frozen=True)
class QuotaOutcome:
    statute: str
    current: int
    proposed: int
    most: int


@dataclass
class OptimiseResult:
    constraints: Constraints
    current_plan: FinancingPlan
    proposed_plan: FinancingPlan
    best_eligible_plan: FinancingPlan
    people: list[PersonOutcome]
    years: list[YearOutcome]
    funders: list[FunderOutcome]
    positions: list[QuotaOutcome]
    solver_status: str
    solver_message: str
    current_feasible: bool
    best_eligible_feasible: bool

    @property
    def current_gap_cents(self) -> int:
        return self.current_plan.totals.gap_cents

    @property
    def proposed_gap_cents(self) -> int:
        return self.proposed_plan.totals.gap_cents

    @property
    def best_eligible_gap_cents(self) -> int:
        return self.best_eligible_plan.totals.gap_cents

    @property
    def gain_cents(self) -> int:
        return self.current_gap_cents - self.proposed_gap_cents

    @property
    def assignment(self) -> dict[str, str]:
        return {person.id: person.proposed for person in self.people}


def with_statutes(initiative: Initiative, statutes: Mapping[str, str | None]) -> Initiative:
    """A copy of `initiative` whose people have the given statutes (None: the best eligible)."""
    return initiative.model_copy(
        update={
            "people": tuple(
                person.model_copy(update={"statute": statutes[person.id]})
                if person.id in statutes
                else person
                for person in initiative.people
            )
        }
    )


def statute_funding(plan: FinancingPlan) -> dict[str, int]:
    """Cents per funder over the horizon from the lines that depend on the statutes: those of
    a person (wage-statute lines, a reform's extra lines) and a shared grant's (WEP+)."""
    totals: dict[str, int] = {}
    for line in plan.lines:
        if line.person is not None or is_shared_grant(line.measure):
            totals[line.funder] = totals.get(line.funder, 0) + line.cents
    return totals


def _applied(results: StatuteResults) -> list[str]:
    """The statute each person applies: the chosen one if eligible, else `regular`."""
    return [
        statute if statute == REGULAR or results.eligible[statute][index] else REGULAR
        for index, statute in enumerate(results.chosen)
    ]


def _feasible(plan: FinancingPlan, constraints: Constraints) -> bool:
    results = plan.statutes
    if results is None:
        return True
    applied = _applied(results)
    people = [person.id for person in plan.initiative.people]
    if any(results.chosen[people.index(p)] != s for p, s in constraints.fixed.items()):
        return False
    if any(applied.count(s) > most for s, most in constraints.max_positions.items()):
        return False
    funding = statute_funding(plan)
    return all(funding.get(f, 0) <= int(cap * 100) for f, cap in constraints.budget_cap.items())


def _fixed_problems(
    values: StatuteValues, constraints: Constraints, people: list[str]
) -> list[ConstraintProblem]:
    """Why the fixed people alone break the constraints (everyone else can be `regular`,
    which counts for no quota and no funder)."""
    problems: list[ConstraintProblem] = []
    for person_id, statute in constraints.fixed.items():
        index = people.index(person_id)
        if statute != REGULAR and not values.eligible[statute][index]:
            problems.append(
                ConstraintProblem(
                    "fixed",
                    f"{person_id}={statute}: {person_id} is not eligible for {statute} "
                    f"(eligible: {listing(_eligible_options(values, index))})",
                )
            )
    if problems:
        return problems
    for statute, most in constraints.max_positions.items():
        holders = [p for p, s in constraints.fixed.items() if s == statute]
        if len(holders) > most:
            problems.append(
                ConstraintProblem(
                    "max_positions",
                    f"{statute}={most}: the people fixed to {statute} alone are "
                    f"{len(holders)} ({listing(holders)})",
                )
            )
    alone = [constraints.fixed.get(p, REGULAR) for p in people]
    for funder, cap in constraints.budget_cap.items():
        amount = _funder_cents(values, alone, funder)
        if amount > cap * 100:
            problems.append(
                ConstraintProblem(
                    "budget_cap",
                    f"{funder}={cap}: the people fixed to a statute alone bring "
                    f"{Decimal(amount).scaleb(-2):.2f} from {funder}",
                )
            )
    return problems


def _eligible_options(values: StatuteValues, index: int) -> list[str]:
    return [s for s in ORDER if s == REGULAR or values.eligible[s][index]]


def _funder_cents(values: StatuteValues, assignment: list[str], funder: str) -> int:
    total = sum(int(values.funder_value(i, s, funder)) for i, s in enumerate(assignment))
    return total + values.grant_funder_cents(assignment, funder)


def optimise(
    initiative: Initiative,
    constraints: Constraints,
    start: str | None = None,
    months: int | None = None,
    system: TaxBenefitSystem | None = None,
) -> OptimiseResult:
    """The statute per person that minimises the gap under `constraints`, with the plan as
    the file stands (current) and the plan with the proposal. Raises ConstraintError when the
    constraints admit no assignment. `start`/`months`/`system` as for `compute_plan`."""

    def plan_with(statutes: Mapping[str, str | None]) -> FinancingPlan:
        return compute_plan(with_statutes(initiative, statutes), system, start, months)

    current_plan = compute_plan(initiative, system, start, months)
    people = [person.id for person in initiative.people]
    if any(person.statute is not None for person in initiative.people):
        best_plan = plan_with(dict.fromkeys(people))
    else:
        best_plan = current_plan
    results = current_plan.statutes
    if results is None or not people:
        solution = Solution([], "optimal", "no people: nothing to choose", 0.0)
        values = None
        current: list[str] = []
        proposed_plan = current_plan
    else:
        values = statute_values(current_plan)
        problems = _fixed_problems(values, constraints, people)
        if problems:
            raise ConstraintError(problems)
        current = _applied(results)
        solution = solve(values, constraints, people, current)
        if not solution.assignment:
            raise ConstraintError(
                [
                    ConstraintProblem(
                        "constraints",
                        f"no assignment meets all constraints together ({solution.message})",
                    )
                ]
            )
        proposed_plan = plan_with(dict(zip(people, solution.assignment, strict=True)))
    # The plan's own arithmetic has the last word: never propose worse than a feasible
    # current or best-eligible assignment (a safeguard against rounding in the solver's cents).
    current_feasible = _feasible(current_plan, constraints)
    best_feasible = _feasible(best_plan, constraints)
    for plan, feasible in ((current_plan, current_feasible), (best_plan, best_feasible)):
        if feasible and people and plan.totals.gap_cents < proposed_plan.totals.gap_cents:
            assert plan.statutes is not None
            assignment = _applied(plan.statutes)
            proposed_plan = plan_with(dict(zip(people, assignment, strict=True)))
            solution = Solution(assignment, solution.status, solution.message, 0.0)
    return _outcome(
        constraints,
        current_plan,
        proposed_plan,
        best_plan,
        values,
        current,
        solution,
        current_feasible,
        best_feasible,
    )


def _outcome(
    constraints: Constraints,
    current_plan: FinancingPlan,
    proposed_plan: FinancingPlan,
    best_plan: FinancingPlan,
    values: StatuteValues | None,
    current: list[str],
    solution: Solution,
    current_feasible: bool,
    best_feasible: bool,
) -> OptimiseResult:
    initiative = current_plan.initiative
    outcomes: list[PersonOutcome] = []
    if values is not None:
        current_years = values.person_years(current)
        proposed_years = values.person_years(solution.assignment)
        for index, person in enumerate(initiative.people):
            outcomes.append(
                PersonOutcome(
                    id=person.id,
                    eligible=tuple(s for s in STATUTES if values.eligible[s][index]),
                    fixed=person.id in constraints.fixed,
                    current=current[index],
                    proposed=solution.assignment[index],
                    current_cents=sum(current_years[index].values()),
                    proposed_cents=sum(proposed_years[index].values()),
                    current_years=current_years[index],
                    proposed_years=proposed_years[index],
                )
            )
    years = [
        YearOutcome(now.year, now.totals.gap_cents, then.totals.gap_cents)
        for now, then in zip(current_plan.years, proposed_plan.years, strict=True)
    ]
    current_funding = statute_funding(current_plan)
    proposed_funding = statute_funding(proposed_plan)
    names = list(STATUTE_FUNDERS) + [
        f
        for f in (*current_funding, *proposed_funding, *constraints.budget_cap)
        if f not in STATUTE_FUNDERS
    ]
    funders = [
        FunderOutcome(
            funder,
            current_funding.get(funder, 0),
            proposed_funding.get(funder, 0),
            int(constraints.budget_cap[funder] * 100) if funder in constraints.budget_cap else None,
        )
        for funder in dict.fromkeys(names)
    ]
    positions = [
        QuotaOutcome(
            statute,
            current.count(statute),
            solution.assignment.count(statute),
            most,
        )
        for statute, most in constraints.max_positions.items()
    ]
    return OptimiseResult(
        constraints=constraints,
        current_plan=current_plan,
        proposed_plan=proposed_plan,
        best_eligible_plan=best_plan,
        people=outcomes,
        years=years,
        funders=funders,
        positions=positions,
        solver_status=solution.status,
        solver_message=solution.message,
        current_feasible=current_feasible,
        best_eligible_feasible=best_feasible,
    )


# ---------------------------------------------------------------------------------------------
# JSON
