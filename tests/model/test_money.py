from decimal import ROUND_HALF_UP, Decimal

import numpy
import pytest

from klaverblad.model.money import (
    UNITS_PER_EURO,
    cents_of,
    euros_to_units,
    format_cents,
    snap_to_units,
    to_cents,
)


@pytest.mark.parametrize(
    ("euros", "expected_cents"),
    [
        ("208.535", 20854),  # 834.14 × 0.25: the half cent float32 got wrong (spike §2.3)
        ("208.534", 20853),
        ("-10.005", -1001),  # half away from zero, also for a negative gap
        ("-10.004", -1000),
        ("0.004", 0),
    ],
)
def test_rounding_to_cents_is_half_away_from_zero(euros: str, expected_cents: int) -> None:
    units = int(Decimal(euros) * UNITS_PER_EURO)
    assert to_cents(units) == expected_cents
    decimal_cents = (Decimal(euros) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert to_cents(units) == int(decimal_cents)


def test_a_yearly_amount_paid_monthly_adds_back_to_the_yearly_amount_exactly() -> None:
    monthly = euros_to_units(Decimal("5035.01")) // 12
    assert monthly * 12 == euros_to_units(Decimal("5035.01"))
    assert to_cents(monthly * 12) == 503501


def test_float64_engine_amounts_snap_back_to_their_exact_value() -> None:
    # 5035.01 / 12 × 0.7 is not a finite decimal; its exact value is on the grid.
    engine = numpy.array([5035.01 / 12 * 0.7, 834.14 * 0.25, numpy.nan])
    exact = [euros_to_units(Decimal("5035.01")) * 7 // 120, euros_to_units(Decimal("208.535")), 0]
    assert snap_to_units(engine).tolist() == exact


def test_an_amount_off_the_grid_is_refused() -> None:
    with pytest.raises(ValueError, match="not on the money grid"):
        euros_to_units(Decimal("0.0000001"))


def test_money_strings_have_exactly_two_decimals() -> None:
    assert format_cents(600000) == "6000.00"
    assert format_cents(-5) == "-0.05"


def test_rounding_many_amounts_at_once_equals_rounding_each() -> None:
    half = UNITS_PER_EURO // 200
    units = [0, 1, -1, half, -half, half - 1, -(half - 1), 3 * half, -3 * half, 10**16, -(10**16)]
    units += [int(x) for x in numpy.random.default_rng(7).integers(-(10**12), 10**12, 1000)]
    assert cents_of(units) == [to_cents(u) for u in units]
