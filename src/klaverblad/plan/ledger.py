"""Plan lines in exact units, summed per (leaf, measure, component, funder, person, activity,
year, status) — the line of CONTRACT §4 — and rounded to cents only when reported."""

from __future__ import annotations

from typing import Literal, NamedTuple

from klaverblad.model.money import cents_of, format_cents

Status = Literal["computed", "entered", "not_computable"]
LEAVES = ("I", "II", "III", "IV")


class LineKey(NamedTuple):
    """The fields that make a line; a tuple so that sorting compares in C."""

    year: int
    leaf: str
    measure: str
    component: str
    person: str
    activity: str
    funder: str
    status: Status


class Line(NamedTuple):
    """One reported plan line; `cents` is its amount rounded half away from zero."""

    leaf: str
    measure: str
    component: str
    funder: str
    person: str | None
    activity: str | None
    year: int
    cents: int
    status: Status

    def to_dict(self) -> dict[str, object]:
        """The line as CONTRACT §4 writes it: its fields, the amount as a money string."""
        return {
            "leaf": self.leaf,
            "measure": self.measure,
            "component": self.component,
            "funder": self.funder,
            "person": self.person,
            "activity": self.activity,
            "year": self.year,
            "amount": format_cents(self.cents),
            "status": self.status,
        }


class Ledger:
    """Accumulates exact units per line key."""

    def __init__(self) -> None:
        self._units: dict[LineKey, int] = {}

    def add(
        self,
        *,
        year: int,
        leaf: str,
        measure: str,
        component: str,
        funder: str,
        units: int,
        status: Status,
        person: str | None = None,
        activity: str | None = None,
    ) -> None:
        key = LineKey(year, leaf, measure, component, person or "", activity or "", funder, status)
        self.add_key(key, units)

    def add_key(self, key: LineKey, units: int) -> None:
        """The fast path for callers that book many lines (one per person and year)."""
        self._units[key] = self._units.get(key, 0) + units

    def total_units(self) -> int:
        """The exact sum of every line (for the break-even price, before any rounding)."""
        return sum(self._units.values())

    def lines(self) -> list[Line]:
        """The lines in a stable order: by year, leaf, measure, component, person, activity."""
        items = sorted(self._units.items())
        cents = cents_of([units for _, units in items])
        return [
            Line(
                key.leaf,
                key.measure,
                key.component,
                key.funder,
                key.person or None,
                key.activity or None,
                key.year,
                amount,
                key.status,
            )
            for (key, _), amount in zip(items, cents, strict=True)
        ]
