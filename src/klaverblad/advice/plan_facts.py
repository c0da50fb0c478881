"""What the alerts read of a plan, gathered once per plan: the horizon's months, the rules
tree, the promoter as the windows see it, the people applying each statute, the months each
person is employed, the FTE at work by role, the alert thresholds.

Every alert used to work these out again for itself (the people applying a statute once per
statute and alert, the horizon's months once per read); a plan's alerts are asked for on
every plan, so they are read here once and shared. What depends only on the rules and the
horizon's months (a threshold, the dienstencheque user price, the months no voucher measure
holds) is kept across plans, per rules tree (`plan.horizon_cache`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from typing import TypeVar

import numpy
from openfisca_core.parameters import ParameterNode

from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.plan.horizon_cache import months_key, remember
from klaverblad.plan.initiative_lines import employer_of
from klaverblad.rules.by_month import leaf, month_table
from klaverblad.rules.employer_windows import Employer

NOBODY = numpy.zeros(0, dtype=numpy.int64)
NOBODY.flags.writeable = False
T = TypeVar("T")


class PlanFacts:
    """One plan as its alerts read it."""

    def __init__(self, plan: FinancingPlan) -> None:
        self.plan = plan
        self.initiative = plan.initiative
        self.tree: ParameterNode = plan.system.parameters
        self.months: numpy.ndarray = plan.month_indexes
        self.results = plan.statutes

    @functools.cached_property
    def employer(self) -> Employer:
        return employer_of(self.initiative)

    @property
    def members(self) -> dict[str, numpy.ndarray]:
        """Per statute someone applies (in the catalogue's order), the indexes of the people
        who apply it (`plan.statutes.StatuteResults.members`)."""
        return self.results.members if self.results is not None else {}

    def applying(self, statute: str) -> numpy.ndarray:
        return self.members.get(statute, NOBODY)

    @functools.cached_property
    def employed(self) -> numpy.ndarray:
        """(people, months) bool: employed in each horizon month."""
        assert self.results is not None
        return numpy.asarray(self.results.employed, dtype=bool)

    @functools.cached_property
    def fte_by_role(self) -> tuple[numpy.ndarray, numpy.ndarray]:
        """Target and supervisor FTE employed in each horizon month."""
        people = self.initiative.people
        if self.results is None:
            zero = numpy.zeros(self.plan.months)
            return zero, zero
        fte = numpy.array([float(person.fte) for person in people])[:, None] * self.results.employed
        target = numpy.array([person.role == "target" for person in people])
        return fte[target].sum(axis=0), fte[~target].sum(axis=0)

    def threshold(self, name: str) -> float | None:
        """The alert threshold `alerts.<name>` in force in the horizon's first month, or in the
        first month of the horizon that has one; None when it is in force in none of them (a
        horizon before the rule: the parameter reads NaN there, and no alert is judged by
        NaN). The same for every plan of these rules and months: kept per rules tree."""

        def compute() -> float | None:
            values = self.by_month(f"alerts.{name}")
            finite = numpy.flatnonzero(numpy.isfinite(values))
            return float(values[finite[0]]) if finite.size else None

        return self.kept(("alerts.threshold", name), compute)

    def by_month(self, parameter: str) -> numpy.ndarray:
        """The values of the leaf `parameter` in force in each horizon month (read-only)."""
        return self.kept(
            ("alerts.by_month", parameter),
            lambda: month_table(leaf(self.tree, parameter)).lookup(self.months),
        )

    def kept(self, key: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
        """`compute()`, which reads only the rules and the horizon's months: the same for every
        plan of these rules and months, so kept per rules tree and months (`remember`; its
        arrays read-only)."""
        return remember(self.tree, (*key, self.months_key), compute)

    @functools.cached_property
    def months_key(self) -> Hashable:
        return months_key(self.months)
