"""`measure_closed` (RULEBOOK §6, §6.1): no entered grant or named statute yields € 0 without a
word. The dates are those of the parameters (LDE: lde/valid.yaml, closed 2023-07-01; SINE:
sine/start_window.yaml closed to new hires 2023-07-01, its last component
sine/doelgroepvermindering/booked.yaml runs out 2025-07-01; WEP+: wep_plus/paid.yaml, 2015-10-01),
the successors those of RULEBOOK §6.1 in the measures' metadata."""

from __future__ import annotations

from typing import Any

from klaverblad.advice.alert import Alert
from klaverblad.advice.alerts import plan_alerts
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.report.plan_json import plan_to_dict
from tests.builders import initiative, person

LDE_GRANT = {"measure": "lde", "funder": "Vlaams", "amount_per_year": 8000}


def closed(**changes: Any) -> list[Alert]:
    return [
        a for a in plan_alerts(compute_plan(initiative(**changes))) if a.code == "measure_closed"
    ]


def test_an_lde_grant_in_2027_raises_measure_closed_with_months_closing_date_and_successors() -> (
    None
):
    (alert,) = closed(horizon={"start": "2027-01", "months": 12}, grants=[LDE_GRANT])
    assert (alert.severity, alert.subject) == ("warning", "test-initiative")
    assert alert.details["measure"] == "lde"
    assert alert.details["date"] == "2023-07-01"
    assert alert.details["grade"] == "H"  # lde/valid.yaml, the value of 2023-07-01
    assert alert.details["ranges"] == [["2027-01", "2027-12"]]
    successors = alert.details["successors"]
    assert isinstance(successors, list)
    assert [s["measure"] for s in successors] == [
        "maatwerk",
        "lde_tijdelijke_vergoeding",
        "ald_werkingssubsidie",
    ]
    dutch = alert.message("nl")
    assert "januari 2027 tot december 2027" in dutch
    assert "gesloten sinds 1 juli 2023" in dutch
    assert "individueel maatwerk" in dutch and "aanvullende lokale diensten" in dutch
    english = alert.message("en")
    assert "January 2027 to December 2027" in english and "closed on 1 July 2023" in english
    assert "individueel maatwerk" in english and "aanvullende lokale diensten" in english
    assert alert.title("nl") == "Maatregel gesloten" and alert.title("en") == "Measure closed"


def test_the_lde_grant_of_2027_is_in_the_plan_json_and_no_amount_is_booked() -> None:
    plan = compute_plan(initiative(horizon={"start": "2027-01", "months": 12}, grants=[LDE_GRANT]))
    document = plan_to_dict(plan, plan_alerts(plan))
    codes = [alert["code"] for alert in document["alerts"]]
    assert "measure_closed" in codes
    assert not [line for line in document["lines"] if line["measure"] == "lde"]


def test_a_grant_inside_the_window_raises_nothing() -> None:
    assert closed(horizon={"start": "2020-01", "months": 12}, grants=[LDE_GRANT]) == []


def test_a_grant_spanning_the_closing_date_names_only_the_closed_months() -> None:
    (alert,) = closed(horizon={"start": "2023-01", "months": 12}, grants=[LDE_GRANT])
    assert alert.details["ranges"] == [["2023-07", "2023-12"]]
    assert "juli 2023 tot december 2023" in alert.message("nl")
    assert "2023-01" not in alert.message("nl")


def test_a_grant_whose_until_ends_before_the_closing_date_raises_nothing() -> None:
    grant = {**LDE_GRANT, "until": "2023-06"}
    assert closed(horizon={"start": "2023-01", "months": 12}, grants=[grant]) == []


def test_two_grants_of_one_closed_measure_make_one_alert_with_their_months_united() -> None:
    grants = [{**LDE_GRANT, "until": "2027-03"}, {**LDE_GRANT, "from": "2027-10"}]
    (alert,) = closed(horizon={"start": "2027-01", "months": 12}, grants=grants)
    assert alert.details["ranges"] == [["2027-01", "2027-03"], ["2027-10", "2027-12"]]
    assert alert.details["grants"] == [0, 1]
    assert "januari 2027 tot maart 2027 en oktober 2027 tot december 2027" in alert.message("nl")


def test_a_statute_closed_to_new_hires_raises_it_for_all_the_employed_months() -> None:
    sine = person(statute="sine", start_date="2024-03-01")
    (alert,) = closed(horizon={"start": "2024-01", "months": 12}, people=[sine])
    assert (alert.subject, alert.details["measure"], alert.details["date"]) == (
        "w1",
        "sine",
        "2023-07-01",
    )
    # Employed from March: January and February are not the measure's to lose.
    assert alert.details["ranges"] == [["2024-03", "2024-12"]]
    assert "SINE is gesloten sinds 1 juli 2023" in alert.message("nl")
    assert "individueel maatwerk" in alert.message("nl")


def test_when_the_start_window_alone_fails_measure_closed_replaces_statute_not_eligible() -> None:
    sine = person(statute="sine", start_date="2024-03-01")
    horizon = {"start": "2024-01", "months": 12}
    codes = [a.code for a in plan_alerts(compute_plan(initiative(horizon=horizon, people=[sine])))]
    assert "measure_closed" in codes and "statute_not_eligible" not in codes


def test_a_sine_person_hired_in_time_gets_it_from_the_end_of_its_last_component() -> None:
    # A promoter without the LDE recognition: SINE runs to 2025-06 (RULEBOOK v1.2 §3.3).
    sine = person(statute="sine", start_date="2020-01-01")
    (alert,) = closed(
        horizon={"start": "2025-01", "months": 12}, people=[sine], recognitions=["pwa"]
    )
    assert alert.details["date"] == "2025-07-01"
    assert alert.details["ranges"] == [["2025-07", "2025-12"]]
    assert "1 juli 2025" in alert.message("nl")


def test_a_wep_plus_statute_after_its_end_raises_it_with_its_successor_twe() -> None:
    wep = person(statute="wep_plus", start_date="2015-01-01", unemployed_months=30)
    grant = {"measure": "wep_plus", "funder": "VDAB", "amount_per_year": 6000}
    found = closed(horizon={"start": "2015-01", "months": 12}, people=[wep], grants=[grant])
    by_subject = {alert.subject: alert for alert in found}
    assert by_subject["w1"].details["ranges"] == [["2015-10", "2015-12"]]
    assert by_subject["w1"].details["date"] == "2015-10-01"
    assert "tijdelijke werkervaring (TWE)" in by_subject["w1"].message("nl")
    # The WEP+ grant is closed in the same months.
    assert by_subject["test-initiative"].details["ranges"] == [["2015-10", "2015-12"]]


def test_a_measure_not_yet_open_names_what_it_replaced() -> None:
    maatwerk = person(
        statute="maatwerk",
        start_date="2022-01-01",
        maatwerk_loonpremie_pct=40,
        maatwerk_begeleiding="laag",
    )
    (alert,) = closed(horizon={"start": "2022-01", "months": 12}, people=[maatwerk])
    assert (alert.details["side"], alert.details["date"]) == ("not_yet_open", "2023-07-01")
    assert "opent pas op 1 juli 2023" in alert.message("nl")
    assert "SINE" in alert.message("nl") and "LDE" in alert.message("nl")


def test_a_measure_without_a_window_never_raises_it() -> None:
    grant = {"measure": "lokaal_actieplan", "funder": "stad", "amount_per_year": 1000}
    assert closed(horizon={"start": "2040-01", "months": 12}, grants=[grant]) == []


def test_a_statute_chosen_as_best_that_closes_in_the_horizon_says_so() -> None:
    # A vzw's GESCO hire of 2010 (gesco_post, no statute named): in a plan of 2015-07 … 2016-06
    # GESCO is the best statute (it pays to 2015-12, RULEBOOK §3.5); 2016-01 … 2016-06 yield
    # nothing and say so, naming the successor gesco_regularisatie.
    (alert,) = closed(
        recognitions=[],
        horizon={"start": "2015-07", "months": 12},
        people=[person(start_date="2010-01-01", birth_date="1980-01-01")],
    )
    assert (alert.subject, alert.details["measure"]) == ("w1", "gesco")
    assert (alert.details["date"], alert.details["at_start"]) == ("2016-01-01", False)
    assert alert.details["ranges"] == [["2016-01", "2016-06"]]
    successors = alert.details["successors"]
    assert isinstance(successors, list)
    assert [s["measure"] for s in successors] == ["gesco_regularisatie"]


def test_a_statute_chosen_as_best_with_nothing_left_in_the_horizon_is_never_a_silent_zero() -> None:
    # The same hire in 2020: GESCO stays the eligible statute (an eligible statute worth 0 is
    # chosen over `regular`, §3) and books nothing; the alert names all twelve months.
    (alert,) = closed(
        recognitions=[],
        horizon={"start": "2020-01", "months": 12},
        people=[person(start_date="2010-01-01", birth_date="1980-01-01")],
    )
    assert alert.details["ranges"] == [["2020-01", "2020-12"]]
