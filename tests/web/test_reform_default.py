"""A reform is compared with the best statute per person under each rule set, as the plan
chooses it for a person without a fixed statute, unless the visitor keeps the file's
statutes; the page says in one sentence who gains what, or why nothing changes.

The expectations are worked out by hand from RULEBOOK §3 and §7 for the vzw BIK example
(horizon 2006-01 … 2007-12, 24 months):
- SINE for a worker under 45 unemployed ≥ 24 months (band of 21 quarters) over the horizon:
  8 quarters × 1 000 + 24 months × 500 = 20 000 (§3.3), paid by the federal government until
  2014-06-30.
- w4 (hoger secundair, 30 months on UVW) is on WEP+ in the file; the WEP+ grant of 9 000 a year
  is booked in the 18 months w4 applies WEP+: 13 500 (§3.6). Under `sine-uitbreiding` the
  low-skilled condition goes (§7), so w4 is eligible for SINE, which brings 20 000: + 6 500.
  The grant's funder "Vlaams + federaal" loses 13 500, the federal government gains 20 000.
- w2 (leefloon, 3 months unemployed) stays below the 6 months that stay for leefloners (§7).
- `lde-koppeling-sine` adds 1 200 a year × FTE for each SINE worker in an LDE initiative,
  paid by Vlaams (§7): 2 400 each over two years.
"""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient

from klaverblad.advice.condition_labels import CONDITIONS
from klaverblad.web.words.reform_default import REFORM_DEFAULT_WORDS
from tests.web.conftest import EXAMPLES

DUTCH = CONDITIONS["nl"]
BIK = "bik-klusjesdienst"
BIK_TEXT = (EXAMPLES / f"{BIK}.yaml").read_text(encoding="utf-8")
NL = REFORM_DEFAULT_WORDS["nl"]
CODES = ("sine", "art60", "wep_plus", "activa", "gesco", "regular", "lde-koppeling-sine")


def text_of(fragment: str) -> str:
    """What a reader sees: tags dropped, entities decoded, spaces joined."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def verdict(body: str) -> str:
    found = re.search(r"<p class=\"notice verdict\" data-verdict>(.*?)</p>", body, re.S)
    assert found is not None, "no verdict on the page"
    return text_of(found.group(1))


def compared(client: TestClient, path: str = "/vergelijken", **params: str) -> str:
    response = client.get(path, params={"example": BIK, **params})
    assert response.status_code == 200, response.text[:2000]
    return response.text


def posted(client: TestClient, text: str, **fields: str) -> str:
    response = client.post("/vergelijken", data={"text": text, **fields})
    assert response.status_code == 200, response.text[:2000]
    return response.text


def test_every_language_has_the_same_words() -> None:
    assert REFORM_DEFAULT_WORDS["nl"].keys() == REFORM_DEFAULT_WORDS["en"].keys()


def test_by_default_a_reform_gives_w4_sine_and_the_sentence_says_who_gains_what(
    client: TestClient,
) -> None:
    body = compared(client, reform="sine-uitbreiding")
    assert verdict(body) == (
        "Onder de hervorming krijgt het plan over 24 maanden € 6.500,00 meer financiering: "
        "w4 brengt € 6.500,00 meer op (SINE in plaats van WEP+); de federale overheid betaalt "
        "€ 20.000,00 meer en Vlaams + federaal € 13.500,00 minder."
    )
    assert NL["mode_best"] in text_of(body)


def test_the_sentence_shows_no_code(client: TestClient) -> None:
    said = verdict(compared(client, reform="sine-uitbreiding"))
    for code in CODES:
        assert not re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", said), code


def test_the_page_says_when_the_baseline_is_not_the_files_statutes(client: TestClient) -> None:
    # Chosen again under the current rules, w3 gets SINE (20 000) rather than the file's
    # Activa (500 a month, 24 months inside the horizon: 12 000).
    body = compared(client, reform="sine-uitbreiding")
    note = re.search(r"data-baseline-note>(.*?)</p>", body, re.S)
    assert note is not None
    assert "w3 krijgt SINE in plaats van Activa" in text_of(note.group(1))


def test_keeping_the_files_statutes_says_why_nothing_changes(client: TestClient) -> None:
    body = compared(client, reform="sine-uitbreiding", keep_statutes="1")
    assert verdict(body) == (
        "De hervorming verandert niets voor dit plan omdat iedereen het statuut van het "
        "bestand houdt, terwijl er nieuwe statuten mogelijk worden (SINE voor w4). Vink "
        "„Houd de statuten van het bestand” uit om per persoon het beste statuut te kiezen."
    )
    assert NL["mode_file"] in text_of(body)
    assert "data-baseline-note" not in body


def test_the_switch_is_unticked_by_default_and_kept_when_ticked(client: TestClient) -> None:
    field = r'<input type="checkbox" id="voorbeeld-statuten-bestand" name="keep_statutes"[^>]*>'
    unticked = re.search(field, compared(client, reform="sine-uitbreiding"))
    assert unticked is not None and "checked" not in unticked.group(0)
    ticked = re.search(field, compared(client, reform="sine-uitbreiding", keep_statutes="1"))
    assert ticked is not None and "checked" in ticked.group(0)
    assert '<label for="voorbeeld-statuten-bestand">Houd de statuten van het bestand' in (
        compared(client)
    )


def test_lde_koppeling_sine_names_each_sine_worker_and_the_flemish_government(
    client: TestClient,
) -> None:
    body = compared(client, reform="lde-koppeling-sine")
    assert verdict(body) == (
        "Onder de hervorming krijgt het plan over 24 maanden € 4.800,00 meer financiering: "
        "w1 brengt € 2.400,00 meer op (blijft op SINE) en w3 € 2.400,00 meer (blijft op "
        "SINE); de Vlaamse overheid betaalt € 4.800,00 meer."
    )


def test_the_english_sentence_is_in_english(client: TestClient) -> None:
    body = compared(client, "/en/compare", reform="lde-koppeling-sine", keep_statutes="1")
    assert verdict(body) == (
        "Under the reform the plan gets €2,400.00 more funding over 24 months: w1 brings "
        "€2,400.00 more (stays on SINE); the Flemish government pays €2,400.00 more."
    )


def test_other_statutes_alone_compare_the_file_as_it_is(client: TestClient) -> None:
    # No other rules: the baseline is the file (w3 on Activa, 24 × 500 = 12 000 inside the
    # horizon) and SINE for w3 brings 20 000: + 8 000, paid by the federal government.
    body = compared(client, **{"statute:w3": "sine"})
    assert verdict(body) == (
        "Met de gekozen statuten krijgt het plan over 24 maanden € 8.000,00 meer "
        "financiering: w3 brengt € 8.000,00 meer op (SINE in plaats van Activa); de federale "
        "overheid betaalt € 8.000,00 meer."
    )
    assert "w3 krijgt SINE" in text_of(body)  # what the alternative is, in words


def test_a_reform_that_makes_nobody_eligible_says_which_conditions_fail(
    client: TestClient,
) -> None:
    # Only w2 (leefloon, 3 months unemployed; the leefloner's threshold of 6 months stays)
    # and s1 (no benefit): nobody becomes eligible for SINE.
    people = BIK_TEXT.split("  - id: w1", 1)[0]
    rest = BIK_TEXT[BIK_TEXT.index("  - id: w2") : BIK_TEXT.index("  - id: w3")]
    supervisor = BIK_TEXT[BIK_TEXT.index("  - id: s1") : BIK_TEXT.index("activities:")]
    tail = BIK_TEXT[BIK_TEXT.index("activities:") :]
    text = people + rest + supervisor + tail
    said = verdict(posted(client, text, reform="sine-uitbreiding"))
    assert said == (
        "De hervorming verandert niets voor dit plan: niemand komt erdoor nieuw in "
        f"aanmerking voor SINE (w2 voldoet niet aan: {DUTCH['sine_unemployment_ok']}; s1 "
        f"voldoet niet aan: {DUTCH['sine_status_ok']} en {DUTCH['sine_unemployment_ok']})."
    )


def test_a_reform_whose_new_statute_brings_less_says_so(client: TestClient) -> None:
    # With a WEP+ grant of 18 000 a year, WEP+ brings w4 18 000 × 18 / 12 = 27 000, more than
    # the 20 000 of SINE that the reform opens: the best statute stays WEP+. w1's SINE
    # (20 000) still beats its 12 months of WEP+ (18 000).
    text = BIK_TEXT.replace("amount_per_year: 9000.00", "amount_per_year: 18000.00")
    assert text != BIK_TEXT
    said = verdict(posted(client, text, reform="sine-uitbreiding"))
    assert said == (
        "De hervorming verandert niets voor dit plan: w4 komt in aanmerking voor SINE "
        "(€ 20.000,00), maar WEP+ brengt minstens evenveel op (€ 27.000,00)."
    )
