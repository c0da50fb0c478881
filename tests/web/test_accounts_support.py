"""Shared helpers of the account, saved-plan and export page tests (no tests of its own): an
app on its own migrated database with one account per role, and logging in through the form.

The accounts: two promoters of different organisations in different municipalities (Anna of
vzw BIK in Kortrijk, Bert of vzw Ander in Gent), a municipality account for each of those
municipalities, and an analyst.
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path
from typing import Any

from fastapi import FastAPI

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from httpx import Response

from klaverblad.store import create_user, ensure_organisation, transaction
from klaverblad.web import create_app
from tests.web.conftest import EXAMPLES, example_body, migrated_settings

PASSWORD = "klaverblad-2006"
ANNA, BERT = "anna@bik.be", "bert@ander.be"
KORTRIJK, GENT, ANALYST = "plannen@kortrijk.be", "plannen@gent.be", "ann@analyse.be"
BIK_ID = "bik-klusjesdienst"
ANDER_ID = "ander-gent"


def make_app(directory: Path, **settings: Any) -> FastAPI:
    """A new app on a new, migrated database in `directory`, with the accounts above."""
    app = create_app(migrated_settings(directory, **settings))
    with transaction(app.state.sessions) as session:
        bik = ensure_organisation(session, "vzw BIK", "Kortrijk")
        ander = ensure_organisation(session, "vzw Ander", "Gent")
        for email, name, role, organisation, municipality in (
            (ANNA, "Anna Peeters", "promoter", bik, None),
            (BERT, "Bert Claes", "promoter", ander, None),
            (KORTRIJK, "Stad Kortrijk", "municipality", None, "Kortrijk"),
            (GENT, "Stad Gent", "municipality", None, "Gent"),
            (ANALYST, "Ann Alist", "analyst", None, None),
        ):
            create_user(
                session,
                email=email,
                display_name=name,
                role=role,
                password=PASSWORD,
                organisation=organisation,
                municipality=municipality,
            )
    return app


def new_client(app: FastAPI) -> TestClient:
    """A browser of its own (its own cookies) on `app`."""
    return TestClient(app)


def csrf_token(client: TestClient, path: str = "/") -> str:
    """The visitor's CSRF token, read from a form on `path` (the header's or the page's)."""
    match = re.search(r'name="csrf" value="([^"]+)"', client.get(path).text)
    assert match is not None, f"no CSRF field on {path}"
    return match.group(1)


def log_in(
    client: TestClient, email: str, password: str = PASSWORD, next_path: str = ""
) -> Response:
    data = {"email": email, "password": password, "csrf": csrf_token(client, "/aanmelden")}
    if next_path:
        data["next"] = next_path
    return client.post("/aanmelden", data=data, follow_redirects=False)


def logged_in(app: FastAPI, email: str) -> TestClient:
    client = new_client(app)
    response = log_in(client, email)
    assert response.status_code == 303, response.text
    return client


def bik_text() -> str:
    """The BIK example file as it is written (YAML with comments)."""
    return (EXAMPLES / f"{BIK_ID}.yaml").read_text(encoding="utf-8")


def ander_text() -> str:
    """Another initiative, of a promoter in Gent: the BIK example with another id, name and
    promoter, as JSON."""
    data = example_body(EXAMPLES / f"{BIK_ID}.yaml")
    data["id"] = ANDER_ID
    data["name"] = "Buurtdiensten vzw Ander"
    data["promoter"] = {"name": "vzw Ander", "legal_form": "vzw", "municipality": "Gent"}
    return json.dumps(data)


def share_plan(client: TestClient, plan_id: str, action: str = "share") -> Response:
    """Press a sharing button of a saved plan: `share`, `revoke` or `renew`."""
    token = csrf_token(client, f"/plannen/{plan_id}")
    return client.post(
        f"/plannen/{plan_id}/delen",
        data={"action": action, "csrf": token},
        follow_redirects=False,
    )


def save_new(client: TestClient, text: str, note: str = "") -> Response:
    """Post `text` as a new plan from Mijn plannen."""
    token = csrf_token(client, "/mijn-plannen")
    return client.post(
        "/mijn-plannen",
        data={"document": text, "note": note, "csrf": token},
        follow_redirects=False,
    )
