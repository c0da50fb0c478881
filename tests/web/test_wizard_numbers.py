"""Numbers typed in the wizard are read the way Flemings write them (issue 10, item 1): on the
Dutch pages `2.950` is two thousand nine hundred and fifty euros, never € 2,95; an amount that
could mean two things is refused at its field with the readings offered; English pages keep
the English reading. And the live echo: what a number is read as, asked while typing."""

from __future__ import annotations

import html
import json
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient

from klaverblad.locale import Language
from klaverblad.web.wizard.convert import check
from klaverblad.web.wizard.draft import draft_from_json
from tests.web.test_wizard import Form, gap_cents, press, text_of, wizard_form

NBSP = "\u00a0"  # Babel puts a no-break space between € and the Dutch amount
WAGE = "people[0].monthly_wage_cost"
ECHO = {"nl": "/nieuw/gelezen-als", "en": "/en/new/read-as"}
WIZARD = {"nl": "/nieuw", "en": "/en/new"}


def people_step(client: TestClient, language: Language = "nl") -> Form:
    """Step 3 of a new plan, its one person on a regular contract (no wage subsidy: the
    funding does not depend on the wage, so the gap moves with the wage cost alone)."""
    form = wizard_form(press(client, wizard_form(client.get(WIZARD[language])), "step-3"))
    return form.set(people__0__statute="regular")


def typed(client: TestClient, language: Language = "nl", **values: str) -> tuple[int, Form, str]:
    """The status, the form and the page after typing `values` at step 3 and computing."""
    response = press(client, people_step(client, language).set(**values), "refresh")
    return response.status_code, wizard_form(response), response.text


def wage_read(form: Form, language: Language = "nl") -> Decimal:
    """The monthly wage cost the plan is computed with, from the draft the page carries."""
    draft = draft_from_json(form.value("draft"))
    assert draft is not None
    data = check(draft, language).data
    wage = data["people"][0]["monthly_wage_cost"]
    assert isinstance(wage, Decimal)
    return wage


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("2.950", Decimal("2950")),
        ("€ 2.950", Decimal("2950")),
        ("2.950,50", Decimal("2950.5")),
        ("2950", Decimal("2950")),
        ("3 000", Decimal("3000")),
        ("2,95", Decimal("2.95")),
        ("1.234.567,8", Decimal("1234567.8")),
        (f"€{NBSP}2.950,00", Decimal("2950")),  # as the program itself prints it
    ],
)
def test_a_wage_typed_the_belgian_way_is_read_as_flemings_mean_it(
    client: TestClient, text: str, number: Decimal
) -> None:
    status, form, _body = typed(client, people__0__monthly_wage_cost=text)
    assert status == 200
    assert wage_read(form) == number
    assert form.value(WAGE) == text  # shown again as typed


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("2,950", f"bedoel je €{NBSP}2.950,00 of €{NBSP}2,95?"),
        ("2.95", f"bedoel je €{NBSP}2,95?"),
        ("1,234.56", f"bedoel je €{NBSP}1.234,56?"),
    ],
)
def test_an_ambiguous_wage_is_refused_at_its_field_offering_the_readings(
    client: TestClient, text: str, readings: str
) -> None:
    status, form, body = typed(client, people__0__monthly_wage_cost=text)
    assert status == 422
    page = text_of(body)
    assert f"Persoon 1 (p1): Loonkost per maand (€): '{text}'" in page
    assert readings in page
    assert '<a href="#f-people-0-monthly-wage-cost">' in body
    assert form.value(WAGE) == text  # kept, never guessed
    assert "data-gap-cents" not in body  # no plan computed with a guess


def test_the_plan_uses_2950_for_a_wage_typed_2_950(client: TestClient) -> None:
    gaps = {}
    for text in ("2.950", "3.000", "2950,00"):
        _status, _form, body = typed(client, people__0__monthly_wage_cost=text)
        gaps[text] = gap_cents(body)
    # 36 months (the default horizon) × € 50 less wage cost, the funding unchanged.
    assert gaps["3.000"] - gaps["2.950"] == 36 * 50 * 100
    assert gaps["2.950"] == gaps["2950,00"]


def test_fte_and_hours_and_counts_are_read_the_dutch_way(client: TestClient) -> None:
    status, form, _body = typed(
        client,
        people__0__fte="0,8",
        people__0__unemployed_months="1.000",
        people__0__monthly_wage_cost="2.950",
    )
    assert status == 200
    draft = draft_from_json(form.value("draft"))
    assert draft is not None
    person = check(draft, "nl").data["people"][0]
    assert person["fte"] == Decimal("0.8")
    assert person["unemployed_months"] == 1000


def test_a_decimal_in_a_count_is_refused_naming_the_field(client: TestClient) -> None:
    status, _form, body = typed(client, people__0__unemployed_months="24,5")
    assert status == 422
    label = "Persoon 1 (p1): Maanden werkloos vóór de aanwerving"
    assert f"{label}: '24,5' is geen geheel getal" in text_of(body)


def test_an_english_page_keeps_the_english_reading(client: TestClient) -> None:
    status, form, _body = typed(client, "en", people__0__monthly_wage_cost="2,950.50")
    assert status == 200
    assert wage_read(form, "en") == Decimal("2950.5")
    status, _form, body = typed(client, "en", people__0__monthly_wage_cost="2.950")
    assert status == 422
    assert "did you mean €2,950.00 or €2.95?" in text_of(body)


def test_the_page_echoes_a_reformatted_wage_after_computing(client: TestClient) -> None:
    _status, _form, body = typed(client, people__0__monthly_wage_cost="2.950")
    assert f"gelezen als €{NBSP}2.950,00" in html.unescape(body)


def test_every_number_field_asks_for_its_echo_while_typing(client: TestClient) -> None:
    body = client.get("/nieuw").text
    inputs = [line for line in body.split("<input") if 'hx-get="/nieuw/gelezen-als"' in line]
    assert any('name="horizon.months"' in line for line in inputs)
    assert not any('name="name"' in line for line in inputs)  # a text field has no echo
    people = press(client, wizard_form(client.get("/nieuw")), "step-3").text
    wage = next(line for line in people.split("<input") if f'name="{WAGE}"' in line)
    assert 'hx-trigger="keyup changed delay:300ms"' in wage
    assert 'hx-target="#f-people-0-monthly-wage-cost-live"' in wage
    assert json.loads(html.unescape(wage.split("hx-vals='")[1].split("'")[0])) == {"field": WAGE}
    assert '<div class="echo-live" id="f-people-0-monthly-wage-cost-live" aria-live="polite">' in (
        people
    )


@pytest.mark.parametrize(
    ("language", "kind", "text", "shown"),
    [
        ("nl", "money", "2.950", f"gelezen als €{NBSP}2.950,00"),
        ("nl", "money", "€ 2.950", f"gelezen als €{NBSP}2.950,00"),
        ("nl", "money", "2.950,50", f"gelezen als €{NBSP}2.950,50"),
        ("nl", "money", "2950", f"gelezen als €{NBSP}2.950,00"),
        ("nl", "money", "3 000", f"gelezen als €{NBSP}3.000,00"),
        ("nl", "money", "2,95", f"gelezen als €{NBSP}2,95"),
        ("nl", "money", "1.234.567,8", f"gelezen als €{NBSP}1.234.567,80"),
        ("nl", "decimal", "0,8", "gelezen als 0,8"),
        ("nl", "decimal", "0.8", "gelezen als 0,8"),
        ("nl", "decimal", "1.500", "gelezen als 1.500"),
        ("nl", "integer", "36", "gelezen als 36"),
        ("en", "money", "2,950.50", "read as €2,950.50"),
        ("en", "decimal", "0.8", "read as 0.8"),
    ],
)
def test_the_echo_says_what_a_number_is_read_as(
    client: TestClient, language: Language, kind: str, text: str, shown: str
) -> None:
    response = client.get(ECHO[language], params={"kind": kind, "value": text})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert f'<p class="echo" id="number-echo">{shown}</p>' in html.unescape(response.text)


@pytest.mark.parametrize(
    ("language", "text", "message"),
    [
        (
            "nl",
            "1,234.56",
            f"'1,234.56' is niet zoals we in België getallen schrijven: "
            f"bedoel je €{NBSP}1.234,56? Typ het dan zo",
        ),
        ("nl", "2.95", f"bedoel je €{NBSP}2,95?"),
        (
            "nl",
            "2,950",
            f"'2,950' kan op twee manieren gelezen worden: bedoel je "
            f"€{NBSP}2.950,00 of €{NBSP}2,95?",
        ),
        ("nl", "twee", "'twee' is geen getal"),
        ("nl", "1e5", "'1e5' is geen getal: schrijf het in cijfers, zonder exponent"),
        ("en", "2,950", None),
        ("en", "2.950", "did you mean €2,950.00 or €2.95?"),
    ],
)
def test_the_echo_refuses_what_it_cannot_read_with_the_readings(
    client: TestClient, language: Language, text: str, message: str | None
) -> None:
    response = client.post(ECHO[language], data={"field": WAGE, WAGE: text})
    assert response.status_code == 200
    body = html.unescape(response.text)
    if message is None:  # English grouping on an English page: no doubt
        assert "read as €2,950.00" in body
        return
    assert 'class="echo echo-problem" id="f-people-0-monthly-wage-cost-echo"' in body
    assert message in body


def test_the_echo_of_an_empty_field_is_empty(client: TestClient) -> None:
    response = client.get(ECHO["nl"], params={"field": WAGE, WAGE: "  "})
    assert response.status_code == 200 and "<p" not in response.text


@pytest.mark.parametrize(
    "params",
    [{"field": "people[0].id", "people[0].id": "p1"}, {"field": "nergens"}, {"kind": "euro"}],
)
def test_the_echo_of_a_field_that_holds_no_number_is_a_400_naming_it(
    client: TestClient, params: dict[str, str]
) -> None:
    response = client.get(ECHO["nl"], params=params)
    assert response.status_code == 400
    named = params.get("field", params.get("kind"))
    assert f"'{named}' is geen getalveld van de wizard" in html.unescape(response.text)


def test_the_echo_without_a_field_says_what_it_needs(client: TestClient) -> None:
    response = client.post(ECHO["en"])
    assert response.status_code == 400
    assert "say which number field of the wizard to read" in response.text


def test_continuing_in_english_keeps_a_dutch_typed_wage(client: TestClient) -> None:
    form = people_step(client).set(people__0__monthly_wage_cost="2.950", people__0__fte="0,8")
    english = press(client, form, "refresh", action="/en/new")  # "Continue in English"
    assert english.status_code == 200
    form = wizard_form(english)
    assert form.value(WAGE) == "2950.00" and form.value("people[0].fte") == "0.8"
    assert wage_read(form, "en") == Decimal("2950")
    typed = wizard_form(press(client, form.set(people__0__monthly_wage_cost="3,100.5"), "refresh"))
    back = wizard_form(press(client, typed, "refresh", action="/nieuw"))
    assert back.value(WAGE) == "3100,50"
    assert wage_read(back) == Decimal("3100.5")
