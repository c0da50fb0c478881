"""Strict field types for the initiative file: exact decimals, dates, months.

Each rejects what the OpenFisca probe found dangerous (a string "false" read as true, 17.9
truncated to 17, "1000" accepted as a number) with a plain message, raised as a
`PydanticCustomError` of its kind (`model/problem_kinds.py`) so that pages can say it in
their language.
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
from klaverblad.model.problems import KindError, refusal

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
        raise refusal("number_type", what=what)
    try:
        number = read_decimal(value) if isinstance(value, str) else bounded(value)
    except NumberError as error:
        raise refusal(error.kind, " ({what})", **error.params, what=what) from None
    quantum = Decimal(1).scaleb(-places)
    try:
        exact = number == number.quantize(quantum)
    except InvalidOperation:
        # More digits than the decimal context holds (1e30 at 2 decimals): far out of range.
        raise refusal("decimal_far_too_large", value=echo(value), what=what) from None
    if not exact:
        raise refusal("too_many_decimals", places=places, what=what)
    return number


def _money(value: Any) -> Decimal:
    number = _decimal(value, 2, "euros with at most 2 decimals")
    if number < 0:
        raise refusal("negative")
    if number >= Decimal(10) ** 9:
        raise refusal("money_too_large")
    return number


def _fte(value: Any) -> Decimal:
    number = _decimal(value, 4, "a fraction of full time, e.g. 0.8")
    if not Decimal(0) < number <= Decimal(1):
        raise refusal("fte_range")
    return number


def _factor(value: Any) -> Decimal:
    number = _decimal(value, 4, "a factor between 0 and 1, e.g. 0.75")
    if not Decimal(0) <= number <= Decimal(1):
        raise refusal("factor_range")
    return number


def _hours(value: Any) -> Decimal:
    number = _decimal(value, 2, "hours with at most 2 decimals")
    if not Decimal(0) <= number <= Decimal(100_000):
        raise refusal("hours_range")
    return number


# YYYY-MM-DD in ASCII digits (a text of exactly this form is safe to quote as it is).
_DAY_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def _day(value: Any) -> date:
    if isinstance(value, datetime):
        raise refusal("date_with_time")
    if isinstance(value, date):
        day = value
    elif isinstance(value, str):
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            if _DAY_PATTERN.match(value.strip()):
                # The form is right, the day is not in the calendar (2023-02-30, 2023-13-01).
                raise refusal("day_does_not_exist", day=value.strip()) from None
            raise refusal("not_a_date", value=echo(value)) from None
        if len(value.strip()) != 10:
            raise refusal("not_a_date", value=echo(value))
    else:
        raise refusal("date_type")
    if not 1900 <= day.year <= 2200:
        raise refusal("year_range")
    return day


def _month(value: Any) -> str:
    if not isinstance(value, str):
        raise refusal("month_type")
    try:
        index = parse_month(value.strip())
    except KindError as error:
        raise refusal(error.kind, **error.params) from None
    if not 1900 * 12 <= index < 2201 * 12:
        raise refusal("year_range")
    return value.strip()


def _maatwerk_percentage(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise refusal("percentage_type")
    if not 20 <= value <= 75 or value % 5:
        raise refusal("percentage_step")
    return value


# Characters that reorder or hide text (bidirectional controls): in a name they make what is
# shown differ from what is stored.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _identifier(value: str) -> str:
    if not value.strip():
        raise refusal("empty_text")
    for character in value:
        if unicodedata.category(character) in ("Cc", "Cs") or character in _BIDI_CONTROLS:
            raise refusal("control_character", code=f"{ord(character):04X}")
    return value


MaatwerkPercentage = Annotated[int, BeforeValidator(_maatwerk_percentage)]
Money = Annotated[Decimal, BeforeValidator(_money)]
Fte = Annotated[Decimal, BeforeValidator(_fte)]
Factor = Annotated[Decimal, BeforeValidator(_factor)]
Hours = Annotated[Decimal, BeforeValidator(_hours)]
Day = Annotated[date, BeforeValidator(_day)]
Month = Annotated[str, BeforeValidator(_month)]
Id = Annotated[str, Field(strict=True, min_length=1, max_length=100), AfterValidator(_identifier)]
