"""The bounded number reader: every number typed as text goes through `read_decimal` before it
becomes a `Decimal`, `Fraction` or `int`, so that no input can make a conversion slow or huge.

Refused, each with a plain message: text longer than `NUMBER_CHARACTERS`, exponents (`1e5`),
NaN and Infinity, more than `SIGNIFICANT_DIGITS` significant digits, anything but digits with
at most one decimal separator. Numbers that arrive already parsed (JSON, YAML, Excel cells) go
through `bounded` instead.

>>> read_decimal("2950.50")
Decimal('2950.50')
>>> read_decimal("0,8", decimal_comma=True)
Decimal('0.8')
>>> try:
...     read_decimal("1e1000000")
... except NumberError as error:
...     print(error)
'1e1000000' is not a number: write digits only, without an exponent
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from klaverblad.model.echo import echo
from klaverblad.model.limits import NUMBER_CHARACTERS, SIGNIFICANT_DIGITS

_PLAIN = re.compile(r"[+-]?(?P<whole>[0-9]*)(?:[.,](?P<part>[0-9]*))?")
# The largest magnitude any field could mean: far above every range, far below a slow number.
_LARGEST_EXPONENT = SIGNIFICANT_DIGITS


class NumberError(ValueError):
    """The text or value is not a number this program reads; the message says why."""


class FarNumber(float):
    """A number of a document written with an exponent beyond any field's range (`1e-1000000`,
    `1e400`): its float would silently be 0.0 or infinite, so the document readers keep the
    literal and `bounded` refuses it, at the field that gets it."""

    literal: str

    def __new__(cls, literal: str) -> FarNumber:
        number = super().__new__(cls, float(literal))
        number.literal = literal
        return number


def float_literal(literal: str) -> float:
    """A float literal of a document (JSON, YAML) as a float, or a `FarNumber` when its
    exponent is beyond any field's range.

    >>> float_literal("2950.5"), type(float_literal("1e-1000000")).__name__
    (2950.5, 'FarNumber')
    """
    try:
        exponent = Decimal(literal.replace("_", "")).adjusted()
    except InvalidOperation:
        return float(literal)
    return FarNumber(literal) if abs(exponent) > _LARGEST_EXPONENT else float(literal)


def _refuse(text: str, why: str) -> NumberError:
    return NumberError(f"{echo(text)} is not a number: {why}")


def read_decimal(text: str, *, decimal_comma: bool = False) -> Decimal:
    """A number written as plain digits with at most one decimal point (or comma, when
    `decimal_comma`), read exactly; raises `NumberError` for anything else."""
    stripped = text.strip()
    if len(stripped) > NUMBER_CHARACTERS:
        raise NumberError(f"{echo(stripped)} is too long for a number")
    if not stripped:
        raise NumberError("is empty, not a number")
    match = _PLAIN.fullmatch(stripped)
    if match is None or not (match["whole"] or match["part"]):
        lowered = stripped.lower()
        if "e" in lowered and any(ch.isdigit() for ch in lowered):
            raise _refuse(stripped, "write digits only, without an exponent")
        raise _refuse(stripped, "use digits and at most one decimal separator")
    if "," in stripped and not decimal_comma:
        raise _refuse(stripped, "use a decimal point")
    digits = (match["whole"] + (match["part"] or "")).lstrip("0")
    if len(digits) > SIGNIFICANT_DIGITS:
        raise _refuse(stripped, f"it has more than {SIGNIFICANT_DIGITS} significant digits")
    return Decimal(stripped.replace(",", "."))


def bounded(value: int | float | Decimal | Fraction) -> Decimal:
    """A number that arrived already parsed, as an exact `Decimal`, refused when it is not
    finite or its magnitude or precision is beyond any field's range.

    >>> bounded(0.1)
    Decimal('0.1')
    >>> bounded(float("inf"))
    Traceback (most recent call last):
    klaverblad.model.number_reader.NumberError: 'inf' is not a number: it is not finite
    """
    if isinstance(value, bool):
        raise NumberError("true or false is not a number")
    if isinstance(value, FarNumber):
        raise _refuse(value.literal, "it is far too large or too small")
    if isinstance(value, float) and not math.isfinite(value):
        raise _refuse(repr(value), "it is not finite")
    if isinstance(value, int):
        if value.bit_length() > 4 * _LARGEST_EXPONENT:
            raise _refuse(f"{str(value)[:12]}…", "it is far too large")
        return Decimal(value)
    if isinstance(value, Fraction):
        if max(value.numerator.bit_length(), value.denominator.bit_length()) > 200:
            raise _refuse(str(value), "it is far too large or too precise")
        return Decimal(value.numerator) / Decimal(value.denominator)
    try:
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        raise _refuse(str(value), "it is not a number") from None
    if not number.is_finite():
        raise _refuse(str(value), "it is not finite")
    if number and abs(number.adjusted()) > _LARGEST_EXPONENT:
        raise _refuse(str(value), "it is far too large or too small")
    if len(number.as_tuple().digits) > SIGNIFICANT_DIGITS:
        raise _refuse(str(value), f"it has more than {SIGNIFICANT_DIGITS} significant digits")
    return number


def read_fraction(text: str, *, decimal_comma: bool = False) -> Fraction:
    """`read_decimal` as an exact `Fraction` (weights, rates)."""
    return Fraction(read_decimal(text, decimal_comma=decimal_comma))


def read_integer(text: str) -> int:
    """A whole number written as digits ('30', '030', '30.0' is refused)."""
    number = read_decimal(text)
    if number != number.to_integral_value() or "." in text:
        raise _refuse(text.strip(), "it must be a whole number")
    return int(number)
