"""One initiative under the baseline and under an alternative: other rules (a reform, a
parameter change) and/or other wage statutes per person, one of which may be left to the
optimiser (`advice/optimise.py`). Knows nothing of HTML; the tables are in `compare_tables`.

Under other rules, each person's statute is chosen again by default, under each rule set, as
the plan does for a person without a statute (the eligible statute that brings the most,
`plan/statutes.py`): a reform that makes someone eligible for a better statute shows what it
brings, instead of "€ 0,00 gelijk" because the file fixes the old statute. `keep_file` keeps
the file's statutes instead. A statute chosen per person always applies to the alternative.

Example:
    >>> alternative = compare(bik, RulesChoice(reforms=("sine-uitbreiding",)), {})
    >>> [(p.id, p.statute) for p in alternative.alternative.people][3]
    ('w4', 'sine')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from klaverblad.advice.alert import Alert
from klaverblad.advice.alerts import plan_alerts
from klaverblad.advice.optimise import optimise, with_statutes
from klaverblad.advice.optimise_constraints import ConstraintError, parse_constraints
from klaverblad.advice.reform_steps import Change, ReformSteps, reform_steps
from klaverblad.model import STATUTES, Initiative
from klaverblad.plan.financing_plan import FinancingPlan, PersonResult, compute_plan, same_outcome
from klaverblad.plan.statutes import REGULAR
from klaverblad.web.views.reform_choice import MultiValues, RulesChoice

KEEP = "keep"
OPTIMISER = "optimiser"
# What the select of a person offers: keep the file's statute, let the optimiser choose, or
# any wage statute of the catalogue, or none (`regular`).
STATUTE_CHOICES: tuple[str, ...] = (KEEP, OPTIMISER, *STATUTES, REGULAR)


class OptimiserError(ValueError):
    """The optimiser found no assignment; `field` is the first person it was asked for."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def statute_field(person_id: str) -> str:
    """The form field of a person's statute choice."""
    return f"statute:{person_id}"


def read_statutes(
    values: MultiValues, initiative: Initiative, message: str
) -> tuple[dict[str, str], dict[str, str]]:
    """The choice per person (only those other than `keep`) and the errors per field;
    `message` is said of a value that is not one of `STATUTE_CHOICES` ({value})."""
    chosen: dict[str, str] = {}
    errors: dict[str, str] = {}
    for person in initiative.people:
        name = statute_field(person.id)
        value = values.get(name)
        choice = value.strip() if isinstance(value, str) else KEEP
        if choice not in STATUTE_CHOICES:
            errors[name] = message.format(value=choice)
        elif choice != KEEP:
            chosen[person.id] = choice
    return chosen, errors


def applied_statute(person: PersonResult) -> str:
    """The statute a person's money follows: the chosen one if eligible, else `regular`."""
    if person.statute == REGULAR or person.eligible.get(person.statute, False):
        return person.statute
    return REGULAR


@dataclass
class Comparison:
    baseline: FinancingPlan
    alternative: FinancingPlan
    baseline_alerts: list[Alert]
    alternative_alerts: list[Alert]
    rules: RulesChoice
    # The statute per person the optimiser chose (only for people left to it).
    optimised: dict[str, str]
    # The statute chosen per person in the form (a statute or `optimiser`).
    chosen: dict[str, str] = field(default_factory=dict)
    # True when every person's statute was chosen again under each rule set (the default
    # for other rules); False when the file's statutes were kept.
    best: bool = False
    # The statute the file names for each person (None: the best), in file order.
    file_statutes: tuple[str | None, ...] = ()
    # One step per reform or parameter change (`advice/reform_steps.py`), when the
    # alternative is other rules only (no statute chosen per person); else None.
    steps: ReformSteps | None = None
    # "As known on" (docs/as-known-on.md): the baseline is the plan as planned then, under
    # only the rules known on this date, the alternative the plan as it turned out.
    known_on: date | None = None

    def unchanged(self) -> bool:
        """True when the alternative books the same lines and judges everyone the same."""
        return same_outcome(self.baseline, self.alternative)

    def appeared(self) -> list[Alert]:
        """Alerts of the alternative that the baseline does not raise (by code and subject)."""
        known = {(a.code, a.subject) for a in self.baseline_alerts}
        return [a for a in self.alternative_alerts if (a.code, a.subject) not in known]

    def disappeared(self) -> list[Alert]:
        """Alerts of the baseline that the alternative no longer raises."""
        known = {(a.code, a.subject) for a in self.alternative_alerts}
        return [a for a in self.baseline_alerts if (a.code, a.subject) not in known]

    def remaining(self) -> list[Alert]:
        """Alerts of the alternative that the baseline raises too."""
        known = {(a.code, a.subject) for a in self.baseline_alerts}
        return [a for a in self.alternative_alerts if (a.code, a.subject) in known]


def _optimised(
    initiative: Initiative, rules: RulesChoice, free: list[str], first: FinancingPlan
) -> dict[str, str]:
    """The optimiser's statute for each person of `free`, the others fixed to the statute
    they apply in `first` (so the optimiser moves no one else)."""
    fixed = {p.id: applied_statute(p) for p in first.people if p.id not in free}
    try:
        constraints = parse_constraints({"fixed": fixed}, initiative)
        result = optimise(initiative, constraints, system=rules.system())
    except ConstraintError as error:
        raise OptimiserError(statute_field(free[0]), str(error)) from None
    return {person_id: result.assignment[person_id] for person_id in free}


def best_statutes(initiative: Initiative) -> Initiative:
    """`initiative` with no statute fixed: each person gets the best eligible one."""
    return with_statutes(initiative, {person.id: None for person in initiative.people})


def compare(
    initiative: Initiative,
    rules: RulesChoice,
    statutes: Mapping[str, str],
    keep_file: bool = False,
) -> Comparison:
    """The baseline plan of `initiative` and the plan under `rules` with `statutes` (person
    -> a statute, or `optimiser`); raises OptimiserError when the optimiser finds nothing.

    Under other rules (a reform or a parameter change) every person's statute is chosen
    again under each rule set, unless `keep_file`; only other statutes compare the file as
    it is with those statutes. Under other rules alone, the difference is also split into one
    step per change (`steps`), whose first and last plans are the baseline and the
    alternative."""
    best = rules.chosen and not keep_file
    file_statutes = tuple(person.statute for person in initiative.people)
    if rules.chosen and not statutes:
        # Other rules only: the plans of the steps include the baseline and the alternative.
        changes: list[Change] = [*rules.reforms, *([rules.change] if rules.change else [])]
        steps = reform_steps(initiative, changes, keep_file=keep_file)
        return Comparison(
            baseline=steps.baseline,
            alternative=steps.final,
            baseline_alerts=plan_alerts(steps.baseline),
            alternative_alerts=plan_alerts(steps.final),
            rules=rules,
            optimised={},
            chosen={},
            best=best,
            file_statutes=file_statutes,
            steps=steps,
        )
    if best:
        initiative = best_statutes(initiative)
    baseline = compute_plan(initiative)
    explicit = {p: s for p, s in statutes.items() if s != OPTIMISER}
    free = [p.id for p in initiative.people if statutes.get(p.id) == OPTIMISER]
    changed = with_statutes(initiative, explicit) if explicit else initiative
    system = rules.system()
    optimised: dict[str, str] = {}
    if free:
        first = compute_plan(changed, system, reforms=rules.labels)
        optimised = _optimised(changed, rules, free, first)
        changed = with_statutes(changed, optimised)
    alternative = compute_plan(changed, system, reforms=rules.labels)
    return Comparison(
        baseline=baseline,
        alternative=alternative,
        baseline_alerts=plan_alerts(baseline),
        alternative_alerts=plan_alerts(alternative),
        rules=rules,
        optimised=optimised,
        chosen=dict(statutes),
        best=best,
        file_statutes=file_statutes,
    )
