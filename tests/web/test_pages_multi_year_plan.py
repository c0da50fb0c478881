"""The multi-year plan on the portfolio page and on its own page, with its downloads: the
example initiatives for an anonymous visitor (docs/web.md)."""

from __future__ import annotations

import io
import re

import openpyxl
from fastapi.testclient import TestClient

AALST = "/portefeuille/meerjarenplan?municipality=Aalst"


def _direction(page: str, direction: str) -> str:
    """The rows of one direction (a `<tbody>` of the main table)."""
    found = re.search(rf'<tbody data-direction="{direction}">(.*?)</tbody>', page, re.S)
    assert found, f"no rows {direction}"
    return found.group(1)


def test_the_portfolio_page_has_a_section_per_municipality(client: TestClient) -> None:
    page = client.get("/portefeuille")
    assert page.status_code == 200
    assert 'data-section="multi-year-plan"' in page.text
    assert 'data-municipality="Aalst"' in page.text
    # The city pays vzw Groenkracht 120 h × 28,00 × 12 = 40 320,00 a year.
    assert "40.320,00" in page.text
    assert "/portefeuille/meerjarenplan.xlsx?municipality=Aalst" in page.text
    assert '<link rel="stylesheet" href="/static/multi_year.css">' in page.text


def test_the_page_of_one_municipality_and_its_downloads(client: TestClient) -> None:
    page = client.get("/en/portfolio/multi-year-plan", params={"municipality": "aalst"})
    assert page.status_code == 200
    assert "Multi-year plan 2026–2031 of Aalst" in page.text
    assert 'data-municipality="Ronse"' not in page.text
    # Each row names the initiatives its money comes from.
    assert "Groendienst vzw Groenkracht Aalst" in page.text
    csv_answer = client.get("/portefeuille/meerjarenplan.csv", params={"municipality": "Aalst"})
    assert csv_answer.status_code == 200
    assert "40320,00" in csv_answer.text
    xlsx = client.get("/portefeuille/meerjarenplan.xlsx", params={"municipality": "Aalst"})
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames == ["Meerjarenplan", "Bronnen"]


def test_the_rows_are_grouped_by_direction_under_a_heading_row(client: TestClient) -> None:
    page = client.get(AALST).text
    # A sub-heading row per direction spans the funder, beleidsveld, account, 6 years and the
    # total: 3 + 6 + 1 = 10 columns; the direction is no longer a column of every row.
    assert page.count('<th scope="rowgroup" colspan="10">') == 2
    head = re.search(r'data-table="multi-year-plan">.*?</thead>', page, re.S)
    assert head and "Richting" not in head.group(0)
    received = _direction(page, "received")
    assert "<span>Ontvangen door gemeente of OCMW</span>" in received
    # OCMW Aalst receives the federal art60_verhoogd, 1 800,00 a year: 6 × 1 800 = 10 800,00,
    # on 0904 / 7405/9, each code on its own line with its name under it.
    assert '<span class="code-line">0904</span>' in received
    assert '<span class="code-name">Activering van tewerkstelling</span>' in received
    assert '<span class="code-line">7405/9</span>' in received
    assert "€\u00a010.800,00" in received
    # Its kansarm clients pay 120 h × 6,00 × 12 = 8 640,00 a year: 6 × 8 640 = 51 840,00.
    assert "€\u00a051.840,00" in received
    paid = _direction(page, "paid")
    assert "<span>Betaald door gemeente of OCMW</span>" in paid
    # The city's invoices to vzw Groenkracht: 6 × 40 320,00 = 241 920,00.
    assert "€\u00a040.320,00" in paid
    assert "€\u00a0241.920,00" in paid
    # No source gives the codes of client revenue nor of a service bought: to be chosen.
    assert paid.count('<span class="code-line to-choose">te kiezen door de financiële dienst') == 2


def test_each_code_links_to_its_source_and_grade(client: TestClient) -> None:
    page = client.get(AALST).text
    # Numbered as the table names them: 0904 comes from the BBC 2013 list (1), 7405/9 and
    # the economic sector 100 from the ABB guide (2); the other rows have no sourced code.
    ref = '</span> <a class="source-ref" href="#meerjarenplan-aalst-bron-'
    assert f"0904{ref}1" in page
    assert f"7405/9{ref}2" in page
    sources = page[page.index('id="meerjarenplan-aalst-bronnen"') :]
    assert 'id="meerjarenplan-aalst-bron-1"' in sources
    assert 'id="meerjarenplan-aalst-bron-3"' not in sources
    assert "https://raw.githubusercontent.com/tthoeye/contactinformatie" in sources
    assert "https://lokaalbestuur.vlaanderen.be/subsidie/subsidie-aan-belgische-ocmw" in sources
    # The grades in words, as the plan's certainty section says them: the 2013 list is L,
    # the ABB guide M; every choice of a code for these rows is L.
    assert "L (reconstructie, aanname)" in sources
    assert "M (secundaire bron of afgeleide datum)" in sources
    assert sources.count('<span class="grade">L (reconstructie, aanname)</span>') == 3
    # The note points at them instead of a grade the page did not show.
    assert "Zie de zekerheid per keuze" not in page
    assert '<a href="#meerjarenplan-aalst-bronnen">Bronnen van de codes</a>' in page


def test_the_downloads_stand_in_their_own_list(client: TestClient) -> None:
    page = client.get(AALST).text
    downloads = page[page.index('<div class="multi-year-downloads">') :]
    downloads = downloads[: downloads.index("</div>")]
    assert downloads.count("<li><a href=") == 2
    assert "/portefeuille/meerjarenplan.csv?municipality=Aalst" in downloads


def test_an_unknown_municipality_is_said_in_words(client: TestClient) -> None:
    page = client.get("/portefeuille/meerjarenplan", params={"municipality": "Gent"})
    assert page.status_code == 404
    assert "Geen initiatief van de gemeente Gent in deze portefeuille." in page.text
    download = client.get("/portefeuille/meerjarenplan.csv", params={"municipality": "Gent"})
    assert download.status_code == 404
