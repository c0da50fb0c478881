"""The v1.2 statutes `activa_start` and `dgv_zonder_werkervaring` and the changed Activa and
aanwervingsincentive (RULEBOOK v1.2 §3.4, §3.4.1, §3.7, §3.9) in whole plans: funders, lines per
year, the best-statute choice and the booking of quarterly forfaits inside the horizon."""

from __future__ import annotations

from klaverblad.plan.financing_plan import compute_plan
from tests.builders import initiative, person
from tests.plan.helpers import cents

# Not low-skilled and with a private company: neither SINE nor WEP+ nor GESCO applies.
BEDRIJF = {"name": "Bedrijf NV", "legal_form": "bedrijf", "municipality": "Gent"}


def test_activa_start_is_paid_by_the_federal_government_until_june_2014_and_by_flanders_after() -> (
    None
):
    # 19 at a start on 2013-10-01, lager secundair: 350 × 0.5 = 175 a month for 24 months
    # (2013-10 .. 2015-09). 2014: Jan-Jun 6 × 175 = 1050 federaal, Jul-Dec 6 × 175 = 1050 Vlaams.
    young = person(
        birth_date="1994-05-01",
        start_date="2013-10-01",
        fte=0.5,
        unemployed_months=2,
        statute="activa_start",
    )
    plan = compute_plan(
        initiative(
            promoter=BEDRIJF,
            recognitions=[],
            horizon={"start": "2014-01", "months": 24},
            people=[young],
        )
    )
    assert cents(plan, measure="activa_start", year=2014, funder="federaal") == 105_000
    assert cents(plan, measure="activa_start", year=2014, funder="Vlaams") == 105_000
    # 2015: Jan-Sep (months of employment 16 .. 24) 9 × 175 = 1575, then nothing
    assert cents(plan, measure="activa_start", year=2015) == 157_500
    assert {line.component for line in plan.lines if line.measure == "activa_start"} == {
        "werkuitkering"
    }


def test_without_a_statute_a_young_low_skilled_hire_of_2010_gets_activa_start() -> None:
    # 20 at start, 3 months unemployed (no Activa band), lager secundair, a private company:
    # Activa Start 12 × 350 = 4200 in 2010 is the only eligible statute.
    young = person(birth_date="1989-06-15", start_date="2010-01-01", unemployed_months=3)
    plan = compute_plan(
        initiative(
            promoter=BEDRIJF,
            recognitions=[],
            horizon={"start": "2010-01", "months": 12},
            people=[young],
        )
    )
    (result,) = plan.people
    assert (result.statute, result.chosen_by) == ("activa_start", "best")
    assert result.eligible["activa"] is False
    assert cents(plan, measure="activa_start") == 420_000


def test_the_doelgroepvermindering_books_only_the_quarters_whose_last_month_is_in_the_horizon() -> (
    None
):
    # 0.5 FTE hired 2024-02-01: 1000 × 0.5 / 0.80 = 625 for quarters 2024-Q1 .. 2024-Q4, booked
    # in 2024-03, -06, -09 and -12. A horizon 2024-04 .. 2024-12 holds the last three: 3 × 625.
    hire = person(
        birth_date="1980-01-01",
        start_date="2024-02-01",
        fte=0.5,
        diploma="hoger",
        statute="dgv_zonder_werkervaring",
    )
    plan = compute_plan(
        initiative(
            promoter=BEDRIJF,
            recognitions=[],
            horizon={"start": "2024-04", "months": 9},
            people=[hire],
        )
    )
    assert cents(plan, measure="dgv_zonder_werkervaring", component="doelgroepvermindering") == (
        187_500
    )
    assert {line.funder for line in plan.lines if line.measure == "dgv_zonder_werkervaring"} == {
        "Vlaams"
    }


def test_a_hire_of_september_2023_gets_the_incentive_and_one_of_october_the_reduction() -> None:
    # Both 43 at the end of the hiring quarter, 30 months unemployed, full time, a company.
    # 2023-09-01: premie_3m 1250 in 2023-12 (month 4), premie_12m 3000 in 2024-09 (month 13):
    # 1250 + 3000 = 4250.
    # 2023-10-01: 4 × 1000 = 4000 booked 2023-12, 2024-03, -06, -09 (1000 in 2023); the
    # incentive is closed.
    september = person(id="sep", birth_date="1980-01-01", start_date="2023-09-01", diploma="hoger")
    october = person(id="oct", birth_date="1980-01-01", start_date="2023-10-01", diploma="hoger")
    plan = compute_plan(
        initiative(
            promoter=BEDRIJF,
            recognitions=[],
            horizon={"start": "2023-09", "months": 24},
            people=[september, october],
        )
    )
    chosen = {result.id: result.statute for result in plan.people}
    assert chosen == {"sep": "aanwervingsincentive", "oct": "dgv_zonder_werkervaring"}
    assert cents(plan, measure="aanwervingsincentive", person="sep") == 425_000
    assert cents(plan, measure="dgv_zonder_werkervaring", person="oct") == 400_000
    assert cents(plan, measure="dgv_zonder_werkervaring", person="oct", year=2023) == 100_000


def test_an_activa_hire_of_2006_under_45_with_24_months_gets_36_months() -> None:
    # 37 at start (born 1968-03-15), 30 months unemployed: the 2002-2006 table gives 36 months
    # of 500 (2006-01 .. 2008-12); in 2007 the c. 2013 table would have given 16.
    worker = person(statute="activa")
    plan = compute_plan(
        initiative(
            promoter=BEDRIJF,
            recognitions=[],
            horizon={"start": "2006-01", "months": 48},
            people=[worker],
        )
    )
    assert [cents(plan, measure="activa", year=y) for y in (2006, 2007, 2008, 2009)] == [
        600_000,
        600_000,
        600_000,
        0,
    ]
