"""Bad input to the API: a 4xx with one `{"path", "message"}` per problem, never a 500."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from klaverblad.web import create_app
from klaverblad.web.settings import Settings
from tests.web.conftest import RANKING_CSV

Body = dict[str, Any]
JSON = {"content-type": "application/json"}


def with_person(bik: Body, **changes: Any) -> Body:
    initiative = copy.deepcopy(bik)
    initiative["people"][0].update(changes)
    return initiative


# (name, endpoint, body built from the BIK example, status, expected errors in order)
JSON_CASES: list[tuple[str, str, Callable[[Body], Any], int, list[tuple[str, str]]]] = [
    (
        "an unknown field of the envelope",
        "/api/plan",
        lambda bik: {"initiative": bik, "colour": "red"},
        422,
        [("colour", "is not a known field")],
    ),
    (
        "an unknown field of the initiative",
        "/api/plan",
        lambda bik: {"initiative": with_person(bik, colour="red")},
        422,
        [("initiative.people[0].colour", "is not a known field")],
    ),
    (
        "an fte out of range",
        "/api/plan",
        lambda bik: {"initiative": with_person(bik, fte=2)},
        422,
        [("initiative.people[0].fte", "must be more than 0 and at most 1")],
    ),
    (
        "the text 'false' for a boolean of the initiative",
        "/api/plan",
        lambda bik: {"initiative": with_person(bik, placed_by_ocmw="false")},
        422,
        [("initiative.people[0].placed_by_ocmw", "must be true or false")],
    ),
    (
        "the text 'false' for a boolean of the envelope",
        "/api/explain",
        lambda bik: {"initiative": bik, "lines": "false"},
        422,
        [("lines", "must be true or false")],
    ),
    (
        "the text '12' for a number of the envelope",
        "/api/plan",
        lambda bik: {"initiative": bik, "months": "12"},
        422,
        [("months", "must be a whole number")],
    ),
    (
        "a horizon too long",
        "/api/plan",
        lambda bik: {"initiative": bik, "months": 241},
        422,
        [("months", "must be at most 240")],
    ),
    (
        "a start that is not a month",
        "/api/plan",
        lambda bik: {"initiative": bik, "start": "2006-13"},
        422,
        [("start", "'2006-13' is not a month in the form YYYY-MM")],
    ),
    (
        "a language that is not offered",
        "/api/plan",
        lambda bik: {"initiative": bik, "lang": "fr"},
        422,
        [("lang", "'fr' is not allowed; expected 'nl' or 'en'")],
    ),
    (
        "a missing initiative",
        "/api/plan",
        lambda bik: {"lang": "en"},
        422,
        [("initiative", "is required but missing")],
    ),
    (
        "an initiative that is not an object",
        "/api/plan",
        lambda bik: {"initiative": "bik.yaml"},
        422,
        [("initiative", "must be an object (a mapping of fields)")],
    ),
    (
        "a body that is not an object",
        "/api/plan",
        lambda bik: [bik],
        422,
        [("(the body)", "must be an object (a mapping of fields)")],
    ),
    (
        "an unknown reform and a bad parameter change, each at its index",
        "/api/plan",
        lambda bik: {
            "initiative": bik,
            "reforms": ["sine-uitbreiding", "nope"],
            "set": ["sine.herinschakelingsuitkering.amount=600@2006-07", "x=1@2006-01"],
        },
        422,
        [
            (
                "reforms[1]",
                "'nope' is not a reform; known reforms: sine-uitbreiding, lde-koppeling-sine",
            ),
            ("set[1]", "'x' is not a parameter (see `klaverblad measures`)"),
        ],
    ),
    (
        "a parameter change without a month",
        "/api/plan",
        lambda bik: {"initiative": bik, "set": ["sine.doelgroepvermindering.amount=600"]},
        422,
        [
            (
                "set[0]",
                "'sine.doelgroepvermindering.amount=600' is not of the form "
                "PARAMETER=VALUE@YYYY-MM",
            )
        ],
    ),
    (
        "a reform given twice",
        "/api/plan",
        lambda bik: {"initiative": bik, "reforms": ["sine-uitbreiding", "sine-uitbreiding"]},
        422,
        [("reforms[1]", "'sine-uitbreiding' is given twice")],
    ),
    (
        "problems of the initiative and of the reforms at once",
        "/api/optimise",
        lambda bik: {"initiative": with_person(bik, fte=0), "reforms": ["nope"]},
        422,
        [
            ("initiative.people[0].fte", "must be more than 0 and at most 1"),
            (
                "reforms[0]",
                "'nope' is not a reform; known reforms: sine-uitbreiding, lde-koppeling-sine",
            ),
        ],
    ),
    (
        "explain with neither person nor line",
        "/api/explain",
        lambda bik: {"initiative": bik},
        422,
        [("(the body)", "give exactly one of person, line or lines: true")],
    ),
    (
        "explain an unknown person",
        "/api/explain",
        lambda bik: {"initiative": bik, "person": "w9"},
        422,
        [("person", "no person 'w9' in the initiative; known: w1, w2, w3, w4, s1")],
    ),
    (
        "explain a line past the end",
        "/api/explain",
        lambda bik: {"initiative": bik, "line": 999},
        422,
        # BIK's 38 lines of v1.1 less its two PWA lines, now memo lines (RULEBOOK v1.2 §4.2).
        [("line", "the plan has 36 lines, numbered 0 to 35")],
    ),
    (
        "explain an unknown measure",
        "/api/explain",
        lambda bik: {"initiative": bik, "person": "w1", "measure": "pwa"},
        422,
        [
            (
                "measure",
                "'pwa' is not a wage statute; choose from sine, art60, twe, gesco, activa, "
                "activa_start, wep_plus, aanwervingsincentive, dgv_zonder_werkervaring, "
                "maatwerk, vop",
            )
        ],
    ),
    (
        "a portfolio of no initiatives",
        "/api/portfolio",
        lambda bik: {"initiatives": []},
        422,
        [("initiatives", "is empty; give at least one initiative")],
    ),
    (
        "a portfolio with a bad initiative and a repeated id",
        "/api/portfolio",
        lambda bik: {"initiatives": [bik, with_person(bik, fte=2), bik]},
        422,
        [
            ("initiatives[1].people[0].fte", "must be more than 0 and at most 1"),
            ("initiatives[2].id", "'bik-klusjesdienst' is also the id of initiatives[0]"),
        ],
    ),
    (
        "a portfolio of more than 2 000 initiatives",
        "/api/portfolio",
        lambda bik: {"initiatives": [{}] * 2001},
        413,
        [
            (
                "initiatives",
                "has 2001 initiatives; at most 2000 are allowed per request: "
                "split the portfolio into several requests",
            )
        ],
    ),
    (
        "a bad CSV line, with its line and column",
        "/api/rank",
        lambda bik: {
            "csv": "municipality;youth_unemployment_rate;general_unemployment_rate\n"
            "Gent;18,5;abc\nAalst;14;7\n"
        },
        422,
        [("csv", "line 2, column general_unemployment_rate: 'abc' is not a number")],
    ),
    (
        "a bad row, weights that do not sum to 1 and a negative budget",
        "/api/rank",
        lambda bik: {
            "rows": [
                {"municipality": "Gent", "youth_unemployment_rate": 18},
                {
                    "municipality": "Aalst",
                    "youth_unemployment_rate": 140,
                    "general_unemployment_rate": 7,
                },
            ],
            "weights": {"youth": 0.7, "general": 0.2},
            "budget": "-5",
        },
        422,
        [
            ("weights", "youth + general = 0.9; the weights must sum to 1"),
            ("budget", "'-5' is negative; the budget is 0 or more"),
            ("rows[0].general_unemployment_rate", "is missing"),
            ("rows[1].youth_unemployment_rate", "'140' is more than 100; a rate is a percentage"),
        ],
    ),
    (
        "an unknown column in a row",
        "/api/rank",
        lambda bik: {"rows": [{"municipality": "Gent", "inhabitants": 1}]},
        422,
        [
            (
                "rows[0].inhabitants",
                "is not a known column; the columns are municipality, youth_unemployment_rate, "
                "general_unemployment_rate and optionally population",
            )
        ],
    ),
    (
        "both csv and rows",
        "/api/rank",
        lambda bik: {"csv": RANKING_CSV.read_text(encoding="utf-8"), "rows": []},
        422,
        [("(the body)", "give exactly one of csv (the CSV text) or rows")],
    ),
    (
        "a budget given as true",
        "/api/rank",
        lambda bik: {"csv": RANKING_CSV.read_text(encoding="utf-8"), "budget": True},
        422,
        [("budget", "must be an amount in euros, e.g. '25000' or 25000.50")],
    ),
    (
        "optimise with an unknown statute and an unknown person",
        "/api/optimise",
        lambda bik: {"initiative": bik, "max_positions": {"pwa": 1}, "fixed": {"w9": "sine"}},
        422,
        [
            (
                "max_positions",
                "'pwa' is not a wage statute (sine, art60, twe, gesco, activa, activa_start, "
                "wep_plus, aanwervingsincentive, dgv_zonder_werkervaring, maatwerk, vop)",
            ),
        ],
    ),
    (
        "optimise with constraints no assignment meets",
        "/api/optimise",
        lambda bik: {"initiative": bik, "max_positions": {"sine": 0}, "fixed": {"w1": "sine"}},
        422,
        [("max_positions", "sine=0: the people fixed to sine alone are 1 (w1)")],
    ),
]


@pytest.mark.parametrize(
    ("endpoint", "build", "status", "expected"),
    [case[1:] for case in JSON_CASES],
    ids=[case[0] for case in JSON_CASES],
)
def test_bad_json_input_names_each_problem_by_its_path(
    client: TestClient,
    bik: Body,
    endpoint: str,
    build: Callable[[Body], Any],
    status: int,
    expected: list[tuple[str, str]],
) -> None:
    response = client.post(endpoint, json=build(bik))
    assert response.status_code == status
    assert [(e["path"], e["message"]) for e in response.json()["errors"]] == expected


def test_a_bad_csv_line_also_gives_the_line_and_the_column_as_fields(client: TestClient) -> None:
    text = "municipality,youth_unemployment_rate,general_unemployment_rate\nGent,18.5,abc\n"
    response = client.post("/api/rank", json={"csv": text})
    assert response.json()["errors"] == [
        {
            "path": "csv",
            "message": "line 2, column general_unemployment_rate: 'abc' is not a number",
            "line": 2,
            "column": "general_unemployment_rate",
        }
    ]


# (name, endpoint, raw body, headers, status, expected message)
RAW_CASES: list[tuple[str, str, bytes, dict[str, str], int, str]] = [
    (
        "malformed JSON",
        "/api/plan",
        b'{"initiative": {"id": "x",\n "name" "y"}}',
        JSON,
        400,
        "is not valid JSON: Expecting ':' delimiter (line 2, column 9)",
    ),
    (
        "a key given twice",
        "/api/plan",
        b'{"initiative": {}, "initiative": {}}',
        JSON,
        400,
        "is not valid JSON: the key 'initiative' is given twice",
    ),
    (
        "NaN for a number",
        "/api/rank",
        b'{"csv": "x", "budget": NaN}',
        JSON,
        400,
        "is not valid JSON: NaN is not allowed in JSON numbers",
    ),
    (
        "bytes that are not UTF-8",
        "/api/plan",
        b'{"initiative": "\xff"}',
        JSON,
        400,
        "is not valid JSON: it is not UTF-8 text",
    ),
    (
        "JSON nested without end",
        "/api/plan",
        b"[" * 100_000,
        JSON,
        400,
        "is not valid JSON: it is nested more than 20 levels deep",
    ),
    (
        "JSON nested one level deeper than the limits table allows",
        "/api/plan",
        b'{"initiative": ' + b"[" * 21 + b"]" * 21 + b"}",
        JSON,
        400,
        "is not valid JSON: it is nested more than 20 levels deep",
    ),
    (
        "an empty body",
        "/api/plan",
        b"",
        JSON,
        422,
        "is required but missing",
    ),
    (
        "a form instead of JSON",
        "/api/plan",
        b"initiative=bik",
        {"content-type": "application/x-www-form-urlencoded"},
        415,
        "the body must be JSON, sent with the header Content-Type: application/json "
        "(the request gave: application/x-www-form-urlencoded)",
    ),
    (
        "a body of more than 2 MB",
        "/api/plan",
        b'{"initiative": {"name": "' + b"x" * (2 * 1024 * 1024) + b'"}}',
        JSON,
        413,
        "the body is larger than 2 MB, the limit of /api/plan",
    ),
    (
        "a portfolio body of more than 16 MB",
        "/api/portfolio",
        b" " * (16 * 1024 * 1024 + 1),
        JSON,
        413,
        "the body is larger than 16 MB, the limit of /api/portfolio; "
        "split the portfolio into several requests",
    ),
]


@pytest.mark.parametrize(
    ("endpoint", "content", "headers", "status", "message"),
    [case[1:] for case in RAW_CASES],
    ids=[case[0] for case in RAW_CASES],
)
def test_a_bad_body_is_refused_before_its_fields_are_read(
    client: TestClient,
    endpoint: str,
    content: bytes,
    headers: dict[str, str],
    status: int,
    message: str,
) -> None:
    response = client.post(endpoint, content=content, headers=headers)
    assert response.status_code == status
    assert response.json() == {"errors": [{"path": "(the body)", "message": message}]}


def test_a_huge_body_without_a_length_is_refused_as_it_streams(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"initiative": {"name": "'
        for _ in range(40):
            yield b"x" * 65536  # 2.5 MB in all, sent chunked (no Content-Length)
        yield b'"}}'

    response = client.post("/api/plan", content=chunks(), headers=JSON)
    assert response.status_code == 413
    assert response.json()["errors"][0]["message"].startswith("the body is larger than 2 MB")


def test_a_bad_date_for_the_catalogue_names_the_query_parameter(client: TestClient) -> None:
    response = client.get("/api/measures", params={"date": "1-2-2006"})
    assert response.status_code == 422
    assert response.json() == {
        "errors": [{"path": "date", "message": "'1-2-2006' is not a date in the form YYYY-MM-DD"}]
    }
    response = client.get("/api/measures", params={"lang": "de"})
    assert response.json() == {
        "errors": [{"path": "lang", "message": "'de' is not allowed; expected 'nl' or 'en'"}]
    }


def test_an_unknown_route_and_a_wrong_method_answer_in_the_same_shape(client: TestClient) -> None:
    missing = client.get("/api/plans")
    assert missing.status_code == 404
    assert missing.json() == {
        "errors": [
            {
                "path": "(the URL)",
                "message": "there is no /api/plans; see /api/docs for the endpoints",
            }
        ]
    }
    wrong = client.get("/api/plan")
    assert wrong.status_code == 405
    assert wrong.json()["errors"][0]["message"] == "GET is not allowed on /api/plan"


def test_an_unexpected_error_is_a_plain_500_without_a_traceback(web_settings: Settings) -> None:
    app = create_app(web_settings)

    def boom() -> None:
        raise RuntimeError("secret internals")

    app.add_api_route("/api/boom", boom, methods=["GET"])
    with TestClient(app, raise_server_exceptions=False) as isolated:
        response = isolated.get("/api/boom")
    assert response.status_code == 500
    assert response.json() == {
        "errors": [
            {
                "path": "(the body)",
                "message": "an unexpected error occurred on the server; it has been logged",
            }
        ]
    }
    assert "secret" not in response.text and "Traceback" not in response.text


NASTY_VALUES: list[Any] = [None, True, 0, -1, 1e308, "", "x" * 1000, [], {}, [{}], {"a": []}]


@pytest.mark.parametrize("endpoint", ["/api/plan", "/api/explain", "/api/optimise"])
@pytest.mark.parametrize("field", ["initiative", "start", "months", "reforms", "set", "lang"])
def test_no_odd_value_in_any_field_gives_a_500(
    client: TestClient, bik: Body, endpoint: str, field: str
) -> None:
    for value in NASTY_VALUES:
        body = {"initiative": bik, "person": "w1"} if endpoint == "/api/explain" else {}
        body.setdefault("initiative", bik)
        if endpoint == "/api/explain" and field in ("start", "months"):
            continue
        body[field] = value
        response = client.post(endpoint, json=body)
        assert response.status_code < 500, (field, value, response.text)
        if response.status_code != 200:
            errors = response.json()["errors"]
            assert errors and all(set(e) == {"path", "message"} for e in errors)


@pytest.mark.parametrize("field", ["csv", "rows", "weights", "budget", "lang"])
def test_no_odd_value_in_a_rank_field_gives_a_500(client: TestClient, field: str) -> None:
    for value in NASTY_VALUES:
        body: Body = {"csv": RANKING_CSV.read_text(encoding="utf-8")}
        body[field] = value
        response = client.post("/api/rank", json=body)
        assert response.status_code < 500, (field, value, response.text)
