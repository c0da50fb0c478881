"""People and activities may have a name (`name`, optional): the owner's pages and the alerts
call them by it; a share link calls people by their id, because a name is personal data."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.web.test_accounts_support import (
    ANNA,
    BIK_ID,
    bik_text,
    logged_in,
    make_app,
    new_client,
    save_new,
    share_plan,
)

NAME = "Fatima Ouali"
ACTIVITY = "Klussen bij mensen thuis"


def named_bik() -> str:
    """BIK with a name for w2 and for its first activity."""
    text = bik_text()
    assert "  - id: w2\n" in text and "  - id: klussen\n" in text
    text = text.replace("  - id: w2\n", f"  - id: w2\n    name: {NAME}\n", 1)
    return text.replace("  - id: klussen\n", f"  - id: klussen\n    name: {ACTIVITY}\n", 1)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    return make_app(Path(tmp_path_factory.mktemp("names")))


@pytest.fixture(scope="module")
def anna(app: FastAPI) -> TestClient:
    client = logged_in(app, ANNA)
    assert save_new(client, named_bik()).status_code == 303
    return client


def test_the_owners_page_calls_the_person_and_the_activity_by_their_names(
    anna: TestClient,
) -> None:
    page = anna.get(f"/plannen/{BIK_ID}").text
    assert NAME in page and ACTIVITY in page


def test_a_share_link_and_its_downloads_call_the_person_by_the_id(
    app: FastAPI, anna: TestClient
) -> None:
    share_plan(anna, BIK_ID)
    link = anna.get(f"/plannen/{BIK_ID}").text.split('class="share-link" href="', 1)[1]
    shared = link.split('"', 1)[0]
    visitor = new_client(app)
    page = visitor.get(shared)
    assert page.status_code == 200 and NAME not in page.text
    assert "w2" in page.text
    for fmt in ("csv", "yaml", "xlsx"):
        body = visitor.get(f"{shared}/export/{fmt}")
        assert body.status_code == 200, fmt
        assert NAME.encode() not in body.content, fmt
    pdf = visitor.get(f"{shared}/export/pdf")
    assert pdf.status_code == 200
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf.content)).pages)
    assert NAME not in text
