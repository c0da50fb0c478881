"""Running the app under uvicorn: one process, or several worker processes on one port.

Several workers, on Linux: each worker binds a listening socket of its own to the port with
SO_REUSEPORT, and the kernel hands every new connection to one of those sockets (by a hash of
its addresses), so kept-alive connections spread over the workers. With one socket shared by
all workers (what `uvicorn --workers N` does, and the fallback here where SO_REUSEPORT is
missing or does not balance) the worker that wakes first accepts every connection waiting: 8
kept-alive connections opened at once were split 8 + 0, 7 + 1 or 6 + 2 and stayed so
(benchmarks/README.md, API load). The parent keeps a socket bound to the port without
listening on it: a port taken by another program is refused before any worker starts, port 0
is resolved once for all workers, and no other program can take the port while a worker is
being replaced (the connections still waiting in a stopped worker's own queue are reset; their
clients reconnect). The price: a new connection goes to its worker by the hash even when that
worker is busy and another idle, so with a new connection per request a shared socket keeps
the cores busier (benchmarks/README.md, API load); browsers keep their connections, and a
proxy in front should too.

Every socket here is created as IPPROTO_TCP. uvicorn 0.54 bound its shared socket with `proto`
0, the accepted sockets inherited it, and asyncio sets TCP_NODELAY only on sockets whose
`proto` is IPPROTO_TCP, so every answer on a kept-alive connection waited for the client's
delayed ACK (about 40 ms; uvicorn issue #3149; 0.55 binds as TCP, older versions are allowed).
Each worker builds the app with `create_app()` from the environment (the same database and
cookie key).

HTTP is parsed by httptools (C) when it is installed (a dependency), else by h11 (pure Python,
about 0.2 ms more CPU per API request). h11 refuses a request whose head (request line and
headers) passes 16 KiB; uvicorn's httptools protocol has no such bound, so it is added here.

uvicorn's own reading of `X-Forwarded-For` / `X-Forwarded-Proto` (on by default, trusting
127.0.0.1) is off unless `KLAVERBLAD_TRUSTED_PROXIES` names the proxies: then uvicorn trusts
exactly those (`forwarded_allow_ips`), as the app itself does (`proxies.py`).
"""

from __future__ import annotations

import logging
import socket
import sys
from typing import Any

import uvicorn
from uvicorn.config import STARTUP_FAILURE
from uvicorn.supervisors import Multiprocess

from klaverblad.web.app import create_app
from klaverblad.web.settings import Settings

try:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
except ImportError:  # httptools is not installed: uvicorn parses with h11
    HttpToolsProtocol = None  # type: ignore[assignment,misc]

logger = logging.getLogger("uvicorn.error")

# The largest request head (request line and headers) read before it is refused: h11's default.
HEAD_BYTES = 16 * 1024


def proxy_options(settings: Settings) -> dict[str, Any]:
    """uvicorn's proxy options: off without trusted proxies, else exactly those proxies.

    >>> proxy_options(Settings(database_url="sqlite://", secret_key="k"))
    {'proxy_headers': False, 'forwarded_allow_ips': None}
    """
    if not settings.trusted_proxies:
        return {"proxy_headers": False, "forwarded_allow_ips": None}
    allowed = ",".join(str(network) for network in settings.trusted_proxies)
    return {"proxy_headers": True, "forwarded_allow_ips": allowed}


if HttpToolsProtocol is not None:

    class BoundedHttpToolsProtocol(HttpToolsProtocol):
        """uvicorn's httptools protocol with h11's bound on a request's head: past HEAD_BYTES
        read without the end of the headers, the request is refused with 400 and the
        connection closed (httptools itself would keep every byte of an endless header).

        The bytes are counted per chunk read: a chunk in which a head ends starts the count
        again, so at most HEAD_BYTES plus two chunks are ever held."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._in_head = False
            self._heads_ended = 0
            self._head_bytes = 0

        def on_message_begin(self) -> None:
            super().on_message_begin()
            self._in_head = True

        def on_headers_complete(self) -> None:
            self._in_head = False
            self._heads_ended += 1
            super().on_headers_complete()

        def data_received(self, data: bytes) -> None:
            heads_before = self._heads_ended
            super().data_received(data)
            if self._heads_ended != heads_before or not self._in_head:
                self._head_bytes = 0
                return
            self._head_bytes += len(data)
            if self._head_bytes > HEAD_BYTES and not self.transport.is_closing():
                self.logger.warning("Request head larger than %d bytes refused.", HEAD_BYTES)
                self.send_400_response("Invalid HTTP request received.")


def http_protocol() -> Any:
    """What parses HTTP: the bounded httptools protocol, or "h11" without httptools."""
    return "h11" if HttpToolsProtocol is None else BoundedHttpToolsProtocol


def reuse_port_available() -> bool:
    """Whether the kernel spreads connections over sockets sharing a port with SO_REUSEPORT:
    Linux (elsewhere the option exists but one socket gets all, or it is missing), and the
    option accepted on a TCP socket (some sandboxes refuse it)."""
    if not sys.platform.startswith("linux") or not hasattr(socket, "SO_REUSEPORT"):
        return False
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP) as probe:
        try:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        except OSError:
            return False
    return True


def bound_socket(host: str, port: int, reuse_port: bool) -> socket.socket:
    """A TCP socket bound to (`host`, `port`), not yet listening, as uvicorn binds one
    (SO_REUSEADDR; IPv6 when the host has a colon), with SO_REUSEPORT when `reuse_port`.

    >>> with bound_socket("127.0.0.1", 0, reuse_port=False) as sock:
    ...     sock.proto == socket.IPPROTO_TCP
    True
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
    except BaseException:
        sock.close()
        raise
    return sock


def _bind_in_worker(host: str, port: int) -> list[socket.socket]:
    """The listening sockets of one worker: a socket of its own on the shared port. A port
    that cannot be bound stops the worker as a failed start (uvicorn then stops them all)."""
    try:
        return [bound_socket(host, port, reuse_port=True)]
    except OSError as error:
        print(f"the worker cannot listen on {host}:{port}: {error}", file=sys.stderr)
        sys.exit(STARTUP_FAILURE)


class OwnSocketPerWorker(list[socket.socket]):
    """The `sockets` uvicorn's Multiprocess hands every worker it starts (replacements
    included): empty in the parent; uvicorn pickles it into each spawned worker, where it
    becomes a new socket bound to the port with SO_REUSEPORT in that worker (`_bind_in_worker`).
    """

    def __init__(self, host: str, port: int) -> None:
        super().__init__()
        self.host, self.port = host, port

    def __reduce__(self) -> tuple[Any, tuple[str, int]]:
        return (_bind_in_worker, (self.host, self.port))


FACTORY = "klaverblad.web.app:create_app"


def run(
    host: str,
    port: int,
    workers: int = 1,
    settings: Settings | None = None,
    log_level: str = "info",
    access_log: bool = True,
) -> None:
    """Serve until stopped: in this process (`workers` 1, with `settings`), or in `workers`
    processes that each read their settings from the environment."""
    settings = settings or Settings.from_env()
    common: dict[str, Any] = {
        "host": host,
        "port": port,
        "http": http_protocol(),
        **proxy_options(settings),
        "log_level": log_level,
        "access_log": access_log,
    }
    if workers <= 1:
        uvicorn.run(create_app(settings), **common)
        return
    config = uvicorn.Config(FACTORY, factory=True, workers=workers, **common)
    if reuse_port_available():
        try:
            holder = bound_socket(host, port, reuse_port=True)
        except OSError as error:
            logger.error(error)
            sys.exit(STARTUP_FAILURE)
        with holder:
            bound_port = holder.getsockname()[1]
            shown = f"[{host}]" if ":" in host else host
            logger.info("Uvicorn running on http://%s:%d (Press CTRL+C to quit)", shown, bound_port)
            Multiprocess(config, sockets=OwnSocketPerWorker(host, bound_port)).run()
        return
    bound = config.bind_socket()
    # The same file descriptor, re-wrapped so that Python (and asyncio) know it is TCP.
    listener = socket.socket(bound.family, bound.type, socket.IPPROTO_TCP, fileno=bound.detach())
    listener.set_inheritable(True)
    Multiprocess(config, sockets=[listener]).run()
