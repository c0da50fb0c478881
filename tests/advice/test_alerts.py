"""The engine-level alerts of RULEBOOK §6, each on both sides of its trigger."""

from klaverblad.advice.alert import Alert
from klaverblad.advice.alerts import plan_alerts
from klaverblad.plan.financing_plan import compute_plan
from tests.builders import initiative, person

ENGINE_CODES = {"statute_not_eligible", "amount_unknown", "voucher_not_allowed", "funding_cliff"}


def alerts(**changes: object) -> list[Alert]:
    """The person- and amount-level alerts of the plan (initiative-level ones are tested in
    test_initiative_alerts.py)."""
    return [a for a in plan_alerts(compute_plan(initiative(**changes))) if a.code in ENGINE_CODES]


def codes(found: list[Alert]) -> list[tuple[str, str]]:
    return [(alert.code, alert.subject) for alert in found]


LDE_GRANT = {"measure": "lde", "funder": "Vlaams", "amount_per_year": 8000}


def test_a_statute_named_in_the_file_that_does_not_fit_is_an_error_listing_what_fails() -> None:
    (alert,) = alerts(people=[person(statute="art60")], grants=[LDE_GRANT])
    assert (alert.code, alert.severity, alert.subject) == ("statute_not_eligible", "error", "w1")
    assert alert.details["failed_conditions"] == ["art60_employer_ok", "art60_status_ok"]
    assert "leefloon" in alert.message("nl") and "Wel in aanmerking: SINE" in alert.message("nl")
    assert "does not meet" in alert.message("en")


def test_a_statute_named_in_the_file_that_fits_raises_nothing() -> None:
    assert alerts(people=[person(statute="sine")], grants=[LDE_GRANT]) == []


def test_wep_plus_without_a_grant_is_an_unknown_amount() -> None:
    wep = person(statute="wep_plus", unemployed_months=24)
    assert codes(alerts(people=[wep], grants=[LDE_GRANT])) == [("amount_unknown", "w1")]
    grant = {"measure": "wep_plus", "funder": "VDAB", "amount_per_year": 6000}
    assert alerts(people=[wep], grants=[LDE_GRANT, grant]) == []


def test_lde_months_without_a_grant_are_an_unknown_amount_for_the_initiative() -> None:
    assert codes(alerts()) == [("amount_unknown", "test-initiative")]
    assert alerts(grants=[LDE_GRANT]) == []
    # A grant that covers only part of the horizon leaves the other months flagged.
    partial = {**LDE_GRANT, "until": "2006-06"}
    (alert,) = alerts(grants=[partial])
    assert [m % 12 + 1 for m in alert.details["months"]] == [7, 8, 9, 10, 11, 12]  # type: ignore[attr-defined]


ACTIVITY = {"id": "a1", "hours_per_month": 10, "client_group": "particulier"}


def test_a_voucher_the_rules_do_not_allow_is_an_error_naming_why() -> None:
    handyman = {**ACTIVITY, "kind": "klusjes", "payment": "dienstencheque"}
    (alert,) = alerts(grants=[LDE_GRANT], activities=[handyman])
    assert (alert.code, alert.subject) == ("voucher_not_allowed", "a1")
    assert alert.details["reasons"] == ["kind", "recognition"]
    company = {
        **ACTIVITY,
        "kind": "tuin",
        "payment": "pwa_cheque",
        "price_per_hour": 6,
        "client_group": "bedrijf",
    }
    (alert,) = alerts(grants=[LDE_GRANT], activities=[company])
    assert alert.details["reasons"] == ["client_group"]


def test_an_allowed_voucher_raises_nothing() -> None:
    ironing = {**ACTIVITY, "kind": "strijk", "payment": "dienstencheque"}
    garden = {**ACTIVITY, "id": "a2", "kind": "tuin", "payment": "pwa_cheque", "price_per_hour": 6}
    found = alerts(
        recognitions=["lde", "dienstencheque_onderneming"],
        grants=[LDE_GRANT],
        activities=[ironing, garden],
    )
    assert found == []


def test_the_sine_allowance_stopping_after_its_band_while_employed_is_a_funding_cliff() -> None:
    # Age 30 at start 2006-01 with 12 months of unemployment (< 24): the 11-quarter band
    # (RULEBOOK v1.2 §3.3), so the allowance runs 2006-Q1 .. 2008-Q3 and stops in October 2008
    # while the worker stays: a drop of 500 a month.
    young = person(birth_date="1976-01-01", unemployed_months=12)
    (alert,) = alerts(
        horizon={"start": "2006-01", "months": 36}, people=[young], grants=[LDE_GRANT]
    )
    assert (alert.code, alert.subject) == ("funding_cliff", "w1")
    assert alert.details == {
        "statute": "sine",
        "component": "herinschakelingsuitkering",
        "month": 2008 * 12 + 9,
        "monthly_drop": 50_000,
    }
    assert "oktober 2008" in alert.message("nl") and "€\xa0500,00" in alert.message("nl")


def test_no_funding_cliff_when_the_employment_itself_ends() -> None:
    leaving = person(birth_date="1976-01-01", end_date="2007-12-31")
    found = alerts(horizon={"start": "2006-01", "months": 36}, people=[leaving], grants=[LDE_GRANT])
    assert found == []


def test_no_funding_cliff_for_the_quarterly_forfait_or_beyond_the_horizon() -> None:
    # Age 50: the allowance is unlimited; the quarterly RSZ forfait is 0 in non-quarter-end
    # months, which is not a cliff. A 24-month horizon ends before the young worker's stop.
    older = person(birth_date="1956-01-01")
    assert (
        alerts(horizon={"start": "2006-01", "months": 36}, people=[older], grants=[LDE_GRANT]) == []
    )
    young = person(birth_date="1976-01-01")
    assert (
        alerts(horizon={"start": "2006-01", "months": 24}, people=[young], grants=[LDE_GRANT]) == []
    )


def test_an_alert_calls_a_person_by_the_name_when_the_file_gives_one() -> None:
    (alert,) = alerts(people=[person(statute="art60", name="Fatima")], grants=[LDE_GRANT])
    assert alert.subject == "w1"  # the id stays the key
    assert alert.message("nl").startswith("Fatima staat op artikel 60 §7")
    assert alert.message("en").startswith("Fatima is on article 60 §7")
