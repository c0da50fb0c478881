"""Exact money.

Every amount a plan sums lives on one integer grid: `UNITS_PER_EURO` units per euro. The grid
holds, exactly, every amount the rules produce from inputs with at most 2 decimals for money,
4 for FTE and degression factors, and 2 for hours: cents × basis points, and yearly amounts
paid 1/12 per month (100 × 10 000 × 12 = 12 000 000). Sums are exact integer sums; rounding
half away from zero to cents happens only when a line or a total is reported (RULEBOOK §1).

>>> to_cents(euros_to_units(Decimal("5035.01")) // 12 * 12)
503501
>>> format_cents(to_cents(units_from_fraction(1, 8)))    # 0.125 € rounds half up
'0.13'
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy

UNITS_PER_EURO = 12_000_000
UNITS_PER_CENT = UNITS_PER_EURO // 100


def euros_to_units(amount: Decimal) -> int:
    """An amount in euros, exactly on the grid (raises if it is not)."""
    units = amount * UNITS_PER_EURO
    if units != units.to_integral_value():
        raise ValueError(f"{amount} is not on the money grid")
    return int(units)


def units_from_fraction(numerator: int, denominator: int) -> int:
    """An exact fraction of a euro as units (raises if it is not on the grid)."""
    value = Fraction(numerator, denominator) * UNITS_PER_EURO
    if value.denominator != 1:
        raise ValueError(f"{numerator}/{denominator} € is not on the money grid")
    return int(value)


def snap_to_units(amounts: numpy.ndarray) -> numpy.ndarray:
    """Float64 amounts from the rules engine, snapped to the exact grid.

    The true amounts lie on the grid; float64 carries them with an error far below half a
    unit (about 1e-11 € on amounts below 1e5 €), so rounding to the nearest unit restores
    them exactly. NaN (not computable) becomes 0: callers read NaN positions first.
    """
    clean = numpy.where(numpy.isnan(amounts), 0.0, amounts)
    return numpy.rint(clean * UNITS_PER_EURO).astype(numpy.int64)


def to_cents(units: int) -> int:
    """Round units to whole cents, half away from zero (Decimal ROUND_HALF_UP)."""
    sign = -1 if units < 0 else 1
    cents, remainder = divmod(abs(units), UNITS_PER_CENT)
    if 2 * remainder >= UNITS_PER_CENT:
        cents += 1
    return sign * cents


# Amounts below this many units (about 384 billion euros) are rounded exactly in int64.
INT64_SAFE_UNITS = 2**62


def cents_of(units: list[int]) -> list[int]:
    """`to_cents` of many amounts at once (half away from zero), exact in int64; larger
    amounts (a valid file may hold 100 000 hours a month at 999 999 999.99 an hour) are
    rounded one by one as Python integers."""
    if units and not -INT64_SAFE_UNITS < min(units) <= max(units) < INT64_SAFE_UNITS:
        return [to_cents(amount) for amount in units]
    values = numpy.array(units, dtype=numpy.int64)
    rounded = (numpy.abs(values) + UNITS_PER_CENT // 2) // UNITS_PER_CENT
    return (numpy.sign(values) * rounded).tolist()


def format_cents(cents: int) -> str:
    """Cents as the contract's money string: exactly two decimals, '-' for negatives.

    >>> format_cents(-1234505), format_cents(7)
    ('-12345.05', '0.07')
    """
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole}.{part:02d}"


def cents_to_decimal(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)
