"""`POST /api/compare`: the `klaverblad.compare/1` document of `klaverblad compare --format
json`, and bad input refused with 422 naming the field, never a 500 (docs/api.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from klaverblad.cli import app
from tests.web.conftest import example_body

BIK = Path(__file__).resolve().parents[2] / "examples" / "bik-klusjesdienst.yaml"
BOTH = ["sine-uitbreiding", "lde-koppeling-sine"]


def body(**fields: Any) -> dict[str, Any]:
    return {"initiative": example_body(BIK), **fields}


def paths(response: Any) -> list[str]:
    assert response.status_code == 422, response.text
    return [error["path"] for error in response.json()["errors"]]


def test_the_answer_is_the_command_lines_json(client: TestClient) -> None:
    response = client.post("/api/compare", json=body(reforms=BOTH))
    assert response.status_code == 200, response.text
    printed = CliRunner().invoke(
        app, ["compare", str(BIK), "--reform", BOTH[0], "--reform", BOTH[1], "--format", "json"]
    )
    assert response.json() == json.loads(printed.stdout)
    # + € 6 500 and + € 7 200, worked out in tests/advice/test_reform_steps.py.
    assert [step["funding"] for step in response.json()["steps"]] == ["6500.00", "7200.00"]


def test_a_parameter_change_is_a_step_after_the_reforms(client: TestClient) -> None:
    change = "sine.herinschakelingsuitkering.amount=600@2006-07"
    response = client.post("/api/compare", json=body(reforms=BOTH[:1], set=[change]))
    assert response.status_code == 200, response.text
    # w1, w3 and w4 on SINE from 2006-07 to 2007-12: 3 × 18 months × € 100.
    assert [step["funding"] for step in response.json()["steps"]] == ["6500.00", "5400.00"]


def test_an_unknown_reform_is_refused_naming_its_index(client: TestClient) -> None:
    assert paths(client.post("/api/compare", json=body(reforms=["sine-uitbreiding", "nope"]))) == [
        "reforms[1]"
    ]


def test_a_bad_change_is_refused_naming_its_index(client: TestClient) -> None:
    assert paths(client.post("/api/compare", json=body(set=["no.such.parameter=1@2006-01"]))) == [
        "set[0]"
    ]


def test_no_change_at_all_is_refused_naming_reforms(client: TestClient) -> None:
    assert paths(client.post("/api/compare", json=body())) == ["reforms"]


def test_a_bad_initiative_is_refused_with_its_contract_path(client: TestClient) -> None:
    document = body(reforms=BOTH)
    document["initiative"] = {**document["initiative"], "horizon": {"start": "2006-13"}}
    assert all(
        p.startswith("initiative.horizon")
        for p in paths(client.post("/api/compare", json=document))
    )


def test_too_many_changes_are_refused_naming_set(client: TestClient) -> None:
    changes = [f"sine.herinschakelingsuitkering.amount={500 + i}@2006-01" for i in range(9)]
    assert paths(client.post("/api/compare", json=body(set=changes))) == ["set"]


def test_an_unknown_field_is_refused(client: TestClient) -> None:
    response = client.post("/api/compare", json=body(reforms=BOTH, order="reversed"))
    assert response.status_code == 422
