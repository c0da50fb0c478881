"""What the grants, vouchers and regional funders read from the rules is looked up once per set
of rules and horizon (`plan.horizon_cache`): a plan under changed rules must still read its own
rules, and no plan may change what the next one reads."""

from __future__ import annotations

import functools

import numpy
import pytest

from klaverblad.model.initiative import Grant
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.plan.horizon_cache import LIMIT, remember
from klaverblad.plan.initiative_lines import grant_units_by_month, measure_open, regional_funder
from klaverblad.rules import baseline_system
from klaverblad.rules.reforms.registry import ParameterChange, reformed_system
from tests.builders import initiative


def _voucher_lines(plan: FinancingPlan) -> dict[str, int]:
    return {line.component: line.cents for line in plan.lines if line.measure == "dienstencheque"}


def test_a_changed_voucher_price_is_read_by_a_plan_of_the_same_horizon() -> None:
    # 100 hours of dienstencheques a month in 2025: the user pays 10,00 an hour, the public
    # part is the exchange value 27,50 − 10,00 = 17,50 (RULEBOOK §4.2): over 12 months
    # 12 000,00 and 21 000,00.
    plan = initiative(
        horizon={"start": "2025-01", "months": 12},
        recognitions=["dienstencheque_onderneming"],
        activities=[
            {
                "id": "strijk",
                "kind": "strijk",
                "hours_per_month": 100,
                "payment": "dienstencheque",
                "client_group": "particulier",
            }
        ],
    )
    baseline = _voucher_lines(compute_plan(plan))
    assert baseline == {"gebruiker": 1_200_000, "overheid": 2_100_000}
    # The same horizon under a user price of 11,00 from 2025-01, after the baseline's answers
    # are kept: 13 200,00 from the user, 16,50 × 100 × 12 = 19 800,00 public.
    change = ParameterChange("dienstencheque.gebruikersprijs", 11.0, "2025-01")
    reformed = _voucher_lines(compute_plan(plan, reformed_system(changes=(change,))))
    assert reformed == {"gebruiker": 1_320_000, "overheid": 1_980_000}
    assert _voucher_lines(compute_plan(plan)) == baseline


def test_an_answer_cannot_be_changed_by_the_plan_that_reads_it() -> None:
    tree = baseline_system().parameters
    months = numpy.arange(2025 * 12, 2025 * 12 + 12)
    inside = measure_open(tree, months, "dienstencheque", None)
    assert inside is not None and inside.all()
    with pytest.raises(ValueError, match="read-only"):
        inside[0] = False
    assert regional_funder(tree, months) == ("Vlaams",) * 12


def test_the_answers_of_one_tree_are_bounded() -> None:
    tree = reformed_system(changes=(ParameterChange("art60.paid", True, "2030-01"),)).parameters
    for index in range(LIMIT + 10):
        remember(tree, ("test", index), functools.partial(str, index))
    # The oldest half went when the limit was reached: the first is computed again, the
    # last is still kept.
    assert remember(tree, ("test", 0), lambda: "again") == "again"
    assert remember(tree, ("test", LIMIT + 9), lambda: "again") == str(LIMIT + 9)


def test_a_degression_factor_holds_for_every_later_plan_year() -> None:
    grant = Grant.model_validate(
        {"measure": "lde", "funder": "Vlaams", "amount_per_year": 1200, "degression": [1, 0.5]}
    )
    months = numpy.arange(36)
    units = grant_units_by_month(grant, months, 0)
    # 1 200,00 a year is 100,00 a month: 100 × 12 000 000 units (model.money) in the first
    # plan year, half of it in the second, and in the third the last factor still holds.
    assert units[0] == units[11] == 1_200_000_000
    assert units[12] == units[35] == 600_000_000
