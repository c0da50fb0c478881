"""Initiative-level funding (RULEBOOK §4), month by month: entered grants with their windows,
recognitions and degression (§4.1), client revenue and voucher payments (§4.2), agreements
with other policy domains (§4.3); and the memo lines of PWA and wijk-werk cheques (§1)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from benchmarks.naive_reference.dates import parse_month_text
from benchmarks.naive_reference.facts import LOCAL_AUTHORITIES, TWELVE, ZERO, P, regional_funder
from benchmarks.naive_reference.ledger import Ledger
from klaverblad.model.initiative import Activity, Grant, Initiative

# Default leaf per grant measure (§4.1); `overig` names its own.
GRANT_LEAF = {
    "lde": "I",
    "swp": "I",
    "lde_tijdelijke_vergoeding": "I",
    "ald_werkingssubsidie": "I",
    "gesco_regularisatie": "I",
    "lokaal_actieplan": "I",
    "art60_verhoogd": "II",
    "wep_plus": "II",
}
# The recognition a grant needs (§4.1).
GRANT_RECOGNITION = {"lde": "lde", "swp": "swp", "lde_tijdelijke_vergoeding": "lde"}
# Grants whose months of the window that no grant covers are not computable (§4.1).
UNKNOWN_WITHOUT_GRANT = ("lde", "swp")


@dataclass
class Revenue:
    """What the break-even price needs (§5): cash and invoice revenue, in twelfths, and their
    hours over the horizon."""

    cash: Decimal = ZERO
    hours: Decimal = ZERO
    memo: Ledger = field(default_factory=Ledger)


def grant_window(measure: str, initiative: Initiative, month: int) -> bool:
    """May a grant of `measure` be booked in `month`: inside its window and with the
    recognition it needs (§4.1, §3.6 for WEP+, §3.5 for the GESCO regularisation)."""
    needed = GRANT_RECOGNITION.get(measure)
    if needed is not None and needed not in initiative.recognitions:
        return False
    if measure == "gesco_regularisatie":
        local = initiative.promoter.legal_form in LOCAL_AUTHORITIES
        return P.flag("gesco_regularisatie.valid" + ("_lokaal_bestuur" if local else ""), month)
    if measure == "wep_plus":
        return P.flag("wep_plus.paid", month)
    if measure in {"lde", "swp", "lde_tijdelijke_vergoeding", "ald_werkingssubsidie"}:
        return P.flag(f"{measure}.valid", month)
    return True


def inside_from_until(grant: Grant, month: int) -> bool:
    if grant.from_month and month < parse_month_text(grant.from_month):
        return False
    return not (grant.until_month and month > parse_month_text(grant.until_month))


def grant_month(grant: Grant, month: int, first: int) -> Decimal:
    """amount_per_year / 12 × the plan year's degression factor, inside from/until (twelfths:
    amount_per_year × factor)."""
    if not inside_from_until(grant, month):
        return ZERO
    factors = grant.degression or (Decimal(1),)
    plan_year = (month - first) // 12
    return grant.amount_per_year * factors[min(plan_year, len(factors) - 1)]


def book_grants(
    ledger: Ledger, initiative: Initiative, months: Sequence[int], wep_plus_months: list[bool]
) -> None:
    """Every entered grant in the months its measure allows; a WEP+ grant only in the months in
    which someone applies WEP+; not computable months of LDE and SWP without a grant."""
    first = months[0]
    for grant in initiative.grants:
        amounts: list[Decimal | None] = []
        for index, month in enumerate(months):
            booked = grant_window(grant.measure, initiative, month)
            if grant.measure == "wep_plus":
                booked = booked and wep_plus_months[index]
            amounts.append(grant_month(grant, month, first) if booked else ZERO)
        ledger.add_months(
            months,
            amounts,
            [grant.funder] * len(months),
            leaf=grant.leaf or GRANT_LEAF[grant.measure],
            measure=grant.measure,
            component=grant.component or "toelage",
            status="entered",
        )
    for measure in UNKNOWN_WITHOUT_GRANT:
        covering = [grant for grant in initiative.grants if grant.measure == measure]
        for month in months:
            if not grant_window(measure, initiative, month):
                continue
            if not any(inside_from_until(grant, month) for grant in covering):
                ledger.add(
                    ZERO,
                    year=month // 12,
                    leaf="I",
                    measure=measure,
                    component="toelage",
                    funder="Vlaams",
                    status="not_computable",
                )


def _dienstencheque(
    ledger: Ledger, initiative: Initiative, activity: Activity, months: Sequence[int]
) -> None:
    """Per hour the user price (component gebruiker) and exchange value − user price (overheid),
    for listed kinds, private households and a recognised company. The measure opens with its
    first dated prices (2004-01-01, RULEBOOK §4.2): a month before has no line at all (§1: a
    month outside a measure's window gives no line, `measure_closed`), not a `not_computable`
    one — Klaverblad books `not_computable` lines there."""
    recognised = "dienstencheque_onderneming" in initiative.recognitions
    open_months: list[int] = []
    user_part: list[Decimal | None] = []
    public_part: list[Decimal | None] = []
    for month in months:
        user = P.at("dienstencheque.gebruikersprijs", month)
        value = P.at("dienstencheque.inruilwaarde", month)
        kinds = P.at("dienstencheque.allowed_kinds", month)
        groups = P.at("dienstencheque.allowed_client_groups", month)
        if user is None or value is None or kinds is None or groups is None:
            continue
        open_months.append(month)
        if recognised and activity.kind in kinds and activity.client_group in groups:
            user_part.append(activity.hours_per_month * user * TWELVE)
            public_part.append(activity.hours_per_month * (value - user) * TWELVE)
        else:
            user_part.append(ZERO)
            public_part.append(ZERO)
    common = {"leaf": "III", "measure": "dienstencheque", "activity": activity.id}
    users = ["gebruikers"] * len(open_months)
    ledger.add_months(open_months, user_part, users, component="gebruiker", **common)
    funders = [regional_funder(month) for month in open_months]
    ledger.add_months(open_months, public_part, funders, component="overheid", **common)


def _pwa_cheques(memo: Ledger, activity: Activity, months: Sequence[int]) -> None:
    """Hours × price as memo lines: measure pwa to 2017-12, wijk_werken from 2018-01; only for
    listed kinds, not for a company, at a price inside the month's range."""
    price = activity.price_per_hour or ZERO
    for measure, funder in (
        ("pwa", "gebruikers (PWA)"),
        ("wijk_werken", "gebruikers (wijk-werken)"),
    ):
        mine: list[int] = []
        amounts: list[Decimal | None] = []
        for month in months:
            pwa = P.flag("pwa.valid", month)
            wijk_werken = not pwa and P.flag("wijk_werken.valid", month)
            # A month in neither window (before the PWA) stays under the PWA: not computable.
            if (measure == "wijk_werken") != wijk_werken:
                continue
            kinds = P.at("pwa.allowed_kinds", month)
            lowest = P.at("pwa.min_price", month)
            highest = P.at("pwa.max_price", month)
            mine.append(month)
            if kinds is None or lowest is None or highest is None:
                amounts.append(None)
            elif (
                activity.kind in kinds
                and activity.client_group != "bedrijf"
                and lowest <= price <= highest
            ):
                amounts.append(activity.hours_per_month * price * TWELVE)
            else:
                amounts.append(ZERO)
        memo.add_months(
            mine,
            amounts,
            [funder] * len(mine),
            leaf="II",
            measure=measure,
            component=activity.client_group,
            activity=activity.id,
        )


def book_activities(
    ledger: Ledger, initiative: Initiative, months: Sequence[int], revenue: Revenue
) -> None:
    """Client revenue per activity and month (§4.2), in every month of the horizon."""
    for activity in initiative.activities:
        if activity.payment == "dienstencheque":
            _dienstencheque(ledger, initiative, activity, months)
            continue
        if activity.payment == "pwa_cheque":
            _pwa_cheques(revenue.memo, activity, months)
            continue
        price = activity.price_per_hour or ZERO
        amounts: list[Decimal | None] = []
        for _month in months:
            amount = activity.hours_per_month * price * TWELVE
            revenue.cash += amount
            revenue.hours += activity.hours_per_month
            amounts.append(amount)
        ledger.add_months(
            months,
            amounts,
            # "component and funder = the client group" (RULEBOOK §4.2; §1: "client revenue
            # names its client group"). Klaverblad writes `gebruikers` or `lokaal` instead.
            [activity.client_group] * len(months),
            leaf="III",
            measure="klantbijdrage",
            component=activity.client_group,
            activity=activity.id,
        )


def book_agreements(ledger: Ledger, initiative: Initiative, months: Sequence[int]) -> None:
    """amount_per_year / 12 per month, or amount_per_hour × the activity's hours (§4.3).
    Klaverblad's reading, the rulebook being silent: an agreement always has a line per year,
    also when its amount is 0 (grants, statutes and revenue have none then)."""
    hours = {activity.id: activity.hours_per_month for activity in initiative.activities}
    for agreement in initiative.agreements:
        if agreement.amount_per_year is not None:
            per_month = agreement.amount_per_year
        else:
            per_hour = agreement.amount_per_hour or ZERO
            per_month = per_hour * hours[agreement.activity or ""] * TWELVE
        for month in months:
            ledger.add(
                per_month,
                year=month // 12,
                leaf="IV",
                measure="beleidsdomein",
                component=agreement.domain,
                funder=agreement.funder,
                activity=agreement.activity,
                status="entered",
            )
