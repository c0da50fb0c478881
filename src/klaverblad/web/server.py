"""Running the app under uvicorn: one process, or several worker processes on one socket.

With several workers this does what `uvicorn --workers N` does, with one fix: uvicorn 0.54
binds the shared socket with `proto` 0, the accepted sockets inherit it, and asyncio sets
TCP_NODELAY only on sockets whose `proto` is IPPROTO_TCP, so every answer on a kept-alive
connection waits for the client's delayed ACK (about 40 ms; uvicorn issue #3149). The socket
is re-wrapped as TCP here. Each worker builds the app with `create_app()` from the
environment (the same database and cookie key).

uvicorn's own reading of `X-Forwarded-For` / `X-Forwarded-Proto` (on by default, trusting
127.0.0.1) is off unless `KLAVERBLAD_TRUSTED_PROXIES` names the proxies: then uvicorn trusts
exactly those (`forwarded_allow_ips`), as the app itself does (`proxies.py`).
"""

from __future__ import annotations

import socket
from typing import Any

import uvicorn
from uvicorn.supervisors import Multiprocess

from klaverblad.web.app import create_app
from klaverblad.web.settings import Settings


def proxy_options(settings: Settings) -> dict[str, Any]:
    """uvicorn's proxy options: off without trusted proxies, else exactly those proxies.

    >>> proxy_options(Settings(database_url="sqlite://", secret_key="k"))
    {'proxy_headers': False, 'forwarded_allow_ips': None}
    """
    if not settings.trusted_proxies:
        return {"proxy_headers": False, "forwarded_allow_ips": None}
    allowed = ",".join(str(network) for network in settings.trusted_proxies)
    return {"proxy_headers": True, "forwarded_allow_ips": allowed}


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
    if workers <= 1:
        uvicorn.run(
            create_app(settings),
            host=host,
            port=port,
            **proxy_options(settings),
            log_level=log_level,
            access_log=access_log,
        )
        return
    config = uvicorn.Config(
        FACTORY,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        **proxy_options(settings),
        log_level=log_level,
        access_log=access_log,
    )
    bound = config.bind_socket()
    # The same file descriptor, re-wrapped so that Python (and asyncio) know it is TCP.
    listener = socket.socket(bound.family, bound.type, socket.IPPROTO_TCP, fileno=bound.detach())
    listener.set_inheritable(True)
    Multiprocess(config, sockets=[listener]).run()
