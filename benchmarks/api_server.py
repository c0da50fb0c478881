"""uvicorn with several worker processes whose connections get TCP_NODELAY, for the API load test.

    .venv/bin/python -m benchmarks.api_server PORT WORKERS

`uvicorn --workers N` (N > 1) binds the listening socket itself with `proto` 0; the accepted
sockets inherit it, and asyncio sets TCP_NODELAY only on sockets whose `proto` is
IPPROTO_TCP. Nagle's algorithm then holds back the body of each answer on a kept-alive
connection until the client's delayed ACK, about 40 ms on Linux (uvicorn issue #3149, open in
uvicorn 0.54). One worker is not affected: there asyncio binds the socket from getaddrinfo.
This launcher does what `uvicorn --workers N` does, with the socket's `proto` set right.
"""

from __future__ import annotations

import socket
import sys

import uvicorn
from uvicorn.supervisors import Multiprocess

HOST = "127.0.0.1"


def serve(port: int, workers: int) -> None:
    config = uvicorn.Config(
        "klaverblad.web.app:create_app",
        factory=True,
        host=HOST,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
    )
    bound = config.bind_socket()
    # The same file descriptor, re-wrapped so that Python (and asyncio) know it is TCP.
    listener = socket.socket(bound.family, bound.type, socket.IPPROTO_TCP, fileno=bound.detach())
    listener.set_inheritable(True)
    Multiprocess(config, sockets=[listener]).run()


if __name__ == "__main__":
    serve(int(sys.argv[1]), int(sys.argv[2]))
