"""Crash safety: `klaverblad serve` killed with SIGKILL in the middle of a stream of saves
loses no acknowledged save and leaves a consistent database.

The server runs as a child process (`python -m klaverblad serve --port P`) on SQLite in a
temporary data directory, and on PostgreSQL in a schema of its own (dropped afterwards) when
`KLAVERBLAD_TEST_POSTGRES_URL` is set (skipped with the reason otherwise). A promoter logs in
through the login form; client threads, one per saved plan, post new versions one after the
other and record every save the server acknowledged with 303. After a seeded random number of
acknowledged saves, while saves are in flight, the server is killed with SIGKILL and then
started again on the same database, three times. After every kill:

- SQLite: `PRAGMA integrity_check` is `ok` and `PRAGMA foreign_key_check` finds nothing;
- every acknowledged version is stored with exactly the document that was sent;
- each plan's versions are numbered 1..n without a gap, `current_version` is n, and every
  stored version is one that was sent (a save in flight at the kill may be stored or not).
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from klaverblad import store
from klaverblad.store.database import SQLITE_FILE_NAME
from tests.store.conftest import _Databases
from tests.web.conftest import EXAMPLES, example_body

SEED = 20070401
ROUNDS = 3
STREAMS = 3
PASSWORD = "klaverblad-2006"
PROMOTER = "anna@bik.be"
SECRET_KEY = "crash-test-key-" + "x" * 40
START_SECONDS = 60.0  # at most, for the server to answer after a (re)start
STREAM_SECONDS = 30.0  # at most, for the acknowledged saves a round waits for


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _document(stream: int, save: int) -> dict[str, Any]:
    """The BIK example under the stream's own id, named after the save: every document sent
    is different, so a stored version tells which save it came from."""
    document = example_body(EXAMPLES / "bik-klusjesdienst.yaml")  # dates as text, as JSON
    document["id"] = f"crash-{stream}"
    document["name"] = f"Stroom {stream}, bewaring {save}"
    return document


@dataclass
class Ledger:
    """What the clients sent and what the server acknowledged, shared by the client threads."""

    sent: dict[tuple[str, int], list[dict[str, Any]]] = field(default_factory=dict)
    acknowledged: dict[tuple[str, int], dict[str, Any]] = field(default_factory=dict)
    unexpected: list[str] = field(default_factory=list)
    in_flight: int = 0
    round_acks: int = 0
    target: int = 0
    reached: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    numbers: Iterator[int] = field(default_factory=itertools.count)

    def new_round(self, target: int) -> None:
        self.round_acks, self.target = 0, target
        self.reached.clear()

    def send(self, key: tuple[str, int], document: dict[str, Any]) -> None:
        with self.lock:
            self.sent.setdefault(key, []).append(document)
            self.in_flight += 1

    def answered(self, key: tuple[str, int], document: dict[str, Any] | None) -> None:
        """The end of a request: `document` acknowledged, or None (no answer or not 303)."""
        with self.lock:
            self.in_flight -= 1
            if document is not None:
                self.acknowledged[key] = document
                self.round_acks += 1
                if self.round_acks >= self.target:
                    self.reached.set()


class Server:
    """`python -m klaverblad serve` on a free port, as a child process that can be killed."""

    def __init__(self, environment: dict[str, str], directory: Path) -> None:
        self.port = _free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.environment = environment
        self.directory = directory
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self) -> None:
        self.starts += 1
        log = self.directory / f"serve-{self.starts}.log"
        with log.open("wb") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "klaverblad", "serve", "--port", str(self.port)],
                stdout=output,
                stderr=subprocess.STDOUT,
                env=self.environment,
                cwd=self.directory,
            )
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                if httpx.get(self.base_url + "/", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        self.stop()
        raise AssertionError(f"the server did not start:\n{log.read_text('utf-8')}")

    def kill(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        assert self.process.wait(10) == -signal.SIGKILL

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


def _form_values(page: str) -> dict[str, str]:
    """The CSRF token and `expected_version` of a saved plan's save form."""
    token = re.search(r'name="csrf" value="([^"]+)"', page)
    expected = re.search(r'name="expected_version" value="(\d+)"', page)
    assert token is not None and expected is not None
    return {"csrf": token.group(1), "expected_version": expected.group(1)}


def _log_in(base_url: str) -> httpx.Cookies:
    with httpx.Client(base_url=base_url, timeout=30) as client:
        token = re.search(r'name="csrf" value="([^"]+)"', client.get("/aanmelden").text)
        assert token is not None
        data = {"email": PROMOTER, "password": PASSWORD, "csrf": token.group(1)}
        assert client.post("/aanmelden", data=data).status_code == 303
        return client.cookies


def _stream(base_url: str, cookies: httpx.Cookies, stream: int, ledger: Ledger) -> None:
    """Save new versions of plan `crash-<stream>` one after the other until the server dies."""
    path = f"/plannen/crash-{stream}"
    with httpx.Client(base_url=base_url, cookies=cookies, timeout=30) as client:
        try:
            form = _form_values(client.get(path).text)
        except httpx.TransportError:
            return
        current = int(form["expected_version"])
        while True:
            key = (f"crash-{stream}", current + 1)
            document = _document(stream, next(ledger.numbers))
            data = {**form, "expected_version": str(current), "document": json.dumps(document)}
            ledger.send(key, document)
            try:
                response = client.post(path, data=data)
            except httpx.TransportError:
                ledger.answered(key, None)
                return
            if response.status_code != 303:
                ledger.unexpected.append(f"{key}: {response.status_code}")
                ledger.answered(key, None)
                return
            ledger.answered(key, document)
            current += 1


def _check_sqlite_file(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()


def _check_store(url: str, ledger: Ledger) -> None:
    """Every acknowledged save stored as sent; versions 1..n, each one sent; current n."""
    engine = store.make_engine(url)
    try:
        with store.transaction(store.session_factory(engine)) as session:
            for stream in range(STREAMS):
                initiative_id = f"crash-{stream}"
                versions = store.history(session, initiative_id)
                numbers = [version.number for version in versions]
                assert numbers == list(range(1, len(versions) + 1))
                current = store.get_initiative(session, initiative_id).current_version
                assert current == len(versions)
                for version in versions:
                    assert version.document in ledger.sent[(initiative_id, version.number)]
                documents = {version.number: version.document for version in versions}
                for (acked_id, number), document in ledger.acknowledged.items():
                    if acked_id == initiative_id:
                        assert documents.get(number) == document, (initiative_id, number)
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Path | None]]:
    """The URL of an empty database and, for SQLite, its file (in the data directory)."""
    if request.param == "sqlite":
        url = store.database_url({"KLAVERBLAD_DATA_DIR": str(tmp_path)})
        yield url, tmp_path / SQLITE_FILE_NAME
        return
    databases = _Databases("postgresql", tmp_path)  # skips with the reason without PostgreSQL
    try:
        yield databases.new(), None
    finally:
        databases.remove()


def _prepare(url: str, ledger: Ledger) -> None:
    """The promoter of vzw BIK and version 1 of each stream's plan, saved with the store."""
    store.upgrade(url)
    engine = store.make_engine(url)
    try:
        with store.transaction(store.session_factory(engine)) as session:
            bik = store.ensure_organisation(session, "vzw BIK", "Kortrijk")
            anna = store.create_user(
                session,
                email=PROMOTER,
                display_name="Anna Peeters",
                role="promoter",
                password=PASSWORD,
                organisation=bik,
            )
            for stream in range(STREAMS):
                document = _document(stream, next(ledger.numbers))
                store.save_initiative(session, anna, document, expected_version=None)
                ledger.sent[(f"crash-{stream}", 1)] = [document]
                ledger.acknowledged[(f"crash-{stream}", 1)] = document
    finally:
        engine.dispose()


def test_killing_the_server_during_saves_loses_no_acknowledged_save(
    database: tuple[str, Path | None], tmp_path: Path
) -> None:
    url, sqlite_file = database
    ledger = Ledger()
    _prepare(url, ledger)
    environment = {
        **os.environ,
        "KLAVERBLAD_DATA_DIR": str(tmp_path),
        "KLAVERBLAD_DATABASE_URL": url,
        "KLAVERBLAD_SECRET_KEY": SECRET_KEY,  # the login cookie stays valid across restarts
    }
    server = Server(environment, tmp_path)
    rng = random.Random(SEED)
    cookies: httpx.Cookies | None = None
    in_flight_at_kill = []
    try:
        for _ in range(ROUNDS):
            server.start()
            if cookies is None:
                cookies = _log_in(server.base_url)
            ledger.new_round(target=rng.randint(10, 40))
            clients = [
                threading.Thread(target=_stream, args=(server.base_url, cookies, stream, ledger))
                for stream in range(STREAMS)
            ]
            for client in clients:
                client.start()
            assert ledger.reached.wait(STREAM_SECONDS), ledger.unexpected
            deadline = time.monotonic() + 5
            while ledger.in_flight == 0 and time.monotonic() < deadline:
                time.sleep(0.0005)
            in_flight_at_kill.append(ledger.in_flight)
            server.kill()
            for client in clients:
                client.join(STREAM_SECONDS)
            assert ledger.unexpected == []
            if sqlite_file is not None:
                _check_sqlite_file(sqlite_file)
            _check_store(url, ledger)
        # Started once more, the server shows each plan at its last version and saves on top.
        server.start()
        assert cookies is not None
        with httpx.Client(base_url=server.base_url, cookies=cookies, timeout=30) as browser:
            for stream in range(STREAMS):
                path = f"/plannen/crash-{stream}"
                form = _form_values(browser.get(path).text)
                number = int(form["expected_version"]) + 1
                document = _document(stream, next(ledger.numbers))
                ledger.send((f"crash-{stream}", number), document)
                response = browser.post(path, data={**form, "document": json.dumps(document)})
                assert response.status_code == 303
                ledger.answered((f"crash-{stream}", number), document)
    finally:
        server.stop()
    if sqlite_file is not None:
        _check_sqlite_file(sqlite_file)
    _check_store(url, ledger)
    # Killed with saves in flight, every time (the clients never pause between saves).
    assert all(count > 0 for count in in_flight_at_kill), in_flight_at_kill
