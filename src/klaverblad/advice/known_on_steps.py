"""The plan as planned then against the plan as it turned out (issue #13, step 9 part 4,
docs/as-known-on.md): the plan under the rules as known on a date (`rules/known_on.py`) and
under the rules of today, the difference decomposed into one step per measure (or shared
folder) whose values became known after that date.

The steps restore the measures one after the other, in the order of the parameter tree: the
plan as known then, then with the first measure's values as they turned out, then the first
two, and so on; the last plan is computed under today's rules themselves. Each step is the
difference between two consecutive plans, so the steps telescope to the total, to the cent.

Only the measures with a value known later whose date of effect falls before the end of the
plan's horizon get a step: a value that takes effect after the horizon cannot change its money.
Should the two plans differ all the same, one step `known_later:*` says so, so that the steps
always sum to the total.

As `reform_steps`, each person's statute is chosen again under every rule set unless
`keep_file` keeps the file's.
"""

from __future__ import annotations

from datetime import date

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from klaverblad.advice.optimise import with_statutes
from klaverblad.advice.reform_steps import (
    ReformSteps,
    funders,
    people_measures,
    step_between,
)
from klaverblad.model import Initiative
from klaverblad.model.months import month_label
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.rules import baseline_system
from klaverblad.rules.known_on import (
    OTHER_RULES,
    KnownLater,
    system_as_known_on,
    unknown_values,
)


def nodes_known_later(system: TaxBenefitSystem, day: date, plan: FinancingPlan) -> list[str]:
    """The top-level nodes with a value known after `day` that takes effect before the end of
    `plan`'s horizon, in the tree's order."""
    end = f"{month_label(plan.first_month + plan.months)}-01"
    later = unknown_values(system.parameters, day)
    return list(
        dict.fromkeys(
            path.split(".")[0]
            for path, values in later.items()
            if any(at.instant_str < end for at in values)
        )
    )


def known_on_steps(
    initiative: Initiative,
    day: date,
    system: TaxBenefitSystem | None = None,
    keep_file: bool = False,
) -> ReformSteps:
    """The plan as known on `day` (first), the plans with each measure's later values restored
    in turn, the plan under `system` (today's rules, last), and one step between each two."""
    base = system or baseline_system()
    if not keep_file:
        initiative = with_statutes(initiative, {person.id: None for person in initiative.people})
    then = compute_plan(initiative, system_as_known_on(base, day))
    nodes = nodes_known_later(base, day, then)
    plans = [then]
    for count in range(1, len(nodes)):
        restored = system_as_known_on(base, day, frozenset(nodes[:count]))
        plans.append(compute_plan(initiative, restored))
    plans.append(compute_plan(initiative, base))
    changes = [KnownLater(node) for node in nodes] or [KnownLater(OTHER_RULES)]
    steps = [
        step_between(change, before, after)
        for change, before, after in zip(changes, plans[:-1], plans[1:], strict=True)
    ]
    if not nodes and _same_money(then, plans[-1]):
        steps = []
    return ReformSteps(tuple(plans), tuple(steps))


def _same_money(before: FinancingPlan, after: FinancingPlan) -> bool:
    return (
        before.totals == after.totals
        and people_measures(before) == people_measures(after)
        and funders(before) == funders(after)
    )
