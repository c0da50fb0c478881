"""The `not_known_then` alert (docs/as-known-on.md): a plan as known on a date uses a measure
that was not known yet — its window had no known value then (`rules/known_on.py` closes it).
The plan books nothing for it; the alert says why, so that it is never a silent zero.

Example: an entered grant of the ALD werkingssubsidie (decided for 2023-07) in a plan as known
on 1 January 2020 books nothing, and this alert names the measure and the date."""

from __future__ import annotations

from openfisca_core.parameters import ParameterNode

from klaverblad.advice.alert import Alert
from klaverblad.advice.measure_windows import measure_name
from klaverblad.advice.plan_facts import PlanFacts
from klaverblad.locale import day
from klaverblad.messages import N_, PerLanguage, localized, per_language
from klaverblad.rules.by_month import leaf
from klaverblad.rules.catalogue import MEASURES, voucher_measures
from klaverblad.rules.known_on import as_known_on, not_known


def _used(facts: PlanFacts) -> list[str]:
    """The measures the file asks for: its grants', its people's statutes, its activities'
    vouchers, in that order, each once."""
    initiative = facts.initiative
    names: list[str] = [grant.measure for grant in initiative.grants]
    names += [person.statute for person in initiative.people if person.statute]
    for activity in initiative.activities:
        names += [measure.name for measure in voucher_measures(activity.payment)]
    return list(dict.fromkeys(name for name in names if name in MEASURES))


def _measure_words(tree: ParameterNode, name: str) -> PerLanguage:
    return per_language(lambda language: measure_name(tree, name, language))


def not_known_then(facts: PlanFacts) -> list[Alert]:
    """One warning per measure the file uses whose window was wholly unknown on the date."""
    plan = facts.plan
    known_on = as_known_on(plan.system)
    if known_on is None:
        return []
    alerts = []
    for name in _used(facts):
        spec = MEASURES[name]
        windows = [path for path in (spec.start_window, *spec.paid) if path]
        if not windows or not all(not_known(leaf(plan.parameters, path)) for path in windows):
            continue
        alerts.append(
            Alert(
                "not_known_then",
                "warning",
                facts.initiative.id,  # CONTRACT §4: the initiative; the message names the measure
                localized(
                    N_("alert.not_known_then"),
                    measure=_measure_words(plan.parameters, name),
                    day=per_language(lambda language: day(known_on, language)),
                ),
                {"measure": name, "as_known_on": known_on.isoformat()},
            )
        )
    return alerts
