"""Security headers: pages may not be framed, run other sites' scripts or leak their address;
every answer has them, errors included, and HSTS when served over HTTPS."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response

from klaverblad.model.limits import API_BODY_BYTES
from klaverblad.web import create_app
from klaverblad.web.proxies import parse_trusted_proxies
from tests.web.conftest import migrated_settings

HSTS_VALUE = "max-age=31536000; includeSubDomains"


@pytest.mark.parametrize("path", ["/", "/en/", "/plan/voorbeeld/bik-klusjesdienst", "/nergens"])
def test_every_page_forbids_framing_and_foreign_scripts(client: TestClient, path: str) -> None:
    response = client.get(path)
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    assert "script-src 'self';" in policy
    assert "'unsafe-inline'" not in policy
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"


def test_the_api_answers_carry_the_same_headers(client: TestClient) -> None:
    response = client.get("/api/measures")
    assert response.status_code == 200
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_only_the_openapi_page_may_load_swagger_from_its_cdn(client: TestClient) -> None:
    docs = client.get("/api/docs").headers["content-security-policy"]
    page = client.get("/").headers["content-security-policy"]
    assert "https://cdn.jsdelivr.net" in docs
    assert "cdn.jsdelivr.net" not in page


# Every answer carries the headers, errors included; HSTS over HTTPS.


def _app_with_a_failing_route(directory: Path, **settings: Any) -> FastAPI:
    app = create_app(migrated_settings(directory, **settings))

    def fail() -> None:
        raise RuntimeError("a bug")

    app.add_api_route("/kapot", fail)
    app.add_api_route("/api/kapot", fail)
    return app


def _assert_security_headers(response: Response) -> None:
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"


@pytest.mark.parametrize("path", ["/kapot", "/api/kapot"])
def test_a_500_answer_carries_the_security_headers(tmp_path: Path, path: str) -> None:
    app = _app_with_a_failing_route(tmp_path)
    with TestClient(app, raise_server_exceptions=False) as browser:
        response = browser.get(path)
    assert response.status_code == 500
    _assert_security_headers(response)


def test_a_413_of_the_body_limit_carries_the_security_headers(client: TestClient) -> None:
    response = client.post(
        "/api/plan",
        content=b"{" + b" " * API_BODY_BYTES + b"}",
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413
    _assert_security_headers(response)


def test_over_plain_http_there_is_no_hsts(client: TestClient) -> None:
    assert "strict-transport-security" not in client.get("/").headers


def test_over_https_every_answer_has_hsts_errors_included(tmp_path: Path) -> None:
    app = _app_with_a_failing_route(tmp_path)
    with TestClient(app, base_url="https://testserver", raise_server_exceptions=False) as browser:
        for path, status in (("/", 200), ("/nergens", 404), ("/kapot", 500)):
            response = browser.get(path)
            assert response.status_code == status
            assert response.headers["strict-transport-security"] == HSTS_VALUE


def test_secure_cookies_1_means_https_and_so_hsts(tmp_path: Path) -> None:
    app = create_app(migrated_settings(tmp_path, secure_cookies=True))
    with TestClient(app) as browser:
        assert browser.get("/en/").headers["strict-transport-security"] == HSTS_VALUE


def test_a_forwarded_proto_counts_only_from_a_trusted_proxy(tmp_path: Path) -> None:
    trusted = parse_trusted_proxies("10.0.0.0/8")
    app = create_app(migrated_settings(tmp_path, trusted_proxies=trusted))
    https = {"x-forwarded-proto": "https"}
    with TestClient(app, client=("10.0.0.5", 40000)) as proxy:
        assert proxy.get("/", headers=https).headers["strict-transport-security"] == HSTS_VALUE
    with TestClient(app, client=("192.0.2.8", 40000)) as stranger:
        assert "strict-transport-security" not in stranger.get("/", headers=https).headers
