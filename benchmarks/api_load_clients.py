"""The two load generators of `benchmarks.api_load` and the CPU they and the server use.

- `wrk_load`: wrk (C, Debian package `wrk`), one thread for all connections, the bodies made by
  a Lua script (`wrk_script`); it reports its own latency percentiles.
- `python_load`: asyncio + httpx clients in this process, one connection each.
Both return an `Outcome` with the CPU seconds the client itself used.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

AMOUNT = "__AMOUNT__"  # where a distinct body puts its amount (in place of a number)


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
