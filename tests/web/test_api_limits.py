"""No request makes the API fail: odd Unicode, numbers beyond a float, dates of any year,
horizons in 1900, huge budgets and weights each answer a 4xx naming the field; the body and
portfolio limits are those of the limits table; the OpenAPI schema states the real constraints;
and no plan waits long behind another."""

from __future__ import annotations

import copy
import json
import threading
from typing import Any

import jsonschema_rs
import pytest
from fastapi.testclient import TestClient

from klaverblad.advice import portfolio, ranking_input
from klaverblad.model import number_reader
from klaverblad.model.limits import (
    API_BODY_BYTES,
    HORIZON_MONTHS,
    PEOPLE,
    PORTFOLIO_BODY_BYTES,
    PORTFOLIO_INITIATIVES,
    PORTFOLIO_PERSON_MONTHS,
    RANKING_ROWS,
)
from klaverblad.web.api import batch, routes
from klaverblad.web.api.limits import body_limit
from klaverblad.web.api.models import initiative_schema
from klaverblad.web.api.plan_cache import PLAN_ANSWERS
from tests.web.conftest import EXAMPLE_PATHS, RANKING_CSV, example_body

Body = dict[str, Any]
JSON = {"content-type": "application/json"}
SURROGATE = "\ud800"


def post_raw(client: TestClient, endpoint: str, body: Any) -> Any:
    """Post the body as ASCII JSON: a lone surrogate goes as the escape `\\ud800`."""
    return client.post(endpoint, content=json.dumps(body, ensure_ascii=True), headers=JSON)


def never(what: str) -> Any:
    """A stand-in for a function that must not be called: it fails the test saying `what`."""

    def called(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(what)

    return called


def texts_in(value: Any) -> list[str]:
    """Every text at the leaves of a JSON-like structure, and each part of a fraction `a/b`
    that is written with an exponent."""
    if isinstance(value, dict):
        return [text for item in value.values() for text in texts_in(item)]
    if isinstance(value, str):
        return [value, *(part for part in value.split("/") if "e" in part.lower())]
    return []


def with_person(bik: Body, **changes: Any) -> Body:
    initiative = copy.deepcopy(bik)
    initiative["people"][0].update(changes)
    return initiative


SURROGATE_CASES: list[tuple[str, str, Any]] = [
    ("/api/plan", "initiative.name", lambda bik: {"initiative": {**bik, "name": SURROGATE}}),
    (
        "/api/plan",
        "initiative.people[0].fte",
        lambda bik: {"initiative": with_person(bik, fte=SURROGATE)},
    ),
    ("/api/plan", "reforms[0]", lambda bik: {"initiative": bik, "reforms": [SURROGATE]}),
    ("/api/plan", "set[0]", lambda bik: {"initiative": bik, "set": [SURROGATE]}),
    ("/api/explain", "person", lambda bik: {"initiative": bik, "person": "w" + SURROGATE}),
    (
        "/api/explain",
        "measure",
        lambda bik: {"initiative": bik, "person": "w1", "measure": SURROGATE},
    ),
    ("/api/rank", "csv", lambda bik: {"csv": SURROGATE}),
    (
        "/api/rank",
        "rows[0].municipality",
        lambda bik: {
            "rows": [
                {
                    "municipality": SURROGATE,
                    "youth_unemployment_rate": 1,
                    "general_unemployment_rate": 2,
                }
            ]
        },
    ),
    ("/api/rank", "budget", lambda bik: {"csv": "x", "budget": SURROGATE}),
    (
        "/api/portfolio",
        "initiatives[0].promoter.name",
        lambda bik: {"initiatives": [{**bik, "promoter": {**bik["promoter"], "name": SURROGATE}}]},
    ),
    ("/api/optimise", "fixed.w1", lambda bik: {"initiative": bik, "fixed": {"w1": SURROGATE}}),
]


@pytest.mark.parametrize(
    ("endpoint", "path", "build"),
    SURROGATE_CASES,
    ids=[f"{case[0]} {case[1]}" for case in SURROGATE_CASES],
)
def test_a_lone_surrogate_in_any_string_is_refused_naming_its_field(
    client: TestClient, bik: Body, endpoint: str, path: str, build: Any
) -> None:
    response = post_raw(client, endpoint, build(bik))
    assert response.status_code == 422
    (error,) = response.json()["errors"]
    assert error["path"] == path
    assert "is not valid Unicode" in error["message"]


def test_a_lone_surrogate_in_a_field_name_is_refused_too(client: TestClient, bik: Body) -> None:
    response = post_raw(client, "/api/plan", {"initiative": bik, "x" + SURROGATE: 1})
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"].startswith("the name of this field 'x\ufffd'")


@pytest.mark.parametrize(
    ("endpoint", "raw", "path"),
    [
        ("/api/plan", '{"initiative": %s, "months": 1e309}', "months"),
        ("/api/plan", '{"initiative": %s, "months": -1e309}', "months"),
        ("/api/explain", '{"initiative": %s, "line": 1e309}', "line"),
        ("/api/rank", '{"csv": "x", "budget": 1e309}', "budget"),
        ("/api/rank", '{"csv": "x", "weights": {"youth": 1e309, "general": 0}}', "weights.youth"),
        (
            "/api/optimise",
            '{"initiative": %s, "max_positions": {"sine": 1e309}}',
            "max_positions.sine",
        ),
    ],
)
def test_a_number_beyond_a_float_is_refused_naming_its_field(
    client: TestClient, bik: Body, endpoint: str, raw: str, path: str
) -> None:
    content = raw % json.dumps(bik) if "%s" in raw else raw
    response = client.post(endpoint, content=content, headers=JSON)
    assert response.status_code == 422
    assert response.json()["errors"][0]["path"] == path
    assert "too large to read" in response.json()["errors"][0]["message"]


def test_a_number_beyond_a_float_inside_the_initiative_is_refused_naming_its_field(
    client: TestClient, bik: Body
) -> None:
    content = json.dumps({"initiative": with_person(bik, fte=123456789)})
    content = content.replace("123456789", "1e309")
    response = client.post("/api/plan", content=content, headers=JSON)
    assert response.status_code == 422
    assert response.json()["errors"][0]["path"] == "initiative.people[0].fte"


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31"])
@pytest.mark.parametrize("field", ["birth_date", "start_date"])
def test_a_date_outside_1900_to_2200_is_refused_naming_its_field(
    client: TestClient, bik: Body, field: str, day: str
) -> None:
    response = client.post("/api/plan", json={"initiative": with_person(bik, **{field: day})})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "path": f"initiative.people[0].{field}",
            "message": "must lie between the years 1900 and 2200",
        }
    ]


@pytest.mark.parametrize("month", ["0001-01", "1899-12", "2201-01", "9999-12"])
@pytest.mark.parametrize(("endpoint", "field"), [("/api/plan", "start"), ("/api/explain", "month")])
def test_a_month_of_the_request_outside_1900_to_2200_is_refused_naming_it(
    client: TestClient, bik: Body, endpoint: str, field: str, month: str
) -> None:
    body = {"initiative": bik, field: month, **({"person": "w1"} if field == "month" else {})}
    response = client.post(endpoint, json=body)
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"path": field, "message": "must lie between the years 1900 and 2200"}
    ]


@pytest.mark.parametrize(
    ("endpoint", "extra"),
    [
        ("/api/plan", {"start": "1900-01", "months": HORIZON_MONTHS}),
        ("/api/explain", {"start": None, "lines": True}),
        ("/api/optimise", {}),
    ],
)
def test_a_horizon_starting_in_1900_is_computed_without_nan(
    client: TestClient, bik: Body, endpoint: str, extra: Body
) -> None:
    initiative = {**bik, "horizon": {"start": "1900-01", "months": 24}}
    body = {"initiative": initiative, **{k: v for k, v in extra.items() if v is not None}}
    response = client.post(endpoint, json=body)
    assert response.status_code == 200
    assert "nan" not in response.text.lower().replace("financ", "").replace("nancy", "")


def test_the_alerts_of_a_1900_horizon_hold_no_nan_in_either_language(
    client: TestClient, bik: Body
) -> None:
    for lang in ("nl", "en"):
        body = {"initiative": bik, "start": "1900-01", "months": 24, "lang": lang}
        alerts = client.post("/api/plan", json=body).json()["alerts"]
        for alert in alerts:
            assert "nan" not in alert["message"].lower().split(), alert
            assert "nan" not in json.dumps(alert.get("details", {})).lower(), alert


@pytest.mark.parametrize(
    ("extra", "path", "message"),
    [
        ({"budget": "1e1000000"}, "budget", "without an exponent"),
        ({"budget": "9" * 41}, "budget", "too long for a number"),
        ({"budget": 10**29}, "budget", "too large (at most 999 999 999.99 euros)"),
        ({"budget": 1e300}, "budget", "far too large"),
        ({"weights": {"youth": "1e10000000", "general": 0}}, "weights.youth", "exponent"),
        ({"weights": {"youth": 10**40, "general": 0}}, "weights.youth", "far too large"),
        ({"weights": {"youth": "1/1e999", "general": 0}}, "weights.youth", "exponent"),
    ],
)
def test_a_huge_budget_or_weight_for_the_ranking_is_refused_unconverted_naming_it(
    client: TestClient, extra: Body, path: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Refused by the bounded reader: the text never reaches Decimal (int(Decimal("1e1000000"))
    # and Fraction("1e10000000") take seconds), nor the converter of the refused field.
    texts = texts_in(extra)
    decimal = number_reader.Decimal

    def guarded(*args: Any) -> Any:
        if any(isinstance(arg, str) and arg in texts for arg in args):
            raise AssertionError(f"Decimal{args!r} was computed")
        return decimal(*args)

    monkeypatch.setattr(number_reader, "Decimal", guarded)
    converter = "parse_budget" if path == "budget" else "parse_weights"
    monkeypatch.setattr(ranking_input, converter, never(f"{converter} of a refused {path}"))
    body = {"csv": RANKING_CSV.read_text(encoding="utf-8"), **extra}
    response = client.post("/api/rank", json=body)
    assert response.status_code == 422
    errors = {error["path"]: error["message"] for error in response.json()["errors"]}
    assert message in errors[path]


def test_a_budget_and_weights_within_their_ranges_still_rank(client: TestClient) -> None:
    body = {
        "csv": RANKING_CSV.read_text(encoding="utf-8"),
        "budget": "999999999,99",
        "weights": {"youth": "1/3", "general": "2/3"},
    }
    response = client.post("/api/rank", json=body)
    assert response.status_code == 200


def test_more_ranking_rows_than_the_limit_are_refused_naming_rows(client: TestClient) -> None:
    row = {"municipality": "Gent", "youth_unemployment_rate": 1, "general_unemployment_rate": 1}
    response = client.post("/api/rank", json={"rows": [row] * (RANKING_ROWS + 1)})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "path": "rows",
            "message": f"has {RANKING_ROWS + 1} municipalities; at most 1000 are allowed",
        }
    ]


def test_a_whole_number_written_with_a_fraction_is_taken_as_the_integer(
    client: TestClient, bik: Body
) -> None:
    initiative = copy.deepcopy(bik)
    initiative["horizon"]["months"] = 12.0
    initiative["people"][0]["unemployed_months"] = 24.0
    response = client.post("/api/plan", json={"initiative": initiative, "months": 12.0})
    assert response.status_code == 200
    assert response.json()["horizon"]["months"] == 12
    refused = client.post("/api/plan", json={"initiative": bik, "months": 12.5})
    assert refused.json()["errors"] == [{"path": "months", "message": "must be a whole number"}]


def test_the_body_limits_are_those_of_the_limits_table() -> None:
    assert body_limit("/api/plan") == API_BODY_BYTES
    assert body_limit("/api/portfolio/") == PORTFOLIO_BODY_BYTES


def test_a_portfolio_over_the_person_months_limit_is_refused_before_it_is_computed(
    client: TestClient, bik: Body, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = bik["people"][0]
    big = {
        **bik,
        "horizon": {"start": "2006-01", "months": HORIZON_MONTHS},
        "people": [{**person, "id": f"p{k}"} for k in range(PEOPLE)],
        "agreements": [],
    }
    per_initiative = PEOPLE * HORIZON_MONTHS
    count = PORTFOLIO_PERSON_MONTHS // per_initiative + 1
    initiatives = [{**big, "id": f"i{k}"} for k in range(count)]
    # Counted on the raw objects: not one initiative is validated, let alone computed.
    monkeypatch.setattr(batch, "initiative_or_problems", never("an initiative was validated"))
    monkeypatch.setattr(portfolio, "compute_portfolio", never("the portfolio was computed"))
    response = client.post("/api/portfolio", json={"initiatives": initiatives})
    assert response.status_code == 422
    total = f"{count * per_initiative:,}".replace(",", " ")
    most = f"{PORTFOLIO_PERSON_MONTHS:,}".replace(",", " ")
    assert response.json()["errors"] == [
        {
            "path": "initiatives",
            "message": f"has {total} person-months (people × horizon months, summed); at most "
            f"{most} are allowed per request: split the portfolio into several requests, "
            "or run `klaverblad portfolio`",
        }
    ]


def test_the_openapi_schema_describes_the_initiative_with_its_real_constraints(
    client: TestClient,
) -> None:
    spec = client.get("/api/openapi.json").json()
    schemas = spec["components"]["schemas"]
    plan = schemas["PlanRequest"]["properties"]
    initiative = plan["initiative"]
    assert initiative["properties"]["id"]["pattern"] == "^[a-z0-9-]+$"
    person = initiative["properties"]["people"]["items"]["properties"]
    assert initiative["properties"]["people"]["maxItems"] == PEOPLE
    assert person["birth_date"]["format"] == "date"
    assert person["birth_date"]["pattern"].startswith("^(19\\d\\d|2[01]\\d\\d|2200)-")
    assert person["unemployed_months"]["maximum"] == 1200
    assert initiative["properties"]["horizon"]["properties"]["months"]["maximum"] == 240
    start = plan["start"]["anyOf"][0]
    assert start["pattern"] == "^(19\\d\\d|2[01]\\d\\d|2200)-(0[1-9]|1[0-2])$"
    portfolio = schemas["PortfolioRequest"]["properties"]["initiatives"]
    assert portfolio["maxItems"] == PORTFOLIO_INITIATIVES
    rows = schemas["RankRequest"]["properties"]["rows"]["anyOf"][0]
    assert rows["maxItems"] == RANKING_ROWS
    assert "$ref" not in json.dumps(initiative)


@pytest.mark.parametrize("path", EXAMPLE_PATHS, ids=[path.stem for path in EXAMPLE_PATHS])
def test_every_example_initiative_conforms_to_the_schema(path: Any) -> None:
    jsonschema_rs.validate(initiative_schema(), example_body(path))


@pytest.mark.parametrize(
    ("change", "valid"),
    [
        ({"id": "BIK"}, False),
        ({"horizon": {"start": "1899-12", "months": 12}}, False),
        ({"horizon": {"start": "2006-01", "months": 241}}, False),
        ({"recognitions": ["lde", "lde"]}, False),
        ({"horizon": {"start": "2200-12", "months": 240}}, True),
    ],
)
def test_the_schema_refuses_what_the_validation_refuses(
    bik: Body, change: Body, valid: bool
) -> None:
    assert jsonschema_rs.is_valid(initiative_schema(), {**bik, **change}) is valid


class WatchedLock:
    """The plan lock, recording how long each request asks to wait for it."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.waits: list[float] = []

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        self.waits.append(timeout)
        if blocking and timeout < 0:  # would wait for the other plan however long it takes
            raise AssertionError("a plan waits without a limit for the lock")
        return self.lock.acquire(blocking, timeout)

    def release(self) -> None:
        self.lock.release()


def test_a_plan_waits_at_most_half_a_second_behind_another(
    client: TestClient, bik: Body, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert routes.LOCK_WAIT_SECONDS == 0.5
    monkeypatch.setattr(routes, "LOCK_WAIT_SECONDS", 0.01)  # the test need not wait 0.5 s
    held = WatchedLock()
    monkeypatch.setattr(routes, "ONE_PLAN_AT_A_TIME", held)
    PLAN_ANSWERS.clear()  # a cached answer would not ask for the lock
    assert held.lock.acquire(blocking=False)  # another plan holds the lock ...
    try:
        response = client.post("/api/plan", json={"initiative": bik, "months": 35})
        still_held = held.lock.locked()
    finally:
        held.lock.release()
    # ... and is still computing when this plan is answered: it waited only the time it asked
    # for, then computed beside the other instead of after it.
    assert response.status_code == 200
    assert still_held
    assert held.waits == [0.01]


def test_two_plans_at_once_both_finish(client: TestClient, bik: Body) -> None:
    statuses: list[int] = []

    def post(months: int) -> None:
        statuses.append(
            client.post("/api/plan", json={"initiative": bik, "months": months}).status_code
        )

    threads = [threading.Thread(target=post, args=(months,)) for months in (33, 34)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200, 200]
