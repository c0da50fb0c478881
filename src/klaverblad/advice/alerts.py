"""Alerts: the problems of the 2006 report made automatic (RULEBOOK §6).

This module raises the alerts about people and amounts (`statute_not_eligible`,
`amount_unknown`, `voucher_not_allowed`, `funding_cliff`) and gathers them with those about the
initiative as a whole (`initiative_alerts`). Each alert carries its message in Dutch and
English: what is wrong, for whom, since when, and what the promoter can do.
"""

from __future__ import annotations

import numpy

from klaverblad.advice import initiative_alerts
from klaverblad.advice.alert import SEVERITY_ORDER, Alert
from klaverblad.advice.condition_labels import condition_label
from klaverblad.advice.measure_closed import measure_closed
from klaverblad.advice.measure_windows import measure_name
from klaverblad.locale import Language, money, month_name
from klaverblad.model.money import snap_to_units, to_cents
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.plan.initiative_lines import grant_units_by_month
from klaverblad.plan.worker_lines import applying, wep_plus_months
from klaverblad.rules.catalogue import STATUTES


def plan_alerts(plan: FinancingPlan) -> list[Alert]:
    """Every alert of RULEBOOK §6 for the plan, errors first, then by code and subject."""
    alerts = [
        *statute_not_eligible(plan),
        *amount_unknown(plan),
        *voucher_not_allowed(plan),
        *funding_cliff(plan),
        *wep_plus_cliff(plan),
        *measure_closed(plan),
        *initiative_alerts.sine_not_eligible(plan),
        *initiative_alerts.voucher_unsuitable_for_low_income(plan),
        *initiative_alerts.policy_domain_funder_missing(plan),
        *initiative_alerts.double_classification(plan),
        *initiative_alerts.affordability(plan),
        *initiative_alerts.supervision_ratio(plan),
        *initiative_alerts.fragmentation(plan),
    ]
    return sorted(alerts, key=lambda a: (SEVERITY_ORDER[a.severity], a.code, a.subject))


def _failed_conditions(plan: FinancingPlan, statute: str, index: int) -> list[str]:
    assert plan.statutes is not None
    return [
        name for name in STATUTES[statute].conditions if not plan.statutes.conditions[name][index]
    ]


# The start-window condition of each statute (`<statute>_start_window_ok`).
START_WINDOWS = frozenset(
    condition
    for measure in STATUTES.values()
    for condition in measure.conditions
    if condition.endswith("_start_window_ok")
)


def statute_not_eligible(plan: FinancingPlan) -> list[Alert]:
    alerts: list[Alert] = []
    for index, person in enumerate(plan.people):
        if person.chosen_by != "file" or person.statute == "regular":
            continue
        if person.eligible[person.statute]:
            continue
        # A start outside the start window is `measure_closed`'s (RULEBOOK §6): listed here
        # only beside other failed conditions, and not at all when it is the only one.
        failed = [
            c for c in _failed_conditions(plan, person.statute, index) if c not in START_WINDOWS
        ]
        if not failed:
            continue
        fitting = [name for name, ok in person.eligible.items() if ok]
        nl_fit = (
            f" Wel in aanmerking: {', '.join(fitting)}." if fitting else " Geen enkel statuut past."
        )
        en_fit = f" Eligible instead: {', '.join(fitting)}." if fitting else " No statute fits."
        alerts.append(
            Alert(
                "statute_not_eligible",
                "error",
                person.id,
                {
                    "nl": f"{person.id} staat op {person.statute}, maar voldoet niet aan: "
                    + "; ".join(condition_label(c, "nl") for c in failed)
                    + f". De bedragen van {person.statute} zijn daarom 0."
                    + nl_fit,
                    "en": f"{person.id} is on {person.statute} but does not meet: "
                    + "; ".join(condition_label(c, "en") for c in failed)
                    + f". Its {person.statute} amounts are therefore 0."
                    + en_fit,
                },
                {"statute": person.statute, "failed_conditions": failed, "eligible": fitting},
            )
        )
    return alerts


def _span(months: numpy.ndarray, language: Language) -> str:
    first, last = month_name(int(months.min()), language), month_name(int(months.max()), language)
    if first == last:
        return first
    return f"{first} – {last}"


def amount_unknown(plan: FinancingPlan) -> list[Alert]:
    alerts: list[Alert] = []
    horizon = plan.month_indexes
    has_wep_grant = any(grant.measure == "wep_plus" for grant in plan.initiative.grants)
    if plan.statutes is not None and not has_wep_grant:
        for index in applying(plan.statutes, "wep_plus"):
            months = horizon[plan.statutes.wep_plus_applies[index]]
            if not months.size:
                continue
            person = plan.initiative.people[index].id
            alerts.append(
                Alert(
                    "amount_unknown",
                    "warning",
                    person,
                    {
                        "nl": f"{person} werkt onder WEP+ ({_span(months, 'nl')}), maar WEP+ "
                        "heeft geen gekend bedrag en er is geen WEP+-toelage ingevoerd: die lijn "
                        "is niet berekenbaar. Voer het toegekende bedrag in als toelage "
                        "(measure: wep_plus).",
                        "en": f"{person} works under WEP+ ({_span(months, 'en')}), but WEP+ has "
                        "no known amount and no WEP+ grant is entered: that line is not "
                        "computable. Enter the granted amount as a grant (measure: wep_plus).",
                    },
                    {"measure": "wep_plus", "months": [int(m) for m in months]},
                )
            )
    names = {"lde": "LDE-ondersteuning", "swp": "sociale-werkplaatsondersteuning"}
    for measure, months in plan.booking.uncovered_months.items():
        subject = plan.initiative.id
        alerts.append(
            Alert(
                "amount_unknown",
                "warning",
                subject,
                {
                    "nl": f"Het initiatief is erkend voor {measure} en kan {names[measure]} "
                    f"krijgen ({_span(months, 'nl')}), maar er is geen toelage ingevoerd voor "
                    "die maanden: het bedrag wordt per dossier beslist. Voer de toegekende "
                    f"toelage in (measure: {measure}).",
                    "en": f"The initiative is recognised for {measure} and can receive that "
                    f"support ({_span(months, 'en')}), but no grant is entered for those "
                    "months: the amount is decided case by case. Enter the granted amount "
                    f"(measure: {measure}).",
                },
                {"measure": measure, "months": [int(m) for m in months]},
            )
        )
    return alerts


_VOUCHER_REASONS = {
    "kind": (
        "deze taak staat niet op de lijst van toegelaten taken",
        "this task is not on the list of allowed tasks",
    ),
    "client_group": (
        "de klant is geen toegelaten gebruiker (dienstencheques: enkel particuliere "
        "huishoudens; PWA: geen bedrijven)",
        "the client is not an allowed user (service vouchers: private households only; "
        "PWA: no companies)",
    ),
    "recognition": (
        "de promotor is niet erkend als dienstencheque-onderneming",
        "the promoter is not recognised as a dienstencheque company",
    ),
    "price": (
        "de prijs per uur ligt buiten de toegelaten vork van de cheque in die maand",
        "the price per hour lies outside the cheque's allowed range in that month",
    ),
}


def voucher_not_allowed(plan: FinancingPlan) -> list[Alert]:
    alerts: list[Alert] = []
    activities = {activity.id: activity for activity in plan.initiative.activities}
    for activity_id, check in plan.booking.voucher_refusals.items():
        activity = activities[activity_id]
        voucher = "dienstencheques" if activity.payment == "dienstencheque" else "PWA-cheques"
        nl_why = "; ".join(_VOUCHER_REASONS[r][0] for r in check.reasons)
        en_why = "; ".join(_VOUCHER_REASONS[r][1] for r in check.reasons)
        months = check.refused_months
        alerts.append(
            Alert(
                "voucher_not_allowed",
                "error",
                activity_id,
                {
                    "nl": f"{activity_id} ({activity.kind}) kan niet met {voucher} betaald "
                    f"worden ({_span(months, 'nl')}): {nl_why}. Deze activiteit brengt dan "
                    "niets op: kies contante betaling of factuur, of een andere financier.",
                    "en": f"{activity_id} ({activity.kind}) cannot be paid with {voucher} "
                    f"({_span(months, 'en')}): {en_why}. The activity then earns nothing: "
                    "choose cash or invoice, or another funder.",
                },
                {"payment": activity.payment, "reasons": list(check.reasons)},
            )
        )
    return alerts


def funding_cliff(plan: FinancingPlan) -> list[Alert]:
    """A monthly component of the applied statute stops while the person stays employed."""
    if plan.statutes is None:
        return []
    alerts: list[Alert] = []
    horizon = plan.month_indexes
    results = plan.statutes
    for statute in STATUTES:
        members = applying(results, statute)
        if not members.size:
            continue
        employed = results.employed[members]
        for component in results.component_specs[statute]:
            if component.rhythm != "monthly":
                continue
            units = snap_to_units(results.amounts(statute, component.name)[members])
            stops = (units[:, :-1] > 0) & (units[:, 1:] == 0) & employed[:, 1:]
            for row, position in zip(*numpy.nonzero(stops), strict=True):
                person = plan.people[members[row]].id
                month = int(horizon[position + 1])
                drop = to_cents(int(units[row, position]))
                alerts.append(_cliff_alert(plan, person, statute, component.name, month, drop))
    return alerts


def wep_plus_cliff(plan: FinancingPlan) -> list[Alert]:
    """WEP+ money is the initiative's WEP+ grant, booked in the months someone applies WEP+
    (RULEBOOK §3.6): a person's grant-funded WEP+ months that stop while they stay employed,
    when the booked grant drops that month, are a cliff like any monthly component's."""
    results = plan.statutes
    grants = [g for g in plan.initiative.grants if g.measure == "wep_plus"]
    if results is None or not grants:
        return []
    horizon = plan.month_indexes
    first = int(horizon[0])
    units = sum(
        (grant_units_by_month(grant, horizon, first) for grant in grants),
        start=numpy.zeros(len(horizon), dtype=numpy.int64),
    )
    booked = numpy.where(wep_plus_months(results), units, 0)
    alerts: list[Alert] = []
    for index in applying(results, "wep_plus"):
        funded = results.wep_plus_applies[index].astype(bool) & (booked > 0)
        employed = results.employed[index].astype(bool)
        drops = booked[:-1] - booked[1:]
        stops = funded[:-1] & ~funded[1:] & employed[1:] & (drops > 0)
        for position in numpy.flatnonzero(stops):
            person = plan.people[index].id
            month = int(horizon[position + 1])
            drop = to_cents(int(drops[position]))
            alerts.append(_cliff_alert(plan, person, "wep_plus", "toelage", month, drop))
    return alerts


def _cliff_alert(
    plan: FinancingPlan, person: str, statute: str, component: str, month: int, drop: int
) -> Alert:
    # The measure and its component in words (the codes stay in the details).
    what = {
        language: f"{measure_name(plan.system.parameters, statute, language)}: "
        + component.replace("_", " ")
        for language in ("nl", "en")
    }
    return Alert(
        "funding_cliff",
        "warning",
        person,
        {
            "nl": f"Vanaf {month_name(month, 'nl')} stopt {what['nl']} voor {person}, "
            f"die in dienst blijft: {money(drop, 'nl')} per maand minder. Plan een andere "
            "financiering of een overstap voor die datum.",
            "en": f"From {month_name(month, 'en')}, {what['en']} stops for {person}, "
            f"who stays employed: {money(drop, 'en')} less per month. Plan other funding or a "
            "transition before that date.",
        },
        {"statute": statute, "component": component, "month": month, "monthly_drop": drop},
    )
