"""The portfolio page: the examples for anonymous visitors, a user's own saved initiatives
when logged in (a municipality sees only its own), the sums per initiative, funder, leaf and
year, a reform's winners and losers, and a CSV under every table."""

from __future__ import annotations

import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from itsdangerous import URLSafeTimedSerializer

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from fastapi import FastAPI

from klaverblad.model.money import format_cents
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.plan.ledger import LEAVES
from klaverblad.rules.reforms import reformed_system
from klaverblad.store import create_user, ensure_organisation, save_initiative, transaction
from klaverblad.web import create_app
from klaverblad.web.routes.plans import examples
from klaverblad.web.settings import Settings
from klaverblad.web.words.portfolio import WORDS
from tests.web.conftest import EXAMPLES, example_body, migrated_settings
from tests.web.test_pages_compare import csv_links, read_csv, table_rows

BIK = "bik-klusjesdienst"
ANTWERPEN = "antwerpen-labour-for-neighbour"
BIK_NAME = "Klusjesdienst en buurtdiensten vzw BIK (Werk.waardig)"
ANTWERPEN_NAME = "Labour for Neighbour (Stad Antwerpen)"


def csv_of(client: TestClient, body: str, table: str) -> list[list[str]]:
    link = next(link for link in csv_links(body) if link.endswith(f"table={table}"))
    response = client.get(link)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    return read_csv(response.text)


def test_every_language_has_the_same_portfolio_words() -> None:
    assert WORDS["nl"].keys() == WORDS["en"].keys()


def test_an_anonymous_visitor_sees_the_examples_and_is_told_so(client: TestClient) -> None:
    body = client.get("/portefeuille").text
    assert "<h1>Portefeuille van de voorbeeldinitiatieven</h1>" in body
    assert 'data-source="examples"' in body and 'href="/aanmelden"' in body
    rows = table_rows(body, "initiatives")
    assert {example.initiative.name for example in examples().values()} <= set(rows)


def test_the_examples_portfolio_equals_each_plan_summed_to_the_cent(client: TestClient) -> None:
    # One simulation for all examples must give what compute_plan gives each one alone.
    body = client.get("/portefeuille").text
    rows = csv_of(client, body, "initiatives")
    header, *lines, total = rows
    assert header == [
        "initiative",
        "municipality",
        *(f"leaf_{leaf}" for leaf in LEAVES),
        "costs",
        "funding",
        "gap",
    ]
    plans = {key: compute_plan(example.initiative) for key, example in examples().items()}
    expected = [
        [
            key,
            plan.initiative.promoter.municipality,
            *(format_cents(plan.leaves[leaf]) for leaf in LEAVES),
            format_cents(plan.totals.costs_cents),
            format_cents(plan.totals.funding_cents),
            format_cents(plan.totals.gap_cents),
        ]
        for key, plan in plans.items()
    ]
    assert lines == expected
    assert total == [
        "total",
        "",
        *(format_cents(sum(p.leaves[leaf] for p in plans.values())) for leaf in LEAVES),
        format_cents(sum(p.totals.costs_cents for p in plans.values())),
        format_cents(sum(p.totals.funding_cents for p in plans.values())),
        format_cents(sum(p.totals.gap_cents for p in plans.values())),
    ]
    # Who funds what: the funders' total is the whole funding, year by year too.
    funders = csv_of(client, body, "funders")
    assert funders[-1][-1] == total[7]
    years = csv_of(client, body, "years")
    assert years[-1][5] == total[7]


def test_with_lde_koppeling_sine_only_bik_gains_2400(client: TestClient) -> None:
    # BIK is the only example with an lde recognition and a SINE worker (w1, FTE 1.0, 2
    # years): 2 × 1 200 = 2 400 more, all from the Flemish government, in leaf I.
    body = client.get("/portefeuille", params={"reform": "lde-koppeling-sine"}).text
    assert body.count('data-list="gaining"') == 1
    gaining = body.split('data-list="gaining"')[1].split('data-list="losing"')[0]
    assert BIK_NAME in gaining and "€\u00a02.400,00" in gaining
    assert "Geen enkel initiatief." in body.split('data-list="losing"')[1]
    changes = {row[0]: row[3] for row in csv_of(client, body, "reform_initiatives")[1:]}
    assert changes == {key: "0.00" for key in examples()} | {BIK: "2400.00", "total": "2400.00"}
    funders = {row[0]: row[3] for row in csv_of(client, body, "reform_funders")[1:]}
    assert funders["Vlaams"] == "2400.00"
    leaves = {row[0]: row[3] for row in csv_of(client, body, "reform_leaves")[1:]}
    assert leaves == {"I": "2400.00", "II": "0.00", "III": "0.00", "IV": "0.00", "total": "2400.00"}
    reformed = compute_plan(examples()[BIK].initiative, reformed_system(("lde-koppeling-sine",)))
    bik = next(row for row in csv_of(client, body, "reform_initiatives") if row[0] == BIK)
    assert bik[2] == format_cents(reformed.totals.funding_cents)


def test_every_csv_link_of_the_portfolio_parses(client: TestClient) -> None:
    body = client.get("/portefeuille", params={"reform": "sine-uitbreiding"}).text
    links = csv_links(body)
    assert len(links) == 7  # 3 tables of the portfolio, 4 of the reform
    for link in links:
        response = client.get(link)
        assert response.status_code == 200
        rows = read_csv(response.text)
        assert len(rows) >= 2 and len({len(row) for row in rows}) == 1
    assert client.get("/portefeuille/csv", params={"table": "reform_leaves"}).status_code == 404


def test_a_bad_parameter_change_is_a_422_naming_the_field(client: TestClient) -> None:
    response = client.get(
        "/portefeuille", params={"set": "sine.herinschakelingsuitkering.amount=x@2006-01"}
    )
    assert response.status_code == 422
    assert '<a href="#portefeuille-parameter">Parameterwijziging' in response.text
    assert 'aria-invalid="true"' in response.text
    assert 'data-table="initiatives"' not in response.text


def test_the_english_portfolio_works(client: TestClient) -> None:
    response = client.get("/en/portfolio", params={"reform": "lde-koppeling-sine"})
    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert "<h1>Portfolio of the example initiatives</h1>" in response.text
    assert all(link.startswith("/en/portfolio/csv?") for link in csv_links(response.text))


# --- Saved initiatives, seen by who may read them ------------------------------------------


@dataclass
class Accounts:
    app: FastAPI
    settings: Settings
    users: dict[str, int]

    def client_of(self, name: str) -> TestClient:
        """A client logged in as `name`, with the session cookie `security.remember` writes."""
        serializer = URLSafeTimedSerializer(self.settings.secret_key, salt="klaverblad.session")
        cookie = serializer.dumps({"c": "tok", "u": self.users[name], "t": time.time()})
        client = TestClient(self.app)
        client.cookies.set("kb_session", cookie)
        return client


@pytest.fixture(scope="module")
def accounts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Accounts]:
    settings = migrated_settings(Path(tmp_path_factory.mktemp("portfolio-db")))
    app = create_app(settings)
    users: dict[str, int] = {}
    with transaction(app.state.sessions) as session:
        analyst = create_user(
            session, email="a@example.be", display_name="A", role="analyst", password="x" * 12
        )
        for key in (BIK, ANTWERPEN):
            save_initiative(
                session, analyst, example_body(EXAMPLES / f"{key}.yaml"), expected_version=None
            )
        for name, municipality in (("kortrijk", "Kortrijk"), ("gent", "Gent")):
            user = create_user(
                session,
                email=f"{name}@example.be",
                display_name=name,
                role="municipality",
                municipality=municipality,
                password="x" * 12,
            )
            users[name] = user.id
        users["analyst"] = analyst.id
        # Saving BIK as the analyst made its promoter's organisation: a promoter of it.
        organisation = ensure_organisation(session, "vzw BIK", "Kortrijk")
        promoter = create_user(
            session,
            email="bik@example.be",
            display_name="BIK",
            role="promoter",
            organisation=organisation,
            password="x" * 12,
        )
        users["promoter"] = promoter.id
    yield Accounts(app, settings, users)


def test_a_municipality_sees_only_its_own_saved_initiatives(accounts: Accounts) -> None:
    client = accounts.client_of("kortrijk")
    body = client.get("/portefeuille").text
    assert "<h1>Portefeuille van Kortrijk</h1>" in body
    assert list(table_rows(body, "initiatives")) == [BIK_NAME, "Totaal"]
    assert ANTWERPEN_NAME not in body
    assert "<p>1 initiatief, met " in body  # one initiative: the singular
    assert 'data-source="examples"' not in body
    # Its CSV too: the same one initiative.
    assert [row[0] for row in csv_of(client, body, "initiatives")] == ["initiative", BIK, "total"]


def test_an_empty_portfolio_is_a_sentence_not_an_empty_table(accounts: Accounts) -> None:
    body = accounts.client_of("gent").get("/portefeuille").text
    assert "Er zijn nog geen opgeslagen initiatieven van Gent." in body
    assert "<table" not in body


def test_an_analyst_sees_every_municipality_and_can_filter(accounts: Accounts) -> None:
    client = accounts.client_of("analyst")
    body = client.get("/portefeuille").text
    assert "<h1>Portefeuille van alle gemeenten</h1>" in body
    assert set(table_rows(body, "initiatives")) == {BIK_NAME, ANTWERPEN_NAME, "Totaal"}
    assert '<label for="portefeuille-gemeente">Gemeente</label>' in body
    filtered = client.get("/portefeuille", params={"municipality": "Antwerpen"}).text
    assert "<h1>Portefeuille van Antwerpen</h1>" in filtered
    assert set(table_rows(filtered, "initiatives")) == {ANTWERPEN_NAME, "Totaal"}
    assert all("municipality=Antwerpen" in link for link in csv_links(filtered))
    unknown = client.get("/portefeuille", params={"municipality": "Brugge"})
    assert unknown.status_code == 422
    assert '<a href="#portefeuille-gemeente">Gemeente</a>' in unknown.text


def test_a_promoter_sees_its_organisations_initiatives(accounts: Accounts) -> None:
    body = accounts.client_of("promoter").get("/en/portfolio").text
    assert "<h1>Portfolio of vzw BIK</h1>" in body
    assert list(table_rows(body, "initiatives")) == [BIK_NAME, "Total"]
