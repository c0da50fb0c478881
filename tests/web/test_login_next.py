"""Where a login goes next: a path on this site, written so that it fits in a Location header;
every odd `next` (another site, a control character, a lone surrogate, 10 kB) falls back to
Mijn plannen, never a 500."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi import FastAPI

from klaverblad.web.routes.accounts import local_next
from tests.web.test_accounts_support import ANNA, csrf_token, log_in, make_app, new_client

MINE = "/mijn-plannen"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    return make_app(tmp_path_factory.mktemp("login-next"))


ODD = [
    "https://evil.example/",
    "//evil.example/x",
    "\\\\evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "/plannen/\x00x",
    "/plannen/\x85x",
    "/plannen/\u202ex",
    "/x\ud800",
    "/" + "a" * 10_000,
    "",
    "plannen",
]


@pytest.mark.parametrize("value", ODD, ids=range(len(ODD)))
def test_an_odd_next_falls_back_to_mine(app: FastAPI, value: str) -> None:
    assert local_next(value) == ""
    if "\ud800" in value:
        return  # no client can send a lone surrogate: a form decodes it to U+FFFD
    response = log_in(new_client(app), ANNA, next_path=value)
    assert response.status_code == 303
    assert response.headers["location"] == MINE


def test_a_non_latin_1_next_goes_to_the_page_percent_encoded(app: FastAPI) -> None:
    response = log_in(new_client(app), ANNA, next_path="/plannen/€")
    assert response.status_code == 303
    assert response.headers["location"] == "/plannen/%E2%82%AC"


def test_an_encoded_next_in_the_login_address_is_kept(app: FastAPI) -> None:
    client = new_client(app)
    page = client.get("/aanmelden?next=/plannen/%E2%82%AC")
    assert page.status_code == 200
    assert 'value="/plannen/%E2%82%AC"' in page.text
    data = {"email": ANNA, "password": "x", "csrf": csrf_token(client, "/aanmelden")}
    assert client.post("/aanmelden", data=data).status_code == 422  # wrong password, no 500


@pytest.mark.parametrize(
    "query",
    [
        "next=/plannen/%E2%82%AC",
        "next=/plannen/€",
        "next=//evil.example",
        "next=%5C%5Cevil",
        "next=/x%00y",
        "next=/x%ED%A0%80",
        "next=/" + "a" * 10_000,
        "next=" + quote("/plannen/日本"),
    ],
)
def test_the_login_page_takes_any_next_without_a_500(app: FastAPI, query: str) -> None:
    for path in ("/aanmelden", "/en/login"):
        response = new_client(app).get(f"{path}?{query}")
        assert response.status_code == 200, (path, query)


def test_a_plain_local_next_is_kept_as_it_is() -> None:
    assert local_next("/plannen/bik?version=2") == "/plannen/bik?version=2"
    assert local_next("/plannen/bik#geschiedenis") == "/plannen/bik#geschiedenis"
