"""`as_known_on` in the bodies of `POST /api/plan` and `POST /api/compare` (docs/api.md,
docs/as-known-on.md): the same documents as the command line's `--as-known-on`, a bad date
refused with 422 naming the field, and the plan cache keeping the two plans apart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from klaverblad.cli import app
from tests.web.conftest import example_body

BIK = Path(__file__).resolve().parents[2] / "examples" / "bik-klusjesdienst.yaml"


def body(**fields: Any) -> dict[str, Any]:
    return {"initiative": example_body(BIK), **fields}


def paths(response: Any) -> list[str]:
    assert response.status_code == 422, response.text
    return [error["path"] for error in response.json()["errors"]]


def test_the_plan_as_known_on_a_date_is_the_command_lines(client: TestClient) -> None:
    response = client.post("/api/plan", json=body(as_known_on="2006-06-30"))
    assert response.status_code == 200, response.text
    assert response.json()["rules"]["as_known_on"] == "2006-06-30"
    # 147545.19 - 75.51 + 600.00 (tests/test_cli_as_known_on.py).
    assert response.json()["totals"]["funding"] == "148069.68"


def test_the_cache_keeps_the_plan_of_today_apart(client: TestClient) -> None:
    then = client.post("/api/plan", json=body(as_known_on="2006-06-30")).json()
    today = client.post("/api/plan", json=body()).json()
    assert today["rules"]["as_known_on"] is None
    assert today["totals"]["funding"] == "147545.19"
    assert then["rules"]["version"] != today["rules"]["version"]


def test_a_bad_date_is_refused_naming_the_field(client: TestClient) -> None:
    assert paths(client.post("/api/plan", json=body(as_known_on="2006-13-01"))) == ["as_known_on"]
    assert paths(client.post("/api/plan", json=body(as_known_on=20060630))) == ["as_known_on"]
    assert paths(client.post("/api/compare", json=body(as_known_on="2999-01-01"))) == [
        "as_known_on"
    ]


def test_the_comparison_as_known_on_is_the_command_lines(client: TestClient) -> None:
    response = client.post("/api/compare", json=body(as_known_on="2006-06-30"))
    assert response.status_code == 200, response.text
    printed = CliRunner().invoke(
        app, ["compare", str(BIK), "--as-known-on", "2006-06-30", "--format", "json"]
    )
    assert response.json() == json.loads(printed.stdout)
    assert [step["funding"] for step in response.json()["steps"]] == ["75.51", "0.00", "-600.00"]


def test_a_date_with_reforms_is_refused_naming_the_date(client: TestClient) -> None:
    response = client.post(
        "/api/compare", json=body(as_known_on="2006-06-30", reforms=["sine-uitbreiding"])
    )
    assert paths(response) == ["as_known_on"]


def test_the_openapi_describes_the_field(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    plan = schema["components"]["schemas"]["PlanRequest"]["properties"]["as_known_on"]
    assert "YYYY-MM-DD" in json.dumps(plan)
