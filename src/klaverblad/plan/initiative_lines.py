"""Initiative-level funding (RULEBOOK §4): entered grants, client revenue per activity and
agreements with other policy domains, booked month by month into the ledger; and the memo
lines of vouchers that pay workers who are not the initiative's (PWA and wijk-werk cheques),
booked into a ledger of their own (RULEBOOK §1).

Grants are data: how a grant of a measure is booked is read from the measure's folder, never
from its name here — its window (the spec's `paid` parameters, or per legal form of the
promoter), the recognition it needs and whether months of its window that no grant covers
are `not_computable` (the `grant` metadata of its parameter node, `grant_rule`).

Vouchers are data too: the measures an activity's `payment` books are those whose `funding` is
a `Voucher` of that payment (`catalogue.voucher_measures`), each in the months of its window;
what the voucher asks and whether its lines are memo lines are the `Voucher`'s.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import numpy
from openfisca_core.parameters import ParameterNode

from klaverblad.model.consistency import DEFAULT_GRANT_LEAF
from klaverblad.model.initiative import Activity, Grant, Initiative
from klaverblad.model.money import INT64_SAFE_UNITS, UNITS_PER_EURO, euros_to_units
from klaverblad.model.months import parse_month
from klaverblad.plan.horizon_cache import months_key, remember
from klaverblad.plan.ledger import Ledger, Status
from klaverblad.rules.by_month import by_month, leaf, month_table
from klaverblad.rules.catalogue import (
    INITIATIVE_MEASURES,
    MEASURES,
    REGIONALISATION_PARAMETER,
    Measure,
    voucher_measures,
    voucher_of,
)
from klaverblad.rules.employer_windows import Employer, for_employer
from klaverblad.rules.funding import Voucher
from klaverblad.rules.vouchers import VoucherCheck, voucher_check, voucher_prices

# The funder of the user's part of a voucher (RULEBOOK §1: a budget owner); a cash or invoice
# payment names its client group as funder (§4.2: "component and funder = the client group").
USERS = "gebruikers"


@dataclass
class InitiativeBooking:
    """What the plan needs beyond the ledger: inputs of the break-even price and the alerts,
    and the memo lines (money outside the initiative's accounts, counted in no total)."""

    cash_revenue_units: int = 0
    cash_hundredths_of_hours: int = 0
    voucher_refusals: dict[str, VoucherCheck] = field(default_factory=dict)
    uncovered_months: dict[str, numpy.ndarray] = field(default_factory=dict)
    memo: Ledger = field(default_factory=Ledger)


@dataclass(frozen=True)
class GrantRule:
    """How an entered grant of a measure is booked (the `grant` metadata of the measure's
    parameter node; a measure without it has none of these constraints)."""

    recognition: str | None = None
    unknown_without_grant: bool = False


def grant_rule(tree: ParameterNode, measure: str) -> GrantRule:
    """The `grant` metadata of `measure`'s parameter node, as a `GrantRule`."""
    return remember(tree, ("grant_rule", measure), lambda: _grant_rule(tree, measure))


def _grant_rule(tree: ParameterNode, measure: str) -> GrantRule:
    spec = MEASURES.get(measure)
    if spec is None or not spec.parameter_node:
        return GrantRule()
    node: Any = tree
    for name in spec.parameter_node.split("."):
        node = node.children[name]
    data = dict((node.metadata or {}).get("grant") or {})
    return GrantRule(
        recognition=data.get("recognition"),
        unknown_without_grant=bool(data.get("unknown_without_grant", False)),
    )


def paid_parameters(
    tree: ParameterNode, measure: str, employer: Employer | None
) -> tuple[str, ...]:
    """The boolean parameters whose union is `measure`'s window for `employer`: the spec's
    `paid`, each read for the employer (`rules.employer_windows`)."""
    spec = MEASURES.get(measure)
    if spec is None:
        return ()
    return tuple(for_employer(tree, name, employer) for name in spec.paid)


def measure_open(
    tree: ParameterNode, months: numpy.ndarray, measure: str, employer: Employer | None
) -> numpy.ndarray | None:
    """Per month: inside `measure`'s window for `employer` (a parameter is in force from the
    first month that starts on or after its date, RULEBOOK §1); None for a measure without a
    window."""
    key = ("open", measure, employer, months_key(months))
    return remember(tree, key, lambda: _measure_open(tree, months, measure, employer))


def _measure_open(
    tree: ParameterNode, months: numpy.ndarray, measure: str, employer: Employer | None
) -> numpy.ndarray | None:
    names = paid_parameters(tree, measure, employer)
    if not names:
        return None
    inside = numpy.zeros(len(months), dtype=bool)
    for name in names:
        inside |= numpy.asarray(month_table(leaf(tree, name)).lookup(months), dtype=bool)
    return inside


def employer_of(initiative: Initiative) -> Employer:
    """The promoter as the windows see it (`rules.employer_windows`)."""
    return Employer(initiative.promoter.legal_form, frozenset(initiative.recognitions))


def grant_allowed_months(
    tree: ParameterNode, initiative: Initiative, months: numpy.ndarray, measure: str
) -> numpy.ndarray:
    """Per month: may a grant of `measure` be booked — inside its window (for this promoter)
    and, where the rule names one, with the recognition (RULEBOOK §4.1)."""
    allowed = measure_open(tree, months, measure, employer_of(initiative))
    if allowed is None:
        allowed = numpy.ones(len(months), dtype=bool)
    recognition = grant_rule(tree, measure).recognition
    if recognition is not None and recognition not in initiative.recognitions:
        allowed = numpy.zeros(len(months), dtype=bool)
    return allowed


def grant_leaf(grant: Grant) -> str:
    """The grant's leaf: the file's, else the measure's default (RULEBOOK §4.1), else the
    leaf of the measure's spec (the v1.2 grants: I)."""
    return grant.leaf or DEFAULT_GRANT_LEAF.get(grant.measure) or MEASURES[grant.measure].leaf


def regional_funder(tree: ParameterNode, months: numpy.ndarray) -> tuple[str, ...]:
    """'federaal' or 'Vlaams' per month, by the sixth state reform (RULEBOOK §1)."""

    def funders() -> tuple[str, ...]:
        view: Any = by_month(tree, months)
        for name in REGIONALISATION_PARAMETER.split("."):
            view = getattr(view, name)
        return tuple("Vlaams" if value else "federaal" for value in view)

    return remember(tree, ("regional_funder", months_key(months)), funders)


def grant_units_by_month(grant: Grant, months: numpy.ndarray, first_month: int) -> numpy.ndarray:
    """amount_per_year / 12 × the plan year's degression factor, inside from/until (RULEBOOK
    §4.1). Units are exact: cents × 10 000 per month before the factor's basis points."""
    cents = int(grant.amount_per_year * 100)
    factors = list(grant.degression) or [Decimal(1)]
    # The plan year of each month, the last factor holding for every later year.
    plan_year = numpy.minimum((months - first_month) // 12, len(factors) - 1)
    basis_points = numpy.array([int(f * 10_000) for f in factors], dtype=numpy.int64)[plan_year]
    # amount/12 per month in units = cents × (UNITS_PER_EURO / 100 / 12) = cents × 10 000;
    # times basis points / 10 000 that is cents × basis points (at most 1e15: no int64
    # overflow, which cents × 10 000 × basis points had above 922 million euros a year).
    units = cents * basis_points
    return numpy.where(grant_window(grant, months), units, 0)


def grant_booked_units(
    grant: Grant,
    initiative: Initiative,
    tree: ParameterNode,
    months: numpy.ndarray,
    shared_months: Mapping[str, numpy.ndarray],
) -> numpy.ndarray:
    """The units a grant books in each horizon month: amount_per_year / 12 × degression
    inside from/until, only where its measure allows it (RULEBOOK §4.1); the grant of a statute
    paid by a shared grant (`shared_months`, by statute: WEP+) only in the months in which
    someone applies that statute (§3.6)."""
    units = grant_units_by_month(grant, months, int(months[0]))
    units = numpy.where(grant_allowed_months(tree, initiative, months, grant.measure), units, 0)
    if grant.measure in shared_months:
        units = numpy.where(shared_months[grant.measure], units, 0)
    return units


def book_grants(
    ledger: Ledger,
    initiative: Initiative,
    tree: ParameterNode,
    months: numpy.ndarray,
    shared_months: Mapping[str, numpy.ndarray],
    booking: InitiativeBooking,
) -> None:
    """Book every entered grant; flag the months of a measure whose amounts are unknown
    (`unknown_without_grant`: LDE, SWP) that no grant covers."""
    years = months // 12
    runs = year_runs(months)
    covered: dict[str, numpy.ndarray] = {}
    for grant in initiative.grants:
        units = grant_booked_units(grant, initiative, tree, months, shared_months)
        inside = covered.setdefault(grant.measure, numpy.zeros(len(months), dtype=bool))
        inside |= grant_window(grant, months)
        leaf_name = grant_leaf(grant)
        # int64 units (at most 1e15 a month): a year's sum is exact.
        sums = numpy.add.reduceat(units, [start for _, start, _ in runs]).tolist()
        for (year, _, _), amount in zip(runs, sums, strict=True):
            if amount:
                ledger.add(
                    year=year,
                    leaf=leaf_name,
                    measure=grant.measure,
                    component=grant.component or "toelage",
                    funder=grant.funder,
                    units=amount,
                    status="entered",
                )
    for spec in INITIATIVE_MEASURES:
        if not grant_rule(tree, spec.name).unknown_without_grant:
            continue
        eligible = grant_allowed_months(tree, initiative, months, spec.name)
        uncovered = eligible & ~covered.get(spec.name, numpy.zeros(len(months), dtype=bool))
        if uncovered.any():
            booking.uncovered_months[spec.name] = months[uncovered]
            for year in sorted(set(years[uncovered].tolist())):
                ledger.add(
                    year=int(year),
                    leaf=spec.leaf,
                    measure=spec.name,
                    component="toelage",
                    funder=spec.funder,
                    units=0,
                    status="not_computable",
                )


def year_runs(months: numpy.ndarray) -> list[tuple[int, int, int]]:
    """(year, first position, position after the last) of each calendar year of `months`, a
    plan's horizon (ascending month indexes)."""
    years = (months // 12).tolist()
    runs: list[tuple[int, int, int]] = []
    start = 0
    for position in range(1, len(years) + 1):
        if position == len(years) or years[position] != years[start]:
            runs.append((years[start], start, position))
            start = position
    return runs


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
    funders: Sequence[str],
    unknown: numpy.ndarray | None,
    **line: str,
) -> None:
    """Sum monthly units per (year, funder); a year with an unknown month also gets a
    `not_computable` line."""
    # Python values (`tolist`): exact integers whether `units` is int64 or an object array.
    gaps = unknown.tolist() if unknown is not None else [False] * len(months)
    totals: dict[tuple[int, str], list[int]] = {}
    for year, funder, amount, gap in zip(
        (months // 12).tolist(), funders, units.tolist(), gaps, strict=True
    ):
        total = totals.setdefault((year, funder), [0, 0])
        total[0] += amount
        total[1] |= gap
    for (year, funder), (amount, gap) in totals.items():
        if amount:
            ledger.add(year=year, funder=funder, units=amount, status="computed", **line)
        if gap:
            ledger.add(year=year, funder=funder, units=0, status="not_computable", **line)


def hour_units(
    activity: Activity, cents_per_hour: numpy.ndarray, paying: numpy.ndarray
) -> numpy.ndarray:
    """hours × price in units where `paying`: hundredths of hours × cents × 1 200 (exact).

    int64 when every month's product fits; else Python integers (an object array): 100 000
    hours at 999 999 999.99 an hour is 1.2e21 units a month, beyond int64."""
    hundredths = int(activity.hours_per_month * 100)
    cents = numpy.rint(numpy.where(paying, cents_per_hour, 0)).astype(numpy.int64)
    scale = hundredths * (UNITS_PER_EURO // 10_000)
    if not len(cents) or scale * int(numpy.abs(cents).max()) < INT64_SAFE_UNITS:
        return cents * scale  # every product fits int64: no Python integer per month
    return cents.astype(object) * scale


def book_activities(
    ledger: Ledger,
    initiative: Initiative,
    tree: ParameterNode,
    months: numpy.ndarray,
    booking: InitiativeBooking,
) -> None:
    """Client revenue per activity and month (RULEBOOK §4.2): an activity paid by vouchers
    under the measures of its payment, one paid in cash or by invoice as client payments."""
    count = len(months)
    for activity in initiative.activities:
        measures = voucher_measures(activity.payment)
        if measures:
            _book_vouchers(ledger, booking, initiative, activity, tree, months, measures)
            continue
        # The same hours at the same price every month: hours × price in units (exact, Python
        # integers), times the months of each year.
        hundredths = int(activity.hours_per_month * 100)
        cents = int((activity.price_per_hour or Decimal(0)) * 100)
        monthly = hundredths * cents * (UNITS_PER_EURO // 10_000)
        booking.cash_revenue_units += monthly * count
        booking.cash_hundredths_of_hours += hundredths * count
        if monthly:
            _book_each_year(
                ledger,
                months,
                monthly,
                leaf="III",
                measure="klantbijdrage",
                component=activity.client_group,
                funder=activity.client_group,
                activity=activity.id,
                status="computed",
            )


def voucher_owners(
    tree: ParameterNode,
    months: numpy.ndarray,
    measures: tuple[Measure, ...],
    employer: Employer | None,
) -> numpy.ndarray:
    """Per month, the index in `measures` (a payment's, `voucher_measures`) of the measure
    that books it: the first whose window holds the month (a measure without a window holds
    every month); -1 for a month that none holds (before the dienstencheque's 2004 or the
    PWA's 1994): it books nothing and raises `measure_closed` (RULEBOOK §1, §6). The successor
    takes over by its window alone (§6.1: pwa → wijk_werken, applied automatically, no
    alert)."""
    owner = numpy.full(len(months), -1)
    for index, measure in enumerate(measures):
        inside = measure_open(tree, months, measure.name, employer)
        if inside is None:
            inside = numpy.ones(len(months), dtype=bool)
        owner = numpy.where((owner < 0) & inside, index, owner)
    return owner


def voucher_parts(
    voucher: Voucher, spec: Measure, activity: Activity, tree: ParameterNode, months: numpy.ndarray
) -> list[tuple[str, numpy.ndarray, Sequence[str]]]:
    """(component, cents per hour, funder) in each month for `spec`: the user price and the
    public part of a voucher whose price is the rules' (`Voucher.prices`), else the activity's
    price under its client group and the measure's funder."""
    if voucher.prices is not None:
        user, public = remember(
            tree,
            ("voucher_prices", voucher.payment, months_key(months)),
            lambda: voucher_prices(tree, months, voucher),
        )
        return [
            ("gebruiker", user * 100, [USERS] * len(months)),
            ("overheid", public * 100, regional_funder(tree, months)),
        ]
    price = activity.price_per_hour or Decimal(0)
    cents = numpy.full(len(months), float(price * 100))
    return [(activity.client_group, cents, [spec.funder] * len(months))]


def _book_vouchers(
    ledger: Ledger,
    booking: InitiativeBooking,
    initiative: Initiative,
    activity: Activity,
    tree: ParameterNode,
    months: numpy.ndarray,
    measures: tuple[Measure, ...],
) -> None:
    """An activity paid by vouchers (RULEBOOK §4.2): hours × price in each month under the
    measure of its payment that holds it (`voucher_owners`), with the spec's leaf; memo lines
    when the voucher pays workers who are not the initiative's (§1). A refused month books
    nothing and raises `voucher_not_allowed`; one before the voucher's rules is not computable;
    one outside every window of the payment books nothing (`measure_closed`)."""
    voucher = voucher_of(activity.payment)
    assert voucher is not None
    price_cents = int((activity.price_per_hour or Decimal(0)) * 100)
    recognitions = frozenset(initiative.recognitions)
    check = remember(
        tree,
        (
            "voucher_check",
            voucher.payment,
            activity.kind,
            activity.client_group,
            recognitions,
            price_cents,
            months_key(months),
        ),
        lambda: voucher_check(
            tree, months, voucher, activity.kind, activity.client_group, recognitions, price_cents
        ),
    )
    if check.refused_months.size:
        booking.voucher_refusals[activity.id] = check
    owner = voucher_owners(tree, months, measures, employer_of(initiative))
    for index, spec in enumerate(measures):
        mine = owner == index
        if not mine.any():
            continue
        for component, cents, funders in voucher_parts(voucher, spec, activity, tree, months):
            _book_by_year(
                booking.memo if voucher.memo else ledger,
                months[mine],
                hour_units(activity, cents, check.allowed)[mine],
                [funders[at] for at in numpy.flatnonzero(mine).tolist()],
                check.unknown[mine],
                leaf=spec.leaf,
                measure=spec.name,
                component=component,
                activity=activity.id,
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
        _book_each_year(
            ledger,
            months,
            monthly,
            leaf="IV",
            measure="beleidsdomein",
            component=agreement.domain,
            funder=agreement.funder,
            activity=agreement.activity,
            status="entered",
        )


def _book_each_year(
    ledger: Ledger, months: numpy.ndarray, monthly: int, status: Status, **line: Any
) -> None:
    """The same units every month of the horizon, one line per calendar year."""
    for year, start, stop in year_runs(months):
        ledger.add(year=year, units=monthly * (stop - start), status=status, **line)
