"""The last four holes the attack families found in the API: a document's size in fields, a
portfolio's size counted before validation, control characters in ids, and numbers whose
exponent would silently make them 0 or infinite."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from klaverblad.model.limits import HORIZON_MONTHS, MAPPING_KEYS, PORTFOLIO_PERSON_MONTHS
from klaverblad.web.api import batch
from klaverblad.web.errors import SHOWN_PROBLEMS

JSON = {"content-type": "application/json"}


def test_an_initiative_mapping_with_more_fields_than_the_limit_is_refused_before_validation(
    client: TestClient, bik: dict[str, Any]
) -> None:
    keys = {f"k{i}": 0 for i in range(60_000)}
    response = client.post("/api/plan", json={"initiative": {**bik, **keys}})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "path": "initiative",
            "message": f"has {60_000 + len(bik)} fields; at most {MAPPING_KEYS} are allowed",
        }
    ]


def test_an_answer_lists_at_most_fifty_problems_and_counts_the_rest(
    client: TestClient, bik: dict[str, Any]
) -> None:
    initiative = copy.deepcopy(bik)
    person = initiative["people"][0]
    initiative["people"] = [{**person, "fte": 7} for _ in range(120)]  # 120 bad FTEs
    errors = client.post("/api/plan", json={"initiative": initiative}).json()["errors"]
    assert len(errors) == SHOWN_PROBLEMS + 1
    assert errors[-1]["path"] == "(the request)"
    assert errors[-1]["message"].startswith("and ") and "more problems" in errors[-1]["message"]


def test_a_portfolio_past_the_person_months_limit_is_refused_without_validating_any_initiative(
    client: TestClient, bik: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("an initiative was validated")

    monkeypatch.setattr(batch, "initiative_or_problems", never)
    people = [dict(bik["people"][0], id=f"p{k}") for k in range(100)]
    big = {**bik, "people": people, "horizon": {"start": "2006-01", "months": HORIZON_MONTHS}}
    count = PORTFOLIO_PERSON_MONTHS // (100 * HORIZON_MONTHS) + 1
    response = client.post(
        "/api/portfolio", json={"initiatives": [dict(big, id=f"i{k}") for k in range(count)]}
    )
    assert response.status_code == 422
    (error,) = response.json()["errors"]
    assert error["path"] == "initiatives" and "person-months" in error["message"]


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\u202e"])
def test_a_control_character_in_a_person_id_is_refused_naming_the_field(
    client: TestClient, bik: dict[str, Any], character: str
) -> None:
    initiative = copy.deepcopy(bik)
    initiative["people"][0]["id"] = f"w{character}1"
    response = client.post(
        "/api/plan",
        content=json.dumps({"initiative": initiative}, ensure_ascii=True),
        headers=JSON,
    )
    assert response.status_code == 422
    (error,) = response.json()["errors"]
    assert error["path"] == "initiative.people[0].id"
    assert f"U+{ord(character):04X}" in error["message"]


@pytest.mark.parametrize("literal", ["1e-1000000", "2.5e-400", "1e400"])
def test_a_number_whose_exponent_would_make_it_zero_or_infinite_is_refused_at_its_field(
    client: TestClient, bik: dict[str, Any], literal: str
) -> None:
    body = json.dumps({"initiative": bik}).replace(
        '"monthly_wage_cost": 2100.0', f'"monthly_wage_cost": {literal}', 1
    )
    assert literal in body
    response = client.post("/api/plan", content=body, headers=JSON)
    assert response.status_code == 422
    paths = [error["path"] for error in response.json()["errors"]]
    assert paths == ["initiative.people[0].monthly_wage_cost"]
