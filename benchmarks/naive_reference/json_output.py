"""The naive plan as the plan JSON of CONTRACT §4 (`klaverblad.plan/1`), for timings that
include the JSON text as Klaverblad's do. Same keys, but no `alerts` (not computed here) and
`rules.version` the digest of the parameter values read (`naive+params.…`)."""

from __future__ import annotations

import json
from typing import Any

from benchmarks.naive_reference.dates import month_text
from benchmarks.naive_reference.ledger import money_text
from benchmarks.naive_reference.parameters import load_parameters
from benchmarks.naive_reference.plan import NaivePlan, naive_plan
from klaverblad.model.initiative import Initiative


def plan_dict(plan: NaivePlan) -> dict[str, Any]:
    def leaves(values: dict[str, int]) -> dict[str, str]:
        return {leaf: money_text(cents) for leaf, cents in values.items()}

    return {
        "schema": "klaverblad.plan/1",
        "initiative": {"id": plan.initiative.id, "name": plan.initiative.name},
        "horizon": {"start": month_text(plan.first_month), "months": plan.months},
        "rules": {"version": load_parameters().version(), "reforms": []},
        "totals": {name: money_text(cents) for name, cents in plan.totals.items()},
        "leaves": leaves(plan.leaves),
        "years": [
            {
                "year": year,
                "costs": money_text(costs),
                "funding": money_text(funding),
                "gap": money_text(costs - funding),
                "leaves": leaves(by_leaf),
            }
            for year, costs, funding, by_leaf in plan.years
        ],
        "lines": [line.as_json() for line in plan.lines],
        "memo_lines": [line.as_json() for line in plan.memo_lines],
        "people": [
            {
                "id": person.id,
                "statute": person.statute,
                "chosen_by": person.chosen_by,
                "eligible": person.eligible,
            }
            for person in plan.people
        ],
        "break_even_price": (
            None if plan.break_even_cents is None else money_text(plan.break_even_cents)
        ),
    }


def naive_plan_json(initiative: Initiative) -> str:
    """The whole naive plan of `initiative` over its own horizon, as JSON text."""
    return json.dumps(plan_dict(naive_plan(initiative)))
