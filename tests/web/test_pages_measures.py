"""The measures catalogue page: every measure per leaf, each parameter's values over time with
its date and grade, the date filter, the reforms, the CSVs, in Dutch and English.

Expected values are read by hand from the parameter YAML files named in each test."""

from __future__ import annotations

import csv
import html
import io
import re

from fastapi.testclient import TestClient

from klaverblad.rules import baseline_system
from klaverblad.rules.catalogue import INITIATIVE_MEASURES, STATUTE_MEASURES
from klaverblad.web.views.parameter_history import leaf_paths
from klaverblad.web.words.measures import WORDS

NBSP = "\u00a0"


def parameter_section(body: str, path: str) -> str:
    match = re.search(
        rf'<section class="parameter" id="{re.escape(path)}".*?</section>', body, re.S
    )
    assert match is not None, f"no section for {path}"
    return match.group(0)


def value_row(section: str, start: str) -> str:
    match = re.search(rf'<tr[^>]*data-start="{start}".*?</tr>', section, re.S)
    assert match is not None, f"no value from {start}"
    return html.unescape(match.group(0))


def in_force_start(section: str) -> str:
    starts = re.findall(r'data-start="([\d-]+)" data-in-force="true"', section)
    assert len(starts) == 1, starts
    return starts[0]


def csv_rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_every_language_has_the_same_measures_words() -> None:
    assert WORDS["nl"].keys() == WORDS["en"].keys()


def test_the_catalogue_shows_the_leefloon_of_october_2006_with_its_date_and_grade(
    client: TestClient,
) -> None:
    # art60/leefloon_cat3.yaml: 2006-10-01 value 859.31, value grade H; the rule's grade L.
    response = client.get("/maatregelen?datum=2006-10-15")
    assert response.status_code == 200
    section = parameter_section(response.text, "art60.leefloon_cat3")
    row = value_row(section, "2006-10-01")
    assert "1 oktober 2006" in row
    assert f"€{NBSP}859,31 per maand" in row
    assert "H — officiële bron" in row
    assert "geldt op 15 oktober 2006" in row
    assert "L — reconstructie" in html.unescape(section)
    assert 'href="https://primabook.mi-is.be/' in section  # the reference, as a link


def test_the_date_filter_picks_the_value_in_force_on_either_side_of_a_change(
    client: TestClient,
) -> None:
    # leefloon_cat3 changes on 2006-10-01 (834.14 from 2005-08-01, then 859.31);
    # sine.start_window changes on 2023-07-01 (true from 1999-05-03, then false).
    before = client.get("/maatregelen?datum=2006-09-30").text
    on_the_day = client.get("/maatregelen?datum=1/10/2006").text  # the Belgian way
    assert in_force_start(parameter_section(before, "art60.leefloon_cat3")) == "2005-08-01"
    assert in_force_start(parameter_section(on_the_day, "art60.leefloon_cat3")) == "2006-10-01"
    assert f"€{NBSP}834,14 per maand" in value_row(
        parameter_section(before, "art60.leefloon_cat3"), "2005-08-01"
    )
    sine_before = parameter_section(
        client.get("/maatregelen?datum=2023-06-30").text, "sine.start_window"
    )
    sine_after = parameter_section(
        client.get("/maatregelen?datum=2023-07-01").text, "sine.start_window"
    )
    assert in_force_start(sine_before) == "1999-05-03"
    assert in_force_start(sine_after) == "2023-07-01"
    assert "nee" in value_row(sine_after, "2023-07-01")


def test_before_a_parameters_first_value_nothing_is_marked(client: TestClient) -> None:
    # leefloon_cat3 starts on 2005-08-01: on 2005-07-31 no value is in force.
    section = parameter_section(
        client.get("/maatregelen?datum=2005-07-31").text, "art60.leefloon_cat3"
    )
    assert 'data-in-force="true"' not in section


def test_a_bad_date_is_a_422_with_the_message_at_the_field(client: TestClient) -> None:
    response = client.get("/maatregelen?datum=2006-13-01")
    assert response.status_code == 422
    body = response.text
    assert 'role="alert"' in body and 'href="#veld-datum"' in body
    field = re.search(r'<input id="veld-datum"[^>]*>', body, re.S)
    assert field is not None
    assert 'aria-invalid="true"' in field.group(0) and "datum-fout" in field.group(0)
    assert 'value="2006-13-01"' in field.group(0)
    assert "'2006-13-01' is geen datum" in html.unescape(body)
    assert 'data-in-force="true"' not in body  # nothing marked for a date that is not one


def test_a_bad_date_on_the_english_page_is_a_422_in_english(client: TestClient) -> None:
    response = client.get("/en/measures?date=yesterday")
    assert response.status_code == 422
    assert "'yesterday' is not a date" in html.unescape(response.text)
    assert 'name="date"' in response.text


def test_every_measure_is_listed_under_its_leaf_with_its_funder(client: TestClient) -> None:
    body = client.get("/maatregelen?datum=2006-10-01").text
    for measure in (*STATUTE_MEASURES, *INITIATIVE_MEASURES):
        assert f'id="measure-{measure.name}"' in body
    groups = [body.index(f'id="group-{leaf}"') for leaf in ("I", "II", "III", "IV")]
    assert groups == sorted(groups)
    # lde is leaf I, sine leaf II, dienstencheque leaf III, beleidsdomein leaf IV
    for leaf, name, following in (
        ("I", "lde", 'id="group-II"'),
        ("II", "sine", 'id="group-III"'),
        ("III", "dienstencheque", 'id="group-IV"'),
        ("IV", "beleidsdomein", 'id="group-any"'),
    ):
        position = body.index(f'id="measure-{name}"')
        assert body.index(f'id="group-{leaf}"') < position < body.index(following)
    text = html.unescape(body)
    # SINE's funder: regionalisation/activation_measures_flemish.yaml turns true on 2014-07-01
    assert "federaal tot 30 juni 2014, Vlaams vanaf 1 juli 2014" in text
    assert "laaggeschoold (geen diploma hoger secundair onderwijs)" in text  # a condition


def test_every_parameter_has_an_anchor_and_a_csv_link(client: TestClient) -> None:
    body = client.get("/maatregelen?datum=2006-10-01").text
    paths = leaf_paths(baseline_system().parameters, "")
    assert len(paths) > 50
    for path in paths:
        assert f'<section class="parameter" id="{path}"' in body
        assert f'href="/maatregelen/parameters/{path}.csv?datum=2006-10-01"' in body


def test_the_reforms_are_listed_with_what_they_change(client: TestClient) -> None:
    body = html.unescape(client.get("/maatregelen?datum=2006-10-01").text)
    reforms = body[body.index('id="reforms"') :]
    assert 'id="reform-sine-uitbreiding"' in reforms and 'id="reform-lde-koppeling-sine"' in reforms
    # sine-uitbreiding: low_skilled_required true → false; benefit_under_age 12 → 6 months
    # (sine/unemployment_months/benefit_under_age.yaml holds 12, the reform lowers it to 6)
    row = re.search(
        r"<tr><th scope=\"row\"><a href=\"#sine.unemployment_months.benefit_under_age\">.*?</tr>",
        reforms,
        re.S,
    )
    assert row is not None
    assert "12 maanden" in row.group(0) and "6 maanden" in row.group(0)
    assert "#sine.low_skilled_required" in reforms
    # lde-koppeling-sine adds the parameter lde_sine_omkadering, 1 200.00 a year (its YAML)
    added = parameter_section(reforms, "lde_sine_omkadering")
    assert f"€{NBSP}1.200,00 per jaar" in html.unescape(added)
    assert (
        "omkadering" in reforms
        and 'href="/maatregelen/hervormingen/sine-uitbreiding.csv' in reforms
    )


def test_the_csv_of_a_parameter_has_its_dated_values_and_the_one_in_force(
    client: TestClient,
) -> None:
    response = client.get("/maatregelen/parameters/art60.leefloon_cat3.csv?datum=2006-10-01")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = csv_rows(response.text)
    # the YAML has 9 dated values, from 834.14 (2005-08-01) to 1741.29 (2024-05-01), with
    # 1190.27 from 2017-09-01 (RULEBOOK v1.2 §3.1)
    assert [row["start"] for row in rows][:2] == ["2005-08-01", "2006-10-01"]
    assert len(rows) == 9
    marked = [row for row in rows if row["in_force"] == "true"]
    assert len(marked) == 1
    assert (marked[0]["start"], marked[0]["value"], marked[0]["grade"]) == (
        "2006-10-01",
        "859.31",
        "H",
    )
    assert marked[0]["unit"] == "currency-EUR" and marked[0]["period"] == "month"


def test_the_csv_of_all_parameters_has_every_dated_value(client: TestClient) -> None:
    rows = csv_rows(client.get("/en/measures/parameters.csv?date=2006-10-01").text)
    tree = baseline_system().parameters
    expected = 0
    for path in leaf_paths(tree, ""):
        node = tree
        for name in path.split("."):
            node = node.children[name]
        expected += len(node.values_list)
    assert len(rows) == expected
    leefloon = [row for row in rows if row["parameter"] == "art60.leefloon_cat3"]
    assert {row["measure"] for row in leefloon} == {"art60"}
    shared = [row for row in rows if row["parameter"].startswith("alerts.")]
    assert shared and {row["measure"] for row in shared} == {""}


def test_the_csv_of_a_reform_lists_the_values_it_changes(client: TestClient) -> None:
    rows = csv_rows(client.get("/en/measures/reforms/sine-uitbreiding.csv").text)
    changed = {(row["parameter"], row["before"], row["after"]) for row in rows}
    assert ("sine.low_skilled_required", "true", "false") in changed
    assert ("sine.unemployment_months.benefit_under_age", "12", "6") in changed


def test_a_reforms_new_parameter_has_its_own_csv(client: TestClient) -> None:
    rows = csv_rows(client.get("/maatregelen/parameters/lde_sine_omkadering.csv").text)
    assert [(row["start"], row["value"], row["grade"]) for row in rows] == [
        ("1970-01-01", "1200.00", "L")
    ]


def test_unknown_parameters_and_reforms_are_404_pages(client: TestClient) -> None:
    assert client.get("/maatregelen/parameters/no.such.csv").status_code == 404
    assert client.get("/en/measures/reforms/no-reform.csv").status_code == 404


def test_the_english_catalogue_shows_english_money_and_marks(client: TestClient) -> None:
    response = client.get("/en/measures?date=2006-10-01")
    assert response.status_code == 200
    body = response.text
    assert '<html lang="en">' in body
    row = value_row(parameter_section(body, "art60.leefloon_cat3"), "2006-10-01")
    assert "€859.31 per month" in row and "in force on 1 October 2006" in row
    assert "H — official source" in row
    assert 'href="/maatregelen?datum=2006-10-01"' in body  # the switch keeps the date
    assert 'href="/en/measures/parameters/art60.leefloon_cat3.csv?date=2006-10-01"' in body


def test_without_a_date_the_values_of_today_are_marked(client: TestClient) -> None:
    body = client.get("/maatregelen").text
    assert 'data-in-force="true"' in body
    assert re.search(r'<input id="veld-datum"[^>]*type="date" value="\d{4}-\d{2}-\d{2}"', body)
