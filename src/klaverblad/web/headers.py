"""Security headers on every response.

Pages get a Content-Security-Policy that allows only this site's own scripts, styles, images
and form targets and forbids framing (`frame-ancestors 'none'`, with `X-Frame-Options: DENY`
for older browsers); every response gets `X-Content-Type-Options: nosniff`, a
`Referrer-Policy` that sends no path to other sites (share links stay private) and a
`Permissions-Policy` turning off what the app never uses. The OpenAPI page (`/api/docs`)
loads Swagger UI from its CDN, so its policy names that CDN and nothing else.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

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


class SecurityHeadersMiddleware:
    """Adds the headers above to every HTTP response (pure ASGI: no buffering)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_POLICY if scope["path"] in DOCS_PATHS else PAGE_POLICY

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (name, value)
                    for name, value in message.get("headers", [])
                    if name.lower() != b"content-security-policy"
                ]
                headers.extend(COMMON)
                headers.append((b"content-security-policy", policy.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
