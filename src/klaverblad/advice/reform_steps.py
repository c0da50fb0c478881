"""Why a reform changes a plan: the difference between the baseline and a set of changes,
decomposed into one step per change (issue #13, part 3). Knows nothing of files or HTML.

The changes are applied one after the other, in the order given: the plan is computed under the
baseline, then under the baseline with the first change, then with the first two, and so on.
Each step is the difference between two consecutive plans, so the steps telescope: their sum
is the difference between the last plan and the baseline, to the cent, whatever the order.
The order matters for what each step shows (two reforms that both raise the same amount give
all of it to the first), never for the total.

A rule set is built as `reformed_system(names, changes)` builds it: the named reforms first,
then the parameter changes. A prefix of the list therefore applies its reforms before its
parameter changes, which is also what makes a change of a parameter that only a reform carries
valid at every step after that reform.

As the comparison page does (`web/views/comparison.py`), each person's statute is chosen again
under every rule set (the eligible statute that brings the most), so that a reform that makes a
person eligible for a better statute shows what it brings; `keep_file=True` keeps the statutes
the file names instead.

Example:
    >>> steps = reform_steps(bik, ["sine-uitbreiding", "lde-koppeling-sine"])
    >>> sum(s.funding_cents for s in steps.steps) == steps.funding_cents
    True
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from klaverblad.advice.optimise import with_statutes
from klaverblad.model import Initiative
from klaverblad.model.money import format_cents
from klaverblad.model.months import month_label
from klaverblad.plan.financing_plan import FinancingPlan, Totals, compute_plan
from klaverblad.report.csv_cells import csv_writer
from klaverblad.rules.known_on import KnownLater, as_known_on
from klaverblad.rules.reforms import ParameterChange, reformed_system

SCHEMA = "klaverblad.compare/1"
# A change is a named reform (its name in the registry), a generic parameter change, or the
# values of one measure known after the date of an "as known on" comparison (step 9, part 4).
Change = str | ParameterChange | KnownLater
# The key of a plan line's money: (person or None for the initiative's own lines, measure).
PersonMeasure = tuple[str | None, str]
K = TypeVar("K")


def change_label(change: Change) -> str:
    """The label a plan reports for the change in `rules.reforms`."""
    return change if isinstance(change, str) else change.label


@dataclass(frozen=True)
class StatuteChange:
    """A person whose applied statute differs before and after a step."""

    person: str
    before: str
    after: str


@dataclass(frozen=True)
class Step:
    """What one change adds to the plan, given the changes before it."""

    change: Change
    before: Totals
    after: Totals
    # Cents per (person, measure) and per funder; only keys whose amount changes.
    people_measures: dict[PersonMeasure, int]
    funders: dict[str, int]
    statutes: tuple[StatuteChange, ...]

    @property
    def label(self) -> str:
        return change_label(self.change)

    @property
    def funding_cents(self) -> int:
        return self.after.funding_cents - self.before.funding_cents

    @property
    def gap_cents(self) -> int:
        return self.after.gap_cents - self.before.gap_cents

    @property
    def costs_cents(self) -> int:
        return self.after.costs_cents - self.before.costs_cents


@dataclass(frozen=True)
class ReformSteps:
    """The baseline plan, the plan after every change, and the steps between them."""

    plans: tuple[FinancingPlan, ...]
    steps: tuple[Step, ...]

    @property
    def baseline(self) -> FinancingPlan:
        return self.plans[0]

    @property
    def final(self) -> FinancingPlan:
        return self.plans[-1]

    @property
    def funding_cents(self) -> int:
        """The total difference in funding, final minus baseline (= the sum of the steps)."""
        return self.final.totals.funding_cents - self.baseline.totals.funding_cents

    @property
    def gap_cents(self) -> int:
        return self.final.totals.gap_cents - self.baseline.totals.gap_cents


def people_measures(plan: FinancingPlan) -> Counter[PersonMeasure]:
    """Cents per (person, measure) over the horizon; lines without a person under None."""
    totals: Counter[PersonMeasure] = Counter()
    for line in plan.lines:
        totals[(line.person, line.measure)] += line.cents
    return totals


def funders(plan: FinancingPlan) -> Counter[str]:
    """Cents per funder over the horizon (the plan's lines; memo lines count in no total)."""
    totals: Counter[str] = Counter()
    for line in plan.lines:
        totals[line.funder] += line.cents
    return totals


def _differences(before: Counter[K], after: Counter[K]) -> dict[K, int]:
    """after − before per key, without the keys whose amount does not change."""
    keys = list(dict.fromkeys([*before, *after]))
    return {key: after[key] - before[key] for key in keys if after[key] != before[key]}


def _statutes(before: FinancingPlan, after: FinancingPlan) -> tuple[StatuteChange, ...]:
    old = {person.id: person.statute for person in before.people}
    return tuple(
        StatuteChange(person.id, old[person.id], person.statute)
        for person in after.people
        if person.id in old and old[person.id] != person.statute
    )


def _plan(initiative: Initiative, changes: Sequence[Change]) -> FinancingPlan:
    names = tuple(c for c in changes if isinstance(c, str))
    parameters = tuple(c for c in changes if isinstance(c, ParameterChange))
    system = reformed_system(names, parameters)
    labels = names + tuple(change.label for change in parameters)
    return compute_plan(initiative, system, reforms=labels)


def reform_steps(
    initiative: Initiative, changes: Sequence[Change], keep_file: bool = False
) -> ReformSteps:
    """The plan under the baseline and after each change in turn, and one step per change.
    Raises `ReformError` for an unknown reform name (before any plan is computed)."""
    reformed_system(
        tuple(c for c in changes if isinstance(c, str)),
        tuple(c for c in changes if isinstance(c, ParameterChange)),
    )
    if not keep_file:
        initiative = with_statutes(initiative, {person.id: None for person in initiative.people})
    plans = [_plan(initiative, changes[:count]) for count in range(len(changes) + 1)]
    steps = [
        step_between(change, before, after)
        for change, before, after in zip(changes, plans, plans[1:], strict=False)
    ]
    return ReformSteps(tuple(plans), tuple(steps))


def step_between(change: Change, before: FinancingPlan, after: FinancingPlan) -> Step:
    """What `change` adds, from the plan `before` it to the plan `after` it."""
    return Step(
        change=change,
        before=before.totals,
        after=after.totals,
        people_measures=_differences(people_measures(before), people_measures(after)),
        funders=_differences(funders(before), funders(after)),
        statutes=_statutes(before, after),
    )


def _totals(totals: Totals) -> dict[str, str]:
    return {
        "costs": format_cents(totals.costs_cents),
        "funding": format_cents(totals.funding_cents),
        "gap": format_cents(totals.gap_cents),
    }


def steps_to_dict(result: ReformSteps, keep_file: bool = False) -> dict[str, Any]:
    """The steps as the `klaverblad.compare/1` JSON (docs/compare.md): money as the plan JSON
    writes it, a person of null for the lines of the initiative itself (activities, grants,
    agreements), and every step's difference in funding, gap and costs."""
    baseline = result.baseline
    known_on = as_known_on(baseline.system)
    return {
        "schema": SCHEMA,
        "initiative": {"id": baseline.initiative.id, "name": baseline.initiative.name},
        "horizon": {"start": month_label(baseline.first_month), "months": baseline.months},
        "rules": {
            "version": baseline.rules_version,
            "changes": [step.label for step in result.steps],
            # Step 9 part 4 (docs/as-known-on.md): the date of the plan as planned then,
            # null for the baseline of today (an extension).
            "as_known_on": None if known_on is None else known_on.isoformat(),
        },
        "statutes": "file" if keep_file else "best",
        "baseline": _totals(baseline.totals),
        "steps": [
            {
                "change": step.label,
                "funding": format_cents(step.funding_cents),
                "gap": format_cents(step.gap_cents),
                "costs": format_cents(step.costs_cents),
                "totals": _totals(step.after),
                "people_measures": [
                    {"person": person, "measure": measure, "amount": format_cents(cents)}
                    for (person, measure), cents in step.people_measures.items()
                ],
                "funders": [
                    {"funder": funder, "amount": format_cents(cents)}
                    for funder, cents in step.funders.items()
                ],
                "statutes": [
                    {"person": s.person, "before": s.before, "after": s.after}
                    for s in step.statutes
                ],
            }
            for step in result.steps
        ],
        "final": _totals(result.final.totals),
        "difference": {
            "funding": format_cents(result.funding_cents),
            "gap": format_cents(result.gap_cents),
        },
    }


CSV_COLUMNS = ("step", "change", "person", "measure", "amount", "step_funding", "step_gap")


def steps_to_csv(result: ReformSteps) -> str:
    """One row per step, person and measure whose money the step changes (a person left empty
    for the initiative's own lines); a step that changes nothing is one row with an empty person
    and measure and an amount of 0.00, so that every step is in the file. Contract style: codes,
    a decimal point, `,` between fields (as `klaverblad plan --format csv`)."""
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for number, step in enumerate(result.steps, start=1):
        total = (format_cents(step.funding_cents), format_cents(step.gap_cents))
        rows: Iterable[tuple[PersonMeasure, int]] = step.people_measures.items() or [
            ((None, ""), 0)
        ]
        for (person, measure), cents in rows:
            writer.writerow(
                [number, step.label, person or "", measure, format_cents(cents), *total]
            )
    return buffer.getvalue()
