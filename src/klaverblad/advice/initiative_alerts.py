"""Alerts about the initiative as a whole and its activities (RULEBOOK §6): the 2006 report's
problems with vouchers, policy domains, supervision, size and double recognition, plus the
SINE switch that "not everyone of the old team" can make."""

from __future__ import annotations

import numpy

from klaverblad.advice import alert_words as words
from klaverblad.advice.alert import Alert
from klaverblad.advice.alert_words import Localized
from klaverblad.advice.measure_windows import open_for_hires
from klaverblad.advice.plan_facts import PlanFacts
from klaverblad.messages import N_, localized
from klaverblad.model.months import first_day
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


def _mentions_2006_proposals(facts: PlanFacts) -> bool:
    """The 2006 report's proposals are actions for a plan that runs in 2006 or 2007 only (the
    report's year and the next, the years its proposals concerned); later plans are told what
    they can do today."""
    return int(facts.months[0]) // 12 <= SineUitbreiding.proposed_until


# SINE's condition on its start window, as its spec states it: `sine_not_eligible` is not
# raised when it is the only failed condition (RULEBOOK §6).
SINE_START_WINDOW = [c for c in STATUTES["sine"].conditions if c.endswith("_start_window_ok")]


def sine_not_eligible(facts: PlanFacts) -> list[Alert]:
    """In an LDE initiative, a target worker not on SINE who cannot switch to it."""
    plan, results = facts.plan, facts.results
    if "lde" not in facts.initiative.recognitions or results is None:
        return []
    alerts = []
    conditions: dict[str, list[bool]] | None = None
    reform: Localized | None = None
    for index, (person, result) in enumerate(
        zip(facts.initiative.people, plan.people, strict=True)
    ):
        if person.role != "target" or result.statute == "sine" or result.eligible["sine"]:
            continue
        if conditions is None:  # read once, as Python lists: one value per person each
            conditions = {c: results.conditions[c].tolist() for c in STATUTES["sine"].conditions}
        failed = [c for c, met in conditions.items() if not met[index]]
        if failed == SINE_START_WINDOW:
            continue  # no one can switch after SINE closed (RULEBOOK §6)
        message: Localized = localized(
            N_("alert.sine_not_eligible"),
            person=person.label,
            failed=words.conditions(failed),
            statute=words.statute(facts.tree, result.statute),
        )
        if reform is None and _mentions_2006_proposals(facts):
            reform = localized(N_("alert.sine_reform_2006"))
        if reform is not None:
            message = words.sentences(message, reform)
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


def voucher_unsuitable_for_low_income(facts: PlanFacts) -> list[Alert]:
    return [
        Alert(
            "voucher_unsuitable_for_low_income",
            "warning",
            activity.id,
            localized(N_("alert.voucher_unsuitable_for_low_income"), activity=activity.label),
        )
        for activity in facts.initiative.activities
        if activity.payment == "dienstencheque" and activity.client_group == "kansarm"
    ]


def policy_domain_funder_missing(facts: PlanFacts) -> list[Alert]:
    agreed = {agreement.domain for agreement in facts.initiative.agreements}
    alerts = []
    for activity in facts.initiative.activities:
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


def double_classification(facts: PlanFacts) -> list[Alert]:
    recognitions = set(facts.initiative.recognitions)
    workshop = recognitions & {"swp", "maatwerkbedrijf"}
    if "lde" not in recognitions or not workshop:
        return []
    return [
        Alert(
            "double_classification",
            "warning",
            facts.initiative.id,
            localized(
                N_("alert.double_classification"),
                lde=words.value("recognitions", "lde"),
                workshops=words.joined([words.value("recognitions", r) for r in sorted(workshop)]),
            ),
            {"recognitions": sorted(workshop | {"lde"})},
        )
    ]


# The price a dienstencheque user pays per hour, in force in each month.
USER_PRICE = "dienstencheque.gebruikersprijs"


def _user_price_cents(facts: PlanFacts) -> tuple[numpy.ndarray, float | None]:
    """The dienstencheque user price in whole cents in each horizon month (NaN where none is
    in force), and the lowest of them (None: none in force)."""

    def compute() -> tuple[numpy.ndarray, float | None]:
        cents = numpy.rint(facts.by_month(USER_PRICE) * 100)
        known = cents[~numpy.isnan(cents)]
        return cents, (float(known.min()) if known.size else None)

    return facts.kept(("alerts.user_price_cents",), compute)


def affordability(facts: PlanFacts) -> list[Alert]:
    """A low-income client pays more per hour than the dienstencheque user price."""
    months = facts.months
    alerts = []
    for activity in facts.initiative.activities:
        if activity.client_group != "kansarm" or activity.payment == "dienstencheque":
            continue
        user_price, lowest = _user_price_cents(facts)
        price_cents = int((activity.price_per_hour or 0) * 100)
        # Dearer than the user price in some month: than the lowest one in force.
        if lowest is None or not price_cents > lowest:
            continue
        first = int(numpy.flatnonzero(price_cents > user_price)[0])
        reference = int(user_price[first])
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


# The measures that pay a supervisor (omkadering), suggested when they take new hires.
SUPERVISION_MEASURES = ("gesco", "maatwerk")


def _supervision_examples(facts: PlanFacts, month: int) -> Localized:
    """' (bv. GESCO of individueel maatwerk)': the supervision measures open for hires by this
    promoter in `month` (GESCO's window depends on the legal form, RULEBOOK v1.2 §3.5), so
    that the alert suggests only what the promoter can do then."""
    day = first_day(month)
    open_now = [
        words.measure(facts.tree, m)
        for m in SUPERVISION_MEASURES
        if open_for_hires(facts.tree, m, day, facts.employer)
    ]
    if not open_now:
        return words.same("")
    return localized(
        N_("alert.supervision_examples"), names=words.joined(open_now, N_("alert.list_or"))
    )


def supervision_ratio(facts: PlanFacts) -> list[Alert]:
    limit = facts.threshold("supervision_ratio_max")
    if limit is None:
        return []
    target, supervisor = facts.fte_by_role
    without = (target > 0) & (supervisor == 0)
    with numpy.errstate(divide="ignore", invalid="ignore"):
        too_many = (supervisor > 0) & (target / supervisor > limit + 1e-9)
    months = facts.months[without | too_many]
    if not months.size:
        return []
    first = int(months[0])
    return [
        Alert(
            "supervision_ratio",
            "warning",
            facts.initiative.id,
            localized(
                N_("alert.supervision_ratio"),
                month=words.month(first),
                limit=words.decimal(limit),
                examples=_supervision_examples(facts, first),
            ),
            {"months": words.month_list(months), "limit": limit},
        )
    ]


def fragmentation(facts: PlanFacts) -> list[Alert]:
    minimum = facts.threshold("fragmentation_min_target_fte")
    if minimum is None:
        return []
    target, _ = facts.fte_by_role
    largest = float(target.max()) if target.size else 0.0
    if largest >= minimum - 1e-9:
        return []
    return [
        Alert(
            "fragmentation",
            "info",
            facts.initiative.id,
            localized(
                N_("alert.fragmentation"),
                largest=words.decimal(round(largest, 2)),
                minimum=words.decimal(minimum),
            ),
            {"largest_target_fte": largest, "minimum": minimum},
        )
    ]
