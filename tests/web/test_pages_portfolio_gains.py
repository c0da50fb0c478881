"""Who gains and who loses on the portfolio page (issue #13, part 3): with a reform, a chart by
initiative and one by funder, each above the table that lists every row and its CSV; the same
per-funder difference in the portfolio JSON of the CLI and the API.

The worked example: the examples' portfolio (what an anonymous visitor sees) under the reform
`lde-koppeling-sine` and the change `sine.herinschakelingsuitkering.amount=450@2006-01` (the
SINE allowance € 50 a month lower, full time, from € 500; measures/sine/parameters/
herinschakelingsuitkering/amount.yaml). The portfolio keeps the statutes the files name (a
person without one gets the best eligible, as in the plan). Worked out by hand:

- BIK (LDE recognition): w1 on SINE full time all 24 months (37 at the start, 30 months on
  benefit: the long band of 21 quarters): − € 50 × 24 = − € 1.200 (federaal); the link adds
  € 1 200 a year per full-time person on SINE: + € 2.400 (Vlaams). Net + € 1.200.
- Labour for Neighbour (SWP, no LDE: no link): w2 on SINE half time all 36 months (47 at the
  start: no limit from 45): − € 50 × 0,5 × 36 = − € 900 (federaal).
- OCMW Aalst (no LDE): a4, who has no statute in the file, is on SINE (still the best) full
  time from 2006-03, 22 months to the horizon's end (short band, 11 quarters):
  − € 50 × 22 = − € 1.100 (federaal).
- The five others have no one on SINE: € 0. In all 1 200 − 900 − 1 100 = − € 800.
- Per funder: Vlaams + € 2.400, federaal − (1 200 + 900 + 1 100) = − € 3.200; every other
  funder € 0; 2 400 − 3 200 = − € 800, the total again.
- The initiatives' axis runs from − € 1.100 to + € 1.200 (€ 2 300 over the chart's 384
  units, from x = 8): the zero line at 8 + 384 × 1 100 / 2 300 = 191,65, BIK's bar
  384 × 1 200 / 2 300 = 200,35 long, Labour for Neighbour's 384 × 900 / 2 300 = 150,26.
"""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.web.conftest import EXAMPLES, example_body
from tests.web.test_no_codes_on_dutch_pages import codes_in, read
from tests.web.test_pages_compare import csv_links, read_csv

REFORM = {
    "reform": "lde-koppeling-sine",
    "set": "sine.herinschakelingsuitkering.amount=450@2006-01",
}
BIK = "bik-klusjesdienst"
ANTWERPEN = "antwerpen-labour-for-neighbour"
AALST = "ocmw-art60-2006"
BIK_NAME = "Klusjesdienst en buurtdiensten vzw BIK (Werk.waardig)"
ANTWERPEN_NAME = "Labour for Neighbour (Stad Antwerpen)"
AALST_NAME = "Buurtonderhoud OCMW Aalst"


def section(html: str, kind: str) -> str:
    start = html.index(f'data-gains="{kind}"')
    return html[start : html.index("</section>", start)]


def bars(part: str) -> list[int]:
    return [int(c) for c in re.findall(r'class="gains-bar[^"]*"[^>]*data-cents="(-?\d+)"', part)]


def csv_of(client: TestClient, html: str, table: str) -> list[list[str]]:
    link = next(link for link in csv_links(html) if link.endswith(f"table={table}"))
    response = client.get(link)
    assert response.status_code == 200
    return read_csv(response.text)


def test_by_initiative_the_gainer_is_drawn_on_top_and_the_losers_below(
    client: TestClient,
) -> None:
    response = client.get("/portefeuille", params=REFORM)
    assert response.status_code == 200
    part = section(response.text, "initiatives")
    assert "<h3" in part and "Wie wint en wie verliest, per initiatief" in part
    assert bars(part) == [1200_00, -900_00, -1100_00]
    desc = re.search(r'<desc id="winst-initiatives-desc">(.*?)</desc>', part)
    assert desc is not None
    assert f"{BIK_NAME}: +\xa0€\xa01.200,00." in desc.group(1)
    assert f"{ANTWERPEN_NAME}: −\xa0€\xa0900,00." in desc.group(1)
    assert f"{AALST_NAME}: −\xa0€\xa01.100,00." in desc.group(1)
    # The five examples without a change are not drawn, and the page says so.
    assert 'data-not-drawn="5"' in part
    assert "Niet in de grafiek: 5 van de 8 initiatieven" in part
    # The geometry worked out above.
    assert 'class="gains-zero" x1="191.65"' in part
    assert '<rect x="191.65" y="24.0" width="200.35"' in part
    assert 'width="150.26"' in part


def test_by_funder_the_flemish_pay_more_and_the_federal_government_less(
    client: TestClient,
) -> None:
    html = client.get("/portefeuille", params=REFORM).text
    part = section(html, "funders")
    assert "Wie betaalt meer en wie minder, per financier" in part
    assert bars(part) == [2400_00, -3200_00]
    desc = re.search(r'<desc id="winst-funders-desc">(.*?)</desc>', part)
    assert desc is not None
    assert "Vlaams: +\xa0€\xa02.400,00. federaal: −\xa0€\xa03.200,00." in desc.group(1)
    # The table beside it lists every funder: all but these two are not drawn.
    funders = csv_of(client, html, "reform_funders")[1:-1]
    assert f'data-not-drawn="{len(funders) - 2}"' in part


def test_the_csv_beside_each_chart_lists_every_row_with_the_charts_amounts(
    client: TestClient,
) -> None:
    html = client.get("/portefeuille", params=REFORM).text
    header, *rows, total = csv_of(client, html, "reform_initiatives")
    assert header[3] == "funding_difference"
    changes = {row[0]: row[3] for row in rows}
    assert len(changes) == 8
    assert changes == {key: "0.00" for key in changes} | {
        BIK: "1200.00",
        ANTWERPEN: "-900.00",
        AALST: "-1100.00",
    }
    assert total[0] == "total" and total[3] == "-800.00"
    header, *rows, total = csv_of(client, html, "reform_funders")
    assert header == ["funder", "baseline", "alternative", "difference"]
    differences = {row[0]: row[3] for row in rows}
    assert {k: v for k, v in differences.items() if v != "0.00"} == {
        "Vlaams": "2400.00",
        "federaal": "-3200.00",
    }
    assert total[3] == "-800.00"


def test_the_table_beside_the_funders_chart_names_client_groups_in_words(
    client: TestClient,
) -> None:
    html = client.get("/portefeuille", params=REFORM).text
    table = html[html.index('data-table="reform_funders"') :]
    table = table[: table.index("</table>")]
    # twe-ocmw-2017's shopping service is paid by the client group `kansarm`.
    assert "kansarme gezinnen" in table


def test_the_dutch_charts_show_no_codes(client: TestClient) -> None:
    html = client.get("/portefeuille", params=REFORM).text
    for kind in ("initiatives", "funders"):
        text = " ".join(read(section(html, kind)).text)
        assert codes_in(text) == []


def test_the_english_charts_speak_english(client: TestClient) -> None:
    html = client.get("/en/portfolio", params=REFORM).text
    assert "Who gains and who loses, by initiative" in html
    assert "Who pays more and who pays less, by funder" in html
    assert f"{BIK_NAME}: +\xa0€1,200.00." in html
    assert "Not in the chart: 5 of the 8 initiatives" in html


def test_a_change_that_changes_nothing_draws_nothing_and_says_so(client: TestClient) -> None:
    # € 500 is the allowance already: no initiative and no funder changes.
    same = {"set": "sine.herinschakelingsuitkering.amount=500@2006-01"}
    html = client.get("/portefeuille", params=same).text
    assert 'data-nothing="initiatives"' in html and 'data-nothing="funders"' in html
    assert "gains-bar" not in html


def test_without_a_reform_there_is_no_chart(client: TestClient) -> None:
    assert "data-gains" not in client.get("/portefeuille").text


def test_the_portfolio_json_of_the_api_gives_the_difference_per_funder(
    client: TestClient,
) -> None:
    # BIK and OCMW Aalst alone: Vlaams + € 2.400; federaal − 1 200 − 1 100 = − € 2.300.
    body = {
        "initiatives": [example_body(EXAMPLES / f"{name}.yaml") for name in (BIK, AALST)],
        "reforms": [REFORM["reform"]],
        "set": [REFORM["set"]],
    }
    response = client.post("/api/portfolio", json=body)
    assert response.status_code == 200
    difference = response.json()["difference"]
    changed = {k: v for k, v in difference["funders"].items() if v != "0.00"}
    assert changed == {"Vlaams": "2400.00", "federaal": "-2300.00"}
    assert difference["funding"] == "100.00"
    assert (difference["gaining"], difference["losing"]) == ([BIK], [AALST])
