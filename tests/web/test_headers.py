"""Security headers: pages may not be framed, run other sites' scripts or leak their address."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


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
