"""One or two requests of each attack family of issue 9, in-process: refused with the right
status, the problem naming its field, and no request costing much memory or answer.

The requests are those of `make fuzz` (built by `benchmarks/fuzz_attacks.py`), which sends all
of them to a real server and measures time and a concurrent client's wait; here nothing is
timed (the suite has no timed tests): each request must stay under 100 MB of Python memory at
its peak (`tests.memory.python_peak`, tracemalloc: see there why not RSS) and its answer under
1 MB (a bomb echoed in a message would be hundreds of MB).
"""

from __future__ import annotations

import functools
import re
import signal
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from benchmarks.fuzz_attacks import (
    BIK,
    CSRF,
    DRAFT,
    EMAIL,
    FAMILIES,
    FRESH,
    PASSWORD,
    USER,
    Attack,
    fill,
    read_csrf,
    read_draft,
)

from tests.memory import MEGABYTE, ServerMemory, python_peak
from tests.web.test_accounts_support import ANNA, make_app, new_client
from tests.web.test_accounts_support import PASSWORD as ANNA_PASSWORD

MAX_GROWTH = 100 * MEGABYTE
MAX_ANSWER = 1 * MEGABYTE

# (family, the attack's name in benchmarks/fuzz_attacks.py): one or two of each family.
CHOSEN = (
    ("alias", "lists /plan text"),
    ("alias", "in_initiative /api/plan string"),
    ("alias", "in_initiative /nieuw document"),
    ("alias", "deep_json /vergelijken file"),
    ("alias", "deep JSON initiative /api/plan"),
    ("numbers", "1e1000000 unemployed_months /nieuw document"),
    ("numbers", "1e1000000 wizard step people[0].unemployed_months"),
    ("numbers", "1e309 /api/plan monthly_wage_cost bare number"),
    ("numbers", "1e1000000 ranking youth weight"),
    ("numbers", "1e1000000 /api/rank budget"),
    ("numbers", "1e1000000 /vergelijken set"),
    ("numbers", "1e309 /api/plan set (parameter change)"),
    ("numbers", "horizon 1900-01 /api/plan"),
    ("unicode", "lone surrogate in id /api/plan"),
    ("unicode", "lone surrogate in rows /api/rank"),
    ("unicode", "invalid UTF-8 /plan file"),
    ("unicode", "login next='/中'"),
    ("form_bodies", "2×FORM_BYTES urlencoded Content-Length /nieuw"),
    ("form_bodies", "2×FORM_BYTES multipart chunked /plan"),
    ("excel", "shared strings (400 000) /nieuw/personen-inlezen"),
    ("excel", "part unzipping to 120 MB /nieuw/personen-inlezen"),
    ("big", "10000 people /api/plan"),
    ("big", "201 people /api/plan"),
    ("big", "horizon 100 000 months /api/plan"),
    ("big", "60 000 keys JSON /api/plan"),
)


@functools.cache
def attacks() -> dict[tuple[str, str], Attack]:
    """The quick set of every family, by (family, name); built at first use (a few seconds:
    the Excel bombs), not when the suite is collected."""
    return {
        (attack.family, attack.name): attack
        for family, build in FAMILIES.items()
        for attack in build(True)
    }


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    return make_app(Path(tmp_path_factory.mktemp("attacks")))


@pytest.fixture(scope="module")
def visitor(app: FastAPI) -> Iterator[TestClient]:
    with new_client(app) as client:
        yield client


@pytest.fixture(scope="module")
def draft(visitor: TestClient) -> str:
    return read_draft(visitor.get(f"/nieuw?example={BIK}").text)


def _client_for(
    attack: Attack, app: FastAPI, visitor: TestClient, draft: str
) -> tuple[TestClient, dict[str, str]]:
    values = {DRAFT: draft, EMAIL: ANNA, PASSWORD: ANNA_PASSWORD}
    if attack.session in (FRESH, USER):
        client = new_client(app)
        values[CSRF] = read_csrf(client.get("/aanmelden").text)
        if attack.session == USER:
            client.post(
                "/aanmelden",
                data={"email": ANNA, "password": ANNA_PASSWORD, "csrf": values[CSRF]},
            )
            values[CSRF] = read_csrf(client.get("/mijn-plannen").text)
        return client, values
    return visitor, values


def _names_any(text: str, names: tuple[str, ...]) -> bool:
    return any(name in text for name in names)


def test_every_chosen_attack_exists() -> None:
    """The names above follow benchmarks/fuzz_attacks.py (a renamed attack fails here)."""
    assert [key for key in CHOSEN if key not in attacks()] == []
    assert {family for family, _ in CHOSEN} == set(FAMILIES)


@pytest.mark.parametrize(("family", "name"), CHOSEN, ids=[f"{f}: {n}" for f, n in CHOSEN])
def test_attack_is_refused_cheaply(
    family: str, name: str, app: FastAPI, visitor: TestClient, draft: str
) -> None:
    attack = attacks()[(family, name)]
    client, values = _client_for(attack, app, visitor, draft)
    kwargs: dict[str, Any] = fill(attack, values)
    with python_peak() as growth:
        response = client.request(attack.method, attack.path, follow_redirects=False, **kwargs)
    status, text = response.status_code, response.text
    assert status < 500, f"{name}: {status}\n{text[:2000]}"
    if attack.refuse:
        assert 400 <= status < 500, f"{name}: {status}, not refused\n{text[:1000]}"
    if attack.names and status not in (413,) and status >= 400:
        assert _names_any(text, attack.names), f"{name}: no {attack.names} in\n{text[:2000]}"
    for pattern in attack.forbid:
        assert not re.search(pattern, text, re.IGNORECASE), f"{name}: {pattern} in the answer"
    assert len(response.content) < MAX_ANSWER, f"{name}: an answer of {len(response.content)} B"
    assert growth.peak_bytes < MAX_GROWTH, f"{name}: +{growth.peak_mb:.0f} MB of Python memory"


def test_form_body_twice_the_limit_is_413_before_it_is_read(visitor: TestClient) -> None:
    """Without Content-Length (chunked) too: refused as the bytes pass the limit."""
    for attack in FAMILIES["form_bodies"](True):
        if attack.path == "/nieuw" and attack.chunked:
            response = visitor.request(attack.method, attack.path, **fill(attack, {}))
            assert response.status_code == 413, attack.name


# --- The memory helpers themselves --------------------------------------------------------------

GROWER = (
    "import sys, time\n"
    "print('ready', flush=True)\n"
    "sys.stdin.readline()\n"
    "block = bytearray(150 * 1024 * 1024)\n"
    "for i in range(0, len(block), 4096): block[i] = 1\n"  # touch every page: resident
    "del block\n"
    "print('done', flush=True)\n"
    "sys.stdin.readline()\n"
)


def _grower() -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", GROWER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    return process


def _step(process: subprocess.Popen[str]) -> str:
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write("\n")
    process.stdin.flush()
    return process.stdout.readline().strip()


def test_server_memory_sees_a_short_peak_of_another_process() -> None:
    """150 MB allocated and freed at once: the peak is seen (sampling or the high-water mark)."""
    process = _grower()
    try:
        with ServerMemory(process.pid) as growth:
            assert _step(process) == "done"
        assert 140 < growth.peak_mb < 200
        assert not growth.killed
    finally:
        process.kill()
        process.wait(10)


def test_server_memory_kills_a_process_past_its_ceiling() -> None:
    process = _grower()
    try:
        with ServerMemory(process.pid, ceiling=50 * MEGABYTE) as growth:
            _step(process)  # "" when killed before it could answer
            process.wait(10)
        assert growth.killed
        assert process.returncode == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)


def test_python_peak_counts_memory_freed_before_the_end() -> None:
    with python_peak() as growth:
        block = bytearray(30 * MEGABYTE)
        del block
    assert 29 < growth.peak_mb < 40
