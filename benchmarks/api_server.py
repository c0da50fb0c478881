"""The app served as `klaverblad serve --workers N` serves it, for the load tests.

    .venv/bin/python -m benchmarks.api_server PORT WORKERS

The launcher is `klaverblad.web.server.run`: httptools, and with several workers a listening
socket per worker with SO_REUSEPORT (kept-alive connections spread over the workers) and
TCP_NODELAY on every connection; see its docstring for why `uvicorn --workers N` is not used.
"""

from __future__ import annotations

import sys

from klaverblad.web.server import run

HOST = "127.0.0.1"


def serve(port: int, workers: int) -> None:
    run(HOST, port, workers, log_level="warning", access_log=False)


if __name__ == "__main__":
    serve(int(sys.argv[1]), int(sys.argv[2]))
