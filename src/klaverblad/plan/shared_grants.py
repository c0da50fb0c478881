"""The statutes paid by a shared grant (`rules.funding.SharedGrant`, RULEBOOK §3.6), read from
the catalogue: which they are, in which months their people apply them, which entered grants
pay them and in which months those grants are booked.

The plan, the alerts, the line sums and the optimiser ask here rather than naming a statute:
a new statute with `funding=SharedGrant(...)` in its `spec.py` is handled everywhere.

`applies` is the one place that knows where `StatuteResults` keeps a statute's months. This
module imports neither `plan.statutes` nor `plan.worker_lines` at run time, so that both may
import it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy

from klaverblad.model.initiative import Grant, Initiative
from klaverblad.plan.initiative_lines import grant_units_by_month
from klaverblad.rules.catalogue import STATUTES
from klaverblad.rules.funding import SharedGrant

if TYPE_CHECKING:
    from klaverblad.plan.statutes import StatuteResults

# Every statute whose money is a shared grant, in rulebook order, with its funding shape.
SHARED_GRANTS: dict[str, SharedGrant] = {
    name: measure.funding
    for name, measure in STATUTES.items()
    if isinstance(measure.funding, SharedGrant)
}


def is_shared_grant(measure: str) -> bool:
    """Whether `measure` (of a grant or a line) is a statute paid by a shared grant."""
    return measure in SHARED_GRANTS


def applies(results: StatuteResults, statute: str) -> numpy.ndarray:
    """(n, months): the months in which each person would apply `statute` (its `applies`
    variable), whatever statute the person was given."""
    return results.grant_applies[statute]


def shared_grant_months(results: StatuteResults | None, statute: str, count: int) -> numpy.ndarray:
    """(months,) bool: the horizon months in which at least one person applies `statute` (and
    is eligible for it): those in which its grant is booked. None (no people): none."""
    if results is None:
        return numpy.zeros(count, dtype=bool)
    people = [
        index
        for index, chosen in enumerate(results.chosen)
        if chosen == statute and results.eligible[statute][index]
    ]
    return numpy.asarray(applies(results, statute)[people].any(axis=0), dtype=bool)


def grants_of(initiative: Initiative, statute: str) -> list[Grant]:
    """The entered grants that pay `statute` (those of its own measure)."""
    return [grant for grant in initiative.grants if grant.measure == statute]


def grant_units(grants: Iterable[Grant], months: numpy.ndarray, first: int) -> numpy.ndarray:
    """(months,) int64 units: the grants summed per horizon month, inside their windows."""
    return sum(
        (grant_units_by_month(grant, months, first) for grant in grants),
        start=numpy.zeros(len(months), dtype=numpy.int64),
    )


def grant_units_by_funder(
    grants: Iterable[Grant], months: numpy.ndarray, first: int
) -> dict[str, numpy.ndarray]:
    """Per funder, (months,) int64 units of the grants it gives, in the order entered."""
    units: dict[str, numpy.ndarray] = {}
    for grant in grants:
        month_units = grant_units_by_month(grant, months, first)
        units[grant.funder] = units.get(grant.funder, 0) + month_units
    return units


def funders_of(initiative: Initiative) -> list[str]:
    """The funders of every entered shared grant, in the order entered, once each."""
    return list(
        dict.fromkeys(grant.funder for grant in initiative.grants if is_shared_grant(grant.measure))
    )
