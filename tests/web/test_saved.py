"""The saved plan page: versions, history, restore, optimistic locking (409 without losing a
save), CSRF, share links, and who may open what."""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response

from klaverblad.store import get_version, history, transaction
from klaverblad.web.words.saved import SAVED_WORDS
from tests.web.test_accounts_support import (
    ANALYST,
    ANDER_ID,
    ANNA,
    BERT,
    BIK_ID,
    GENT,
    KORTRIJK,
    ander_text,
    bik_text,
    csrf_token,
    logged_in,
    make_app,
    new_client,
    save_new,
    share_plan,
)

_NUMBERS = itertools.count(1)
FIRST_NAME = "Klusjesdienst en buurtdiensten vzw BIK (Werk.waardig)"


@dataclass(frozen=True)
class Plan:
    """A copy of BIK's plan under an id of its own, saved by Anna as version 1 (note "eerste")."""

    id: str

    @property
    def saved(self) -> str:
        return f"/plannen/{self.id}"

    @property
    def restore(self) -> str:
        return f"/plannen/{self.id}/herstellen"

    def text(self, name: str = FIRST_NAME) -> str:
        """BIK's file under this id, with another name: a change one can see on a version."""
        text = bik_text().replace(f"id: {BIK_ID}", f"id: {self.id}", 1)
        return text.replace(f"name: {FIRST_NAME}", f"name: {name}", 1)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    return make_app(tmp_path_factory.mktemp("saved"))


@pytest.fixture(scope="module")
def anna(app: FastAPI) -> TestClient:
    return logged_in(app, ANNA)


@pytest.fixture
def plan(anna: TestClient) -> Plan:
    """A new plan per test, so that its versions count from 1."""
    plan = Plan(f"bik-{next(_NUMBERS)}")
    assert plan.text("Versie twee") != plan.text()
    assert save_new(anna, plan.text(), note="eerste").status_code == 303
    return plan


def stored_versions(app: FastAPI, plan: Plan) -> list[tuple[int, str, str]]:
    """(number, name, note) of every saved version of the plan."""
    with transaction(app.state.sessions) as session:
        return [(v.number, v.document["name"], v.note) for v in history(session, plan.id)]


def save_version(
    client: TestClient, plan: Plan, text: str, expected: int | str, note: str = ""
) -> Response:
    token = csrf_token(client, "/")
    data = {"document": text, "expected_version": str(expected), "note": note, "csrf": token}
    return client.post(plan.saved, data=data, follow_redirects=False)


def restore(client: TestClient, plan: Plan, number: int, expected: int) -> Response:
    data = {"version": str(number), "expected_version": str(expected), "csrf": csrf_token(client)}
    return client.post(plan.restore, data=data, follow_redirects=False)


def history_numbers(body: str) -> list[str]:
    return re.findall(r'<tr data-version="(\d+)">', body)


def test_saving_again_makes_version_2_and_the_history_shows_both(
    app: FastAPI, anna: TestClient, plan: Plan
) -> None:
    response = save_version(anna, plan, plan.text("Versie twee"), 1, note="nieuwe prijzen")
    assert response.status_code == 303 and response.headers["location"] == plan.saved
    assert stored_versions(app, plan) == [
        (1, FIRST_NAME, "eerste"),
        (2, "Versie twee", "nieuwe prijzen"),
    ]
    body = anna.get(plan.saved).text
    assert "Versie twee" in body and "versie 2 van 2" in body
    assert history_numbers(body) == ["1", "2"]
    for note in ("eerste", "nieuwe prijzen"):
        assert f"<td>{note}</td>" in body
    assert body.count("<td>Anna Peeters</td>") == 2
    # Version 1 can be restored; the current version 2 cannot.
    assert 'name="version" value="1"' in body and 'name="version" value="2"' not in body


def test_restoring_version_1_makes_version_3_with_its_content(
    app: FastAPI, anna: TestClient, plan: Plan
) -> None:
    save_version(anna, plan, plan.text("Versie twee"), 1)
    response = restore(anna, plan, 1, expected=2)
    assert (response.status_code, response.headers["location"]) == (303, plan.saved)
    with transaction(app.state.sessions) as session:
        first, third = get_version(session, plan.id, 1), get_version(session, plan.id, 3)
        assert third.document == first.document and third.note == "restored version 1"
    body = anna.get(plan.saved).text
    assert history_numbers(body) == ["1", "2", "3"]
    assert FIRST_NAME in html.unescape(body)


def test_an_old_version_is_shown_read_only_with_its_own_downloads(
    anna: TestClient, plan: Plan
) -> None:
    save_version(anna, plan, plan.text("Versie twee"), 1)
    body = anna.get(f"{plan.saved}?version=1").text
    assert "Werk.waardig" in body and "versie 1 van 2" in body
    assert "een oudere versie (alleen lezen)" in body
    assert f'href="{plan.saved}/export/pdf?version=1"' in body
    assert 'id="veld-document"' not in body  # no save form on an old version
    assert anna.get(f"{plan.saved}?version=9").status_code == 404
    assert anna.get(f"{plan.saved}?version=een").status_code == 404


def test_a_stale_save_gets_409_with_both_versions_and_loses_nothing(
    app: FastAPI, anna: TestClient, plan: Plan
) -> None:
    analyst = logged_in(app, ANALYST)
    assert save_version(analyst, plan, plan.text("Van de analist"), 1).status_code == 303
    mine = plan.text("Van Anna")
    response = save_version(anna, plan, mine, 1, note="mijn wijziging")
    assert response.status_code == 409
    body = html.unescape(response.text)
    assert "Ann Alist bewaarde versie 2" in body and "nadat jij versie 1 opende" in body
    theirs = re.search(r'<textarea id="veld-hun-versie"[^>]*>(.*?)</textarea>', body, re.S)
    yours = re.search(r'<textarea id="veld-document"[^>]*>(.*?)</textarea>', body, re.S)
    assert theirs is not None and yours is not None
    assert yaml.safe_load(theirs.group(1))["name"] == "Van de analist"
    assert yours.group(1).removeprefix("\n") == mine
    assert 'name="expected_version" value="2"' in body and 'value="mijn wijziging"' in body
    # Nothing of Anna's was written; saving her text again on top of version 2 works.
    assert [v[:2] for v in stored_versions(app, plan)] == [(1, FIRST_NAME), (2, "Van de analist")]
    assert save_version(anna, plan, mine, 2, note="mijn wijziging").status_code == 303
    assert stored_versions(app, plan)[-1] == (3, "Van Anna", "mijn wijziging")


def test_a_stale_restore_gets_409_and_offers_the_restore_again(
    app: FastAPI, anna: TestClient, plan: Plan
) -> None:
    save_version(anna, plan, plan.text("Versie twee"), 1)
    save_version(logged_in(app, ANALYST), plan, plan.text("Versie drie"), 2)
    response = restore(anna, plan, 1, expected=2)
    assert response.status_code == 409
    assert "Versie 1 is niet hersteld" in html.unescape(response.text)
    assert 'name="expected_version" value="3"' in response.text
    assert len(stored_versions(app, plan)) == 3


@pytest.mark.parametrize("where", ["mine", "saved", "restore"])
def test_a_form_without_the_csrf_token_is_refused_with_403_and_nothing_is_saved(
    app: FastAPI, anna: TestClient, plan: Plan, where: str
) -> None:
    forged_id = f"{plan.id}-vervalst"
    forged = {
        "mine": ("/mijn-plannen", {"document": plan.text().replace(plan.id, forged_id)}),
        "saved": (plan.saved, {"document": plan.text("Vervalst"), "expected_version": "1"}),
        "restore": (plan.restore, {"version": "1", "expected_version": "1"}),
    }
    path, data = forged[where]
    for token in (None, "een-ander-token"):
        sent = data if token is None else {**data, "csrf": token}
        response = anna.post(path, data=sent, follow_redirects=False)
        assert response.status_code == 403
        assert "Dit formulier is verlopen" in response.text
    assert len(stored_versions(app, plan)) == 1
    assert f'data-initiative="{forged_id}"' not in anna.get("/mijn-plannen").text


def test_a_save_that_changes_the_id_is_refused_with_422(
    app: FastAPI, anna: TestClient, plan: Plan
) -> None:
    other = plan.text().replace(f"id: {plan.id}", "id: een-ander-plan", 1)
    response = save_version(anna, plan, other, 1)
    assert response.status_code == 422
    body = html.unescape(response.text)
    assert f"<code class=\"path\">id</code>: moet '{plan.id}' blijven" in body
    assert "id: een-ander-plan" in body
    assert len(stored_versions(app, plan)) == 1


def test_an_invalid_new_version_gives_422_naming_the_field(anna: TestClient, plan: Plan) -> None:
    response = save_version(anna, plan, plan.text().replace("months: 24", "months: -3", 1), 1)
    assert response.status_code == 422
    assert '<code class="path">horizon.months</code>' in response.text
    assert 'aria-invalid="true"' in response.text


def test_the_share_link_opens_without_login(app: FastAPI, anna: TestClient, plan: Plan) -> None:
    assert share_plan(anna, plan.id).status_code == 303
    body = anna.get(plan.saved).text
    match = re.search(r'<a class="share-link" href="(/gedeeld/(\w+))">', body)
    assert match is not None
    link, token = match.groups()
    assert len(token) == 10
    response = new_client(app).get(link)
    assert response.status_code == 200
    assert "Werk.waardig" in response.text and SAVED_WORDS["nl"]["shared_notice"] in response.text
    assert f'href="/gedeeld/{token}/export/pdf"' in response.text
    assert SAVED_WORDS["nl"]["open_saved"] not in response.text  # only for those who may read it
    assert SAVED_WORDS["nl"]["open_saved"] in anna.get(link).text
    assert new_client(app).get("/gedeeld/AAAAAAAAAA").status_code == 404


def test_the_share_link_never_takes_its_host_from_the_request(anna: TestClient, plan: Plan) -> None:
    share_plan(anna, plan.id)
    body = anna.get(plan.saved, headers={"host": "evil.example"}).text
    assert "evil.example" not in body
    assert re.search(r'<a class="share-link" href="/gedeeld/\w{10}">', body)


def test_the_share_link_starts_with_the_configured_base_url(tmp_path: Path) -> None:
    app = make_app(tmp_path, base_url="https://klaverblad.example.be")
    anna = logged_in(app, ANNA)
    assert save_new(anna, bik_text()).status_code == 303
    share_plan(anna, BIK_ID)
    body = anna.get(f"/en/plans/{BIK_ID}", headers={"host": "evil.example"}).text
    found = re.search(r'<a class="share-link" href="([^"]+)">', body)
    assert found is not None
    assert re.fullmatch(r"https://klaverblad\.example\.be/en/shared/\w{10}", found.group(1))


def test_another_organisations_plan_is_the_same_404_as_a_missing_one(
    app: FastAPI, plan: Plan
) -> None:
    bert = logged_in(app, BERT)
    missing = bert.get("/plannen/bestaat-niet")
    hidden = bert.get(plan.saved)
    assert missing.status_code == hidden.status_code == 404
    assert missing.text == hidden.text
    for export in ("export/pdf", "export/yaml", "export/csv?table=history"):
        response = bert.get(f"{plan.saved}/{export}")
        assert response.status_code == 404 and response.text == missing.text
    # Nor may Bert save or restore it: the same 404, nothing written.
    assert save_version(bert, plan, plan.text("Van Bert"), 1).status_code == 404
    assert restore(bert, plan, 1, expected=1).status_code == 404
    assert len(stored_versions(app, plan)) == 1
    # Bert's own plan opens.
    assert save_new(bert, ander_text()).status_code == 303
    assert bert.get(f"/plannen/{ANDER_ID}").status_code == 200


def test_a_municipality_user_may_read_but_not_save_or_restore(app: FastAPI, plan: Plan) -> None:
    kortrijk = logged_in(app, KORTRIJK)  # the plan's promoter is in Kortrijk
    body = kortrijk.get(plan.saved).text
    assert "Werk.waardig" in body and SAVED_WORDS["nl"]["read_only"] in body
    assert plan.restore not in body
    assert save_version(kortrijk, plan, plan.text("Van de stad"), 1).status_code == 403
    assert restore(kortrijk, plan, 1, expected=1).status_code == 403
    assert len(stored_versions(app, plan)) == 1
    assert logged_in(app, GENT).get(plan.saved).status_code == 404  # another municipality's


def test_the_saved_page_sends_anonymous_visitors_to_the_login_page(
    app: FastAPI, plan: Plan
) -> None:
    response = new_client(app).get(f"{plan.saved}?version=1", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/aanmelden?next={plan.saved}%3Fversion%3D1"
    export = new_client(app).get(f"/en/plans/{plan.id}/export/pdf", follow_redirects=False)
    assert export.headers["location"] == f"/en/login?next=/en/plans/{plan.id}/export/pdf"


def test_the_history_has_its_csv(anna: TestClient, plan: Plan) -> None:
    save_version(anna, plan, plan.text("Versie twee"), 1, note="tweede, met komma")
    response = anna.get(f"{plan.saved}/export/csv?table=history")
    assert response.headers["content-disposition"] == (
        f'attachment; filename="{plan.id}-history.csv"'
    )
    lines = response.text.removeprefix("\ufeff").splitlines()
    assert lines[0] == "version,saved_at,author,note"
    assert lines[1].startswith("1,") and lines[1].endswith(",Anna Peeters,eerste")
    assert lines[2].endswith(',Anna Peeters,"tweede, met komma"')


def test_the_wizard_form_carries_the_version_and_its_document(anna: TestClient, plan: Plan) -> None:
    body = anna.get(plan.saved).text
    wizard_form = r'<form method="post" action="/nieuw" class="plan-actions">.*?</form>'
    form = re.search(wizard_form, body, re.S)
    assert form is not None
    assert 'name="expected_version" value="1"' in form.group(0)
    document = re.search(r'name="document" value="([^"]*)"', form.group(0))
    assert document is not None and f'"id":"{plan.id}"' in html.unescape(document.group(1))
