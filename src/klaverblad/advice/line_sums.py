"""The sum behind a plan line, with its numbers filled in: "€ 500,00 per maand × 12 maanden ×
1 VTE = € 6.000,00" (issue step 6, item 7).

A sum is built from what the plan really booked — the month-by-month amounts of the person's
statute component with the parameters and inputs the plan recorded for it, the activity's hours
and the month's prices, the grant's yearly amount and degression factor, the agreement's amount
— never recomputed from a separate formula, so that its terms add up, exactly, to the line:
Σ terms, rounded half away from zero to the cent, is the line's amount. Months with the same
factors make one term; a term's factors have the shape of the rule, the shape its component
declares (`Component.shape`, `advice.line_sum_shapes`: a monthly amount × months × FTE, a
quarterly forfait × quarters × FTE, a yearly premium ÷ 12 × months × FTE, a percentage × the
wage cost capped at a multiple of the GGMMI × months …), hours × a price per hour × months for
an activity. A factor that could not be shown exactly falls back to a shape that can (a
monthly amount, or a yearly one ÷ 12), so the sum never lies.

The words come later (`klaverblad.web.views.line_explanation`): this module gives numbers and
the kind of each factor.

>>> term = Term((Factor("per_month", Decimal("500")), Factor("months", Decimal(12)),
...              Factor("fte", Decimal(1))), first_month=0)
>>> term.value
Fraction(6000, 1)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from math import isfinite
from typing import Any

import numpy

from klaverblad.advice.line_sum_shapes import (
    READING,
    Booked,
    Factor,
    Shape,
    Term,
    exact_decimal,
    statute_shape,
)
from klaverblad.model.initiative import Person
from klaverblad.model.money import snap_to_units
from klaverblad.model.months import month_of_date
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.plan.initiative_lines import (
    grant_booked_units,
    grant_leaf,
    regional_funder,
)
from klaverblad.plan.ledger import Line
from klaverblad.plan.shared_grants import is_shared_grant, shared_grant_months
from klaverblad.rules.by_month import leaf, values_at_months
from klaverblad.rules.catalogue import (
    REGIONALISED,
    STATUTES,
    Component,
    is_activity_revenue,
    voucher_of,
)
from klaverblad.rules.provenance import MONTH, START, ParameterRead
from klaverblad.rules.vouchers import voucher_check, voucher_prices

__all__ = ["Factor", "LineSum", "Term", "line_sum"]


@dataclass(frozen=True)
class LineSum:
    """The terms of a line and its amount in cents; `notes` name what the sentence must add
    (`capped_at_wage_cost`). A `not_computable` line has no terms."""

    terms: tuple[Term, ...]
    cents: int
    status: str
    notes: tuple[str, ...] = ()

    @property
    def rounded_cents(self) -> int:
        """Σ terms in cents, rounded half away from zero (RULEBOOK §1)."""
        total = sum((term.value for term in self.terms), Fraction(0)) * 100
        whole, rest = divmod(abs(total.numerator), total.denominator)
        if 2 * rest >= total.denominator:
            whole += 1
        return whole if total >= 0 else -whole

    def to_dict(self) -> dict[str, Any]:
        return {
            "terms": [[factor.to_dict() for factor in term.factors] for term in self.terms],
            "notes": list(self.notes),
        }


def _grouped(months: Iterable[int], keys: Iterable[Shape]) -> list[tuple[Shape, list[int]]]:
    """Months with the same shape together, in the order of their first month."""
    groups: dict[Shape, list[int]] = {}
    for month, key in zip(months, keys, strict=True):
        groups.setdefault(key, []).append(month)
    return list(groups.items())


def _terms(groups: list[tuple[Shape, list[int]]]) -> tuple[Term, ...]:
    terms = []
    for (before, count, after), months in groups:
        counted = (
            () if count == "times" and len(months) == 1 else (Factor(count, Decimal(len(months))),)
        )
        terms.append(Term(before + counted + after, first_month=months[0]))
    return tuple(terms)


def _person_index(plan: FinancingPlan, person_id: str) -> int:
    return next(i for i, person in enumerate(plan.initiative.people) if person.id == person_id)


def _number(value: Any) -> Decimal | None:
    """A parameter's or an input's value as an exact Decimal (as written: 2070.48, not the
    float's binary expansion); None for a missing value, a yes/no or a text."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    if isinstance(value, float) and not isfinite(value):
        return None
    return exact_decimal(Fraction(Decimal(str(value))))


def _booked_months(
    plan: FinancingPlan,
    statute: str,
    component: Component,
    person: Person,
    chosen: list[tuple[int, int]],
) -> list[Booked]:
    """Each chosen (month, units) with what it was computed from: for a shape that reads
    them, the values in force that month (one read at the start of employment, at the start
    month) of the parameters the plan recorded for the component, by unit, and the numbers
    among the person's inputs its formulas used (the component's declared parameters and
    every input without a record)."""
    fte, wage = Decimal(person.fte), Decimal(person.monthly_wage_cost)
    if component.shape not in READING:
        return [Booked(units, fte, wage) for _, units in chosen]
    assert plan.statutes is not None
    record = plan.statutes.provenance.get(statute, {}).get(component.name)
    reads = (
        record.parameters
        if record is not None
        else tuple(ParameterRead(path, MONTH) for path in component.parameters)
    )
    given = person.model_dump()
    names = record.inputs if record is not None else tuple(given)
    inputs = tuple(found for name in names if (found := _number(given.get(name))) is not None)
    months = numpy.array([month for month, _ in chosen], dtype=numpy.int64)
    start = numpy.full(len(months), month_of_date(person.start_date), dtype=numpy.int64)
    by_unit: list[dict[str, list[Decimal]]] = [{} for _ in chosen]
    for read in reads:
        parameter = leaf(plan.parameters, read.path)
        unit = str((parameter.metadata or {}).get("unit"))
        values = values_at_months(parameter, start if read.read_at == START else months)
        for at, value in enumerate(values):
            number = _number(value)
            if number is not None and number not in by_unit[at].get(unit, []):
                by_unit[at].setdefault(unit, []).append(number)
    return [
        Booked(units, fte, wage, {unit: tuple(v) for unit, v in values.items()}, inputs)
        for (_, units), values in zip(chosen, by_unit, strict=True)
    ]


def _statute_sum(plan: FinancingPlan, line: Line, statute: str, component: Component) -> LineSum:
    assert plan.statutes is not None and line.person is not None
    index = _person_index(plan, line.person)
    person = plan.initiative.people[index]
    units = snap_to_units(plan.statutes.amounts(statute, component.name)[index]).tolist()
    months = plan.month_indexes.tolist()
    funder_rule = component.funder or STATUTES[statute].funder
    funders = (
        regional_funder(plan.parameters, plan.month_indexes)
        if funder_rule == REGIONALISED
        else [funder_rule] * len(months)
    )
    chosen = [
        (month, amount)
        for month, amount, funder in zip(months, units, funders, strict=True)
        if month // 12 == line.year and funder == line.funder and amount
    ]
    booked = _booked_months(plan, statute, component, person, chosen)
    shaped = [statute_shape(component.shape, component.rhythm, month) for month in booked]
    notes = tuple(dict.fromkeys(note for _, found in shaped for note in found))
    groups = _grouped((month for month, _ in chosen), (key for key, _ in shaped))
    return LineSum(_terms(groups), line.cents, line.status, notes)


def _hours(hours: Decimal) -> Factor:
    return Factor("hours_per_month", Decimal(hours))


def _price(cents: int, minus_cents: int | None = None) -> Factor:
    minus = None if minus_cents is None else Decimal(minus_cents).scaleb(-2)
    return Factor("per_hour", Decimal(cents).scaleb(-2), minus)


def _activity_sum(plan: FinancingPlan, line: Line) -> LineSum:
    """hours a month × a price per hour × months, per price in force."""
    activity = next(a for a in plan.initiative.activities if a.id == line.activity)
    tree, months = plan.parameters, plan.month_indexes
    in_year = months // 12 == line.year
    keys: list[Shape] = []
    chosen: list[int] = []
    voucher = voucher_of(activity.payment)
    recognitions = plan.initiative.recognitions
    if voucher is not None and voucher.prices is not None:
        # Priced by the rules (the dienstencheque): the user price, or the public part.
        check = voucher_check(
            tree, months, voucher, activity.kind, activity.client_group, recognitions, 0
        )
        user, public = voucher_prices(tree, months, voucher)
        funders = regional_funder(tree, months) if line.component == "overheid" else None
        for at, month in enumerate(months.tolist()):
            if not (in_year[at] and check.allowed[at]) or numpy.isnan(user[at] + public[at]):
                continue
            if funders is not None and funders[at] != line.funder:
                continue
            user_cents = int(numpy.rint(user[at] * 100))
            public_cents = int(numpy.rint(public[at] * 100))
            if line.component == "gebruiker":
                price = _price(user_cents)
            else:
                price = _price(public_cents + user_cents, user_cents)
            if price.multiplier:
                chosen.append(month)
                keys.append(((_hours(activity.hours_per_month), price), "months", ()))
    else:
        # The activity's own price: cash, an invoice, or a cheque inside its price range.
        cents = int((activity.price_per_hour or Decimal(0)) * 100)
        allowed = numpy.ones(len(months), dtype=bool)
        if voucher is not None:
            allowed = voucher_check(
                tree, months, voucher, activity.kind, activity.client_group, recognitions, cents
            ).allowed
        for at, month in enumerate(months.tolist()):
            if in_year[at] and allowed[at] and cents:
                chosen.append(month)
                keys.append(((_hours(activity.hours_per_month), _price(cents)), "months", ()))
    return LineSum(_terms(_grouped(chosen, keys)), line.cents, line.status)


def _grant_sum(plan: FinancingPlan, line: Line) -> LineSum:
    """Per grant booked on the line: amount a year ÷ 12 × months (× its degression factor)."""
    months = plan.month_indexes
    first = int(months[0])
    chosen: list[int] = []
    keys: list[Shape] = []
    for grant in plan.initiative.grants:
        if (grant.measure, grant.funder, grant.component or "toelage", grant_leaf(grant)) != (
            line.measure,
            line.funder,
            line.component,
            line.leaf,
        ):
            continue
        # As the plan books it (`grant_booked_units`): inside the window, for this promoter, and
        # for a statute paid by a shared grant only in the months someone applies it.
        shared: dict[str, numpy.ndarray] = {
            measure: shared_grant_months(plan.statutes, measure, len(months))
            for measure in (grant.measure,)
            if is_shared_grant(measure)
        }
        units = grant_booked_units(grant, plan.initiative, plan.parameters, months, shared)
        factors = list(grant.degression) or [Decimal(1)]
        yearly = (
            Factor("per_year", Decimal(grant.amount_per_year)),
            Factor("twelfth", Decimal(12)),
        )
        for at, month in enumerate(months.tolist()):
            if month // 12 != line.year or not units[at]:
                continue
            factor = Decimal(factors[min((month - first) // 12, len(factors) - 1)])
            after = () if factor == 1 else (Factor("degression", factor),)
            chosen.append(month)
            keys.append((yearly, "months", after))
    return LineSum(_terms(_grouped(chosen, keys)), line.cents, line.status)


def _agreement_sum(plan: FinancingPlan, line: Line) -> LineSum:
    """A yearly amount ÷ 12 × months, or hours × an amount per hour × months."""
    hours = {activity.id: activity.hours_per_month for activity in plan.initiative.activities}
    months = [m for m in plan.month_indexes.tolist() if m // 12 == line.year]
    chosen: list[int] = []
    keys: list[Shape] = []
    for agreement in plan.initiative.agreements:
        if (agreement.funder, agreement.domain, agreement.activity) != (
            line.funder,
            line.component,
            line.activity,
        ):
            continue
        if agreement.amount_per_year is not None:
            key: Shape = (
                (
                    Factor("per_year", Decimal(agreement.amount_per_year)),
                    Factor("twelfth", Decimal(12)),
                ),
                "months",
                (),
            )
        else:
            per_hour = Decimal(agreement.amount_per_hour or 0)
            key = (
                (_hours(hours[agreement.activity or ""]), Factor("per_hour", per_hour)),
                "months",
                (),
            )
        if Term(key[0], 0).value:
            chosen += months
            keys += [key] * len(months)
    return LineSum(_terms(_grouped(chosen, keys)), line.cents, line.status)


def line_sum(
    plan: FinancingPlan, line: Line, statute_component: tuple[str, Component] | None
) -> LineSum:
    """The sum of `line` of `plan`; `statute_component` is the wage statute and component
    the line books, if it is a person's statute line."""
    if line.status == "not_computable":
        return LineSum((), line.cents, line.status)
    if statute_component is not None:
        found = _statute_sum(plan, line, *statute_component)
    elif is_activity_revenue(line.measure):
        found = _activity_sum(plan, line)
    elif line.measure == "beleidsdomein":
        found = _agreement_sum(plan, line)
    else:
        found = _grant_sum(plan, line)
    if found.terms and found.rounded_cents == line.cents:
        return found
    # Never a sum that does not add up: the amount itself, once.
    return LineSum(
        (Term((Factor("once", Decimal(line.cents).scaleb(-2)),), first_month=0),),
        line.cents,
        line.status,
    )
