"""Individueel maatwerk and the VOP in whole plans (RULEBOOK v1.2 §3.8, §3.10, §6): the lines
they book, the statute choice, and the alerts when they stop or do not fit. Every figure is
worked out by hand in the comment beside it."""

from __future__ import annotations

from typing import Any

from klaverblad.advice.alert import Alert
from klaverblad.advice.alerts import plan_alerts
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from tests.builders import initiative, person
from tests.plan.helpers import cents

VZW = {"name": "vzw Test", "legal_form": "vzw", "municipality": "Kortrijk"}

# A full-time worker at 2 000 a month, hired by a vzw on 2023-07-01 with the VDAB's 2j package
# and begeleiding midden. Quarters: q1 2023-Q3 … q8 2025-Q2, q9 2025-Q3.
IMW_2J: dict[str, Any] = {
    "birth_date": "1980-06-15",
    "status": "nwwz",
    "unemployed_months": 6,
    "start_date": "2023-07-01",
    "monthly_wage_cost": 2000.00,
    "statute": "maatwerk",
    "maatwerk_pakket": "2j",
    "maatwerk_begeleiding": "midden",
}

# A full-time worker at 2 000 a month, hired by a vzw on 2015-01-01 with an indefinite VOP.
# Quarters: q1 2015-Q1, q5 2016-Q1, q6 2016-Q2, q8 2016-Q4, q9 2017-Q1, q10 2017-Q2,
# q20 2019-Q4, q21 2020-Q1.
VOP_2015: dict[str, Any] = {
    "birth_date": "1980-06-15",
    "diploma": "hoger_secundair",
    "status": "geen",
    "unemployed_months": 0,
    "start_date": "2015-01-01",
    "monthly_wage_cost": 2000.00,
    "vop": "onbepaald",
}


def plan_of(horizon: dict[str, Any], *people: dict[str, Any], **changes: Any) -> FinancingPlan:
    data: dict[str, Any] = {"promoter": VZW, "recognitions": [], "horizon": horizon}
    data.update(changes)
    return compute_plan(initiative(people=list(people), **data))


def alerts_of(plan: FinancingPlan, code: str) -> list[Alert]:
    return [alert for alert in plan_alerts(plan) if alert.code == code]


def month(year: int, month_number: int) -> int:
    return year * 12 + month_number - 1


def test_the_2j_package_books_20_percent_and_both_premies_for_8_quarters() -> None:
    plan = plan_of({"start": "2023-07", "months": 30}, person(**IMW_2J))
    # loonpremie 20 % × min(2 000, 2 × GGMMI ≥ 3 988.36) = 400 a month, 2023-07 … 2025-06:
    # 2023 6 × 400 = 2 400; 2024 12 × 400 = 4 800; 2025 6 × 400 = 2 400.
    assert [cents(plan, component="loonpremie", year=y) for y in (2023, 2024, 2025)] == [
        240_000,
        480_000,
        240_000,
    ]
    # vast: 2023 q1 Sep + q2 Dec = 2 400; 2024 q3, q4, q5 1 200 + q6 Dec 600 = 4 200;
    # 2025 q7 Mar + q8 Jun 600 = 1 200; nothing in q9, q10.
    assert [
        cents(plan, component="begeleidingspremie_vast", year=y) for y in (2023, 2024, 2025)
    ] == [240_000, 420_000, 120_000]
    # variabel midden 730 × 1.0 a quarter: 2023 2 × 730; 2024 4 × 730; 2025 2 × 730.
    assert [
        cents(plan, component="begeleidingspremie_variabel", year=y) for y in (2023, 2024, 2025)
    ] == [146_000, 292_000, 146_000]
    line = next(line for line in plan.lines if line.component == "loonpremie")
    assert (line.measure, line.leaf, line.funder) == ("maatwerk", "II", "Vlaams")


def test_the_end_of_the_2j_package_while_still_employed_is_a_funding_cliff() -> None:
    plan = plan_of({"start": "2023-07", "months": 30}, person(**IMW_2J))
    (alert,) = alerts_of(plan, "funding_cliff")
    # The 400 a month of 2025-06 (q8) stops in 2025-07 (q9); the quarterly premies are no cliff.
    assert alert.subject == "w1"
    assert alert.details == {
        "statute": "maatwerk",
        "component": "loonpremie",
        "month": month(2025, 7),
        "monthly_drop": 40_000,
    }
    assert "juli 2025" in alert.message("nl") and "€\xa0400,00" in alert.message("nl")


def test_the_end_of_the_2j_package_with_the_employment_is_no_funding_cliff() -> None:
    leaving = person(**{**IMW_2J, "end_date": "2025-06-30"})
    assert alerts_of(plan_of({"start": "2023-07", "months": 30}, leaving), "funding_cliff") == []


def test_a_v1_1_percentage_lasts_20_quarters_and_then_is_a_funding_cliff() -> None:
    # 40 % flat from 2023-07: q20 is 2028-Q2, so the 800 a month (40 % × 2 000) stops in 2028-07.
    v1_1 = {**IMW_2J, "maatwerk_pakket": None, "maatwerk_loonpremie_pct": 40}
    plan = plan_of({"start": "2023-07", "months": 72}, person(**v1_1))
    (alert,) = alerts_of(plan, "funding_cliff")
    assert (alert.details["month"], alert.details["monthly_drop"]) == (month(2028, 7), 80_000)
    # 2028: Jan–Jun 6 × 800 = 4 800.
    assert cents(plan, component="loonpremie", year=2028) == 480_000


def test_an_intercommunale_naming_maatwerk_gets_nothing_and_an_alert_naming_the_employer() -> None:
    intercommunale = {"name": "IC", "legal_form": "intercommunale", "municipality": "Gent"}
    plan = plan_of({"start": "2023-07", "months": 6}, person(**IMW_2J), promoter=intercommunale)
    assert cents(plan, measure="maatwerk") == 0
    (alert,) = alerts_of(plan, "statute_not_eligible")
    assert alert.details["failed_conditions"] == ["maatwerk_employer_ok"]
    assert "intercommunale" in alert.message("nl")


def test_a_vop_worker_without_a_statute_in_the_file_gets_the_vop() -> None:
    # 2015: 12 × 40 % × 2 000 = 9 600 (no GGMMI before 2022-04: no cap). No other statute fits a
    # person without benefit status, unemployment or allocated post, hired in 2015.
    plan = plan_of({"start": "2015-01", "months": 12}, person(**VOP_2015))
    (result,) = plan.people
    assert (result.statute, result.chosen_by) == ("vop", "best")
    assert result.eligible["vop"] is True and result.eligible["maatwerk"] is False
    assert cents(plan, measure="vop", component="premie", year=2015) == 960_000
    line = next(line for line in plan.lines if line.measure == "vop")
    assert (line.leaf, line.funder) == ("II", "Vlaams")


def test_an_indefinite_vop_steps_down_without_a_cliff_and_stops_after_quarter_20() -> None:
    plan = plan_of({"start": "2015-01", "months": 72}, person(**VOP_2015))
    # 2015: 12 × 800 = 9 600; 2016: Jan–Mar 3 × 800 + Apr–Dec 9 × 600 = 2 400 + 5 400 = 7 800;
    # 2017: Jan–Mar 3 × 600 + Apr–Dec 9 × 400 = 1 800 + 3 600 = 5 400; 2018, 2019: 12 × 400 =
    # 4 800; 2020: nothing (q21 onwards).
    assert [cents(plan, measure="vop", year=y) for y in range(2015, 2021)] == [
        960_000,
        780_000,
        540_000,
        480_000,
        480_000,
        0,
    ]
    # 40 → 30 → 20 % is a step down, not a stop: one cliff, in 2020-01, of 400 a month.
    (alert,) = alerts_of(plan, "funding_cliff")
    assert alert.details == {
        "statute": "vop",
        "component": "premie",
        "month": month(2020, 1),
        "monthly_drop": 40_000,
    }


def test_a_fixed_term_vop_stops_after_quarter_8_with_a_funding_cliff() -> None:
    fixed = person(**{**VOP_2015, "vop": "bepaald"})
    plan = plan_of({"start": "2015-01", "months": 36}, fixed)
    # 20 % × 2 000 = 400 a month for q1 … q8 (2015-01 … 2016-12): 2015 4 800, 2016 4 800.
    assert [cents(plan, measure="vop", year=y) for y in (2015, 2016, 2017)] == [
        480_000,
        480_000,
        0,
    ]
    (alert,) = alerts_of(plan, "funding_cliff")
    assert (alert.details["month"], alert.details["monthly_drop"]) == (month(2017, 1), 40_000)


def test_a_vop_at_a_gemeente_needs_an_indefinite_contract() -> None:
    gemeente = {"name": "Gemeente", "legal_form": "gemeente", "municipality": "Gent"}
    named = {**VOP_2015, "statute": "vop"}
    indefinite = plan_of({"start": "2015-01", "months": 3}, person(**named), promoter=gemeente)
    # 3 × 40 % × 2 000 = 2 400
    assert cents(indefinite, measure="vop") == 240_000
    fixed = person(**{**named, "contract_indefinite": False})
    plan = plan_of({"start": "2015-01", "months": 3}, fixed, promoter=gemeente)
    assert cents(plan, measure="vop") == 0
    (alert,) = alerts_of(plan, "statute_not_eligible")
    assert alert.details["failed_conditions"] == ["vop_employer_ok"]


def test_a_vop_named_for_a_start_in_july_2023_is_closed_and_names_its_successor() -> None:
    late = person(**{**VOP_2015, "start_date": "2023-07-01", "statute": "vop"})
    plan = plan_of({"start": "2023-07", "months": 6}, late)
    assert cents(plan, measure="vop") == 0
    assert alerts_of(plan, "statute_not_eligible") == []
    (alert,) = alerts_of(plan, "measure_closed")
    assert alert.subject == "w1"
    assert "individueel maatwerk" in alert.message("nl")


def test_a_supervisors_loonpremie_is_leaf_ii_and_the_begeleidingspremies_leaf_i() -> None:
    # §3.8 names the leaf of each component (§3: the section's leaf wins over the role): a
    # supervisor on IMW books the loonpremie (20 % × 2 000 = 400 × 6 months = 2 400 in 2023)
    # in leaf II and the begeleidingspremies (vast 2 × 1 200 + variabel midden 2 × 730 =
    # 3 860) in leaf I.
    plan = plan_of({"start": "2023-07", "months": 6}, person(**IMW_2J, role="supervisor"))
    assert cents(plan, component="loonpremie", leaf="II") == 240_000
    assert cents(plan, component="loonpremie", leaf="I") == 0
    assert cents(plan, measure="maatwerk", leaf="I") == 386_000
