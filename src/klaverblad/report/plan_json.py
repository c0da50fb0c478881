"""The plan JSON of CONTRACT §4 (`klaverblad.plan/1`). Extend, never rename or drop."""

from __future__ import annotations

from typing import Any

from klaverblad.advice.alerts import Alert
from klaverblad.advice.certainty import plan_certainty
from klaverblad.locale import Language
from klaverblad.model.money import format_cents
from klaverblad.model.months import month_label
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.rules.known_on import as_known_on

SCHEMA = "klaverblad.plan/1"


def plan_to_dict(
    plan: FinancingPlan, alerts: list[Alert], language: Language = "nl"
) -> dict[str, Any]:
    known_on = as_known_on(plan.system)

    def leaves(values: dict[str, int]) -> dict[str, str]:
        return {leaf: format_cents(cents) for leaf, cents in values.items()}

    return {
        "schema": SCHEMA,
        "initiative": {"id": plan.initiative.id, "name": plan.initiative.name},
        "horizon": {"start": month_label(plan.first_month), "months": plan.months},
        "rules": {
            "version": plan.rules_version,
            "reforms": list(plan.reforms),
            # Step 9 part 4 (docs/as-known-on.md): the date whose known rules the plan used,
            # null for the rules as they are known today (an extension).
            "as_known_on": None if known_on is None else known_on.isoformat(),
        },
        "totals": {
            "costs": format_cents(plan.totals.costs_cents),
            "funding": format_cents(plan.totals.funding_cents),
            "gap": format_cents(plan.totals.gap_cents),
        },
        "leaves": leaves(plan.leaves),
        "years": [
            {
                "year": year.year,
                "costs": format_cents(year.totals.costs_cents),
                "funding": format_cents(year.totals.funding_cents),
                "gap": format_cents(year.totals.gap_cents),
                "leaves": leaves(year.leaves),
            }
            for year in plan.years
        ],
        "lines": [line.to_dict() for line in plan.lines],
        # v1.2: money outside the initiative's accounts, right after the lines, always there
        # (`[]` when empty) and counted in none of the totals above (CONTRACT §4).
        "memo_lines": [line.to_dict() for line in plan.memo_lines],
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
            None if plan.break_even_cents is None else format_cents(plan.break_even_cents)
        ),
        "alerts": [
            {
                "code": alert.code,
                "severity": alert.severity,
                "subject": alert.subject,
                "message": alert.message(language),
                "details": alert.details,
            }
            for alert in alerts
        ],
        # Step 9: how much of the funding rests on values of each grade, the parameters
        # carrying the most money and the gap under their documented range (an extension).
        "certainty": plan_certainty(plan, language).to_dict(),
    }
