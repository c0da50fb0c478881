"""`POST /api/multi-year-plan`: the `klaverblad.multi-year-plan/1` document of `klaverblad
multi-year-plan --format json`, its CSV and workbook, and bad input refused with 422 naming
the field (docs/api.md)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import openpyxl
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from klaverblad.cli import app
from tests.web.conftest import example_body

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
AALST = [EXAMPLES / "dgv-groendienst-2025.yaml", EXAMPLES / "ocmw-art60-2006.yaml"]


def body(**fields: Any) -> dict[str, Any]:
    return {
        "initiatives": [example_body(path) for path in AALST],
        "municipality": "Aalst",
        **fields,
    }


def paths(response: Any) -> list[str]:
    assert response.status_code == 422, response.text
    return [error["path"] for error in response.json()["errors"]]


def test_the_answer_is_the_command_lines_json(client: TestClient) -> None:
    response = client.post("/api/multi-year-plan", json=body())
    assert response.status_code == 200, response.text
    printed = CliRunner().invoke(
        app, ["multi-year-plan", *map(str, AALST), "--municipality", "Aalst", "--format", "json"]
    )
    assert response.json() == json.loads(printed.stdout)
    # 120 h × 28,00 × 12 = 40 320,00 a year paid by the city to vzw Groenkracht.
    assert response.json()["totals"]["paid"]["2030"] == "40320.00"


def test_csv_and_workbook_are_downloads(client: TestClient) -> None:
    csv_answer = client.post("/api/multi-year-plan", json=body(format="csv"))
    assert csv_answer.status_code == 200
    assert csv_answer.headers["content-type"].startswith("text/csv")
    assert csv_answer.text.splitlines()[1].endswith(";1800,00;10800,00;ocmw-art60-2006;L")
    xlsx_answer = client.post("/api/multi-year-plan", json=body(format="xlsx", lang="en"))
    assert xlsx_answer.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(xlsx_answer.content))
    assert book["Multi-year plan"]["M5"].value == "=SUM(G5:L5)"


def test_an_unknown_municipality_is_refused_naming_it(client: TestClient) -> None:
    response = client.post("/api/multi-year-plan", json=body(municipality="Gent"))
    assert paths(response) == ["municipality"]
    assert "Aalst" in response.json()["errors"][0]["message"]


def test_a_bad_initiative_is_refused_with_its_path(client: TestClient) -> None:
    document = body()
    document["initiatives"][1]["promoter"]["legal_form"] = "kerkfabriek"
    assert paths(client.post("/api/multi-year-plan", json=document)) == [
        "initiatives[1].promoter.legal_form"
    ]


def test_a_wrong_format_and_an_empty_portfolio_are_refused(client: TestClient) -> None:
    assert paths(client.post("/api/multi-year-plan", json=body(format="pdf"))) == ["format"]
    assert "initiatives" in paths(client.post("/api/multi-year-plan", json=body(initiatives=[])))
