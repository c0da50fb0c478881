"""The client's address and scheme: X-Forwarded-For and X-Forwarded-Proto count only when the
direct peer is a proxy named in KLAVERBLAD_TRUSTED_PROXIES; otherwise the socket's peer is the
client, so rotating the header does not escape the login limit."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.requests import Request
from starlette.responses import PlainTextResponse

from klaverblad.web.login_limits import PAIR_FAILURES, LoginLimiter
from klaverblad.web.proxies import (
    ProxySettingError,
    TrustedProxyMiddleware,
    forwarded_client,
    parse_trusted_proxies,
)
from klaverblad.web.settings import Settings, SettingsError
from tests.web.test_accounts_support import ANNA, log_in, make_app

WRONG = "fout-fout-fout"


def _echo_app(trusted: str) -> TrustedProxyMiddleware:
    async def echo(scope: object, receive: object, send: object) -> None:
        request = Request(scope)  # type: ignore[arg-type]
        host = request.client.host if request.client else "?"
        answer = PlainTextResponse(f"{host} {request.url.scheme}")
        await answer(scope, receive, send)  # type: ignore[arg-type]

    return TrustedProxyMiddleware(echo, parse_trusted_proxies(trusted))


def _seen(trusted: str, peer: str, **headers: str) -> str:
    client = TestClient(_echo_app(trusted), client=(peer, 40000))
    sent = {name.replace("_", "-"): value for name, value in headers.items()}
    return client.get("/", headers=sent).text


def test_without_trusted_proxies_the_socket_peer_is_the_client_whatever_the_headers_say() -> None:
    seen = _seen("", "127.0.0.1", x_forwarded_for="203.0.113.9", x_forwarded_proto="https")
    assert seen == "127.0.0.1 http"


def test_a_trusted_proxy_names_the_client_and_the_scheme() -> None:
    seen = _seen("10.0.0.0/8", "10.1.1.1", x_forwarded_for="203.0.113.9", x_forwarded_proto="https")
    assert seen == "203.0.113.9 https"


def test_a_peer_that_is_not_a_trusted_proxy_is_the_client_itself() -> None:
    seen = _seen(
        "10.0.0.0/8", "192.0.2.1", x_forwarded_for="203.0.113.9", x_forwarded_proto="https"
    )
    assert seen == "192.0.2.1 http"


def test_the_client_is_the_rightmost_address_that_is_not_a_trusted_proxy() -> None:
    trusted = parse_trusted_proxies("10.0.0.0/8, ::1")
    # The client put a forged address first; the proxies appended what they saw.
    assert forwarded_client("10.0.0.1", "1.2.3.4, 198.51.100.7, 10.0.0.2", trusted) == (
        "198.51.100.7"
    )
    assert forwarded_client("::1", "2001:db8::5", trusted) == "2001:db8::5"
    assert forwarded_client("10.0.0.1", "", trusted) == "10.0.0.1"


def test_a_bad_trusted_proxy_entry_is_refused_naming_the_variable(tmp_path: Path) -> None:
    with pytest.raises(ProxySettingError):
        parse_trusted_proxies("10.0.0.0/8, proxy.example")
    environ = {"KLAVERBLAD_DATA_DIR": str(tmp_path), "KLAVERBLAD_TRUSTED_PROXIES": "nee"}
    with pytest.raises(SettingsError, match="KLAVERBLAD_TRUSTED_PROXIES"):
        Settings.from_env(environ)


def test_the_settings_read_trusted_proxies_base_url_and_source_url(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {
            "KLAVERBLAD_DATA_DIR": str(tmp_path),
            "KLAVERBLAD_TRUSTED_PROXIES": "127.0.0.1, 10.0.0.0/8",
            "KLAVERBLAD_BASE_URL": "https://klaverblad.example.be/",
            "KLAVERBLAD_SOURCE_URL": "https://git.example.be/klaverblad",
        }
    )
    assert [str(network) for network in settings.trusted_proxies] == ["127.0.0.1/32", "10.0.0.0/8"]
    assert settings.base_url == "https://klaverblad.example.be"
    assert settings.source_url == "https://git.example.be/klaverblad"


@pytest.mark.parametrize("value", ["klaverblad.example.be", "ftp://x.be", "https://x.be/?a=1"])
def test_a_base_url_that_is_not_an_http_address_is_refused(tmp_path: Path, value: str) -> None:
    environ = {"KLAVERBLAD_DATA_DIR": str(tmp_path), "KLAVERBLAD_BASE_URL": value}
    with pytest.raises(SettingsError, match="KLAVERBLAD_BASE_URL"):
        Settings.from_env(environ)


def _limited_app(directory: Path, trusted: str = "") -> FastAPI:
    app = make_app(directory, trusted_proxies=parse_trusted_proxies(trusted))
    app.state.login_limiter = LoginLimiter(clock=lambda: 2_000_000.0)
    return app


def test_rotating_x_forwarded_for_does_not_escape_the_login_limit(tmp_path: Path) -> None:
    app = _limited_app(tmp_path)
    browser = TestClient(app, client=("127.0.0.1", 40000))
    for number in range(PAIR_FAILURES):
        browser.headers["x-forwarded-for"] = f"203.0.113.{number}"
        assert log_in(browser, ANNA, WRONG).status_code == 422
    browser.headers["x-forwarded-for"] = "203.0.113.200"
    assert log_in(browser, ANNA).status_code == 429


def test_behind_a_trusted_proxy_the_login_limit_counts_the_forwarded_address(
    tmp_path: Path,
) -> None:
    app = _limited_app(tmp_path, "127.0.0.1")
    proxy = TestClient(app, client=("127.0.0.1", 40000))
    proxy.headers["x-forwarded-for"] = "203.0.113.1"
    for _ in range(PAIR_FAILURES):
        assert log_in(proxy, ANNA, WRONG).status_code == 422
    assert log_in(proxy, ANNA).status_code == 429
    # Another visitor behind the same proxy is another address: Anna logs in from there.
    proxy.headers["x-forwarded-for"] = "198.51.100.2"
    assert log_in(proxy, ANNA).status_code == 303
