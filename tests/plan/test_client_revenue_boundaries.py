"""Every dated boundary of the initiative-level rules (RULEBOOK §1, §4), on both sides.

Expected values are the rulebook's own table (v1.2 §4.2, C10): inruilwaarde / user price per
date.
"""

import pytest

from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from tests.builders import initiative
from tests.plan.helpers import cents, statuses

# (month, exchange value in cents, user price in cents), the month before and the month of each
# change listed in RULEBOOK §4.2.
DIENSTENCHEQUE_MONTHS = [
    ("2004-01", 2100, 620),
    ("2004-12", 2100, 620),
    ("2005-01", 2100, 670),
    ("2006-12", 2100, 670),
    ("2007-01", 2000, 670),
    ("2007-12", 2000, 670),
    ("2008-01", 2028, 670),
    ("2008-05", 2028, 670),
    ("2008-06", 2050, 700),
    ("2008-12", 2050, 700),
    ("2009-01", 2080, 750),
    ("2012-12", 2080, 750),
    ("2013-01", 2204, 850),
    ("2013-12", 2204, 850),
    ("2014-01", 2204, 900),
    ("2023-08", 2204, 900),
    ("2023-09", 2698, 900),
    ("2023-10", 3018, 900),
    ("2023-11", 3018, 900),
    ("2023-12", 2698, 900),
    ("2024-01", 2750, 900),
    ("2024-12", 2750, 900),
    ("2025-01", 2750, 1000),
]


def one_month(start: str, **changes: object) -> FinancingPlan:
    return compute_plan(initiative(horizon={"start": start, "months": 1}, **changes))


IRONING = {
    "id": "strijk",
    "kind": "strijk",
    "hours_per_month": 10,
    "payment": "dienstencheque",
    "client_group": "particulier",
}


@pytest.mark.parametrize(("month", "value", "user"), DIENSTENCHEQUE_MONTHS)
def test_a_dienstencheque_hour_brings_the_user_price_and_public_part_in_force_that_month(
    month: str, value: int, user: int
) -> None:
    plan = one_month(month, recognitions=["dienstencheque_onderneming"], activities=[IRONING])
    assert cents(plan, component="gebruiker") == 10 * user
    assert cents(plan, component="overheid") == 10 * (value - user)


def test_the_public_part_of_a_dienstencheque_is_federal_until_june_2014_then_flemish() -> None:
    plan = compute_plan(
        initiative(
            recognitions=["dienstencheque_onderneming"],
            horizon={"start": "2014-06", "months": 2},
            activities=[IRONING],
        )
    )
    assert cents(plan, component="overheid", funder="federaal") == 10 * (2204 - 900)
    assert cents(plan, component="overheid", funder="Vlaams") == 10 * (2204 - 900)


def test_a_dienstencheque_before_the_first_known_price_is_not_computable_not_refused() -> None:
    plan = one_month("2003-12", recognitions=["dienstencheque_onderneming"], activities=[IRONING])
    assert cents(plan, measure="dienstencheque") == 0
    assert statuses(plan, measure="dienstencheque") == {"not_computable"}
    assert plan.booking.voucher_refusals == {}


PWA = {
    "id": "tuin",
    "kind": "tuin",
    "hours_per_month": 10,
    "payment": "pwa_cheque",
    "client_group": "particulier",
}


@pytest.mark.parametrize(
    ("month", "price", "allowed"),
    [
        ("2017-12", 4.95, True),
        ("2018-01", 4.95, False),
        ("2018-01", 5.95, True),
        ("2017-12", 7.45, True),
        ("2018-01", 7.46, False),
    ],
)
def test_a_pwa_cheque_pays_only_inside_the_months_price_range(
    month: str, price: float, allowed: bool
) -> None:
    plan = one_month(month, activities=[{**PWA, "price_per_hour": price}])
    # A memo line (`pwa` to 2017-12, `wijk_werken` from 2018-01), never funding.
    memo = sum(line.cents for line in plan.memo_lines)
    assert memo == (round(price * 100) * 10 if allowed else 0)
    assert plan.totals.funding_cents == 0


@pytest.mark.parametrize(("month", "booked"), [("2018-12", True), ("2019-01", False)])
def test_an_swp_grant_is_booked_until_the_end_of_2018(month: str, booked: bool) -> None:
    grant = {"measure": "swp", "funder": "Vlaams", "amount_per_year": 1200}
    plan = one_month(month, recognitions=["swp"], grants=[grant])
    assert cents(plan, measure="swp") == (10_000 if booked else 0)


@pytest.mark.parametrize(("month", "booked"), [("2003-12", False), ("2004-01", True)])
def test_an_lde_grant_is_booked_from_the_experimental_phase_of_2004(
    month: str, booked: bool
) -> None:
    grant = {"measure": "lde", "funder": "Vlaams", "amount_per_year": 1200}
    plan = one_month(month, grants=[grant])
    assert cents(plan, measure="lde") == (10_000 if booked else 0)
