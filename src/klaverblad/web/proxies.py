"""Who the visitor is behind a reverse proxy: `X-Forwarded-For` and `X-Forwarded-Proto` are
believed only when the direct peer is a proxy named in `KLAVERBLAD_TRUSTED_PROXIES`.

Anyone can send those headers; believing them from any peer would let a client choose its own
address (and so escape the login limit per address by rotating the header). Without the
setting the socket's peer is the client and the headers are ignored. With it, the forwarded
addresses are read from the right (the hop nearest to us) past every trusted proxy; the first
untrusted address is the client, as uvicorn's own proxy handling does.

>>> trusted = parse_trusted_proxies("127.0.0.1, 10.0.0.0/8")
>>> forwarded_client("10.1.2.3", "198.51.100.7, 10.9.9.9", trusted)
'198.51.100.7'
>>> forwarded_client("192.0.2.1", "198.51.100.7", trusted)    # not a trusted peer: ignored
'192.0.2.1'
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

from starlette.types import ASGIApp, Receive, Scope, Send

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
# The longest text kept as a client address (an IPv6 address with a zone has at most ~60).
ADDRESS_CHARACTERS = 64


class ProxySettingError(ValueError):
    """An entry of the trusted proxies that is neither an address nor a network."""


def parse_trusted_proxies(text: str) -> tuple[Network, ...]:
    """Comma-separated addresses and CIDR networks (`127.0.0.1, 10.0.0.0/8, ::1`)."""
    networks: list[Network] = []
    for entry in (part.strip() for part in text.split(",")):
        if not entry:
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            raise ProxySettingError(f"{entry[:ADDRESS_CHARACTERS]!r} is not an address") from None
    return tuple(networks)


def is_trusted(address: str | None, trusted: Sequence[Network]) -> bool:
    if not address or not trusted:
        return False
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    return any(ip.version == network.version and ip in network for network in trusted)


def forwarded_client(peer: str, forwarded_for: str, trusted: Sequence[Network]) -> str:
    """The client's address: `peer` itself unless it is a trusted proxy; then the rightmost
    address of `forwarded_for` that is not a trusted proxy (the leftmost when all are)."""
    if not is_trusted(peer, trusted):
        return peer
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not is_trusted(hop, trusted):
            return hop[:ADDRESS_CHARACTERS]
    return hops[0][:ADDRESS_CHARACTERS] if hops else peer


def _header(scope: Scope, name: bytes) -> str:
    values = [value for key, value in scope.get("headers", []) if key.lower() == name]
    return b",".join(values).decode("latin-1")


class TrustedProxyMiddleware:
    """Sets the request's client address and scheme from the forwarded headers when, and only
    when, the direct peer is a trusted proxy (pure ASGI)."""

    def __init__(self, app: ASGIApp, trusted: Sequence[Network]) -> None:
        self.app = app
        self.trusted = tuple(trusted)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket") and self.trusted:
            peer = scope.get("client")
            if peer and is_trusted(peer[0], self.trusted):
                scope = dict(scope)
                forwarded_for = _header(scope, b"x-forwarded-for")
                if forwarded_for:
                    scope["client"] = (forwarded_client(peer[0], forwarded_for, self.trusted), 0)
                proto = _header(scope, b"x-forwarded-proto").split(",")[-1].strip().lower()
                if proto in ("http", "https"):
                    secure = proto == "https"
                    if scope["type"] == "websocket":
                        scope["scheme"] = "wss" if secure else "ws"
                    else:
                        scope["scheme"] = proto
        await self.app(scope, receive, send)
