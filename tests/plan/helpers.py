"""Reading plan results in tests: amounts of lines by their fields, in cents."""

from __future__ import annotations

from klaverblad.plan.financing_plan import FinancingPlan


def cents(plan: FinancingPlan, **fields: object) -> int:
    """Sum of the lines whose fields equal `fields` (e.g. measure="sine", year=2006)."""
    return sum(
        line.cents
        for line in plan.lines
        if all(getattr(line, name) == value for name, value in fields.items())
    )


def statuses(plan: FinancingPlan, **fields: object) -> set[str]:
    return {
        line.status
        for line in plan.lines
        if all(getattr(line, name) == value for name, value in fields.items())
    }
