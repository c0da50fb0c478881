"""The waterfall of the comparison page (issue #13, part 3): with a reform or a parameter change,
one bar and one table row per change in their order, the steps summing to the total, the
same amounts in the chart's description and the table, a CSV of the steps, Dutch words only.
BIK's figures are worked out by hand in tests/advice/test_reform_steps.py: + € 6 500 (SINE
extension), + € 7 200 (LDE–SINE link), + € 13 700 in all."""

from __future__ import annotations

import csv
import io
import re

from fastapi.testclient import TestClient

from tests.web.test_no_codes_on_dutch_pages import codes_in, read

BOTH = "example=bik-klusjesdienst&reform=sine-uitbreiding&reform=lde-koppeling-sine"
CHANGE = "set=sine.herinschakelingsuitkering.amount%3D600%402006-07"


def bars(html: str) -> list[int]:
    return [
        int(cents)
        for cents in re.findall(r'class="waterfall-bar[^"]*"[^>]*data-cents="(-?\d+)"', html)
    ]


def test_two_reforms_draw_two_steps_and_the_total(client: TestClient) -> None:
    response = client.get(f"/vergelijken?{BOTH}")
    assert response.status_code == 200
    html = response.text
    assert 'data-chart="waterfall"' in html
    assert bars(html) == [6500_00, 7200_00, 13700_00]
    desc = re.search(r'<desc id="waterfall-desc">(.*?)</desc>', html)
    assert desc is not None
    assert "Stap 1, SINE uitbreiden naar andere doelgroepen: +\xa0€\xa06.500,00." in desc.group(1)
    assert "Totaal verschil: +\xa0€\xa013.700,00." in desc.group(1)
    table = html[html.index('data-table="steps"') :]
    table = table[: table.index("</table>")]
    assert "Stap 2: Structurele middelen LDE koppelen aan SINE" in table
    assert "€\xa0169.245,19" in table


def test_a_parameter_change_is_a_step_after_the_reform(client: TestClient) -> None:
    html = client.get(
        f"/vergelijken?example=bik-klusjesdienst&reform=sine-uitbreiding&{CHANGE}"
    ).text
    # 3 people on SINE × 18 months × € 100 (tests/test_cli_compare.py).
    assert bars(html) == [6500_00, 5400_00, 11900_00]


def test_the_steps_csv_sums_to_the_total(client: TestClient) -> None:
    response = client.get(f"/vergelijken/csv?{BOTH}&table=steps")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert [row["change"] for row in rows] == [
        "baseline",
        "sine-uitbreiding",
        "lde-koppeling-sine",
        "total",
    ]
    steps = [row["funding_difference"] for row in rows[1:-1]]
    assert steps == ["6500.00", "7200.00"]
    assert rows[-1]["funding_difference"] == "13700.00"


def test_the_people_and_measures_csv_has_one_row_per_step_person_and_measure(
    client: TestClient,
) -> None:
    response = client.get(f"/vergelijken/csv?{BOTH}&table=step_people")
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert [(r["change"], r["person"], r["measure"], r["amount"]) for r in rows] == [
        ("sine-uitbreiding", "", "wep_plus", "-13500.00"),
        ("sine-uitbreiding", "w4", "sine", "20000.00"),
        ("lde-koppeling-sine", "w1", "lde_sine_omkadering", "2400.00"),
        ("lde-koppeling-sine", "w3", "lde_sine_omkadering", "2400.00"),
        ("lde-koppeling-sine", "w4", "lde_sine_omkadering", "2400.00"),
    ]


def test_the_dutch_waterfall_shows_no_codes(client: TestClient) -> None:
    html = client.get(f"/vergelijken?{BOTH}").text
    section = html[
        html.index("data-waterfall") : html.index("</section>", html.index("data-waterfall"))
    ]
    text = " ".join(read(section).text)
    assert "LDE-omkadering gekoppeld aan SINE" in text
    assert "het initiatief zelf" in text
    assert codes_in(text) == []


def test_the_english_page_speaks_english(client: TestClient) -> None:
    html = client.get(f"/en/compare?{BOTH}").text
    assert "The difference step by step" in html
    assert "Total difference: +\xa0€13,700.00." in html


def test_without_other_rules_there_is_no_waterfall(client: TestClient) -> None:
    html = client.get("/vergelijken?example=bik-klusjesdienst&statute:w1=regular").text
    assert 'data-table="totals"' in html  # compared, but with other statutes, not rules
    assert "data-waterfall" not in html
