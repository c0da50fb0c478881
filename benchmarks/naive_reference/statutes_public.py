"""The statutes of OCMWs and non-commercial promoters: Artikel 60 §7 (RULEBOOK §3.1),
Tijdelijke Werkervaring (§3.2), GESCO (§3.5) and WEP+ (§3.6), written line by line."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from benchmarks.naive_reference.facts import (
    LOCAL_AUTHORITIES,
    ON_AID,
    ZERO,
    Amounts,
    Facts,
    P,
    Statute,
    monthly,
)

NON_COMMERCIAL = {"vzw", "gemeente", "ocmw", "intercommunale"}


def _ocmw_route(facts: Facts) -> bool:
    """Employer and person of art. 60 and TWE: the OCMW employs or placed a person on leefloon
    or financial social aid."""
    employer = facts.legal_form == "ocmw" or facts.person.placed_by_ocmw
    return employer and facts.status in ON_AID


def art60_duration(facts: Facts) -> int:
    """ceil(base / FTE) months of employment; base 12 below 36 at start, 18 below 50, else 24."""
    age = facts.age_at_start
    if age < facts.at_start("art60.duration.middle_from_age"):
        base = facts.at_start("art60.duration.base_months_young")
    elif age < facts.at_start("art60.duration.older_from_age"):
        base = facts.at_start("art60.duration.base_months_middle")
    else:
        base = facts.at_start("art60.duration.base_months_older")
    whole, rest = divmod(base, facts.fte)
    return int(whole) + (1 if rest else 0)


def art60_eligible(facts: Facts) -> bool:
    return facts.open_at_start("art60") and _ocmw_route(facts)


def art60_amounts(facts: Facts, months: Sequence[int]) -> dict[str, Amounts]:
    """The leefloon cat. 3 of the month × FTE, for the duration, not after 2018-12."""
    duration = art60_duration(facts)
    job = facts.job
    staatstoelage: Amounts = []
    for month in months:
        due = job.employed(month) and job.month_of_employment(month) <= duration
        if due and P.flag("art60.paid", month):
            staatstoelage.append(monthly(P.at("art60.leefloon_cat3", month), facts.fte))
        else:
            staatstoelage.append(ZERO)
    return {"staatstoelage": staatstoelage}


def twe_eligible(facts: Facts) -> bool:
    return facts.open_at_start("twe") and _ocmw_route(facts)


def twe_amounts(facts: Facts, months: Sequence[int]) -> dict[str, Amounts]:
    """For the art. 60 duration: compensatievergoeding every month, inspanningsvergoeding in
    months of employment 1–24, deel 3 from month 25 (none × FTE); the federal staatstoelage
    (leefloon × FTE) only while its switch is on."""
    duration = art60_duration(facts)
    job = facts.job
    result: dict[str, Amounts] = {
        "inspanningsvergoeding": [],
        "compensatievergoeding": [],
        "compensatievergoeding_deel3": [],
        "federale_staatstoelage": [],
    }
    for month in months:
        amounts: dict[str, Decimal | None] = dict.fromkeys(result, ZERO)
        n = job.month_of_employment(month)
        if job.employed(month) and n <= duration:
            first_months = P.at("twe.inspanningsvergoeding_months", month)
            if n <= first_months:
                amounts["inspanningsvergoeding"] = monthly(P.at("twe.inspanningsvergoeding", month))
            else:
                amounts["compensatievergoeding_deel3"] = monthly(
                    P.at("twe.compensatievergoeding_deel3", month)
                )
            amounts["compensatievergoeding"] = monthly(P.at("twe.compensatievergoeding", month))
            if P.flag("twe.federale_staatstoelage", month):
                amounts["federale_staatstoelage"] = monthly(
                    P.at("art60.leefloon_cat3", month), facts.fte
                )
        for component, amount in amounts.items():
            result[component].append(amount)
    return result


def _gesco_window(facts: Facts, name: str) -> str:
    """GESCO closed first for a gemeente, OCMW or intercommunale (RULEBOOK §3.5)."""
    if facts.legal_form in LOCAL_AUTHORITIES:
        return f"gesco.lokaal_bestuur.{name}"
    return f"gesco.{name}"


def gesco_eligible(facts: Facts) -> bool:
    if not (facts.person.gesco_post and facts.legal_form in NON_COMMERCIAL):
        return False
    if not P.flag(_gesco_window(facts, "start_window"), facts.start):
        return False
    if facts.status in ON_AID:
        return True
    unemployed = facts.status in {"uvw", "wachtuitkering", "nwwz"}
    threshold = facts.at_start("gesco.min_unemployed_months")
    return unemployed and facts.unemployed_months >= threshold


def gesco_amounts(facts: Facts, months: Sequence[int]) -> dict[str, Amounts]:
    """The yearly premium / 12 × FTE, at most the month's wage cost, in the window's months.
    In twelfths: min(yearly × FTE, 12 × wage cost)."""
    person = facts.person
    if not person.gesco_verhoogd:
        premium = "gesco.premie.basis"
    elif person.diploma == "hoger":
        premium = "gesco.premie.verhoogd_hoger"
    else:
        premium = "gesco.premie.verhoogd_tot_secundair"
    paid = _gesco_window(facts, "paid")
    premie: Amounts = []
    for month in months:
        if not (facts.job.employed(month) and P.flag(paid, month)):
            premie.append(ZERO)
            continue
        yearly = P.at(premium, month)
        premie.append(None if yearly is None else min(yearly * facts.fte, monthly(facts.wage)))
    return {"premie": premie}


def wep_plus_eligible(facts: Facts) -> bool:
    if not (facts.open_at_start("wep_plus") and facts.legal_form in NON_COMMERCIAL):
        return False
    months = facts.unemployed_months
    if facts.status in {"uvw", "nwwz"}:
        return months >= facts.at_start("wep_plus.min_unemployed_months")
    if facts.status == "wachtuitkering":
        threshold = facts.at_start("wep_plus.min_unemployed_months_wachtuitkering")
        return months >= threshold
    return False


def wep_plus_applies(facts: Facts, months: Sequence[int]) -> list[bool]:
    """The months a person applies WEP+: employed, within 12 (18 if extended) months of
    employment, not after 2015-09 (RULEBOOK §3.6). Its money is the entered grant."""
    name = "duration_months_verlengd" if facts.person.wep_verlengd else "duration_months"
    duration = facts.at_start(f"wep_plus.{name}")
    job = facts.job
    return [
        job.employed(month)
        and job.month_of_employment(month) <= duration
        and P.flag("wep_plus.paid", month)
        for month in months
    ]


def _no_components(facts: Facts, months: Sequence[int]) -> dict[str, Amounts]:
    """WEP+ has no computed component: its money is a shared grant (`plan.py`)."""
    return {}


ART60 = Statute("art60", "federaal", art60_eligible, art60_amounts)
TWE = Statute(
    "twe",
    "Vlaams",
    twe_eligible,
    twe_amounts,
    component_funder={"federale_staatstoelage": "federaal"},
)
GESCO = Statute("gesco", "Vlaams", gesco_eligible, gesco_amounts)
WEP_PLUS = Statute("wep_plus", "Vlaams + federaal", wep_plus_eligible, _no_components)
