"""A save posted after the login expired is not lost: the login page carries it and, once
logged in, the visitor confirms it on a page that shows the text again."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from klaverblad.store import history, transaction
from klaverblad.web import security
from tests.web.test_accounts_support import (
    ANNA,
    BIK_ID,
    PASSWORD,
    bik_text,
    csrf_token,
    logged_in,
    make_app,
    save_new,
)

HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')


def _hidden_fields(page: str) -> dict[str, str]:
    return {name: html.unescape(value) for name, value in HIDDEN.findall(page)}


def _one_minute_later(monkeypatch: pytest.MonkeyPatch) -> None:
    real_time = security.time.time

    class Later:
        @staticmethod
        def time() -> float:
            return real_time() + 61

    monkeypatch.setattr(security, "time", Later)


def _post_form(client: TestClient, page: str, action: str, **extra: str) -> tuple[int, str]:
    fields = {**_hidden_fields(page), **extra}
    response = client.post(action, data=fields, follow_redirects=False)
    return response.status_code, response.text


def test_a_new_version_posted_after_the_login_expired_is_saved_after_logging_in_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(tmp_path, session_seconds=60)
    client = logged_in(app, ANNA)
    assert save_new(client, bik_text()).status_code == 303
    token = csrf_token(client, f"/plannen/{BIK_ID}")
    changed = bik_text().replace("name: ", "name: Herzien — ", 1)
    _one_minute_later(monkeypatch)

    expired = client.post(
        f"/plannen/{BIK_ID}",
        data={"document": changed, "note": "na de pauze", "expected_version": "1", "csrf": token},
        follow_redirects=False,
    )
    assert expired.status_code == 401
    assert "nog niets bewaard" in expired.text
    carried = _hidden_fields(expired.text)
    assert carried["pending.document"] == changed
    assert carried["pending_action"] == f"/plannen/{BIK_ID}"
    with transaction(app.state.sessions) as session:
        assert [v.number for v in history(session, BIK_ID)] == [1]

    status, resumed = _post_form(client, expired.text, "/aanmelden", email=ANNA, password=PASSWORD)
    assert status == 200
    assert "Bewaren bevestigen" in resumed
    document = re.search(r"<textarea[^>]*>\n(.*?)</textarea>", resumed, re.DOTALL)
    assert document is not None and html.unescape(document[1]) == changed
    action = re.search(r'<form method="post" action="([^"]+)">', resumed.split("<main")[1])
    assert action is not None and action.group(1) == f"/plannen/{BIK_ID}"

    status, _ = _post_form(
        client, resumed.split("<main")[1], action.group(1), document=html.unescape(document[1])
    )
    assert status == 303
    with transaction(app.state.sessions) as session:
        versions = history(session, BIK_ID)
        assert [(v.number, v.note) for v in versions] == [(1, ""), (2, "na de pauze")]
        assert str(versions[1].document["name"]).startswith("Herzien — ")


def test_a_wrong_password_keeps_the_pending_save_in_the_login_form(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(tmp_path, session_seconds=60)
    client = logged_in(app, ANNA)
    token = csrf_token(client, "/mijn-plannen")
    _one_minute_later(monkeypatch)
    expired = client.post(
        "/mijn-plannen", data={"document": bik_text(), "csrf": token}, follow_redirects=False
    )
    assert expired.status_code == 401
    status, again = _post_form(client, expired.text, "/aanmelden", email=ANNA, password="fout")
    assert status == 422
    assert _hidden_fields(again)["pending.document"] == bik_text()


def test_a_pending_save_to_another_site_is_dropped(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    client = TestClient(app)
    token = csrf_token(client, "/aanmelden")
    response = client.post(
        "/aanmelden",
        data={
            "email": ANNA,
            "password": PASSWORD,
            "csrf": token,
            "pending_action": "https://elders.example/steel",
            "pending.document": "x",
        },
        follow_redirects=False,
    )
    # An address off this site is not a save to resume: the login goes on as usual.
    assert response.status_code == 303
    assert response.headers["location"] == "/mijn-plannen"
