"""Running the app under uvicorn: one process, or several worker processes on one socket.

With several workers this does what `uvicorn --workers N` does, with one fix: uvicorn 0.54
binds the shared socket with `proto` 0, the accepted sockets inherit it, and asyncio sets
TCP_NODELAY only on sockets whose `proto` is IPPROTO_TCP, so every answer on a kept-alive
connection waits for the client's delayed ACK (about 40 ms; uvicorn issue #3149). The socket
is re-wrapped as TCP here. Each worker builds the app with `create_app()` from the
environment (the same database and cookie key).
"""

from __future__ import annotations

import socket

import uvicorn
from uvicorn.supervisors import Multiprocess

from klaverblad.web.app import create_app
from klaverblad.web.settings import Settings

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
    if workers <= 1:
        uvicorn.run(
            create_app(settings),
            host=host,
            port=port,
            proxy_headers=True,
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
        proxy_headers=True,
        log_level=log_level,
        access_log=access_log,
    )
    bound = config.bind_socket()
    # The same file descriptor, re-wrapped so that Python (and asyncio) know it is TCP.
    listener = socket.socket(bound.family, bound.type, socket.IPPROTO_TCP, fileno=bound.detach())
    listener.set_inheritable(True)
    Multiprocess(config, sockets=[listener]).run()
