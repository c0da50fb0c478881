"""The example initiatives in examples/, planned through the command line.

Every figure asserted here was computed by hand from RULEBOOK.md; the arithmetic is written next
to each assertion. Conventions (RULEBOOK §1): whole months, quarterly forfaits booked in the last
month of each calendar quarter, yearly amounts paid 1/12 a month, lines rounded half-up per year.
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
EXAMPLE_NAMES = sorted(path.stem for path in EXAMPLES.glob("*.yaml"))
# Every wage statute of RULEBOOK v1.2 §3 (CONTRACT §4: `people[].eligible` holds each of them).
STATUTES = {
    "sine",
    "art60",
    "twe",
    "gesco",
    "activa",
    "activa_start",
    "wep_plus",
    "aanwervingsincentive",
    "dgv_zonder_werkervaring",
    "maatwerk",
    "vop",
}
LEAVES = ("I", "II", "III", "IV")
MONEY = re.compile(r"^-?\d+\.\d{2}$")
LINE_KEYS = {
    "leaf",
    "measure",
    "component",
    "funder",
    "person",
    "activity",
    "year",
    "amount",
    "status",
}

BIK = "bik-klusjesdienst"
ANTWERPEN = "antwerpen-labour-for-neighbour"
OCMW = "ocmw-art60-2006"
TWE = "twe-ocmw-2017"
MAATWERK = "maatwerk-strijkatelier-2024"


@functools.cache
def plan(name: str) -> dict[str, Any]:
    """The plan JSON of examples/<name>.yaml, computed once per test session."""
    path = EXAMPLES / f"{name}.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "klaverblad", "plan", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, f"{name}: exit {result.returncode}\n{result.stderr}"
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def lines(name: str, **fields: Any) -> list[dict[str, Any]]:
    """The plan's lines whose fields have all the given values."""
    return [
        line
        for line in plan(name)["lines"]
        if all(line[key] == value for key, value in fields.items())
    ]


def amount(name: str, **fields: Any) -> str:
    """The amount of the one line that has the given field values."""
    found = lines(name, **fields)
    assert len(found) == 1, f"expected one line with {fields}, found {found}"
    return str(found[0]["amount"])


def year(name: str, which: int) -> dict[str, Any]:
    found = [entry for entry in plan(name)["years"] if entry["year"] == which]
    assert len(found) == 1, f"expected one year {which} in {name}"
    return found[0]


def person(name: str, person_id: str) -> dict[str, Any]:
    found = [entry for entry in plan(name)["people"] if entry["id"] == person_id]
    assert len(found) == 1, f"expected one person {person_id} in {name}"
    return found[0]


def alert_subjects(name: str, code: str) -> set[str]:
    return {alert["subject"] for alert in plan(name)["alerts"] if alert["code"] == code}


def euros(text: str) -> Decimal:
    return Decimal(text)


# --- the contract (CONTRACT §4) holds for every example -------------------------------------


def test_there_are_the_two_report_cases_and_at_least_three_more_examples() -> None:
    assert {BIK, ANTWERPEN, OCMW, TWE, MAATWERK} <= set(EXAMPLE_NAMES)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_example_plans_with_the_schema_and_echoes_its_id_and_horizon(name: str) -> None:
    data = plan(name)
    assert data["schema"] == "klaverblad.plan/1"
    assert data["initiative"]["id"] == name
    assert set(data["horizon"]) == {"start", "months"}
    assert isinstance(data["rules"]["reforms"], list)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_amount_of_every_example_is_a_string_with_two_decimals(name: str) -> None:
    data = plan(name)
    money = [data["totals"][key] for key in ("costs", "funding", "gap")]
    money += [data["leaves"][leaf] for leaf in LEAVES]
    for entry in data["years"]:
        money += [entry[key] for key in ("costs", "funding", "gap")]
        money += [entry["leaves"][leaf] for leaf in LEAVES]
    money += [line["amount"] for line in data["lines"]]
    if data["break_even_price"] is not None:
        money.append(data["break_even_price"])
    for value in money:
        assert isinstance(value, str) and MONEY.match(value), value


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_line_of_every_example_has_the_contract_fields(name: str) -> None:
    for line in plan(name)["lines"]:
        assert set(line) == LINE_KEYS
        assert line["leaf"] in LEAVES
        assert line["status"] in {"computed", "entered", "not_computable"}


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_lines_leaves_and_years_of_every_example_add_up_to_its_totals(name: str) -> None:
    data = plan(name)
    totals = {key: euros(data["totals"][key]) for key in ("costs", "funding", "gap")}
    assert sum(euros(line["amount"]) for line in data["lines"]) == totals["funding"]
    assert sum(euros(data["leaves"][leaf]) for leaf in LEAVES) == totals["funding"]
    for key in ("costs", "funding", "gap"):
        assert sum(euros(entry[key]) for entry in data["years"]) == totals[key]
    assert totals["gap"] == totals["costs"] - totals["funding"]
    for leaf in LEAVES:
        by_year = sum(euros(entry["leaves"][leaf]) for entry in data["years"])
        by_line = sum(euros(line["amount"]) for line in data["lines"] if line["leaf"] == leaf)
        assert by_year == by_line == euros(data["leaves"][leaf])
    for entry in data["years"]:
        funding = euros(entry["funding"])
        assert euros(entry["gap"]) == euros(entry["costs"]) - funding
        assert sum(euros(entry["leaves"][leaf]) for leaf in LEAVES) == funding
        assert (
            sum(euros(line["amount"]) for line in data["lines"] if line["year"] == entry["year"])
            == funding
        )


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_person_of_every_example_is_judged_for_every_v1_2_statute(name: str) -> None:
    for entry in plan(name)["people"]:
        assert set(entry["eligible"]) == STATUTES
        assert entry["chosen_by"] in {"file", "best"}


# --- vzw BIK (report §5) ---------------------------------------------------------------------


def test_the_bik_plan_covers_2006_and_2007() -> None:
    assert [entry["year"] for entry in plan(BIK)["years"]] == [2006, 2007]


def test_a_full_time_sine_worker_at_bik_brings_10000_in_2006() -> None:
    # w1 from 2006-01-01, 1.0 FTE, aged 37: RSZ forfait 4 quarters × 1000 = 4000.00 and
    # herinschakelingsuitkering 12 × 500 = 6000.00: the report's "10 000 euro (4000 en 6000 euro)".
    rsz = amount(BIK, measure="sine", component="doelgroepvermindering", person="w1", year=2006)
    allowance = amount(
        BIK, measure="sine", component="herinschakelingsuitkering", person="w1", year=2006
    )
    assert (rsz, allowance) == ("4000.00", "6000.00")
    assert lines(BIK, measure="sine", person="w1", year=2006)[0]["funder"] == "federaal"
    assert lines(BIK, measure="sine", person="w1", year=2006)[0]["leaf"] == "II"


def test_the_sine_allowance_at_bik_still_runs_in_the_second_year_for_a_worker_under_45() -> None:
    # months of employment 13..24 ≤ 24: 12 × 500 = 6000.00; RSZ 4 × 1000 = 4000.00
    assert (
        amount(BIK, measure="sine", component="herinschakelingsuitkering", year=2007) == "6000.00"
    )
    assert amount(BIK, measure="sine", component="doelgroepvermindering", year=2007) == "4000.00"


def test_the_lde_grants_of_bik_bring_the_reports_8000_and_1200_a_year_as_two_lines() -> None:
    # "8000 euro werkingsmiddelen" and "1200 euro omkadering", each 12 × amount/12 a year, kept
    # apart by their component; together 9200.00 of leaf I.
    for which in (2006, 2007):
        assert amount(BIK, measure="lde", component="werkingsmiddelen", year=which) == "8000.00"
        assert amount(BIK, measure="lde", component="omkadering", year=which) == "1200.00"
        leaf_i = lines(BIK, leaf="I", measure="lde", funder="Vlaams", year=which)
        assert sum(Decimal(line["amount"]) for line in leaf_i) == Decimal("9200.00")
    assert lines(BIK, measure="lde")[0]["status"] == "entered"
    assert lines(BIK, measure="lde")[0]["person"] is None


def test_the_art60_worker_placed_at_bik_follows_the_leefloon_indexation_of_october_2006() -> None:
    # w2, 1.0 FTE, 2006-01..2006-12: 9 × 834.14 = 7507.26 (Jan-Sep) + 3 × 859.31 = 2577.93
    # (Oct-Dec) = 10085.19
    assert amount(BIK, measure="art60", component="staatstoelage", year=2006) == "10085.19"
    assert lines(BIK, measure="art60", person="w2")[0]["funder"] == "federaal"
    # the contract ended 2006-12-31: nothing in 2007
    assert lines(BIK, measure="art60", year=2007) == []


def test_the_art60_verhoogde_toelage_at_bik_is_an_entered_grant_for_2006() -> None:
    # illustrative 2400.00 a year, from 2006-01 until 2006-12: 12 × 200 = 2400.00
    assert amount(BIK, leaf="II", measure="art60_verhoogd", year=2006) == "2400.00"
    assert lines(BIK, measure="art60_verhoogd", year=2007) == []


def test_the_activa_worker_at_bik_gets_the_36_months_of_the_2002_2006_table() -> None:
    # w3 aged 22 at a 2006 start, 24 months unemployed: band < 45 and ≥ 24 of the 2002–2006
    # table → 36 months from 2006-01 (RULEBOOK v1.2 §3.4): 12 × 500 = 6000.00 in 2006 and in
    # 2007, and no cliff inside the horizon (it ends in 2008-12).
    assert amount(BIK, measure="activa", component="werkuitkering", year=2006) == "6000.00"
    assert amount(BIK, measure="activa", component="werkuitkering", year=2007) == "6000.00"
    assert "w3" not in alert_subjects(BIK, "funding_cliff")


def test_the_wep_plus_grant_at_bik_is_booked_for_exactly_18_months() -> None:
    # 9000 a year = 750 a month, only in w4's WEP+ months 1..18 (2006-01 .. 2007-06):
    # 2006: 12 × 750 = 9000.00; 2007: 6 × 750 = 4500.00; 18 × 750 = 13500
    assert amount(BIK, measure="wep_plus", component="toelage", year=2006) == "9000.00"
    assert amount(BIK, measure="wep_plus", component="toelage", year=2007) == "4500.00"
    line = lines(BIK, measure="wep_plus", year=2006)[0]
    assert (line["leaf"], line["funder"], line["status"]) == ("II", "Vlaams + federaal", "entered")
    assert person(BIK, "w4")["statute"] == "wep_plus"


def test_pwa_cheques_at_bik_are_memo_lines_of_hours_times_4_95_in_the_employment_leaf() -> None:
    # 60 h × 4.95 = 297.00 a month × 12 = 3564.00 per year, outside the initiative's accounts
    # (RULEBOOK v1.2 §1, §4.2): memo lines, never plan lines.
    assert lines(BIK, measure="pwa") == []
    for which in (2006, 2007):
        line = [m for m in plan(BIK)["memo_lines"] if m["year"] == which]
        assert len(line) == 1
        assert line[0]["amount"] == "3564.00"
        assert (line[0]["leaf"], line[0]["measure"], line[0]["activity"]) == (
            "II",
            "pwa",
            "klussen",
        )
        assert (line[0]["component"], line[0]["funder"]) == ("kansarm", "gebruikers (PWA)")


def test_the_dienstencheque_transport_at_bik_splits_into_user_and_public_part() -> None:
    # 50 h a month. 2006 (since 2005-01-01: 21.00 / 6.70): user 50 × 6.70 × 12 = 4020.00,
    # public 50 × (21.00 − 6.70) × 12 = 50 × 14.30 × 12 = 8580.00.
    # 2007 (20.00 / 6.70): user 4020.00, public 50 × 13.30 × 12 = 7980.00.
    assert amount(BIK, measure="dienstencheque", component="gebruiker", year=2006) == "4020.00"
    assert amount(BIK, measure="dienstencheque", component="overheid", year=2006) == "8580.00"
    assert amount(BIK, measure="dienstencheque", component="gebruiker", year=2007) == "4020.00"
    assert amount(BIK, measure="dienstencheque", component="overheid", year=2007) == "7980.00"
    assert lines(BIK, measure="dienstencheque", component="overheid")[0]["funder"] == "federaal"
    assert lines(BIK, measure="dienstencheque", component="gebruiker")[0]["funder"] == (
        "gebruikers"
    )


def test_the_agreements_of_bik_are_booked_per_policy_domain_in_leaf_iv() -> None:
    # per year: amount_per_year, or hours × amount_per_hour × 12
    expected = {
        ("kinderopvang", "Kind en Gezin"): "6000.00",
        ("jeugd", "CBJZ/jeugdrechtbank"): "1800.00",
        ("onderwijs", "Stad Kortrijk (onderwijs)"): "2880.00",  # 40 h × 6.00 × 12
        ("cultuur", "Cultureel participatiefonds"): "1200.00",
        ("milieu", "Milieudienst Stad Kortrijk"): "3000.00",
        ("wonen", "Sociale huisvestingsmaatschappij"): "3600.00",  # 60 h × 5.00 × 12
        ("welzijn", "vzw dagcentrum"): "2400.00",
    }
    for (domain, funder), value in expected.items():
        found = lines(BIK, measure="beleidsdomein", component=domain, funder=funder, year=2006)
        assert len(found) == 1, (domain, funder)
        assert (found[0]["leaf"], found[0]["amount"], found[0]["status"]) == (
            "IV",
            value,
            "entered",
        )


def test_the_cash_activities_of_bik_are_client_revenue_of_low_income_clients() -> None:
    # kinderopvang 80 h × 2.00 × 12 = 1920.00; huiswerk 40 h × 1.00 × 12 = 480.00
    assert amount(BIK, measure="klantbijdrage", activity="kinderopvang", year=2006) == "1920.00"
    assert amount(BIK, measure="klantbijdrage", activity="huiswerk", year=2006) == "480.00"
    line = lines(BIK, measure="klantbijdrage", activity="kinderopvang", year=2006)[0]
    # RULEBOOK §4.2: "component and funder = the client group".
    assert (line["leaf"], line["component"], line["funder"]) == ("III", "kansarm", "kansarm")


def test_the_bik_leaves_add_up_per_year_as_computed_by_hand() -> None:
    # 2006  I: lde 9200
    #      II: art60_verhoogd 2400 + wep_plus 9000 + sine 4000 + 6000 + art60 10085.19
    #          + activa 6000 = 37485.19 (the PWA cheques' 3564 are memo lines, in no leaf)
    #     III: dienstencheque 4020 + 8580 + cash 1920 + 480 = 15000
    #      IV: 6000 + 1800 + 2880 + 1200 + 3000 + 3600 + 2400 = 20880
    assert year(BIK, 2006)["leaves"] == {
        "I": "9200.00",
        "II": "37485.19",
        "III": "15000.00",
        "IV": "20880.00",
    }
    # 2007 II: wep_plus 4500 + sine 10000 + activa 6000 (w3's 36-month band, months 13–24)
    #          = 20500 (no PWA: memo lines)
    #     III: 4020 + 7980 + 1920 + 480 = 14400
    assert year(BIK, 2007)["leaves"] == {
        "I": "9200.00",
        "II": "20500.00",
        "III": "14400.00",
        "IV": "20880.00",
    }


def test_the_bik_costs_are_the_wages_of_employed_months_plus_operating_costs() -> None:
    # 2006: (2100 + 2000 + 1900 + 2000 + 1500) × 12 = 114000 + 6000 operating = 120000
    # 2007: w2 has left: (2100 + 1900 + 2000 + 1500) × 12 = 90000 + 6000 = 96000
    assert year(BIK, 2006)["costs"] == "120000.00"
    assert year(BIK, 2007)["costs"] == "96000.00"
    assert plan(BIK)["totals"]["costs"] == "216000.00"


def test_the_bik_gap_is_costs_minus_funding() -> None:
    # funding 2006: 9200 + 37485.19 + 15000 + 20880 = 82565.19 → gap 120000 − 82565.19
    # funding 2007: 9200 + 20500 + 14400 + 20880 = 64980.00   → gap 96000 − 64980
    assert (year(BIK, 2006)["funding"], year(BIK, 2006)["gap"]) == ("82565.19", "37434.81")
    assert (year(BIK, 2007)["funding"], year(BIK, 2007)["gap"]) == ("64980.00", "31020.00")
    assert plan(BIK)["totals"] == {
        "costs": "216000.00",
        "funding": "147545.19",  # 82565.19 + 64980
        "gap": "68454.81",  # 216000 − 147545.19
    }


def test_the_bik_break_even_price_covers_the_gap_with_the_cash_hours() -> None:
    # cash hours (80 + 40) × 24 = 2880; cash revenue (160 + 40) × 24 = 4800
    # The PWA cheques are no funding (memo lines, RULEBOOK v1.2 §5):
    # p = (216000 − (147545.19 − 4800)) / 2880 = 73254.81 / 2880 = 25.4357… → 25.44
    assert plan(BIK)["break_even_price"] == "25.44"


def test_not_all_of_the_old_team_at_bik_can_switch_to_sine() -> None:
    # w2 (leefloon, 3 months < 6) and w4 (hoger_secundair: not low-skilled) are not
    # SINE-eligible in an initiative with recognition lde; w3 (Activa) is.
    assert person(BIK, "w4")["eligible"]["sine"] is False
    assert person(BIK, "w2")["eligible"]["sine"] is False
    assert person(BIK, "w3")["eligible"]["sine"] is True
    assert {"w2", "w4"} <= alert_subjects(BIK, "sine_not_eligible")
    assert "w3" not in alert_subjects(BIK, "sine_not_eligible")


def test_the_low_income_prices_at_bik_stay_below_the_dienstencheque_user_price() -> None:
    # kansarm pays 4.95 (PWA), 2.00 and 1.00 per hour, all below 6.70 in 2006 and 2007
    assert alert_subjects(BIK, "affordability") == set()


def test_the_small_bik_team_is_flagged_as_a_fragmented_initiative() -> None:
    # at most 4 target FTE (w1..w4 in 2006) < 5
    assert BIK in alert_subjects(BIK, "fragmentation")


def test_the_people_of_bik_keep_the_statutes_named_in_the_file() -> None:
    expected = {"w1": "sine", "w2": "art60", "w3": "activa", "w4": "wep_plus", "s1": "regular"}
    for person_id, statute in expected.items():
        assert person(BIK, person_id)["statute"] == statute
        assert person(BIK, person_id)["chosen_by"] == "file"


# --- Stad Antwerpen (report §5) --------------------------------------------------------------


def test_the_omkadering_gesco_of_antwerpen_is_booked_in_leaf_i() -> None:
    # s1: basic premium 5035.01 a year × 1.0 FTE (12 × 5035.01/12, exact) = 5035.01
    # s2: higher premium 13163.15 × 0.5 FTE = 6581.575 a year → 6581.58 (half-up)
    for which in (2006, 2007, 2008):
        assert amount(ANTWERPEN, measure="gesco", person="s1", year=which) == "5035.01"
        assert amount(ANTWERPEN, measure="gesco", person="s2", year=which) == "6581.58"
    line = lines(ANTWERPEN, measure="gesco", person="s1", year=2006)[0]
    assert (line["leaf"], line["component"], line["funder"]) == ("I", "premie", "Vlaams")


def test_a_gesco_target_worker_in_antwerpen_is_booked_in_leaf_ii() -> None:
    # w3: 5035.01 a year × 1.0 FTE
    line = lines(ANTWERPEN, measure="gesco", person="w3", year=2007)
    assert len(line) == 1
    assert (line[0]["leaf"], line[0]["amount"]) == ("II", "5035.01")


def test_the_lokaal_actieplan_of_antwerpen_is_degressive() -> None:
    # 20000 a year × 1.0, 0.75, 0.5 per plan year (the horizon starts in January)
    expected = {2006: "20000.00", 2007: "15000.00", 2008: "10000.00"}
    for which, value in expected.items():
        assert amount(ANTWERPEN, measure="lokaal_actieplan", year=which) == value
    assert lines(ANTWERPEN, measure="lokaal_actieplan")[0]["leaf"] == "I"


def test_the_sociale_werkplaats_premiums_of_antwerpen_are_entered_in_leaves_i_and_ii() -> None:
    # omkaderingspremie 18000 a year (leaf I), doelgroeppremie 6000 a year (leaf II)
    for which in (2006, 2007, 2008):
        assert amount(ANTWERPEN, measure="swp", leaf="I", year=which) == "18000.00"
        assert amount(ANTWERPEN, measure="swp", leaf="II", year=which) == "6000.00"


def test_the_art60_worker_in_antwerpen_works_23_months_at_0_8_fte_across_three_indexations() -> (
    None
):
    # aged 40 → 18 months; ceil(18 / 0.8) = 23: 2006-04 .. 2008-02
    # 2006: 6 × 834.14 × 0.8 = 4003.872 + 3 × 859.31 × 0.8 = 2062.344 → 6066.216 → 6066.22
    # 2007: 3 × 687.448 = 2062.344 + 9 × 876.50 × 0.8 = 6310.80 → 8373.144 → 8373.14
    # 2008: 2 × 911.93 × 0.8 = 1459.088 → 1459.09
    expected = {2006: "6066.22", 2007: "8373.14", 2008: "1459.09"}
    for which, value in expected.items():
        assert amount(ANTWERPEN, measure="art60", person="w1", year=which) == value


def test_a_half_time_sine_worker_over_45_in_antwerpen_keeps_the_allowance_every_year() -> None:
    # 0.5 FTE: RSZ 4 × 1000 × 0.5 = 2000.00; allowance 12 × 500 × 0.5 = 3000.00, no limit ≥ 45
    for which in (2006, 2007, 2008):
        assert amount(ANTWERPEN, measure="sine", component="doelgroepvermindering", year=which) == (
            "2000.00"
        )
        assert amount(
            ANTWERPEN, measure="sine", component="herinschakelingsuitkering", year=which
        ) == ("3000.00")


def test_the_activaplan_worker_in_antwerpen_keeps_the_werkuitkering_for_36_months() -> None:
    # aged 29 at a 2006 start, 40 months unemployed: the 2002–2006 table, band < 45 and ≥ 24
    # → 36 months (RULEBOOK v1.2 §3.4): 6000 in each of 2006, 2007 and 2008, no cliff.
    for which in (2006, 2007, 2008):
        assert amount(ANTWERPEN, measure="activa", year=which) == "6000.00"
    assert "w4" not in alert_subjects(ANTWERPEN, "funding_cliff")


def test_the_dienstencheques_in_antwerpen_follow_the_2007_and_2008_price_changes() -> None:
    # 150 h a month.
    # 2006 (21.00/6.70): user 150 × 6.70 × 12 = 12060; public 150 × 14.30 × 12 = 25740
    # 2007 (20.00/6.70): user 12060; public 150 × 13.30 × 12 = 23940
    # 2008: Jan-May (20.28/6.70) user 150 × 6.70 × 5 = 5025, public 150 × 13.58 × 5 = 10185;
    #       Jun-Dec (20.50/7.00) user 150 × 7.00 × 7 = 7350, public 150 × 13.50 × 7 = 14175
    #       → user 12375, public 24360
    expected = {
        2006: ("12060.00", "25740.00"),
        2007: ("12060.00", "23940.00"),
        2008: ("12375.00", "24360.00"),
    }
    for which, (user, public) in expected.items():
        assert amount(ANTWERPEN, measure="dienstencheque", component="gebruiker", year=which) == (
            user
        )
        assert amount(ANTWERPEN, measure="dienstencheque", component="overheid", year=which) == (
            public
        )


def test_the_city_firms_and_private_clients_of_antwerpen_pay_per_hour() -> None:
    # stad 120 h × 12.00 × 12 = 17280; bedrijf 60 × 15.00 × 12 = 10800; particulier
    # 80 × 8.00 × 12 = 7680; each paid by its client group (RULEBOOK §4.2: "component and
    # funder = the client group").
    expected = {
        "stad": ("17280.00", "stad"),
        "bedrijf": ("10800.00", "bedrijf"),
        "particulier": ("7680.00", "particulier"),
    }
    for group, (value, funder) in expected.items():
        found = lines(ANTWERPEN, measure="klantbijdrage", component=group, year=2007)
        assert len(found) == 1, group
        assert (found[0]["leaf"], found[0]["amount"], found[0]["funder"]) == (
            "III",
            value,
            funder,
        )


def test_the_city_and_the_ocmw_of_antwerpen_pay_for_other_services_in_leaf_iv() -> None:
    assert amount(ANTWERPEN, measure="beleidsdomein", funder="Stad Antwerpen", year=2006) == (
        "10000.00"
    )
    assert amount(ANTWERPEN, measure="beleidsdomein", funder="OCMW Antwerpen", year=2006) == (
        "8000.00"
    )
    assert lines(ANTWERPEN, funder="Stad Antwerpen")[0]["component"] == "toerisme"
    assert lines(ANTWERPEN, funder="OCMW Antwerpen")[0]["component"] == "welzijn"


def test_the_antwerpen_costs_and_funding_per_year_are_as_computed_by_hand() -> None:
    # wages (3200 + 1600 + 1100 + 2000 + 1900) × 12 = 117600, + w1 1700 × 9, 12 and 2 months
    # (15300, 20400, 3400), + operating 30000: 2006 162900, 2007 168000, 2008 151000
    # funding, Σ of the rounded lines:
    # 2006 I  5035.01 + 6581.58 + 18000 + 20000 = 49616.59
    #      II 6066.22 + 2000 + 3000 + 5035.01 + 6000 + 6000 = 28101.23
    #      III 12060 + 25740 + 17280 + 10800 + 7680 = 73560; IV 18000 → 169277.82
    # 2007 I 44616.59; II 8373.14 + 5000 + 5035.01 + 6000 + 6000 = 30408.15;
    #      III 12060 + 23940 + 35760 = 71760; IV 18000 → 164784.74
    # 2008 I 39616.59; II 1459.09 + 5000 + 5035.01 + 6000 + 6000 (Activa, v1.2: 36 months)
    #      = 23494.10; III 12375 + 24360 + 35760 = 72495; IV 18000 → 153605.69
    expected = {
        2006: ("162900.00", "169277.82", "-6377.82"),
        2007: ("168000.00", "164784.74", "3215.26"),
        2008: ("151000.00", "153605.69", "-2605.69"),
    }
    for which, (costs, funding, gap) in expected.items():
        entry = year(ANTWERPEN, which)
        assert (entry["costs"], entry["funding"], entry["gap"]) == (costs, funding, gap)
    assert year(ANTWERPEN, 2006)["leaves"] == {
        "I": "49616.59",
        "II": "28101.23",
        "III": "73560.00",
        "IV": "18000.00",
    }
    # 481900 − (169277.82 + 164784.74 + 153605.69 = 487668.25) = −5768.25
    assert plan(ANTWERPEN)["totals"] == {
        "costs": "481900.00",
        "funding": "487668.25",
        "gap": "-5768.25",
    }


def test_the_antwerpen_break_even_price_uses_the_exact_amounts() -> None:
    # exact funding 487668.233 (lines before rounding); cash revenue (1440 + 900 + 640) × 36
    # = 107280; cash hours (120 + 60 + 80) × 36 = 9360
    # p = (481900 − (487668.233 − 107280)) / 9360 = 101511.767 / 9360 = 10.8453 → 10.85
    assert plan(ANTWERPEN)["break_even_price"] == "10.85"


# --- every source of the report's section 5 appears -----------------------------------------


def _has(name: str, **fields: Any) -> bool:
    return bool(lines(name, **fields))


def test_every_source_the_report_lists_for_bik_appears_in_its_plan() -> None:
    sources = {
        "I Decreet 8000 werkingsmiddelen + 1200 omkadering": _has(BIK, leaf="I", measure="lde"),
        "II Artikel 60": _has(BIK, leaf="II", measure="art60", person="w2"),
        "II Artikel 60 verhoogde toelage": _has(BIK, leaf="II", measure="art60_verhoogd"),
        "II Gewone omkadering": person(BIK, "s1")["statute"] == "regular",
        "II SINE 4000": _has(BIK, measure="sine", component="doelgroepvermindering"),
        "II SINE 6000": _has(BIK, measure="sine", component="herinschakelingsuitkering"),
        "II Activa": _has(BIK, leaf="II", measure="activa"),
        "II PWA 4,95": any(m["measure"] == "pwa" for m in plan(BIK)["memo_lines"]),
        "II WEP+": _has(BIK, leaf="II", measure="wep_plus"),
        "III Betaalbaarheid": _has(BIK, leaf="III", measure="klantbijdrage", component="kansarm"),
        "IV Kind en Gezin": _has(BIK, leaf="IV", funder="Kind en Gezin"),
        "IV CBJZ/jeugdrechtbank": _has(BIK, leaf="IV", funder="CBJZ/jeugdrechtbank"),
        "IV Huiswerkbegeleiding": _has(BIK, leaf="IV", component="onderwijs", activity="huiswerk"),
        "IV Cultureel participatiefonds": _has(
            BIK, leaf="IV", funder="Cultureel participatiefonds"
        ),
        "IV Milieudienst": _has(BIK, leaf="IV", component="milieu"),
        "IV Klusjesdienst sociale bouwmij": _has(BIK, leaf="IV", component="wonen"),
        "IV Klusjesdienst bewoners": any(
            m["activity"] == "klussen" for m in plan(BIK)["memo_lines"]
        ),
        "IV Vervoer met dienstencheques": _has(BIK, measure="dienstencheque", activity="vervoer"),
        "IV Overeenkomst vzw dagcentrum": _has(BIK, leaf="IV", funder="vzw dagcentrum"),
        "IV Individuele vraagstellers": _has(BIK, measure="dienstencheque", component="gebruiker"),
    }
    assert [source for source, present in sources.items() if not present] == []


def test_every_source_the_report_lists_for_antwerpen_appears_in_its_plan() -> None:
    sources = {
        "I Omkaderingspremie sociale werkplaatsen": _has(ANTWERPEN, leaf="I", measure="swp"),
        "I Lokaal actieplan (degressief)": _has(ANTWERPEN, leaf="I", measure="lokaal_actieplan"),
        "I Omkadering Gesco": _has(ANTWERPEN, leaf="I", measure="gesco"),
        "II Artikel 60": _has(ANTWERPEN, leaf="II", measure="art60"),
        "II GESCO": _has(ANTWERPEN, leaf="II", measure="gesco"),
        "II SINE": _has(ANTWERPEN, leaf="II", measure="sine"),
        "II SWP": _has(ANTWERPEN, leaf="II", measure="swp"),
        "II Activaplan": _has(ANTWERPEN, leaf="II", measure="activa"),
        "III Dienstencheques": _has(ANTWERPEN, leaf="III", measure="dienstencheque"),
        "III Stad": _has(ANTWERPEN, leaf="III", component="stad", funder="stad"),
        "III Bedrijven": _has(ANTWERPEN, leaf="III", component="bedrijf"),
        "III Inkomsten van particulieren": _has(ANTWERPEN, leaf="III", component="particulier"),
        "IV Stad Antwerpen (toerisme)": _has(
            ANTWERPEN, leaf="IV", component="toerisme", funder="Stad Antwerpen"
        ),
        "IV OCMW": _has(ANTWERPEN, leaf="IV", funder="OCMW Antwerpen"),
    }
    assert [source for source, present in sources.items() if not present] == []


# --- OCMW Aalst: Art. 60 across the 2006 indexation -----------------------------------------


def test_a_full_time_art60_worker_under_36_gets_12_months_across_the_indexation() -> None:
    # a1 from 2006-03, 12 months to 2007-02:
    # 2006: 7 × 834.14 = 5838.98 (Mar-Sep) + 3 × 859.31 = 2577.93 (Oct-Dec) = 8416.91
    # 2007: 2 × 859.31 = 1718.62 (Jan-Feb)
    assert amount(OCMW, measure="art60", person="a1", year=2006) == "8416.91"
    assert amount(OCMW, measure="art60", person="a1", year=2007) == "1718.62"


def test_a_half_time_art60_worker_is_paid_half_the_leefloon_and_rounded_half_up() -> None:
    # a2 0.5 FTE, in the horizon from 2006-03:
    # 2006: 7 × 417.07 = 2919.49 + 3 × 429.655 = 1288.965 → 4208.455 → 4208.46
    # 2007: 3 × 429.655 = 1288.965 + 9 × 438.25 = 3944.25 → 5233.215 → 5233.22
    assert amount(OCMW, measure="art60", person="a2", year=2006) == "4208.46"
    assert amount(OCMW, measure="art60", person="a2", year=2007) == "5233.22"


def test_an_art60_worker_over_50_at_three_quarter_time_follows_both_indexations() -> None:
    # a3 0.75 FTE from 2006-07:
    # 2006: 3 × 625.605 = 1876.815 + 3 × 644.4825 = 1933.4475 → 3810.2625 → 3810.26
    # 2007: 1933.4475 (Jan-Mar) + 9 × 657.375 = 5916.375 → 7849.8225 → 7849.82
    assert amount(OCMW, measure="art60", person="a3", year=2006) == "3810.26"
    assert amount(OCMW, measure="art60", person="a3", year=2007) == "7849.82"
    assert lines(OCMW, measure="art60", person="a3")[0]["component"] == "staatstoelage"


def test_the_engine_chooses_sine_for_a_leefloner_at_the_ocmw_when_the_file_names_none() -> None:
    # a4 from 2006-03, horizon 22 months: sine 8 × 1000 + 22 × 500 = 19000 beats
    # art60 (8416.91 + 1718.62 = 10135.53); no allocated gesco post, so not gesco (v1.2)
    entry = person(OCMW, "a4")
    assert (entry["statute"], entry["chosen_by"]) == ("sine", "best")
    assert entry["eligible"] == {
        "sine": True,
        "art60": True,
        "twe": False,
        "gesco": False,
        "activa": False,
        "activa_start": False,
        "wep_plus": False,
        "aanwervingsincentive": False,
        "dgv_zonder_werkervaring": False,
        "maatwerk": False,
        "vop": False,
    }
    # 2006: RSZ Mar, Jun, Sep, Dec = 4000; allowance Mar-Dec 10 × 500 = 5000
    assert amount(OCMW, measure="sine", component="doelgroepvermindering", year=2006) == "4000.00"
    assert (
        amount(OCMW, measure="sine", component="herinschakelingsuitkering", year=2006) == "5000.00"
    )
    assert (
        amount(OCMW, measure="sine", component="herinschakelingsuitkering", year=2007) == "6000.00"
    )


def test_the_ocmw_plan_adds_up_as_computed_by_hand() -> None:
    # costs 2006 (Mar-Dec): 1900×10 + 1000×10 + 1450×6 + 2000×10 + 2700×10 + 400×10 = 88700
    # costs 2007: 1900×2 + 1000×12 + 1450×12 + 2000×12 + 2700×12 + 4800 = 94400
    # funding 2006: 8416.91 + 4208.46 + 3810.26 + 4000 + 5000 + art60_verhoogd 150×10 = 1500
    #               + tuinhulp 720×10 = 7200 + milieu 400×10 = 4000 = 38135.63
    # funding 2007: 1718.62 + 5233.22 + 7849.82 + 4000 + 6000 + 1800 + 8640 + 4800 = 40041.66
    assert (year(OCMW, 2006)["costs"], year(OCMW, 2006)["funding"]) == ("88700.00", "38135.63")
    assert (year(OCMW, 2007)["costs"], year(OCMW, 2007)["funding"]) == ("94400.00", "40041.66")
    assert amount(OCMW, measure="art60_verhoogd", year=2006) == "1500.00"
    assert plan(OCMW)["totals"] == {
        "costs": "183100.00",
        "funding": "78177.29",
        "gap": "104922.71",
    }


def test_the_ocmw_break_even_price_is_computed_from_exact_amounts() -> None:
    # exact funding 38135.6275 + 40041.6575 = 78177.285; cash 120 h × 6.00 × 22 = 15840;
    # p = (183100 − (78177.285 − 15840)) / (120 × 22) = 120762.715 / 2640 = 45.743… → 45.74
    assert plan(OCMW)["break_even_price"] == "45.74"


# --- OCMW Genk: TWE and the aanwervingsincentive from 2017 ----------------------------------


def test_an_art60_contract_from_2016_runs_out_in_2017_with_the_june_indexation() -> None:
    # o1 2016-07 .. 2017-06: Jan-May 5 × 1089.82 = 5449.10 + Jun 1179.65 = 6628.75
    assert amount(TWE, measure="art60", person="o1", year=2017) == "6628.75"
    assert lines(TWE, measure="art60", year=2018) == []


def test_twe_brings_250_plus_195_a_month_for_the_art60_duration() -> None:
    # RULEBOOK v1.2 §3.2: t1 is 26 at the start (2017-02): base 12 months, ceil(12 / 1) = 12,
    # 2017-02 .. 2018-01: 2017 11 months, 2018 1, 2019 none (the contract runs to 2019-01).
    expected = {2017: 11, 2018: 1}
    for which, months in expected.items():
        inspanning = amount(
            TWE, measure="twe", component="inspanningsvergoeding", person="t1", year=which
        )
        compensatie = amount(
            TWE, measure="twe", component="compensatievergoeding", person="t1", year=which
        )
        assert euros(inspanning) == 250 * months
        assert euros(compensatie) == 195 * months
    assert lines(TWE, measure="twe", person="t1", year=2019) == []
    line = lines(TWE, measure="twe", person="t1", year=2017)[0]
    assert (line["leaf"], line["funder"]) == ("II", "Vlaams")
    cliffs = [
        a for a in plan(TWE)["alerts"] if a["code"] == "funding_cliff" and a["subject"] == "t1"
    ]
    assert cliffs and all(
        "februari 2018" in a["message"] or "February 2018" in a["message"] for a in cliffs
    )


def test_twe_is_not_pro_rata_for_a_half_time_worker() -> None:
    # t2 is 35 at the start: base 12 months, ceil(12 / 0.5) = 24, 2018-07 .. 2020-06;
    # 0.5 FTE from 2018-07: 6 months in 2018 and 6 in 2019 (horizon ends 2019-06)
    # 6 × 250 = 1500.00; 6 × 195 = 1170.00
    for which in (2018, 2019):
        assert amount(
            TWE, measure="twe", component="inspanningsvergoeding", person="t2", year=which
        ) == ("1500.00")
        assert amount(
            TWE, measure="twe", component="compensatievergoeding", person="t2", year=which
        ) == ("1170.00")


def test_the_aanwervingsincentive_pays_1250_in_month_4_and_3000_in_month_13() -> None:
    # h1 from 2017-03: month 4 = 2017-06, month 13 = 2018-03
    assert amount(TWE, measure="aanwervingsincentive", component="premie_3m", year=2017) == (
        "1250.00"
    )
    assert amount(TWE, measure="aanwervingsincentive", component="premie_12m", year=2018) == (
        "3000.00"
    )
    assert lines(TWE, measure="aanwervingsincentive", year=2019) == []
    entry = person(TWE, "h1")
    assert (entry["statute"], entry["chosen_by"]) == ("aanwervingsincentive", "best")
    assert [statute for statute, ok in entry["eligible"].items() if ok] == ["aanwervingsincentive"]


def test_the_twe_ocmw_plan_adds_up_as_computed_by_hand() -> None:
    # costs 2017: 1950×6 + 2050×11 + 2400×10 + 1800×12 + 6000 = 85850
    #       2018: 2050×12 + 1050×6 + 2400×12 + 1800×12 + 6000 = 87300
    #       2019: 2050×1 + 1050×6 + 2400×6 + 1800×6 + 3000 = 36550
    # funding 2017: 6628.75 + 2750 + 2145 + 1250 + groen 19200 + boodschappen 1440
    #               + welzijn 3000 = 36413.75
    #         2018: t1 (January only, v1.2) 250 + 195 + t2 1500 + 1170 + h1 3000 + 19200 + 1440
    #               + 3000 = 29755
    #         2019: t2 1500 + 1170 + 9600 + 720 + 1500 = 14490
    expected = {
        2017: ("85850.00", "36413.75", "49436.25"),
        2018: ("87300.00", "29755.00", "57545.00"),
        2019: ("36550.00", "14490.00", "22060.00"),
    }
    for which, (costs, funding, gap) in expected.items():
        entry = year(TWE, which)
        assert (entry["costs"], entry["funding"], entry["gap"]) == (costs, funding, gap)
    assert amount(TWE, measure="klantbijdrage", component="stad", year=2017) == "19200.00"
    assert lines(TWE, measure="klantbijdrage", component="stad")[0]["funder"] == "stad"
    # 85850 + 87300 + 36550 = 209700; 36413.75 + 29755 + 14490 = 80658.75
    assert plan(TWE)["totals"] == {
        "costs": "209700.00",
        "funding": "80658.75",
        "gap": "129041.25",
    }


def test_the_twe_ocmw_break_even_price_spreads_the_gap_over_invoice_and_cash_hours() -> None:
    # cash/invoice hours (160 + 40) × 30 = 6000; revenue (1600 + 120) × 30 = 51600
    # p = (209700 − (80658.75 − 51600)) / 6000 = 180641.25 / 6000 = 30.106875 → 30.11
    assert plan(TWE)["break_even_price"] == "30.11"


# --- vzw Strijkpunt: individueel maatwerk and the 2025 dienstencheque price -----------------


def test_the_maatwerk_loonpremie_is_the_percentage_of_the_wage_cost() -> None:
    # Flat v1.1 percentages; the cap 2 × GGMMI × FTE (2 × 2070.48 from 2024-05, 2 × 2111.89 from
    # 2025-02) is at least 4140.96 for m1, 2484.576 for m2 (× 0.6), 3312.768 for m3 (× 0.8):
    # above every wage cost, so the loonpremie is pct × wage cost.
    # m1 40 % × 3000 = 1200 a month: 2024 (Jul-Dec) 7200, 2025 14400
    # m2 55 % × 1800 = 990 a month: 2024 (Oct-Dec) 2970, 2025 11880
    # m3 20 % × 2400 = 480 a month: 2024 2880, 2025 5760
    expected = {
        ("m1", 2024): "7200.00",
        ("m1", 2025): "14400.00",
        ("m2", 2024): "2970.00",
        ("m2", 2025): "11880.00",
        ("m3", 2024): "2880.00",
        ("m3", 2025): "5760.00",
    }
    for (person_id, which), value in expected.items():
        line = lines(MAATWERK, component="loonpremie", person=person_id, year=which)
        assert len(line) == 1, (person_id, which)
        assert (line[0]["measure"], line[0]["leaf"], line[0]["amount"]) == (
            "maatwerk",
            "II",
            value,
        )


def test_the_begeleidingspremie_is_1200_a_quarter_for_quarters_1_to_5_then_600() -> None:
    # m1 from 2024-07: k1 Sep-24, k2 Dec-24 → 2400; 2025 k3, k4, k5 1200 + k6 Dec-25 600 = 4200
    # m2 from 2024-10-15: k1 Dec-24 → 1200; 2025 k2..k5 → 4 × 1200 = 4800 (not pro rata 0.6)
    expected = {
        ("m1", 2024): "2400.00",
        ("m1", 2025): "4200.00",
        ("m2", 2024): "1200.00",
        ("m2", 2025): "4800.00",
    }
    for (person_id, which), value in expected.items():
        found = lines(MAATWERK, component="begeleidingspremie_vast", person=person_id, year=which)
        assert len(found) == 1, (person_id, which)
        assert (found[0]["leaf"], found[0]["amount"], found[0]["funder"]) == ("I", value, "Vlaams")
    # m3 has no begeleiding level: v1.2 pays no fixed premie without one (v1.1 paid 1800 + 2400).
    assert sum(
        euros(line["amount"])
        for line in lines(MAATWERK, component="begeleidingspremie_vast", person="m3")
    ) == Decimal(0)


def test_the_variable_begeleidingspremie_depends_on_the_guidance_level() -> None:
    # × FTE (RULEBOOK v1.2 §3.8)
    # m1 midden 730 × 1.0 a quarter: 2024 2 × 730 = 1460; 2025 4 × 730 = 2920
    # m2 hoog 1280 × 0.6 = 768 a quarter: 2024 1 × 768 = 768; 2025 4 × 768 = 3072; m3 none
    assert amount(MAATWERK, component="begeleidingspremie_variabel", person="m1", year=2024) == (
        "1460.00"
    )
    assert amount(MAATWERK, component="begeleidingspremie_variabel", person="m1", year=2025) == (
        "2920.00"
    )
    assert amount(MAATWERK, component="begeleidingspremie_variabel", person="m2", year=2024) == (
        "768.00"
    )
    assert amount(MAATWERK, component="begeleidingspremie_variabel", person="m2", year=2025) == (
        "3072.00"
    )
    assert sum(
        euros(line["amount"])
        for line in lines(MAATWERK, component="begeleidingspremie_variabel", person="m3")
    ) == Decimal(0)


def test_the_dienstencheque_user_price_rises_from_9_to_10_in_2025() -> None:
    # 200 h a month, exchange value 27.50 in both years.
    # 2024 (Jul-Dec): user 200 × 9.00 × 6 = 10800; public 200 × (27.50 − 9.00) × 6 = 22200
    # 2025: user 200 × 10.00 × 12 = 24000; public 200 × (27.50 − 10.00) × 12 = 42000
    assert amount(MAATWERK, measure="dienstencheque", component="gebruiker", year=2024) == (
        "10800.00"
    )
    assert amount(MAATWERK, measure="dienstencheque", component="overheid", year=2024) == (
        "22200.00"
    )
    assert amount(MAATWERK, measure="dienstencheque", component="gebruiker", year=2025) == (
        "24000.00"
    )
    assert amount(MAATWERK, measure="dienstencheque", component="overheid", year=2025) == (
        "42000.00"
    )
    assert lines(MAATWERK, component="overheid", year=2025)[0]["funder"] == "Vlaams"


def test_the_ironing_workshop_plan_adds_up_as_computed_by_hand() -> None:
    # costs 2024: 3000×6 + 1800×3 + 2400×6 + 2300×6 + 12000/2 = 57600
    #       2025: (3000 + 1800 + 2400 + 2300) × 12 + 12000 = 126000
    # leaves 2024: I m1 2400 + 1460, m2 1200 + 768 = 5828; II 7200 + 2970 + 2880 = 13050;
    #              III 10800 + 22200 = 33000 → 51878
    # leaves 2025: I m1 4200 + 2920, m2 4800 + 3072 = 14992; II 14400 + 11880 + 5760 = 32040;
    #              III 24000 + 42000 = 66000 → 113032
    # (v1.1 had 11930 as the gap: m3's fixed premie 1800 + 2400 and m2's variable premie
    # 2560 = 5 × 1280 × 0.4 are gone: 11930 + 4200 + 2560 = 18690.)
    assert year(MAATWERK, 2024)["leaves"] == {
        "I": "5828.00",
        "II": "13050.00",
        "III": "33000.00",
        "IV": "0.00",
    }
    assert year(MAATWERK, 2025)["leaves"] == {
        "I": "14992.00",
        "II": "32040.00",
        "III": "66000.00",
        "IV": "0.00",
    }
    assert plan(MAATWERK)["totals"] == {
        "costs": "183600.00",  # 57600 + 126000
        "funding": "164910.00",  # 51878 + 113032
        "gap": "18690.00",  # 183600 − 164910
    }


def test_an_initiative_paid_only_with_dienstencheques_has_no_break_even_price() -> None:
    assert plan(MAATWERK)["break_even_price"] is None
