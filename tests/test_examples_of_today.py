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
