"""`POST /api/compare`: why the rules change a plan, one step per reform or parameter change
(`advice/reform_steps.py`) — the `klaverblad.compare/1` document of `klaverblad compare FILE
--format json` (docs/compare.md, docs/api.md).

Validated as `/api/plan` is: the initiative with the contract's paths under `initiative`, each
reform under `reforms[i]`, each change under `set[i]`; no change at all is refused naming
`reforms`. Each step is one more plan, so the changes are bounded (`MAX_CHANGES`).
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
from klaverblad.web.api.models import InitiativeObject, RulesEnvelope
from klaverblad.web.errors import Problem

# Reforms and parameter changes together: each is one more plan of the initiative.
MAX_CHANGES = 8


class CompareRequest(RulesEnvelope):
    """`POST /api/compare`: the initiative and the changes, applied in order (the reforms, then
    the parameter changes of `set`)."""

    initiative: InitiativeObject
    keep_statutes: bool = Field(
        False,
        description="Keep the statutes the file names (default: each person's best statute is "
        "chosen again under every rule set)",
    )


def compare(body: CompareRequest) -> Response:
    """One step per change, in the order given (the reforms, then `set`): the difference in
    funding and gap of each, per person and measure and per funder, the steps summing to the
    total difference to the cent — the JSON of `klaverblad compare FILE --format json`."""
    from klaverblad.advice.reform_steps import Change, reform_steps, steps_to_dict
    from klaverblad.rules.reforms import parse_change
    from klaverblad.web.api.routes import plan_turn

    initiative, problems = initiative_or_problems(body.initiative, "initiative")
    rules, rule_problems = rules_or_problems(body.reforms, body.changes)
    problems += rule_problems
    count = len(body.reforms) + len(body.changes)
    if count == 0:
        problems.append(Problem("reforms", "give at least one reform or parameter change (set)"))
    elif count > MAX_CHANGES:
        problems.append(
            Problem("set", f"at most {MAX_CHANGES} reforms and changes together, not {count}")
        )
    refuse_if(problems)
    assert initiative is not None and rules is not None
    changes: list[Change] = [*body.reforms, *(parse_change(text) for text in body.changes)]
    with plan_turn():
        result = reform_steps(initiative, changes, keep_file=body.keep_statutes)
        document = steps_to_dict(result, keep_file=body.keep_statutes)
    return json_response(document)
