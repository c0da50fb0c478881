"""The comparison page: an example or a posted file under the baseline and under a reform, a
parameter change or other statutes, side by side with the difference in words, the alerts
that appear or disappear, and a CSV under every table (Dutch and English)."""

from __future__ import annotations

import csv
import html
import io
import re

from fastapi.testclient import TestClient

from klaverblad.web.views.compare_tables import TABLES
from klaverblad.web.words.compare import WORDS
from tests.web.conftest import EXAMPLES

BIK = "bik-klusjesdienst"
BIK_TEXT = (EXAMPLES / f"{BIK}.yaml").read_text(encoding="utf-8")
NBSP = "\u00a0"


def _text(fragment: str) -> str:
    """A fragment of HTML as the reader sees it: tags dropped, entities decoded, spaces joined."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", fragment))
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def table_rows(body: str, key: str) -> dict[str, list[str]]:
    """The rows of the table `data-table=key` (body and footer) by their first cell."""
    match = re.search(rf'<table class="data-table" data-table="{key}">(.*?)</table>', body, re.S)
    assert match is not None, f"no table {key}"
    rows: dict[str, list[str]] = {}
    for row in re.findall(r"<tr>(.*?)</tr>", match.group(1).split("</thead>")[1], re.S):
        cells = [_text(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        rows[cells[0]] = cells[1:]
    return rows


def alerts(body: str, group: str) -> list[tuple[str, str]]:
    """(code, subject) of the alerts listed under `data-alerts=group`."""
    match = re.search(rf'data-alerts="{group}">(.*?)</(?:div|details)>', body, re.S)
    assert match is not None, f"no alert group {group}"
    return re.findall(r'data-code="([^"]+)" data-subject="([^"]+)"', match.group(1))


def csv_links(body: str) -> list[str]:
    return [html.unescape(href) for href in re.findall(r'<a href="([^"]*/csv\?[^"]*)"', body)]


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def compare(client: TestClient, path: str = "/vergelijken", **params: str) -> str:
    response = client.get(path, params={"example": BIK, **params})
    assert response.status_code == 200, response.text[:2000]
    return response.text


def more(amount: str) -> str:
    return f"+{NBSP}€{NBSP}{amount} meer"


def less(amount: str) -> str:
    return f"−{NBSP}€{NBSP}{amount} minder"


def euro(amount: str) -> str:
    return f"€{NBSP}{amount}"


def test_every_language_has_the_same_compare_words() -> None:
    assert WORDS["nl"].keys() == WORDS["en"].keys()


def test_the_page_offers_every_example_and_a_form_for_an_own_file(client: TestClient) -> None:
    body = client.get("/vergelijken").text
    assert f'<option value="{BIK}">' in body
    assert 'enctype="multipart/form-data"' in body
    for field in ("voorbeeld-keuze", "voorbeeld-parameter", "eigen-tekst", "eigen-bestand"):
        assert f'<label for="{field}">' in body and f'id="{field}"' in body


def test_under_sine_uitbreiding_w4_moves_to_sine_and_its_alerts_disappear(
    client: TestClient,
) -> None:
    # The reform drops the low-skilled condition: w4 (hoger secundair) becomes eligible and,
    # with the statutes chosen again (the default), moves to SINE — so the SINE alert and the
    # WEP+ funding cliff (the grant stops after 18 months while w4 stays) go. w2 was
    # unemployed 3 months, under the 6 that stay, so w2 still cannot.
    body = compare(client, reform="sine-uitbreiding")
    assert sorted(alerts(body, "disappeared")) == [
        ("funding_cliff", "w4"),
        ("sine_not_eligible", "w4"),
    ]
    assert alerts(body, "appeared") == []
    assert ("sine_not_eligible", "w2") in alerts(body, "remaining")
    # By hand: SINE for w4 over 2006-2007 = 8 quarters × 1 000 + 24 × 500 = 20 000; WEP+
    # brought 9 000 a year for 18 months = 13 500. Difference + 6 500.
    assert table_rows(body, "totals")["Financiering"][2] == more("6.500,00")
    assert table_rows(body, "people")["w4"][:2] == ["WEP+", "SINE"]


def test_with_the_files_statutes_kept_sine_uitbreiding_moves_no_amount(
    client: TestClient,
) -> None:
    # The switch keeps w4 on WEP+ (the file's statute): nothing moves, and the page says why.
    body = compare(client, reform="sine-uitbreiding", keep_statutes="1")
    assert alerts(body, "disappeared") == [("sine_not_eligible", "w4")]
    assert table_rows(body, "totals")["Financiering"][2] == f"€{NBSP}0,00 gelijk"
    assert "SINE voor w4" in _text(body)


def test_lde_koppeling_sine_brings_1200_a_year_for_each_sine_worker(client: TestClient) -> None:
    # By hand: leaf I is BIK's lde grants 8 000 + 1 200 a year over 2 years = 18 400. With the
    # statutes chosen again, w1 and w3 are on SINE under both rule sets (w3's SINE, 20 000,
    # beats the file's Activa, 12 000); the reform adds 1 200 a year × FTE 1.0 for each:
    # 2 × 2 × 1 200 = 4 800.
    body = compare(client, reform="lde-koppeling-sine")
    leaves = table_rows(body, "leaves")
    assert leaves["I sociaal-economisch"] == [
        euro("18.400,00"),
        euro("23.200,00"),
        more("4.800,00"),
    ]
    people = table_rows(body, "people")
    assert people["w1"][-1] == more("2.400,00") and people["w3"][-1] == more("2.400,00")


def test_lde_koppeling_sine_brings_1200_a_year_for_w1(client: TestClient) -> None:
    # The file's statutes kept: w1 is the only SINE worker, 2 × 1 200 = 2 400.
    body = compare(client, reform="lde-koppeling-sine", keep_statutes="1")
    leaves = table_rows(body, "leaves")
    assert leaves["I sociaal-economisch"] == [
        euro("18.400,00"),
        euro("20.800,00"),
        more("2.400,00"),
    ]
    assert leaves["II werkgelegenheid"][2] == f"€{NBSP}0,00 gelijk"
    years = table_rows(body, "years")
    for year in ("2006", "2007"):
        assert years[year][2] == more("1.200,00")  # funding
        assert years[year][5] == less("1.200,00")  # the shortfall shrinks
    assert table_rows(body, "people")["w1"][-1] == more("2.400,00")
    assert table_rows(body, "funders")["Vlaams"][-1] == more("2.400,00")


def test_another_statute_for_w3_changes_leaf_ii_by_8000(client: TestClient) -> None:
    # By hand: SINE for w3 = 4 × 1 000 RSZ + 12 × 500 allowance = 10 000 a year, 20 000 over
    # 2 years; Activa (2006 start, 36-month band of the 2002–2006 table) pays 24 months × 500
    # = 12 000 inside the horizon. Difference: + 8 000.
    body = compare(client, **{"statute:w3": "sine"})
    assert table_rows(body, "leaves")["II werkgelegenheid"][2] == more("8.000,00")
    w3 = table_rows(body, "people")["w3"]
    assert w3[:2] == ["Activa", "SINE"]
    assert w3[3:] == [euro("12.000,00"), euro("20.000,00"), more("8.000,00")]


def test_a_statute_someone_is_not_eligible_for_is_explained(client: TestClient) -> None:
    # w4 is not low-skilled: SINE pays nothing, and the WEP+ grant (9 000 a year, booked only
    # while w4 is on WEP+, the first 18 months) is lost: 9 000 × 18 / 12 = 13 500.
    body = compare(client, **{"statute:w4": "sine"})
    assert ("statute_not_eligible", "w4") in alerts(body, "appeared")
    assert table_rows(body, "people")["w4"][1] == "SINE — niet in aanmerking"
    assert table_rows(body, "funders")["Vlaams + federaal"] == [
        euro("13.500,00"),
        euro("0,00"),
        less("13.500,00"),
    ]


def _option(body: str, select_id: str, value: str) -> str:
    select = re.search(rf'<select id="{select_id}".*?</select>', body, re.S)
    assert select is not None
    option = re.search(rf'<option value="{value}"[^>]*>(.*?)</option>', select.group(0))
    assert option is not None
    return html.unescape(option.group(1))


def test_the_selects_say_which_statutes_someone_is_not_eligible_for(client: TestClient) -> None:
    # w4 (index 3) is not low-skilled: no SINE under the current rules, SINE under the reform.
    body = compare(client)
    sine = "SINE — sociale inschakelingseconomie"
    assert _option(body, "voorbeeld-statuut-3", "sine") == f"{sine} — niet in aanmerking"
    # No allocated gesco post in the file: not GESCO either (RULEBOOK v1.2 §3.5).
    gesco = "GESCO — gesubsidieerde contractuelen"
    assert _option(body, "voorbeeld-statuut-3", "gesco") == f"{gesco} — niet in aanmerking"
    reformed = compare(client, reform="sine-uitbreiding")
    assert _option(reformed, "voorbeeld-statuut-3", "sine") == sine


def test_the_optimiser_chooses_sine_for_w3(client: TestClient) -> None:
    body = compare(client, **{"statute:w3": "optimiser"})
    assert table_rows(body, "people")["w3"][1] == "SINE — gekozen door de optimalisatie"
    # SINE 20 000 instead of Activa 12 000 (see above); Activa ran beyond the horizon, so no
    # alert disappears.
    assert table_rows(body, "leaves")["II werkgelegenheid"][2] == more("8.000,00")
    assert alerts(body, "disappeared") == []


def test_a_parameter_change_with_a_decimal_comma_is_read_and_echoed(client: TestClient) -> None:
    # The SINE allowance 500 -> 600,50 from July 2006 for w1 and w3 (both on SINE when the
    # statutes are chosen again): 2 × 18 months × 100,50 = 3 618,00 more.
    body = compare(client, set="sine.herinschakelingsuitkering.amount=600,50@2006-07")
    assert "sine.herinschakelingsuitkering.amount = 600,5 (juli 2006)" in body
    assert table_rows(body, "totals")["Financiering"][2] == more("3.618,00")


def test_a_parameter_change_with_a_thousands_dot_is_read_as_flemings_mean_it(
    client: TestClient,
) -> None:
    # The SINE allowance 500 -> 1.000 (a thousand) from July 2006 for w1 alone (the file's
    # statutes kept): 18 months × 500 more.
    body = compare(
        client, set="sine.herinschakelingsuitkering.amount=1.000@2006-07", keep_statutes="1"
    )
    assert "sine.herinschakelingsuitkering.amount = 1.000 (juli 2006)" in body
    assert table_rows(body, "totals")["Financiering"][2] == more("9.000,00")
    english = compare(
        client, "/en/compare", set="sine.herinschakelingsuitkering.amount=1,000@2006-07"
    )
    assert "sine.herinschakelingsuitkering.amount = 1,000 (July 2006)" in english


def test_a_parameter_change_in_the_other_languages_writing_is_refused_with_its_reading(
    client: TestClient,
) -> None:
    params = {"example": BIK, "set": "sine.herinschakelingsuitkering.amount=1,000.5@2006-07"}
    response = client.get("/vergelijken", params=params)
    assert response.status_code == 422
    assert "bedoel je 1.000,5?" in html.unescape(response.text)


def test_a_bad_parameter_change_is_a_422_naming_the_field(client: TestClient) -> None:
    response = client.get("/vergelijken", params={"example": BIK, "set": "sine.nothing=1@2006-01"})
    assert response.status_code == 422
    body = response.text
    assert 'role="alert"' in body
    assert '<a href="#voorbeeld-parameter">Parameterwijziging' in body
    assert "&#39;sine.nothing&#39; is not a parameter" in body
    field = re.search(r'<input type="text"[^>]*id="voorbeeld-parameter"[^>]*>', body, re.S)
    assert field is not None
    assert 'value="sine.nothing=1@2006-01"' in field.group(0)
    assert 'aria-invalid="true"' in field.group(0)
    assert "voorbeeld-fout-parameter" in field.group(0)  # aria-describedby names the message
    assert 'data-table="totals"' not in body


def test_an_unknown_statute_or_example_is_refused(client: TestClient) -> None:
    response = client.get("/vergelijken", params={"example": BIK, "statute:w1": "bogus"})
    assert response.status_code == 422
    assert '<a href="#voorbeeld-statuut-0">Statuut van w1' in response.text
    assert client.get("/vergelijken", params={"example": "nope"}).status_code == 404
    unknown_table = {"example": BIK, "reform": "sine-uitbreiding", "table": "nope"}
    assert client.get("/vergelijken/csv", params=unknown_table).status_code == 404


def test_every_csv_link_parses_and_matches_its_table(client: TestClient) -> None:
    body = compare(client, reform="lde-koppeling-sine", keep_statutes="1")
    links = csv_links(body)
    assert all("keep_statutes=1" in link for link in links)  # the CSV keeps the switch
    tables = {link.rpartition("table=")[2] for link in links}
    assert tables == set(TABLES) - {"not_computable"}  # empty here: a sentence, not a table
    for link in links:
        response = client.get(link)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/csv")
        rows = read_csv(response.text)
        assert len({len(row) for row in rows}) == 1  # a rectangle under its header
    leaves = read_csv(client.get(next(link for link in links if "table=leaves" in link)).text)
    assert leaves[0] == ["leaf", "baseline", "alternative", "difference"]
    assert ["I", "18400.00", "20800.00", "2400.00"] in leaves
    # BIK 147 545.19 (no PWA cheques: memo lines) + the reform's 2 × 1 200 = 149 945.19
    assert leaves[-1] == ["total", "147545.19", "149945.19", "2400.00"]


def test_a_posted_file_is_compared_with_its_text_kept_and_its_csv_posted(
    client: TestClient,
) -> None:
    data = {"text": BIK_TEXT, "reform": "lde-koppeling-sine", "keep_statutes": "1"}
    response = client.post("/vergelijken", data=data)
    assert response.status_code == 200
    body = response.text
    kept = re.search(r'<textarea id="eigen-tekst"[^>]*>\n(.*?)</textarea>', body, re.S)
    assert kept is not None and html.unescape(kept.group(1)) == BIK_TEXT
    assert table_rows(body, "leaves")["I sociaal-economisch"][2] == more("2.400,00")
    assert 'form="csv-export" name="table" value="leaves"' in body
    assert 'id="eigen-statuut-0"' in body  # now the people can be given other statutes
    download = client.post("/vergelijken/csv", data={**data, "table": "leaves"})
    assert download.headers["content-type"].startswith("text/csv")
    assert ["I", "18400.00", "20800.00", "2400.00"] in read_csv(download.text)


def test_an_uploaded_file_is_compared_like_pasted_text(client: TestClient) -> None:
    files = {"file": ("bik.yaml", BIK_TEXT.encode("utf-8"), "application/yaml")}
    response = client.post("/en/compare", files=files, data={"statute:w3": "sine"})
    assert response.status_code == 200
    assert table_rows(response.text, "leaves")["II employment"][2] == f"+{NBSP}€8,000.00 more"


def test_a_posted_file_with_problems_is_a_422_with_the_text_kept(client: TestClient) -> None:
    text = BIK_TEXT.replace("fte: 1.0", "fte: 7", 1)
    response = client.post("/vergelijken", data={"text": text, "reform": "lde-koppeling-sine"})
    assert response.status_code == 422
    assert 'role="alert"' in response.text and "people[0].fte" in response.text
    assert "fte: 7" in response.text
    assert 'aria-invalid="true"' in response.text


def test_the_english_page_shows_the_difference_in_english_words(client: TestClient) -> None:
    body = compare(client, "/en/compare", reform="lde-koppeling-sine", keep_statutes="1")
    assert '<html lang="en">' in body
    assert table_rows(body, "leaves")["I socio-economic"] == [
        "€18,400.00",
        "€20,800.00",
        f"+{NBSP}€2,400.00 more",
    ]
    links = csv_links(body)
    assert links and all(link.startswith("/en/compare/csv?") for link in links)
    # The CSV is the same in both languages: codes and amounts with a decimal point.
    english = next(link for link in links if "table=leaves" in link)
    dutch = english.replace("/en/compare/", "/vergelijken/")
    assert read_csv(client.get(english).text) == read_csv(client.get(dutch).text)


def test_each_persons_current_statute_is_named_as_in_the_catalogue(client: TestClient) -> None:
    page = client.get("/vergelijken", params={"example": "bik-klusjesdienst"}).text
    # BIK's w1 is on SINE and w2 on art. 60 in the example file; no code beside the name.
    assert (
        "Volgens de keuze hierboven (in het bestand: SINE — sociale inschakelingseconomie)" in page
    )
    assert "(in het bestand: Artikel 60 §7 OCMW-wet)" in page
    assert "(sine)" not in page and "(art60)" not in page
