"""Alerts: the problems of the 2006 report made automatic (RULEBOOK §6).

This module raises the alerts about people and amounts (`statute_not_eligible`,
`amount_unknown`, `voucher_not_allowed`, `funding_cliff`) and gathers them with those about the
initiative as a whole (`initiative_alerts`). Each alert carries its message in Dutch and
English: what is wrong, for whom, since when, and what the promoter can do.
"""

from __future__ import annotations

import numpy

from klaverblad.advice import alert_words as words
from klaverblad.advice import initiative_alerts
from klaverblad.advice.alert import SEVERITY_ORDER, Alert
from klaverblad.advice.measure_closed import measure_closed
from klaverblad.messages import N_, localized
from klaverblad.model.initiative import Person
from klaverblad.model.money import snap_to_units, to_cents
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.plan.shared_grants import (
    SHARED_GRANTS,
    applies,
    grant_units,
    grants_of,
    shared_grant_months,
)
from klaverblad.plan.worker_lines import applying
from klaverblad.rules.catalogue import STATUTES


def plan_alerts(plan: FinancingPlan) -> list[Alert]:
    """Every alert of RULEBOOK §6 for the plan, errors first, then by code and subject."""
    alerts = [
        *statute_not_eligible(plan),
        *amount_unknown(plan),
        *voucher_not_allowed(plan),
        *funding_cliff(plan),
        *shared_grant_cliff(plan),
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
        tree = plan.system.parameters
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


def amount_unknown(plan: FinancingPlan) -> list[Alert]:
    alerts: list[Alert] = []
    horizon = plan.month_indexes
    # A statute paid by a shared grant has no known amount of its own (RULEBOOK §3.6): without
    # an entered grant, each person applying it has an unknown amount in those months.
    for statute, funding in SHARED_GRANTS.items():
        if plan.statutes is None or grants_of(plan.initiative, statute):
            continue
        months_applied = applies(plan.statutes, statute)
        for index in applying(plan.statutes, statute):
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
                    {"measure": statute, "months": [int(m) for m in months]},
                )
            )
    tree = plan.system.parameters
    for measure, months in plan.booking.uncovered_months.items():
        alerts.append(
            Alert(
                "amount_unknown",
                "warning",
                plan.initiative.id,
                localized(
                    N_("alert.grant_unknown"),
                    recognition=words.value("recognitions", measure),
                    measure=words.measure(tree, measure),
                    months=words.months_span(months),
                ),
                {"measure": measure, "months": [int(m) for m in months]},
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


def voucher_not_allowed(plan: FinancingPlan) -> list[Alert]:
    alerts: list[Alert] = []
    activities = {activity.id: activity for activity in plan.initiative.activities}
    for activity_id, check in plan.booking.voucher_refusals.items():
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


def funding_cliff(plan: FinancingPlan) -> list[Alert]:
    """A monthly component of the applied statute stops while the person stays employed, and
    what stops is not made up by a component that starts that month (RULEBOOK v1.2 §6: TWE's
    inspanningsvergoeding handing over to the compensatievergoeding deel 3 is no cliff)."""
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
        monthly = {
            component.name: snap_to_units(results.amounts(statute, component.name)[members])
            for component in results.component_specs[statute]
            if component.rhythm == "monthly"
        }
        if not monthly:
            continue
        stopping = {
            name: (units[:, :-1] > 0) & (units[:, 1:] == 0) & employed[:, 1:]
            for name, units in monthly.items()
        }
        stopped = sum(
            (numpy.where(stopping[name], units[:, :-1], 0) for name, units in monthly.items()),
            start=numpy.zeros_like(employed[:, 1:], dtype=numpy.int64),
        )
        started = sum(
            (
                numpy.where((units[:, :-1] == 0) & (units[:, 1:] > 0), units[:, 1:], 0)
                for units in monthly.values()
            ),
            start=numpy.zeros_like(employed[:, 1:], dtype=numpy.int64),
        )
        dropping = stopped - started > 0
        for name, stops in stopping.items():
            for row, position in zip(*numpy.nonzero(stops & dropping), strict=True):
                person = plan.initiative.people[members[row]]
                month = int(horizon[position + 1])
                drop = to_cents(int(monthly[name][row, position]))
                alerts.append(_cliff_alert(plan, person, statute, name, month, drop))
    return alerts


def shared_grant_cliff(plan: FinancingPlan) -> list[Alert]:
    """The money of a statute paid by a shared grant (WEP+) is the initiative's grant of that
    statute, booked in the months someone applies it (RULEBOOK §3.6): a person's grant-funded
    months that stop while they stay employed, when the booked grant drops that month, are a
    cliff like any monthly component's."""
    results = plan.statutes
    if results is None:
        return []
    horizon = plan.month_indexes
    first = int(horizon[0])
    alerts: list[Alert] = []
    for statute, funding in SHARED_GRANTS.items():
        grants = grants_of(plan.initiative, statute)
        if not grants:
            continue
        units = grant_units(grants, horizon, first)
        booked = numpy.where(shared_grant_months(results, statute, len(horizon)), units, 0)
        months_applied = applies(results, statute)
        for index in applying(results, statute):
            funded = numpy.asarray(months_applied[index], dtype=bool) & (booked > 0)
            employed = results.employed[index].astype(bool)
            drops = booked[:-1] - booked[1:]
            stops = funded[:-1] & ~funded[1:] & employed[1:] & (drops > 0)
            for position in numpy.flatnonzero(stops):
                person = plan.initiative.people[index]
                month = int(horizon[position + 1])
                drop = to_cents(int(drops[position]))
                alerts.append(_cliff_alert(plan, person, statute, funding.component, month, drop))
    return alerts


def _cliff_alert(
    plan: FinancingPlan, person: Person, statute: str, component: str, month: int, drop: int
) -> Alert:
    # The measure and its component in words (the codes stay in the details).
    what = localized(
        N_("alert.measure_component"),
        measure=words.measure(plan.system.parameters, statute),
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
