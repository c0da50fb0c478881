"""The sums behind the plan lines of the v1.2 statutes (issue 11): the individueel maatwerk
loonpremie and the VOP as a percentage × the wage cost capped at 2 × GGMMI × FTE × months, per
run of equal months; the doelgroepvermindering zonder werkervaring as a quarterly forfait ×
quarters (× FTE ÷ 0.80 below 0.80 FTE); the Activa Start werkuitkering as a monthly amount ×
months × FTE. Each sum's terms multiply and add up to the line exactly. Every figure is worked
out by hand in the comment beside it from RULEBOOK v1.2 §3.4.1, §3.8–§3.10 and the GGMMI
(2022-04-01 1 806.16 · 2023-07-01 1 994.18 · 2024-04-01 2 029.88 · 2024-05-01 2 070.48)."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, get_args

from klaverblad.advice import line_sum_shapes
from klaverblad.advice.line_explanations import explain_lines
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.rules.catalogue import STATUTES
from klaverblad.rules.measure_spec import SumShape
from klaverblad.web.views.line_explanation import line_explanation
from tests.builders import initiative, person

VZW = {"name": "vzw Test", "legal_form": "vzw", "municipality": "Kortrijk"}
ADVICE = Path(line_sum_shapes.__file__).parent


def plan_of(start: str, months: int, **worker: Any) -> FinancingPlan:
    return compute_plan(
        initiative(
            people=[person(id="w", **worker)],
            promoter=VZW,
            recognitions=[],
            horizon={"start": start, "months": months},
        )
    )


def entry_of(plan: FinancingPlan, component: str, year: int) -> dict[str, Any]:
    (entry,) = [
        e
        for e in explain_lines(plan, "nl")
        if (e["line"]["component"], e["line"]["year"]) == (component, year)
    ]
    return entry


def factors(entry: dict[str, Any]) -> list[list[tuple[Any, ...]]]:
    """Each term's factors as (kind, value[, times, fte]) with exact numbers."""
    return [
        [
            (f["kind"], Decimal(f["value"]), *(Decimal(f[k]) for k in ("times", "fte") if k in f))
            for f in term
        ]
        for term in entry["sum"]["terms"]
    ]


def cents_of_terms(entry: dict[str, Any]) -> int:
    """Σ of the products of the factors, exactly, in cents rounded half up (RULEBOOK §1)."""
    total = Fraction(0)
    for term in entry["sum"]["terms"]:
        product = Fraction(1)
        for factor in term:
            value = Fraction(factor["value"])
            if factor["kind"] in ("twelfth", "full_fte"):
                product /= value
            elif factor["kind"] == "percent":
                product *= value / 100
            else:
                product *= value
        total += product
    whole, rest = divmod(total * 100, 1)
    return int(whole) + (rest >= Fraction(1, 2))


def sentence(plan: FinancingPlan, entry: dict[str, Any], language: str = "nl") -> str:
    return line_explanation(entry, plan.parameters, language).sentence  # type: ignore[arg-type]


IMW = {
    "status": "nwwz",
    "unemployed_months": 6,
    "monthly_wage_cost": 4500,
    "statute": "maatwerk",
    "maatwerk_pakket": "5j_loonpremie",
}


def test_the_rulebooks_imw_example_is_40_percent_of_the_wage_capped_at_twice_the_ggmmi() -> None:
    # RULEBOOK §3.8: 5j_loonpremie pays 40 % in quarters 1–5 of min(wage, 2 × GGMMI × FTE).
    # 2024-06, full time, wage 4 500: cap 2 × 2 070.48 × 1 = 4 140.96 < 4 500;
    # 40 % × 4 140.96 = 1 656.384 → 1 656.38.
    plan = plan_of("2024-06", 1, start_date="2024-06-01", **IMW)
    entry = entry_of(plan, "loonpremie", 2024)
    assert entry["line"]["amount"] == "1656.38"
    assert factors(entry) == [
        [
            ("percent", 40),
            ("capped_wage_per_month", Decimal("4140.96"), 2, 1),
            ("months", 1),
        ]
    ]
    assert cents_of_terms(entry) == 165_638
    assert sentence(plan, entry) == (
        "40% × €\xa04.140,96 per maand (loonkost begrensd op 2 × GGMMI) × 1 maand = €\xa01.656,38"
    )


def test_an_imw_year_is_itemised_per_ggmmi_and_per_percentage_after_quarter_5() -> None:
    # Hired 2023-07-01 (q1 2023-Q3 … q5 2024-Q3, q6 2024-Q4), full time, wage 4 500, 2024:
    # Jan–Mar 40 % × 2 × 1 994.18 = 40 % × 3 988.36 = 1 595.344 × 3 = 4 786.032
    # Apr      40 % × 2 × 2 029.88 = 40 % × 4 059.76 = 1 623.904
    # May–Sep  40 % × 2 × 2 070.48 = 40 % × 4 140.96 = 1 656.384 × 5 = 8 281.92
    # Oct–Dec  30 % × 4 140.96 = 1 242.288 × 3 = 3 726.864
    # total 18 418.72.
    plan = plan_of("2024-01", 12, start_date="2023-07-01", **IMW)
    entry = entry_of(plan, "loonpremie", 2024)
    assert entry["line"]["amount"] == "18418.72"
    assert factors(entry) == [
        [("percent", 40), ("capped_wage_per_month", Decimal("3988.36"), 2, 1), ("months", 3)],
        [("percent", 40), ("capped_wage_per_month", Decimal("4059.76"), 2, 1), ("months", 1)],
        [("percent", 40), ("capped_wage_per_month", Decimal("4140.96"), 2, 1), ("months", 5)],
        [("percent", 30), ("capped_wage_per_month", Decimal("4140.96"), 2, 1), ("months", 3)],
    ]
    assert cents_of_terms(entry) == 1_841_872


def test_a_part_time_imw_workers_cap_is_times_the_fte() -> None:
    # 0.8 FTE, wage 4 500 in 2024-06: cap 2 × 2 070.48 × 0.8 = 3 312.768;
    # 40 % × 3 312.768 = 1 325.1072 → 1 325.11.
    plan = plan_of("2024-06", 1, start_date="2024-06-01", fte=0.8, **IMW)
    entry = entry_of(plan, "loonpremie", 2024)
    assert factors(entry) == [
        [
            ("percent", 40),
            ("capped_wage_per_month", Decimal("3312.768"), 2, Decimal("0.8")),
            ("months", 1),
        ]
    ]
    assert cents_of_terms(entry) == 132_511
    assert sentence(plan, entry, "en") == (
        "40% × €3,312.768 a month (wage cost capped at 2 × GGMMI × 0.8 FTE) × 1 month = €1,325.11"
    )


def test_an_imw_worker_under_the_cap_is_a_percentage_of_the_wage_cost() -> None:
    # 0.5 FTE, wage 1 800, hired 2024-05-01, 2024-05 … 2024-12 (q1–q3, 40 %): the cap
    # 2 × 2 070.48 × 0.5 = 2 070.48 is above the wage; 40 % × 1 800 = 720 × 8 = 5 760.
    worker = {**IMW, "monthly_wage_cost": 1800}
    plan = plan_of("2024-05", 8, start_date="2024-05-01", fte=0.5, **worker)
    entry = entry_of(plan, "loonpremie", 2024)
    assert entry["line"]["amount"] == "5760.00"
    assert factors(entry) == [[("percent", 40), ("wage_per_month", 1800), ("months", 8)]]
    assert cents_of_terms(entry) == 576_000


def test_a_decided_loonpremie_percentage_is_the_percentage_factor() -> None:
    # A v1.1 decision of 35 % without a package, wage 2 000 (under the cap 4 140.96) in
    # 2024-06: 35 % × 2 000 = 700.
    worker = {**IMW, "monthly_wage_cost": 2000, "maatwerk_pakket": None}
    plan = plan_of("2024-06", 1, start_date="2024-06-01", maatwerk_loonpremie_pct=35, **worker)
    entry = entry_of(plan, "loonpremie", 2024)
    assert factors(entry) == [[("percent", 35), ("wage_per_month", 2000), ("months", 1)]]
    assert cents_of_terms(entry) == 70_000


VOP = {
    "diploma": "hoger_secundair",
    "status": "geen",
    "unemployed_months": 0,
    "start_date": "2021-10-01",
    "monthly_wage_cost": 4000,
    "statute": "vop",
    "vop": "onbepaald",
}


def test_a_vop_line_is_its_quarters_percentage_of_the_capped_wage_uncapped_before_the_ggmmi() -> (
    None
):
    # RULEBOOK §3.10, onbepaald: 40 % in q1–q5, 30 % in q6–q9; hired 2021-10-01: q1 2021-Q4,
    # q5 2022-Q4, q6 2023-Q1 … q9 2023-Q4. Full time, wage 4 000.
    # 2022: Jan–Mar no GGMMI yet, no cap: 40 % × 4 000 = 1 600 × 3 = 4 800;
    #       Apr–Dec 40 % × 2 × 1 806.16 = 40 % × 3 612.32 = 1 444.928 × 9 = 13 004.352;
    #       total 17 804.352 → 17 804.35.
    # 2023: Jan–Jun 30 % × 3 612.32 = 1 083.696 × 6 = 6 502.176;
    #       Jul–Dec 30 % × 2 × 1 994.18 = 30 % × 3 988.36 = 1 196.508 × 6 = 7 179.048;
    #       total 13 681.224 → 13 681.22.
    plan = plan_of("2022-01", 24, **VOP)
    first, second = entry_of(plan, "premie", 2022), entry_of(plan, "premie", 2023)
    assert (first["line"]["amount"], second["line"]["amount"]) == ("17804.35", "13681.22")
    assert factors(first) == [
        [("percent", 40), ("wage_per_month", 4000), ("months", 3)],
        [("percent", 40), ("capped_wage_per_month", Decimal("3612.32"), 2, 1), ("months", 9)],
    ]
    assert factors(second) == [
        [("percent", 30), ("capped_wage_per_month", Decimal("3612.32"), 2, 1), ("months", 6)],
        [("percent", 30), ("capped_wage_per_month", Decimal("3988.36"), 2, 1), ("months", 6)],
    ]
    assert (cents_of_terms(first), cents_of_terms(second)) == (1_780_435, 1_368_122)


DGV = {
    "birth_date": "1980-06-15",
    "status": "nwwz",
    "unemployed_months": 30,
    "start_date": "2024-02-01",
    "monthly_wage_cost": 2000,
    "statute": "dgv_zonder_werkervaring",
}


def test_a_part_time_dgv_line_is_the_forfait_times_the_fte_over_the_full_amounts_fte() -> None:
    # RULEBOOK §3.9: 1 000 a quarter in quarters 1–4, below 0.80 FTE × FTE / 0.80. Hired
    # 2024-02-01 at 0.5 FTE: 2024-Q1 … Q4, 4 × 1 000 × 0.5 / 0.8 = 4 × 625 = 2 500.
    plan = plan_of("2024-01", 12, fte=0.5, **DGV)
    entry = entry_of(plan, "doelgroepvermindering", 2024)
    assert entry["line"]["amount"] == "2500.00"
    assert factors(entry) == [
        [
            ("per_quarter", 1000),
            ("quarters", 4),
            ("fte", Decimal("0.5")),
            ("full_fte", Decimal("0.8")),
        ]
    ]
    assert cents_of_terms(entry) == 250_000
    assert sentence(plan, entry) == (
        "€\xa01.000,00 per kwartaal × 4 kwartalen × 0,5 VTE ÷ 0,8 VTE (het volle bedrag vanaf"
        " 0,8 VTE) = €\xa02.500,00"
    )


def test_a_dgv_line_from_the_full_amounts_fte_is_the_forfait_times_quarters() -> None:
    # 0.9 FTE ≥ 0.80: the full 1 000 a quarter, not pro rata; 4 × 1 000 = 4 000.
    plan = plan_of("2024-01", 12, fte=0.9, **DGV)
    entry = entry_of(plan, "doelgroepvermindering", 2024)
    assert factors(entry) == [[("per_quarter", 1000), ("quarters", 4)]]
    assert cents_of_terms(entry) == 400_000


def test_an_activa_start_line_is_a_monthly_amount_times_months_times_fte() -> None:
    # RULEBOOK §3.4.1: 350 a month × FTE; 19 at the start, lager secundair, hired
    # 2010-01-01 at 0.5 FTE: 2010, 350 × 12 × 0.5 = 2 100.
    plan = plan_of(
        "2010-01",
        12,
        birth_date="1990-05-01",
        diploma="lager_secundair",
        start_date="2010-01-01",
        fte=0.5,
        statute="activa_start",
    )
    entry = entry_of(plan, "werkuitkering", 2010)
    assert entry["line"]["amount"] == "2100.00"
    assert factors(entry) == [[("per_month", 350), ("months", 12), ("fte", Decimal("0.5"))]]
    assert cents_of_terms(entry) == 210_000


def test_every_statute_component_declares_a_shape_the_line_sums_know() -> None:
    known = set(get_args(SumShape))
    assert set(line_sum_shapes.BY_SHAPE) == known
    for statute in STATUTES.values():
        for component in statute.components:
            assert component.shape is None or component.shape in known, component


def test_no_line_sum_module_names_a_statute() -> None:
    # A new statute declares its sum's shape in its spec.py, not in a list kept here.
    for module in ("line_sums.py", "line_sum_shapes.py"):
        text = (ADVICE / module).read_text()
        named = [name for name in STATUTES if re.search(rf"\b{name}(_|\b)", text)]
        assert named == [], module
