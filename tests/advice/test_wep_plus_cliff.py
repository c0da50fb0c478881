"""A grant-funded WEP+ month that stops while the person stays employed is a `funding_cliff`,
like any other monthly stop (RULEBOOK §6, issue 10 item 11). WEP+ money is the initiative's
WEP+ grant, booked in the months someone applies WEP+ (12 months, wep_plus/duration_months.yaml;
subsidies run to 2015-09, wep_plus/paid.yaml)."""

from __future__ import annotations

from typing import Any

from klaverblad.advice.alert import Alert
from klaverblad.advice.alerts import plan_alerts
from klaverblad.plan.financing_plan import compute_plan
from tests.builders import initiative, person

HORIZON = {"start": "2010-01", "months": 24}
# 6 000 a year is 500,00 a month (6 000 / 12).
WEP_GRANT = {"measure": "wep_plus", "funder": "VDAB", "amount_per_year": 6000}


def wep_person(**changes: Any) -> dict[str, Any]:
    return person(
        **{"statute": "wep_plus", "start_date": "2010-01-01", "unemployed_months": 30, **changes}
    )


def cliffs(**changes: Any) -> list[Alert]:
    plan = compute_plan(initiative(horizon=HORIZON, **changes))
    return [alert for alert in plan_alerts(plan) if alert.code == "funding_cliff"]


def test_wep_plus_months_that_end_before_the_employment_raise_a_funding_cliff() -> None:
    (alert,) = cliffs(people=[wep_person()], grants=[WEP_GRANT])
    # Twelve WEP+ months, 2010-01 … 2010-12; w1 stays employed in 2011-01.
    assert alert.subject == "w1"
    assert alert.details["statute"] == "wep_plus"
    assert alert.details["month"] == 2011 * 12  # January 2011
    assert alert.details["monthly_drop"] == 50_000  # € 500,00
    assert "januari 2011" in alert.message("nl") and "500,00" in alert.message("nl")
    assert "January 2011" in alert.message("en")


def test_no_cliff_when_the_employment_ends_with_the_wep_plus_months() -> None:
    assert cliffs(people=[wep_person(end_date="2010-12-31")], grants=[WEP_GRANT]) == []


def test_a_wep_plus_grant_that_ends_while_the_person_stays_on_wep_plus_is_a_cliff() -> None:
    grant = {**WEP_GRANT, "until": "2010-06"}
    (alert,) = cliffs(people=[wep_person()], grants=[grant])
    assert alert.details["month"] == 2010 * 12 + 6  # July 2010
    assert alert.details["monthly_drop"] == 50_000


def test_no_cliff_while_another_wep_plus_worker_keeps_the_grant_running() -> None:
    # w1's WEP+ months end in 2010-12, w2's (hired 2010-07) in 2011-06: the grant is booked on
    # through w2, so w1's end loses nothing; w2's end, with w2 employed on, drops € 500,00.
    second = wep_person(id="w2", start_date="2010-07-01")
    found = cliffs(people=[wep_person(), second], grants=[WEP_GRANT])
    assert [(alert.subject, alert.details["month"]) for alert in found] == [("w2", 2011 * 12 + 6)]
