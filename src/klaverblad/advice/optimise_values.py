"""What each wage statute is worth for each person, exactly as the plan books it: per
component, year and funder, rounded to cents; a statute paid by a shared grant (WEP+), its
grant per funder and month and the months each person would apply it."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy

from klaverblad.model.initiative import STATUTES
from klaverblad.model.money import UNITS_PER_CENT, snap_to_units
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.plan.initiative_lines import regional_funder
from klaverblad.plan.shared_grants import SHARED_GRANTS, applies, grant_units_by_funder, grants_of
from klaverblad.plan.statutes import REGULAR
from klaverblad.plan.worker_lines import Segments
from klaverblad.rules.catalogue import REGIONALISED
from klaverblad.rules.catalogue import STATUTES as STATUTE_MEASURES


def round_cents(units: numpy.ndarray) -> numpy.ndarray:
    """Units to cents, half away from zero, elementwise (as `to_cents`)."""
    half = UNITS_PER_CENT // 2
    return numpy.sign(units) * ((numpy.abs(units) + half) // UNITS_PER_CENT)


def _fraction_cents(value: Fraction) -> int:
    """A fraction of a cent rounded half away from zero."""
    sign = -1 if value < 0 else 1
    whole, rest = divmod(abs(value.numerator), value.denominator)
    if 2 * rest >= value.denominator:
        whole += 1
    return sign * whole


@dataclass
class StatuteValues:
    """Per statute an (n, groups) int64 array of cents, one group per (year, funder), each
    person's lines summed and rounded per component as the plan books them. For a statute paid
    by a shared grant (`rules.funding.SharedGrant`, WEP+): its grant in units per funder and
    month (`grant_units`) and the months each person would apply it (`grant_applies`)."""

    groups: list[tuple[int, str]]
    cents: dict[str, numpy.ndarray]
    grant_units: dict[str, dict[str, numpy.ndarray]]
    grant_applies: dict[str, numpy.ndarray]
    eligible: dict[str, numpy.ndarray]
    years: numpy.ndarray

    @property
    def order(self) -> tuple[str, ...]:
        """The statutes in rulebook order (ties), `regular` last."""
        return (*self.eligible, REGULAR)

    def shared(self) -> list[str]:
        """The statutes paid by a shared grant, in rulebook order."""
        return [statute for statute in self.eligible if statute in self.grant_applies]

    def grant_total(self, statute: str) -> numpy.ndarray:
        """(months,) units: the statute's grant from every funder, per month."""
        return sum(
            self.grant_units[statute].values(),
            start=numpy.zeros(len(self.years), numpy.int64),
        )

    def value(self, index: int, statute: str) -> int:
        """What `statute` brings for one person, in cents; a shared grant as if the person
        alone applied the statute."""
        if statute == REGULAR or not self.eligible[statute][index]:
            return 0
        if statute in self.grant_applies:
            total = self.grant_total(statute)
            units = int(total[self.grant_applies[statute][index]].sum())
            return int(round_cents(numpy.array([units]))[0])
        return int(self.cents[statute][index].sum())

    def funder_value(self, index: int, statute: str, funder: str) -> float:
        """What `statute` brings for one person from `funder`, in cents; 0 for a statute paid
        by a shared grant (the grant counts once, by month: `grant_funder_cents`)."""
        if statute == REGULAR or statute in self.grant_applies:
            return 0.0
        if not self.eligible[statute][index]:
            return 0.0
        columns = [g for g, (_, name) in enumerate(self.groups) if name == funder]
        return float(self.cents[statute][index, columns].sum())

    def appliers(self, assignment: list[str], statute: str) -> list[int]:
        """The people `assignment` gives `statute` and who are eligible for it."""
        return [
            index
            for index, chosen in enumerate(assignment)
            if chosen == statute and self.eligible[statute][index]
        ]

    def grant_funder_cents(self, assignment: list[str], funder: str) -> int:
        """Cents of the shared grants from `funder` under `assignment`: each statute's grant
        in the months at least one of its people applies it, rounded per statute."""
        total = 0
        for statute in self.shared():
            people = self.appliers(assignment, statute)
            if people and funder in self.grant_units[statute]:
                months = self.grant_applies[statute][people].any(axis=0)
                units = int(self.grant_units[statute][funder][months].sum())
                total += int(round_cents(numpy.array([units]))[0])
        return total

    def person_years(self, assignment: list[str]) -> list[dict[int, int]]:
        """Cents per person per year under `assignment`; a shared grant of a month shared
        equally among the people who apply its statute that month."""
        years = sorted({int(year) for year in self.years})
        result: list[dict[int, int]] = []
        sharing: dict[str, numpy.ndarray] = {}
        for statute in self.shared():
            people = self.appliers(assignment, statute)
            if people:
                sharing[statute] = self.grant_applies[statute][people].sum(axis=0)
        for index, statute in enumerate(assignment):
            by_year = dict.fromkeys(years, 0)
            if statute != REGULAR and self.eligible[statute][index]:
                if statute in sharing:
                    total = self.grant_total(statute)
                    count = sharing[statute]
                    for year in years:
                        share = sum(
                            (
                                Fraction(int(total[m]), int(count[m]))
                                for m in numpy.flatnonzero(
                                    self.grant_applies[statute][index] & (self.years == year)
                                )
                            ),
                            start=Fraction(0),
                        )
                        by_year[year] = _fraction_cents(share / UNITS_PER_CENT)
                elif statute not in self.grant_applies:
                    for group, (year, _) in enumerate(self.groups):
                        by_year[year] += int(self.cents[statute][index, group])
            result.append(by_year)
        return result


def statute_values(plan: FinancingPlan) -> StatuteValues:
    """What every eligible statute brings for every person of `plan`, independent of the choice
    the plan made."""
    results = plan.statutes
    assert results is not None
    months = plan.month_indexes
    years = months // 12
    regional = Segments(years, regional_funder(plan.parameters, months))
    groups: list[tuple[int, str]] = []
    index: dict[tuple[int, str], int] = {}

    def group_of(key: tuple[int, str]) -> int:
        if key not in index:
            index[key] = len(groups)
            groups.append(key)
        return index[key]

    partial: dict[str, list[tuple[list[int], numpy.ndarray]]] = {}
    for statute, measure in STATUTE_MEASURES.items():
        if statute in SHARED_GRANTS:
            continue
        partial[statute] = []
        # As `book_statutes` books them: per component, its own funder if it names one.
        for component in results.component_specs[statute]:
            funder = component.funder or measure.funder
            if funder == REGIONALISED:
                segments = regional
            else:
                segments = Segments(years, [funder] * len(months))
            columns = [group_of((int(year), name)) for year, name in segments.keys]
            units = snap_to_units(results.amounts(statute, component.name)) @ segments.matrix
            partial[statute].append((columns, round_cents(units)))
    count = len(plan.initiative.people)
    cents: dict[str, numpy.ndarray] = {}
    for statute, parts in partial.items():
        table = numpy.zeros((count, len(groups)), dtype=numpy.int64)
        for columns, values in parts:
            for column, group in enumerate(columns):
                table[:, group] += values[:, column]
        cents[statute] = table
    eligible = {name: numpy.asarray(results.eligible[name], dtype=bool) for name in STATUTES}
    grant_units: dict[str, dict[str, numpy.ndarray]] = {}
    grant_applies: dict[str, numpy.ndarray] = {}
    for statute in SHARED_GRANTS:
        grants = grants_of(plan.initiative, statute)
        grant_units[statute] = grant_units_by_funder(grants, months, plan.first_month)
        applied = numpy.asarray(applies(results, statute), dtype=bool)
        grant_applies[statute] = applied & eligible[statute][:, None]
    return StatuteValues(groups, cents, grant_units, grant_applies, eligible, years)


# ---------------------------------------------------------------------------------------------
# The MILP
