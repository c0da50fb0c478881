"""The per-request time budget: a plan computation past its deadline is stopped with a 503
(Retry-After, the API's error shape or a page in the visitor's language), and the worker goes
on serving the next request normally."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from fastapi.testclient import TestClient

from klaverblad.model import load_initiative
from klaverblad.model.limits import PLAN_SECONDS
from klaverblad.plan.deadline import DEADLINE, TimeBudgetExceeded, check_deadline, time_budget
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.web.time_budget import PLAN_SECONDS_VARIABLE, budget_seconds
from tests.web.conftest import EXAMPLES

TINY = "0.000001"


def test_a_plan_past_its_budget_is_stopped_and_the_next_request_is_served(
    client: TestClient, bik: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    body = {"initiative": bik, "months": 37}  # not in the plan cache
    monkeypatch.setenv(PLAN_SECONDS_VARIABLE, TINY)
    stopped = client.post("/api/plan", json=body)
    assert stopped.status_code == 503
    assert stopped.headers["retry-after"].isdigit()
    assert stopped.json() == {
        "errors": [
            {
                "path": "(the request)",
                "message": "the computation took longer than 1e-06 s, the time budget of one "
                "request, and was stopped; try again later, or split the request (fewer people "
                "or initiatives, a shorter horizon)",
            }
        ]
    }
    monkeypatch.delenv(PLAN_SECONDS_VARIABLE)
    served = client.post("/api/plan", json=body)
    assert served.status_code == 200
    assert served.json()["horizon"]["months"] == 37


@pytest.mark.parametrize("endpoint", ["/api/portfolio", "/api/explain", "/api/optimise"])
def test_every_computing_endpoint_answers_503_past_its_budget(
    client: TestClient, bik: dict[str, Any], monkeypatch: pytest.MonkeyPatch, endpoint: str
) -> None:
    body = {
        "/api/portfolio": {"initiatives": [bik]},
        "/api/explain": {"initiative": bik, "lines": True},
        "/api/optimise": {"initiative": bik},
    }[endpoint]
    monkeypatch.setenv(PLAN_SECONDS_VARIABLE, TINY)
    response = client.post(endpoint, json=body)
    assert response.status_code == 503
    assert response.json()["errors"][0]["path"] == "(the request)"


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/plan/voorbeeld/bik-klusjesdienst", "duurde langer dan 1e-06 seconden"),
        ("/en/plan/example/bik-klusjesdienst", "took longer than 1e-06 seconds"),
    ],
)
def test_a_page_past_its_budget_answers_a_503_page_in_the_visitors_language(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, path: str, words: str
) -> None:
    monkeypatch.setenv(PLAN_SECONDS_VARIABLE, TINY)
    response = client.get(path)
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["retry-after"].isdigit()
    assert words in response.text
    monkeypatch.delenv(PLAN_SECONDS_VARIABLE)
    assert client.get(path).status_code == 200


def test_the_deadline_follows_the_request_into_the_thread_that_computes() -> None:
    seen: list[object] = []
    with time_budget(60):
        import contextvars

        context = contextvars.copy_context()
        thread = threading.Thread(target=lambda: seen.append(context.run(DEADLINE.get)))
        thread.start()
        thread.join()
    assert seen[0] is not None
    assert DEADLINE.get() is None


def test_without_a_deadline_a_computation_is_never_stopped() -> None:
    check_deadline()
    assert compute_plan(load_initiative(EXAMPLES / "bik-klusjesdienst.yaml")).lines


def test_a_plan_computed_past_its_deadline_raises_between_its_stages() -> None:
    initiative = load_initiative(EXAMPLES / "bik-klusjesdienst.yaml")
    with time_budget(0), pytest.raises(TimeBudgetExceeded, match="longer than 0 s"):
        compute_plan(initiative)


def test_the_budget_is_the_limits_tables_unless_the_settings_or_the_environment_say_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(PLAN_SECONDS_VARIABLE, raising=False)
    assert budget_seconds() == PLAN_SECONDS == 10
    assert budget_seconds(2.5) == 2.5
    monkeypatch.setenv(PLAN_SECONDS_VARIABLE, "0.5")
    assert budget_seconds() == 0.5
    for nonsense in ("-1", "0", "nan", "inf", "ten", "1e999"):
        monkeypatch.setenv(PLAN_SECONDS_VARIABLE, nonsense)
        assert budget_seconds() == PLAN_SECONDS
