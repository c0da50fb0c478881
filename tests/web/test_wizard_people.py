"""The people step's Excel template: downloading it, and importing a filled-in copy into the
draft (problems per row and column, the draft kept when the file is refused)."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from fastapi.testclient import TestClient
from openpyxl import load_workbook

from klaverblad.report.plan_xlsx import PERSON_FIELDS
from tests.web.test_wizard import current_step, press, text_of, wizard_form

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def filled_template(client: TestClient, rows: list[dict[str, Any]]) -> bytes:
    """The downloaded template with `rows` typed in from row 2, as a user would."""
    workbook = load_workbook(io.BytesIO(client.get("/nieuw/personen-sjabloon.xlsx").content))
    sheet = workbook["Personen"]
    columns = {cell.value: cell.column for cell in sheet[1]}
    for offset, row in enumerate(rows):
        for field, value in row.items():
            sheet.cell(row=2 + offset, column=columns[field], value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def import_people(client: TestClient, data: bytes | None) -> Any:
    step3 = press(client, wizard_form(client.get("/nieuw")), "step-3")
    form = wizard_form(step3)
    files = {"people_file": ("mensen.xlsx", data, XLSX)} if data is not None else None
    return client.post("/nieuw/personen-inlezen", data=form.data("refresh"), files=files)


WORKER = {
    "id": "w1",
    "role": "target",
    "birth_date": date(1968, 3, 15),
    "diploma": "lager_secundair",
    "status": "uvw",
    "unemployed_months": 30,
    "start_date": date(2027, 1, 1),
    "fte": 0.8,
    "monthly_wage_cost": 2100.5,
}


def test_the_people_template_downloads_as_xlsx(client: TestClient) -> None:
    page = press(client, wizard_form(client.get("/nieuw")), "step-3").text
    assert '<a href="/nieuw/personen-sjabloon.xlsx">' in page
    assert (
        'enctype="multipart/form-data"' in page and 'formaction="/nieuw/personen-inlezen"' in page
    )
    response = client.get("/nieuw/personen-sjabloon.xlsx")
    assert response.status_code == 200 and response.headers["content-type"] == XLSX
    assert "attachment" in response.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(response.content))["Personen"]
    assert tuple(cell.value for cell in sheet[1]) == PERSON_FIELDS


def test_an_uploaded_template_adds_its_people_in_place_of_the_default(client: TestClient) -> None:
    supervisor = {**WORKER, "id": "s1", "role": "supervisor", "statute": "regular", "fte": 0.5}
    response = import_people(client, filled_template(client, [WORKER, supervisor]))
    assert response.status_code == 200 and current_step(response.text) == "3"
    assert "2 personen ingelezen. De standaardpersoon is vervangen." in text_of(response.text)
    form = wizard_form(response)
    assert form.value("people[0].id") == "w1" and form.value("people[1].id") == "s1"
    # Numbers come back as the user would type them in Dutch, exactly.
    assert form.value("people[0].fte") == "0,8"
    assert form.value("people[0].monthly_wage_cost") == "2100,50"
    assert form.value("people[0].birth_date") == "1968-03-15"
    assert form.value("people[1].statute") == "regular"
    assert not any(name.startswith("people[2]") for name, _ in form.controls)
    assert '<tr data-person="s1"><th scope="row">s1</th>' in response.text


def test_a_template_with_a_bad_cell_names_its_row_and_column_and_keeps_the_draft(
    client: TestClient,
) -> None:
    response = import_people(client, filled_template(client, [{**WORKER, "fte": "veel"}]))
    assert response.status_code == 422
    body = text_of(response.text)
    assert "Het Excel-bestand kan niet ingelezen worden" in body
    assert "rij 2, kolom fte: 'veel' is geen getal" in body
    assert wizard_form(response).value("people[0].id") == "p1"  # the draft is unchanged


def test_importing_without_a_file_asks_for_one(client: TestClient) -> None:
    response = import_people(client, None)
    assert response.status_code == 422
    assert "kies eerst een ingevuld Excel-bestand" in text_of(response.text)


def test_a_file_that_is_not_a_workbook_is_refused(client: TestClient) -> None:
    response = import_people(client, b"geen werkmap")
    assert response.status_code == 422
    assert "het bestand is geen Excel-werkmap (.xlsx) of is beschadigd" in text_of(response.text)
