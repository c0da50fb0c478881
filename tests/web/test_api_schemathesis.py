"""The JSON API fuzzed from its own OpenAPI schema (schemathesis 4, on Hypothesis).

Every operation of /api/openapi.json — POST /api/plan, /api/explain, /api/portfolio, /api/rank,
/api/optimise and GET /api/measures — gets requests generated from its schema: the schema's
examples, its coverage cases (boundaries, missing and extra fields, unsupported methods and
content types), then valid bodies (positive mode) and invalid ones (negative mode). The app
runs in-process on a migrated temporary SQLite. Whatever the request, the API must not fail
(no 5xx), must answer with a status and a content type the schema declares, and its body must
conform to the schema (refusals: `{"errors": [{"path", "message"}]}`).

Bounded and reproducible: derandomized, EXAMPLES_PER_OPERATION generated examples per
operation. The initiative inside a body is described by its real schema (ranges, patterns, max
items: klaverblad.web.api.models.initiative_schema), so many generated bodies reach the
computation; the rules between fields that JSON Schema cannot state still refuse others, so
`test_every_generated_valid_initiative_is_planned_as_the_library_plans_it` also posts valid
initiatives from tests/strategies.py. The long run with its figures is
`python -m benchmarks.fuzz_schemathesis --requests 10000`.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import Case
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from klaverblad.advice.alerts import plan_alerts
from klaverblad.model import parse_initiative
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.report.plan_json import plan_to_dict
from klaverblad.web import create_app
from tests.strategies import Data, initiative_documents
from tests.web.conftest import migrated_settings

OPERATIONS = {
    "POST /api/plan",
    "POST /api/explain",
    "POST /api/portfolio",
    "POST /api/rank",
    "POST /api/optimise",
    "POST /api/compare",
    "POST /api/multi-year-plan",
    "POST /api/cashflow",
    "GET /api/measures",
}
# Generated examples per operation (positive and negative modes together); the explicit
# examples and the coverage phase come on top: about 1 150 requests in all.
EXAMPLES_PER_OPERATION = 120
MINIMUM_REQUESTS = 1000
SENT: Counter[str] = Counter()
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def _schema() -> Any:
    """The schema of an app on a fresh migrated SQLite in a temporary folder (removed when the
    test process ends). Built at import: `schemathesis.pytest.from_fixture` does not run on
    pytest 9 (it reads `Function._nodeid`, which pytest 9 no longer has)."""
    app = create_app(migrated_settings(Path(_FOLDER.name)))
    # No stateful phase: the API keeps no state between requests (no links in the schema).
    config = schemathesis.Config.from_dict({"phases": {"stateful": {"enabled": False}}})
    return schemathesis.openapi.from_asgi("/api/openapi.json", app, config=config)


_FOLDER = tempfile.TemporaryDirectory(prefix="klaverblad-schemathesis-")
schema = _schema()


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_request_generated_from_the_schema_makes_the_api_fail(case: Case) -> None:
    response = case.call()
    SENT[f"{case.operation.method.upper()} {case.operation.path}"] += 1
    case.validate_response(response, checks=CHECKS)


def test_the_fuzzing_sent_at_least_1000_requests_across_every_operation() -> None:
    if set(SENT) != OPERATIONS:
        pytest.skip("runs after the fuzzing of every operation in this module")
    assert sum(SENT.values()) >= MINIMUM_REQUESTS, SENT


@given(initiative_documents())
def test_every_generated_valid_initiative_is_planned_as_the_library_plans_it(
    client: TestClient, document: Data
) -> None:
    response = client.post("/api/plan", json={"initiative": document, "lang": "en"})
    assert response.status_code == 200, response.text
    plan = compute_plan(parse_initiative(document, source="initiative"))
    assert response.json() == plan_to_dict(plan, plan_alerts(plan), "en")
