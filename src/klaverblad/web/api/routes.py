"""The JSON API under /api: the command line's JSON documents over HTTP (CONTRACT §3–5).

Each endpoint answers with exactly the document its command prints with `--format json`, and
refuses bad input with `{"errors": [{"path", "message"}]}` (see klaverblad.web.errors).
Endpoints are plain `def`: FastAPI runs them in its thread pool, off the event loop.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from klaverblad.web.api import batch, multi_year_plan
from klaverblad.web.api.cashflow import cashflow
from klaverblad.web.api.common import (
    ERROR_RESPONSES,
    bytes_response,
    document_bytes,
    initiative_or_problems,
    json_response,
    refuse_if,
    rules_or_problems,
)
from klaverblad.web.api.compare import compare
from klaverblad.web.api.limits import API_PREFIX, StrictJsonRoute
from klaverblad.web.api.models import ErrorBody, ExplainRequest, Lang, PlanRequest
from klaverblad.web.api.plan_cache import PLAN_ANSWERS, request_key
from klaverblad.web.errors import ApiError, Problem
from klaverblad.web.examples import example_initiative, request_examples

# A plan is CPU work under the GIL: threads computing plans side by side in one process only
# pass the GIL back and forth (numpy lets it go around its array operations); measured, that
# doubled the CPU time of a plan at 8 concurrent requests (benchmarks/README.md, API load).
# So one plan at a time per process (cache hits do not wait); more cores need more workers.
# But no request waits behind another for more than LOCK_WAIT_SECONDS: past it, it computes
# beside the plan that holds the lock (a slow plan cannot freeze the others; docs/api.md).
ONE_PLAN_AT_A_TIME = threading.Lock()
LOCK_WAIT_SECONDS = 0.5


@contextmanager
def plan_turn() -> Iterator[bool]:
    """This thread's turn to compute a plan: the lock when it is free within
    LOCK_WAIT_SECONDS (True), else no lock (False)."""
    acquired = ONE_PLAN_AT_A_TIME.acquire(timeout=LOCK_WAIT_SECONDS)
    try:
        yield acquired
    finally:
        if acquired:
            ONE_PLAN_AT_A_TIME.release()


def plan(body: PlanRequest) -> Response:
    """The financing plan of one initiative: lines per leaf and year, costs, funding, gap,
    break-even price and alerts — the `klaverblad.plan/1` document of
    `klaverblad plan FILE --format json` (CONTRACT §4), alert messages in `lang`.
    An identical request is answered from a cache of recent plans (same bytes)."""
    from klaverblad.advice.alerts import plan_alerts
    from klaverblad.plan.financing_plan import compute_plan
    from klaverblad.report.plan_json import plan_to_dict
    from klaverblad.rules.version import rules_version

    rules, rule_problems = rules_or_problems(body.reforms, body.changes)
    if rules is not None and body.as_known_on is not None:
        from klaverblad.rules.known_on import system_as_known_on

        known_on = date.fromisoformat(body.as_known_on)
        rules = (system_as_known_on(rules[0], known_on), rules[1])
    key = None
    if rules is not None:
        # Only answers to valid bodies are cached, so a hit needs no further checks.
        key = request_key(body.model_dump(by_alias=True), rules_version(rules[0]))
        cached = PLAN_ANSWERS.get(key) if key is not None else None
        if cached is not None:
            return bytes_response(cached)
    initiative, problems = initiative_or_problems(body.initiative, "initiative")
    refuse_if(problems + rule_problems)
    assert initiative is not None and rules is not None
    system, reforms = rules
    with plan_turn():
        result = compute_plan(
            initiative, system, start=body.start, months=body.months, reforms=reforms
        )
        answer = document_bytes(plan_to_dict(result, plan_alerts(result), body.lang))
    if key is not None:
        PLAN_ANSWERS.put(key, answer)
    return bytes_response(answer)


def explain(body: ExplainRequest) -> Response:
    """Why (not). With `person`: every condition of each wage statute for that person, met or
    not, with label and reference, and a month's amounts with their parameters
    (`klaverblad.explain/1`). With `line` or `lines: true`: each plan line's rule in words,
    inputs, parameter values, references and grade (`klaverblad.explain-lines/1`). The same
    JSON as `klaverblad explain FILE --format json`."""
    from klaverblad.advice.explain import UnknownPersonError, explain_person
    from klaverblad.advice.line_explanations import explain_line, explain_lines
    from klaverblad.model.months import parse_month
    from klaverblad.plan.financing_plan import compute_plan
    from klaverblad.rules.catalogue import STATUTES

    initiative, problems = initiative_or_problems(body.initiative, "initiative")
    if sum((body.person is not None, body.line is not None, body.lines)) != 1:
        problems.append(Problem("(the body)", "give exactly one of person, line or lines: true"))
    if body.measure is not None and body.measure not in STATUTES:
        problems.append(
            Problem(
                "measure",
                f"'{body.measure}' is not a wage statute; choose from {', '.join(STATUTES)}",
            )
        )
    rules, rule_problems = rules_or_problems(body.reforms, body.changes)
    refuse_if(problems + rule_problems)
    assert initiative is not None and rules is not None
    system, reforms = rules
    result: dict[str, Any]
    if body.person is not None:
        month = parse_month(body.month) if body.month is not None else None
        try:
            result = explain_person(initiative, body.person, body.measure, month, body.lang, system)
        except UnknownPersonError as error:
            known = ", ".join(error.known) or "(none)"
            message = f"no person '{error.person}' in the initiative; known: {known}"
            raise ApiError([Problem("person", message)]) from None
        return json_response(result)
    result_plan = compute_plan(initiative, system, reforms=reforms)
    count = len(result_plan.lines)
    if body.line is not None and body.line >= count:
        message = (
            f"the plan has {count} lines, numbered 0 to {count - 1}"
            if count
            else "the plan has no lines"
        )
        raise ApiError([Problem("line", message)])
    explained = (
        explain_lines(result_plan, body.lang)
        if body.lines
        else [
            {
                "index": body.line,
                **explain_line(result_plan, result_plan.lines[body.line or 0], body.lang),
            }
        ]
    )
    return json_response(
        {"schema": "klaverblad.explain-lines/1", "initiative": initiative.id, "lines": explained}
    )


def measures(
    on: Annotated[
        str | None,
        Query(
            alias="date",
            description="Date of the parameter values, YYYY-MM-DD (default: today)",
            examples=["2006-06-01"],
        ),
    ] = None,
    lang: Annotated[
        Lang, Query(description="nl or en; the catalogue's labels are the rulebook's own")
    ] = "nl",
) -> Response:
    """The catalogue: measures, leaves, funders, and each parameter's value at a date with its
    source and confidence grade — the JSON of `klaverblad measures --date D --format json`."""
    from klaverblad.advice.catalogue_view import measures_catalogue
    from klaverblad.model.months import month_of_date

    try:
        when = date.fromisoformat(on) if on else date.today()
    except ValueError:
        raise ApiError([Problem("date", f"'{on}' is not a date in the form YYYY-MM-DD")]) from None
    catalogue = measures_catalogue(month_of_date(when))
    catalogue["date"] = when.isoformat()
    return json_response(catalogue)


def _responses(document: str) -> dict[int | str, dict[str, Any]]:
    return {
        200: {"description": f"The `{document}` document, as the command line prints it"},
        **{code: {**entry, "model": ErrorBody} for code, entry in ERROR_RESPONSES.items()},
    }


def api_router() -> APIRouter:
    """Every /api route, with the OpenAPI examples read from `examples/` now."""
    router = APIRouter(prefix=API_PREFIX, route_class=StrictJsonRoute)
    bik = example_initiative()
    router.add_api_route(
        "/plan",
        plan,
        methods=["POST"],
        tags=["plans"],
        summary="The financing plan of one initiative",
        responses=_responses("klaverblad.plan/1"),
        openapi_extra=request_examples(
            {
                "bik": ("vzw BIK, Kortrijk (2006)", {"initiative": bik} if bik else None),
                "bik-reform-en": (
                    "vzw BIK under the SINE extension, from 2006-07, alerts in English",
                    {
                        "initiative": bik,
                        "start": "2006-07",
                        "months": 12,
                        "reforms": ["sine-uitbreiding"],
                        "lang": "en",
                    }
                    if bik
                    else None,
                ),
            }
        ),
    )
    router.add_api_route(
        "/explain",
        explain,
        methods=["POST"],
        tags=["plans"],
        summary="Why (not): a person's statutes or the plan's lines explained",
        responses=_responses("klaverblad.explain/1 or klaverblad.explain-lines/1"),
        openapi_extra=request_examples(
            {
                "person": ("Person w1 of vzw BIK", {"initiative": bik, "person": "w1"}),
                "line": ("The first line of BIK's plan", {"initiative": bik, "line": 0}),
            }
            if bik
            else {}
        ),
    )
    router.add_api_route(
        "/compare",
        compare,
        methods=["POST"],
        tags=["plans"],
        summary="Why the rules change a plan: one step per reform or parameter change",
        responses=_responses("klaverblad.compare/1"),
        openapi_extra=request_examples(
            {
                "bik-two-reforms": (
                    "vzw BIK under the SINE extension, then the LDE–SINE link",
                    {"initiative": bik, "reforms": ["sine-uitbreiding", "lde-koppeling-sine"]}
                    if bik
                    else None,
                )
            }
        ),
    )
    router.add_api_route(
        "/cashflow",
        cashflow,
        methods=["POST"],
        tags=["plans"],
        summary="When the money arrives: the plan month by month as cash",
        responses=_responses("klaverblad.cashflow/1"),
        openapi_extra=request_examples(
            {"bik": ("vzw BIK, Kortrijk (2006)", {"initiative": bik} if bik else None)}
        ),
    )
    router.add_api_route(
        "/measures",
        measures,
        methods=["GET"],
        tags=["rules"],
        summary="The catalogue of measures and parameter values at a date",
        responses=_responses("klaverblad.measures/1"),
    )
    batch.add_routes(router, _responses)
    multi_year_plan.add_route(router, _responses, multi_year_plan.example_portfolio())
    return router
