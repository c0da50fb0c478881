"""Mixed load: many logged-in users browsing, computing plans and saving at once.

    .venv/bin/python -m benchmarks.mixed_load [--duration 60] [--users 50] [--workers 2]
        [--baseline 5] [--quick] [--plain-uvicorn] [--readme]

`make load` runs it with the defaults; `--quick` is a 10 s run; the tests never run it. On a
new migrated SQLite database (temporary directory) it makes one promoter per user, each of an
organisation of their own with one saved plan, starts the app on a free port of 127.0.0.1 with
2 workers, warms them up, lets one user alone run the visit below for `--baseline` s (the
service time without queueing), logs every user in through the login form (timed as `login`,
before the window), then lets every user loop over the visit for `--duration` s without pause
(a closed loop that saturates the server on purpose), each starting at another step:

- start: GET / (200 expected); measures: GET /maatregelen (200);
- example: GET /plan/voorbeeld/<example>, the five examples in turn (200);
- api_plan: POST /api/plan, a 2006 report case (BIK or Antwerpen), the first person's monthly
  wage cost a cent different each time so that the plan cache never answers (200);
- post_plan: POST /plan with the other report case's YAML pasted in the form (200);
- saved: GET /plannen/<own id>, whose save form gives the token and version (200);
- save: POST /plannen/<own id>, a new version of the user's own plan (303).

An error is any other status (a 409 on a save too: a user's own saves come one after the
other) or a connection error. The client (asyncio + httpx in this process, one kept-alive
connection per user) shares the 2 cores with the server: the CPU of the server, the client and
every other process are reported, in cores. Several workers run under `benchmarks.api_server`
(uvicorn's supervisor with TCP_NODELAY, which `uvicorn --workers N` loses; see there) unless
`--plain-uvicorn`. Bounded: at most 300 s and 200 users. `--readme` writes the figures between
the mixed-load markers of benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import math
import os
import platform
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import yaml

HOST = "127.0.0.1"
HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "examples"
README = HERE / "README.md"
BEGIN, END = "<!-- mixed-figures:begin -->", "<!-- mixed-figures:end -->"
CASES = ("bik-klusjesdienst", "antwerpen-labour-for-neighbour")
PASSWORD = "mixed-load-2006"
VISIT = ("start", "example", "api_plan", "measures", "post_plan", "saved", "save")
MAX_DURATION, MAX_USERS = 300.0, 200


def _example(name: str) -> tuple[str, dict[str, Any]]:
    text = (EXAMPLES / f"{name}.yaml").read_text("utf-8")
    # As a JSON client sends it: the dates as YYYY-MM-DD text.
    return text, json.loads(json.dumps(yaml.safe_load(text), default=str))


def prepare_database(url: str, users: int) -> list[str]:
    """Migrate, then one promoter per user with a saved plan of their own; their e-mails."""
    from klaverblad import store

    store.upgrade(url)
    engine = store.make_engine(url)
    password_hash = store.hash_password(PASSWORD)  # one hash for all: the same password
    emails = []
    try:
        with store.transaction(store.session_factory(engine)) as session:
            for index in range(users):
                organisation = store.ensure_organisation(session, f"vzw Last {index}", "Kortrijk")
                user = store.User(
                    email=f"promotor{index}@last.klaverblad.invalid",
                    display_name=f"Promotor {index}",
                    role="promoter",
                    organisation=organisation,
                    password_hash=password_hash,
                    active=True,
                )
                session.add(user)
                session.flush()
                document = _example(CASES[0])[1]
                document["id"], document["name"] = f"last-{index}", f"Plan van promotor {index}"
                store.save_initiative(session, user, document, expected_version=None)
                emails.append(user.email)
    finally:
        engine.dispose()
    return emails


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(
    port: int, workers: int, plain: bool, env: dict[str, str]
) -> subprocess.Popen[bytes]:
    if not plain:
        # The product's own launcher (`klaverblad serve`), with one worker too: httptools with
        # its bound on a request's head, as served.
        command = [sys.executable, "-m", "benchmarks.api_server", str(port), str(workers)]
    else:
        command = [sys.executable, "-m", "uvicorn", "--factory", "klaverblad.web.app:create_app"]
        command += ["--host", HOST, "--port", str(port), "--workers", str(workers)]
        command += ["--log-level", "warning", "--no-access-log"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, env=env, cwd=HERE.parent)


def wait_until_ready(base: str, server: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with status {server.returncode}")
        try:
            if httpx.get(f"{base}/", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer within {timeout:.0f} s")


def process_tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) of process `pid` and of its children so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total, parents = 0.0, {pid}
    for entry in sorted(Path("/proc").glob("[0-9]*"), key=lambda path: int(path.name)):
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.name) in parents or int(fields[1]) in parents:
            parents.add(int(entry.name))
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def busy_cpu_seconds() -> float:
    """CPU seconds every process on the machine has used (all but idle and iowait)."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return (sum(values) - values[3] - values[4]) / os.sysconf("SC_CLK_TCK")


@dataclass
class Sample:
    kind: str
    ms: float
    error: str  # "" when the answer was the expected one


@dataclass
class User:
    index: int
    email: str
    client: httpx.AsyncClient
    samples: list[Sample]
    csrf: str = ""
    expected: int = 1
    turn: int = 0

    @property
    def saved_path(self) -> str:
        return f"/plannen/last-{self.index}"


class Mix:
    """The requests of the visit, with their bodies made ahead."""

    def __init__(self) -> None:
        self.examples = sorted(path.stem for path in EXAMPLES.glob("*.yaml"))
        self.cases = [_example(name) for name in CASES]
        self.document = self.cases[0][1]

    async def timed(
        self, user: User, kind: str, expected: int, call: Callable[[], Awaitable[httpx.Response]]
    ) -> httpx.Response | None:
        started = time.perf_counter()
        try:
            response = await call()
        except httpx.HTTPError as error:
            user.samples.append(Sample(kind, _ms(started), type(error).__name__))
            return None
        status = response.status_code
        user.samples.append(Sample(kind, _ms(started), "" if status == expected else str(status)))
        return response

    def read_form(self, user: User, page: str) -> None:
        """The CSRF token of the page's forms, and the version its save form was opened at."""
        token = re.search(r'name="csrf" value="([^"]+)"', page)
        version = re.search(r'name="expected_version" value="(\d+)"', page)
        if token:
            user.csrf = token.group(1)
        if version:
            user.expected = int(version.group(1))

    async def login(self, user: User) -> None:
        page = await user.client.get("/aanmelden")
        self.read_form(user, page.text)
        data = {"email": user.email, "password": PASSWORD, "csrf": user.csrf}
        await self.timed(user, "login", 303, lambda: user.client.post("/aanmelden", data=data))
        self.read_form(user, (await user.client.get(user.saved_path)).text)

    async def step(self, user: User, kind: str) -> None:
        client, user.turn = user.client, user.turn + 1
        if kind == "start":
            await self.timed(user, kind, 200, lambda: client.get("/"))
        elif kind == "example":
            name = self.examples[(user.index + user.turn) % len(self.examples)]
            await self.timed(user, kind, 200, lambda: client.get(f"/plan/voorbeeld/{name}"))
        elif kind == "api_plan":
            case = self.cases[user.turn % 2][1]
            person = dict(case["people"][0])
            person["monthly_wage_cost"] = round(person["monthly_wage_cost"] + user.turn / 100, 2)
            body = {"initiative": {**case, "people": [person, *case["people"][1:]]}}
            await self.timed(user, kind, 200, lambda: client.post("/api/plan", json=body))
        elif kind == "measures":
            await self.timed(user, kind, 200, lambda: client.get("/maatregelen"))
        elif kind == "post_plan":
            data = {"text": self.cases[(user.turn + 1) % 2][0]}
            await self.timed(user, kind, 200, lambda: client.post("/plan", data=data))
        elif kind == "saved":
            response = await self.timed(user, kind, 200, lambda: client.get(user.saved_path))
            if response is not None:
                self.read_form(user, response.text)
        else:
            document = {**self.document, "id": f"last-{user.index}"}
            document["name"] = f"Plan van promotor {user.index}, bewaring {user.turn}"
            data = {"csrf": user.csrf, "expected_version": str(user.expected)}
            data["document"] = json.dumps(document)
            post = lambda: client.post(user.saved_path, data=data)  # noqa: E731
            response = await self.timed(user, kind, 303, post)
            if response is not None and response.status_code == 303:
                user.expected += 1


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


async def run_users(
    base: str, emails: list[str], duration: float, server_pid: int
) -> dict[str, Any]:
    """Log every user in, then let them loop over the visit for `duration` seconds."""
    mix = Mix()
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    users = [
        User(index, email, httpx.AsyncClient(base_url=base, timeout=60, limits=limits), [])
        for index, email in enumerate(emails)
    ]
    try:
        login_started = time.perf_counter()
        await asyncio.gather(*(mix.login(user) for user in users))
        login_seconds = time.perf_counter() - login_started
        logins = [sample for user in users for sample in user.samples]
        for user in users:
            user.samples = []

        async def loop(user: User, deadline: float) -> None:
            step = user.index % len(VISIT)
            while time.perf_counter() < deadline:
                await mix.step(user, VISIT[step])
                step = (step + 1) % len(VISIT)

        cpu_before, busy_before = time.process_time(), busy_cpu_seconds()
        server_before = process_tree_cpu(server_pid)
        started = time.perf_counter()
        await asyncio.gather(*(loop(user, started + duration) for user in users))
        seconds = time.perf_counter() - started
        return {
            "seconds": seconds,
            "client_cpu": time.process_time() - cpu_before,
            "server_cpu": process_tree_cpu(server_pid) - server_before,
            "busy_cpu": busy_cpu_seconds() - busy_before,
            "samples": [sample for user in users for sample in user.samples],
            "logins": logins,
            "login_seconds": login_seconds,
        }
    finally:
        await asyncio.gather(*(user.client.aclose() for user in users))


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value with `share` of them at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def _row(name: str, samples: list[Sample], seconds: float, alone: list[Sample]) -> str:
    """A table row: count, errors, rate, p50, p95, max; and the p50 of one user alone."""
    times = [sample.ms for sample in samples]
    errors = sum(1 for sample in samples if sample.error)
    single = f"{percentile([s.ms for s in alone], 0.5):.0f}" if alone else "–"
    return (
        f"| {name} | {len(samples):,} | {errors} | {len(samples) / seconds:.1f} | "
        f"{percentile(times, 0.5):.0f} | {percentile(times, 0.95):.0f} | {max(times):.0f} | "
        f"{single} |"
    )


def report(result: dict[str, Any], alone: dict[str, Any], args: argparse.Namespace) -> str:
    """The figures as Markdown: a table per kind of request, the errors and the CPU."""
    samples: list[Sample] = result["samples"]
    logins: list[Sample] = result["logins"]
    base: list[Sample] = alone.get("samples", [])
    seconds, server_cpu = result["seconds"], result["server_cpu"]
    client_cores, server_cores = result["client_cpu"] / seconds, server_cpu / seconds
    other_cores = max(0.0, result["busy_cpu"] - result["client_cpu"] - server_cpu) / seconds
    errors = Counter(f"{s.kind} {s.error}" for s in samples + logins if s.error)
    server = "uvicorn" if args.plain_uvicorn else "benchmarks.api_server"
    cpu = platform.processor() or _cpu_model()
    lines = [
        f"Measured {datetime.datetime.now():%Y-%m-%d %H:%M} with `python -m benchmarks.mixed_load "
        f"--duration {args.duration:g} --users {args.users} --workers {args.workers}`: "
        f"{server}, {args.workers} worker(s), SQLite; machine: {os.cpu_count()} vCPU {cpu}, "
        f"Python {platform.python_version()}; load average before the run {args.load_before}.",
        "",
        "| kind | requests | errors | per s | p50 ms | p95 ms | max ms | 1 user alone: p50 ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        *(
            _row(kind, [s for s in samples if s.kind == kind], seconds, _of(base, kind))
            for kind in VISIT
        ),
        _row("**all**", samples, seconds, base),
        _row(
            "login (all users at once, before the window)",
            logins,
            result["login_seconds"],
            alone.get("logins", []),
        ),
        "",
        f"Errors: {', '.join(f'{name} × {n}' for name, n in sorted(errors.items())) or '0'}."
        f" CPU during the window, in cores: server {server_cores:.2f}, client (this process) "
        f"{client_cores:.2f}, every other process {other_cores:.2f}; "
        f"{seconds:.1f} s measured.",
    ]
    return "\n".join(lines)


def _of(samples: list[Sample], kind: str) -> list[Sample]:
    return [sample for sample in samples if sample.kind == kind]


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return "unknown CPU"


def write_readme(figures: str) -> None:
    text = README.read_text("utf-8")
    if BEGIN not in text or END not in text:
        raise SystemExit(f"{README} has no {BEGIN} … {END} markers")
    head, rest = text.split(BEGIN, 1)
    README.write_text(f"{head}{BEGIN}\n{figures}\n{END}{rest.split(END, 1)[1]}", "utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=60.0, help="seconds (at most 300)")
    parser.add_argument("--users", type=int, default=50, help="concurrent users (at most 200)")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument(
        "--baseline", type=float, default=5.0, help="seconds of one user alone first (0: none)"
    )
    parser.add_argument("--quick", action="store_true", help="a 10 s run")
    parser.add_argument("--plain-uvicorn", action="store_true", help="`uvicorn --workers N`")
    parser.add_argument("--readme", action="store_true", help="write the figures in README.md")
    args = parser.parse_args(argv)
    if args.quick:
        args.duration = 10.0
    args.baseline = min(max(args.baseline, 0.0), MAX_DURATION)
    if not (0 < args.duration <= MAX_DURATION and 0 < args.users <= MAX_USERS):
        parser.error(f"--duration must be in (0, {MAX_DURATION:g}] and --users in 1..{MAX_USERS}")
    with tempfile.TemporaryDirectory(prefix="klaverblad-load-") as directory:
        url = f"sqlite:///{Path(directory) / 'klaverblad.sqlite3'}"
        emails = prepare_database(url, args.users)
        env = {**os.environ, "KLAVERBLAD_DATABASE_URL": url, "KLAVERBLAD_DATA_DIR": directory}
        env["KLAVERBLAD_SECRET_KEY"] = "mixed-load-" + "k" * 40
        port = free_port()
        base = f"http://{HOST}:{port}"
        server = start_server(port, args.workers, args.plain_uvicorn, env)
        try:
            wait_until_ready(base, server)
            warm_up(base, args.workers)
            args.load_before = " / ".join(f"{v:.1f}" for v in os.getloadavg())
            alone: dict[str, Any] = {}
            if args.baseline > 0:
                print(f"1 user alone for {args.baseline:g} s …", file=sys.stderr)
                alone = asyncio.run(run_users(base, emails[:1], args.baseline, server.pid))
            print(f"{args.users} users for {args.duration:g} s …", file=sys.stderr)
            result = asyncio.run(run_users(base, emails, args.duration, server.pid))
        finally:
            server.terminate()
            server.wait(30)
    figures = report(result, alone, args)
    print(figures)
    if args.readme:
        write_readme(figures)


def warm_up(base: str, workers: int) -> None:
    """The first plans of each worker load the rules; new connections reach every worker."""
    with httpx.Client(base_url=base, timeout=60) as client:
        for _ in range(4 * workers):
            client.get("/plan/voorbeeld/bik-klusjesdienst", headers={"connection": "close"})
            client.get("/maatregelen", headers={"connection": "close"})


if __name__ == "__main__":
    main()
