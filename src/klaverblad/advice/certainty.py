"""How sure is this plan? (issue step 9, part 1): how much of the funding rests on values of
each confidence grade, the parameters carrying the most money, and the gap under a
parameter's documented range.

A line's grade is the weakest grade (H > M > L) of the parameters its amount rests on, the
same grade the line's explanation gives (`advice.line_explanations`): for a statute line the
parameters its formulas read, as recorded while the plan ran (`plan.statutes.provenance`),
each graded by its metadata and the value in force in the line's months (a value read at the
start of employment, at the person's start month); for a voucher line its price parameters.
Money that is the file's own figure (an entered grant, an agreement, a client's cash price)
rests on no parameter: it is `entered`, a grade of its own. A line that could not be computed
is L. Every line has exactly one grade, so the cents per grade add up to the funding exactly.

A parameter's euro weight is the sum of the lines whose amount rests on it. A value whose
metadata documents a `range:` (low, high and the reason, with its source: only where the
rulebook's open questions or the research notes give one) is varied: the plan is computed
again with the parameter at low, then at high, in the months that value is in force, and the
gap of each is given. A parameter without one is listed, not varied.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any, Literal

from openfisca_core.parameters import Parameter
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from klaverblad.advice.explain import weakest_grade
from klaverblad.locale import Language
from klaverblad.model.money import format_cents
from klaverblad.model.months import month_label, month_of_date
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.plan.horizon_cache import remember
from klaverblad.plan.ledger import Line
from klaverblad.rules.by_month import leaf, month_of_instant
from klaverblad.rules.catalogue import (
    REGIONALISATION_PARAMETER,
    STATUTES,
    is_activity_revenue,
    voucher_of,
)
from klaverblad.rules.parameter_words import parameter_label
from klaverblad.rules.provenance import START, ParameterRead
from klaverblad.rules.reforms.registry import ParameterChange, system_with_changes

Grade = Literal["H", "M", "L", "entered"]
# Most certain first; `entered` last: the file's own figure, which no rule grades.
GRADES: tuple[Grade, ...] = ("H", "M", "L", "entered")
# How many parameters the summary lists.
TOP = 5


@dataclass(frozen=True)
class ValueRange:
    """A value's documented range and the plan's gap with the parameter at each end."""

    low: float
    high: float
    reason: str
    gap_low_cents: int
    gap_high_cents: int


@dataclass(frozen=True)
class ParameterWeight:
    """A parameter and the money resting on it in this plan."""

    path: str
    cents: int
    grade: str
    label: str
    reference: list[Any]
    range: ValueRange | None


@dataclass(frozen=True)
class Certainty:
    """The funding per grade (cents), each line's grade (in the plan's line order) and the
    parameters carrying the most money."""

    funding_cents: int
    cents_by_grade: dict[str, int]
    line_grades: list[str]
    parameters: list[ParameterWeight]

    def to_dict(self) -> dict[str, Any]:
        """The plan JSON's `certainty` (CONTRACT §4 extended): money as money strings."""
        return {
            "funding": format_cents(self.funding_cents),
            "grades": {grade: format_cents(c) for grade, c in self.cents_by_grade.items()},
            "line_grades": list(self.line_grades),
            "parameters": [
                {
                    "parameter": weight.path,
                    "label": weight.label,
                    "grade": weight.grade,
                    "amount": format_cents(weight.cents),
                    "reference": weight.reference,
                    "range": None if weight.range is None else _range_dict(weight.range),
                }
                for weight in self.parameters
            ],
        }


def _range_dict(value_range: ValueRange) -> dict[str, Any]:
    return {
        "low": value_range.low,
        "high": value_range.high,
        "reason": value_range.reason,
        "gap_low": format_cents(value_range.gap_low_cents),
        "gap_high": format_cents(value_range.gap_high_cents),
    }


class _Grades:
    """The grade of a parameter's value in force in a month, or in any month of a span: its
    metadata's grade and the value's, the weaker. Each parameter's values are graded once per
    rules (`plan.horizon_cache`), then found by bisection: a plan asks for hundreds of
    (parameter, month) pairs."""

    def __init__(self, system: TaxBenefitSystem) -> None:
        self._tree = system.parameters
        # Per plan: the lines of a plan ask the same (parameter, span) again and again.
        self._spans: dict[tuple[str, int, int], str | None] = {}
        self.bases: dict[tuple[Any, ...], tuple[str, tuple[str, ...]]] = {}
        self.reads: dict[tuple[str, str, bool], tuple[ParameterRead, ...] | None] = {}
        self.month_grades: dict[tuple[Any, ...], str | None] = {}
        self.starts: dict[tuple[str, str, int], str | None] = {}
        self._starts: dict[str, int] | None = None

    def start_of(self, plan: FinancingPlan, person: str | None) -> int | None:
        """The start month of a person of `plan` (None for a line of no person)."""
        if person is None:
            return None
        if self._starts is None:
            self._starts = {p.id: month_of_date(p.start_date) for p in plan.initiative.people}
        return self._starts[person]

    def _table(self, path: str) -> tuple[list[int], list[str | None], str | None]:
        """(start months, grade of each value from then, grade before the first value)."""

        def build() -> tuple[list[int], list[str | None], str | None]:
            parameter = leaf(self._tree, path)
            base = (parameter.metadata or {}).get("grade")
            # By month, ties by date: the value with the latest date on or before a month's
            # first day is the one in force (`rules.by_month`).
            entries = sorted(
                (month_of_instant(at.instant_str), at.instant_str, at)
                for at in parameter.values_list
            )
            starts = [month for month, _, _ in entries]
            grades = [weakest_grade(base, (at.metadata or {}).get("grade")) for _, _, at in entries]
            return starts, grades, weakest_grade(base, None)

        return remember(self._tree, ("certainty_grades", path), build)

    def at(self, path: str, month: int) -> str | None:
        return self.over(path, month, month)

    def over(self, path: str, first: int, last: int) -> str | None:
        """The weakest grade of the values in force in any month from `first` to `last`."""
        key = (path, first, last)
        if key not in self._spans:
            # Kept per rules too (bounded, `plan.horizon_cache`): plans of the same years ask
            # for the same spans.
            self._spans[key] = remember(
                self._tree, ("certainty_span", *key), lambda: self._over(path, first, last)
            )
        return self._spans[key]

    def _over(self, path: str, first: int, last: int) -> str | None:
        starts, grades, before = self._table(path)
        low = bisect.bisect_right(starts, first) - 1
        high = bisect.bisect_right(starts, last) - 1
        found = grades[max(low, 0) : high + 1]
        if low < 0:
            found = [before, *found]
        return weakest_grade(*found)


def _statute_reads(plan: FinancingPlan, line: Line) -> tuple[ParameterRead, ...] | None:
    """The parameters a statute line's amount rests on (None: not a statute line)."""
    if line.person is None or plan.statutes is None:
        return None
    for statute in STATUTES:
        for component in plan.statutes.component_specs[statute]:
            if (component.measure or statute) != line.measure or component.name != line.component:
                continue
            record = plan.statutes.provenance.get(statute, {}).get(component.name)
            reads = (
                record.parameters
                if record is not None
                else tuple(ParameterRead(path, "month") for path in component.parameters)
            )
            if component.funder is None and STATUTES[statute].funder == "regionalised":
                reads += (ParameterRead(REGIONALISATION_PARAMETER, "month"),)
            return reads
    return None


def _voucher_paths(plan: FinancingPlan, line: Line) -> tuple[str, ...] | None:
    """The price parameters of a voucher line (None: the price is the file's own)."""
    activity = next((a for a in plan.initiative.activities if a.id == line.activity), None)
    voucher = voucher_of(activity.payment) if activity is not None else None
    if voucher is None or voucher.prices is None:
        return None
    user, exchange = voucher.prices
    return (user, exchange, REGIONALISATION_PARAMETER) if line.component == "overheid" else (user,)


def line_basis(plan: FinancingPlan, line: Line, grades: _Grades) -> tuple[str, tuple[str, ...]]:
    """A line's grade and the parameter paths its amount rests on. What it depends on is
    worked out once per plan for all the lines that share it: the values read in the line's
    months per (measure, component, activity, status, year), the values read at the start of
    employment per (measure, component, start month)."""
    reads_key = (line.measure, line.component, line.person is None)
    if reads_key not in grades.reads:
        grades.reads[reads_key] = _statute_reads(plan, line)
    reads = grades.reads[reads_key]
    key = (line.measure, line.component, line.activity, line.status, line.year)
    if key not in grades.bases:
        grades.bases[key] = _line_basis(plan, line, grades, reads)
    grade, paths = grades.bases[key]
    at_start = tuple(read.path for read in reads or () if read.read_at == START)
    if not at_start:
        return grade, paths
    start = grades.start_of(plan, line.person)
    assert start is not None  # a statute line is a person's
    start_key = (line.measure, line.component, start)
    if start_key not in grades.starts:
        grades.starts[start_key] = weakest_grade(*(grades.at(path, start) for path in at_start))
    # The weakest of the month reads and the start reads (`_grade_of`: L when none is graded).
    return weakest_grade(grades.month_grades[key], grades.starts[start_key]) or "L", paths


def _line_basis(
    plan: FinancingPlan,
    line: Line,
    grades: _Grades,
    reads: tuple[ParameterRead, ...] | None,
) -> tuple[str, tuple[str, ...]]:
    """A line's grade from the values read in its months (the whole grade of a line without
    start reads), and the paths it rests on."""
    # The line's months: its calendar year within the horizon.
    first = max(plan.first_month, line.year * 12)
    last = min(plan.first_month + plan.months - 1, line.year * 12 + 11)
    key = (line.measure, line.component, line.activity, line.status, line.year)
    if reads is not None:
        found = [grades.over(read.path, first, last) for read in reads if read.read_at != START]
        grades.month_grades[key] = weakest_grade(*found)
        return _grade_of(found, bool(reads)), tuple(dict.fromkeys(r.path for r in reads))
    if line.status == "not_computable":
        return "L", ()
    if is_activity_revenue(line.measure):
        paths = _voucher_paths(plan, line)
        if paths is not None:
            found = [grades.over(path, first, last) for path in paths]
            return _grade_of(found, True), paths
    return "entered", ()


def _grade_of(found: list[str | None], any_parameter: bool) -> str:
    """The weakest of the grades found; a line resting on no parameter is H (it follows from
    the file's facts by the rule alone), one whose parameters carry no grade is L."""
    if not any_parameter:
        return "H"
    return weakest_grade(*found) or "L"


def plan_certainty(plan: FinancingPlan, language: Language = "nl", vary: bool = True) -> Certainty:
    """How sure `plan` is; `vary=False` leaves out the plans under the documented ranges."""
    grades = _Grades(plan.system)
    by_grade: dict[str, int] = dict.fromkeys(GRADES, 0)
    line_grades: list[str] = []
    weights: dict[str, int] = {}
    for line in plan.lines:
        grade, paths = line_basis(plan, line, grades)
        line_grades.append(grade)
        by_grade[grade] += line.cents
        for path in paths:
            weights[path] = weights.get(path, 0) + line.cents
    ranked = sorted(weights.items(), key=lambda item: (-abs(item[1]), item[0]))[:TOP]
    parameters = []
    for path, cents in ranked:
        parameter = leaf(plan.system.parameters, path)
        metadata = parameter.metadata or {}
        parameters.append(
            ParameterWeight(
                path=path,
                cents=cents,
                grade=grades.over(path, plan.first_month, plan.first_month + plan.months - 1)
                or "L",
                label=parameter_label(parameter, language),
                reference=list(metadata.get("reference") or []),
                range=_varied(plan, parameter, path, language) if vary else None,
            )
        )
    return Certainty(plan.totals.funding_cents, by_grade, line_grades, parameters)


def _ranged_values(parameter: Parameter, first: int, last: int) -> list[tuple[int, Any]]:
    """The values (start month, entry) from the first one with a `range:` in force in the
    horizon to the horizon's end, in date order; [] when no ranged value is in force then."""
    entries = sorted(
        ((month_of_instant(at.instant_str), at) for at in parameter.values_list),
        key=lambda item: item[0],
    )
    for index, (start, entry) in enumerate(entries):
        end = entries[index + 1][0] - 1 if index + 1 < len(entries) else last
        if (entry.metadata or {}).get("range") and start <= last and end >= first:
            return [(s, e) for s, e in entries[index:] if s <= last]
    return []


def range_changes(
    parameter: Parameter, path: str, first: int, last: int, end: str
) -> tuple[ParameterChange, ...] | None:
    """The changes that put every ranged value in force in the horizon at its `end` ("low" or
    "high") and keep the later values as they are; None when nothing is to be varied."""
    values = _ranged_values(parameter, first, last)
    if not values or any(entry.value is None for _, entry in values):
        return None
    changes = []
    for start, entry in values:
        documented = (entry.metadata or {}).get("range")
        value = float(documented[end]) if documented else entry.value
        changes.append(ParameterChange(path, value, month_label(max(start, first))))
    return tuple(changes)


def _varied(
    plan: FinancingPlan, parameter: Parameter, path: str, language: Language
) -> ValueRange | None:
    """The plan's gap with the parameter at the low and the high end of its documented
    range, in the months the ranged value is in force; None without a documented range."""
    first = int(plan.first_month)
    last = first + plan.months - 1
    gaps = {}
    for end in ("low", "high"):
        changes = range_changes(parameter, path, first, last, end)
        if changes is None:
            return None
        system = system_with_changes(plan.system, tuple(changes))
        varied = compute_plan(
            plan.initiative, system, month_label(first), plan.months, plan.reforms
        )
        gaps[end] = varied.totals.gap_cents
    documented = next(
        (at.metadata or {})["range"]
        for _, at in _ranged_values(parameter, first, last)
        if (at.metadata or {}).get("range")
    )
    reason = documented.get("reason_nl" if language == "nl" else "reason", "")
    return ValueRange(
        float(documented["low"]), float(documented["high"]), reason, gaps["low"], gaps["high"]
    )
