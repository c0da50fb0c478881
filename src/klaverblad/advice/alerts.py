"""Alerts: the problems of the 2006 report made automatic (RULEBOOK §6).

This module raises the alerts about people and amounts (`statute_not_eligible`,
`amount_unknown`, `voucher_not_allowed`, `funding_cliff`) and gathers them with those about the
initiative as a whole (`initiative_alerts`). Each alert carries its message in Dutch and
English: what is wrong, for whom, since when, and what the promoter can do; each language is
written when first read (`messages.PerLanguage`): the JSON and the pages read one.

Every alert reads the plan through one `PlanFacts`, built once per plan (issue #12: the
alerts of a plan are computed on every plan, so nothing is worked out twice).
"""

from __future__ import annotations

import numpy

from klaverblad.advice import alert_words as words
from klaverblad.advice import initiative_alerts
from klaverblad.advice.alert import SEVERITY_ORDER, Alert
from klaverblad.advice.known_on_alerts import not_known_then
from klaverblad.advice.measure_closed import measure_closed
from klaverblad.advice.plan_facts import PlanFacts
from klaverblad.messages import N_, localized
from klaverblad.model.initiative import Person
from klaverblad.model.money import snap_to_units, to_cents
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.plan.shared_grants import SHARED_GRANTS, applies, grant_units, grants_of
from klaverblad.rules.catalogue import STATUTES


def plan_alerts(plan: FinancingPlan) -> list[Alert]:
    """Every alert of RULEBOOK §6 for the plan, errors first, then by code and subject."""
    facts = PlanFacts(plan)
    alerts = [
        *statute_not_eligible(facts),
        *amount_unknown(facts),
        *voucher_not_allowed(facts),
        *funding_cliff(facts),
        *shared_grant_cliff(facts),
        *measure_closed(facts),
        *not_known_then(facts),
        *initiative_alerts.sine_not_eligible(facts),
        *initiative_alerts.voucher_unsuitable_for_low_income(facts),
        *initiative_alerts.policy_domain_funder_missing(facts),
        *initiative_alerts.double_classification(facts),
        *initiative_alerts.affordability(facts),
        *initiative_alerts.supervision_ratio(facts),
        *initiative_alerts.fragmentation(facts),
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


def statute_not_eligible(facts: PlanFacts) -> list[Alert]:
    plan = facts.plan
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
        tree = facts.tree
        fit = (
            localized(
                N_("alert.fits_instead"),
                statutes=words.joined([words.statute(tree, name) for name in fitting]),
            )
            if fitting
            else localized(N_("alert.fits_none"))
        )
        alerts.append(
            Alert(
                "statute_not_eligible",
                "error",
                person.id,
                localized(
                    N_("alert.statute_not_eligible"),
                    person=plan.initiative.people[index].label,
                    statute=words.statute(tree, person.statute),
                    failed=words.conditions(failed),
                    fitting=fit,
                ),
                {"statute": person.statute, "failed_conditions": failed, "eligible": fitting},
            )
        )
    return alerts


def amount_unknown(facts: PlanFacts) -> list[Alert]:
    plan, results, horizon = facts.plan, facts.results, facts.months
    alerts: list[Alert] = []
    # A statute paid by a shared grant has no known amount of its own (RULEBOOK §3.6): without
    # an entered grant, each person applying it has an unknown amount in those months.
    for statute, funding in SHARED_GRANTS.items():
        members = facts.applying(statute)
        if results is None or not members.size or grants_of(plan.initiative, statute):
            continue
        months_applied = applies(results, statute)
        for index in members.tolist():
            months = horizon[numpy.asarray(months_applied[index], dtype=bool)]
            if not months.size:
                continue
            person = plan.initiative.people[index]
            alerts.append(
                Alert(
                    "amount_unknown",
                    "warning",
                    person.id,
                    localized(
                        funding.unknown,
                        person=person.label,
                        months=words.months_span(months),
                    ),
                    {"measure": statute, "months": words.month_list(months)},
                )
            )
    for measure, months in plan.booking.uncovered_months.items():
        alerts.append(
            Alert(
                "amount_unknown",
                "warning",
                plan.initiative.id,
                localized(
                    N_("alert.grant_unknown"),
                    recognition=words.value("recognitions", measure),
                    measure=words.measure(facts.tree, measure),
                    months=words.months_span(months),
                ),
                {"measure": measure, "months": words.month_list(months)},
            )
        )
    return alerts


# Why a voucher is refused, in words (the reason codes stay in the details).
VOUCHER_REASONS = {
    "kind": N_("alert.voucher_reason_kind"),
    "client_group": N_("alert.voucher_reason_client_group"),
    "recognition": N_("alert.voucher_reason_recognition"),
    "price": N_("alert.voucher_reason_price"),
}


def voucher_not_allowed(facts: PlanFacts) -> list[Alert]:
    refusals = facts.plan.booking.voucher_refusals
    if not refusals:
        return []
    alerts: list[Alert] = []
    activities = {activity.id: activity for activity in facts.initiative.activities}
    for activity_id, check in refusals.items():
        activity = activities[activity_id]
        reasons = words.joined(
            [localized(VOUCHER_REASONS[r]) for r in check.reasons], N_("alert.list_semicolon")
        )
        alerts.append(
            Alert(
                "voucher_not_allowed",
                "error",
                activity_id,
                localized(
                    N_("alert.voucher_not_allowed"),
                    activity=activity.label,
                    kind=words.value("kind", activity.kind),
                    voucher=words.value("payment", activity.payment),
                    months=words.months_span(check.refused_months),
                    reasons=reasons,
                ),
                {"payment": activity.payment, "reasons": list(check.reasons)},
            )
        )
    return alerts


def funding_cliff(facts: PlanFacts) -> list[Alert]:
    """A monthly component of the applied statute stops while the person stays employed, and
    what stops is not made up by a component that starts that month (RULEBOOK v1.2 §6: TWE's
    inspanningsvergoeding handing over to the compensatievergoeding deel 3 is no cliff)."""
    results = facts.results
    if results is None:
        return []
    # Every monthly component of every applied statute, one row per component and person
    # (statute by statute, component by component): one pass finds whether anything stops.
    spans: list[tuple[str, numpy.ndarray, list[str], int]] = []
    blocks: list[numpy.ndarray] = []
    rows: list[numpy.ndarray] = []
    for statute, members in facts.members.items():
        names = [c.name for c in results.component_specs[statute] if c.rhythm == "monthly"]
        if names:
            spans.append((statute, members, names, sum(map(len, rows))))
            blocks += [results.amounts(statute, name)[members] for name in names]
            rows += [members] * len(names)
    if not blocks:
        return []
    units = snap_to_units(numpy.concatenate(blocks))
    employed = results.employed[numpy.concatenate(rows)]
    stopping = (units[:, :-1] > 0) & (units[:, 1:] == 0) & employed[:, 1:]
    if not stopping.any():
        return []
    alerts: list[Alert] = []
    for statute, members, names, first in spans:
        shape = (len(names), len(members))
        last = first + len(names) * len(members)
        _statute_cliffs(
            facts,
            statute,
            members,
            names,
            units[first:last].reshape(*shape, units.shape[1]),
            stopping[first:last].reshape(*shape, stopping.shape[1]),
            alerts,
        )
    return alerts


def _statute_cliffs(
    facts: PlanFacts,
    statute: str,
    members: numpy.ndarray,
    names: list[str],
    units: numpy.ndarray,
    stopping: numpy.ndarray,
    alerts: list[Alert],
) -> None:
    """The cliffs of one statute: `units` and `stopping` are (components, people, months)."""
    if not stopping.any():
        return
    stopped = numpy.where(stopping, units[:, :, :-1], 0).sum(axis=0, dtype=numpy.int64)
    starting = (units[:, :, :-1] == 0) & (units[:, :, 1:] > 0)
    started = numpy.where(starting, units[:, :, 1:], 0).sum(axis=0, dtype=numpy.int64)
    dropping = stopped - started > 0
    for component, name in enumerate(names):
        for row, position in zip(*numpy.nonzero(stopping[component] & dropping), strict=True):
            person = facts.initiative.people[members[row]]
            month = int(facts.months[position + 1])
            drop = to_cents(int(units[component, row, position]))
            alerts.append(_cliff_alert(facts, person, statute, name, month, drop))


def shared_grant_cliff(facts: PlanFacts) -> list[Alert]:
    """The money of a statute paid by a shared grant (WEP+) is the initiative's grant of that
    statute, booked in the months someone applies it (RULEBOOK §3.6): a person's grant-funded
    months that stop while they stay employed, when the booked grant drops that month, are a
    cliff like any monthly component's."""
    results = facts.results
    if results is None:
        return []
    horizon = facts.months
    first = int(horizon[0])
    alerts: list[Alert] = []
    for statute, funding in SHARED_GRANTS.items():
        members = facts.applying(statute)
        if not members.size:
            continue
        grants = grants_of(facts.initiative, statute)
        if not grants:
            continue
        units = grant_units(grants, horizon, first)
        months_applied = applies(results, statute)
        # The months its grant is booked (`shared_grant_months`): someone applies it.
        booked = numpy.where(
            numpy.asarray(months_applied[members].any(axis=0), dtype=bool), units, 0
        )
        drops = booked[:-1] - booked[1:]
        # (people, months): the months each member's grant-funded months stop.
        funded = numpy.asarray(months_applied[members], dtype=bool) & (booked > 0)
        employed = results.employed[members].astype(bool)
        stops = funded[:, :-1] & ~funded[:, 1:] & employed[:, 1:] & (drops > 0)
        for row, position in zip(*numpy.nonzero(stops), strict=True):
            person = facts.initiative.people[members[row]]
            month = int(horizon[position + 1])
            drop = to_cents(int(drops[position]))
            alerts.append(_cliff_alert(facts, person, statute, funding.component, month, drop))
    return alerts


def _cliff_alert(
    facts: PlanFacts, person: Person, statute: str, component: str, month: int, drop: int
) -> Alert:
    # The measure and its component in words (the codes stay in the details).
    what = localized(
        N_("alert.measure_component"),
        measure=words.measure(facts.tree, statute),
        component=component.replace("_", " "),
    )
    return Alert(
        "funding_cliff",
        "warning",
        person.id,
        localized(
            N_("alert.funding_cliff"),
            month=words.month(month),
            what=what,
            person=person.label,
            drop=words.amount(drop),
        ),
        {"statute": statute, "component": component, "month": month, "monthly_drop": drop},
    )
