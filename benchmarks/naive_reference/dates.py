"""Time as RULEBOOK §1 counts it: calendar months, months and quarters of employment, ages.

Months are numbered `year × 12 + month − 1`, so that the calendar quarter of month m is
m // 3 and its last month has m % 3 == 2.

>>> month_number(2006, 3), month_text(month_number(2006, 3))
(24074, '2006-03')
>>> age_on(date(1968, 3, 15), date(2006, 3, 1))
37
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Months after any plan's horizon: the "end" of a person without an end date.
NO_END = 10**9
LOW_SKILLED = {"geen", "lager", "lager_secundair"}


def month_number(year: int, month: int) -> int:
    return year * 12 + month - 1


def month_of(day: date) -> int:
    return month_number(day.year, day.month)


def month_text(month: int) -> str:
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


def parse_month_text(text: str) -> int:
    year, month = text.split("-")
    return month_number(int(year), int(month))


def first_day(month: int) -> date:
    return date(month // 12, month % 12 + 1, 1)


def age_on(birth: date, day: date) -> int:
    """Completed years on `day`."""
    before_birthday = (day.month, day.day) < (birth.month, birth.day)
    return day.year - birth.year - (1 if before_birthday else 0)


def last_day_of_quarter(month: int) -> date:
    """The last day of the calendar quarter that holds `month`."""
    last = month // 3 * 3 + 2
    year, number = last // 12, last % 12 + 1
    return date(year, number, 31 if number in (3, 12) else 30)


@dataclass(frozen=True)
class Employment:
    """One person's months (RULEBOOK §1): employed in whole months from the start month to the
    end month; month of employment n = 1 in the start month; quarter index k = 1 in the
    calendar quarter that holds the start date."""

    start: int
    end: int

    def employed(self, month: int) -> bool:
        return self.start <= month <= self.end

    def month_of_employment(self, month: int) -> int:
        return month - self.start + 1

    def quarter_index(self, month: int) -> int:
        return month // 3 - self.start // 3 + 1

    def forfait_due(self, month: int) -> bool:
        """A quarterly forfait is booked in the last month of each calendar quarter in which
        the person was employed for at least one month."""
        if month % 3 != 2:
            return False
        return self.start <= month and self.end >= month - 2
