"""The statutes that activate the unemployed: SINE (RULEBOOK §3.3), Activa (§3.4), Activa
Start (§3.4.1), the aanwervingsincentive (§3.7) and the doelgroepvermindering zonder
werkervaring (§3.9), written line by line."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from benchmarks.naive_reference.facts import (
    ON_AID,
    ON_BENEFIT,
    REGIONALISED,
    ZERO,
    Amounts,
    Facts,
    P,
    Statute,
    monthly,
)

SINE_RECOGNITIONS = {"lde", "swp", "inschakelingsbedrijf", "pwa", "maatwerkbedrijf"}
SOCIAL_ECONOMY = {"lde", "swp", "maatwerkbedrijf", "inschakelingsbedrijf"}
ONE = Decimal(1)


def sine_eligible(facts: Facts) -> bool:
    if not facts.open_at_start("sine"):
        return False
    if not (facts.recognitions & SINE_RECOGNITIONS or facts.legal_form == "ocmw"):
        return False
    if facts.status not in ON_BENEFIT | ON_AID:
        return False
    if P.flag("sine.low_skilled_required", facts.start) and not facts.low_skilled:
        return False
    rule = "sine.unemployment_months."
    older = facts.age_at_start >= facts.at_start(rule + "older_from_age")
    if facts.status in ON_BENEFIT:
        required = facts.at_start(rule + ("benefit_from_age" if older else "benefit_under_age"))
    else:
        required = facts.at_start(rule + ("aid_from_age" if older else "aid_under_age"))
    return facts.unemployed_months >= required


def sine_band(facts: Facts) -> int | None:
    """Quarters k with SINE support: 21 below 45 after long unemployment (24 months on benefit,
    12 on leefloon or aid), 11 for others below 45, no limit (None) from 45."""
    band = "sine.band."
    if facts.age_at_start >= facts.at_start(band + "unlimited_from_age"):
        return None
    months = facts.unemployed_months
    long_unemployed = (
        facts.status in ON_BENEFIT and months >= facts.at_start(band + "long_benefit_months")
    ) or (facts.status in ON_AID and months >= facts.at_start(band + "long_aid_months"))
    quarters = facts.at_start(band + ("long_quarters" if long_unemployed else "short_quarters"))
    return int(quarters)


def sine_amounts(facts: Facts, months: Sequence[int]) -> dict[str, Amounts]:
    """The reduction: a forfait per quarter × FTE, booked in the quarter's last month; the
    allowance: a monthly amount × FTE; both for quarters k inside the band, while the
    employer's transition (RULEBOOK §3.3, first case that applies) still books them."""
    band = sine_band(facts)
    if "lde" in facts.recognitions:
        booked = "sine.doelgroepvermindering.booked_lde"
        paid = "sine.herinschakelingsuitkering.paid_lde"
    elif facts.recognitions & {"maatwerkbedrijf", "swp"}:
        booked = "sine.doelgroepvermindering.booked"
        paid = "sine.herinschakelingsuitkering.paid_maatwerkbedrijf_swp"
    else:
        booked = "sine.doelgroepvermindering.booked"
        paid = "sine.herinschakelingsuitkering.paid"
    job = facts.job
    reduction: Amounts = []
    allowance: Amounts = []
    for month in months:
        within = band is None or job.quarter_index(month) <= band
        if within and job.forfait_due(month) and P.flag(booked, month):
            amount = P.at("sine.doelgroepvermindering.amount", month)
            reduction.append(monthly(amount, facts.fte))
        else:
            reduction.append(ZERO)
        if within and job.employed(month) and P.flag(paid, month):
            amount = P.at("sine.herinschakelingsuitkering.amount", month)
            allowance.append(monthly(amount, facts.fte))
        else:
            allowance.append(ZERO)
    return {"doelgroepvermindering": reduction, "herinschakelingsuitkering": allowance}


def activa_months(facts: Facts) -> int:
    """The longest band of the start date's table the person fits (0: none)."""
    longest = 0
    for band in P.children("activa.bands"):
        rule = f"activa.bands.{band}."
        fits = facts.at_start(rule + "min_age") <= facts.age_at_start < facts.at_start(
            rule + "below_age"
        ) and facts.unemployed_months >= facts.at_start(rule + "min_unemployed_months")
        if fits:
            longest = max(longest, int(facts.at_start(rule + "months")))
    return longest


def activa_eligible(facts: Facts) -> bool:
    if not facts.open_at_start("activa"):
        return False
    return facts.status in {"uvw", "wachtuitkering", "leefloon"} and activa_months(facts) > 0


def _werkuitkering(facts: Facts, months: Sequence[int], duration: int, name: str) -> Amounts:
    """A monthly amount × FTE in the first `duration` months of employment."""
    job = facts.job
    return [
        monthly(P.at(name, month), facts.fte)
        if job.employed(month) and job.month_of_employment(month) <= duration
        else ZERO
        for month in months
    ]


def activa_amounts(facts: Facts, months: Sequence[int]) -> dict[str, Amounts]:
    duration = activa_months(facts)
    return {"werkuitkering": _werkuitkering(facts, months, duration, "activa.werkuitkering")}


def activa_start_eligible(facts: Facts) -> bool:
    if not facts.open_at_start("activa_start"):
        return False
    young = facts.age_at_start < facts.at_start("activa_start.below_age")
    return young and facts.low_skilled


def activa_start_amounts(facts: Facts, months: Sequence[int]) -> dict[str, Amounts]:
    duration = int(facts.at_start("activa_start.months"))
    name = "activa_start.werkuitkering"
    return {"werkuitkering": _werkuitkering(facts, months, duration, name)}


def _age_between(facts: Facts, measure: str) -> bool:
    """min_age ≤ age at the end of the hiring quarter < below_age (the start's values)."""
    age = facts.age_end_of_hiring_quarter
    return facts.at_start(f"{measure}.min_age") <= age < facts.at_start(f"{measure}.below_age")


def aanwervingsincentive_eligible(facts: Facts) -> bool:
    rule = "aanwervingsincentive."
    return (
        facts.open_at_start("aanwervingsincentive")
        and not facts.recognitions & SOCIAL_ECONOMY
        and _age_between(facts, "aanwervingsincentive")
        and facts.unemployed_months >= facts.at_start(rule + "min_unemployed_months")
        and facts.person.contract_indefinite
        and facts.fte >= facts.at_start(rule + "min_fte")
    )


def aanwervingsincentive_amounts(facts: Facts, months: Sequence[int]) -> dict[str, Amounts]:
    """Two one-off premiums, in months of employment 4 and 13 if still employed: the full
    amounts from FTE 0.80, the reduced ones below."""
    full = facts.fte >= facts.at_start("aanwervingsincentive.full_amount_fte")
    job = facts.job
    result: dict[str, Amounts] = {}
    for premium in ("premie_3m", "premie_12m"):
        rule = f"aanwervingsincentive.{premium}."
        amounts: Amounts = []
        for month in months:
            n = job.month_of_employment(month)
            if job.employed(month) and n == P.at(rule + "month_of_employment", month):
                amounts.append(
                    monthly(P.at(rule + ("amount" if full else "amount_reduced"), month))
                )
            else:
                amounts.append(ZERO)
        result[premium] = amounts
    return result


def dgv_eligible(facts: Facts) -> bool:
    rule = "dgv_zonder_werkervaring."
    wage = facts.person.gross_quarterly_wage
    return (
        facts.open_at_start("dgv_zonder_werkervaring")
        and facts.unemployed_months >= facts.at_start(rule + "min_unemployed_months")
        and _age_between(facts, "dgv_zonder_werkervaring")
        # Not entered: counted as met (RULEBOOK §3.9).
        and (wage is None or wage < facts.at_start(rule + "quarterly_wage_below"))
        and facts.fte >= facts.at_start(rule + "min_fte")
    )


def dgv_amounts(facts: Facts, months: Sequence[int]) -> dict[str, Amounts]:
    """A forfait per quarter for k = 1 … 4, booked in the quarter's last month: in full from
    FTE 0.80, else × FTE / 0.80."""
    rule = "dgv_zonder_werkervaring.doelgroepvermindering."
    quarters = facts.at_start(rule + "quarters")
    job = facts.job
    reduction: Amounts = []
    for month in months:
        if not (job.forfait_due(month) and job.quarter_index(month) <= quarters):
            reduction.append(ZERO)
            continue
        full_fte = P.at(rule + "full_amount_fte", month)
        share = ONE if facts.fte >= full_fte else facts.fte / full_fte
        reduction.append(monthly(P.at(rule + "amount", month), share))
    return {"doelgroepvermindering": reduction}


SINE = Statute("sine", REGIONALISED, sine_eligible, sine_amounts)
ACTIVA = Statute("activa", REGIONALISED, activa_eligible, activa_amounts)
ACTIVA_START = Statute("activa_start", REGIONALISED, activa_start_eligible, activa_start_amounts)
AANWERVINGSINCENTIVE = Statute(
    "aanwervingsincentive", "Vlaams", aanwervingsincentive_eligible, aanwervingsincentive_amounts
)
DGV_ZONDER_WERKERVARING = Statute("dgv_zonder_werkervaring", "Vlaams", dgv_eligible, dgv_amounts)
