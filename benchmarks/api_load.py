"""Load test of the JSON API: requests/s and latency of `POST /api/plan` under concurrency.

    .venv/bin/python -m benchmarks.api_load [--duration 10] [--clients 8] [--workers 1 2]
        [--bodies same distinct] [--connections keep-alive new] [--client wrk python]
        [--plain-uvicorn] [--readme]

For each worker count: start uvicorn (several workers: under `benchmarks.api_server`) with the
app (`klaverblad.web.app:create_app`) in a child process on a free port of 127.0.0.1 (loopback
only), warm every worker up, then for each
combination of bodies × connections × client let `--clients` concurrent clients POST the two
cases of the 2006 report (vzw BIK and Stad Antwerpen, alternately) for `--duration` seconds.

- bodies `same`: the two report bodies over and over: after the first two, every request is
  answered from the plan cache (`klaverblad.web.api.plan_cache`). `distinct`: the monthly wage cost
  of the first person is different in every request (1 cent apart), so every request misses
  the cache and computes a plan.
- connections `keep-alive`: each client keeps its connection, as a browser does; `new`: one
  connection per request (`Connection: close`). With keep-alive and several workers, the
  kernel hands the 8 connections to the workers once, at the start, not always evenly.
- client `wrk` (the C load generator, Debian package `wrk`, driven by a Lua script) or `python`
  (asyncio + httpx in this process). Both run on the same cores as the server; the table shows
  the CPU each side used, in cores, so the share the client takes is visible.

Baseline in the same command: plans computed in-process (validation, compute, alerts, JSON
text; no HTTP) for 3 s in as many processes as workers, before the load: about the most a
server could answer with cache misses. Bounded: at most 30 s per run, 64 clients, loopback.
With `--readme` the tables are also written into benchmarks/README.md between its API markers.
Targets (issue item 8): ≥ 200 requests/s and p95 ≤ 100 ms at 8 concurrent clients.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import itertools
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import httpx
import yaml

from benchmarks.api_load_clients import (
    AMOUNT,
    Outcome,
    busy_cpu_seconds,
    cpu_seconds,
    distinct_amount,
    python_load,
    wrk_load,
    wrk_script,
)

HOST = "127.0.0.1"
HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "examples"
README = HERE / "README.md"
BEGIN, END = "<!-- api-figures:begin -->", "<!-- api-figures:end -->"
CASES = ("bik-klusjesdienst", "antwerpen-labour-for-neighbour")
MAX_DURATION = 30.0
MAX_CLIENTS = 64
TARGET_RATE = 200.0
TARGET_P95_MS = 100.0


def _json_ready(value: Any) -> Any:
    """YAML values as a JSON client sends them: dates as YYYY-MM-DD text."""
    if isinstance(value, dict):
        return {str(key): _json_ready(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_ready(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def templates() -> tuple[list[str], list[bytes]]:
    """The two report cases as request JSON with the first person's monthly wage cost replaced
    by the placeholder `AMOUNT` (a bare number in the JSON), and as they are."""
    texts, bodies = [], []
    for name in CASES:
        initiative = _json_ready(yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text("utf-8")))
        bodies.append(json.dumps({"initiative": initiative}).encode("utf-8"))
        initiative["people"][0]["monthly_wage_cost"] = AMOUNT
        texts.append(json.dumps({"initiative": initiative}).replace(f'"{AMOUNT}"', AMOUNT))
    return texts, bodies


def plan_loop(bodies: list[bytes], seconds: float) -> list[float]:
    """Plans computed one after the other for `seconds` after a warm-up, as the endpoint
    computes them (validation, compute, alerts, JSON bytes) but without HTTP: their ms."""
    from klaverblad.advice.alerts import plan_alerts
    from klaverblad.model import parse_initiative
    from klaverblad.plan.financing_plan import compute_plan
    from klaverblad.report.plan_json import plan_to_dict
    from klaverblad.web.api.common import document_bytes

    def one(body: bytes) -> None:
        result = compute_plan(parse_initiative(json.loads(body)["initiative"], source="body"))
        document_bytes(plan_to_dict(result, plan_alerts(result), "nl"))

    for body in bodies * 5:
        one(body)
    times: list[float] = []
    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        started = time.perf_counter()
        one(bodies[len(times) % len(bodies)])
        times.append((time.perf_counter() - started) * 1000)
    return times


def in_process(bodies: list[bytes], processes: int, seconds: float = 3.0) -> tuple[float, float]:
    """The baseline: `processes` processes computing plans side by side, without HTTP; the
    median ms of one plan and the plans/s of them all."""
    with ProcessPoolExecutor(processes) as pool:
        runs = list(pool.map(plan_loop, [bodies] * processes, [seconds] * processes))
    times = [ms for run in runs for ms in run]
    return statistics.median(times), len(times) / seconds


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def server_name(workers: int, plain: bool) -> str:
    if workers == 1:
        return "uvicorn"
    return f"uvicorn --workers {workers}" if plain else f"api_server {workers} (TCP_NODELAY)"


def start_server(port: int, workers: int, plain: bool) -> subprocess.Popen[bytes]:
    """uvicorn's command line, or for several workers by default `benchmarks.api_server`,
    which works around uvicorn's lost TCP_NODELAY (see there)."""
    if workers > 1 and not plain:
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
        server_before, busy_before = cpu_seconds(self.server.pid), busy_cpu_seconds()
        outcome = self.load(config, clients, duration)
        server_cpu = cpu_seconds(self.server.pid) - server_before
        other_cpu = busy_cpu_seconds() - busy_before - server_cpu - outcome.client_cpu
        return {
            "config": config,
            "outcome": outcome,
            "rate": outcome.requests / outcome.seconds,
            "server_cores": server_cpu / outcome.seconds,
            "client_cores": outcome.client_cpu / outcome.seconds,
            "other_cores": max(0.0, other_cpu) / outcome.seconds,
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
    "server CPU (cores)",
    "client CPU (cores)",
    "other processes' CPU (cores)",
    "target",
)


def table(rows: list[dict[str, Any]]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for row in rows:
        config, outcome = row["config"], row["outcome"]
        met = row["rate"] >= TARGET_RATE and outcome.p95 <= TARGET_P95_MS and not outcome.errors
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
            f"{row['server_cores']:.2f}",
            f"{row['client_cores']:.2f}",
            f"{row['other_cores']:.2f}",
            "met" if met else "missed",
        )
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    return "\n".join(lines)


def ratios(rows: list[dict[str, Any]], baselines: dict[int, tuple[float, float]]) -> str:
    """Cache misses against the in-process baseline with as many processes as workers, and
    cache hits against misses."""
    lines = [
        "Baseline in the same command: plans computed in-process (validation, compute, alerts,"
        " JSON text; no HTTP) for 3 s in as many processes as uvicorn workers: "
        + "; ".join(
            f"{n} process{'es' if n > 1 else ''}: {rate:.0f} plans/s, {ms:.2f} ms per plan"
            for n, (ms, rate) in sorted(baselines.items())
        )
        + ".",
        "",
        "| workers | connections | client | misses/s ÷ in-process plans/s | hits/s ÷ misses/s |",
        "|---|---|---|---|---|",
    ]
    rates: dict[tuple[int, str, str, str], float] = {}
    for row in rows:
        config = row["config"]
        rates[(row["workers"], config.connections, config.client, config.bodies)] = row["rate"]
    for (workers, connections, client, bodies), miss in rates.items():
        if bodies != "distinct":
            continue
        hit = rates.get((workers, connections, client, "same"))
        speedup = f"{hit / miss:.1f}×" if hit else "–"
        ceiling = baselines[workers][1]
        lines.append(f"| {workers} | {connections} | {client} | {miss / ceiling:.2f} | {speedup} |")
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
    baselines = {n: in_process(cases[1], n) for n in sorted(set(options.workers))}
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
