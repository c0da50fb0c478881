"""What each wage statute is worth for each person, exactly as the plan books it: per
component, year and funder, rounded to cents; the WEP+ grant per month."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy

from klaverblad.model.initiative import STATUTES
from klaverblad.model.money import UNITS_PER_CENT, snap_to_units
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.plan.initiative_lines import grant_units_by_month, regional_funder
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
    person's lines summed and rounded per component as the plan books them; and the WEP+
    grant in units per (funder, month) with the months each person would apply WEP+."""

    groups: list[tuple[int, str]]
    cents: dict[str, numpy.ndarray]
    wep_units: dict[str, numpy.ndarray]
    wep_applies: numpy.ndarray
    eligible: dict[str, numpy.ndarray]
    years: numpy.ndarray

    def value(self, index: int, statute: str) -> int:
        """What `statute` brings for one person, in cents; WEP+ as if alone on WEP+."""
        if statute == REGULAR or not self.eligible[statute][index]:
            return 0
        if statute == "wep_plus":
            total = sum(self.wep_units.values(), start=numpy.zeros(len(self.years), numpy.int64))
            return int(round_cents(numpy.array([int(total[self.wep_applies[index]].sum())]))[0])
        return int(self.cents[statute][index].sum())

    def funder_value(self, index: int, statute: str, funder: str) -> float:
        if statute in (REGULAR, "wep_plus") or not self.eligible[statute][index]:
            return 0.0
        columns = [g for g, (_, name) in enumerate(self.groups) if name == funder]
        return float(self.cents[statute][index, columns].sum())

    def person_years(self, assignment: list[str]) -> list[dict[int, int]]:
        """Cents per person per year under `assignment`; the WEP+ grant of a month shared
        equally among the people who apply WEP+ that month."""
        years = sorted({int(year) for year in self.years})
        result: list[dict[int, int]] = []
        wep_people = [
            i for i, s in enumerate(assignment) if s == "wep_plus" and self.eligible[s][i]
        ]
        sharing = self.wep_applies[wep_people].sum(axis=0) if wep_people else None
        total = sum(self.wep_units.values(), start=numpy.zeros(len(self.years), numpy.int64))
        for index, statute in enumerate(assignment):
            by_year = dict.fromkeys(years, 0)
            if statute != REGULAR and self.eligible[statute][index]:
                if statute == "wep_plus" and sharing is not None:
                    for year in years:
                        share = sum(
                            (
                                Fraction(int(total[m]), int(sharing[m]))
                                for m in numpy.flatnonzero(
                                    self.wep_applies[index] & (self.years == year)
                                )
                            ),
                            start=Fraction(0),
                        )
                        by_year[year] = _fraction_cents(share / UNITS_PER_CENT)
                elif statute != "wep_plus":
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
        if statute == "wep_plus":
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
    wep_units: dict[str, numpy.ndarray] = {}
    for grant in plan.initiative.grants:
        if grant.measure == "wep_plus":
            units = grant_units_by_month(grant, months, plan.first_month)
            wep_units[grant.funder] = wep_units.get(grant.funder, 0) + units
    eligible = {name: numpy.asarray(results.eligible[name], dtype=bool) for name in STATUTES}
    applies = numpy.asarray(results.wep_plus_applies, dtype=bool) & eligible["wep_plus"][:, None]
    return StatuteValues(groups, cents, wep_units, applies, eligible, years)


# ---------------------------------------------------------------------------------------------
# The MILP
