"""The factors of one month's amount of a statute component, in the shape of its rule: a
monthly amount × FTE, a quarterly forfait × FTE (or × FTE ÷ the FTE of the full amount), a
yearly amount ÷ 12 × FTE (capped at the wage cost), a one-off premium, a percentage × the wage
cost capped at a multiple of the GGMMI × FTE. The component declares its shape in its statute's
`spec.py` (`Component.shape`, `rules.measure_spec.SumShape`); `advice.line_sums` groups the
months into terms.

Every factor is taken from what the month was computed from — its booked amount, the person's
FTE and wage cost, the values of the parameters its formulas read in that month (the plan's
provenance, by the unit of each parameter) and the person's inputs they used — and the
product of the factors must be the booked amount exactly (Fraction): a shape that cannot show
it so gives way to the component's rhythm (a monthly, quarterly or one-off amount).

>>> month = Booked(units=euros_to_units(Decimal("1656.384")), fte=Decimal(1),
...     wage=Decimal(4500), values={"times": (Decimal(2),), "currency-EUR": (Decimal("2070.48"),),
...     "percent": (Decimal(40), Decimal(30))})
>>> (before, count, after), notes = statute_shape("percent_of_capped_wage", "monthly", month)
>>> [(f.kind, str(f.value)) for f in before], count
([('percent', '40'), ('capped_wage_per_month', '4140.96')], 'months')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any, Literal

from klaverblad.model.money import UNITS_PER_EURO, euros_to_units
from klaverblad.rules.measure_spec import Rhythm, SumShape

FactorKind = Literal[
    "per_month",
    "per_quarter",
    "per_year",
    "per_hour",
    "once",
    "wage_per_month",
    "capped_wage_per_month",
    "twelfth",
    "full_fte",
    "months",
    "quarters",
    "times",
    "fte",
    "hours_per_month",
    "percent",
    "degression",
]
# The factors that divide ("÷ 12", "÷ 0,8 VTE"); every other factor multiplies.
DIVIDING = ("twelfth", "full_fte")
# The units of the parameters a shape reads (their `unit` metadata).
TIMES, MONEY, PERCENT, FTE = "times", "currency-EUR", "percent", "fte"


@dataclass(frozen=True)
class Factor:
    """One number of a term and what it is: `per_hour` with `minus` is (value − minus) an
    hour (a dienstencheque's public part: exchange value − user price); `twelfth` and
    `full_fte` divide; a `capped_wage_per_month` is `times` × the GGMMI × `fte`."""

    kind: FactorKind
    value: Decimal
    minus: Decimal | None = None
    times: Decimal | None = None
    fte: Decimal | None = None

    @property
    def multiplier(self) -> Fraction:
        if self.kind in DIVIDING:
            return 1 / Fraction(self.value)
        if self.kind == "percent":
            return Fraction(self.value) / 100
        return Fraction(self.value) - Fraction(self.minus or 0)

    def to_dict(self) -> dict[str, Any]:
        shown: dict[str, Any] = {"kind": self.kind, "value": str(self.value)}
        for name in ("minus", "times", "fte"):
            extra = getattr(self, name)
            if extra is not None:
                shown[name] = str(extra)
        return shown


@dataclass(frozen=True)
class Term:
    """A product of factors; `first_month` (a month index) orders the terms in time."""

    factors: tuple[Factor, ...]
    first_month: int

    @property
    def value(self) -> Fraction:
        product = Fraction(1)
        for factor in self.factors:
            product *= factor.multiplier
        return product


# (factors before the count, the count's kind, factors after it): the key of a term.
Shape = tuple[tuple[Factor, ...], FactorKind, tuple[Factor, ...]]


def exact_decimal(value: Fraction) -> Decimal | None:
    """`value` as a Decimal when it has a finite decimal expansion, else None.

    >>> exact_decimal(Fraction(859031, 1000)), exact_decimal(Fraction(500))
    (Decimal('859.031'), Decimal('500'))
    >>> exact_decimal(Fraction(1, 12)) is None
    True
    """
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1:
        return None
    with localcontext() as context:
        context.prec = 60
        exact = (Decimal(value.numerator) / Decimal(value.denominator)).normalize()
    # Without an exponent: 500, not 5E+2.
    return exact.quantize(Decimal(1)) if exact == exact.to_integral_value() else exact


def euros(units: int) -> Fraction:
    return Fraction(units, UNITS_PER_EURO)


def money_factors(units: int) -> tuple[Factor, ...]:
    """A monthly amount in units as factors that show it exactly: the amount itself, or (a
    twelfth of a yearly amount) the yearly amount ÷ 12."""
    exact = exact_decimal(euros(units))
    if exact is not None:
        return (Factor("per_month", exact),)
    yearly = exact_decimal(euros(units * 12))
    assert yearly is not None, "12 × a unit is a whole millionth of a euro"
    return (Factor("per_year", yearly), Factor("twelfth", Decimal(12)))


def cents_only(value: Decimal) -> bool:
    """True when `value` has at most two decimals (shown as money without rounding)."""
    return value == value.quantize(Decimal("0.01"))


@dataclass(frozen=True)
class Booked:
    """One month's booked amount of a person's component (in units) and what it was computed
    from: the person's FTE and wage cost, the values in force that month of the parameters its
    formulas read, by unit (`TIMES`, `MONEY`, `PERCENT`, `FTE`), and the numbers among the
    person's inputs they used (a decided percentage)."""

    units: int
    fte: Decimal
    wage: Decimal
    values: Mapping[str, tuple[Decimal, ...]] = field(default_factory=dict)
    inputs: tuple[Decimal, ...] = ()

    @property
    def amount(self) -> Fraction:
        return euros(self.units)


Found = tuple[Shape, tuple[str, ...]] | None


def _monthly(month: Booked) -> Found:
    return (money_factors(month.units), "months", ()), ()


def _quarterly(month: Booked) -> Found:
    amount = exact_decimal(month.amount)
    return None if amount is None else (((Factor("per_quarter", amount),), "quarters", ()), ())


def _one_off(month: Booked) -> Found:
    amount = exact_decimal(month.amount)
    return None if amount is None else (((Factor("once", amount),), "times", ()), ())


def _per_fte(month: Booked) -> Decimal | None:
    """The amount for 1 FTE, when it is whole cents."""
    per_fte = exact_decimal(month.amount / Fraction(month.fte))
    return per_fte if per_fte is not None and cents_only(per_fte) else None


def _monthly_fte(month: Booked) -> Found:
    per_fte = _per_fte(month)
    if per_fte is None:
        return None
    return ((Factor("per_month", per_fte),), "months", (Factor("fte", month.fte),)), ()


def _quarterly_fte(month: Booked) -> Found:
    per_fte = _per_fte(month)
    if per_fte is None:
        return None
    return ((Factor("per_quarter", per_fte),), "quarters", (Factor("fte", month.fte),)), ()


def _quarterly_fte_share(month: Booked) -> Found:
    """A forfait in full from an FTE on, below it × FTE ÷ that FTE: the forfait is one of the
    amounts read, the FTE of the full amount one of the FTEs read."""
    for forfait in month.values.get(MONEY, ()):
        if Fraction(forfait) == month.amount:
            return ((Factor("per_quarter", forfait),), "quarters", ()), ()
        for full in month.values.get(FTE, ()):
            share = Fraction(month.fte) / Fraction(full)
            if full > month.fte and Fraction(forfait) * share == month.amount:
                after = (Factor("fte", month.fte), Factor("full_fte", full))
                return ((Factor("per_quarter", forfait),), "quarters", after), ()
    return None


def _yearly_fte(month: Booked) -> Found:
    yearly = exact_decimal(month.amount * 12 / Fraction(month.fte))
    if yearly is None or not cents_only(yearly):
        return None
    head = (Factor("per_year", yearly), Factor("twelfth", Decimal(12)))
    return (head, "months", (Factor("fte", month.fte),)), ()


def _yearly_fte_capped(month: Booked) -> Found:
    if month.units == euros_to_units(month.wage):
        return ((Factor("wage_per_month", month.wage),), "months", ()), ("capped_at_wage_cost",)
    return _yearly_fte(month)


def _wage_bases(month: Booked) -> list[tuple[Fraction, Factor]]:
    """The wage cost the percentage applies to, as a factor: capped at each multiple of the
    GGMMI × FTE read (a ratio × an amount), or, under every cap or without one, the wage."""
    wage = (Fraction(month.wage), Factor("wage_per_month", month.wage))
    bases = []
    for times in month.values.get(TIMES, ()):
        for ggmmi in month.values.get(MONEY, ()):
            cap = Fraction(times) * Fraction(ggmmi) * Fraction(month.fte)
            shown = exact_decimal(cap)
            if cap >= wage[0]:
                bases.append(wage)
            elif shown is not None:
                capped = Factor("capped_wage_per_month", shown, times=times, fte=month.fte)
                bases.append((cap, capped))
    return bases or [wage]


def _percent_of_capped_wage(month: Booked) -> Found:
    """pct % × min(wage cost, cap): the percentage is one of those read (or decided), the
    one whose product with the capped wage is the booked amount."""
    percentages = (*month.values.get(PERCENT, ()), *month.inputs)
    for base, factor in _wage_bases(month):
        for percentage in percentages:
            if Fraction(percentage) / 100 * base == month.amount:
                return ((Factor("percent", percentage), factor), "months", ()), ()
    return None


BY_SHAPE: dict[SumShape, Callable[[Booked], Found]] = {
    "monthly": _monthly,
    "monthly_fte": _monthly_fte,
    "quarterly": _quarterly,
    "quarterly_fte": _quarterly_fte,
    "quarterly_fte_share": _quarterly_fte_share,
    "yearly_fte": _yearly_fte,
    "yearly_fte_capped": _yearly_fte_capped,
    "one_off": _one_off,
    "percent_of_capped_wage": _percent_of_capped_wage,
}
# The shapes that read parameter values or inputs (the others need the amount and the FTE).
READING = frozenset({"quarterly_fte_share", "percent_of_capped_wage"})


def statute_shape(
    shape: SumShape | None, rhythm: Rhythm, month: Booked
) -> tuple[Shape, tuple[str, ...]]:
    """The factors of one month's amount and the notes they need: in `shape`, else (no shape,
    or numbers that would not be exact) in the shape of the component's rhythm, else the
    month's amount."""
    for chosen in (shape, rhythm):
        found = BY_SHAPE[chosen](month) if chosen is not None else None
        if found is not None:
            return found
    found = _monthly(month)
    assert found is not None
    return found
