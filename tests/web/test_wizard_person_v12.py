"""The v1.2 person fields in the wizard's person step (CONTRACT §2): the VDAB's maatwerk
package, the VOP decision, an allocated gesco post, an indefinite contract and the gross
quarterly wage, offered in Dutch and English with their help, kept through every page, read
the Belgian way, refused at their own field, and absent from an older draft or file without
anything lost (their defaults: no package, no VOP, no gesco post, an indefinite contract)."""

from __future__ import annotations

import json
import re
from datetime import date

from fastapi.testclient import TestClient

from klaverblad.locale import money
from klaverblad.web.wizard.draft import default_draft, draft_from_json
from tests.web.test_no_codes_on_dutch_pages import codes_in, read
from tests.web.test_wizard import Form, current_step, press, text_of, wizard_form
from tests.web.test_wizard_people import WORKER, filled_template, import_people

NEW = ("maatwerk_pakket", "vop", "gesco_post", "contract_indefinite", "gross_quarterly_wage")


def person_step(client: TestClient, path: str = "/nieuw") -> Form:
    """Step 3 of a plan over January–March 2024 (individueel maatwerk exists from 2023-07)."""
    form = wizard_form(client.get(path)).set(horizon__start="2024-01", horizon__months="3")
    return wizard_form(press(client, form, "step-3"))


def filled_in(form: Form, wage: str = "10.000,00") -> Form:
    form.set(
        people__0__statute="maatwerk",
        people__0__maatwerk_pakket="5j_verhoogd",
        people__0__vop="bepaald",
        people__0__gesco_post=["on"],
        people__0__gross_quarterly_wage=wage,
    )
    # An unticked checkbox sends nothing, as in a browser.
    form.controls = [(k, v) for k, v in form.controls if k != "people[0].contract_indefinite"]
    return form


def review_yaml(body: str) -> str:
    found = re.search(r"<textarea[^>]*>(.*?)</textarea>", body, re.S)
    assert found is not None, "no YAML on the review"
    return found.group(1)


def test_a_new_person_offers_the_v1_2_fields_with_the_contract_defaults(
    client: TestClient,
) -> None:
    response = press(client, wizard_form(client.get("/nieuw")), "step-3")
    body = response.text
    form = wizard_form(response)
    # Ticked: an indefinite contract; not ticked: a gesco post; the rest empty.
    assert form.value("people[0].contract_indefinite") == "on"
    assert "people[0].gesco_post" not in dict(form.controls)
    for name in ("maatwerk_pakket", "vop", "gross_quarterly_wage"):
        assert form.value(f"people[0].{name}") == ""
    text = text_of(body)
    for label in (
        "Startpakket individueel maatwerk (VDAB)",
        "Vlaamse ondersteuningspremie (VOP): beslissing van de VDAB",
        "Toegewezen gesco-plaats",
        "Contract van onbepaalde duur",
        "Brutoloon per kwartaal (€)",
    ):
        assert label in text
    # Each says what it is for.
    assert "het startpakket individueel maatwerk dat de VDAB besliste" in text
    assert "de beslissing van de VDAB over de Vlaamse ondersteuningspremie" in text
    assert "gesco-plaats is toegewezen" in text
    assert "uitvinken bij een contract van bepaalde duur" in text
    assert "voor de doelgroepvermindering zonder recente, duurzame werkervaring" in text
    # The choices in words, never their codes.
    assert ">5 jaar, verhoogde loonpremie</option>" in body
    assert ">VOP van bepaalde duur</option>" in body
    assert codes_in(" ".join(read(body).text)) == []
    # A flag at the model's own default is no wizard guess: no "standaardwaarde" mark.
    assert 'id="f-people-0-contract-indefinite-default"' not in body


def test_the_v1_2_fields_go_round_every_page_into_the_file_and_the_plan(
    client: TestClient,
) -> None:
    step3 = press(client, filled_in(person_step(client)), "step-2")  # away and back
    form = wizard_form(press(client, wizard_form(step3), "step-3"))
    assert form.value("people[0].maatwerk_pakket") == "5j_verhoogd"
    assert form.value("people[0].vop") == "bepaald"
    assert form.value("people[0].gesco_post") == "on"
    assert "people[0].contract_indefinite" not in dict(form.controls)
    assert form.value("people[0].gross_quarterly_wage") == "10.000,00"
    review = press(client, form, "step-6")
    assert review.status_code == 200 and current_step(review.text) == "6"
    text = text_of(review.text)
    assert "Contract van onbepaalde duur  nee" in text
    assert "Startpakket individueel maatwerk (VDAB)  5 jaar, verhoogde loonpremie" in text
    assert "beslissing van de VDAB  VOP van bepaalde duur" in text
    document = review_yaml(review.text)
    for line in (
        "contract_indefinite: false",
        "gross_quarterly_wage: 10000.00",
        "gesco_post: true",
        "maatwerk_pakket: 5j_verhoogd",
        "vop: bepaald",
    ):
        assert line in document
    # By hand (RULEBOOK §3.8): 5j_verhoogd pays 55 % in quarters 1–5 of the wage cost,
    # capped at 2 × GGMMI (2 × 1994.18 = 3988.36 from 2023-07) × 1 FTE: 3000 is below it.
    # 0.55 × 3000.00 = 1650.00 a month × 3 months = 4950.00 on leaf II.
    row = re.search(r'<tr data-leaf="II">(.*?)</tr>', review.text, re.S)
    assert row is not None and money(495_000, "nl") in row.group(1)


def test_the_english_page_offers_the_same_fields_and_rewrites_the_wage(
    client: TestClient,
) -> None:
    form = filled_in(person_step(client))
    english = client.post("/en/new", data=form.data("refresh"))  # "continue in English"
    assert english.status_code == 200 and '<html lang="en">' in english.text
    form = wizard_form(english)
    # 10.000,00 typed on the Dutch page is ten thousand euros, written the English way.
    assert form.value("people[0].gross_quarterly_wage") == "10000.00"
    assert form.value("people[0].maatwerk_pakket") == "5j_verhoogd"
    text = text_of(english.text)
    for label in (
        "Individueel maatwerk start package (VDAB)",
        "Vlaamse ondersteuningspremie (VOP, support premium): VDAB decision",
        "Allocated gesco post",
        "Indefinite contract (onbepaalde duur)",
        "Gross wage per quarter (€)",
        "untick for a fixed-term contract",
    ):
        assert label in text
    assert ">5 years, increased wage premium (verhoogde loonpremie)</option>" in english.text
    review = press(client, form, "step-6")
    assert "gross_quarterly_wage: 10000.00" in review_yaml(review.text)
    assert "contract_indefinite: false" in review_yaml(review.text)


def test_an_english_page_reads_the_english_way_of_money(client: TestClient) -> None:
    form = filled_in(person_step(client, "/en/new"), wage="9,500.50")
    review = press(client, form, "step-6")
    assert review.status_code == 200
    assert "gross_quarterly_wage: 9500.50" in review_yaml(review.text)


def test_a_bad_quarterly_wage_is_named_at_its_field_and_nothing_is_lost(
    client: TestClient,
) -> None:
    bad = press(client, filled_in(person_step(client), wage="veel"))
    assert bad.status_code == 422 and current_step(bad.text) == "3"
    text = text_of(bad.text)
    assert "Persoon 1 (p1): Brutoloon per kwartaal (€): 'veel' is geen getal" in text
    form = wizard_form(bad)
    assert form.value("people[0].gross_quarterly_wage") == "veel"
    assert form.value("people[0].maatwerk_pakket") == "5j_verhoogd"
    assert form.value("people[0].gesco_post") == "on"
    assert "people[0].contract_indefinite" not in dict(form.controls)
    # Zero is a number but no wage: the model's refusal lands on the same field.
    zero = press(client, filled_in(person_step(client), wage="0"))
    assert zero.status_code == 422
    assert 'id="f-people-0-gross-quarterly-wage-error"' in zero.text


def test_a_draft_saved_before_v1_2_loads_with_the_defaults(client: TestClient) -> None:
    draft = default_draft("nl", date(2026, 11, 27))
    raw = json.loads(draft.to_json())
    for person in raw["lists"]["people"]:
        for name in NEW:
            del person["values"][name]
    old = json.dumps(raw)
    loaded = draft_from_json(old)
    assert loaded is not None
    values = loaded.items("people")[0].values
    assert values["contract_indefinite"] is True and values["gesco_post"] is False
    assert values["maatwerk_pakket"] == values["vop"] == values["gross_quarterly_wage"] == ""
    # Through the page: the plan is computed and the file says nothing of the new fields.
    review = client.post("/nieuw", data={"draft": old, "step": "6", "go": "refresh"})
    assert review.status_code == 200 and current_step(review.text) == "6"
    document = review_yaml(review.text)
    assert not any(f"{name}:" in document for name in NEW)
    form = wizard_form(press(client, wizard_form(review), "step-3"))
    assert form.value("people[0].contract_indefinite") == "on"


def test_a_v1_1_file_opens_in_the_wizard_with_an_indefinite_contract(
    client: TestClient,
) -> None:
    document = """
id: oud-plan
name: Oud plan
promoter: {name: vzw Oud, legal_form: vzw, municipality: Gent}
horizon: {start: 2006-01, months: 12}
people:
  - id: w1
    role: target
    birth_date: 1968-03-15
    diploma: lager_secundair
    status: uvw
    unemployed_months: 30
    start_date: 2006-01-01
    fte: 1.0
    monthly_wage_cost: 2100.00
"""
    review = client.post("/nieuw", data={"document": document})
    assert review.status_code == 200 and current_step(review.text) == "6"
    assert "contract_indefinite" not in review_yaml(review.text)
    form = wizard_form(press(client, wizard_form(review), "step-3"))
    assert form.value("people[0].contract_indefinite") == "on"
    assert "people[0].gesco_post" not in dict(form.controls)


def test_an_imported_template_fills_the_v1_2_fields_of_the_person_step(
    client: TestClient,
) -> None:
    rows = [
        {**WORKER, "maatwerk_pakket": "2j", "contract_indefinite": "nee"},
        {**WORKER, "id": "w2", "vop": "onbepaald", "gesco_post": "ja"},
        {**WORKER, "id": "w3", "gross_quarterly_wage": "9.999,99"},
    ]
    response = import_people(client, filled_template(client, rows))
    assert response.status_code == 200 and current_step(response.text) == "3"
    form = wizard_form(response)
    assert form.value("people[0].maatwerk_pakket") == "2j"
    assert "people[0].contract_indefinite" not in dict(form.controls)  # "nee"
    assert form.value("people[1].vop") == "onbepaald"
    assert form.value("people[1].gesco_post") == "on"
    # An empty cell is the contract's default: an indefinite contract.
    assert form.value("people[1].contract_indefinite") == "on"
    # 9.999,99 typed as text in a Dutch sheet: written back as the Dutch page writes it.
    assert form.value("people[2].gross_quarterly_wage") == "9999,99"
