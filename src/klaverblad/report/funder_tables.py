"""The tables a funder reads beside the leaves (issue 10, item 10), in exact cents and in words:
the initiative's facts, its staff, its activities, the cost budget per year (a cost line per
person and one for the operating costs) and the funding per source and year with the saldo.
The PDF shows them, the XLSX turns the cost lines into live formulas and both name every
statute, measure, kind of service and payment in words, never by its code.

The cost lines are the plan's own costs (RULEBOOK §4): a person's monthly wage cost times the
months the rules count them employed in the year, and a twelfth of the yearly operating costs
per month of the horizon in the year, each rounded half up to the cent once; so they add up to
each year's costs exactly (`financing_plan._summarise` rounds the year's exact sum, and the
wage parts are whole cents already).

A shared plan (`redact=True`) shows people by their id and role only: the kept fields of
`report/redaction.py` (no name, birth date, diploma or benefit status).

>>> component_words("doelgroepvermindering", "nl"), component_words("kansarm", "nl")
('rsz vermindering', 'kansarme gezinnen')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from klaverblad.advice.measure_windows import measure_name
from klaverblad.locale import Language
from klaverblad.model.initiative import Activity, Person
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.report.download_words import DOWNLOAD_WORDS
from klaverblad.report.redaction import KEPT_FIELDS
from klaverblad.rules.catalogue import MEASURES, voucher_measures

MONTHS_PER_YEAR = 12


def words_of(kind: str, code: str, language: Language) -> str:
    """A code of the initiative file in words (`kind_klusjes` → "klusjes"); a code without
    words comes back with spaces for its underscores."""
    return DOWNLOAD_WORDS[language].get(f"{kind}_{code}", code.replace("_", " "))


def component_words(component: str, language: Language) -> str:
    """A plan line's component as words: a client group (the component of client payments)
    by its words, any other (a Dutch legal term written as a code) with spaces."""
    return DOWNLOAD_WORDS[language].get(f"client_{component}") or component.replace("_", " ")


def funder_words(funder: str, language: Language) -> str:
    """A plan line's funder as words: a client group (who pays an invoice or cash, RULEBOOK
    §4.2) by its words, any other funder (a budget owner, a name the file gives) as it is."""
    return DOWNLOAD_WORDS[language].get(f"client_{funder}") or funder


def measure_words(plan: FinancingPlan, measure: str, language: Language) -> str:
    """A measure or statute in words: the name in its rules metadata (as alerts name it),
    else the words of this module; never the catalogue's English label on a Dutch file."""
    named = measure_name(plan.parameters, measure, language)
    spec = MEASURES.get(measure)
    if spec is not None and named != spec.label:
        return named
    return DOWNLOAD_WORDS[language].get(f"measure_{measure}") or (
        DOWNLOAD_WORDS[language].get(f"statute_{measure}") or named.replace("_", " ")
    )


def person_label(person: Person, redact: bool = False) -> str:
    """A person as the downloads name them: their name, else their id; a shared plan shows
    the name (personal data) only once `redaction.KEPT_FIELDS` keeps it."""
    if person.name and (not redact or "name" in KEPT_FIELDS):
        return person.name
    return person.id


def activity_label(activity: Activity) -> str:
    """An activity as the downloads name it: its name, else its id."""
    return activity.name or activity.id


def _round_half_up(value: Fraction) -> int:
    whole, rest = divmod(abs(value.numerator), value.denominator)
    if 2 * rest >= value.denominator:
        whole += 1
    return -whole if value < 0 else whole


def cents_of_euros(amount: Decimal) -> int:
    """An amount of the initiative file (at most 2 decimals) in cents."""
    return int(amount * 100)


@dataclass(frozen=True)
class Facts:
    description: str | None
    municipality: str
    service_kinds: list[str]
    recognitions: list[str]


def initiative_facts(plan: FinancingPlan, language: Language) -> Facts:
    """What the initiative is: its description when the file has one (the model has no such
    field yet: then None), the municipality, the kinds of service and the recognitions."""
    initiative = plan.initiative
    description = getattr(initiative, "description", None)
    kinds = list(dict.fromkeys(a.kind for a in initiative.activities))
    return Facts(
        description=str(description) if description else None,
        municipality=initiative.promoter.municipality,
        service_kinds=[words_of("kind", kind, language) for kind in kinds],
        recognitions=[words_of("recognition", r, language) for r in initiative.recognitions],
    )


@dataclass(frozen=True)
class StaffRow:
    label: str
    role: str
    fte: Decimal
    statute: str
    chosen_as_best: bool
    start: date
    end: date | None
    monthly_cents: int
    yearly_cents: int


def staff_rows(plan: FinancingPlan, language: Language, redact: bool = False) -> list[StaffRow]:
    """Per person: name (or id), role, FTE, the statute applied in words, the contract's
    dates and the wage cost per month and on a yearly basis (× 12)."""
    applied = {result.id: result for result in plan.people}
    rows = []
    for person in plan.initiative.people:
        result = applied.get(person.id)
        statute = result.statute if result else person.statute or "regular"
        monthly = cents_of_euros(person.monthly_wage_cost)
        rows.append(
            StaffRow(
                label=person_label(person, redact),
                role=words_of("role", person.role, language),
                fte=person.fte,
                statute=measure_words(plan, statute, language),
                chosen_as_best=bool(result and result.chosen_by == "best"),
                start=person.start_date,
                end=person.end_date,
                monthly_cents=monthly,
                yearly_cents=monthly * MONTHS_PER_YEAR,
            )
        )
    return rows


@dataclass(frozen=True)
class ActivityRow:
    label: str
    kind: str
    clients: str
    hours_per_month: Decimal
    price_cents: int | None
    price_words: str | None
    payment: str


def activity_rows(plan: FinancingPlan, language: Language) -> list[ActivityRow]:
    """Per activity: name (or id), kind of service, clients, hours per month, the price per
    hour (or why there is none) and the payment, in words."""
    words = DOWNLOAD_WORDS[language]
    rows = []
    for activity in plan.initiative.activities:
        price = activity.price_per_hour
        # An activity paid by vouchers without a price of its own is priced by its cheque.
        cheque = bool(voucher_measures(activity.payment))
        rows.append(
            ActivityRow(
                label=activity_label(activity),
                kind=words_of("kind", activity.kind, language),
                clients=words_of("client", activity.client_group, language),
                hours_per_month=activity.hours_per_month,
                price_cents=None if price is None else cents_of_euros(price),
                price_words=None
                if price is not None
                else words["price_by_cheque" if cheque else "no_price"],
                payment=words_of("payment", activity.payment, language),
            )
        )
    return rows


@dataclass(frozen=True)
class CostLine:
    """One cost line: `amount_cents` per `per` (a person's monthly wage cost, or the yearly
    operating costs), the months it counts in each year, and its cost in each year."""

    label: str
    person_id: str | None
    person: str | None
    statute: str | None
    amount_cents: int
    per: Literal["month", "year"]
    months: list[int]
    cents: list[int]


def cost_lines(plan: FinancingPlan, language: Language, redact: bool = False) -> list[CostLine]:
    """The cost lines of every year of the plan (see the module's text); they add up to each
    year's costs."""
    words = DOWNLOAD_WORDS[language]
    years = [year.year for year in plan.years]
    month_years = plan.month_indexes // MONTHS_PER_YEAR
    employed = plan.statutes.employed if plan.statutes is not None else None
    applied = {result.id: result.statute for result in plan.people}
    lines = []
    for index, person in enumerate(plan.initiative.people):
        wage = cents_of_euros(person.monthly_wage_cost)
        months = [
            int(employed[index][month_years == year].astype(int).sum())
            if employed is not None
            else 0
            for year in years
        ]
        label = person_label(person, redact)
        statute = applied.get(person.id) or person.statute or "regular"
        lines.append(
            CostLine(
                label=words["wage_cost_of"].format(person=label),
                person_id=person.id,
                person=label,
                statute=measure_words(plan, statute, language),
                amount_cents=wage,
                per="month",
                months=months,
                cents=[wage * count for count in months],
            )
        )
    operating = cents_of_euros(plan.initiative.costs.operating_per_year)
    months = [int((month_years == year).sum()) for year in years]
    lines.append(
        CostLine(
            label=words["operating_costs"],
            person_id=None,
            person=None,
            statute=None,
            amount_cents=operating,
            per="year",
            months=months,
            cents=[
                _round_half_up(Fraction(operating * count, MONTHS_PER_YEAR)) for count in months
            ],
        )
    )
    return lines


@dataclass(frozen=True)
class FundingRow:
    """The funding of one measure by one funder, per year."""

    measure: str
    source: str
    funder: str
    cents: list[int]


def funding_rows(plan: FinancingPlan, language: Language) -> list[FundingRow]:
    """The plan's lines summed per (measure, funder) and year, in the order of the leaves:
    every euro of funding once, so the rows add up to each year's funding."""
    years = [year.year for year in plan.years]
    found: dict[tuple[str, str], list[int]] = {}
    for line in sorted(plan.lines, key=lambda line: line.leaf):
        cents = found.setdefault((line.measure, line.funder), [0] * len(years))
        cents[years.index(line.year)] += line.cents
    return [
        FundingRow(
            measure, measure_words(plan, measure, language), funder_words(funder, language), cents
        )
        for (measure, funder), cents in found.items()
    ]


def year_saldos(plan: FinancingPlan) -> list[int]:
    """Funding − costs per year, in cents (a negative saldo is a shortfall)."""
    return [year.totals.funding_cents - year.totals.costs_cents for year in plan.years]
