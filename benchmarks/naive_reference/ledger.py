"""Plan lines (CONTRACT §4): one per (leaf, measure, component, funder, person, activity, year)
and status, summed exactly in twelfths of a euro, rounded half away from zero to cents only
when reported (RULEBOOK §1).

>>> cents(Decimal("6581.575") * 12)   # 6 581.575 € (in twelfths) rounds up
658158
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import NamedTuple

# Rounding only: wide enough that a quotient by 12 lands on a half cent exactly when it is one.
ROUNDING = Context(prec=80, rounding=ROUND_HALF_UP)
CENT = Decimal("0.01")
TWELVE = Decimal(12)


def quotient_cents(numerator: Decimal, denominator: Decimal) -> int:
    """numerator / denominator euros as whole cents, half away from zero. A quotient that is
    exactly a half cent terminates, so the 80-digit division gives it exactly."""
    euros = ROUNDING.divide(numerator, denominator)
    return int(euros.quantize(CENT, rounding=ROUND_HALF_UP, context=ROUNDING).scaleb(2))


def cents(twelfths: Decimal) -> int:
    """An amount in twelfths of a euro as whole cents, half away from zero."""
    return quotient_cents(twelfths, TWELVE)


def money_text(amount_cents: int) -> str:
    """Cents as the contract's money string: two decimals, '-' for a negative amount."""
    sign = "-" if amount_cents < 0 else ""
    whole, part = divmod(abs(amount_cents), 100)
    return f"{sign}{whole}.{part:02d}"


class Line(NamedTuple):
    """One reported line; `cents` is its amount rounded half away from zero."""

    leaf: str
    measure: str
    component: str
    funder: str
    person: str | None
    activity: str | None
    year: int
    cents: int
    status: str

    def as_json(self) -> dict[str, object]:
        return {
            "leaf": self.leaf,
            "measure": self.measure,
            "component": self.component,
            "funder": self.funder,
            "person": self.person,
            "activity": self.activity,
            "year": self.year,
            "amount": money_text(self.cents),
            "status": self.status,
        }


# year, leaf, measure, component, person, activity, funder, status: also the order of lines.
Key = tuple[int, str, str, str, str, str, str, str]


class Ledger:
    """Exact amounts (twelfths of a euro) per line."""

    def __init__(self) -> None:
        self.amounts: dict[Key, Decimal] = {}

    def add(
        self,
        amount: Decimal,
        *,
        year: int,
        leaf: str,
        measure: str,
        component: str,
        funder: str,
        status: str,
        person: str | None = None,
        activity: str | None = None,
    ) -> None:
        key = (year, leaf, measure, component, person or "", activity or "", funder, status)
        self.amounts[key] = self.amounts.get(key, Decimal(0)) + amount

    def add_months(
        self,
        months: Sequence[int],
        amounts: Sequence[Decimal | None],
        funders: Sequence[str],
        *,
        leaf: str,
        measure: str,
        component: str,
        person: str | None = None,
        activity: str | None = None,
        status: str = "computed",
    ) -> None:
        """Sum monthly amounts per (year, funder) into lines: a line where the sum is not 0,
        and a `not_computable` line (0) for a year and funder with a month whose amount no
        parameter gives (None)."""
        sums: dict[tuple[int, str], Decimal] = {}
        unknown: set[tuple[int, str]] = set()
        for month, amount, funder in zip(months, amounts, funders, strict=True):
            group = (month // 12, funder)
            if amount is None:
                unknown.add(group)
            else:
                sums[group] = sums.get(group, Decimal(0)) + amount
        line = {"leaf": leaf, "measure": measure, "component": component}
        for (year, funder), total in sums.items():
            if total:
                self.add(
                    total,
                    year=year,
                    funder=funder,
                    status=status,
                    person=person,
                    activity=activity,
                    **line,
                )
        for year, funder in sorted(unknown):
            self.add(
                Decimal(0),
                year=year,
                funder=funder,
                status="not_computable",
                person=person,
                activity=activity,
                **line,
            )

    def total(self) -> Decimal:
        """The exact sum of every line, in twelfths (for the break-even price)."""
        return sum(self.amounts.values(), Decimal(0))

    def lines(self) -> list[Line]:
        return [
            Line(
                leaf,
                measure,
                component,
                funder,
                person or None,
                activity or None,
                year,
                cents(amount),
                status,
            )
            for (
                year,
                leaf,
                measure,
                component,
                person,
                activity,
                funder,
                status,
            ), amount in sorted(self.amounts.items())
        ]
