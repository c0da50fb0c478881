"""`POST /api/cashflow`: when the money arrives — the plan month by month as cash
(`plan/cashflow.py`), the `klaverblad.cashflow/1` document of `klaverblad cashflow FILE
--format json` (docs/cashflow.md, docs/api.md).

Validated as `/api/plan` is: the initiative with the contract's paths under `initiative`
(its optional `cash` block too), each reform under `reforms[i]`, each change under `set[i]`.
"""

from __future__ import annotations

from fastapi import Response
from pydantic import Field

from klaverblad.web.api.common import (
    initiative_or_problems,
    json_response,
    refuse_if,
    rules_or_problems,
)
from klaverblad.web.api.models import HorizonMonths, InitiativeObject, Month, RulesEnvelope


class CashflowRequest(RulesEnvelope):
    """`POST /api/cashflow`: the cash flow of one initiative, as `klaverblad cashflow
    --format json`."""

    initiative: InitiativeObject
    start: Month | None = Field(None, description="Overrides horizon.start")
    months: HorizonMonths | None = Field(None, description="Overrides horizon.months")


def cashflow(body: CashflowRequest) -> Response:
    """The cash flow per month: costs paid, money received (in total, per leaf and per
    funder), the balance; the lowest month, the pre-financing needed and the final balance
    (the opening balance + the plan's saldo, to the cent); each component's payment timing
    with its source and grade. Notes in `lang`."""
    from klaverblad.plan.cashflow import compute_cashflow
    from klaverblad.plan.financing_plan import compute_plan
    from klaverblad.report.cashflow_output import cashflow_to_dict
    from klaverblad.web.api.routes import plan_turn

    initiative, problems = initiative_or_problems(body.initiative, "initiative")
    rules, rule_problems = rules_or_problems(body.reforms, body.changes)
    refuse_if(problems + rule_problems)
    assert initiative is not None and rules is not None
    system, reforms = rules
    with plan_turn():
        plan = compute_plan(
            initiative, system, start=body.start, months=body.months, reforms=reforms
        )
        document = cashflow_to_dict(compute_cashflow(plan), body.lang)
    return json_response(document)
