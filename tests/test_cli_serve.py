"""`klaverblad serve --demo`, the main job: a migrated database, the examples saved, a printed
demo login, and the pages answering on the port."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from klaverblad import store
from klaverblad.web import server
from klaverblad.web.server import reuse_port_available
from klaverblad.web.settings import Settings


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _serve(data_dir: Path, *args: str, **env: str) -> subprocess.Popen[str]:
    environment = {**os.environ, "KLAVERBLAD_DATA_DIR": str(data_dir), **env}
    environment.pop("KLAVERBLAD_DATABASE_URL", None)
    return subprocess.Popen(
        [sys.executable, "-m", "klaverblad", "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=environment,
    )


def _read_until(process: subprocess.Popen[str], marker: str, seconds: float = 60) -> str:
    assert process.stdout is not None
    seen: list[str] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        if marker in line:
            return "".join(seen)
    raise AssertionError(f"{marker!r} not printed; output was:\n{''.join(seen)}")


def test_serve_with_demo_migrates_loads_the_examples_prints_a_login_and_answers(
    tmp_path: Path,
) -> None:
    port = _free_port()
    server = _serve(tmp_path, "--demo", "--port", str(port))
    try:
        printed = _read_until(server, "Uvicorn running")
        password = (tmp_path / "demo-password.txt").read_text(encoding="utf-8")
        assert f"password: {password}" in printed
        assert "promotor@demo.klaverblad.invalid" in printed
        assert f"http://127.0.0.1:{port}/" in printed
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
            assert response.status == 200
            assert "Klaverblad" in response.read().decode("utf-8")
    finally:
        server.terminate()
        server.wait(timeout=10)
    sessions = store.session_factory(
        store.make_engine(store.database_url({"KLAVERBLAD_DATA_DIR": str(tmp_path)}))
    )
    with sessions() as session:
        assert store.get_initiative(session, "bik-klusjesdienst").current_version == 1


def test_serve_refuses_a_bad_setting_with_a_plain_message(tmp_path: Path) -> None:
    server = _serve(tmp_path, KLAVERBLAD_SESSION_HOURS="lang")
    output, _ = server.communicate(timeout=60)
    assert server.returncode == 2
    assert "KLAVERBLAD_SESSION_HOURS must be a number of hours" in output
    assert "Traceback" not in output


def _kept_alive(port: int, count: int) -> list[http.client.HTTPConnection]:
    """`count` connections opened at once (as a load test's clients open them), that each had
    an answer and stay open."""
    connections = [http.client.HTTPConnection("127.0.0.1", port, timeout=10) for _ in range(count)]
    for connection in connections:
        connection.connect()
    for connection in connections:
        connection.request("GET", "/api/no-such-endpoint")
    for connection in connections:
        connection.getresponse().read()
    return connections


def _sockets_per_worker(parent: int, port: int, clients: set[int]) -> list[tuple[int, int]]:
    """For each worker (a child process of `parent` holding a socket of `port`): how many
    listening sockets of the port it holds that no other worker holds, and how many of the
    connections from the `clients` ports (Linux /proc: sockets by inode)."""
    listening, connected = set(), set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote = (int(address.rsplit(":", 1)[1], 16) for address in fields[1:3])
        inode = f"socket:[{fields[9]}]"
        if local == port and fields[3] == "0A":  # LISTEN
            listening.add(inode)
        elif local == port and remote in clients:
            connected.add(inode)
    held_by = {}
    for child in Path(f"/proc/{parent}/task/{parent}/children").read_text().split():
        held = set()
        for descriptor in Path(f"/proc/{child}/fd").iterdir():
            try:
                held.add(os.readlink(descriptor))
            except OSError:
                continue
        if held & (listening | connected):
            held_by[child] = held
    counts = []
    for child, held in held_by.items():
        others = set().union(*(other for name, other in held_by.items() if name != child))
        counts.append((len((held & listening) - others), len(held & connected)))
    return counts


def test_serve_with_two_workers_answers_on_one_port_spreads_connections_and_stops_cleanly(
    tmp_path: Path,
) -> None:
    port = _free_port()
    server = _serve(tmp_path, "--workers", "2", "--port", str(port))
    try:
        # Both workers listening (a connection made while one is still starting goes to the other).
        started = _read_until(server, "Application startup complete", 90)
        started += _read_until(server, "Application startup complete", 90)
        deadline, status = time.monotonic() + 90, 0
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/en/", timeout=5) as answer:
                    status = answer.status
                    break
            except OSError:
                time.sleep(0.5)
        assert status == 200
        if reuse_port_available():
            # Kept-alive connections opened at once reach both workers (each worker listens on
            # a socket of its own; with one shared socket, one worker took them all). The
            # kernel spreads them by a hash: 24 all in one worker has odds of 1 in 8 million.
            connections = _kept_alive(port, 24)
            try:
                clients = {connection.sock.getsockname()[1] for connection in connections}
                workers = _sockets_per_worker(server.pid, port, clients)
            finally:
                for connection in connections:
                    connection.close()
            assert len(workers) == 2
            assert all(own_listeners == 1 for own_listeners, _ in workers), workers
            assert sum(held for _, held in workers) == 24
            assert all(held > 0 for _, held in workers), workers
    finally:
        server.terminate()
        rest, _ = server.communicate(timeout=30)
    output = started + rest
    assert "Traceback" not in output
    # Both workers started under one parent process.
    assert output.count("Started server process") == 2


def _uvicorn_options(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, **env: str) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(server.uvicorn, "run", lambda app, **options: seen.update(options))
    environ = {"KLAVERBLAD_DATA_DIR": str(tmp_path), "KLAVERBLAD_SECRET_KEY": "k" * 40, **env}
    server.run("127.0.0.1", 8000, 1, Settings.from_env(environ))
    return seen


def test_serve_turns_uvicorns_proxy_headers_off_without_trusted_proxies(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    options = _uvicorn_options(monkeypatch, tmp_path)
    assert options["proxy_headers"] is False


def test_serve_lets_uvicorn_trust_exactly_the_configured_proxies(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    options = _uvicorn_options(
        monkeypatch, tmp_path, KLAVERBLAD_TRUSTED_PROXIES="10.0.0.0/8, 192.0.2.1"
    )
    assert options["proxy_headers"] is True
    assert options["forwarded_allow_ips"] == "10.0.0.0/8,192.0.2.1/32"


def test_serve_refuses_a_bad_trusted_proxy_with_a_plain_message(tmp_path: Path) -> None:
    server_process = _serve(tmp_path, KLAVERBLAD_TRUSTED_PROXIES="proxy.example")
    output, _ = server_process.communicate(timeout=60)
    assert server_process.returncode == 2
    assert "KLAVERBLAD_TRUSTED_PROXIES" in output and "Traceback" not in output


@pytest.mark.parametrize(
    ("host", "expected"),
    [("127.0.0.1", "http://127.0.0.1:8123"), ("::1", "http://[::1]:8123"), ("0.0.0.0", None)],
)
def test_serve_builds_share_links_from_its_own_address_when_no_base_url_is_set(
    monkeypatch: pytest.MonkeyPatch, host: str, expected: str | None
) -> None:
    from klaverblad.cli.serve import _default_base_url

    monkeypatch.delenv("KLAVERBLAD_BASE_URL", raising=False)
    _default_base_url(host, 8123)
    assert os.environ.get("KLAVERBLAD_BASE_URL") == expected


def test_serve_keeps_a_configured_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    from klaverblad.cli.serve import _default_base_url

    monkeypatch.setenv("KLAVERBLAD_BASE_URL", "https://klaverblad.example.be")
    _default_base_url("127.0.0.1", 8000)
    assert os.environ["KLAVERBLAD_BASE_URL"] == "https://klaverblad.example.be"
