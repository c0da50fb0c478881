"""Alerts about the initiative as a whole and its activities (RULEBOOK §6): the 2006 report's
problems with vouchers, policy domains, supervision, size and double recognition, plus the
SINE switch that "not everyone of the old team" can make."""

from __future__ import annotations

import numpy

from klaverblad.advice.alert import Alert
from klaverblad.advice.condition_labels import condition_label
from klaverblad.advice.measure_windows import measure_name
from klaverblad.locale import Language, money, month_name
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.rules.by_month import by_month
from klaverblad.rules.catalogue import STATUTES

# A person's statute in words in an alert ("regular" is an ordinary contract).
_REGULAR = {"nl": "een gewoon contract", "en": "an ordinary contract"}


def _named(plan: FinancingPlan, statute: str, language: Language) -> str:
    if statute not in STATUTES:
        return _REGULAR[language]
    return measure_name(plan.system.parameters, statute, language)


# Which policy domains an activity kind serves, and who could pay for it (RULEBOOK §6).
POLICY_DOMAINS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "kinderopvang": (("kinderopvang",), "Kind en Gezin", "Kind en Gezin"),
    "huiswerkbegeleiding": (
        ("onderwijs", "jeugd"),
        "scholen of de jeugddienst (onderwijs/jeugd)",
        "schools or the youth service (education/youth)",
    ),
    "klusjes": (
        ("wonen",),
        "de sociale huisvestingsmaatschappij (klussen in sociale woningen)",
        "the social housing company (jobs in social housing)",
    ),
    "milieu": (("milieu",), "de gemeentelijke milieudienst", "the municipal environment service"),
    "begeleiding_zieken_ouderen": (
        ("welzijn",),
        "het OCMW of welzijn",
        "the OCMW or the welfare domain",
    ),
}


def _threshold(plan: FinancingPlan, name: str) -> float | None:
    """The alert threshold `alerts.<name>` in force in the horizon's first month, or in the
    first month of the horizon that has one; None when it is in force in none of them (a
    horizon before the rule: the parameter reads NaN there, and no alert is judged by NaN)."""
    values = getattr(by_month(plan.parameters, plan.month_indexes).alerts, name)
    finite = numpy.flatnonzero(numpy.isfinite(values))
    return float(values[finite[0]]) if finite.size else None


def sine_not_eligible(plan: FinancingPlan) -> list[Alert]:
    """In an LDE initiative, a target worker not on SINE who cannot switch to it."""
    if "lde" not in plan.initiative.recognitions or plan.statutes is None:
        return []
    alerts = []
    for index, (person, result) in enumerate(zip(plan.initiative.people, plan.people, strict=True)):
        if person.role != "target" or result.statute == "sine" or result.eligible["sine"]:
            continue
        failed = [c for c in STATUTES["sine"].conditions if not plan.statutes.conditions[c][index]]
        if failed == ["sine_start_window_ok"]:
            continue  # no one can switch after SINE closed (RULEBOOK §6)
        alerts.append(
            Alert(
                "sine_not_eligible",
                "warning",
                person.id,
                {
                    "nl": f"{person.id} kan niet overschakelen op SINE, want niet voldaan: "
                    + "; ".join(condition_label(c, "nl") for c in failed)
                    + f". {person.id} blijft op {_named(plan, result.statute, 'nl')}. "
                    "De hervorming 'SINE uitbreiden naar andere doelgroepen' zou dit verhelpen.",
                    "en": f"{person.id} cannot switch to SINE; not met: "
                    + "; ".join(condition_label(c, "en") for c in failed)
                    + f". {person.id} stays on {_named(plan, result.statute, 'en')}. The reform "
                    "'extend SINE to other target groups' would change this.",
                },
                {"failed_conditions": failed, "statute": result.statute},
            )
        )
    return alerts


def voucher_unsuitable_for_low_income(plan: FinancingPlan) -> list[Alert]:
    return [
        Alert(
            "voucher_unsuitable_for_low_income",
            "warning",
            activity.id,
            {
                "nl": f"{activity.id} wordt met dienstencheques betaald door kansarme klanten: "
                "zij betalen de volle gebruikersprijs, want zij hebben geen belasting om de "
                "fiscale vermindering van af te trekken. Overweeg een sociaal tarief "
                "(contant of factuur) of een tussenkomst van het OCMW.",
                "en": f"{activity.id} is paid with service vouchers by low-income clients: they "
                "pay the full user price, having no tax to deduct the reduction from. Consider "
                "a social tariff (cash or invoice) or a contribution by the OCMW.",
            },
        )
        for activity in plan.initiative.activities
        if activity.payment == "dienstencheque" and activity.client_group == "kansarm"
    ]


def policy_domain_funder_missing(plan: FinancingPlan) -> list[Alert]:
    agreed = {agreement.domain for agreement in plan.initiative.agreements}
    alerts = []
    for activity in plan.initiative.activities:
        if activity.kind not in POLICY_DOMAINS:
            continue
        domains, nl_funders, en_funders = POLICY_DOMAINS[activity.kind]
        if agreed.intersection(domains):
            continue
        alerts.append(
            Alert(
                "policy_domain_funder_missing",
                "info",
                activity.id,
                {
                    "nl": f"{activity.id} ({activity.kind}) dient ook het beleidsdomein "
                    f"{' of '.join(domains)}, maar er is geen afspraak met dat domein. "
                    f"Mogelijke financier: {nl_funders}.",
                    "en": f"{activity.id} ({activity.kind}) also serves the policy domain "
                    f"{' or '.join(domains)}, but there is no agreement with it. "
                    f"Possible funder: {en_funders}.",
                },
                {"domains": list(domains)},
            )
        )
    return alerts


def double_classification(plan: FinancingPlan) -> list[Alert]:
    recognitions = set(plan.initiative.recognitions)
    workshop = recognitions & {"swp", "maatwerkbedrijf"}
    if "lde" not in recognitions or not workshop:
        return []
    names = " en ".join(sorted(workshop))
    return [
        Alert(
            "double_classification",
            "warning",
            plan.initiative.id,
            {
                "nl": f"Het initiatief is erkend als lde én als {names}: het kan onder beide "
                "kaders ressorteren (maatwerkbedrijf en buurt- en nabijheidsdienst). Kies per "
                "activiteit één kader, zodat dezelfde kost niet dubbel gesubsidieerd wordt.",
                "en": f"The initiative is recognised as lde and as {names.replace(' en ', ' and ')}"
                ": it fits both frameworks (custom work company and proximity service). Choose "
                "one framework per activity so that no cost is subsidised twice.",
            },
            {"recognitions": sorted(workshop | {"lde"})},
        )
    ]


def affordability(plan: FinancingPlan) -> list[Alert]:
    """A low-income client pays more per hour than the dienstencheque user price."""
    months = plan.month_indexes
    user_price = by_month(plan.parameters, months).dienstencheque.gebruikersprijs
    alerts = []
    for activity in plan.initiative.activities:
        if activity.client_group != "kansarm" or activity.payment == "dienstencheque":
            continue
        price_cents = int((activity.price_per_hour or 0) * 100)
        with numpy.errstate(invalid="ignore"):
            dearer = price_cents > numpy.rint(user_price * 100)
        if not dearer.any():
            continue
        first = int(numpy.flatnonzero(dearer)[0])
        reference = int(numpy.rint(user_price[first] * 100))
        alerts.append(
            Alert(
                "affordability",
                "warning",
                activity.id,
                {
                    "nl": f"Kansarme klanten betalen voor {activity.id} {money(price_cents)} per "
                    f"uur, meer dan de gebruikersprijs van een dienstencheque "
                    f"({money(reference)} in {month_name(int(months[first]))}). Overweeg een "
                    "lager sociaal tarief, gedragen door een ander blad.",
                    "en": f"Low-income clients pay {money(price_cents, 'en')} an hour for "
                    f"{activity.id}, more than a service voucher's user price "
                    f"({money(reference, 'en')} in {month_name(int(months[first]), 'en')}). "
                    "Consider a lower social tariff, carried by another leaf.",
                },
                {"price": price_cents, "dienstencheque_user_price": reference},
            )
        )
    return alerts


def _fte_by_role(plan: FinancingPlan) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Target and supervisor FTE employed in each horizon month."""
    people = plan.initiative.people
    if plan.statutes is None:
        zero = numpy.zeros(plan.months)
        return zero, zero
    fte = numpy.array([float(person.fte) for person in people])[:, None] * plan.statutes.employed
    target = numpy.array([person.role == "target" for person in people])
    return fte[target].sum(axis=0), fte[~target].sum(axis=0)


def supervision_ratio(plan: FinancingPlan) -> list[Alert]:
    target, supervisor = _fte_by_role(plan)
    limit = _threshold(plan, "supervision_ratio_max")
    if limit is None:
        return []
    without = (target > 0) & (supervisor == 0)
    with numpy.errstate(divide="ignore", invalid="ignore"):
        too_many = (supervisor > 0) & (target / supervisor > limit + 1e-9)
    months = plan.month_indexes[without | too_many]
    if not months.size:
        return []
    first = int(months[0])
    return [
        Alert(
            "supervision_ratio",
            "warning",
            plan.initiative.id,
            {
                "nl": f"Vanaf {month_name(first)} is er te weinig omkadering: meer dan "
                f"{limit:g} VTE doelgroepwerknemers per VTE begeleider, of geen begeleider. "
                "Voorzie een begeleider (bv. GESCO of individueel maatwerk begeleidingspremie).",
                "en": f"From {month_name(first, 'en')} there is too little supervision: more "
                f"than {limit:g} target FTE per supervisor FTE, or no supervisor. Plan a "
                "supervisor (e.g. GESCO or the maatwerk begeleidingspremie).",
            },
            {"months": [int(m) for m in months], "limit": limit},
        )
    ]


def fragmentation(plan: FinancingPlan) -> list[Alert]:
    target, _ = _fte_by_role(plan)
    minimum = _threshold(plan, "fragmentation_min_target_fte")
    if minimum is None:
        return []
    largest = float(target.max()) if target.size else 0.0
    if largest >= minimum - 1e-9:
        return []
    return [
        Alert(
            "fragmentation",
            "info",
            plan.initiative.id,
            {
                "nl": f"Het initiatief stelt op zijn grootst {largest:g} VTE doelgroepwerknemers "
                f"te werk, minder dan {minimum:g}: een versnipperd initiatief. Overweeg "
                "intergemeentelijke samenwerking of samengaan met een ander initiatief.",
                "en": f"At its largest the initiative employs {largest:g} target FTE, fewer "
                f"than {minimum:g}: a fragmented initiative. Consider intermunicipal "
                "cooperation or joining another initiative.",
            },
            {"largest_target_fte": largest, "minimum": minimum},
        )
    ]
