"""How amounts are booked over the horizon (RULEBOOK §1, §3–5), checked by hand."""

import numpy

from klaverblad.plan.financing_plan import compute_plan
from klaverblad.plan.initiative_lines import year_runs
from tests.builders import initiative, person
from tests.plan.helpers import cents, statuses

VZW = {"name": "vzw", "legal_form": "vzw", "municipality": "Kortrijk"}


def test_a_full_time_sine_year_is_4000_plus_6000_as_in_the_2006_report() -> None:
    plan = compute_plan(initiative(people=[person()]))
    assert cents(plan, component="doelgroepvermindering", year=2006) == 400_000
    assert cents(plan, component="herinschakelingsuitkering", year=2006) == 600_000
    assert {line.funder for line in plan.lines if line.measure == "sine"} == {"federaal"}


def test_sine_switches_from_federaal_to_vlaams_on_2014_07_01() -> None:
    # 2014: quarters 1–2 federal (2 × 1000), 3–4 Flemish; allowance 6 × 500 each side. The
    # worker is 45+ at start so the allowance has no 24-month limit.
    plan = compute_plan(
        initiative(
            horizon={"start": "2014-01", "months": 12},
            people=[person(start_date="2013-01-01")],
        )
    )
    assert cents(plan, measure="sine", funder="federaal") == 200_000 + 300_000
    assert cents(plan, measure="sine", funder="Vlaams") == 200_000 + 300_000


def test_a_quarterly_forfait_is_booked_only_in_a_quarter_end_inside_the_horizon() -> None:
    # Horizon 2006-02..2006-04: only 2006-03 is a quarter end inside it. The worker left on
    # 2006-02-28, after being employed in January and February: quarter 1 is still booked.
    plan = compute_plan(
        initiative(
            horizon={"start": "2006-02", "months": 3},
            people=[person(end_date="2006-02-28", fte=0.5)],
        )
    )
    assert cents(plan, component="doelgroepvermindering") == 50_000  # 1000 × 0.5
    assert cents(plan, component="herinschakelingsuitkering") == 25_000  # February only: 500 × 0.5


def test_gesco_pro_rata_fte_sums_exactly_over_the_year() -> None:
    # 5035.01 / 12 × 0.7 = 293.70891666… a month; × 12 = 3524.507 -> 3524.51 (half up).
    plan = compute_plan(initiative(people=[person(statute="gesco", fte=0.7)]))
    assert cents(plan, measure="gesco") == 352_451


def test_art60_before_the_first_known_leefloon_is_not_computable() -> None:
    # The leefloon cat. 3 is known from 2005-08: 2005-06 and 2005-07 are not computable;
    # 2005-08..2005-12 = 5 × 834.14 = 4170.70.
    plan = compute_plan(
        initiative(
            promoter={"name": "OCMW", "legal_form": "ocmw", "municipality": "Gent"},
            recognitions=[],
            horizon={"start": "2005-06", "months": 7},
            people=[person(status="leefloon", start_date="2005-06-01", statute="art60")],
        )
    )
    assert cents(plan, measure="art60", status="computed") == 417_070
    assert statuses(plan, measure="art60") == {"computed", "not_computable"}


def test_grants_follow_their_degression_and_window() -> None:
    # 12 000 a year = 1 000 a month. Plan years from the horizon start 2006-07: months
    # 2006-07..2007-06 factor 1.0, 2007-07..2008-06 factor 0.75, then 0.5 holds. Window
    # from 2006-10 until 2008-09.
    grant = {
        "measure": "lokaal_actieplan",
        "funder": "Stad",
        "amount_per_year": 12000,
        "degression": [1.0, 0.75, 0.5],
        "from": "2006-10",
        "until": "2008-09",
    }
    plan = compute_plan(
        initiative(recognitions=[], horizon={"start": "2006-07", "months": 36}, grants=[grant])
    )
    assert cents(plan, measure="lokaal_actieplan", year=2006) == 3 * 100_000
    assert cents(plan, measure="lokaal_actieplan", year=2007) == 6 * 100_000 + 6 * 75_000
    assert cents(plan, measure="lokaal_actieplan", year=2008) == 6 * 75_000 + 3 * 50_000
    assert {line.leaf for line in plan.lines if line.measure == "lokaal_actieplan"} == {"I"}


def test_an_lde_grant_is_booked_only_while_lde_exists_and_uncovered_months_are_flagged() -> None:
    # LDE support ends on 2023-07-01: of an 8 400 a year grant over 2023, only January–June
    # (6 × 700) is booked. A second initiative without a grant gets a not_computable line.
    grant = {"measure": "lde", "funder": "Vlaams", "amount_per_year": 8400}
    plan = compute_plan(initiative(horizon={"start": "2023-01", "months": 12}, grants=[grant]))
    assert cents(plan, measure="lde") == 420_000
    assert statuses(plan, measure="lde") == {"entered"}
    plan = compute_plan(initiative(horizon={"start": "2023-01", "months": 12}))
    assert statuses(plan, measure="lde") == {"not_computable"}
    assert [int(m) % 12 + 1 for m in plan.booking.uncovered_months["lde"]] == [1, 2, 3, 4, 5, 6]


def test_an_lde_grant_without_the_recognition_books_nothing() -> None:
    grant = {"measure": "lde", "funder": "Vlaams", "amount_per_year": 8400}
    plan = compute_plan(initiative(recognitions=[], grants=[grant]))
    assert cents(plan, measure="lde") == 0


def test_a_wep_plus_grant_is_booked_only_in_months_someone_applies_wep_plus() -> None:
    # WEP+ extended to 18 months from 2006-01: January 2006 – June 2007. A 6 000 a year grant
    # (500 a month) over a 24-month horizon: 12 × 500 in 2006 and 6 × 500 in 2007.
    wep = person(statute="wep_plus", wep_verlengd=True, unemployed_months=24)
    grant = {"measure": "wep_plus", "funder": "VDAB", "amount_per_year": 6000}
    plan = compute_plan(
        initiative(horizon={"start": "2006-01", "months": 24}, people=[wep], grants=[grant])
    )
    assert cents(plan, measure="wep_plus", year=2006) == 600_000
    assert cents(plan, measure="wep_plus", year=2007) == 300_000
    without_grant = compute_plan(initiative(people=[wep]))
    assert statuses(without_grant, measure="wep_plus") == {"not_computable"}


ACTIVITY = {"id": "a1", "hours_per_month": 100, "client_group": "particulier"}


def test_dienstencheques_split_into_user_price_and_public_part() -> None:
    # 2024: exchange value 27.50, user price 9.00 -> 100 h × 9.00 = 900 user, 100 × 18.50 =
    # 1 850 public per month; 2025: user price 10.00 -> 1 000 and 1 750.
    activity = {**ACTIVITY, "kind": "strijk", "payment": "dienstencheque"}
    plan = compute_plan(
        initiative(
            recognitions=["dienstencheque_onderneming"],
            horizon={"start": "2024-01", "months": 24},
            activities=[activity],
        )
    )
    assert cents(plan, component="gebruiker", year=2024) == 12 * 90_000
    assert cents(plan, component="overheid", year=2024) == 12 * 185_000
    assert cents(plan, component="gebruiker", year=2025) == 12 * 100_000
    assert cents(plan, component="overheid", year=2025) == 12 * 175_000
    assert {line.funder for line in plan.lines if line.component == "overheid"} == {"Vlaams"}


def test_a_dienstencheque_for_a_task_outside_the_list_earns_nothing() -> None:
    activity = {**ACTIVITY, "kind": "klusjes", "payment": "dienstencheque"}
    plan = compute_plan(
        initiative(recognitions=["dienstencheque_onderneming"], activities=[activity])
    )
    assert cents(plan, measure="dienstencheque") == 0
    assert plan.booking.voucher_refusals["a1"].reasons == ("kind",)


def test_pwa_cheques_are_employment_leaf_and_respect_the_price_range_by_month() -> None:
    # 4.95 is allowed until 2017-12 and below the wijk-werk minimum of 5.95 from 2018-01.
    activity = {**ACTIVITY, "kind": "klusjes", "payment": "pwa_cheque", "price_per_hour": 4.95}
    plan = compute_plan(
        initiative(horizon={"start": "2017-07", "months": 12}, activities=[activity])
    )
    # Memo lines (RULEBOOK v1.2 §1): 6 months × 100 h × 4.95 in 2017, nothing in 2018.
    memo = {(line.measure, line.leaf, line.year): line.cents for line in plan.memo_lines}
    assert memo == {("pwa", "II", 2017): 6 * 100 * 495}
    assert cents(plan, measure="pwa") == 0  # no plan line: the cheques are no funding
    assert plan.booking.voucher_refusals["a1"].reasons == ("price",)


def test_agreements_pay_per_year_or_per_hour_of_an_activity() -> None:
    activity = {
        **ACTIVITY,
        "id": "opvang",
        "kind": "kinderopvang",
        "payment": "cash",
        "price_per_hour": 2,
    }
    agreements = [
        {
            "funder": "Kind en Gezin",
            "domain": "kinderopvang",
            "amount_per_hour": 3.5,
            "activity": "opvang",
        },
        {"funder": "Milieudienst", "domain": "milieu", "amount_per_year": 1000},
    ]
    plan = compute_plan(initiative(activities=[activity], agreements=agreements))
    assert cents(plan, funder="Kind en Gezin", leaf="IV") == 12 * 100 * 350
    assert cents(plan, funder="Milieudienst", component="milieu") == 100_000


def test_costs_gap_and_break_even_price() -> None:
    # One SINE worker at an LDE vzw (2 100 a month), operating costs 15 000:
    # costs 25 200 + 15 000 = 40 200.
    # Funding: SINE 10 000 + cash 300 h × 7.50 × 12 = 27 000 -> 37 000; gap 3 200.
    # Break-even: (40 200 − 10 000) / 3 600 h = 8.3888… -> 8.39.
    activity = {
        **ACTIVITY,
        "kind": "klusjes",
        "payment": "cash",
        "price_per_hour": 7.5,
        "hours_per_month": 300,
    }
    plan = compute_plan(
        initiative(
            promoter=VZW,
            people=[person(statute="sine")],
            activities=[activity],
            costs={"operating_per_year": 15000},
        )
    )
    assert plan.totals.costs_cents == 4_020_000
    assert plan.totals.funding_cents == 3_700_000
    assert plan.totals.gap_cents == 320_000
    assert plan.break_even_cents == 839


def test_totals_reconcile_to_the_cent() -> None:
    plan = compute_plan(
        initiative(
            horizon={"start": "2006-06", "months": 30},
            people=[person(fte=0.3), person(id="w2", statute="gesco", fte=0.7)],
            grants=[
                {
                    "measure": "lde",
                    "funder": "Vlaams",
                    "amount_per_year": 1000.01,
                    "degression": [1, 0.3333],
                }
            ],
        )
    )
    assert sum(line.cents for line in plan.lines) == plan.totals.funding_cents
    assert sum(plan.leaves.values()) == plan.totals.funding_cents
    assert sum(year.totals.funding_cents for year in plan.years) == plan.totals.funding_cents
    assert sum(year.totals.costs_cents for year in plan.years) == plan.totals.costs_cents
    for year in plan.years:
        assert sum(year.leaves.values()) == year.totals.funding_cents


def test_the_horizon_can_be_overridden() -> None:
    plan = compute_plan(initiative(people=[person()]), start="2007-01", months=6)
    assert (plan.first_month, plan.months) == (2007 * 12, 6)
    assert [year.year for year in plan.years] == [2007]


def test_a_horizon_from_november_to_february_has_a_run_for_each_calendar_year() -> None:
    november_2006 = 2006 * 12 + 10
    assert year_runs(numpy.arange(november_2006, november_2006 + 4)) == [(2006, 0, 2), (2007, 2, 4)]
    assert year_runs(numpy.arange(november_2006, november_2006 + 1)) == [(2006, 0, 1)]
