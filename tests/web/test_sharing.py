"""Private by default: saving never shares; an editor shares a plan with an explicit button,
revokes and renews its link; the shared page and every download of it show the people without
birth date, diploma or benefit status, while the owner's own page keeps them."""

from __future__ import annotations

import copy
import html
import io
import re
from datetime import date

import pypdf
import pytest
import yaml
from fastapi import FastAPI
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from klaverblad.locale import day
from klaverblad.report.redaction import KEPT_FIELDS
from klaverblad.store import get_version, transaction
from klaverblad.web.words.saved import SAVED_WORDS
from tests.web.test_accounts_support import (
    ANNA,
    BERT,
    BIK_ID,
    KORTRIJK,
    bik_text,
    csrf_token,
    logged_in,
    make_app,
    new_client,
    save_new,
    share_plan,
)

NL = SAVED_WORDS["nl"]
SAVED = f"/plannen/{BIK_ID}"
LINK = re.compile(r'<a class="share-link" href="/gedeeld/(\w{10})">')
# The people of examples/bik-klusjesdienst.yaml: w1, w2, w3, w4, s1.
BIRTH_DATES = [
    date(1968, 3, 15),
    date(1980, 5, 10),
    date(1983, 6, 1),
    date(1975, 9, 1),
    date(1970, 2, 1),
]
DIPLOMAS = ("lager_secundair", "hoger_secundair")
# w2's benefit status, as the file writes it and as an explanation's inputs show it.
FAILED_CONDITIONS = ("laaggeschoold", "low-skilled", "Low-skilled")
STATUS_SHOWN = re.compile(r"status\W{0,20}(leefloon|uvw)", re.I)


def birth_date_forms(born: date) -> list[str]:
    """The ways a page or file could write a birth date."""
    return [
        born.isoformat(),
        day(born, "nl"),
        day(born, "en"),
        born.strftime("%d/%m/%Y"),
        f"{born.day}/{born.month:02d}/{born.year}",
    ]


def personal_data_in(text: str) -> list[str]:
    """Every birth date, diploma and benefit status of BIK's people found in `text`."""
    found = [form for born in BIRTH_DATES for form in birth_date_forms(born) if form in text]
    found += [diploma for diploma in DIPLOMAS if diploma in text]
    found += [match.group(0) for match in STATUS_SHOWN.finditer(text)]
    # The conditions a person fails say what their diploma or benefit is: w4 is not
    # low-skilled (an alert on the owner's page says so).
    found += [word for word in FAILED_CONDITIONS if word in text]
    return found


def page_text(body: str) -> str:
    """A page's text and attribute values (hidden fields included), markup left out."""
    values = " ".join(re.findall(r'value="([^"]*)"', body))
    return html.unescape(re.sub(r"<[^>]+>", " ", body) + " " + values)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    return make_app(tmp_path_factory.mktemp("sharing"))


@pytest.fixture(scope="module")
def anna(app: FastAPI) -> TestClient:
    client = logged_in(app, ANNA)
    assert save_new(client, bik_text()).status_code == 303
    return client


def current_token(anna: TestClient) -> str | None:
    found = LINK.search(anna.get(SAVED).text)
    return None if found is None else found.group(1)


def test_saving_does_not_share_and_offers_the_share_button_with_its_warning(
    anna: TestClient,
) -> None:
    share_plan(anna, BIK_ID, "revoke")  # whatever the tests before did
    body = anna.get(SAVED).text
    assert LINK.search(body) is None and "/gedeeld/" not in body
    assert NL["share_private"] in body and NL["share_warning"] in body
    assert f">{NL['share_button']}</button>" in body
    assert "Iedereen met de link kan dit plan lezen, zonder persoonsgegevens" in body


def test_a_shared_link_opens_in_a_fresh_client_and_revoking_makes_it_404(
    app: FastAPI, anna: TestClient
) -> None:
    assert share_plan(anna, BIK_ID).status_code == 303
    token = current_token(anna)
    assert token is not None
    body = anna.get(SAVED).text
    assert f">{NL['share_revoke']}</button>" in body and f">{NL['share_renew']}</button>" in body
    visitor = new_client(app)
    assert visitor.get(f"/gedeeld/{token}").status_code == 200
    assert visitor.get(f"/en/shared/{token}/export/yaml").status_code == 200

    assert share_plan(anna, BIK_ID, "revoke").status_code == 303
    assert current_token(anna) is None
    assert visitor.get(f"/gedeeld/{token}").status_code == 404
    assert visitor.get(f"/gedeeld/{token}/export/csv").status_code == 404


def test_renewing_gives_a_new_link_and_the_old_one_answers_404(
    app: FastAPI, anna: TestClient
) -> None:
    share_plan(anna, BIK_ID)
    old = current_token(anna)
    assert share_plan(anna, BIK_ID, "renew").status_code == 303
    new = current_token(anna)
    assert old is not None and new is not None and new != old
    visitor = new_client(app)
    assert visitor.get(f"/gedeeld/{old}").status_code == 404
    assert visitor.get(f"/gedeeld/{new}").status_code == 200


def test_only_an_editor_may_share_revoke_or_renew(app: FastAPI, anna: TestClient) -> None:
    share_plan(anna, BIK_ID)
    token = current_token(anna)
    kortrijk = logged_in(app, KORTRIJK)  # reads Kortrijk's plans, edits none
    body = kortrijk.get(SAVED).text
    assert f'/gedeeld/{token}"' in body
    assert NL["share_revoke"] not in body and NL["share_renew"] not in body
    for action in ("share", "revoke", "renew"):
        assert share_plan(kortrijk, BIK_ID, action).status_code == 403
    bert = logged_in(app, BERT)  # another organisation: its plan is as if there were none
    assert share_plan(bert, BIK_ID, "revoke").status_code == 404
    anonymous = new_client(app)
    csrf = csrf_token(anonymous, "/aanmelden")
    answer = anonymous.post(
        f"{SAVED}/delen", data={"action": "revoke", "csrf": csrf}, follow_redirects=False
    )
    assert answer.status_code == 303 and answer.headers["location"].startswith("/aanmelden")
    assert current_token(anna) == token


def test_a_share_button_without_its_csrf_token_changes_nothing(
    app: FastAPI, anna: TestClient
) -> None:
    share_plan(anna, BIK_ID)
    token = current_token(anna)
    response = anna.post(f"{SAVED}/delen", data={"action": "revoke"}, follow_redirects=False)
    assert response.status_code == 403
    assert current_token(anna) == token


def test_an_unknown_share_action_is_refused(anna: TestClient) -> None:
    csrf = re.search(r'name="csrf" value="([^"]+)"', anna.get(SAVED).text)
    assert csrf is not None
    response = anna.post(f"{SAVED}/delen", data={"action": "publish", "csrf": csrf.group(1)})
    assert response.status_code == 400


@pytest.fixture(scope="module")
def shared_token(anna: TestClient) -> str:
    share_plan(anna, BIK_ID)
    token = current_token(anna)
    assert token is not None
    return token


def test_the_owners_page_shows_the_personal_data(anna: TestClient) -> None:
    """The check below finds what it looks for: the owner's page has all of it."""
    found = personal_data_in(page_text(anna.get(SAVED).text))
    assert any("1980" in item for item in found)  # w2's birth date
    assert set(DIPLOMAS) <= set(found)
    assert any("leefloon" in item for item in found)


@pytest.mark.parametrize("language_path", ["/gedeeld", "/en/shared"])
def test_the_shared_page_shows_people_without_personal_data(
    app: FastAPI, shared_token: str, language_path: str
) -> None:
    response = new_client(app).get(f"{language_path}/{shared_token}")
    assert response.status_code == 200
    assert personal_data_in(page_text(response.text)) == []
    # The people are there: role, statute, FTE, wage cost, age band and target group.
    table = re.search(r'<table class="shared-people">.*?</table>', response.text, re.S)
    assert table is not None
    rows = re.findall(r"<tr>\s*<th scope=\"row\">(\w+)</th>(.*?)</tr>", table.group(0), re.S)
    assert [person for person, _ in rows] == ["w1", "w2", "w3", "w4", "s1"]
    cells = {person: re.findall(r"<td[^>]*>([^<]*)</td>", row) for person, row in rows}
    if language_path == "/gedeeld":
        # w1 born 1968-03-15, starts 2006-01: 37; w3 born 1983-06-01: 22; s1 1970-02-01: 35.
        assert cells["w1"][-2:] == ["25–44", "ja"]
        assert cells["w3"][-2:] == ["jonger dan 25", "ja"]
        assert cells["s1"][-2:] == ["25–44", "nee"]
        assert cells["w2"][2:4] == ["1", "€\xa02.000,00"]
    else:
        assert cells["w3"][-2:] == ["under 25", "yes"]


def test_the_shared_explanations_keep_the_plan_inputs_but_not_the_personal_ones(
    app: FastAPI, shared_token: str
) -> None:
    body = new_client(app).get(f"/gedeeld/{shared_token}").text
    # The inputs of the boxes (the rules' own words may name the leefloon amount).
    inputs = " ".join(re.findall(r'<ul class="inputs">(.*?)</ul>', body, re.S))
    assert "loonkost" in inputs and "VTE" in inputs
    assert "leeftijdsgroep bij de start: 25–44" in inputs
    for personal in ("geboren", "diploma", "werkloos", "leefloon", "uitkering"):
        assert personal not in inputs, personal


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "csv", "yaml"])
def test_every_download_of_the_shared_plan_is_without_personal_data(
    app: FastAPI, shared_token: str, fmt: str
) -> None:
    response = new_client(app).get(f"/gedeeld/{shared_token}/export/{fmt}")
    assert response.status_code == 200
    if fmt == "pdf":
        reader = pypdf.PdfReader(io.BytesIO(response.content))
        text = "\n".join(page.extract_text() for page in reader.pages)
    elif fmt == "xlsx":
        workbook = load_workbook(io.BytesIO(response.content))
        text = "\n".join(
            str(cell)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if cell is not None
        )
    else:
        text = response.text
    assert text.strip() and "w2" in text
    assert personal_data_in(text) == []


def test_the_shared_yaml_is_a_redacted_document(app: FastAPI, shared_token: str) -> None:
    text = new_client(app).get(f"/gedeeld/{shared_token}/export/yaml").text
    assert text.startswith("# Gedeeld plan zonder persoonsgegevens")
    document = yaml.safe_load(text)
    assert document["id"] == BIK_ID and len(document["activities"]) == 4
    for person in document["people"]:
        assert set(person) <= {*KEPT_FIELDS, "age_band", "target_group"}
    w2 = document["people"][1]
    # Born 1980-05-10, starts 2006-01: 25 at the start.
    assert (w2["id"], w2["age_band"], w2["target_group"]) == ("w2", "25_44", True)
    assert "leefloon" not in text and "birth_date:" not in text and "diploma:" not in text


def test_the_owners_yaml_keeps_everything(anna: TestClient) -> None:
    text = anna.get(f"{SAVED}/export/yaml").text
    assert yaml.safe_load(text)["people"][1]["status"] == "leefloon"


def test_editing_the_shared_plan_in_the_wizard_sends_no_personal_data_and_no_error(
    app: FastAPI, shared_token: str
) -> None:
    visitor = new_client(app)
    body = visitor.get(f"/gedeeld/{shared_token}").text
    form = re.search(r'<input type="hidden" name="document" value="([^"]*)"', body)
    csrf = re.search(r'name="csrf" value="([^"]+)"', body)
    assert form is not None and csrf is not None
    assert personal_data_in(html.unescape(form.group(1))) == []
    answer = visitor.post(
        "/nieuw", data={"document": html.unescape(form.group(1)), "csrf": csrf.group(1)}
    )
    assert answer.status_code in (200, 422)


def test_the_comparison_opened_from_a_share_link_shows_no_personal_data(
    app: FastAPI, shared_token: str
) -> None:
    visitor = new_client(app)
    page = visitor.get(f"/gedeeld/{shared_token}").text
    links = re.findall(r'href="(/vergelijken\?shared=[^"#]+)', page)
    assert links
    for link in links:
        response = visitor.get(html.unescape(link))
        assert response.status_code == 200
        assert personal_data_in(page_text(response.text)) == [], link


def test_a_shared_plan_that_no_longer_reads_shows_no_problem_that_quotes_a_person(
    app: FastAPI, anna: TestClient
) -> None:
    plan_id = "bik-ongeldig"
    text = bik_text().replace(f"id: {BIK_ID}", f"id: {plan_id}", 1)
    assert save_new(anna, text).status_code == 303
    share_plan(anna, plan_id)
    found = re.search(r'href="/gedeeld/(\w{10})"', anna.get(f"/plannen/{plan_id}").text)
    assert found is not None
    with transaction(app.state.sessions) as session:
        stored = get_version(session, plan_id)
        document = copy.deepcopy(stored.document)
        document["people"][1]["birth_date"] = "1980-02-30"  # a day that does not exist
        stored.document = document
    visitor = new_client(app)
    page = visitor.get(f"/gedeeld/{found.group(1)}")
    assert page.status_code == 422
    assert NL["shared_invalid"] in page.text and "1980-02-30" not in page.text
    file = visitor.get(f"/gedeeld/{found.group(1)}/export/yaml")
    assert file.status_code == 200 and "1980" not in file.text
    assert yaml.safe_load(file.text)["people"][1]["age_band"] == "unknown"
