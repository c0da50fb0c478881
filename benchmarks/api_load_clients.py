"""What `benchmarks.api_load` sends, how, and what it measures against.

- `templates`: the bodies, the two report cases.
- `wrk_load`: wrk (C, Debian package `wrk`), one thread for all connections, the bodies made by
  a Lua script (`wrk_script`); it reports its own latency percentiles.
- `python_load`: asyncio + httpx clients in this process, one connection each. Both return an
  `Outcome` with the CPU seconds the client itself used.
- `in_process`: the baseline, plans computed without HTTP (`Baseline`).
- `cpu_seconds`, `busy_cpu_seconds`, `connections_per_worker`: the server's CPU, the machine's,
  and how the kept-alive connections sit on the workers.
"""

from __future__ import annotations

import asyncio
import datetime
import itertools
import json
import os
import resource
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import yaml

AMOUNT = "__AMOUNT__"  # where a distinct body puts its amount (in place of a number)
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CASES = ("bik-klusjesdienst", "antwerpen-labour-for-neighbour")


def distinct_amount(number: int) -> str:
    """The amount of distinct body `number`: 1 500.00 euros plus `number` cents (the Lua
    script of `wrk_script` computes the same).

    >>> distinct_amount(0), distinct_amount(12345)
    ('1500.00', '1623.45')
    """
    return f"{1500 + number // 100}.{number % 100:02d}"


def busy_cpu_seconds() -> float:
    """CPU seconds the whole machine spent busy so far (all processes, all cores)."""
    fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields) - idle) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its children (the uvicorn workers)."""
    total = 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                total += cpu_seconds(int(child))
    except OSError:
        pass
    return total


@dataclass
class Outcome:
    requests: int
    errors: int
    seconds: float
    p50: float
    p95: float
    p99: float
    client_cpu: float  # seconds


async def _python_client(
    base: str, next_body: Callable[[], bytes], until: float, fresh: bool
) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    headers = {"content-type": "application/json"}
    limits = httpx.Limits(max_keepalive_connections=0 if fresh else None)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        while time.perf_counter() < until:
            body = next_body()
            started = time.perf_counter()
            try:
                response = await client.post("/api/plan", content=body, headers=headers)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            latencies.append((time.perf_counter() - started) * 1000)
            errors += 0 if ok else 1
    return latencies, errors


def python_load(
    base: str, next_body: Callable[[], bytes], clients: int, duration: float, fresh: bool
) -> Outcome:
    async def everyone() -> list[tuple[list[float], int]]:
        until = time.perf_counter() + duration
        return await asyncio.gather(
            *(_python_client(base, next_body, until, fresh) for _ in range(clients))
        )

    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    results = asyncio.run(everyone())
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    latencies = sorted(latency for found, _ in results for latency in found)

    def at(fraction: float) -> float:
        return latencies[min(len(latencies) - 1, int(fraction * (len(latencies) - 1)))]

    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    errors = sum(count for _, count in results)
    return Outcome(len(latencies), errors, seconds, at(0.5), at(0.95), at(0.99), cpu)


LUA = """
local templates = {%(templates)s}
local distinct, first = %(distinct)s, %(first)d
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
%(close)s
request = function()
  counter = counter + 1
  local body = templates[counter %% #templates + 1]
  if distinct then
    local n = first + counter
    body = body:gsub("%(amount)s", string.format("%%d.%%02d", 1500 + math.floor(n / 100), n %% 100))
  end
  return wrk.format(nil, nil, nil, body)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests": %%d, "us": %%d, "errors": %%d, "status": %%d, ' ..
    '"p50": %%d, "p95": %%d, "p99": %%d}\\n', summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout, e.status, latency:percentile(50),
    latency:percentile(95), latency:percentile(99)))
end
"""


def wrk_script(texts: list[str], distinct: bool, first: int, fresh: bool) -> str:
    for text in texts:
        assert "]==]" not in text
    quoted = ", ".join(f"[==[{text}]==]" for text in texts)
    close = 'wrk.headers["Connection"] = "close"' if fresh else ""
    values = {"templates": quoted, "distinct": str(distinct).lower(), "first": first}
    return LUA % {**values, "close": close, "amount": AMOUNT}


def wrk_load(base: str, script: str, clients: int, duration: float) -> Outcome:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as file:
        file.write(script)
    try:
        command = ["wrk", "-t1", f"-c{clients}", f"-d{duration:.0f}s", "--timeout", "30s"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = subprocess.run(
            [*command, "-s", file.name, f"{base}/api/plan"],
            capture_output=True,
            text=True,
            timeout=duration + 60,
            check=True,
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    finally:
        os.unlink(file.name)
    found = json.loads(result.stdout.strip().splitlines()[-1])
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    errors = found["errors"] + found["status"]
    p50, p95, p99 = (found[p] / 1000 for p in ("p50", "p95", "p99"))
    return Outcome(found["requests"], errors, found["us"] / 1e6, p50, p95, p99, cpu)


def connections_per_worker(server_pid: int, port: int) -> list[int]:
    """How many established TCP connections to `port` each worker of the server holds, most
    first; a worker is a child process of the server (or the server itself, without children)
    holding a socket of the port, its listening socket at least. Linux only (read from /proc),
    [] elsewhere. Sampled during a keep-alive run, it shows whether the kept-alive connections
    spread over the workers."""
    established: dict[str, bool] = {}
    try:
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                if int(fields[1].rsplit(":", 1)[1], 16) == port:
                    established[f"socket:[{fields[9]}]"] = fields[3] == "01"
        task = Path(f"/proc/{server_pid}/task/{server_pid}/children")
        processes = [int(pid) for pid in task.read_text().split()] or [server_pid]
    except OSError:
        return []
    counts = []
    for pid in processes:
        held = []
        try:
            for fd in Path(f"/proc/{pid}/fd").iterdir():
                try:
                    held.append(os.readlink(fd))
                except OSError:
                    continue
        except OSError:
            continue
        if any(target in established for target in held):
            counts.append(sum(established.get(target, False) for target in held))
    return sorted(counts, reverse=True)


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


def plan_loop(texts: list[str], seconds: float) -> tuple[list[float], float]:
    """Plans computed one after the other for `seconds` after a warm-up, as the endpoint
    computes them (validation, compute, alerts, JSON bytes) but without HTTP, each for a body
    of its own (the `distinct` bodies: nothing any cache kept helps): the ms of each, and the
    CPU seconds of them all."""
    from klaverblad.advice.alerts import plan_alerts
    from klaverblad.model import parse_initiative
    from klaverblad.plan.financing_plan import compute_plan
    from klaverblad.report.plan_json import plan_to_dict
    from klaverblad.web.api.common import document_bytes

    numbers = itertools.count()

    def one() -> None:
        number = next(numbers)
        body = texts[number % len(texts)].replace(AMOUNT, distinct_amount(number))
        result = compute_plan(parse_initiative(json.loads(body)["initiative"], source="body"))
        document_bytes(plan_to_dict(result, plan_alerts(result), "nl"))

    for _ in range(10):
        one()
    times: list[float] = []
    cpu_before = time.process_time()
    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        started = time.perf_counter()
        one()
        times.append((time.perf_counter() - started) * 1000)
    return times, time.process_time() - cpu_before


@dataclass
class Baseline:
    """Plans in-process, without HTTP: the floor of a server's time and CPU per request."""

    median_ms: float  # wall-clock time of one plan
    rate: float  # plans per second of all the processes together
    cpu_ms: float  # CPU time of one plan


def in_process(texts: list[str], processes: int, seconds: float = 3.0) -> Baseline:
    """The baseline: `processes` processes computing plans side by side."""
    with ProcessPoolExecutor(processes) as pool:
        runs = list(pool.map(plan_loop, [texts] * processes, [seconds] * processes))
    times = [ms for run, _ in runs for ms in run]
    cpu = sum(seconds_used for _, seconds_used in runs)
    return Baseline(statistics.median(times), len(times) / seconds, 1000 * cpu / len(times))
