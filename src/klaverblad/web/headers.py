"""Security headers on every response.

Pages get a Content-Security-Policy that allows only this site's own scripts, styles, images
and form targets and forbids framing (`frame-ancestors 'none'`, with `X-Frame-Options: DENY`
for older browsers); every response gets `X-Content-Type-Options: nosniff`, a
`Referrer-Policy` that sends no path to other sites (share links stay private) and a
`Permissions-Policy` turning off what the app never uses. The OpenAPI page (`/api/docs`)
loads Swagger UI from its CDN, so its policy names that CDN and nothing else. Served over
HTTPS (the request's scheme, a forwarded proto from a trusted proxy, or
`KLAVERBLAD_SECURE_COOKIES=1`), every response also gets `Strict-Transport-Security`.

`install_outer_layers` puts these headers, and the reading of a trusted proxy's forwarded
headers (`proxies.py`), *outside* every other layer of the app, Starlette's error middleware
included: a 500 page, a 413 or a 503 made by another middleware carries them too.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from klaverblad.web.proxies import TrustedProxyMiddleware
from klaverblad.web.settings import Settings

SWAGGER_CDN = "https://cdn.jsdelivr.net"
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)
DOCS_POLICY = (
    f"default-src 'self'; script-src 'self' 'unsafe-inline' {SWAGGER_CDN}; "
    f"style-src 'self' 'unsafe-inline' {SWAGGER_CDN}; img-src 'self' data: https:; "
    "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
COMMON: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
DOCS_PATHS = ("/api/docs", "/api/docs/oauth2-redirect")
# One year, subdomains included: the usual value for a site that is only served over HTTPS.
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


class SecurityHeadersMiddleware:
    """Adds the headers above to every HTTP response (pure ASGI: no buffering)."""

    def __init__(self, app: ASGIApp, settings: Settings | None = None) -> None:
        self.app = app
        self.always_https = settings is not None and settings.secure_cookies is True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_POLICY if scope["path"] in DOCS_PATHS else PAGE_POLICY
        https = self.always_https or scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (name, value)
                    for name, value in message.get("headers", [])
                    if name.lower() not in (b"content-security-policy", HSTS[0])
                ]
                headers.extend(COMMON)
                if https:
                    headers.append(HSTS)
                headers.append((b"content-security-policy", policy.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def install_outer_layers(app: FastAPI, settings: Settings) -> None:
    """Make the trusted-proxy reading and the security headers the outermost layers of `app`,
    around the stack Starlette builds (its ServerErrorMiddleware and every middleware added
    with `add_middleware`, whenever they are added)."""
    build: Callable[[], ASGIApp] = app.build_middleware_stack

    def build_with_outer_layers() -> ASGIApp:
        inner = SecurityHeadersMiddleware(build(), settings)
        return TrustedProxyMiddleware(inner, settings.trusted_proxies)

    # Starlette builds the stack on the first request by calling this method.
    setattr(app, "build_middleware_stack", build_with_outer_layers)  # noqa: B010
