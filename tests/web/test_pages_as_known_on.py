""" "As known on" on the pages (docs/web.md, docs/as-known-on.md): BIK's plan page as known on
30 June 2006 and the comparison of as planned then with as it turned out, in Dutch without a
code, a bad date said at its field (422) with nothing lost. The figures are worked out by hand
in tests/advice/test_known_on_steps.py and tests/test_cli_as_known_on.py."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient

from tests.web.test_no_codes_on_dutch_pages import codes_in, read

PLAN = "/plan/voorbeeld/bik-klusjesdienst"
COMPARE = "/vergelijken?example=bik-klusjesdienst"


def text_of(html: str) -> str:
    return " ".join(" ".join(read(html).text).split())


def test_the_plan_page_as_known_then_says_so_and_links_to_the_comparison(
    client: TestClient,
) -> None:
    response = client.get(f"{PLAN}?as_known_on=2006-06-30")
    assert response.status_code == 200
    text = text_of(response.text)
    assert "Dit plan gebruikt alleen de regels die gekend waren op 30 juni 2006." in text
    # The file's statutes: 147.545,19 - 75,51 + 600,00 = 148.069,68 as known then.
    assert "148.069,68" in text and "147.545,19" not in text
    assert (
        'href="/vergelijken?example=bik-klusjesdienst&amp;as_known_on=2006-06-30"' in response.text
    )
    assert codes_in(text) == []


def test_the_plan_page_of_today_has_the_field_and_no_notice(client: TestClient) -> None:
    response = client.get(PLAN)
    text = text_of(response.text)
    assert "Zoals gekend op (datum)" in text
    assert "gekend waren op" not in text
    assert "147.545,19" in text


def test_a_bad_date_on_the_plan_page_is_said_at_the_field(client: TestClient) -> None:
    response = client.get(f"{PLAN}?as_known_on=2006-02-30")
    assert response.status_code == 422
    assert 'aria-invalid="true"' in response.text
    assert 'value="2006-02-30"' in response.text
    assert "Geef een datum in de vorm JJJJ-MM-DD, niet na vandaag." in text_of(response.text)


def test_the_comparison_names_the_two_plans_and_each_measure_known_later(
    client: TestClient,
) -> None:
    response = client.get(f"{COMPARE}&as_known_on=2006-06-30")
    assert response.status_code == 200
    text = text_of(response.text)
    assert "Zoals toen gepland (regels gekend op 30 juni 2006)" in text
    assert "Zoals het uitdraaide" in text
    assert "waarden van artikel 60 §7 die pas later bekend werden" in text
    assert "waarden van dienstencheques die pas later bekend werden" in text
    # 75,51 + 0,00 - 600,00.
    assert "− € 524,49" in text.replace("\xa0", " ")
    assert codes_in(text) == []


def test_the_comparisons_csv_keeps_the_date(client: TestClient) -> None:
    response = client.get(
        "/vergelijken/csv?example=bik-klusjesdienst&as_known_on=2006-06-30&table=steps"
    )
    assert response.status_code == 200
    # The CSV's codes and decimal points, as every CSV of the page (contract style).
    assert "known_later:art60,75.51," in response.text
    assert "total,-524.49," in response.text


def test_a_date_with_a_reform_is_refused_at_the_date(client: TestClient) -> None:
    response = client.get(f"{COMPARE}&as_known_on=2006-06-30&reform=sine-uitbreiding")
    assert response.status_code == 422
    assert "Vergelijk met een datum of met een hervorming of wijziging, niet met beide." in text_of(
        response.text
    )


def test_the_comparison_names_the_two_plans_in_its_facts_headings_and_columns(
    client: TestClient,
) -> None:
    response = client.get(f"{COMPARE}&as_known_on=2006-06-30")
    lines = [" ".join(line.split()) for line in read(response.text).text if line.strip()]
    results = lines[lines.index("Zoals toen gepland en zoals het uitdraaide naast elkaar") :]
    # The fact list: each plan by its name and its rules.
    then = results.index("Zoals toen gepland (regels gekend op 30 juni 2006)")
    assert results[then + 1].startswith("regelversie ")
    assert results[then + 2] == "Zoals het uitdraaide (regels van vandaag)"
    assert results[then + 3].startswith("regelversie ")
    for heading in (
        "Financiering, zoals toen gepland",
        "Saldo, zoals het uitdraaide",
        "Statuut, zoals toen gepland",
        "In aanmerking voor (zoals het uitdraaide)",
        "Verdwijnen in het plan zoals het uitdraaide",
        "Komen erbij in het plan zoals het uitdraaide",
        "Het plan zoals het uitdraaide kan elk bedrag berekenen.",
    ):
        assert heading in results
    shown = " ".join(results)
    assert "Huidige regels" not in shown and "huidige regels" not in shown
    assert "lternatief" not in shown


def test_a_comparison_with_a_reform_still_says_current_rules_and_alternative(
    client: TestClient,
) -> None:
    text = text_of(client.get(f"{COMPARE}&reform=sine-uitbreiding").text)
    assert "Huidige regels en alternatief naast elkaar" in text
    assert "Zoals toen gepland" not in text


def test_a_step_that_changes_nothing_is_drawn_muted_neither_gain_nor_loss(
    client: TestClient,
) -> None:
    # BIK as known on 30 June 2006, best statutes: Activa's later values change nothing
    # (€ 0,00, docs/as-known-on.md); the leefloon step gains (+ 75,51), the dienstencheque
    # step loses (− 600,00).
    page = client.get(f"{COMPARE}&as_known_on=2006-06-30").text
    bars = re.findall(r'<g class="waterfall-bar waterfall-(\w+)"[^>]*data-cents="(-?\d+)">', page)
    assert ("same", "0") in bars and ("more", "7551") in bars and ("less", "-60000") in bars
    same = page.split('class="waterfall-bar waterfall-same"', 1)[1].split("</g>", 1)[0]
    assert 'fill="#4D4D4D"' in same and "#B00020" not in same


ENGLISH_NOTICE = "This plan uses only the rules known on 30 June 2006."


def language_switch(body: str) -> str:
    """The address of the header's language switch ("English" / "Nederlands")."""
    found = re.search(r'<a href="([^"]*)" hreflang="(?:en|nl)"', body)
    assert found is not None
    return html.unescape(found.group(1))


def test_the_language_switch_of_a_plan_page_as_known_then_keeps_the_date(
    client: TestClient,
) -> None:
    switch = language_switch(client.get(f"{PLAN}?as_known_on=2006-06-30").text)
    assert switch == "/en/plan/example/bik-klusjesdienst?as_known_on=2006-06-30"
    english = client.get(switch)
    assert english.status_code == 200
    text = text_of(english.text)
    assert ENGLISH_NOTICE in text
    # 147,545.19 - 75.51 + 600.00 = 148,069.68 as known then, written the English way.
    assert "Funding €148,069.68" in text and "147,545.19" not in text
    # And back: the Dutch page of the same date.
    assert language_switch(english.text) == f"{PLAN}?as_known_on=2006-06-30"


def test_the_language_switch_of_today_s_plan_page_adds_no_date(client: TestClient) -> None:
    assert language_switch(client.get(PLAN).text) == "/en/plan/example/bik-klusjesdienst"


def test_the_language_switch_of_a_bad_date_keeps_it_to_be_said_in_english(
    client: TestClient,
) -> None:
    switch = language_switch(client.get(f"{PLAN}?as_known_on=2006-02-30").text)
    assert switch == "/en/plan/example/bik-klusjesdienst?as_known_on=2006-02-30"
    english = client.get(switch)
    assert english.status_code == 422
    assert 'value="2006-02-30"' in english.text


def test_the_language_switch_of_the_comparison_as_known_then_keeps_the_date(
    client: TestClient,
) -> None:
    switch = language_switch(client.get(f"{COMPARE}&as_known_on=2006-06-30").text)
    assert switch == "/en/compare?example=bik-klusjesdienst&as_known_on=2006-06-30"
    text = text_of(client.get(switch).text)
    assert "As planned then (rules known on 30 June 2006)" in text
    # 75.51 + 0.00 - 600.00 = -524.49 between the two plans' funding.
    assert "− €524.49" in text
