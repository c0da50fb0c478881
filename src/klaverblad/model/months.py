"""Calendar months as integers (months since year 0), the plan's time grid (RULEBOOK §1).

>>> month_index(2006, 3), month_label(month_index(2006, 3))
(24074, '2006-03')
"""

from __future__ import annotations

import re
from datetime import date

from klaverblad.model.echo import echo
from klaverblad.model.problems import KindError

# ASCII digits only: `\d` alone would also take "٢٠٠٦-٠١" (Arabic-Indic digits).
MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)


def month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def month_of_date(day: date) -> int:
    return month_index(day.year, day.month)


def parse_month(text: str) -> int:
    """'YYYY-MM' as a month index; raises a ValueError (`KindError`, `not_a_month`) with a
    plain message otherwise."""
    match = MONTH_PATTERN.match(text)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise KindError("not_a_month", value=echo(text))
    return month_index(int(match.group(1)), int(match.group(2)))


def month_label(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def year_of(index: int) -> int:
    return index // 12


def first_day(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)
