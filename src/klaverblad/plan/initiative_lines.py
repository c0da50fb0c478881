"""Initiative-level funding (RULEBOOK §4): entered grants, client revenue per activity and
agreements with other policy domains, booked month by month into the ledger."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import numpy
from openfisca_core.parameters import ParameterNode

from klaverblad.model.consistency import DEFAULT_GRANT_LEAF
from klaverblad.model.initiative import Activity, Grant, Initiative
from klaverblad.model.money import UNITS_PER_EURO, euros_to_units
from klaverblad.model.months import parse_month
from klaverblad.plan.ledger import Ledger
from klaverblad.rules.by_month import by_month
from klaverblad.rules.catalogue import REGIONALISATION_PARAMETER
from klaverblad.rules.vouchers import (
    VoucherCheck,
    dienstencheque_check,
    dienstencheque_prices,
    pwa_check,
)

USERS = "gebruikers"
PWA_FUNDER = "gebruikers (PWA)"
# Who pays a client invoice: the city's own budget, or the users.
CLIENT_FUNDER = {"particulier": USERS, "kansarm": USERS, "bedrijf": USERS, "stad": "lokaal"}
STRUCTURAL_GRANTS = ("lde", "swp")


@dataclass
class InitiativeBooking:
    """What the plan needs beyond the ledger: inputs of the break-even price and the alerts."""

    cash_revenue_units: int = 0
    cash_hundredths_of_hours: int = 0
    voucher_refusals: dict[str, VoucherCheck] = field(default_factory=dict)
    uncovered_months: dict[str, numpy.ndarray] = field(default_factory=dict)


def regional_funder(tree: ParameterNode, months: numpy.ndarray) -> list[str]:
    """'federaal' or 'Vlaams' per month, by the sixth state reform (RULEBOOK §1)."""
    view: Any = by_month(tree, months)
    for name in REGIONALISATION_PARAMETER.split("."):
        view = getattr(view, name)
    return ["Vlaams" if value else "federaal" for value in view]


def grant_units_by_month(grant: Grant, months: numpy.ndarray, first_month: int) -> numpy.ndarray:
    """amount_per_year / 12 × the plan year's degression factor, inside from/until (RULEBOOK
    §4.1). Units are exact: cents × 10 000 per month before the factor's basis points."""
    cents = int(grant.amount_per_year * 100)
    plan_year = (months - first_month) // 12
    factors = list(grant.degression) or [Decimal(1)]
    basis_points = numpy.array(
        [int(factors[min(year, len(factors) - 1)] * 10_000) for year in plan_year],
        dtype=numpy.int64,
    )
    # amount/12 per month in units = cents × (UNITS_PER_EURO / 100 / 12) = cents × 10 000;
    # times basis points / 10 000 that is cents × basis points (at most 1e15: no int64
    # overflow, which cents × 10 000 × basis points had above 922 million euros a year).
    units = cents * basis_points
    return numpy.where(grant_window(grant, months), units, 0)


def structural_validity(tree: ParameterNode, months: numpy.ndarray, measure: str) -> numpy.ndarray:
    """The LDE or SWP support window per month (the recognition is checked by the caller)."""
    return numpy.asarray(getattr(by_month(tree, months), measure).valid, dtype=bool)


def book_grants(
    ledger: Ledger,
    initiative: Initiative,
    tree: ParameterNode,
    months: numpy.ndarray,
    wep_plus_months: numpy.ndarray,
    booking: InitiativeBooking,
) -> None:
    """Book every entered grant; flag LDE/SWP months that no grant covers."""
    first = int(months[0])
    years = months // 12
    covered = {measure: numpy.zeros(len(months), dtype=bool) for measure in STRUCTURAL_GRANTS}
    for grant in initiative.grants:
        units = grant_units_by_month(grant, months, first)
        if grant.measure in STRUCTURAL_GRANTS:
            valid = structural_validity(tree, months, grant.measure)
            valid &= grant.measure in initiative.recognitions
            units = numpy.where(valid, units, 0)
            covered[grant.measure] |= grant_window(grant, months)
        if grant.measure == "wep_plus":
            units = numpy.where(wep_plus_months, units, 0)
        leaf = grant.leaf or DEFAULT_GRANT_LEAF[grant.measure]
        for year in numpy.unique(years):
            amount = int(units[years == year].sum())
            if amount:
                ledger.add(
                    year=int(year),
                    leaf=leaf,
                    measure=grant.measure,
                    component=grant.component or "toelage",
                    funder=grant.funder,
                    units=amount,
                    status="entered",
                )
    for measure in STRUCTURAL_GRANTS:
        if measure not in initiative.recognitions:
            continue
        eligible = structural_validity(tree, months, measure)
        uncovered = eligible & ~covered[measure]
        if uncovered.any():
            booking.uncovered_months[measure] = months[uncovered]
            for year in numpy.unique(years[uncovered]):
                ledger.add(
                    year=int(year),
                    leaf="I",
                    measure=measure,
                    component="toelage",
                    funder="Vlaams",
                    units=0,
                    status="not_computable",
                )


def grant_window(grant: Grant, months: numpy.ndarray) -> numpy.ndarray:
    """True in the months between the grant's `from` and `until` (both inclusive)."""
    inside = numpy.ones(len(months), dtype=bool)
    if grant.from_month:
        inside &= months >= parse_month(grant.from_month)
    if grant.until_month:
        inside &= months <= parse_month(grant.until_month)
    return inside


def _book_by_year(
    ledger: Ledger,
    months: numpy.ndarray,
    units: numpy.ndarray,
    funders: list[str],
    unknown: numpy.ndarray | None,
    **line: str,
) -> None:
    """Sum monthly units per (year, funder); a year with an unknown month also gets a
    `not_computable` line."""
    years = months // 12
    missing = unknown if unknown is not None else numpy.zeros(len(months), dtype=bool)
    totals: dict[tuple[int, str], list[int]] = {}
    for year, funder, amount, gap in zip(years, funders, units, missing, strict=True):
        total = totals.setdefault((int(year), funder), [0, 0])
        total[0] += int(amount)
        total[1] |= bool(gap)
    for (year, funder), (amount, gap) in totals.items():
        if amount:
            ledger.add(year=year, funder=funder, units=amount, status="computed", **line)
        if gap:
            ledger.add(year=year, funder=funder, units=0, status="not_computable", **line)


def _hour_units(
    activity: Activity, cents_per_hour: numpy.ndarray, paying: numpy.ndarray
) -> numpy.ndarray:
    """hours × price in units where `paying`: hundredths of hours × cents × 1 200 (exact).

    Python integers (an object array): 100 000 hours at 999 999 999.99 an hour is 1.2e21
    units a month, beyond int64."""
    hundredths = int(activity.hours_per_month * 100)
    cents = numpy.rint(numpy.where(paying, cents_per_hour, 0)).astype(numpy.int64)
    return hundredths * cents.astype(object) * (UNITS_PER_EURO // 10_000)


def book_activities(
    ledger: Ledger,
    initiative: Initiative,
    tree: ParameterNode,
    months: numpy.ndarray,
    booking: InitiativeBooking,
) -> None:
    """Client revenue per activity and month (RULEBOOK §4.2)."""
    count = len(months)
    for activity in initiative.activities:
        line = {"activity": activity.id}
        if activity.payment == "dienstencheque":
            check = dienstencheque_check(
                tree,
                months,
                activity.kind,
                activity.client_group,
                "dienstencheque_onderneming" in initiative.recognitions,
            )
            if check.refused_months.size:
                booking.voucher_refusals[activity.id] = check
            user, public = dienstencheque_prices(tree, months)
            common = {"leaf": "III", "measure": "dienstencheque", **line}
            _book_by_year(
                ledger,
                months,
                _hour_units(activity, user * 100, check.allowed),
                [USERS] * count,
                check.unknown,
                component="gebruiker",
                **common,
            )
            _book_by_year(
                ledger,
                months,
                _hour_units(activity, public * 100, check.allowed),
                regional_funder(tree, months),
                check.unknown,
                component="overheid",
                **common,
            )
            continue
        price = activity.price_per_hour or Decimal(0)
        cents = numpy.full(count, float(price * 100))
        if activity.payment == "pwa_cheque":
            check = pwa_check(tree, months, activity.kind, activity.client_group, int(price * 100))
            if check.refused_months.size:
                booking.voucher_refusals[activity.id] = check
            _book_by_year(
                ledger,
                months,
                _hour_units(activity, cents, check.allowed),
                [PWA_FUNDER] * count,
                check.unknown,
                leaf="II",
                measure="pwa",
                component=activity.client_group,
                **line,
            )
            continue
        units = _hour_units(activity, cents, numpy.ones(count, dtype=bool))
        booking.cash_revenue_units += int(units.sum())
        booking.cash_hundredths_of_hours += int(activity.hours_per_month * 100) * count
        _book_by_year(
            ledger,
            months,
            units,
            [CLIENT_FUNDER[activity.client_group]] * count,
            None,
            leaf="III",
            measure="klantbijdrage",
            component=activity.client_group,
            **line,
        )


def book_agreements(ledger: Ledger, initiative: Initiative, months: numpy.ndarray) -> None:
    """Agreements with other policy domains (RULEBOOK §4.3), leaf IV."""
    hours = {activity.id: activity.hours_per_month for activity in initiative.activities}
    for agreement in initiative.agreements:
        if agreement.amount_per_year is not None:
            monthly = euros_to_units(agreement.amount_per_year) // 12
        else:
            per_hour = agreement.amount_per_hour or Decimal(0)
            monthly = euros_to_units(per_hour * hours[agreement.activity or ""])
        years = months // 12
        for year in numpy.unique(years):
            ledger.add(
                year=int(year),
                leaf="IV",
                measure="beleidsdomein",
                component=agreement.domain,
                funder=agreement.funder,
                activity=agreement.activity,
                units=monthly * int((years == year).sum()),
                status="entered",
            )
