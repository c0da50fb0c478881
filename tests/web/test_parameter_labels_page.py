"""The measures catalogue names a parameter, remarks on it and notes its values in the page's
language: Dutch from the parameter metadata (`label_nl`, `documentation_nl`, `note_nl`) on
/maatregelen, the rulebook's English on /en/measures.

Expected words are read by hand from sine/start_window.yaml (label and the 2023-07-01 note)
and sine/herinschakelingsuitkering/amount.yaml (documentation)."""

from __future__ import annotations

import html

from fastapi.testclient import TestClient

from tests.web.test_pages_measures import parameter_section

DUTCH_LABEL = "SINE staat open voor nieuwe aanwervingen (volgens de startdatum)"
ENGLISH_LABEL = "SINE is open to new hires (start-date rule)"
DUTCH_NOTE = "SINE afgeschaft in Vlaanderen voor nieuwe aanwervingen"
ENGLISH_NOTE = "SINE abolished in Flanders for new hires"
DUTCH_DOCUMENTATION = "Gereconstrueerd uit het verslag van 2006"
ENGLISH_DOCUMENTATION = "Reconstructed from the 2006 report"


def _section(client: TestClient, url: str, path: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return html.unescape(parameter_section(response.text, path))


def test_the_dutch_catalogue_names_sines_start_window_in_dutch_and_not_in_english(
    client: TestClient,
) -> None:
    section = _section(client, "/maatregelen?datum=2023-07-01", "sine.start_window")
    assert DUTCH_LABEL in section
    assert DUTCH_NOTE in section
    assert ENGLISH_LABEL not in section
    assert ENGLISH_NOTE not in section


def test_the_english_catalogue_names_sines_start_window_in_english(client: TestClient) -> None:
    section = _section(client, "/en/measures?date=2023-07-01", "sine.start_window")
    assert ENGLISH_LABEL in section
    assert ENGLISH_NOTE in section
    assert DUTCH_LABEL not in section
    assert DUTCH_NOTE not in section


def test_each_catalogue_shows_a_parameters_remarks_in_its_own_language(
    client: TestClient,
) -> None:
    path = "sine.herinschakelingsuitkering.amount"
    dutch = _section(client, "/maatregelen?datum=2006-10-01", path)
    english = _section(client, "/en/measures?date=2006-10-01", path)
    assert DUTCH_DOCUMENTATION in dutch
    assert ENGLISH_DOCUMENTATION not in dutch
    assert ENGLISH_DOCUMENTATION in english
    assert DUTCH_DOCUMENTATION not in english
