"""SINE's and GESCO's windows depend on the employer (RULEBOOK v1.2 §3.3, §3.5, §6, §6.1), and
`measure_closed`, `funding_cliff` and the `supervision_ratio` suggestion follow the promoter's
window, not one date for everybody.

SINE, first case that applies: a promoter recognised as LDE gets nothing after 2023-06; a
maatwerkbedrijf or sociale werkplaats loses the allowance after 2023-06 and keeps the reduction
to 2025-06; any other employer keeps both to 2025-06. GESCO: a gemeente, OCMW or intercommunale
hires before 2015-04-01 and gets nothing after 2015-03; any other employer before 2016-01-01 and
nothing after 2015-12. The people of `tests.builders` are born 1968-03-15: 51 at a start in
2020 (no SINE band limit), 41 at a start in 2010.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy
import pytest

from klaverblad.advice.alert import Alert
from klaverblad.advice.alerts import plan_alerts
from klaverblad.advice.measure_windows import Employer, window_of
from klaverblad.model.months import first_day
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.rules import baseline_system
from tests.builders import initiative, person
from tests.plan.helpers import cents as plan_cents

OCMW = {"name": "OCMW Test", "legal_form": "ocmw", "municipality": "Kortrijk"}
VZW = {"name": "vzw Test", "legal_form": "vzw", "municipality": "Kortrijk"}
SINE_2020 = person(statute="sine", start_date="2020-01-01")
GESCO_2010 = person(statute="gesco", start_date="2010-01-01", gesco_post=True)


def plan_of(**changes: Any) -> FinancingPlan:
    return compute_plan(initiative(**changes))


def alerts(plan: FinancingPlan, code: str) -> list[Alert]:
    return [alert for alert in plan_alerts(plan) if alert.code == code]


def cents(plan: FinancingPlan, measure: str, component: str | None = None) -> int:
    fields: dict[str, object] = {"measure": measure}
    if component is not None:
        fields["component"] = component
    return plan_cents(plan, **fields)


def year(start: str) -> dict[str, object]:
    return {"start": start, "months": 12}


# --- the windows themselves -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("legal_form", "recognitions", "closes"),
    [
        ("vzw", {"lde"}, date(2023, 7, 1)),
        ("vzw", {"lde", "swp"}, date(2023, 7, 1)),  # the first case, LDE, applies
        ("vzw", {"swp"}, date(2025, 7, 1)),  # the reduction runs on
        ("bedrijf", {"maatwerkbedrijf"}, date(2025, 7, 1)),
        ("bedrijf", {"inschakelingsbedrijf"}, date(2025, 7, 1)),
        ("ocmw", set(), date(2025, 7, 1)),
    ],
)
def test_the_sine_window_closes_by_employer(
    legal_form: str, recognitions: set[str], closes: date
) -> None:
    employer = Employer(legal_form, frozenset(recognitions))
    window = window_of(baseline_system().parameters, "sine", employer)
    assert window is not None and window.paid is not None and window.start is not None
    assert window.paid.closes == closes
    # New hires: until 2023-06-30 whoever the employer.
    assert window.start.closes == date(2023, 7, 1)


@pytest.mark.parametrize(
    ("legal_form", "closes"),
    [
        ("gemeente", date(2015, 4, 1)),
        ("ocmw", date(2015, 4, 1)),
        ("intercommunale", date(2015, 4, 1)),
        ("vzw", date(2016, 1, 1)),
    ],
)
def test_the_gesco_window_closes_by_legal_form(legal_form: str, closes: date) -> None:
    employer = Employer(legal_form, frozenset())
    window = window_of(baseline_system().parameters, "gesco", employer)
    assert window is not None and window.paid is not None and window.start is not None
    assert (window.start.closes, window.paid.closes) == (closes, closes)
    assert [s.measure for s in window.successors] == ["gesco_regularisatie"]


def test_without_an_employer_the_catalogue_shows_the_window_of_any_other_employer() -> None:
    tree = baseline_system().parameters
    sine, gesco = window_of(tree, "sine"), window_of(tree, "gesco")
    assert sine is not None and sine.paid is not None and sine.paid.closes == date(2025, 7, 1)
    assert gesco is not None and gesco.paid is not None and gesco.paid.closes == date(2016, 1, 1)


@pytest.mark.parametrize(
    ("promoter", "recognitions", "people", "measure"),
    [
        (VZW, ["lde"], [SINE_2020], "sine"),
        (VZW, ["swp"], [SINE_2020], "sine"),
        (VZW, ["pwa"], [SINE_2020], "sine"),
        (OCMW, [], [GESCO_2010], "gesco"),
        (VZW, [], [GESCO_2010], "gesco"),
    ],
)
def test_the_amounts_stop_in_the_month_the_promoters_window_closes(
    promoter: dict[str, str], recognitions: list[str], people: list[dict[str, Any]], measure: str
) -> None:
    """The formulas and the window (`by_employer`) choose the same parameters: the last month
    with an amount is the month before the window closes."""
    plan = plan_of(
        promoter=promoter,
        recognitions=recognitions,
        people=people,
        horizon={"start": "2014-01", "months": 144},
    )
    assert plan.statutes is not None
    amounts = numpy.stack(list(plan.statutes.components[measure].values()))
    paying = amounts.sum(axis=0)[0] > 0
    last = int(plan.month_indexes[numpy.flatnonzero(paying)[-1]])
    employer = Employer(promoter["legal_form"], frozenset(recognitions))
    window = window_of(plan.parameters, measure, employer)
    assert window is not None and window.paid is not None
    assert first_day(last + 1) == window.paid.closes


# --- SINE: measure_closed and funding_cliff ---------------------------------------------------


def test_an_lde_promoters_sine_worker_raises_measure_closed_from_july_2023() -> None:
    plan = plan_of(horizon=year("2023-01"), people=[SINE_2020])
    (closed,) = alerts(plan, "measure_closed")
    assert (closed.subject, closed.details["measure"]) == ("w1", "sine")
    assert closed.details["date"] == "2023-07-01"
    assert closed.details["ranges"] == [["2023-07", "2023-12"]]
    assert "SINE is gesloten sinds 1 juli 2023" in closed.message("nl")
    assert "individueel maatwerk" in closed.message("nl")
    # Both components stop: 2 forfaits (March, June) × 1 000 + 6 months × 500 = 5 000.00.
    assert cents(plan, "sine", "doelgroepvermindering") == 200_000
    assert cents(plan, "sine", "herinschakelingsuitkering") == 300_000
    # The allowance of 500 a month stops while the worker stays: a cliff in July 2023.
    (cliff,) = alerts(plan, "funding_cliff")
    assert cliff.subject == "w1"
    assert "juli 2023" in cliff.message("nl")


def test_a_sociale_werkplaats_keeps_the_sine_reduction_after_june_2023_without_measure_closed() -> (
    None
):
    plan = plan_of(horizon=year("2023-01"), recognitions=["swp"], people=[SINE_2020])
    assert alerts(plan, "measure_closed") == []
    # 4 forfaits × 1 000 = 4 000.00; allowance January–June 6 × 500 = 3 000.00.
    assert cents(plan, "sine", "doelgroepvermindering") == 400_000
    assert cents(plan, "sine", "herinschakelingsuitkering") == 300_000
    (cliff,) = alerts(plan, "funding_cliff")
    assert "juli 2023" in cliff.message("nl")


def test_a_sociale_werkplaats_raises_measure_closed_for_sine_from_july_2025() -> None:
    plan = plan_of(horizon=year("2025-01"), recognitions=["swp"], people=[SINE_2020])
    (closed,) = alerts(plan, "measure_closed")
    assert closed.details["date"] == "2025-07-01"
    assert closed.details["ranges"] == [["2025-07", "2025-12"]]
    # Only the reduction is left: March and June, 2 × 1 000.
    assert cents(plan, "sine") == 200_000


def test_any_other_sine_employer_keeps_both_components_to_june_2025() -> None:
    in_2023 = plan_of(horizon=year("2023-01"), recognitions=["pwa"], people=[SINE_2020])
    assert alerts(in_2023, "measure_closed") == [] and alerts(in_2023, "funding_cliff") == []
    # 4 × 1 000 + 12 × 500 = 10 000.00
    assert cents(in_2023, "sine") == 1_000_000
    in_2025 = plan_of(horizon=year("2025-01"), recognitions=["pwa"], people=[SINE_2020])
    (closed,) = alerts(in_2025, "measure_closed")
    assert (closed.details["date"], closed.details["ranges"]) == (
        "2025-07-01",
        [["2025-07", "2025-12"]],
    )
    # 2 × 1 000 + 6 × 500 = 5 000.00, and the allowance's stop is a cliff in July 2025.
    assert cents(in_2025, "sine") == 500_000
    (cliff,) = alerts(in_2025, "funding_cliff")
    assert "juli 2025" in cliff.message("nl")


def test_the_sine_allowance_stopping_after_the_11_quarter_band_is_a_funding_cliff() -> None:
    # 30 at a start in January 2006 with 12 months on benefit: 11 quarters, k = 11 is 2008 Q3,
    # so the allowance runs 3 + 10 × 3 = 33 months (2006-01 … 2008-09) and 500 a month stops
    # in October 2008 while the worker stays (the vzw's LDE window is open until 2023-06).
    young = person(birth_date="1976-01-01", unemployed_months=12, statute="sine")
    plan = plan_of(horizon={"start": "2006-01", "months": 36}, people=[young])
    (cliff,) = alerts(plan, "funding_cliff")
    assert cliff.details == {
        "statute": "sine",
        "component": "herinschakelingsuitkering",
        "month": 2008 * 12 + 9,
        "monthly_drop": 50_000,
    }
    assert "oktober 2008" in cliff.message("nl")
    # 33 × 500 = 16 500.00 allowance; forfaits 2006 Q1 … 2008 Q3 = 11 × 1 000 = 11 000.00.
    assert cents(plan, "sine", "herinschakelingsuitkering") == 1_650_000
    assert cents(plan, "sine", "doelgroepvermindering") == 1_100_000
    assert alerts(plan, "measure_closed") == []


# --- GESCO ------------------------------------------------------------------------------------


def test_an_ocmws_gesco_worker_is_closed_from_april_2015_naming_the_regularisation() -> None:
    plan = plan_of(promoter=OCMW, recognitions=[], horizon=year("2015-01"), people=[GESCO_2010])
    (closed,) = alerts(plan, "measure_closed")
    assert (closed.subject, closed.details["measure"]) == ("w1", "gesco")
    assert closed.details["date"] == "2015-04-01"
    assert closed.details["ranges"] == [["2015-04", "2015-12"]]
    successors = closed.details["successors"]
    assert isinstance(successors, list)
    assert [s["measure"] for s in successors] == ["gesco_regularisatie"]
    assert "gesloten sinds 1 april 2015" in closed.message("nl")
    assert "regularisatiepremie" in closed.message("nl")
    # January–March: 3 × 5 035.01 / 12 = 1 258.7525 → 1 258.75.
    assert cents(plan, "gesco") == 125_875
    (cliff,) = alerts(plan, "funding_cliff")
    assert "april 2015" in cliff.message("nl")


def test_a_vzws_gesco_worker_is_paid_all_of_2015_and_closed_from_january_2016() -> None:
    in_2015 = plan_of(promoter=VZW, recognitions=[], horizon=year("2015-01"), people=[GESCO_2010])
    assert alerts(in_2015, "measure_closed") == []
    assert cents(in_2015, "gesco") == 503_501  # 12 × 5 035.01 / 12
    in_2016 = plan_of(promoter=VZW, recognitions=[], horizon=year("2016-01"), people=[GESCO_2010])
    (closed,) = alerts(in_2016, "measure_closed")
    assert (closed.details["date"], closed.details["ranges"]) == (
        "2016-01-01",
        [["2016-01", "2016-12"]],
    )
    assert cents(in_2016, "gesco") == 0


def test_a_gesco_hire_after_the_window_raises_measure_closed_at_start_only() -> None:
    late = person(statute="gesco", start_date="2016-01-01", gesco_post=True)
    plan = plan_of(promoter=VZW, recognitions=[], horizon=year("2016-01"), people=[late])
    (closed,) = alerts(plan, "measure_closed")
    assert closed.details["at_start"] is True and closed.details["date"] == "2016-01-01"
    assert alerts(plan, "statute_not_eligible") == []


def test_a_gesco_statute_without_an_allocated_post_names_the_missing_post() -> None:
    no_post = person(statute="gesco", start_date="2010-01-01", gesco_post=False)
    plan = plan_of(promoter=VZW, recognitions=[], horizon=year("2010-01"), people=[no_post])
    (refused,) = alerts(plan, "statute_not_eligible")
    assert refused.details["failed_conditions"] == ["gesco_post_ok"]
    assert "geen toegewezen gesco-plaats" in refused.message("nl")
    assert cents(plan, "gesco") == 0


def test_gesco_is_not_chosen_as_best_statute_for_a_hire_after_its_window() -> None:
    hire = person(start_date="2027-01-01", gesco_post=True, status="nwwz", unemployed_months=8)
    plan = plan_of(promoter=VZW, recognitions=[], horizon=year("2027-01"), people=[hire])
    assert plan.people[0].eligible["gesco"] is False
    assert plan.people[0].statute != "gesco"
    # The same person hired in 2010 with a post: GESCO is the best statute.
    early = {**hire, "start_date": "2010-01-01"}
    before = plan_of(promoter=VZW, recognitions=[], horizon=year("2010-01"), people=[early])
    assert (before.people[0].statute, before.people[0].chosen_by) == ("gesco", "best")


# --- supervision_ratio: GESCO only where it can still yield for the promoter ------------------


def _supervision_message(promoter: dict[str, str], start: str) -> str:
    worker = person(start_date=f"{start}-01")
    plan = plan_of(promoter=promoter, recognitions=[], horizon=year(start), people=[worker])
    (alert,) = alerts(plan, "supervision_ratio")
    return alert.message("nl")


def test_too_little_supervision_suggests_gesco_to_a_vzw_in_2015_and_not_in_2027() -> None:
    assert "GESCO" in _supervision_message(VZW, "2015-06")
    late = _supervision_message(VZW, "2027-01")
    assert "GESCO" not in late and "individueel maatwerk" in late


def test_too_little_supervision_no_longer_suggests_gesco_to_an_ocmw_from_april_2015() -> None:
    assert "GESCO" in _supervision_message(OCMW, "2015-03")
    assert "GESCO" not in _supervision_message(OCMW, "2015-06")
