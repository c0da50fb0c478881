"""What the wage statutes read about a person and the promoter, and the shape of a statute.

Money is counted in TWELFTHS of a euro everywhere in this package: a monthly amount m is
booked as 12 × m and a yearly amount y paid 1/12 a month as y itself. Every amount the rules
make is then an exact `Decimal` product of the file's decimals (RULEBOOK §1: "yearly amounts
paid monthly: amount / 12 per month, exact arithmetic"); the one division by 12 comes when a
line or a total is rounded to cents (`ledger.cents`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from benchmarks.naive_reference.dates import (
    LOW_SKILLED,
    NO_END,
    Employment,
    age_on,
    first_day,
    last_day_of_quarter,
    month_of,
)
from benchmarks.naive_reference.parameters import load_parameters
from klaverblad.model.initiative import Initiative, Person

P = load_parameters()
TWELVE = Decimal(12)
ZERO = Decimal(0)
REGIONALISED = "regionalised"
# A component's amounts per horizon month: twelfths of a euro, 0 when nothing is due, None
# when something is due but no parameter gives its amount (a `not_computable` line).
Amounts = list[Decimal | None]

ON_BENEFIT = {"uvw", "wachtuitkering"}
ON_AID = {"leefloon", "financiele_hulp"}
LOCAL_AUTHORITIES = {"gemeente", "ocmw", "intercommunale"}


def monthly(amount: Decimal | None, factor: Decimal = Decimal(1)) -> Decimal | None:
    """A monthly amount × `factor`, in twelfths; None stays None (not computable)."""
    return None if amount is None else amount * factor * TWELVE


def regional_funder(month: int) -> str:
    """federaal until 2014-06, Vlaams from 2014-07 (RULEBOOK §1, sixth state reform)."""
    flemish = P.flag("regionalisation.activation_measures_flemish", month)
    return "Vlaams" if flemish else "federaal"


@dataclass(frozen=True)
class Facts:
    """One person of one initiative, with the start-date facts every statute reads."""

    person: Person
    legal_form: str
    recognitions: frozenset[str]
    job: Employment
    age_at_start: int
    age_end_of_hiring_quarter: int

    @classmethod
    def of(cls, initiative: Initiative, person: Person) -> Facts:
        start = month_of(person.start_date)
        end = month_of(person.end_date) if person.end_date else NO_END
        return cls(
            person=person,
            legal_form=initiative.promoter.legal_form,
            recognitions=frozenset(initiative.recognitions),
            job=Employment(start, end),
            age_at_start=age_on(person.birth_date, first_day(start)),
            age_end_of_hiring_quarter=age_on(person.birth_date, last_day_of_quarter(start)),
        )

    @property
    def start(self) -> int:
        return self.job.start

    @property
    def fte(self) -> Decimal:
        return self.person.fte

    @property
    def wage(self) -> Decimal:
        return self.person.monthly_wage_cost

    @property
    def status(self) -> str:
        return self.person.status

    @property
    def unemployed_months(self) -> int:
        return self.person.unemployed_months

    @property
    def low_skilled(self) -> bool:
        return self.person.diploma in LOW_SKILLED

    def at_start(self, name: str) -> Any:
        """A parameter's value in force in the start month (start-date rules)."""
        return P.at(name, self.start)

    def open_at_start(self, measure: str) -> bool:
        return P.flag(f"{measure}.start_window", self.start)


@dataclass(frozen=True)
class Statute:
    """A wage statute of RULEBOOK §3: conditions judged at the start, amounts per month.

    `amounts(facts, months)` gives per component the amounts of each horizon month, the person
    being eligible; `fixed_leaf` names the components whose leaf is not II for a target person
    and I for a supervisor; `component_funder` those not paid by the statute's funder
    ('federaal', 'Vlaams', or REGIONALISED: federaal until 2014-06, then Vlaams)."""

    name: str
    funder: str
    eligible: Callable[[Facts], bool]
    amounts: Callable[[Facts, Sequence[int]], dict[str, Amounts]]
    fixed_leaf: Mapping[str, str] = field(default_factory=dict)
    component_funder: Mapping[str, str] = field(default_factory=dict)

    def leaf(self, component: str, role: str) -> str:
        return self.fixed_leaf.get(component) or ("I" if role == "supervisor" else "II")

    def funder_in(self, component: str, month: int) -> str:
        funder = self.component_funder.get(component, self.funder)
        return regional_funder(month) if funder == REGIONALISED else funder
