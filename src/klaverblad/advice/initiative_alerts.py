"""Alerts about the initiative as a whole and its activities (RULEBOOK §6): the 2006 report's
problems with vouchers, policy domains, supervision, size and double recognition, plus the
SINE switch that "not everyone of the old team" can make."""

from __future__ import annotations

import numpy

from klaverblad.advice import alert_words as words
from klaverblad.advice.alert import Alert
from klaverblad.advice.measure_windows import open_for_hires
from klaverblad.messages import N_, localized
from klaverblad.model.months import first_day
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.plan.initiative_lines import employer_of
from klaverblad.rules.by_month import by_month
from klaverblad.rules.catalogue import STATUTES
from klaverblad.rules.reforms.sine_uitbreiding import SineUitbreiding

# Which policy domains an activity kind serves, and who could pay for it (RULEBOOK §6).
POLICY_DOMAINS: dict[str, tuple[tuple[str, ...], str]] = {
    "kinderopvang": (("kinderopvang",), N_("alert.funders_kinderopvang")),
    "huiswerkbegeleiding": (("onderwijs", "jeugd"), N_("alert.funders_huiswerkbegeleiding")),
    "klusjes": (("wonen",), N_("alert.funders_klusjes")),
    "milieu": (("milieu",), N_("alert.funders_milieu")),
    "begeleiding_zieken_ouderen": (("welzijn",), N_("alert.funders_begeleiding_zieken_ouderen")),
}


def _mentions_2006_proposals(plan: FinancingPlan) -> bool:
    """The 2006 report's proposals are actions for a plan that runs in 2006 or 2007 only (the
    report's year and the next, the years its proposals concerned); later plans are told what
    they can do today."""
    return int(plan.month_indexes[0]) // 12 <= SineUitbreiding.proposed_until


def _threshold(plan: FinancingPlan, name: str) -> float | None:
    """The alert threshold `alerts.<name>` in force in the horizon's first month, or in the
    first month of the horizon that has one; None when it is in force in none of them (a
    horizon before the rule: the parameter reads NaN there, and no alert is judged by NaN)."""
    values = getattr(by_month(plan.parameters, plan.month_indexes).alerts, name)
    finite = numpy.flatnonzero(numpy.isfinite(values))
    return float(values[finite[0]]) if finite.size else None


# SINE's condition on its start window, as its spec states it: `sine_not_eligible` is not
# raised when it is the only failed condition (RULEBOOK §6).
SINE_START_WINDOW = [c for c in STATUTES["sine"].conditions if c.endswith("_start_window_ok")]


def sine_not_eligible(plan: FinancingPlan) -> list[Alert]:
    """In an LDE initiative, a target worker not on SINE who cannot switch to it."""
    if "lde" not in plan.initiative.recognitions or plan.statutes is None:
        return []
    alerts = []
    for index, (person, result) in enumerate(zip(plan.initiative.people, plan.people, strict=True)):
        if person.role != "target" or result.statute == "sine" or result.eligible["sine"]:
            continue
        failed = [c for c in STATUTES["sine"].conditions if not plan.statutes.conditions[c][index]]
        if failed == SINE_START_WINDOW:
            continue  # no one can switch after SINE closed (RULEBOOK §6)
        message = localized(
            N_("alert.sine_not_eligible"),
            person=person.label,
            failed=words.conditions(failed),
            statute=words.statute(plan.system.parameters, result.statute),
        )
        if _mentions_2006_proposals(plan):
            reform = localized(N_("alert.sine_reform_2006"))
            message = {language: f"{message[language]} {reform[language]}" for language in message}
        alerts.append(
            Alert(
                "sine_not_eligible",
                "warning",
                person.id,
                message,
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
            localized(N_("alert.voucher_unsuitable_for_low_income"), activity=activity.label),
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
        domains, funders = POLICY_DOMAINS[activity.kind]
        if agreed.intersection(domains):
            continue
        alerts.append(
            Alert(
                "policy_domain_funder_missing",
                "info",
                activity.id,
                localized(
                    N_("alert.policy_domain_funder_missing"),
                    activity=activity.label,
                    kind=words.value("kind", activity.kind),
                    domains=words.joined(
                        [words.value("domain", d) for d in domains], N_("alert.list_or")
                    ),
                    funders=localized(funders),
                ),
                {"domains": list(domains)},
            )
        )
    return alerts


def double_classification(plan: FinancingPlan) -> list[Alert]:
    recognitions = set(plan.initiative.recognitions)
    workshop = recognitions & {"swp", "maatwerkbedrijf"}
    if "lde" not in recognitions or not workshop:
        return []
    return [
        Alert(
            "double_classification",
            "warning",
            plan.initiative.id,
            localized(
                N_("alert.double_classification"),
                lde=words.value("recognitions", "lde"),
                workshops=words.joined([words.value("recognitions", r) for r in sorted(workshop)]),
            ),
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
                localized(
                    N_("alert.affordability"),
                    activity=activity.label,
                    price=words.amount(price_cents),
                    reference=words.amount(reference),
                    month=words.month(int(months[first])),
                ),
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


# The measures that pay a supervisor (omkadering), suggested when they take new hires.
SUPERVISION_MEASURES = ("gesco", "maatwerk")


def _supervision_examples(plan: FinancingPlan, month: int) -> dict[str, str]:
    """' (bv. GESCO of individueel maatwerk)': the supervision measures open for hires by this
    promoter in `month` (GESCO's window depends on the legal form, RULEBOOK v1.2 §3.5), so
    that the alert suggests only what the promoter can do then."""
    day = first_day(month)
    employer = employer_of(plan.initiative)
    open_now = [
        words.measure(plan.parameters, m)
        for m in SUPERVISION_MEASURES
        if open_for_hires(plan.parameters, m, day, employer)
    ]
    if not open_now:
        return words.same("")
    return localized(
        N_("alert.supervision_examples"), names=words.joined(open_now, N_("alert.list_or"))
    )


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
            localized(
                N_("alert.supervision_ratio"),
                month=words.month(first),
                limit=words.decimal(limit),
                examples=_supervision_examples(plan, first),
            ),
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
            localized(
                N_("alert.fragmentation"),
                largest=words.decimal(round(largest, 2)),
                minimum=words.decimal(minimum),
            ),
            {"largest_target_fte": largest, "minimum": minimum},
        )
    ]
