"""The 0-1 MILP of `klaverblad optimise`, solved with HiGHS (`scipy.optimize.milp`)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix

from klaverblad.advice.optimise_constraints import Constraints
from klaverblad.advice.optimise_values import StatuteValues
from klaverblad.model.money import UNITS_PER_CENT
from klaverblad.plan.statutes import REGULAR

SOLVER = "HiGHS (scipy.optimize.milp)"
# Stage 2 may lose at most this much of the optimal value (cents) to prefer current statutes.
TIE_TOLERANCE_CENTS = 0.005
TIME_LIMIT_SECONDS = 60.0
STATUS_NAMES = {
    0: "optimal",
    1: "limit_reached",
    2: "infeasible",
    3: "unbounded",
    4: "failed",
}


@dataclass
class Solution:
    assignment: list[str]
    status: str
    message: str
    objective_cents: float


def _options(values: StatuteValues, count: int) -> list[list[str]]:
    options: list[list[str]] = []
    for index in range(count):
        eligible = [s for s in values.eligible if values.eligible[s][index]] + [REGULAR]
        options.append(eligible)
    return options


def solve(
    values: StatuteValues,
    constraints: Constraints,
    people: list[str],
    current: list[str],
) -> Solution:
    """The optimal assignment under `constraints` (see the module docstring for the model)."""
    count = len(people)
    options = _options(values, count)
    for person_id, statute in constraints.fixed.items():
        options[people.index(person_id)] = [statute]
    variables = [(i, s) for i in range(count) for s in options[i]]
    column = {key: c for c, key in enumerate(variables)}
    # y[s, m] for each statute s paid by a shared grant and each month m in which its grant
    # pays and one of the people who may take s could apply it.
    shared = values.shared()
    takers = {s: [i for i in range(count) if s in options[i]] for s in shared}
    totals = {s: values.grant_total(s) for s in shared}
    grant_months = [
        (s, m)
        for s in shared
        for m in range(len(values.years))
        if totals[s][m] > 0 and any(values.grant_applies[s][i, m] for i in takers[s])
    ]
    size = len(variables) + len(grant_months)
    worth = numpy.zeros(size)
    for c, (i, s) in enumerate(variables):
        if s not in values.grant_applies:
            worth[c] = values.value(i, s)
    for k, (s, m) in enumerate(grant_months):
        worth[len(variables) + k] = totals[s][m] / UNITS_PER_CENT
    rows: list[tuple[dict[int, float], float, float]] = []
    for i in range(count):
        rows.append(({column[(i, s)]: 1.0 for s in options[i]}, 1.0, 1.0))
    for statute, most in constraints.max_positions.items():
        members = {column[(i, statute)]: 1.0 for i in range(count) if (i, statute) in column}
        if members:
            rows.append((members, -numpy.inf, float(most)))
    for funder, cap in constraints.budget_cap.items():
        row: dict[int, float] = {}
        for c, (i, s) in enumerate(variables):
            amount = values.funder_value(i, s, funder)
            if amount:
                row[c] = amount
        for k, (s, m) in enumerate(grant_months):
            grant = values.grant_units[s].get(funder)
            if grant is not None and grant[m]:
                row[len(variables) + k] = float(grant[m]) / UNITS_PER_CENT
        rows.append((row, -numpy.inf, float(cap * 100)))
    # y[s, m] = 1 exactly when someone on s applies it in m: the grant counts once.
    for k, (s, m) in enumerate(grant_months):
        y = len(variables) + k
        appliers = [column[(i, s)] for i in takers[s] if values.grant_applies[s][i, m]]
        rows.append(({y: 1.0, **dict.fromkeys(appliers, -1.0)}, -numpy.inf, 0.0))
        for x in appliers:
            rows.append(({x: 1.0, y: -1.0}, -numpy.inf, 0.0))
    integrality = numpy.array([1] * len(variables) + [0] * len(grant_months))
    bounds = Bounds(numpy.zeros(size), numpy.ones(size))

    def constraint(extra: list[tuple[dict[int, float], float, float]]) -> LinearConstraint:
        entries = [(r, c, v) for r, (row, _, _) in enumerate(rows + extra) for c, v in row.items()]
        matrix = coo_matrix(
            (
                [v for _, _, v in entries],
                ([r for r, _, _ in entries], [c for _, c, _ in entries]),
            ),
            shape=(len(rows) + len(extra), size),
        ).tocsr()
        return LinearConstraint(
            matrix,
            numpy.array([low for _, low, _ in rows + extra]),
            numpy.array([high for _, _, high in rows + extra]),
        )

    options_ = {"time_limit": TIME_LIMIT_SECONDS, "mip_rel_gap": 0.0, "presolve": True}
    first = milp(
        -worth,
        integrality=integrality,
        bounds=bounds,
        constraints=constraint([]),
        options=options_,
    )
    status = STATUS_NAMES.get(first.status, "failed")
    if first.x is None:
        return Solution([], status, str(first.message), 0.0)
    best = float(worth @ first.x)
    chosen = first.x
    # Stage 2: among (near-)optimal assignments keep current statutes, then rulebook order.
    change = 10.0 * (count + 1)
    penalty = numpy.zeros(size)
    for c, (i, s) in enumerate(variables):
        penalty[c] = (change if s != current[i] else 0.0) + values.order.index(s)
    keep_value = (
        {c: float(v) for c, v in enumerate(worth) if v},
        best - TIE_TOLERANCE_CENTS,
        numpy.inf,
    )
    second = milp(
        penalty,
        integrality=integrality,
        bounds=bounds,
        constraints=constraint([keep_value]),
        options=options_,
    )
    if second.x is not None and second.status in (0, 1):
        chosen = second.x
    assignment = [REGULAR] * count
    for c, (i, s) in enumerate(variables):
        if chosen[c] > 0.5:
            assignment[i] = s
    return Solution(assignment, status, str(first.message), float(worth @ chosen))


# ---------------------------------------------------------------------------------------------
# Current against proposed
