"""Client revenue is paid by its client group (RULEBOOK §4.2: "component and funder = the
client group"); the pages and downloads name that funder in words, never by its code. BIK's
cash activities (kinderopvang, huiswerk) are paid by low-income families."""

from __future__ import annotations

from fastapi.testclient import TestClient

from klaverblad.report.funder_tables import funder_words

FUNDER_CELL = '<td data-label="Financier">'


def test_the_plan_page_names_a_client_group_funder_in_words(client: TestClient) -> None:
    body = client.get("/plan/voorbeeld/bik-klusjesdienst").text
    cells = [part.split("</td>", 1)[0] for part in body.split(FUNDER_CELL)[1:]]
    assert "kansarme gezinnen" in cells
    assert "kansarm" not in cells


def test_a_funder_that_is_no_client_group_is_shown_as_the_file_gives_it() -> None:
    assert funder_words("kansarm", "nl") == "kansarme gezinnen"
    assert funder_words("kansarm", "en") == "low-income households"
    assert funder_words("Gemeente Lokeren", "nl") == "Gemeente Lokeren"
    assert funder_words("federaal", "nl") == "federaal"
