"""`klaverblad optimise --format json` (`klaverblad.optimise/1`)."""

from __future__ import annotations

from typing import Any

from klaverblad.advice.optimise import OptimiseResult
from klaverblad.advice.optimise_milp import SOLVER
from klaverblad.model.money import format_cents
from klaverblad.model.months import month_label

SCHEMA = "klaverblad.optimise/1"


def optimise_to_dict(result: OptimiseResult) -> dict[str, Any]:
    """The `klaverblad.optimise/1` document: money as strings with two decimals, as the plan's."""
    plan = result.current_plan
    constraints = result.constraints
    return {
        "schema": SCHEMA,
        "initiative": {"id": plan.initiative.id, "name": plan.initiative.name},
        "horizon": {"start": month_label(plan.first_month), "months": plan.months},
        "rules": {"version": plan.rules_version},
        "constraints": {
            "max_positions": dict(constraints.max_positions),
            "budget_cap": {
                funder: format_cents(int(cap * 100))
                for funder, cap in constraints.budget_cap.items()
            },
            "fixed": dict(constraints.fixed),
        },
        "solver": {
            "name": SOLVER,
            "status": result.solver_status,
            "message": result.solver_message,
        },
        "totals": {
            "current": {
                "funding": format_cents(result.current_plan.totals.funding_cents),
                "gap": format_cents(result.current_gap_cents),
                "meets_constraints": result.current_feasible,
            },
            "proposed": {
                "funding": format_cents(result.proposed_plan.totals.funding_cents),
                "gap": format_cents(result.proposed_gap_cents),
            },
            "best_eligible": {
                "gap": format_cents(result.best_eligible_gap_cents),
                "meets_constraints": result.best_eligible_feasible,
            },
            "costs": format_cents(result.current_plan.totals.costs_cents),
            "gain": format_cents(result.gain_cents),
        },
        "years": [
            {
                "year": year.year,
                "current_gap": format_cents(year.current_gap_cents),
                "proposed_gap": format_cents(year.proposed_gap_cents),
                "gain": format_cents(year.gain_cents),
            }
            for year in result.years
        ],
        "people": [
            {
                "id": person.id,
                "eligible": list(person.eligible),
                "fixed": person.fixed,
                "current": person.current,
                "proposed": person.proposed,
                "current_value": format_cents(person.current_cents),
                "proposed_value": format_cents(person.proposed_cents),
                "gain": format_cents(person.gain_cents),
                "years": [
                    {
                        "year": year,
                        "current_value": format_cents(person.current_years[year]),
                        "proposed_value": format_cents(person.proposed_years[year]),
                        "gain": format_cents(gain),
                    }
                    for year, gain in person.gain_by_year().items()
                ],
            }
            for person in result.people
        ],
        "funders": [
            {
                "funder": funder.funder,
                "current": format_cents(funder.current_cents),
                "proposed": format_cents(funder.proposed_cents),
                "cap": None if funder.cap_cents is None else format_cents(funder.cap_cents),
            }
            for funder in result.funders
        ],
        "positions": [
            {
                "statute": quota.statute,
                "current": quota.current,
                "proposed": quota.proposed,
                "max": quota.most,
            }
            for quota in result.positions
        ],
    }
