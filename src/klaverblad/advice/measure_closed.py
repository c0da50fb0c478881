"""`measure_closed` (RULEBOOK §6, §6.1): an entered grant, a person's statute or a
voucher-paid activity yields nothing in some months because its measure is closed or not yet
open there. One alert per subject (the initiative for a grant, the person for a statute, the
activity for a voucher), measure and side of the window, naming the months, the date and what
replaced it (or what it replaced).

The windows and successors are the rules' data (`advice.measure_windows`), each window the
promoter's where it depends on the employer (SINE's 2023 transition, GESCO's end dates); the
wizard shows the same text at a grant's measure field (`grant_closures`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

import numpy
from openfisca_core.parameters import ParameterNode

from klaverblad.advice import alert_words as words
from klaverblad.advice.alert import Alert
from klaverblad.advice.alert_words import Localized
from klaverblad.advice.measure_windows import (
    Employer,
    MeasureWindow,
    Side,
    month_runs,
    month_sides,
    ranges,
    window_of,
)
from klaverblad.advice.plan_facts import PlanFacts
from klaverblad.locale import Language, day
from klaverblad.messages import N_, localized, per_language
from klaverblad.model.initiative import Initiative
from klaverblad.model.months import month_of_date
from klaverblad.plan.horizon_cache import months_key, remember
from klaverblad.plan.initiative_lines import employer_of, grant_window, voucher_owners
from klaverblad.rules.catalogue import voucher_measures

CODE = "measure_closed"


@dataclass(frozen=True)
class Closure:
    """Months in which `measure` yields nothing, on one side of its window."""

    window: MeasureWindow
    side: Side
    months: numpy.ndarray


def _others(window: MeasureWindow, side: Side, tree: ParameterNode) -> Localized:
    """What replaced the measure (closed), or what it replaced (not yet open), in a sentence."""
    if side == "closed":
        names = [dict(successor.names) for successor in window.successors]
        if not names:
            return localized(N_("alert.no_successor"))
        return localized(
            N_("alert.replaced_by"),
            names=per_language(lambda language: "; ".join(n[language] for n in names)),
        )
    earlier = [w.names for m in window.predecessors if (w := window_of(tree, m))]
    if not earlier:
        return words.same("")
    return localized(N_("alert.before_it"), names=words.joined(earlier))


def _state(window: MeasureWindow, side: Side, when: date) -> Localized:
    return localized(
        N_("alert.closed_since") if side == "closed" else N_("alert.opens_on"),
        measure=window.names,
        day=per_language(lambda language: day(when, language)),
    )


def _day_words(when: date) -> Localized:
    return per_language(lambda language: day(when, language))


def _tidy(message: Localized) -> Localized:
    """One space between sentences where a part was empty."""
    return per_language(lambda language: " ".join(message[language].split()))


def grant_message(closure: Closure, tree: ParameterNode, language: Language) -> str:
    """The message at the grant (the alert's and the wizard's field's)."""
    return grant_messages(closure, tree)[language]


def grant_messages(closure: Closure, tree: ParameterNode) -> Localized:
    window, side = closure.window, closure.side
    return _tidy(
        localized(
            N_("alert.grant_closed"),
            measure=window.names,
            months=ranges(closure.months),
            state=_state(window, side, _date(window, side, "paid")),
            others=_others(window, side, tree),
        )
    )


def _date(window: MeasureWindow, side: Side, which: str) -> date:
    bounds = window.paid if which == "paid" else window.start
    assert bounds is not None
    return bounds.date_of(side)


def grant_closures(
    initiative: Initiative,
    tree: ParameterNode,
    months: numpy.ndarray,
    employer: Employer | None = None,
) -> list[tuple[int, Closure]]:
    """Per entered grant (its index), the horizon months (`months`, ascending) inside its
    from/until in which its measure yields nothing, by side of the window (`employer`: the
    initiative's promoter, when the caller already has it)."""
    found: list[tuple[int, Closure]] = []
    if not months.size:
        return found
    if employer is None:
        employer = employer_of(initiative)
    for index, grant in enumerate(initiative.grants):
        window = window_of(tree, grant.measure, employer)
        if window is None or window.paid is None:
            continue
        if not window.paid.outside(int(months[0]), int(months[-1])):
            continue  # the whole horizon lies inside the window, the grant's months too
        inside = months[grant_window(grant, months)]
        for side, outside in month_sides(window.paid, inside).items():
            found.append((index, Closure(window, side, outside)))
    return found


def _details(closure: Closure, when: date, at_start: bool = False) -> dict[str, object]:
    bounds = closure.window.start if at_start else closure.window.paid
    assert bounds is not None
    return {
        "measure": closure.window.measure,
        "side": closure.side,
        "date": when.isoformat(),
        "grade": bounds.grade,
        "reference": list(bounds.references),
        "months": words.month_list(closure.months),
        "ranges": [list(run) for run in month_runs(closure.months)],
        "successors": [
            {
                "measure": s.measure,
                "name": s.names["nl"],
                "grade": s.grade,
                "reference": list(s.references),
            }
            for s in closure.window.successors
        ],
    }


def grant_alerts(facts: PlanFacts) -> list[Alert]:
    """One alert per measure and side for the initiative's grants (their months united)."""
    if not facts.initiative.grants:
        return []
    tree = facts.tree
    merged: dict[tuple[str, Side], tuple[list[int], Closure]] = {}
    for index, closure in grant_closures(facts.initiative, tree, facts.months, facts.employer):
        key = (closure.window.measure, closure.side)
        indexes, earlier = merged.get(key, ([], closure))
        united = numpy.union1d(earlier.months, closure.months)
        merged[key] = ([*indexes, index], Closure(closure.window, closure.side, united))
    alerts = []
    for (_measure, side), (indexes, closure) in merged.items():
        when = _date(closure.window, side, "paid")
        alerts.append(
            Alert(
                CODE,
                "warning",
                facts.initiative.id,
                grant_messages(closure, tree),
                {**_details(closure, when), "grants": indexes},
            )
        )
    return alerts


def _statute_messages(
    person: str, started: date, closure: Closure, at_start: bool, tree: ParameterNode
) -> Localized:
    window, side = closure.window, closure.side
    return _tidy(
        localized(
            N_("alert.statute_closed_at_start") if at_start else N_("alert.statute_closed"),
            person=person,
            measure=window.names,
            state=_state(window, side, _date(window, side, "start" if at_start else "paid")),
            start=per_language(lambda language: day(started, language)),
            months=ranges(closure.months),
            others=_others(window, side, tree),
        )
    )


def statute_alerts(facts: PlanFacts) -> list[Alert]:
    """The statute of a person — the one the file names, or the one chosen as best — in the
    person's employed horizon months outside its window: all of them when the start lies
    outside the start window. A statute chosen as best was open at the start (§3) but may
    close during the horizon (GESCO for a 2010 hire in 2020): its 0 is said, never silent."""
    results = facts.results
    if results is None:
        return []
    tree, horizon, employer = facts.tree, facts.months, facts.employer
    windows: dict[str, MeasureWindow | None] = {}
    alerts = []
    for index, person in enumerate(facts.initiative.people):
        statute = results.chosen[index]
        if statute not in windows:
            windows[statute] = window_of(tree, statute, employer)
        window = windows[statute]
        if window is None:
            continue
        start_side = (
            window.start.month_side(month_of_date(person.start_date)) if window.start else None
        )
        if start_side is None and (
            window.paid is None or not window.paid.outside(horizon[0], horizon[-1])
        ):
            continue  # every horizon month lies inside the window, the employed ones too
        employed = horizon[facts.employed[index]]
        if not employed.size:
            continue
        at_start = False
        sides: dict[Side, numpy.ndarray] = {}
        if start_side is not None:
            at_start, sides = True, {start_side: employed}
        elif window.paid is not None:
            sides = month_sides(window.paid, employed)
        for side, months in sides.items():
            closure = Closure(window, side, months)
            when = _date(window, side, "start" if at_start else "paid")
            alerts.append(
                Alert(
                    CODE,
                    "warning",
                    person.id,
                    _statute_messages(person.label, person.start_date, closure, at_start, tree),
                    {**_details(closure, when, at_start), "at_start": at_start},
                )
            )
    return alerts


def activity_closures(facts: PlanFacts) -> list[tuple[int, Closure]]:
    """Per voucher-paid activity (its index), the horizon months that no measure of its
    payment holds: before the first measure opens (said of the first: the dienstencheque
    before 2004, the PWA before 1994), or after the last one closed (said of the last)."""
    tree, months, employer = facts.tree, facts.months, facts.employer
    found: list[tuple[int, Closure]] = []
    for index, activity in enumerate(facts.initiative.activities):
        measures = _voucher_measures(activity.payment)
        if not measures:
            continue
        unheld = _unheld(tree, months, activity.payment, employer)
        if not unheld.size:
            continue
        ends: dict[Side, str] = {"not_yet_open": measures[0].name, "closed": measures[-1].name}
        for side, measure in ends.items():
            window = window_of(tree, measure, employer)
            if window is None or window.paid is None:
                continue
            outside = month_sides(window.paid, unheld).get(side)
            if outside is not None and outside.size:
                found.append((index, Closure(window, side, outside)))
    return found


# The catalogue is fixed once imported: each payment's measures are looked up once.
_voucher_measures = functools.cache(voucher_measures)


def _unheld(
    tree: ParameterNode, months: numpy.ndarray, payment: str, employer: Employer
) -> numpy.ndarray:
    """The months of `months` that no measure of `payment` holds: the same for every activity
    paid alike and every plan of these rules, months and promoter, so kept (read-only) per
    rules tree (`plan.horizon_cache`)."""
    key = ("alerts.unheld", payment, employer, months_key(months))

    def compute() -> numpy.ndarray:
        return months[voucher_owners(tree, months, _voucher_measures(payment), employer) < 0]

    return remember(tree, key, compute)


def activity_alerts(facts: PlanFacts) -> list[Alert]:
    """One alert per voucher-paid activity and side of its payment's windows."""
    tree = facts.tree
    alerts = []
    for index, closure in activity_closures(facts):
        activity = facts.initiative.activities[index]
        window, side = closure.window, closure.side
        when = _date(window, side, "paid")
        message = localized(
            N_("alert.activity_closed") if side == "closed" else N_("alert.activity_not_yet_open"),
            activity=activity.label,
            measure=window.names,
            months=ranges(closure.months),
            day=_day_words(when),
            others=_others(window, side, tree),
        )
        alerts.append(Alert(CODE, "warning", activity.id, _tidy(message), _details(closure, when)))
    return alerts


def measure_closed(facts: PlanFacts) -> list[Alert]:
    return [*grant_alerts(facts), *statute_alerts(facts), *activity_alerts(facts)]
