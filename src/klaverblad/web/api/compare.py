"""`POST /api/compare`: why the rules change a plan, one step per reform or parameter change
(`advice/reform_steps.py`) — the `klaverblad.compare/1` document of `klaverblad compare FILE
--format json` (docs/compare.md, docs/api.md).

Validated as `/api/plan` is: the initiative with the contract's paths under `initiative`, each
reform under `reforms[i]`, each change under `set[i]`; no change at all is refused naming
`reforms`. Each step is one more plan, so the changes are bounded (`MAX_CHANGES`).
"""

from __future__ import annotations

from datetime import date

from fastapi import Response
from pydantic import Field

from klaverblad.model import Initiative
from klaverblad.web.api.common import (
    initiative_or_problems,
    json_response,
    refuse_if,
    rules_or_problems,
)
from klaverblad.web.api.models import InitiativeObject, KnownOnDay, RulesEnvelope
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
    as_known_on: KnownOnDay | None = Field(
        None,
        description="Instead of reforms and changes: the plan as planned then (only the rules "
        "known on this date, YYYY-MM-DD) against the plan as it turned out (today's rules), one "
        "step per measure whose values became known later (docs/as-known-on.md)",
        examples=["2006-06-30"],
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
    if body.as_known_on is not None:
        if count:
            problems.append(
                Problem(
                    "as_known_on", "compares the rules known then with today's: no reforms or set"
                )
            )
        refuse_if(problems)
        assert initiative is not None
        return _as_known_on(initiative, date.fromisoformat(body.as_known_on), body.keep_statutes)
    if count == 0:
        problems.append(
            Problem("reforms", "give at least one reform or parameter change (set), or as_known_on")
        )
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


def _as_known_on(initiative: Initiative, known_on: date, keep_file: bool) -> Response:
    """The plan as planned then against the plan as it turned out, one step per measure."""
    from klaverblad.advice.known_on_steps import known_on_steps
    from klaverblad.advice.reform_steps import steps_to_dict
    from klaverblad.web.api.routes import plan_turn

    with plan_turn():
        result = known_on_steps(initiative, known_on, keep_file=keep_file)
        document = steps_to_dict(result, keep_file=keep_file)
    return json_response(document)
