"""Logging in and out, the login rate limit, the session cookie, and Mijn plannen (the list per
role and saving a new plan), through the pages as a browser uses them."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from klaverblad.web import security
from klaverblad.web.login_limits import ADDRESS_FAILURES, LoginLimiter
from klaverblad.web.words.accounts import ACCOUNT_WORDS
from klaverblad.web.words.saved import SAVED_WORDS
from tests.web.test_accounts_support import (
    ANALYST,
    ANDER_ID,
    ANNA,
    BERT,
    BIK_ID,
    GENT,
    KORTRIJK,
    PASSWORD,
    ander_text,
    bik_text,
    csrf_token,
    log_in,
    logged_in,
    make_app,
    new_client,
    save_new,
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    """One app for the module, with BIK's plan (Kortrijk) and vzw Ander's plan (Gent) saved."""
    app = make_app(tmp_path_factory.mktemp("accounts"))
    assert save_new(logged_in(app, ANNA), bik_text()).status_code == 303
    assert save_new(logged_in(app, BERT), ander_text()).status_code == 303
    return app


def error_summary(body: str) -> str:
    match = re.search(r'<div class="error-summary".*?</div>', body, re.S)
    assert match is not None, "no error summary"
    return html.unescape(match.group(0))


def test_every_language_has_the_same_account_and_saved_plan_words() -> None:
    assert ACCOUNT_WORDS["nl"].keys() == ACCOUNT_WORDS["en"].keys()
    assert SAVED_WORDS["nl"].keys() == SAVED_WORDS["en"].keys()


def test_the_login_page_has_labelled_fields_and_the_csrf_token(app: FastAPI) -> None:
    body = new_client(app).get("/aanmelden").text
    for field in ("veld-email", "veld-password"):
        assert f'<label for="{field}">' in body and f'id="{field}"' in body
    assert 'autocomplete="current-password"' in body and 'name="csrf"' in body


def test_logging_in_goes_to_next_and_shows_the_name(app: FastAPI) -> None:
    client = new_client(app)
    response = log_in(client, ANNA, next_path=f"/plannen/{BIK_ID}")
    assert response.status_code == 303
    assert response.headers["location"] == f"/plannen/{BIK_ID}"
    assert "Anna Peeters" in client.get("/").text


def test_without_next_a_login_goes_to_my_plans(app: FastAPI) -> None:
    response = log_in(new_client(app), ANNA)
    assert response.headers["location"] == "/mijn-plannen"


@pytest.mark.parametrize(
    "next_path", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "mijn-plannen"]
)
def test_next_must_be_a_path_on_this_site(app: FastAPI, next_path: str) -> None:
    response = log_in(new_client(app), ANNA, next_path=next_path)
    assert response.status_code == 303
    assert response.headers["location"] == "/mijn-plannen"


def test_a_wrong_password_and_an_unknown_address_get_the_same_message(app: FastAPI) -> None:
    wrong = log_in(new_client(app), ANNA, password="verkeerd-wachtwoord")
    unknown = log_in(new_client(app), "niemand@nergens.be", password="verkeerd-wachtwoord")
    assert wrong.status_code == unknown.status_code == 422
    assert error_summary(wrong.text) == error_summary(unknown.text)
    assert ACCOUNT_WORDS["nl"]["login_failed"] in error_summary(wrong.text)
    # The address typed stays in the field; the password never comes back.
    assert f'value="{ANNA}"' in wrong.text and "verkeerd-wachtwoord" not in wrong.text
    assert wrong.text.count('aria-invalid="true"') == 2


def test_an_empty_field_is_named_in_the_error_summary(app: FastAPI) -> None:
    client = new_client(app)
    response = client.post(
        "/en/login", data={"email": ANNA, "password": "", "csrf": csrf_token(client, "/en/login")}
    )
    assert response.status_code == 422
    assert '<a href="#veld-password">Password</a>: enter your password' in response.text


def test_the_sixth_attempt_within_15_minutes_is_refused_with_429(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    now = [1_000_000.0]
    app.state.login_limiter = LoginLimiter(clock=lambda: now[0])
    client = new_client(app)
    for minute in range(5):  # five failures, one a minute: 0..4
        now[0] = 1_000_000.0 + 60 * minute
        assert log_in(client, ANNA, password="fout-fout-fout").status_code == 422
    now[0] = 1_000_000.0 + 5 * 60
    blocked = log_in(client, ANNA)  # even the right password is refused now
    assert blocked.status_code == 429
    # The block lifts when the first failure (at 0) is 15 minutes old: 10 minutes from now.
    assert blocked.headers["retry-after"] == str(10 * 60)
    assert "over 10 minuten" in html.unescape(blocked.text)
    now[0] = 1_000_000.0 + 15 * 60
    assert log_in(client, ANNA).status_code == 303


def test_twenty_failures_from_one_address_block_guesses_at_other_accounts(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    app.state.login_limiter = LoginLimiter(clock=lambda: 5_000.0)
    client = new_client(app)
    for number in range(ADDRESS_FAILURES):
        assert log_in(client, f"gok{number}@nergens.be", password="x" * 8).status_code == 422
    assert log_in(client, BERT).status_code == 429


def test_logging_out_needs_the_csrf_token(app: FastAPI) -> None:
    client = logged_in(app, ANNA)
    refused = client.post("/afmelden", data={}, follow_redirects=False)
    assert refused.status_code == 403
    assert client.get("/mijn-plannen", follow_redirects=False).status_code == 200
    token = csrf_token(client, "/mijn-plannen")
    response = client.post("/afmelden", data={"csrf": token}, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/")
    assert client.get("/mijn-plannen", follow_redirects=False).status_code == 303


def test_the_session_cookie_is_httponly_and_samesite_lax(app: FastAPI) -> None:
    response = log_in(new_client(app), ANNA)
    cookie = response.headers["set-cookie"].lower()
    assert cookie.startswith("kb_session=")
    assert "httponly" in cookie and "samesite=lax" in cookie


def test_an_expired_login_is_treated_as_logged_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(tmp_path, session_seconds=60)
    client = logged_in(app, ANNA)
    assert client.get("/mijn-plannen", follow_redirects=False).status_code == 200
    real_time = security.time.time

    class Later:
        """The security module's clock, 61 seconds on: past the 60-second session."""

        @staticmethod
        def time() -> float:
            return real_time() + 61

    monkeypatch.setattr(security, "time", Later)
    response = client.get("/mijn-plannen", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/aanmelden?next=/mijn-plannen"
    assert "Anna Peeters" not in client.get("/").text


def test_my_plans_sends_anonymous_visitors_to_the_login_page(app: FastAPI) -> None:
    response = new_client(app).get("/en/my-plans", follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (
        303,
        "/en/login?next=/en/my-plans",
    )


def listed(client: TestClient) -> list[str]:
    return re.findall(r'<tr data-initiative="([^"]+)">', client.get("/mijn-plannen").text)


def test_each_role_sees_the_plans_it_may_read(app: FastAPI) -> None:
    # BIK's plan is Kortrijk's (promoter vzw BIK), vzw Ander's is Gent's.
    assert listed(logged_in(app, ANNA)) == [BIK_ID]
    assert listed(logged_in(app, BERT)) == [ANDER_ID]
    assert listed(logged_in(app, KORTRIJK)) == [BIK_ID]
    assert listed(logged_in(app, GENT)) == [ANDER_ID]
    assert listed(logged_in(app, ANALYST)) == [ANDER_ID, BIK_ID]


def test_my_plans_shows_version_author_and_links(app: FastAPI) -> None:
    body = logged_in(app, KORTRIJK).get("/mijn-plannen").text
    row = re.search(rf'<tr data-initiative="{BIK_ID}">.*?</tr>', body, re.S)
    assert row is not None
    assert f'href="/plannen/{BIK_ID}"' in row.group(0)
    assert f'href="/plannen/{BIK_ID}/export/pdf"' in row.group(0)
    assert '<td class="amount">1</td>' in row.group(0) and "Anna Peeters" in row.group(0)
    # A municipality account reads but does not save: no new-plan form.
    assert 'action="/mijn-plannen"' not in body


def test_my_plans_has_a_csv_of_its_table(app: FastAPI) -> None:
    response = logged_in(app, ANALYST).get("/mijn-plannen/csv")
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    lines = response.text.removeprefix("\ufeff").splitlines()
    assert lines[0] == "id,name,promoter,municipality,version,changed_at,author"
    assert [line.split(",")[0] for line in lines[1:]] == [ANDER_ID, BIK_ID]


def test_an_invalid_document_gives_422_with_field_paths_and_keeps_the_text(app: FastAPI) -> None:
    broken = bik_text().replace("months: 24", "months: twee jaar", 1)
    assert broken != bik_text()
    response = save_new(logged_in(app, ANNA), broken)
    assert response.status_code == 422
    assert '<code class="path">horizon.months</code>' in response.text
    textarea = re.search(r'<textarea id="veld-document"[^>]*>(.*?)</textarea>', response.text, re.S)
    assert textarea is not None
    assert html.unescape(textarea.group(1)).removeprefix("\n") == broken


def test_saving_an_id_that_is_already_saved_says_so_and_keeps_the_text(app: FastAPI) -> None:
    response = save_new(logged_in(app, ANNA), bik_text())
    assert response.status_code == 409
    assert ACCOUNT_WORDS["nl"]["id_exists"] in html.unescape(response.text)
    assert f'href="/plannen/{BIK_ID}"' in response.text
    assert "Werk.waardig" in response.text  # the text is still in the form


def test_an_id_of_another_organisation_gets_the_same_answer_as_an_id_of_ones_own(
    app: FastAPI,
) -> None:
    """Whether another organisation uses an id cannot be told from the answer."""
    theirs = save_new(logged_in(app, BERT), bik_text())
    own = save_new(logged_in(app, ANNA), bik_text())
    assert theirs.status_code == own.status_code == 409
    assert error_summary(theirs.text) == error_summary(own.text)
    assert ACCOUNT_WORDS["nl"]["id_exists"] in html.unescape(theirs.text)
    # The link in it is the same 404 for Bert as any plan he may not read: nothing is shown.
    assert logged_in(app, BERT).get(f"/plannen/{BIK_ID}").status_code == 404


def test_a_municipality_account_cannot_save_a_new_plan(app: FastAPI) -> None:
    response = save_new(logged_in(app, GENT), ander_text().replace(ANDER_ID, "gent-eigen"))
    assert response.status_code == 403
    assert "gent-eigen" in response.text  # kept, to copy
    assert listed(logged_in(app, ANALYST)) == [ANDER_ID, BIK_ID]


def test_the_password_is_not_stored_in_the_cookie(app: FastAPI) -> None:
    response = log_in(new_client(app), ANNA)
    assert PASSWORD not in response.headers["set-cookie"]
