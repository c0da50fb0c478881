"""Load test of the JSON API: requests/s and latency of `POST /api/plan` under concurrency.

    .venv/bin/python -m benchmarks.api_load [--duration 10] [--clients 8] [--workers 1 2]
        [--bodies same distinct] [--connections keep-alive new] [--client wrk python]
        [--plain-uvicorn] [--readme]

For each worker count: start the server as `klaverblad serve` runs it (`benchmarks.api_server`:
`klaverblad.web.server.run`, httptools, one SO_REUSEPORT socket per worker) with the app in a
child process on a free port of 127.0.0.1 (loopback only), warm every worker up, then for each
combination of bodies × connections × client let `--clients` concurrent clients POST the two
cases of the 2006 report (vzw BIK and Stad Antwerpen, alternately) for `--duration` seconds.
`--plain-uvicorn` starts `uvicorn --factory … --workers N` instead (one shared socket).

- bodies `same`: the two report bodies over and over: after the first two, every request is
  answered from the plan cache (`klaverblad.web.api.plan_cache`). `distinct`: the monthly wage cost
  of the first person is different in every request (1 cent apart), so every request misses
  the cache and computes a plan.
- connections `keep-alive`: each client keeps its connection, as a browser does; `new`: one
  connection per request (`Connection: close`). With keep-alive and several workers, the
  kernel hands the 8 connections to the workers once, at the start, by a hash of their
  addresses (SO_REUSEPORT), so not always evenly: the table shows how many each worker held
  halfway through the run.
- client `wrk` (the C load generator, Debian package `wrk`, driven by a Lua script) or `python`
  (asyncio + httpx in this process). Both run on the same cores as the server; the table shows
  the CPU each side used, in cores, so the share the client takes is visible.

Baseline in the same command: plans computed in-process (validation, compute, alerts, JSON
text; no HTTP), each for a `distinct` body, for 3 s in as many processes as workers, before the
load: about the most a server could answer with cache misses. Its CPU time per plan is the
floor of the server's CPU per request on a miss; the ratio table shows what the server spends
beyond it (HTTP, the API layer, the thread hop, the kernel's loopback TCP).
Bounded: at most 30 s per run, 64 clients, loopback.
With `--readme` the tables are also written into benchmarks/README.md between its API markers.
Targets (issue #12, step 8): ≥ 250 requests/s with 1 worker and ≥ 450/s with 2, p95 ≤ 50 ms,
at 8 concurrent clients, kept-alive connections spread over the workers (every worker holds
some).
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import itertools
import os
import platform
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import httpx

from benchmarks.api_load_clients import (
    AMOUNT,
    Baseline,
    Outcome,
    busy_cpu_seconds,
    connections_per_worker,
    cpu_seconds,
    distinct_amount,
    in_process,
    python_load,
    templates,
    wrk_load,
    wrk_script,
)

HOST = "127.0.0.1"
HERE = Path(__file__).resolve().parent
README = HERE / "README.md"
BEGIN, END = "<!-- api-figures:begin -->", "<!-- api-figures:end -->"
MAX_DURATION = 30.0
MAX_CLIENTS = 64
# Requests/s by worker count (2 cores: a worker per core).
TARGET_RATES = {1: 250.0, 2: 450.0}
TARGET_P95_MS = 50.0


def target_rate(workers: int) -> float:
    return TARGET_RATES.get(workers, TARGET_RATES[max(TARGET_RATES)])


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def server_name(workers: int, plain: bool) -> str:
    if plain:
        return f"uvicorn --workers {workers}"
    return "serve, 1 worker" if workers == 1 else f"serve, {workers} workers (SO_REUSEPORT)"


def start_server(port: int, workers: int, plain: bool) -> subprocess.Popen[bytes]:
    """The product's launcher (`benchmarks.api_server`, i.e. `klaverblad.web.server.run`), or
    with `plain` uvicorn's command line."""
    if not plain:
        command = [sys.executable, "-m", "benchmarks.api_server", str(port), str(workers)]
        return subprocess.Popen(command, stdout=subprocess.DEVNULL)
    command = [sys.executable, "-m", "uvicorn", "--factory", "klaverblad.web.app:create_app"]
    command += ["--host", HOST, "--port", str(port), "--workers", str(workers)]
    command += ["--log-level", "warning", "--no-access-log"]
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
class Config:
    bodies: str  # "same" or "distinct"
    connections: str  # "keep-alive" or "new"
    client: str  # "wrk" or "python"


class Bench:
    """One uvicorn server and the runs against it; distinct bodies never repeat on it."""

    def __init__(
        self, base: str, server: subprocess.Popen[bytes], texts: list[str], same: list[bytes]
    ) -> None:
        self.base, self.server, self.texts, self.same = base, server, texts, same
        self.numbers = itertools.count()

    def next_body(self, bodies: str) -> Callable[[], bytes]:
        """Bodies for the Python clients: the report cases in turn, or a new amount each time."""
        turns = itertools.count()
        if bodies == "same":
            return lambda: self.same[next(turns) % len(self.same)]

        def distinct() -> bytes:
            number = next(self.numbers)
            text = self.texts[number % len(self.texts)]
            return text.replace(AMOUNT, distinct_amount(number)).encode("utf-8")

        return distinct

    def load(self, config: Config, clients: int, duration: float) -> Outcome:
        fresh = config.connections == "new"
        if config.client == "python":
            return python_load(self.base, self.next_body(config.bodies), clients, duration, fresh)
        # wrk numbers its bodies from `first` on, far past what this run can send.
        first = next(self.numbers)
        self.numbers = itertools.count(first + 1_000_000)
        distinct = config.bodies == "distinct"
        texts = self.texts if distinct else [body.decode("utf-8") for body in self.same]
        script = wrk_script(texts, distinct, first, fresh)
        return wrk_load(self.base, script, clients, duration)

    def measure(self, config: Config, clients: int, duration: float) -> dict[str, Any]:
        spread: list[int] = []
        port = int(self.base.rsplit(":", 1)[1])
        # Halfway through, the connections each worker holds (kept alive: the same all along).
        sampler = threading.Timer(
            duration / 2, lambda: spread.extend(connections_per_worker(self.server.pid, port))
        )
        if config.connections == "keep-alive":
            sampler.start()
        server_before, busy_before = cpu_seconds(self.server.pid), busy_cpu_seconds()
        outcome = self.load(config, clients, duration)
        sampler.cancel()
        if sampler.is_alive():
            sampler.join()
        server_cpu = cpu_seconds(self.server.pid) - server_before
        other_cpu = busy_cpu_seconds() - busy_before - server_cpu - outcome.client_cpu
        return {
            "config": config,
            "outcome": outcome,
            "rate": outcome.requests / outcome.seconds,
            "server_cores": server_cpu / outcome.seconds,
            "client_cores": outcome.client_cpu / outcome.seconds,
            "other_cores": max(0.0, other_cpu) / outcome.seconds,
            "spread": spread,
        }


def run_workers(
    workers: int,
    configs: list[Config],
    clients: int,
    duration: float,
    cases: tuple[list[str], list[bytes]],
    plain: bool,
) -> list[dict[str, Any]]:
    port = free_port()
    base = f"http://{HOST}:{port}"
    server = start_server(port, workers, plain)
    try:
        wait_until_ready(base, server)
        bench = Bench(base, server, *cases)
        # Warm-up: the first plans of each worker load the rules; new connections reach them all.
        bench.load(Config("distinct", "new", "python"), clients, 3.0)
        rows = []
        for config in configs:
            row = bench.measure(config, clients, duration)
            rows.append({"workers": workers, "server": server_name(workers, plain), **row})
            print(f"  {workers} worker(s), {config}: {row['rate']:.1f}/s", file=sys.stderr)
    finally:
        stop_server(server)
    return rows


COLUMNS = (
    "server",
    "bodies (cache)",
    "connections",
    "client",
    "requests",
    "errors",
    "requests/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "connections per worker",
    "server CPU (cores)",
    "server CPU per request (ms)",
    "client CPU (cores)",
    "other processes' CPU (cores)",
    "target",
)


def table(rows: list[dict[str, Any]]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for row in rows:
        config, outcome = row["config"], row["outcome"]
        met = (
            row["rate"] >= target_rate(row["workers"])
            and outcome.p95 <= TARGET_P95_MS
            and not outcome.errors
            # Unknown (not Linux) counts as spread; a worker without connections does not.
            and (not row["spread"] or min(row["spread"]) > 0)
        )
        cells = (
            row["server"],
            "same (hits)" if config.bodies == "same" else "distinct (misses)",
            config.connections,
            config.client,
            outcome.requests,
            outcome.errors,
            f"{row['rate']:.1f}",
            f"{outcome.p50:.1f}",
            f"{outcome.p95:.1f}",
            f"{outcome.p99:.1f}",
            " + ".join(str(count) for count in row["spread"]) if row["spread"] else "–",
            f"{row['server_cores']:.2f}",
            f"{1000 * row['server_cores'] / row['rate']:.2f}" if row["rate"] else "–",
            f"{row['client_cores']:.2f}",
            f"{row['other_cores']:.2f}",
            "met" if met else "missed",
        )
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    return "\n".join(lines)


def ratios(rows: list[dict[str, Any]], baselines: dict[int, Baseline]) -> str:
    """Cache misses against the in-process baseline with as many processes as workers (the
    rate, and the server's CPU per request beyond the plan's own), and cache hits against
    misses."""
    lines = [
        "Baseline in the same command: plans computed in-process (validation, compute, alerts,"
        " JSON text; no HTTP), each for a distinct body, for 3 s in as many processes as"
        " workers: "
        + "; ".join(
            f"{n} process{'es' if n > 1 else ''}: {base.rate:.0f} plans/s, "
            f"{base.median_ms:.2f} ms per plan (median), {base.cpu_ms:.2f} ms of CPU per plan"
            for n, base in sorted(baselines.items())
        )
        + ".",
        "",
        "| workers | connections | client | misses/s ÷ in-process plans/s "
        "| server CPU per miss − plan CPU (ms) | hits/s ÷ misses/s |",
        "|---|---|---|---|---|---|",
    ]
    found = {
        (row["workers"], row["config"].connections, row["config"].client, row["config"].bodies): row
        for row in rows
    }
    for (workers, connections, client, bodies), miss in found.items():
        if bodies != "distinct":
            continue
        hit = found.get((workers, connections, client, "same"))
        speedup = f"{hit['rate'] / miss['rate']:.1f}×" if hit and miss["rate"] else "–"
        base = baselines[workers]
        beyond = 1000 * miss["server_cores"] / miss["rate"] - base.cpu_ms if miss["rate"] else 0.0
        lines.append(
            f"| {workers} | {connections} | {client} | {miss['rate'] / base.rate:.2f} "
            f"| {beyond:.2f} | {speedup} |"
        )
    return "\n".join(lines)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    # uvicorn parses HTTP with httptools when it is installed, else with h11 (pure Python).
    parser = "httptools" if importlib.util.find_spec("httptools") else "h11"
    return (
        f"{os.cpu_count()} vCPU ({cpu}), Linux {platform.release()}, "
        f"Python {platform.python_version()}, uvicorn {version('uvicorn')} ({parser})"
    )


def write_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    if BEGIN not in readme or END not in readme:
        raise SystemExit(f"{README} has no {BEGIN} … {END} markers")
    section = f"{BEGIN}\n\n{text}\n\n{END}"
    readme = readme[: readme.index(BEGIN)] + section + readme[readme.index(END) + len(END) :]
    README.write_text(readme, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per run (≤ 30)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="uvicorn workers")
    parser.add_argument("--bodies", nargs="+", choices=("same", "distinct"))
    parser.add_argument("--connections", nargs="+", choices=("keep-alive", "new"))
    parser.add_argument("--client", nargs="+", choices=("wrk", "python"))
    parser.add_argument(
        "--plain-uvicorn",
        action="store_true",
        help="several workers with `uvicorn --workers N` itself (keep-alive answers wait ~40 ms)",
    )
    parser.add_argument("--readme", action="store_true", help="write the tables into README.md")
    options = parser.parse_args()
    duration = min(max(options.duration, 1.0), MAX_DURATION)
    clients = min(max(options.clients, 1), MAX_CLIENTS)
    has_wrk = shutil.which("wrk") is not None
    chosen = options.client or (["wrk", "python"] if has_wrk else ["python"])
    if "wrk" in chosen and not has_wrk:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")
    configs = [
        Config(bodies, connections, client)
        for bodies in options.bodies or ("same", "distinct")
        for connections in options.connections or ("keep-alive", "new")
        for client in chosen
    ]
    cases = templates()
    baselines = {n: in_process(cases[0], n) for n in sorted(set(options.workers))}
    rows = [
        row
        for w in options.workers
        for row in run_workers(w, configs, clients, duration, cases, options.plain_uvicorn)
    ]
    stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    text = "\n\n".join(
        [
            f"Measured {stamp}: POST /api/plan, vzw BIK and Stad Antwerpen alternately, "
            f"{clients} clients, {duration:.0f} s per run; {machine()}.",
            table(rows),
            ratios(rows, baselines),
        ]
    )
    print(text)
    if options.readme:
        write_readme(text)


if __name__ == "__main__":
    main()
