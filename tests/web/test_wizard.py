"""The plan wizard through FastAPI's TestClient, posting its forms as a browser without
JavaScript would: every successful control of the form, plus the button pressed.

The helpers here (`Form`, `wizard_form`, `press`) are shared by the other test_wizard*.py.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date
from html.parser import HTMLParser
from typing import Any

from fastapi.testclient import TestClient
from httpx import Response

from klaverblad.locale import money
from klaverblad.web.wizard.draft import next_january
from klaverblad.web.wizard.words import WIZARD_WORDS

FORM_ID = "wizard-form"


class _FormParser(HTMLParser):
    """The successful controls of the form with id `form_id` (buttons and files left out),
    in document order, as a browser submits them."""

    def __init__(self, form_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.controls: list[tuple[str, str]] = []
        self.select: str | None = None
        self.select_value: str | None = None
        self.first_option: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside:
            return
        if tag == "input" and "name" in a:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind in ("file", "submit", "button"):
                return
            self.controls.append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select":
            self.select, self.select_value, self.first_option = a.get("name"), None, None
        elif tag == "option" and self.select is not None:
            if self.first_option is None:
                self.first_option = a.get("value", "")
            if "selected" in a:
                self.select_value = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select is not None:
            value = self.select_value if self.select_value is not None else self.first_option
            self.controls.append((self.select, value or ""))
            self.select = None


class Form:
    """A filled-in wizard form: change values by name, then press a button."""

    def __init__(self, body: str) -> None:
        parser = _FormParser(FORM_ID)
        parser.feed(body)
        self.controls = parser.controls
        action = re.search(rf'<form id="{FORM_ID}"[^>]*action="([^"]+)"', body)
        assert action is not None, "no wizard form on the page"
        self.action = action.group(1)

    def value(self, name: str) -> str:
        return next(value for key, value in self.controls if key == name)

    def set(self, **values: str | list[str]) -> Form:
        """Set fields; `people__0__fte` stands for `people[0].fte`, `promoter__name` for
        `promoter.name`; a list sets a group of checkboxes."""
        for key, value in values.items():
            name = re.sub(r"__(\d+)__", r"[\1].", key).replace("__", ".")
            known = [k for k, _ in self.controls]
            assert isinstance(value, list) or name in known, f"no field {name} in the form"
            self.controls = [(k, v) for k, v in self.controls if k != name]
            for item in value if isinstance(value, list) else [value]:
                self.controls.append((name, item))
        return self

    def data(self, go: str) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for key, value in [*self.controls, ("go", go)]:
            data.setdefault(key, []).append(value)
        return data


def wizard_form(response: Response) -> Form:
    return Form(response.text)


def press(client: TestClient, form: Form, go: str = "next", action: str | None = None) -> Response:
    return client.post(action or form.action, data=form.data(go))


def gap_cents(body: str) -> int:
    match = re.search(r'data-gap-cents="(-?\d+)"', body)
    assert match is not None, "no computed gap on the page"
    return int(match.group(1))


def text_of(body: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def current_step(body: str) -> str:
    match = re.search(r'<li aria-current="step"[^>]*>\s*<span class="step-number">(\d)', body)
    assert match is not None, "no current step"
    return match.group(1)


def test_walking_every_step_gives_the_plan_computed_by_hand(client: TestClient) -> None:
    form = wizard_form(client.get("/nieuw"))
    form.set(
        name="Buurtdienst Test",
        id="buurtdienst-test",
        promoter__name="vzw Test",
        promoter__legal_form="vzw",
        promoter__municipality="Kortrijk",
        recognitions=["lde"],
        horizon__start="2006-01",
        horizon__months="12",
    )
    step2 = press(client, form)
    assert step2.status_code == 200 and current_step(step2.text) == "2"
    form = wizard_form(step2).set(
        activities__0__id="klussen",
        activities__0__kind="klusjes",
        activities__0__hours_per_month="100",
        activities__0__payment="cash",
        activities__0__price_per_hour="7,50",
        activities__0__client_group="kansarm",
    )
    step3 = press(client, form)
    assert current_step(step3.text) == "3"
    form = wizard_form(step3)
    # The default person's start date followed the plan's new first month.
    assert form.value("people[0].start_date") == "2006-01-01"
    form.set(
        people__0__id="w1",
        people__0__statute="",  # choose the best statute
        people__0__fte="0,5",
        people__0__monthly_wage_cost="2100,00",
        people__0__birth_date="15/03/1968",
        people__0__diploma="lager_secundair",
        people__0__status="uvw",
        people__0__unemployed_months="30",
    )
    step4 = press(client, form)
    assert current_step(step4.text) == "4"
    step4 = press(client, wizard_form(step4), "add-agreements")
    form = wizard_form(step4).set(
        agreements__0__funder="Sociale huisvestingsmaatschappij",
        agreements__0__domain="wonen",
        agreements__0__amount_per_year="5000",
    )
    step4 = press(client, form, "add-grants")
    form = wizard_form(step4).set(
        grants__0__measure="lde", grants__0__funder="Vlaams", grants__0__amount_per_year="8000,00"
    )
    step5 = press(client, form)
    assert current_step(step5.text) == "5"
    review = press(client, wizard_form(step5).set(costs__operating_per_year="6.000,00"))
    assert review.status_code == 200 and current_step(review.text) == "6"
    # By hand, RULEBOOK §1, §3.3, §4, §5, over 2006-01..2006-12:
    # w1 (37 at start, low-skilled, 30 months on UVW, LDE employer) is SINE-eligible; SINE at
    # 0.5 FTE = rsz 4 quarters × 1000 × 0.5 + allowance 12 × 500 × 0.5 = 2000 + 3000 = 5000,
    # more than Activa (12 × 500 × 0.5 = 3000) or gesco (5035.01 × 0.5): leaf II 5000.
    # Leaf I: the lde grant 8000. Leaf III: 100 h × 7.50 × 12 = 9000. Leaf IV: 5000.
    # Costs: 12 × 2100 + 6000 = 31200. Gap = 31200 − 27000 = 4200.00 (shortfall).
    assert gap_cents(review.text) == 420_000
    for leaf, cents in (("I", 800_000), ("II", 500_000), ("III", 900_000), ("IV", 500_000)):
        row = re.search(rf'<tr data-leaf="{leaf}">(.*?)</tr>', review.text, re.S)
        assert row is not None and money(cents, "nl") in row.group(1)
    assert '<tr data-person="w1"><th scope="row">w1</th><td>SINE</td>' in review.text
    # Break-even: (31200 − (27000 − 9000)) / 1200 cash hours = 11.00 per hour.
    assert f"{money(1100, 'nl')} per uur" in review.text
    assert "Tekort" in review.text


def test_step_one_shows_marked_defaults_and_a_computed_result(client: TestClient) -> None:
    response = client.get("/nieuw")
    assert response.status_code == 200
    body = response.text
    form = wizard_form(response)
    assert form.value("horizon.start") == next_january(date.today())
    assert form.value("horizon.months") == "36"
    assert body.count("standaardwaarde — pas aan") >= 7
    assert 'aria-describedby="f-horizon-start-default f-horizon-start-hint"' in body
    # The default person (fte 1, best statute) and activity travel in the draft.
    draft = json.loads(form.value("draft"))
    person = draft["lists"]["people"][0]
    assert person["values"]["fte"] == "1" and person["values"]["statute"] == ""
    assert "statute" in person["defaults"]
    assert draft["lists"]["activities"][0]["values"]["price_per_hour"] == "15,00"
    # A computed result beside step 1: the chart, the gap, the statute chosen.
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in body
    assert gap_cents(body) != 0 and ("Tekort" in body or "Overschot" in body)
    assert "beste statuut" in body
    assert '<ol class="wizard-steps">' in body and body.count('aria-current="step"') == 1


def test_a_decimal_comma_is_read_exactly_and_echoed(client: TestClient) -> None:
    form = wizard_form(client.get("/nieuw"))
    step3 = press(client, form, "step-3")
    form = wizard_form(step3).set(people__0__fte="0,5", people__0__monthly_wage_cost="1.234,5")
    response = press(client, form, "refresh")
    assert response.status_code == 200
    form = wizard_form(response)
    assert form.value("people[0].fte") == "0,5"
    draft = json.loads(form.value("draft"))
    assert "fte" not in draft["lists"]["people"][0]["defaults"]  # no longer a default
    assert f"gelezen als {money(123_450, 'nl')}" in html.unescape(response.text)


def test_a_bad_number_reshows_the_step_with_the_value_kept_and_422(client: TestClient) -> None:
    form = wizard_form(client.get("/nieuw"))
    form = wizard_form(press(client, form, "step-3")).set(people__0__fte="een half")
    response = press(client, form)  # "next" is refused: the step's own problem comes first
    assert response.status_code == 422
    assert current_step(response.text) == "3"
    body = html.unescape(response.text)
    assert 'value="een half"' in body
    assert "Persoon 1 (p1): Arbeidsduur (VTE): 'een half' is geen getal" in text_of(body)
    assert '<a href="#f-people-0-fte">' in body
    assert 'aria-invalid="true" aria-describedby="f-people-0-fte-hint f-people-0-fte-error"' in body
    # The result panel says which field keeps the plan from being computed, by name.
    assert WIZARD_WORDS["nl"]["result_missing"] in body
    assert "data-gap-cents" not in body


def test_an_emptied_required_field_is_named_in_the_result_panel(client: TestClient) -> None:
    form = wizard_form(client.get("/nieuw")).set(name="")
    response = press(client, form, "refresh")
    assert response.status_code == 422
    body = text_of(response.text)
    assert "Naam van het initiatief: is verplicht" in body
    assert WIZARD_WORDS["nl"]["result_missing"] in body


def test_going_back_and_jumping_keep_what_was_typed(client: TestClient) -> None:
    form = wizard_form(client.get("/nieuw")).set(name="Mijn buurtdienst")
    step2 = press(client, form, "step-2")
    form = wizard_form(step2).set(activities__0__hours_per_month="80")
    step1 = press(client, form, "back")
    assert current_step(step1.text) == "1"
    assert wizard_form(step1).value("name") == "Mijn buurtdienst"
    again = press(client, wizard_form(step1), "step-2")
    assert wizard_form(again).value("activities[0].hours_per_month") == "80"


def test_items_can_be_added_and_removed(client: TestClient) -> None:
    form = wizard_form(press(client, wizard_form(client.get("/nieuw")), "step-3"))
    added = press(client, form, "add-people")
    assert wizard_form(added).value("people[1].id") == "p2"
    removed = press(client, wizard_form(added), "remove-people-0")
    form = wizard_form(removed)
    assert form.value("people[0].id") == "p2"
    assert not any(name.startswith("people[1]") for name, _ in form.controls)


def test_the_result_fragment_refreshes_the_panel_for_htmx(client: TestClient) -> None:
    form = wizard_form(client.get("/nieuw")).set(horizon__months="12")
    body = client.post("/nieuw/resultaat", data=form.data("refresh")).text
    assert "<html" not in body and 'data-gap-cents="' in body
    assert '<p id="wizard-live" hx-swap-oob="innerHTML">Tekort: ' in body
    page = client.get("/nieuw").text
    assert 'hx-post="/nieuw/resultaat"' in page and 'aria-live="polite"' in page
    assert '<script src="/static/vendor/htmx.min.js" defer></script>' in page
    assert client.get("/static/vendor/htmx.min.js").text.startswith("/*! htmx.org 2.")


def test_a_result_table_downloads_as_csv(client: TestClient) -> None:
    form = wizard_form(client.get("/nieuw")).set(horizon__start="2027-01", horizon__months="12")
    response = client.post("/nieuw/tabel/leaves.csv", data=form.data("refresh"))
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    lines = response.text.splitlines()
    assert lines[0] == "leaf,amount" and [line.split(",")[0] for line in lines[1:]] == [
        "I",
        "II",
        "III",
        "IV",
    ]
    # The default activity: 100 hours × 15.00 × 12 months = 18000.00 in leaf III.
    assert "III,18000.00" in lines


def test_the_english_wizard_works_under_en(client: TestClient) -> None:
    response = client.get("/en/new")
    assert response.status_code == 200 and '<html lang="en">' in response.text
    assert "default value — change it" in response.text
    form = wizard_form(response)
    assert form.action == "/en/new" and form.value("name") == "My initiative"
    form = wizard_form(press(client, form, "step-3")).set(people__0__fte="half")
    bad = press(client, form)
    assert bad.status_code == 422
    assert "Person 1 (p1): Working time (FTE): 'half' is not a number" in text_of(bad.text)
    assert client.get("/en/new/people-template.xlsx").status_code == 200


def test_every_wizard_word_exists_in_both_languages() -> None:
    assert WIZARD_WORDS["nl"].keys() == WIZARD_WORDS["en"].keys()
    assert all(
        WIZARD_WORDS[language][key] for language in ("nl", "en") for key in WIZARD_WORDS["nl"]
    )
