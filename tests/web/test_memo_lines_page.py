"""The plan page shows the memo lines apart (RULEBOOK v1.2 §1): BIK's PWA cheques, 60 h × 4.95
× 12 = 3 564.00 a year, under "Buiten de rekening van het initiatief", after the plan's lines,
with no explanation box of their own and in none of the page's totals."""

from __future__ import annotations

from fastapi.testclient import TestClient

from klaverblad.locale import money

PAGE = "/plan/voorbeeld/bik-klusjesdienst"


def test_the_plan_page_shows_the_pwa_cheques_in_their_own_section(client: TestClient) -> None:
    body = client.get(PAGE).text
    start = body.index('<section aria-labelledby="buiten-de-rekening">')
    section = body[start : body.index("</section>", start)]
    assert "Buiten de rekening van het initiatief" in section
    assert section.count("gebruikers (PWA)") == 2
    assert section.count(money(356400, "nl")) == 2
    assert "PWA-cheques" in section
    # After the plan's lines, and no PWA line among them.
    lines = body.index('<section aria-labelledby="lijnen">')
    assert lines < start
    assert "gebruikers (PWA)" not in body[lines:start]


def test_the_english_plan_page_names_the_section_in_english(client: TestClient) -> None:
    body = client.get("/en/plan/example/bik-klusjesdienst").text
    assert "Outside the initiative&#39;s accounts" in body
    assert body.count("gebruikers (PWA)") == 2
