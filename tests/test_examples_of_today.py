"""The examples of 2024–2026 (issue 11, item 4), planned through the command line.

Every figure was worked out by hand from RULEBOOK v1.2 in the example's header comment; the
arithmetic is repeated next to each assertion.
"""

from __future__ import annotations

from tests.test_examples import alert_subjects, amount, lines, person, plan, year

TWE_55 = "ocmw-twe-55plus-2024"


def test_a_55_year_old_on_twe_at_0_8_fte_gets_30_months_of_445_euro() -> None:
    # Base 24 months from age 50; ceil(24 / 0.8) = 30 months, 2024-01 .. 2026-06.
    # compensatievergoeding 195 × 12 = 2 340 in 2024 and 2025, 195 × 6 = 1 170 in 2026.
    for which, value in ((2024, "2340.00"), (2025, "2340.00"), (2026, "1170.00")):
        assert amount(TWE_55, component="compensatievergoeding", year=which) == value
    # inspanningsvergoeding 250 in months 1–24: 3 000 in 2024 and 2025, none in 2026.
    assert amount(TWE_55, component="inspanningsvergoeding", year=2024) == "3000.00"
    assert amount(TWE_55, component="inspanningsvergoeding", year=2025) == "3000.00"
    assert not lines(TWE_55, component="inspanningsvergoeding", year=2026)
    # deel 3 250 in months 25–30 (2026-01 .. 2026-06): 1 500.
    assert amount(TWE_55, component="compensatievergoeding_deel3", year=2026) == "1500.00"
    assert not lines(TWE_55, component="compensatievergoeding_deel3", year=2025)


def test_twe_is_the_best_statute_of_the_55_year_old_and_its_money_is_leaf_ii() -> None:
    t1 = person(TWE_55, "t1")
    assert (t1["statute"], t1["chosen_by"]) == ("twe", "best")
    assert t1["eligible"]["twe"] is True
    assert {line["leaf"] for line in lines(TWE_55, person="t1")} == {"II"}
    # 13 350 = 30 × 445 (the federal staatstoelage stays off by default).
    assert plan(TWE_55)["leaves"]["II"] == "13350.00"
    assert not lines(TWE_55, component="federale_staatstoelage")


def test_the_twe_55_plus_totals_costs_gap_and_break_even_are_those_worked_by_hand() -> None:
    # Costs 30 × 2 480 + 36 × 1 050 + 3 × 4 800 = 74 400 + 37 800 + 14 400 = 126 600.
    # Funding 13 350 + 60 × 6 × 36 = 13 350 + 12 960 = 26 310; gap 100 290.
    assert plan(TWE_55)["totals"] == {
        "costs": "126600.00",
        "funding": "26310.00",
        "gap": "100290.00",
    }
    # 2026: 6 × 2 480 + 12 × 1 050 + 4 800 = 32 280 costs; 6 × 445 + 4 320 = 6 990 funding.
    assert (year(TWE_55, 2026)["costs"], year(TWE_55, 2026)["funding"]) == (
        "32280.00",
        "6990.00",
    )
    # (126 600 − (26 310 − 12 960)) / 2 160 = 113 250 / 2 160 = 52.4305… → 52.43.
    assert plan(TWE_55)["break_even_price"] == "52.43"


def test_twe_ending_with_the_contract_raises_no_funding_cliff() -> None:
    assert alert_subjects(TWE_55, "funding_cliff") == set()
    assert alert_subjects(TWE_55, "supervision_ratio") == set()  # 0.8 / 0.2 = 4 ≤ 10


IMW_ALD = "imw-vzw-ald-2025"


def test_the_imw_loonpremie_above_the_wage_cap_is_40_percent_of_twice_the_ggmmi() -> None:
    # m1 (5j_loonpremie, quarters 2–5 in 2025): January 0.40 × 2 × 2 070.48 = 1 656.384;
    # February–December 0.40 × 2 × 2 111.89 = 1 689.512 a month.
    # 1 656.384 + 11 × 1 689.512 = 20 241.016 → 20 241.02.
    assert amount(IMW_ALD, person="m1", component="loonpremie", year=2025) == "20241.02"
    # m2 (2j, half time, below the cap 2 070.48): 0.20 × 1 600 × 12 = 3 840.
    assert amount(IMW_ALD, person="m2", component="loonpremie", year=2025) == "3840.00"


def test_imw_begeleidingspremies_come_only_with_a_begeleiding_level_and_are_leaf_i() -> None:
    # m1 midden: vast 4 × 1 200 (q ≤ 5) = 4 800; variabel 4 × 730 × 1 = 2 920.
    assert amount(IMW_ALD, person="m1", component="begeleidingspremie_vast") == "4800.00"
    assert amount(IMW_ALD, person="m1", component="begeleidingspremie_variabel") == "2920.00"
    assert {line["leaf"] for line in lines(IMW_ALD, person="m1")} == {"I", "II"}
    assert not lines(IMW_ALD, person="m2", component="begeleidingspremie_vast")
    assert not lines(IMW_ALD, person="m2", component="begeleidingspremie_variabel")


def test_the_imw_vzw_totals_and_break_even_are_those_worked_by_hand() -> None:
    result = plan(IMW_ALD)
    # Costs 12 × (4 500 + 1 600 + 2 000) + 6 000 = 103 200; funding 20 241.016 + 3 840 +
    # 7 720 + 12 000 (ALD agreement) + 9 600 (cash) = 53 401.016; gap 49 798.984.
    assert result["totals"] == {"costs": "103200.00", "funding": "53401.02", "gap": "49798.98"}
    assert result["leaves"] == {
        "I": "7720.00",
        "II": "24081.02",
        "III": "9600.00",
        "IV": "12000.00",
    }
    # (103 200 − (53 401.016 − 9 600)) / 1 200 = 59 398.984 / 1 200 = 49.4991… → 49.50.
    assert result["break_even_price"] == "49.50"
    for worker in ("m1", "m2"):
        assert (person(IMW_ALD, worker)["statute"], person(IMW_ALD, worker)["chosen_by"]) == (
            "maatwerk",
            "best",
        )


DGV = "dgv-groendienst-2025"


def test_the_doelgroepvermindering_zonder_werkervaring_pays_four_quarters() -> None:
    # p1 full time from 2025-03: quarters 2025-Q1..Q4 × 1 000 = 4 000 in 2025.
    assert amount(DGV, person="p1", year=2025) == "4000.00"
    assert not lines(DGV, person="p1", year=2026)
    # p2 half time from 2025-05: 1 000 × 0.5 / 0.80 = 625 a quarter, Q2..Q4 2025 = 1 875 and
    # 2026-Q1 = 625.
    assert amount(DGV, person="p2", year=2025) == "1875.00"
    assert amount(DGV, person="p2", year=2026) == "625.00"
    line = lines(DGV, person="p2", year=2026)[0]
    assert (line["measure"], line["component"], line["leaf"], line["funder"]) == (
        "dgv_zonder_werkervaring",
        "doelgroepvermindering",
        "II",
        "Vlaams",
    )


def test_a_59_year_old_hired_in_2025_is_eligible_since_the_age_band_widened() -> None:
    p2 = person(DGV, "p2")
    assert p2["eligible"]["dgv_zonder_werkervaring"] is True
    assert (p2["statute"], p2["chosen_by"]) == ("dgv_zonder_werkervaring", "best")


def test_the_dgv_groendienst_totals_and_break_even_are_those_worked_by_hand() -> None:
    # Costs 22 × 3 000 + 20 × 1 650 + 2 × 6 000 = 66 000 + 33 000 + 12 000 = 111 000.
    # Funding 6 500 + 120 × 28 × 24 = 6 500 + 80 640 = 87 140; gap 23 860.
    assert plan(DGV)["totals"] == {"costs": "111000.00", "funding": "87140.00", "gap": "23860.00"}
    # (111 000 − (87 140 − 80 640)) / 2 880 = 104 500 / 2 880 = 36.2847… → 36.28.
    assert plan(DGV)["break_even_price"] == "36.28"
    assert alert_subjects(DGV, "supervision_ratio") == {DGV}
