"""Strict field types for the initiative file: exact decimals, dates, months.

Each rejects what the OpenFisca probe found dangerous (a string "false" read as true, 17.9
truncated to 17, "1000" accepted as a number) with a plain message.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StrictBool, StrictInt

from klaverblad.model.echo import echo
from klaverblad.model.months import parse_month
from klaverblad.model.number_reader import NumberError, bounded, read_decimal

__all__ = [
    "Day",
    "Factor",
    "Fte",
    "Hours",
    "Id",
    "MaatwerkPercentage",
    "Money",
    "Month",
    "StrictBool",
    "StrictInt",
]


def _decimal(value: Any, places: int, what: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise ValueError(f"must be a number ({what})")
    try:
        number = read_decimal(value) if isinstance(value, str) else bounded(value)
    except NumberError as error:
        raise ValueError(f"{error} ({what})") from None
    quantum = Decimal(1).scaleb(-places)
    try:
        exact = number == number.quantize(quantum)
    except InvalidOperation:
        # More digits than the decimal context holds (1e30 at 2 decimals): far out of range.
        raise ValueError(f"{echo(value)} is far too large ({what})") from None
    if not exact:
        raise ValueError(f"has more than {places} decimals ({what})")
    return number


def _money(value: Any) -> Decimal:
    number = _decimal(value, 2, "euros with at most 2 decimals")
    if number < 0:
        raise ValueError("must not be negative")
    if number >= Decimal(10) ** 9:
        raise ValueError("is too large (at most 999 999 999.99)")
    return number


def _fte(value: Any) -> Decimal:
    number = _decimal(value, 4, "a fraction of full time, e.g. 0.8")
    if not Decimal(0) < number <= Decimal(1):
        raise ValueError("must be more than 0 and at most 1")
    return number


def _factor(value: Any) -> Decimal:
    number = _decimal(value, 4, "a factor between 0 and 1, e.g. 0.75")
    if not Decimal(0) <= number <= Decimal(1):
        raise ValueError("must lie between 0 and 1")
    return number


def _hours(value: Any) -> Decimal:
    number = _decimal(value, 2, "hours with at most 2 decimals")
    if not Decimal(0) <= number <= Decimal(100_000):
        raise ValueError("must lie between 0 and 100 000 hours")
    return number


# YYYY-MM-DD in ASCII digits (a text of exactly this form is safe to quote as it is).
_DAY_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def _day(value: Any) -> date:
    if isinstance(value, datetime):
        raise ValueError("must be a date YYYY-MM-DD without a time")
    if isinstance(value, date):
        day = value
    elif isinstance(value, str):
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            if _DAY_PATTERN.match(value.strip()):
                # The form is right, the day is not in the calendar (2023-02-30, 2023-13-01).
                raise ValueError(f"{value.strip()} does not exist") from None
            raise ValueError(f"{echo(value)} is not a date in the form YYYY-MM-DD") from None
        if len(value.strip()) != 10:
            raise ValueError(f"{echo(value)} is not a date in the form YYYY-MM-DD")
    else:
        raise ValueError("must be a date in the form YYYY-MM-DD")
    if not 1900 <= day.year <= 2200:
        raise ValueError("must lie between the years 1900 and 2200")
    return day


def _month(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("must be a month in the form YYYY-MM (e.g. 2006-01)")
    index = parse_month(value.strip())
    if not 1900 * 12 <= index < 2201 * 12:
        raise ValueError("must lie between the years 1900 and 2200")
    return value.strip()


def _maatwerk_percentage(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("must be a whole number of percent from 20 to 75")
    if not 20 <= value <= 75 or value % 5:
        raise ValueError("must be a multiple of 5 from 20 to 75 (a VDAB decision)")
    return value


# Characters that reorder or hide text (bidirectional controls): in a name they make what is
# shown differ from what is stored.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _identifier(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    for character in value:
        if unicodedata.category(character) in ("Cc", "Cs") or character in _BIDI_CONTROLS:
            raise ValueError(
                f"must not contain the control character U+{ord(character):04X} "
                "(names and ids are plain text on one line)"
            )
    return value


MaatwerkPercentage = Annotated[int, BeforeValidator(_maatwerk_percentage)]
Money = Annotated[Decimal, BeforeValidator(_money)]
Fte = Annotated[Decimal, BeforeValidator(_fte)]
Factor = Annotated[Decimal, BeforeValidator(_factor)]
Hours = Annotated[Decimal, BeforeValidator(_hours)]
Day = Annotated[date, BeforeValidator(_day)]
Month = Annotated[str, BeforeValidator(_month)]
Id = Annotated[str, Field(strict=True, min_length=1, max_length=100), AfterValidator(_identifier)]
