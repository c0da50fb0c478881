"""`POST /api/cashflow`: the `klaverblad.cashflow/1` document of `klaverblad cashflow --format
json`, and bad input refused with 422 naming the field (docs/api.md)."""

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


def test_the_answer_is_the_command_lines_json(client: TestClient) -> None:
    response = client.post("/api/cashflow", json=body())
    assert response.status_code == 200, response.text
    printed = CliRunner().invoke(app, ["cashflow", str(BIK), "--format", "json"])
    assert response.json() == json.loads(printed.stdout)


def test_a_cash_block_moves_the_final_balance_by_the_opening_balance(client: TestClient) -> None:
    initiative = {**example_body(BIK), "cash": {"opening_balance": 70000}}
    response = client.post("/api/cashflow", json={"initiative": initiative})
    assert response.status_code == 200, response.text
    summary = response.json()["summary"]
    # BIK's saldo −68 454.81 (docs/cashflow.md) + 70 000.00 = 1 545.19; the lowest balance
    # −69 454.81 + 70 000.00 = 545.19, so nothing to pre-finance.
    assert summary["final_balance"] == "1545.19"
    assert summary["prefinancing_needed"] == "0.00"


def test_a_bad_invoice_term_is_refused_naming_its_path(client: TestClient) -> None:
    initiative = {**example_body(BIK), "cash": {"invoice_payment_days": -1}}
    response = client.post("/api/cashflow", json={"initiative": initiative})
    assert response.status_code == 422, response.text
    paths = [error["path"] for error in response.json()["errors"]]
    assert paths == ["initiative.cash.invoice_payment_days"]
