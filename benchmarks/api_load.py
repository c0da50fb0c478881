"""Load test of the JSON API: requests/s and latency of `POST /api/plan` under concurrency.

    .venv/bin/python -m benchmarks.api_load [--duration 20] [--clients 8] [--workers 1 2]

For each worker count: start uvicorn with the app (`klaverblad.web.app:create_app`) in a child
process on a free port of 127.0.0.1 (loopback only), wait until it answers, warm every worker
up, then let `--clients` concurrent clients (asyncio + httpx, one connection each) POST the two
cases of the 2006 report (vzw BIK and Stad Antwerpen, alternately) for `--duration` seconds,
and stop the server. Prints a markdown table: requests/s, p50/p95/p99 latency, errors.

Bounded on purpose: at most 120 s per run, at most 64 clients, loopback only. The clients run
on the same machine as the server and take part of its CPU: on 2 cores the figures are a lower
bound of what a server alone would do.
Targets (issue item 8): ≥ 200 requests/s and p95 ≤ 100 ms at 8 concurrent clients.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import resource
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import yaml

HOST = "127.0.0.1"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CASES = ("bik-klusjesdienst.yaml", "antwerpen-labour-for-neighbour.yaml")
MAX_DURATION = 120.0
MAX_CLIENTS = 64
TARGET_RATE = 200.0
TARGET_P95_MS = 100.0


def _json_ready(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _json_ready(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_ready(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def request_bodies() -> list[bytes]:
    """The plan requests of the two report cases, as the JSON bytes a client sends."""
    bodies = []
    for name in CASES:
        initiative = _json_ready(yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8")))
        bodies.append(json.dumps({"initiative": initiative}).encode("utf-8"))
    return bodies


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "klaverblad.web.app:create_app",
        "--host",
        HOST,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL)


def stop_server(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def wait_until_ready(base: str, server: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"uvicorn exited with status {server.returncode}")
        try:
            if httpx.get(f"{base}/api/openapi.json", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer within {timeout:.0f} s")


@dataclass
class Outcome:
    latencies_ms: list[float]
    errors: int
    seconds: float


async def _client(
    base: str, bodies: list[bytes], offset: int, until: float, fresh_connections: bool
) -> Outcome:
    latencies: list[float] = []
    errors = 0
    headers = {"content-type": "application/json"}
    # A new connection per request: with keep-alive, one uvicorn worker accepts all the
    # clients' connections at the start and the other workers stay idle.
    limits = httpx.Limits(max_keepalive_connections=0 if fresh_connections else None)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        turn = offset
        while time.perf_counter() < until:
            body = bodies[turn % len(bodies)]
            turn += 1
            started = time.perf_counter()
            try:
                response = await client.post("/api/plan", content=body, headers=headers)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            latencies.append((time.perf_counter() - started) * 1000)
            errors += 0 if ok else 1
    return Outcome(latencies, errors, 0.0)


async def load(
    base: str, bodies: list[bytes], clients: int, duration: float, fresh_connections: bool
) -> Outcome:
    start = time.perf_counter()
    until = start + duration
    results = await asyncio.gather(
        *(_client(base, bodies, i, until, fresh_connections) for i in range(clients))
    )
    seconds = time.perf_counter() - start
    latencies = [latency for result in results for latency in result.latencies_ms]
    return Outcome(latencies, sum(result.errors for result in results), seconds)


def percentile(sorted_values: list[float], fraction: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(fraction * (len(sorted_values) - 1)))]


def run(workers: int, clients: int, duration: float, bodies: list[bytes]) -> dict[str, Any]:
    port = free_port()
    base = f"http://{HOST}:{port}"
    server = start_server(port, workers)
    try:
        wait_until_ready(base, server)
        # Warm-up: the first plan of each worker loads the rules; a few rounds reach them all.
        fresh = workers > 1
        asyncio.run(load(base, bodies, clients, min(3.0, duration), fresh))
        before = resource.getrusage(resource.RUSAGE_SELF)
        outcome = asyncio.run(load(base, bodies, clients, duration, fresh))
        after = resource.getrusage(resource.RUSAGE_SELF)
    finally:
        stop_server(server)
    latencies = sorted(outcome.latencies_ms)
    return {
        "workers": workers,
        "connections": "one per request" if fresh else "kept alive",
        "clients": clients,
        "seconds": outcome.seconds,
        "requests": len(latencies),
        "errors": outcome.errors,
        "rate": len(latencies) / outcome.seconds,
        "p50": statistics.median(latencies),
        "p95": percentile(latencies, 0.95),
        "p99": percentile(latencies, 0.99),
        # The clients' own CPU, in cores: what they take from the server on this machine.
        "client_cores": (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        / outcome.seconds,
    }


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read(), re.MULTILINE)
            cpu = found.group(1).strip() if found else cpu
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores ({cpu}), Linux {platform.release()}, "
        f"Python {platform.python_version()}"
    )


COLUMNS = (
    "uvicorn workers",
    "connections",
    "clients",
    "seconds",
    "requests",
    "errors",
    "requests/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "client CPU (cores)",
    "target (≥ 200/s, p95 ≤ 100 ms)",
)


def table(rows: list[dict[str, Any]]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for row in rows:
        met = row["rate"] >= TARGET_RATE and row["p95"] <= TARGET_P95_MS and not row["errors"]
        cells = (
            row["workers"],
            row["connections"],
            row["clients"],
            f"{row['seconds']:.1f}",
            row["requests"],
            row["errors"],
            f"{row['rate']:.1f}",
            f"{row['p50']:.1f}",
            f"{row['p95']:.1f}",
            f"{row['p99']:.1f}",
            f"{row['client_cores']:.2f}",
            "met" if met else "missed",
        )
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per run")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients")
    parser.add_argument("--workers", type=int, nargs="+", default=[1], help="uvicorn workers")
    options = parser.parse_args()
    duration = min(max(options.duration, 1.0), MAX_DURATION)
    clients = min(max(options.clients, 1), MAX_CLIENTS)
    bodies = request_bodies()
    rows = [run(workers, clients, duration, bodies) for workers in options.workers]
    print(f"POST /api/plan, vzw BIK and Stad Antwerpen alternately; {machine()}\n")
    print(table(rows))


if __name__ == "__main__":
    main()
