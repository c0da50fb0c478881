"""The case library: every example initiative with its promoter, period, what it shows, its
headline figures (checked by hand in tests/test_examples.py) with their CSV, and its links."""

from __future__ import annotations

import csv
import html
import io
import re

from fastapi.testclient import TestClient

from klaverblad.web.words.cases import WORDS
from tests.web.conftest import EXAMPLE_PATHS, example_body

NBSP = "\u00a0"
BIK = "bik-klusjesdienst"


def case_section(body: str, key: str) -> str:
    match = re.search(rf'<section class="case" id="{key}".*?</section>', body, re.S)
    assert match is not None, f"no case {key}"
    return match.group(0)


def figure(section: str, name: str) -> str:
    match = re.search(rf'<tr[^>]*data-figure="{name}">.*?</tr>', section, re.S)
    assert match is not None, f"no figure {name}"
    return html.unescape(match.group(0))


def test_every_language_has_the_same_case_words() -> None:
    assert WORDS["nl"].keys() == WORDS["en"].keys()


def test_every_example_says_what_it_shows() -> None:
    for path in EXAMPLE_PATHS:
        assert WORDS["nl"][f"shows_{path.stem}"] and WORDS["en"][f"shows_{path.stem}"]


def test_the_library_lists_every_example_with_its_promoter_period_and_links(
    client: TestClient,
) -> None:
    response = client.get("/voorbeelden")
    assert response.status_code == 200
    body = response.text
    assert len(EXAMPLE_PATHS) >= 5
    for path in EXAMPLE_PATHS:
        key, data = path.stem, example_body(path)
        section = case_section(body, key)
        text = html.unescape(section)
        assert data["name"] in text and data["promoter"]["name"] in text
        assert data["promoter"]["municipality"] in text
        assert f"{data['horizon']['months']} maanden" in text
        assert WORDS["nl"][f"shows_{key}"] in text
        for href in (
            f"/plan/voorbeeld/{key}",
            f"/plan/voorbeeld/{key}/export/pdf",
            f"/plan/voorbeeld/{key}/export/xlsx",
            f"/plan/voorbeeld/{key}/export/yaml",
            f"/nieuw?example={key}",
            f"/vergelijken?example={key}",
            f"/voorbeelden/{key}.csv",
        ):
            assert f'href="{href}"' in section
        assert "<caption>" in section and '<th scope="row">' in section


def test_the_two_report_cases_come_first_and_are_marked(client: TestClient) -> None:
    body = client.get("/voorbeelden").text
    keys = re.findall(r'<section class="case" id="([a-z0-9-]+)"', body)
    assert keys[:2] == [BIK, "antwerpen-labour-for-neighbour"]
    for key in keys[:2]:
        assert "Geval uit het verslag van 2006" in case_section(body, key)
    for key in keys[2:]:
        assert "Geval uit het verslag van 2006" not in case_section(body, key)


def test_the_bik_case_shows_the_hand_checked_figures_and_gap(client: TestClient) -> None:
    # tests/test_examples.py: costs 216 000.00, funding 147 545.19, gap 68 454.81; leaves over
    # 2006 + 2007: I 9 200 × 2, II 37 485.19 + 20 500, III 15 000 + 14 400, IV 20 880 × 2 (the
    # PWA cheques are memo lines, in no leaf).
    section = case_section(client.get("/voorbeelden").text, BIK)
    assert f"€{NBSP}18.400,00" in figure(section, "leaf_I")
    assert f"€{NBSP}57.985,19" in figure(section, "leaf_II")
    assert f"€{NBSP}29.400,00" in figure(section, "leaf_III")
    assert f"€{NBSP}41.760,00" in figure(section, "leaf_IV")
    assert f"€{NBSP}147.545,19" in figure(section, "funding")
    assert f"€{NBSP}216.000,00" in figure(section, "costs")
    gap = figure(section, "gap")
    assert "Tekort" in gap and f'data-gap-cents="6845481">€{NBSP}68.454,81' in gap


def test_the_csv_of_a_case_has_the_same_figures(client: TestClient) -> None:
    response = client.get(f"/voorbeelden/{BIK}.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text.removeprefix("\ufeff"))))
    figures = {row["figure"]: row["amount"] for row in rows}
    assert {row["example"] for row in rows} == {BIK}
    assert figures == {
        "leaf_I": "18400.00",
        "leaf_II": "57985.19",
        "leaf_III": "29400.00",
        "leaf_IV": "41760.00",
        "funding": "147545.19",
        "costs": "216000.00",
        "gap": "68454.81",  # costs − funding: a shortfall
    }


def test_the_english_library_links_to_the_english_pages(client: TestClient) -> None:
    response = client.get("/en/examples")
    assert response.status_code == 200
    body = response.text
    section = case_section(body, BIK)
    assert "€68,454.81" in figure(section, "gap") and "Shortfall" in figure(section, "gap")
    for href in (
        f"/en/plan/example/{BIK}",
        f"/en/plan/example/{BIK}/export/pdf",
        f"/en/new?example={BIK}",
        f"/en/compare?example={BIK}",
        f"/en/examples/{BIK}.csv",
    ):
        assert f'href="{href}"' in section
    assert 'href="/voorbeelden"' in body  # the language switch
    assert client.get(f"/en/examples/{BIK}.csv").status_code == 200


def test_the_csv_of_an_unknown_example_is_a_404_page(client: TestClient) -> None:
    response = client.get("/voorbeelden/geen-voorbeeld.csv")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
