"""The plan page's section "Hoe zeker is dit plan?" (docs/certainty.md): the sentence, the
funding per grade, the five parameters and, where a value has a documented range, the tornado
chart with the gaps in the parameters' table; each table's CSV. Figures of BIK worked out by
hand in tests/advice/test_certainty.py."""

from __future__ import annotations

import csv
import html
import io
import re
from decimal import Decimal

import yaml
from fastapi.testclient import TestClient

from klaverblad.model import load_initiative
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.web.views.certainty_csv import CERTAINTY_TABLES, certainty_table_csv
from tests.web.conftest import EXAMPLES

BIK = EXAMPLES / "bik-klusjesdienst.yaml"


def section(body: str) -> str:
    match = re.search(r'<section aria-labelledby="zekerheid".*?</section>', body, re.S)
    assert match is not None, "no certainty section"
    return html.unescape(match.group(0))


def text_of(part: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", part))


def test_the_dutch_example_page_says_how_much_rests_on_reconstructed_values(
    client: TestClient,
) -> None:
    found = text_of(section(client.get("/plan/voorbeeld/bik-klusjesdienst").text))
    assert "Hoe zeker is dit plan?" in found
    assert "€ 34.085,19 van de € 147.545,19 rust op gereconstrueerde waarden (L)." in found
    assert "L (reconstructie, aanname) € 34.085,19 23,1%" in found
    assert "ingevoerd € 80.860,00 54,8%" in found
    # No value of BIK's five has a documented range for 2006–2007: listed, not varied.
    assert found.count("geen gedocumenteerd bereik, niet gevarieerd") == 5
    assert 'data-chart="tornado"' not in section(
        client.get("/plan/voorbeeld/bik-klusjesdienst").text
    )


def test_the_english_example_page_has_the_section_in_english(client: TestClient) -> None:
    found = text_of(section(client.get("/en/plan/example/bik-klusjesdienst").text))
    assert "How sure is this plan?" in found
    assert "€34,085.19 of the €147,545.19 rests on reconstructed values (L)." in found


def test_the_section_names_no_person(client: TestClient) -> None:
    found = text_of(section(client.get("/plan/voorbeeld/bik-klusjesdienst").text))
    for person in ("w1", "w2", "w3", "w4"):
        assert not re.search(rf"\b{person}\b", found)


def test_a_plan_with_a_ranged_value_shows_the_tornado_chart_and_its_table(
    client: TestClient,
) -> None:
    # BIK moved to 2015: the exchange value 22.04 (L) has the range 22.04 – 27.50; at 27.50 the
    # public part of 1 200 hours rises by 1 200 × 5.46 = 6 552.00: gap 100 592.00 → 94 040.00.
    data = yaml.safe_load(BIK.read_text(encoding="utf-8"))
    data["horizon"]["start"] = "2015-01"
    response = client.post(
        "/plan", files={"file": ("bik.yaml", yaml.safe_dump(data).encode(), "text/yaml")}
    )
    assert response.status_code == 200
    part = section(response.text)
    assert 'data-chart="tornado"' in part
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in part and 'role="img"' in part
    table = re.search(r'<table class="certainty-parameters[^"]*">.*?</table>', part, re.S)
    assert table is not None
    row = text_of(table.group(0))
    assert "van € 22,04 per uur tot € 27,50 per uur" in row
    assert "€ 100.592,00 € 94.040,00" in row
    assert "regelboek §9" in text_of(part)


def test_each_table_of_the_section_has_its_csv_link(client: TestClient) -> None:
    part = section(client.get("/plan/voorbeeld/bik-klusjesdienst").text)
    links = re.findall(r'<p class="table-download"><a href="([^"]+)"', part)
    assert part.count("<table") == len(links) == 2
    assert [link.rsplit("=", 1)[1] for link in links] == list(CERTAINTY_TABLES)


def test_the_grades_csv_adds_up_to_the_funding() -> None:
    plan = compute_plan(load_initiative(BIK))
    rows = list(csv.DictReader(io.StringIO(certainty_table_csv(plan, "certainty-grades", "en"))))
    assert [(row["grade"], row["amount"]) for row in rows] == [
        ("H", "0.00"),
        ("M", "32600.00"),
        ("L", "34085.19"),
        ("entered", "80860.00"),
    ]
    assert sum(Decimal(row["amount"]) for row in rows) == Decimal("147545.19")
    dutch = certainty_table_csv(plan, "certainty-grades", "nl") or ""
    assert "L (reconstructie, aanname);34085,19;0,2310" in dutch


def test_the_parameters_csv_holds_the_range_and_the_gaps_in_2015() -> None:
    plan = compute_plan(load_initiative(BIK), start="2015-01")
    text = certainty_table_csv(plan, "certainty-parameters", "en") or ""
    rows = {row["parameter"]: row for row in csv.DictReader(io.StringIO(text))}
    exchange = rows["dienstencheque.inruilwaarde"]
    assert (exchange["grade"], exchange["amount"]) == ("L", "15648.00")
    assert (exchange["range_low"], exchange["range_high"]) == ("22.04", "27.5")
    assert (exchange["gap_low"], exchange["gap_high"]) == ("100592.00", "94040.00")
    assert rows["dienstencheque.gebruikersprijs"]["gap_low"] == ""
    assert certainty_table_csv(plan, "certainty-other", "en") is None
