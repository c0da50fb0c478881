"""The wizard asks a name for each person and activity (optional) beside the code it generates;
the file it makes carries the names, and the plan calls them by it."""

from __future__ import annotations

import html
import re

import yaml
from fastapi.testclient import TestClient

from tests.web.test_wizard import press, wizard_form


def review_file(client: TestClient, **values: str) -> dict[str, object]:
    """The initiative file the wizard's review offers, after setting `values` on step 1..4."""
    form = wizard_form(client.get("/nieuw"))
    for step in ("step-2", "step-3"):
        form = wizard_form(press(client, form, go=step))
        names = {k: v for k, v in values.items() if k in {c for c, _ in form.controls}}
        form.set(**{k.replace("[", "__").replace("].", "__"): v for k, v in names.items()})
    review = press(client, form, go="step-6").text
    found = re.search(r'<input type="hidden" name="text" value="([^"]*)"', review)
    assert found is not None, "no file on the review"
    data = yaml.safe_load(html.unescape(found.group(1)))
    assert isinstance(data, dict)
    return data


def test_a_new_person_and_activity_get_a_generated_code_and_an_empty_name(
    client: TestClient,
) -> None:
    form = wizard_form(press(client, wizard_form(client.get("/nieuw")), go="step-3"))
    assert form.value("people[0].id") == "p1" and form.value("people[0].name") == ""


def test_the_names_typed_in_the_wizard_are_in_the_file_and_on_the_plan(
    client: TestClient,
) -> None:
    data = review_file(
        client, **{"activities[0].name": "Klussen thuis", "people[0].name": "Fatima"}
    )
    people, activities = data["people"], data["activities"]
    assert isinstance(people, list) and isinstance(activities, list)
    assert (people[0]["id"], people[0]["name"]) == ("p1", "Fatima")
    assert (activities[0]["id"], activities[0]["name"]) == ("a1", "Klussen thuis")
    page = client.post("/plan", data={"text": yaml.safe_dump(data, allow_unicode=True)}).text
    assert "Fatima" in page and "Klussen thuis" in page


def test_a_person_without_a_name_is_called_by_the_code(client: TestClient) -> None:
    data = review_file(client)
    people = data["people"]
    assert isinstance(people, list) and "name" not in people[0]
