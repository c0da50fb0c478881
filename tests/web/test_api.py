"""The JSON API answers with exactly the documents of the command line (CONTRACT §3–5)."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from klaverblad.advice.alerts import plan_alerts
from klaverblad.model import load_initiative
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.report.plan_json import plan_to_dict
from tests.web.conftest import EXAMPLE_PATHS, EXAMPLES, RANKING_CSV, example_body

CLI_COMPARED = ("bik-klusjesdienst", "antwerpen-labour-for-neighbour")


def cli_json(*args: str) -> Any:
    result = subprocess.run(
        [sys.executable, "-m", "klaverblad", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("name", CLI_COMPARED)
def test_the_plan_of_an_example_equals_the_command_lines_json_key_for_key(
    client: TestClient, name: str
) -> None:
    path = EXAMPLES / f"{name}.yaml"
    response = client.post("/api/plan", json={"initiative": example_body(path)})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    expected = cli_json("plan", str(path), "--format", "json")
    assert list(response.json()) == list(expected)
    assert response.json() == expected


@pytest.mark.parametrize("path", EXAMPLE_PATHS, ids=lambda path: path.stem)
def test_the_plan_of_every_example_equals_the_plan_computed_in_process(
    client: TestClient, path: Path
) -> None:
    response = client.post("/api/plan", json={"initiative": example_body(path)})
    plan = compute_plan(load_initiative(path))
    expected = json.loads(json.dumps(plan_to_dict(plan, plan_alerts(plan), "nl")))
    assert response.status_code == 200
    assert response.json() == expected


def test_the_plan_follows_start_months_reforms_and_english_as_the_command_line_does(
    client: TestClient, bik: dict[str, Any]
) -> None:
    options = ["--start", "2006-07", "--months", "6", "--reform", "sine-uitbreiding"]
    change = "sine.herinschakelingsuitkering.amount=600@2006-07"
    body = {
        "initiative": bik,
        "start": "2006-07",
        "months": 6,
        "reforms": ["sine-uitbreiding"],
        "set": [change],
        "lang": "en",
    }
    response = client.post("/api/plan", json=body)
    path = str(EXAMPLES / "bik-klusjesdienst.yaml")
    expected = cli_json("plan", path, "--format", "json", *options, "--set", change, "--lang", "en")
    assert response.status_code == 200
    assert response.json() == expected
    assert response.json()["horizon"] == {"start": "2006-07", "months": 6}
    assert response.json()["rules"]["reforms"] == [
        "sine-uitbreiding",
        "set:sine.herinschakelingsuitkering.amount=600.0@2006-07",
    ]


def test_alert_messages_follow_the_language_dutch_by_default(
    client: TestClient, bik: dict[str, Any]
) -> None:
    dutch = client.post("/api/plan", json={"initiative": bik}).json()["alerts"]
    english = client.post("/api/plan", json={"initiative": bik, "lang": "en"}).json()["alerts"]
    plan = compute_plan(load_initiative(EXAMPLES / "bik-klusjesdienst.yaml"))
    alerts = plan_alerts(plan)
    assert alerts, "the BIK example raises alerts"
    assert [a["message"] for a in dutch] == [alert.message("nl") for alert in alerts]
    assert [a["message"] for a in english] == [alert.message("en") for alert in alerts]
    assert dutch != english


def test_explain_a_person_gives_the_command_lines_json(
    client: TestClient, bik: dict[str, Any]
) -> None:
    response = client.post(
        "/api/explain", json={"initiative": bik, "person": "w1", "measure": "sine"}
    )
    path = str(EXAMPLES / "bik-klusjesdienst.yaml")
    expected = cli_json("explain", path, "--person", "w1", "--measure", "sine", "--format", "json")
    assert response.status_code == 200
    assert response.json() == expected
    assert response.json()["schema"] == "klaverblad.explain/1"
    assert [m["measure"] for m in response.json()["measures"]] == ["sine"]


def test_explain_a_line_and_every_line(client: TestClient, bik: dict[str, Any]) -> None:
    one = client.post("/api/explain", json={"initiative": bik, "line": 3, "lang": "en"})
    path = str(EXAMPLES / "bik-klusjesdienst.yaml")
    assert one.status_code == 200
    assert one.json() == cli_json(
        "explain", path, "--line", "3", "--lang", "en", "--format", "json"
    )
    every = client.post("/api/explain", json={"initiative": bik, "lines": True})
    plan = client.post("/api/plan", json={"initiative": bik}).json()
    assert every.status_code == 200
    assert every.json()["schema"] == "klaverblad.explain-lines/1"
    assert [entry["line"] for entry in every.json()["lines"]] == plan["lines"]


def test_the_measures_catalogue_at_a_date_equals_the_command_lines(client: TestClient) -> None:
    response = client.get("/api/measures", params={"date": "2006-06-01", "lang": "en"})
    assert response.status_code == 200
    assert response.json() == cli_json("measures", "--date", "2006-06-01", "--format", "json")
    assert response.json()["date"] == "2006-06-01"


def test_the_measures_catalogue_defaults_to_today(client: TestClient) -> None:
    from datetime import date

    response = client.get("/api/measures")
    assert response.status_code == 200
    assert response.json()["date"] == date.today().isoformat()


def test_a_portfolio_with_a_reform_shows_baseline_reform_and_difference(
    client: TestClient,
) -> None:
    names = ("bik-klusjesdienst", "ocmw-art60-2006")
    body = {
        "initiatives": [example_body(EXAMPLES / f"{name}.yaml") for name in names],
        "reforms": ["sine-uitbreiding"],
    }
    response = client.post("/api/portfolio", json=body)
    paths = [str(EXAMPLES / f"{name}.yaml") for name in names]
    expected = cli_json("portfolio", *paths, "--reform", "sine-uitbreiding", "--format", "json")
    assert response.status_code == 200
    assert response.json() == expected
    assert response.json()["schema"] == "klaverblad.portfolio/1"
    assert response.json()["rules"]["reforms"] == ["sine-uitbreiding"]


def test_rank_the_shipped_csv_splits_25000_euros_to_the_cent(client: TestClient) -> None:
    text = RANKING_CSV.read_text(encoding="utf-8")
    response = client.post("/api/rank", json={"csv": text, "budget": "25000"})
    expected = cli_json("rank", str(RANKING_CSV), "--budget", "25000", "--format", "json")
    assert response.status_code == 200
    result = response.json()
    assert result == expected
    assert result["schema"] == "klaverblad.rank/1"
    assert result["budget"] == "25000.00"
    assert sum(Decimal(row["allocation"]) for row in result["rows"]) == Decimal("25000.00")


def test_rank_rows_as_objects_rank_as_the_same_csv_does(client: TestClient) -> None:
    rows = [
        {"municipality": "Gent", "youth_unemployment_rate": 18, "general_unemployment_rate": 9.5},
        {
            "municipality": "Aalst",
            "youth_unemployment_rate": "14,0",
            "general_unemployment_rate": 7,
        },
    ]
    text = (
        "municipality,youth_unemployment_rate,general_unemployment_rate\n"
        "Gent,18,9.5\nAalst,14.0,7\n"
    )
    weights = {"youth": 0.7, "general": "3/10"}
    as_rows = client.post("/api/rank", json={"rows": rows, "weights": weights, "budget": 1000.5})
    as_csv = client.post("/api/rank", json={"csv": text, "weights": weights, "budget": "1000,50"})
    assert as_rows.status_code == as_csv.status_code == 200
    assert as_rows.json() == as_csv.json()
    assert as_rows.json()["weights"] == {"youth": 0.7, "general": 0.3}
    assert as_rows.json()["budget"] == "1000.50"


def test_rank_without_a_budget_gives_null_allocations(client: TestClient) -> None:
    text = RANKING_CSV.read_text(encoding="utf-8")
    result = client.post("/api/rank", json={"csv": text}).json()
    assert result["budget"] is None
    assert {row["allocation"] for row in result["rows"]} == {None}


def test_optimise_with_at_most_one_person_on_sine(client: TestClient) -> None:
    body = example_body(EXAMPLES / "antwerpen-labour-for-neighbour.yaml")
    response = client.post("/api/optimise", json={"initiative": body, "max_positions": {"sine": 1}})
    path = str(EXAMPLES / "antwerpen-labour-for-neighbour.yaml")
    expected = cli_json("optimise", path, "--max", "sine=1", "--format", "json")
    assert response.status_code == 200
    assert response.json() == expected
    assert response.json()["schema"] == "klaverblad.optimise/1"
    assert response.json()["constraints"]["max_positions"] == {"sine": 1}
    people = response.json()["people"]
    assert sum(1 for person in people if person["proposed"] == "sine") <= 1


def test_the_request_is_not_changed_by_the_api(client: TestClient, bik: dict[str, Any]) -> None:
    before = copy.deepcopy(bik)
    client.post("/api/plan", json={"initiative": bik})
    assert bik == before


def test_openapi_lists_every_route_with_its_request_schema(client: TestClient) -> None:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    assert spec["info"]["title"] == "Klaverblad"
    assert spec["info"]["version"] == "0.1.0"
    posts = {
        "/api/plan": "PlanRequest",
        "/api/explain": "ExplainRequest",
        "/api/portfolio": "PortfolioRequest",
        "/api/rank": "RankRequest",
        "/api/optimise": "OptimiseRequest",
        "/api/compare": "CompareRequest",
        "/api/multi-year-plan": "MultiYearPlanRequest",
        "/api/cashflow": "CashflowRequest",
    }
    assert set(spec["paths"]) == {*posts, "/api/measures"}
    for path, model in posts.items():
        body = spec["paths"][path]["post"]["requestBody"]["content"]["application/json"]
        assert body["schema"] == {"$ref": f"#/components/schemas/{model}"}
        assert body["examples"], f"{path} has a request example"
        assert spec["paths"][path]["post"]["responses"]["422"]["content"]["application/json"][
            "schema"
        ] == {"$ref": "#/components/schemas/ErrorBody"}
    parameters = {p["name"] for p in spec["paths"]["/api/measures"]["get"]["parameters"]}
    assert parameters == {"date", "lang"}
    plan_schema = spec["components"]["schemas"]["PlanRequest"]
    assert plan_schema["additionalProperties"] is False
    # `as_known_on`: step 9 part 4, an extension (docs/as-known-on.md).
    assert {"initiative", "start", "months", "reforms", "set", "lang", "as_known_on"} == set(
        plan_schema["properties"]
    )
    assert plan_schema["required"] == ["initiative"]


def test_the_openapi_example_of_the_plan_is_the_bik_example_and_it_works(
    client: TestClient, bik: dict[str, Any]
) -> None:
    spec = client.get("/api/openapi.json").json()
    examples = spec["paths"]["/api/plan"]["post"]["requestBody"]["content"]["application/json"][
        "examples"
    ]
    assert examples["bik"]["value"] == {"initiative": bik}
    for example in examples.values():
        assert client.post("/api/plan", json=example["value"]).status_code == 200


def test_the_docs_page_is_served(client: TestClient) -> None:
    response = client.get("/api/docs")
    assert response.status_code == 200
    assert "/api/openapi.json" in response.text
