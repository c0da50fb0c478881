"""Which statute a person gets (RULEBOOK §3): the file's, or the best eligible."""

from klaverblad.plan.financing_plan import compute_plan
from tests.builders import initiative, person
from tests.plan.helpers import cents


def test_without_a_statute_in_the_file_the_eligible_statute_worth_most_is_chosen() -> None:
    # A low-skilled long-term unemployed worker at an LDE vzw in 2006 fits SINE (10 000 for the
    # year), GESCO (5 035.01), Activa (16 months × 500 = 6 000 in the year) and WEP+ (no grant:
    # 0). SINE is worth most.
    plan = compute_plan(initiative(people=[person()]))
    (result,) = plan.people
    assert (result.statute, result.chosen_by) == ("sine", "best")
    assert result.eligible == {
        "sine": True,
        "art60": False,
        "twe": False,
        "gesco": True,
        "activa": True,
        # 37 at the start (≥ 26), hired in 2006 (before 2008-10 and 2023-10).
        "activa_start": False,
        "wep_plus": True,
        "aanwervingsincentive": False,
        "dgv_zonder_werkervaring": False,
        "maatwerk": False,
        "vop": False,
    }
    assert cents(plan, measure="sine") == 1_000_000
    assert cents(plan, measure="gesco") == 0


def test_an_art60_leefloner_gets_the_leefloon_before_the_october_2006_indexation() -> None:
    # A leefloner at an OCMW, age 30, full time, 2006-01..2006-09: Art. 60 pays the leefloon
    # cat. 3 of 834.14 a month, 9 × 834.14 = 7 507.26. GESCO would pay min(5035.01 / 12,
    # wage) = 419.58 a month, SINE needs 6 months of leefloon (has 30) and pays 9 × 500 + 3 ×
    # 1 000 = 7 500.00 — less than 7 507.26, so Art. 60 wins.
    plan = compute_plan(
        initiative(
            promoter={"name": "OCMW", "legal_form": "ocmw", "municipality": "Gent"},
            recognitions=[],
            horizon={"start": "2006-01", "months": 9},
            people=[person(status="leefloon", birth_date="1976-01-01")],
        )
    )
    assert plan.people[0].statute == "art60"
    assert cents(plan, measure="art60") == 750_726


# A leefloner placed by the OCMW at a social-purpose cooperative (no GESCO, no WEP+), low-skilled,
# 12 months without work at age 30 (no Activa band), hired in 2010.
COOPERATIVE = {"name": "Coop", "legal_form": "cooperatie", "municipality": "Genk"}
LEEFLONER_2010 = {
    "status": "leefloon",
    "unemployed_months": 12,
    "birth_date": "1980-01-01",
    "start_date": "2010-01-01",
    "placed_by_ocmw": True,
}


def test_a_tie_goes_to_the_first_statute_in_rulebook_order() -> None:
    # From 2025-07 SINE books nothing (RSZ forfait ends 2025-06) and Art. 60 pays nothing
    # (after 2018-12): both eligible, both worth 0; SINE comes first in the rulebook's order.
    plan = compute_plan(
        initiative(
            promoter=COOPERATIVE,
            recognitions=["lde"],
            horizon={"start": "2025-07", "months": 6},
            people=[person(**LEEFLONER_2010)],
        )
    )
    assert plan.people[0].eligible["sine"] and plan.people[0].eligible["art60"]
    assert plan.people[0].statute == "sine"
    assert plan.totals.funding_cents == 0


def test_an_eligible_statute_worth_nothing_still_beats_regular() -> None:
    # Without the LDE recognition only Art. 60 fits, and it pays nothing in 2020.
    plan = compute_plan(
        initiative(
            promoter=COOPERATIVE,
            recognitions=[],
            horizon={"start": "2020-01", "months": 6},
            people=[person(**LEEFLONER_2010)],
        )
    )
    assert [name for name, ok in plan.people[0].eligible.items() if ok] == ["art60"]
    assert plan.people[0].statute == "art60"


def test_a_person_fitting_no_statute_is_regular() -> None:
    plan = compute_plan(initiative(people=[person(status="geen", unemployed_months=0)]))
    assert (plan.people[0].statute, plan.people[0].chosen_by) == ("regular", "best")
    assert [line for line in plan.lines if line.person] == []


def test_the_files_statute_is_applied_even_when_another_is_worth_more() -> None:
    plan = compute_plan(initiative(people=[person(statute="gesco")]))
    assert (plan.people[0].statute, plan.people[0].chosen_by) == ("gesco", "file")
    # 5035.01 for a full-time year, paid 1/12 a month and summed exactly.
    assert cents(plan, measure="gesco", year=2006) == 503_501
    assert cents(plan, measure="sine") == 0


def test_a_files_statute_that_is_not_eligible_brings_nothing() -> None:
    plan = compute_plan(initiative(people=[person(statute="art60")]))
    assert plan.people[0].statute == "art60"
    assert plan.people[0].eligible["art60"] is False
    assert [line for line in plan.lines if line.person] == []
