"""The visitor cookie: signed, HttpOnly, SameSite=Lax; a forged one is ignored."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient
from itsdangerous import URLSafeTimedSerializer

from klaverblad.web.security import COOKIE
from klaverblad.web.settings import Settings


def _cookie(secret: str, data: dict[str, object]) -> str:
    return URLSafeTimedSerializer(secret, salt="klaverblad.session").dumps(data)


def test_a_first_visit_gets_an_httponly_samesite_cookie_without_secure_on_plain_http(
    web_settings: Settings,
) -> None:
    from klaverblad.web import create_app

    with TestClient(create_app(web_settings)) as fresh:
        header = fresh.get("/").headers["set-cookie"]
    assert header.startswith(f"{COOKIE}=")
    assert "HttpOnly" in header
    assert "SameSite=lax" in header
    assert "Secure" not in header


def test_the_cookie_is_secure_over_https(web_settings: Settings) -> None:
    from klaverblad.web import create_app

    with TestClient(create_app(web_settings), base_url="https://testserver") as fresh:
        assert "Secure" in fresh.get("/").headers["set-cookie"]


def test_a_cookie_signed_with_another_key_is_replaced_by_a_new_visitor(
    web_settings: Settings,
) -> None:
    from klaverblad.web import create_app

    forged = _cookie("another key", {"c": "token", "u": 1, "t": time.time()})
    with TestClient(create_app(web_settings)) as fresh:
        fresh.cookies.set(COOKIE, forged)
        response = fresh.get("/")
    assert response.status_code == 200
    # A new cookie is issued: the forged one was not accepted.
    assert response.headers["set-cookie"].startswith(f"{COOKIE}=")
    assert forged not in response.headers["set-cookie"]
