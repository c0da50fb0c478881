"""Two or more people editing the same saved plan through the web pages, on SQLite and on
PostgreSQL: the first save wins, every later save from the same version gets the 409 conflict
page that keeps its text and offers to save it on top, and no save is ever lost.

The people use the pages as a browser does: they open the plan, take the save form as the
page gives it (its CSRF token, its `expected_version`, the text in its textarea), change the
text and post the form. The last test races several writers against a real uvicorn server.
PostgreSQL comes from `KLAVERBLAD_TEST_POSTGRES_URL` (a schema of its own per test, dropped
afterwards); without it those tests are skipped with the reason in pytest's summary.
"""

from __future__ import annotations

import html
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
import yaml
from argon2 import PasswordHasher
from fastapi import FastAPI

from klaverblad.store import (
    accounts,
    create_user,
    ensure_organisation,
    get_initiative,
    history,
    transaction,
    upgrade,
)
from klaverblad.web import create_app
from klaverblad.web.settings import Settings
from tests.store.conftest import _Databases
from tests.web.test_accounts_support import (
    ANALYST,
    ANNA,
    BIK_ID,
    PASSWORD,
    bik_text,
    logged_in,
    save_new,
)

CARLA = "carla@bik.be"  # a second promoter of vzw BIK, Anna's colleague
NAMES = {ANNA: "Anna Peeters", CARLA: "Carla Wouters", ANALYST: "Ann Alist"}
SAVED = f"/plannen/{BIK_ID}"
WRITERS = 6
NO_FOLLOW: dict[str, Any] = {"follow_redirects": False}


@dataclass(frozen=True)
class SaveForm:
    """The save form of a page as a browser would post it: its action, its hidden fields and
    the text of its textarea `veld-document` (without the newline HTML drops after the tag)."""

    action: str
    hidden: dict[str, str]
    document: str
    note: str

    def post_data(self, document: str, note: str) -> dict[str, str]:
        return {**self.hidden, "document": document, "note": note}


def save_form(page: str) -> SaveForm:
    """The form of `page` that holds the textarea `veld-document`."""
    forms = re.findall(r'<form method="post" action="([^"]+)">(.*?)</form>', page, re.S)
    found = [(action, body) for action, body in forms if 'id="veld-document"' in body]
    assert len(found) == 1, "the page has no single save form"
    action, body = found[0]
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', body))
    text = re.search(r'<textarea id="veld-document"[^>]*>(.*?)</textarea>', body, re.S)
    note_tag = re.search(r'<input id="veld-note"[^>]*>', body)
    assert text is not None and note_tag is not None
    note = re.search(r' value="([^"]*)"', note_tag.group(0))
    return SaveForm(
        html.unescape(action),
        {name: html.unescape(value) for name, value in hidden.items()},
        html.unescape(text.group(1)).removeprefix("\n"),
        html.unescape(note.group(1)) if note else "",
    )


def renamed(text: str, name: str) -> str:
    """The YAML text of the form with the initiative's own (top-level) name changed, as a
    person edits it in the textarea."""
    changed, count = re.subn(r"^name: .*$", f"name: {name}", text, count=1, flags=re.M)
    assert count == 1
    return changed


def theirs_text(page: str) -> str:
    """The read-only text of the version that was saved first, on the conflict page."""
    match = re.search(r'<textarea id="veld-hun-versie"[^>]*>(.*?)</textarea>', page, re.S)
    assert match is not None
    return html.unescape(match.group(1)).removeprefix("\n")


def history_rows(page: str) -> list[tuple[str, str, str]]:
    """(number, author, note) of every row of the history table of a saved plan's page."""
    rows = []
    for number, row in re.findall(r'<tr data-version="(\d+)">(.*?)</tr>', page, re.S):
        cells = re.findall(r"<td>(.*?)</td>", row, re.S)
        rows.append((number, html.unescape(cells[1]), html.unescape(cells[2])))
    return rows


def stored(app: FastAPI) -> list[tuple[int, str, str, dict[str, Any]]]:
    """(number, author, note, document) of every stored version of the plan, oldest first."""
    with transaction(app.state.sessions) as session:
        return [
            (v.number, v.author.display_name, v.note, v.document) for v in history(session, BIK_ID)
        ]


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: an SQLite file, or a PostgreSQL schema of this test's own."""
    databases = _Databases(request.param, tmp_path)  # skips with the reason without PostgreSQL
    try:
        yield databases.new()
    finally:
        databases.remove()


@pytest.fixture
def app(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[FastAPI]:
    """The app on the migrated database, with Anna and Carla (promoters of vzw BIK) and the
    analyst Ann; Anna has saved the BIK example as version 1 of its plan."""
    # Real Argon2id hashes with small parameters, so that logging in stays fast.
    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(accounts, "_HASHER", cheap)
    upgrade(database_url)
    app = create_app(Settings(database_url=database_url, secret_key="test-key-" + "x" * 40))
    with transaction(app.state.sessions) as session:
        bik = ensure_organisation(session, "vzw BIK", "Kortrijk")
        for email, role in ((ANNA, "promoter"), (CARLA, "promoter"), (ANALYST, "analyst")):
            organisation = bik if role == "promoter" else None
            create_user(
                session,
                email=email,
                display_name=NAMES[email],
                role=role,
                password=PASSWORD,
                organisation=organisation,
            )
    assert save_new(logged_in(app, ANNA), bik_text(), note="eerste").status_code == 303
    try:
        yield app
    finally:
        app.state.engine.dispose()


@pytest.mark.parametrize("second", [ANALYST, CARLA], ids=["analyst", "colleague"])
def test_two_people_who_opened_version_1_both_save_and_the_second_saves_on_top_losing_nothing(
    app: FastAPI, second: str
) -> None:
    anna, other = logged_in(app, ANNA), logged_in(app, second)
    form_a, form_b = save_form(anna.get(SAVED).text), save_form(other.get(SAVED).text)
    assert form_a.hidden["expected_version"] == form_b.hidden["expected_version"] == "1"
    original = yaml.safe_load(form_a.document)
    text_a = renamed(form_a.document, "Klusjesdienst BIK, prijzen 2007")
    text_b = renamed(form_b.document, f"Klusjesdienst BIK, nagekeken door {NAMES[second]}")

    first = anna.post(form_a.action, data=form_a.post_data(text_a, "prijzen 2007"), **NO_FOLLOW)
    assert (first.status_code, first.headers["location"]) == (303, SAVED)

    late = other.post(form_b.action, data=form_b.post_data(text_b, "nagekeken"), **NO_FOLLOW)
    assert late.status_code == 409
    page = html.unescape(late.text)
    assert "Anna Peeters bewaarde versie 2" in page and "nadat jij versie 1 opende" in page
    assert yaml.safe_load(theirs_text(late.text)) == yaml.safe_load(text_a)
    on_top = save_form(late.text)
    # The second person's text and note are kept, to be saved on top of version 2.
    assert (on_top.document, on_top.note) == (text_b, "nagekeken")
    assert on_top.hidden["expected_version"] == "2"
    assert "Bewaar jouw tekst als versie 3" in page
    assert [number for number, *_ in stored(app)] == [1, 2]  # nothing of theirs written yet

    # The browser posts the conflict page's form as it is: the kept text on top of version 2.
    kept = on_top.post_data(on_top.document, on_top.note)
    saved = other.post(on_top.action, data=kept, **NO_FOLLOW)
    assert (saved.status_code, saved.headers["location"]) == (303, SAVED)

    # Expected by hand: v1 Anna's example, v2 Anna's edit, v3 the second person's edit.
    versions = stored(app)
    assert [(number, author, note) for number, author, note, _ in versions] == [
        (1, "Anna Peeters", "eerste"),
        (2, "Anna Peeters", "prijzen 2007"),
        (3, NAMES[second], "nagekeken"),
    ]
    documents = [document for *_, document in versions]
    assert documents == [original, yaml.safe_load(text_a), yaml.safe_load(text_b)]
    page = anna.get(SAVED).text
    assert history_rows(page) == [
        ("1", "Anna Peeters", "eerste"),
        ("2", "Anna Peeters", "prijzen 2007"),
        ("3", NAMES[second], "nagekeken"),
    ]
    assert save_form(page).hidden["expected_version"] == "3"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def live_server(app: FastAPI) -> Iterator[str]:
    """The app served by uvicorn on a free loopback port, in a thread; its base URL."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30)


@dataclass
class Writer:
    """One browser: logged in, the plan opened at version 1, its edited text ready."""

    email: str
    client: httpx.Client
    form: SaveForm
    text: str
    response: httpx.Response | None = None


def _open_writer(base_url: str, index: int) -> Writer:
    email = (ANNA, CARLA, ANALYST)[index % 3]
    client = httpx.Client(base_url=base_url, timeout=60, follow_redirects=False)
    login = csrf_of(client.get("/aanmelden").text)
    response = client.post("/aanmelden", data={"email": email, "password": PASSWORD, "csrf": login})
    assert response.status_code == 303, response.text
    form = save_form(client.get(SAVED).text)
    assert form.hidden["expected_version"] == "1"
    return Writer(email, client, form, renamed(form.document, f"Schrijver {index}"))


def csrf_of(page: str) -> str:
    """The CSRF token of the first form on `page`."""
    match = re.search(r'name="csrf" value="([^"]+)"', page)
    assert match is not None
    return match.group(1)


def test_writers_racing_from_version_1_against_a_real_server_get_one_303_and_the_rest_409(
    app: FastAPI, live_server: str
) -> None:
    writers = [_open_writer(live_server, index) for index in range(WRITERS)]
    start = threading.Barrier(WRITERS)

    def post(writer: Writer) -> None:
        start.wait()
        data = writer.form.post_data(writer.text, f"race {writer.email}")
        writer.response = writer.client.post(writer.form.action, data=data)

    threads = [threading.Thread(target=post, args=(writer,)) for writer in writers]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        for writer in writers:
            writer.client.close()
    statuses = [writer.response.status_code if writer.response else 0 for writer in writers]
    assert sorted(statuses) == [303] + [409] * (WRITERS - 1), statuses
    (winner,) = [writer for writer, status in zip(writers, statuses, strict=True) if status == 303]
    versions = stored(app)
    assert [(number, author) for number, author, *_ in versions] == [
        (1, "Anna Peeters"),
        (2, NAMES[winner.email]),
    ]
    assert versions[1][3] == yaml.safe_load(winner.text)
    with transaction(app.state.sessions) as session:
        assert get_initiative(session, BIK_ID).current_version == 2
    for loser in (writer for writer in writers if writer is not winner):
        assert loser.response is not None
        page = html.unescape(loser.response.text)
        assert f"{NAMES[winner.email]} bewaarde versie 2" in page
        kept = save_form(loser.response.text)
        assert kept.document == loser.text and kept.hidden["expected_version"] == "2"
