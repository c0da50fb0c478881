"""A statute paid by a shared grant (`rules.funding.SharedGrant`, RULEBOOK §3.6) is read from its
spec, never named: WEP+ declares it, and the optimiser handles any number of such statutes
(issue 11 items 1 and 5).

The hypothetical cases use three people over four months (2010-01, 2010-02, 2011-01, 2011-02)
and three statutes in this order: `paid` (paid by its components, federaal), and `g` and `h`,
each paid by its own shared grant:
- `g`'s grant: VDAB 100,00 a month;
- `h`'s grant: VDAB 40,00 + Vlaams 20,00 = 60,00 a month.
Person 0 may take `paid` (300,00 a year, 600,00 in all) or `g` (applies all four months);
person 1 may take `g` (all four months) or `h` (all four months);
person 2 may take `h` (applies in 2011-01 and 2011-02 only)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import numpy

import klaverblad
from klaverblad.advice.optimise_constraints import Constraints, cap_funders
from klaverblad.advice.optimise_milp import solve
from klaverblad.advice.optimise_values import StatuteValues
from klaverblad.model.money import UNITS_PER_CENT
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.plan.shared_grants import SHARED_GRANTS, applies, shared_grant_months
from klaverblad.plan.statutes import StatuteResults
from klaverblad.rules.catalogue import STATUTES
from klaverblad.rules.funding import SharedGrant
from klaverblad.rules.system import baseline_system
from tests.builders import initiative, person

PACKAGE = Path(klaverblad.__file__).resolve().parent
# The modules of plan/ and advice/ that handle shared grants: none may name a statute.
GENERIC_MODULES = (
    "plan/shared_grants.py",
    "advice/alerts.py",
    "advice/line_sums.py",
    "advice/optimise.py",
    "advice/optimise_constraints.py",
    "advice/optimise_milp.py",
    "advice/optimise_values.py",
)
T, F = True, False


def euros_a_month(euros: int, months: int = 4) -> numpy.ndarray:
    return numpy.full(months, euros * 100 * UNITS_PER_CENT, dtype=numpy.int64)


def two_shared_grants() -> StatuteValues:
    return StatuteValues(
        groups=[(2010, "federaal"), (2011, "federaal")],
        # Person 0 on `paid`: 300,00 in each year.
        cents={"paid": numpy.array([[300_00, 300_00], [0, 0], [0, 0]], dtype=numpy.int64)},
        grant_units={
            "g": {"VDAB": euros_a_month(100)},
            "h": {"VDAB": euros_a_month(40), "Vlaams": euros_a_month(20)},
        },
        grant_applies={
            "g": numpy.array([[T, T, T, T], [T, T, T, T], [F, F, F, F]]),
            "h": numpy.array([[F, F, F, F], [T, T, T, T], [F, F, T, T]]),
        },
        eligible={
            "paid": numpy.array([T, F, F]),
            "g": numpy.array([T, T, F]),
            "h": numpy.array([F, T, T]),
        },
        years=numpy.array([2010, 2010, 2011, 2011]),
    )


def test_no_module_that_handles_shared_grants_names_the_wep_plus_statute() -> None:
    naming = [name for name in GENERIC_MODULES if "wep_plus" in (PACKAGE / name).read_text()]
    assert naming == []


def test_wep_plus_declares_its_money_as_a_shared_grant_in_its_spec() -> None:
    funding = STATUTES["wep_plus"].funding
    assert funding == SharedGrant(
        applies="wep_plus_applies",
        component="toelage",
        unknown="alert.wep_plus_unknown",
        rule="line_rule.wep_plus_grant",
    )
    assert dict(SHARED_GRANTS) == {"wep_plus": funding}
    variable = baseline_system().variables[funding.applies]
    assert variable.value_type is bool and variable.entity.key == "worker_month"


def test_every_other_statute_is_paid_by_its_components() -> None:
    assert [name for name, m in STATUTES.items() if m.funding is not None] == ["wep_plus"]


def test_the_months_of_a_statute_are_read_from_a_grant_applies_table_once_there_is_one() -> None:
    # The later `StatuteResults.grant_applies` (one table per statute) is read first.
    table = numpy.array([[T, F], [F, F]])
    results = SimpleNamespace(
        grant_applies={"wep_plus": table},
        chosen=["wep_plus", "regular"],
        eligible={"wep_plus": numpy.array([T, T])},
    )
    assert applies(cast(StatuteResults, results), "wep_plus") is table
    months = shared_grant_months(cast(StatuteResults, results), "wep_plus", 2)
    assert months.tolist() == [True, False]
    assert shared_grant_months(None, "wep_plus", 3).tolist() == [False, False, False]


def test_the_grant_is_booked_in_the_months_its_people_apply_the_statute() -> None:
    # w1 on WEP+ from 2010-01 for 12 months; the horizon is 2010 and 2011.
    case = initiative(
        horizon={"start": "2010-01", "months": 24},
        people=[person(statute="wep_plus", start_date="2010-01-01", unemployed_months=30)],
        grants=[{"measure": "wep_plus", "funder": "VDAB", "amount_per_year": 6000}],
    )
    plan = compute_plan(case)
    months = shared_grant_months(plan.statutes, "wep_plus", 24)
    assert months.tolist() == [True] * 12 + [False] * 12


def test_a_shared_grant_statute_is_worth_its_grant_in_the_months_the_person_applies_it() -> None:
    values = two_shared_grants()
    assert values.shared() == ["g", "h"]
    assert values.value(0, "paid") == 600_00  # 300,00 + 300,00
    assert values.value(0, "g") == 400_00  # 4 months × 100,00
    assert values.value(1, "h") == 240_00  # 4 months × (40,00 + 20,00)
    assert values.value(2, "h") == 120_00  # 2 months × 60,00
    assert values.value(2, "g") == 0  # not eligible
    # A shared grant counts once, by month: never per person per funder.
    assert values.funder_value(1, "g", "VDAB") == 0.0
    assert values.funder_value(0, "paid", "federaal") == 600_00


def test_each_shared_grant_is_shared_among_the_people_on_its_own_statute() -> None:
    values = two_shared_grants()
    years = values.person_years(["g", "g", "h"])
    # g: persons 0 and 1 share 100,00 in each of the four months: 50,00 each a month.
    # h: person 2 alone, 60,00 in 2011-01 and 2011-02.
    assert years == [
        {2010: 100_00, 2011: 100_00},  # 2 × 50,00 in each year
        {2010: 100_00, 2011: 100_00},
        {2010: 0, 2011: 120_00},  # 2 × 60,00
    ]
    # On `paid` and `h`, person 1 alone on h: 60,00 × 2 a year; person 2 shares h in 2011.
    years = values.person_years(["paid", "h", "h"])
    assert years == [
        {2010: 300_00, 2011: 300_00},
        {2010: 120_00, 2011: 60_00},  # 2 × 60,00; then 2 × 30,00
        {2010: 0, 2011: 60_00},  # 2 × 30,00
    ]


def test_the_funder_of_each_shared_grant_counts_its_months_once() -> None:
    values = two_shared_grants()
    # g (persons 0, 1): VDAB 4 × 100,00 = 400,00; h (person 2, 2 months): VDAB 2 × 40,00 = 80,00.
    assert values.grant_funder_cents(["g", "g", "h"], "VDAB") == 480_00
    assert values.grant_funder_cents(["g", "g", "h"], "Vlaams") == 40_00  # 2 × 20,00
    assert values.grant_funder_cents(["paid", "regular", "regular"], "VDAB") == 0


def solved(values: StatuteValues, **constraints: Any) -> list[str]:
    return solve(values, Constraints(**constraints), ["p0", "p1", "p2"], ["regular"] * 3).assignment


def test_the_optimiser_books_each_shared_grant_in_the_months_someone_applies_it() -> None:
    # paid, g, h: 600,00 + g's 4 × 100,00 + h's 2 × 60,00 = 1 120,00, against
    # paid, h, h: 600,00 + h's 4 × 60,00 = 840,00 and g, h, h: 400,00 + 240,00 = 640,00.
    assert solved(two_shared_grants()) == ["paid", "g", "h"]


def test_a_cap_on_the_funder_of_two_shared_grants_counts_both() -> None:
    # VDAB ≤ 450,00: paid, g, h needs 400,00 + 80,00 = 480,00 from VDAB; paid, g, regular
    # (VDAB 400,00) brings 1 000,00, more than paid, h, h (VDAB 160,00) with 840,00.
    assert solved(two_shared_grants(), budget_cap={"VDAB": Decimal(450)}) == [
        "paid",
        "g",
        "regular",
    ]


def test_a_cap_may_name_the_funder_of_an_entered_wep_plus_grant() -> None:
    case = initiative(grants=[{"measure": "wep_plus", "funder": "VDAB", "amount_per_year": 6000}])
    assert cap_funders(case) == ["federaal", "Vlaams", "VDAB"]
