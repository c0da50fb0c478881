"""The plan's lines and costs month by month, for the cash flow (docs/cashflow.md).

A plan line is a calendar year's sum; the booking sums the months before it books them, so
nothing is kept per month while a plan is computed (a plan without a cash flow costs nothing
more). These functions find each line's months again from the same arrays and helpers the
booking used (`worker_lines`, `initiative_lines`) and round them to cents so that the months
of a line sum to its year amount exactly: cent k of a year is the rounding of the running sum
of units (half away from zero, as the line itself), so that Σ months = `to_cents(Σ units)` =
the line's cents.

A line whose months cannot be found again (none should; `MonthlyLine.derived` says so) is
spread over the months of its year in the horizon, evenly, so that the sums still hold.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import numpy

from klaverblad.model.money import UNITS_PER_EURO, euros_to_units, to_cents
from klaverblad.plan.financing_plan import FinancingPlan, monthly_cost_units
from klaverblad.plan.initiative_lines import (
    employer_of,
    grant_booked_units,
    grant_leaf,
    hour_units,
    regional_funder,
    voucher_owners,
    voucher_parts,
)
from klaverblad.plan.ledger import Line, LineKey
from klaverblad.plan.shared_grants import SHARED_GRANTS, shared_grant_months
from klaverblad.plan.worker_lines import component_leaf
from klaverblad.rules.catalogue import REGIONALISED, STATUTES, voucher_measures, voucher_of
from klaverblad.rules.vouchers import voucher_check

# Units per line key and horizon position (month offset from the plan's first month).
MonthUnits = dict[LineKey, dict[int, int]]


@dataclass(frozen=True)
class MonthlyLine:
    """A plan line and its cents in each month of the horizon (0 outside its year); `derived`
    is False when its months were spread evenly instead of found again."""

    line: Line
    cents: tuple[int, ...]
    derived: bool


def monthly_lines(plan: FinancingPlan) -> list[MonthlyLine]:
    """Every plan line with an amount (not the memo lines, not the `not_computable` lines),
    in the plan's order, with its cents per horizon month; Σ months = the line's cents."""
    units = _month_units(plan)
    years = [(plan.first_month + at) // 12 for at in range(plan.months)]
    result = []
    for line in plan.lines:
        if not line.cents:
            continue
        key = LineKey(
            line.year,
            line.leaf,
            line.measure,
            line.component,
            line.person or "",
            line.activity or "",
            line.funder,
            line.status,
        )
        positions = [at for at, year in enumerate(years) if year == line.year]
        found = units.get(key, {})
        weights = [found.get(at, 0) for at in positions]
        derived = to_cents(sum(weights)) == line.cents
        spread = running_cents(weights) if derived else even_cents(line.cents, len(positions))
        cents = [0] * plan.months
        for at, amount in zip(positions, spread, strict=True):
            cents[at] = amount
        result.append(MonthlyLine(line, tuple(cents), derived))
    return result


def monthly_costs(plan: FinancingPlan) -> list[int]:
    """The costs in cents per horizon month (wages of those employed + operating / 12); the
    months of a year sum to the year's costs exactly."""
    employed = plan.statutes.employed if plan.statutes is not None else None
    units = [int(value) for value in monthly_cost_units(plan.initiative, employed, plan.months)]
    years = [(plan.first_month + at) // 12 for at in range(plan.months)]
    cents: list[int] = []
    for year in sorted(set(years)):
        cents += running_cents([u for u, y in zip(units, years, strict=True) if y == year])
    return cents


def running_cents(units: Sequence[int]) -> list[int]:
    """Units per month as cents whose sum is `to_cents(Σ units)`: each month the rounding of
    the running sum less that of the month before.

    >>> running_cents([60_000, 60_000, 60_000])  # half a cent a month: 0.5, 1.0, 1.5 cents
    [1, 0, 1]
    """
    result, before, total = [], 0, 0
    for amount in units:
        total += amount
        now = to_cents(total)
        result.append(now - before)
        before = now
    return result


def even_cents(cents: int, count: int) -> list[int]:
    """`cents` over `count` months as evenly as whole cents allow, the rest in the first ones.

    >>> even_cents(100, 3)
    [34, 33, 33]
    """
    if count == 0:
        return []
    base, rest = divmod(cents, count)
    return [base + (1 if at < rest else 0) for at in range(count)]


def _month_units(plan: FinancingPlan) -> MonthUnits:
    units: MonthUnits = defaultdict(lambda: defaultdict(int))
    months = plan.month_indexes
    _statute_units(plan, months, units)
    _grant_units(plan, months, units)
    _activity_units(plan, months, units)
    _agreement_units(plan, months, units)
    return units


def _add(units: MonthUnits, month: int, first: int, key: tuple[object, ...], amount: int) -> None:
    full = LineKey(month // 12, *key)  # type: ignore[arg-type]
    units[full][month - first] += amount


def _statute_units(plan: FinancingPlan, months: numpy.ndarray, units: MonthUnits) -> None:
    """As `worker_lines.book_statutes`, month by month."""
    results, people, first = plan.statutes, plan.initiative.people, plan.first_month
    if results is None:
        return
    regional = regional_funder(plan.parameters, months)
    for statute, measure in STATUTES.items():
        members = results.members.get(statute)
        if members is None:
            continue
        for component in results.component_specs[statute]:
            if component.name not in results.units[statute]:
                continue
            rule = component.funder or measure.funder
            funders = regional if rule == REGIONALISED else [rule] * len(months)
            rows = results.units[statute][component.name][members].tolist()
            for index, row in zip(members.tolist(), rows, strict=True):
                person = people[index]
                leaf = component_leaf(component, person.role)
                for at, amount in enumerate(row):
                    if amount:
                        key = (leaf, component.measure or statute, component.name, person.id, "")
                        _add(units, first + at, first, (*key, funders[at], "computed"), amount)


def _grant_units(plan: FinancingPlan, months: numpy.ndarray, units: MonthUnits) -> None:
    """As `initiative_lines.book_grants`, month by month."""
    shared = {
        statute: shared_grant_months(plan.statutes, statute, plan.months)
        for statute in SHARED_GRANTS
    }
    for grant in plan.initiative.grants:
        booked = grant_booked_units(grant, plan.initiative, plan.parameters, months, shared)
        component = grant.component or "toelage"
        key = (grant_leaf(grant), grant.measure, component, "", "", grant.funder, "entered")
        first = plan.first_month
        for at, amount in enumerate(booked.tolist()):
            if amount:
                _add(units, first + at, first, key, amount)


def _activity_units(plan: FinancingPlan, months: numpy.ndarray, units: MonthUnits) -> None:
    """As `initiative_lines.book_activities`, month by month; memo vouchers are left out."""
    initiative, tree, first = plan.initiative, plan.parameters, plan.first_month
    for activity in initiative.activities:
        measures = voucher_measures(activity.payment)
        if not measures:
            hundredths = int(activity.hours_per_month * 100)
            cents = int((activity.price_per_hour or Decimal(0)) * 100)
            monthly = hundredths * cents * (UNITS_PER_EURO // 10_000)
            group = activity.client_group
            client: tuple[object, ...] = ("III", "klantbijdrage", group, "", activity.id, group)
            for month in months.tolist():
                if monthly:
                    _add(units, month, first, (*client, "computed"), monthly)
            continue
        voucher = voucher_of(activity.payment)
        if voucher is None or voucher.memo:
            continue
        price = int((activity.price_per_hour or Decimal(0)) * 100)
        check = voucher_check(
            tree,
            months,
            voucher,
            activity.kind,
            activity.client_group,
            frozenset(initiative.recognitions),
            price,
        )
        owner = voucher_owners(tree, months, measures, employer_of(initiative)).tolist()
        for index, spec in enumerate(measures):
            for component, cents_per_hour, funders in voucher_parts(
                voucher, spec, activity, tree, months
            ):
                amounts = hour_units(activity, cents_per_hour, check.allowed).tolist()
                for at, amount in enumerate(amounts):
                    if amount and owner[at] == index:
                        key = (spec.leaf, spec.name, component, "", activity.id, funders[at])
                        _add(units, first + at, first, (*key, "computed"), int(amount))


def _agreement_units(plan: FinancingPlan, months: numpy.ndarray, units: MonthUnits) -> None:
    """As `initiative_lines.book_agreements`, month by month."""
    hours = {activity.id: activity.hours_per_month for activity in plan.initiative.activities}
    first = plan.first_month
    for agreement in plan.initiative.agreements:
        if agreement.amount_per_year is not None:
            monthly = euros_to_units(agreement.amount_per_year) // 12
        else:
            per_hour = agreement.amount_per_hour or Decimal(0)
            monthly = euros_to_units(per_hour * hours[agreement.activity or ""])
        key = ("IV", "beleidsdomein", agreement.domain, "", agreement.activity or "")
        for month in months.tolist():
            if monthly:
                _add(units, month, first, (*key, agreement.funder, "entered"), monthly)
