"""The `not_known_then` alert (`advice/known_on_alerts.py`, docs/as-known-on.md): a plan as
known on a date that uses a measure not known yet books nothing for it and says so, never a
silent zero; the same plan under today's rules, or as known once the measure was, says nothing."""

from __future__ import annotations

from datetime import date

from klaverblad.advice.alerts import plan_alerts
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.rules import baseline_system
from klaverblad.rules.known_on import system_as_known_on
from tests.builders import initiative

# An entered ALD werkingssubsidie (window 2023-07-01 … 2025-12-31, no source date: known from
# 2023-07-01): 1 200.00 a year = 100.00 a month, January and February 2024.
ALD = initiative(
    recognitions=[],
    horizon={"start": "2024-01", "months": 2},
    grants=[{"measure": "ald_werkingssubsidie", "funder": "Vlaams", "amount_per_year": 1200}],
)


def codes(known_on: date | None) -> list[str]:
    system = (
        baseline_system() if known_on is None else system_as_known_on(baseline_system(), known_on)
    )
    plan = compute_plan(ALD, system)
    return [alert.code for alert in plan_alerts(plan)]


def test_a_grant_of_a_measure_not_known_yet_books_nothing_and_says_so() -> None:
    system = system_as_known_on(baseline_system(), date(2020, 1, 1))
    plan = compute_plan(ALD, system)
    assert plan.lines == []
    (alert,) = [a for a in plan_alerts(plan) if a.code == "not_known_then"]
    assert alert.subject == ALD.id
    assert alert.severity == "warning"
    assert alert.details == {"measure": "ald_werkingssubsidie", "as_known_on": "2020-01-01"}
    assert alert.message("nl").startswith("Op 1 januari 2020 was ")
    assert "ald_werkingssubsidie" not in alert.message("nl")
    assert alert.title("nl") == "Toen nog niet gekend"


def test_today_and_once_known_the_grant_is_booked_without_the_alert() -> None:
    assert "not_known_then" not in codes(None)
    # Known from 2023-07-01 (its date of effect): 2 x 100.00 booked on 1 August 2023.
    plan = compute_plan(ALD, system_as_known_on(baseline_system(), date(2023, 8, 1)))
    assert sum(line.cents for line in plan.lines) == 20000
    assert "not_known_then" not in codes(date(2023, 8, 1))
