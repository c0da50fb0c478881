"""An alert's message is written in a language when it is first read (`messages.PerLanguage`),
and the months outside a measure's window are found as month indexes (`month_sides`): both
must say what the alerts said when every message was written in both languages at once and
every month was judged by its first day."""

from __future__ import annotations

import copy
import pickle
from datetime import date
from pathlib import Path

import numpy

from klaverblad.advice.alerts import plan_alerts
from klaverblad.advice.measure_windows import Bounds, month_index_runs, month_sides
from klaverblad.model import load_initiative
from klaverblad.model.months import month_index
from klaverblad.plan.financing_plan import compute_plan

BIK = Path(__file__).resolve().parents[2] / "examples" / "bik-klusjesdienst.yaml"


def test_each_message_names_its_own_person_when_read_after_every_alert_was_made() -> None:
    # BIK (2006 report): w2 (art60) and w4 (WEP+) cannot switch to SINE, one alert each.
    alerts = [
        a for a in plan_alerts(compute_plan(load_initiative(BIK))) if a.code == "sine_not_eligible"
    ]
    assert [a.subject for a in alerts] == ["w2", "w4"]
    w2, w4 = (a.message("nl") for a in alerts)
    assert w2.startswith("w2 kan niet overschakelen op SINE") and "artikel 60" in w2
    assert w4.startswith("w4 kan niet overschakelen op SINE") and "WEP+" in w4
    assert alerts[1].message("en").startswith("w4 ")


def test_a_message_compares_copies_and_pickles_as_a_dictionary_of_both_languages() -> None:
    alert = plan_alerts(compute_plan(load_initiative(BIK)))[0]
    both = {"nl": alert.message("nl"), "en": alert.message("en")}
    assert alert.messages == both and dict(alert.messages) == both
    assert copy.deepcopy(alert) == alert
    restored = pickle.loads(pickle.dumps(alert))
    assert restored == alert and type(restored.messages) is dict


def months(*labels: str) -> numpy.ndarray:
    return numpy.array([month_index(*map(int, label.split("-"))) for label in labels])


def test_a_window_dated_after_the_first_of_a_month_takes_effect_the_next_month() -> None:
    # Open from 15 March 2004: March's first day is before it, April's is not. Closed from
    # 2 July 2023: July's first day is still before it, August's is not.
    window = Bounds(opens=date(2004, 3, 15), closes=date(2023, 7, 2), grade=None, references=())
    sides = month_sides(window, months("2004-02", "2004-03", "2004-04", "2023-07", "2023-08"))
    assert {side: found.tolist() for side, found in sides.items()} == {
        "not_yet_open": months("2004-02", "2004-03").tolist(),
        "closed": months("2023-08").tolist(),
    }
    assert list(month_sides(window, months("2023-08", "2004-02"))) == ["closed", "not_yet_open"]
    assert month_sides(window, months("2004-04", "2023-07")) == {}


def test_consecutive_months_make_one_run() -> None:
    assert month_index_runs(numpy.array([9, 5, 6, 7])) == [(5, 7), (9, 9)]
    assert month_index_runs(numpy.array([], dtype=numpy.int64)) == []
