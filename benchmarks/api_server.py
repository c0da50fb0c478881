"""The app with several worker processes on one TCP_NODELAY socket, for the load tests.

    .venv/bin/python -m benchmarks.api_server PORT WORKERS

The launcher is `klaverblad.web.server.run` (what `klaverblad serve --workers N` uses); see
its docstring for why `uvicorn --workers N` is not used (uvicorn issue #3149).
"""

from __future__ import annotations

import sys

from klaverblad.web.server import run

HOST = "127.0.0.1"


def serve(port: int, workers: int) -> None:
    run(HOST, port, workers, log_level="warning", access_log=False)


if __name__ == "__main__":
    serve(int(sys.argv[1]), int(sys.argv[2]))
