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
from typing import Any

from klaverblad.model.echo import echo
from klaverblad.model.limits import NUMBER_CHARACTERS, SIGNIFICANT_DIGITS
from klaverblad.model.problem_kinds import english

_PLAIN = re.compile(r"[+-]?(?P<whole>[0-9]*)(?:[.,](?P<part>[0-9]*))?")
# The largest magnitude any field could mean: far above every range, far below a slow number.
_LARGEST_EXPONENT = SIGNIFICANT_DIGITS


class NumberError(ValueError):
    """The text or value is not a number this program reads; the message says why, and, for
    the readers' own refusals, `kind` and `params` name it (`model/problem_kinds.py`)."""

    def __init__(self, message: str, kind: str = "", **params: Any) -> None:
        super().__init__(message)
        self.kind = kind
        self.params = params

    @classmethod
    def of(cls, kind: str, **params: Any) -> NumberError:
        """A refusal of one of the readers' kinds, its English message filled in."""
        return cls(english(kind, **params), kind, **params)


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


def _refuse(text: str, kind: str, **params: Any) -> NumberError:
    return NumberError.of(kind, **params, value=echo(text))


def read_decimal(text: str, *, decimal_comma: bool = False) -> Decimal:
    """A number written as plain digits with at most one decimal point (or comma, when
    `decimal_comma`), read exactly; raises `NumberError` for anything else."""
    stripped = text.strip()
    if len(stripped) > NUMBER_CHARACTERS:
        raise NumberError.of("number_too_long", value=echo(stripped))
    if not stripped:
        raise NumberError.of("number_empty")
    match = _PLAIN.fullmatch(stripped)
    if match is None or not (match["whole"] or match["part"]):
        lowered = stripped.lower()
        if "e" in lowered and any(ch.isdigit() for ch in lowered):
            raise _refuse(stripped, "number_exponent")
        raise _refuse(stripped, "number_form")
    if "," in stripped and not decimal_comma:
        raise _refuse(stripped, "number_decimal_comma")
    digits = (match["whole"] + (match["part"] or "")).lstrip("0")
    if len(digits) > SIGNIFICANT_DIGITS:
        raise _refuse(stripped, "number_digits", digits=SIGNIFICANT_DIGITS)
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
        raise NumberError.of("number_boolean")
    if isinstance(value, FarNumber):
        raise _refuse(value.literal, "number_far")
    if isinstance(value, float) and not math.isfinite(value):
        raise _refuse(repr(value), "number_not_finite")
    if isinstance(value, int):
        if value.bit_length() > 4 * _LARGEST_EXPONENT:
            raise _refuse(f"{str(value)[:12]}…", "number_far_too_large")
        return Decimal(value)
    if isinstance(value, Fraction):
        if max(value.numerator.bit_length(), value.denominator.bit_length()) > 200:
            raise _refuse(str(value), "number_too_precise")
        return Decimal(value.numerator) / Decimal(value.denominator)
    try:
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        raise _refuse(str(value), "number_invalid") from None
    if not number.is_finite():
        raise _refuse(str(value), "number_not_finite")
    if number and abs(number.adjusted()) > _LARGEST_EXPONENT:
        raise _refuse(str(value), "number_far")
    if len(number.as_tuple().digits) > SIGNIFICANT_DIGITS:
        raise _refuse(str(value), "number_digits", digits=SIGNIFICANT_DIGITS)
    return number


def read_fraction(text: str, *, decimal_comma: bool = False) -> Fraction:
    """`read_decimal` as an exact `Fraction` (weights, rates)."""
    return Fraction(read_decimal(text, decimal_comma=decimal_comma))


def read_integer(text: str) -> int:
    """A whole number written as digits ('30', '030', '30.0' is refused)."""
    number = read_decimal(text)
    if number != number.to_integral_value() or "." in text:
        raise _refuse(text.strip(), "number_not_whole")
    return int(number)
