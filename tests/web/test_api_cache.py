"""`POST /api/plan` answers an identical request from its cache of recent plans, with exactly
the bytes it would compute, and never answers one body with another body's plan."""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient

from klaverblad.advice.alerts import plan_alerts
from klaverblad.locale import Language
from klaverblad.model import parse_initiative
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.report.plan_json import plan_to_dict
from klaverblad.web.api.plan_cache import PLAN_ANSWERS, PlanCache, request_key


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    PLAN_ANSWERS.clear()
    yield
    PLAN_ANSWERS.clear()


def computed_bytes(initiative: dict[str, Any], lang: Language = "nl") -> bytes:
    """The answer computed without the web layer, as Starlette's JSONResponse writes it."""
    plan = compute_plan(parse_initiative(initiative, source="test"))
    return bytes(JSONResponse(plan_to_dict(plan, plan_alerts(plan), lang)).body)


def with_wage(bik: dict[str, Any], amount: float) -> dict[str, Any]:
    changed = copy.deepcopy(bik)
    assert changed["people"][0]["id"] == "w1"
    changed["people"][0]["monthly_wage_cost"] = amount
    return changed


def test_a_repeated_plan_request_is_answered_from_the_cache_with_the_same_bytes(
    client: TestClient, bik: dict[str, Any]
) -> None:
    first = client.post("/api/plan", json={"initiative": bik})
    again = client.post("/api/plan", json={"initiative": bik})
    assert first.status_code == again.status_code == 200
    assert (PLAN_ANSWERS.misses, PLAN_ANSWERS.hits, len(PLAN_ANSWERS)) == (1, 1, 1)
    assert again.content == first.content
    for header in ("content-type", "content-length"):
        assert again.headers[header] == first.headers[header]
    assert first.headers["content-type"] == "application/json"


def test_a_cached_answer_is_byte_for_byte_the_uncached_answer(
    client: TestClient, bik: dict[str, Any]
) -> None:
    computed = client.post("/api/plan", json={"initiative": bik}).content
    cached = client.post("/api/plan", json={"initiative": bik}).content
    assert PLAN_ANSWERS.hits == 1
    # The same bytes as the plan computed in-process and written by JSONResponse (the
    # endpoint's serialisation before the cache existed).
    assert computed == cached == computed_bytes(bik)


def test_a_body_differing_in_one_amount_never_gets_the_other_bodys_plan(
    client: TestClient, bik: dict[str, Any]
) -> None:
    cheaper, dearer = with_wage(bik, 2100.00), with_wage(bik, 2100.01)
    answers = [
        client.post("/api/plan", json={"initiative": initiative}).content
        for initiative in (cheaper, dearer, cheaper, dearer)
    ]
    assert (PLAN_ANSWERS.misses, PLAN_ANSWERS.hits, len(PLAN_ANSWERS)) == (2, 2, 2)
    assert answers[0] == answers[2] == computed_bytes(cheaper)
    assert answers[1] == answers[3] == computed_bytes(dearer)
    assert answers[0] != answers[1]
    # By hand: w1 is employed full-time over all 24 months of the horizon, so one cent more
    # per month is 24 cents more cost: 216 000.00 (the example's total) + 0.24.
    costs = [json.loads(answer)["totals"]["costs"] for answer in answers[:2]]
    assert costs == ["216000.00", "216000.24"]


def test_the_same_initiative_in_another_language_or_under_a_reform_is_computed_again(
    client: TestClient, bik: dict[str, Any]
) -> None:
    dutch = client.post("/api/plan", json={"initiative": bik}).json()
    english = client.post("/api/plan", json={"initiative": bik, "lang": "en"}).json()
    reform = client.post(
        "/api/plan", json={"initiative": bik, "reforms": ["sine-uitbreiding"]}
    ).json()
    assert (PLAN_ANSWERS.misses, PLAN_ANSWERS.hits) == (3, 0)
    assert english == json.loads(computed_bytes(bik, "en"))
    assert english["alerts"] != dutch["alerts"]
    assert reform["rules"]["reforms"] == ["sine-uitbreiding"]
    assert dutch["rules"]["reforms"] == []


def test_a_refused_body_is_not_kept(client: TestClient, bik: dict[str, Any]) -> None:
    broken = with_wage(bik, -5)
    for _ in range(2):
        response = client.post("/api/plan", json={"initiative": broken})
        assert response.status_code == 422
        assert response.json()["errors"][0]["path"] == "initiative.people[0].monthly_wage_cost"
    assert len(PLAN_ANSWERS) == 0


def test_the_key_ignores_key_order_but_not_a_number_type_or_the_rules_version() -> None:
    rules = "0.1.0+params.aaaaaaaaaaaa"
    body = {"initiative": {"id": "a", "fte": 1}, "lang": "nl"}
    key = request_key(body, rules)
    assert key == request_key({"lang": "nl", "initiative": {"fte": 1, "id": "a"}}, rules)
    assert key != request_key({"initiative": {"id": "a", "fte": 1.0}, "lang": "nl"}, rules)
    assert key != request_key(body, "0.1.0+params.bbbbbbbbbbbb")
    assert key is not None and len(key) == 64  # hex SHA-256


def test_the_cache_drops_the_least_recently_used_answer_past_its_limits() -> None:
    cache = PlanCache(max_entries=2, max_bytes=40)
    cache.put("a", b"1" * 10)
    cache.put("b", b"2" * 10)
    assert cache.get("a") == b"1" * 10  # "b" is now the least recently used
    cache.put("c", b"3" * 10)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (b"1" * 10, None, b"3" * 10)
    # 10 + 10 bytes kept; an answer over a quarter of max_bytes (40 / 4 = 10) is not kept.
    cache.put("d", b"4" * 11)
    assert (cache.get("d"), len(cache), cache.size_bytes) == (None, 2, 20)


def test_the_cache_stays_within_its_limits_under_concurrent_use() -> None:
    cache = PlanCache(max_entries=8, max_bytes=10_000)

    def use(offset: int) -> None:
        for number in range(2000):
            key = str((number * 7 + offset) % 20)
            found = cache.get(key)
            assert found is None or found == key.encode() * 10
            cache.put(key, key.encode() * 10)

    threads = [threading.Thread(target=use, args=(offset,)) for offset in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(cache) == 8
    assert cache.hits + cache.misses == 8 * 2000
    assert cache.size_bytes == sum(len(cache.get(str(k)) or b"") for k in range(20))
