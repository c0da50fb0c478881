"""`klaverblad measures` as a user runs it (the issue's first "done when"): the table in Dutch
says values, units and days in words and what each reform does; the English table says it in
English; the JSON (CONTRACT §3) keeps the raw values, codes and ISO days."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "klaverblad", *args], capture_output=True, text=True, check=False
    )


def table(*args: str) -> str:
    """The table's text with every run of spaces (the no-break space too) made one space."""
    result = run("measures", "--date", "2025-06-01", *args)
    assert result.returncode == 0, result.stderr
    return " ".join(result.stdout.split())


@pytest.fixture(scope="module")
def dutch() -> str:
    return table()


def test_the_dutch_table_says_values_units_and_days_in_words(dutch: str) -> None:
    # sine.herinschakelingsuitkering.amount: 500.0, unit currency-EUR, period month, from
    # 1999-05-03; the SINE band quarters are recorded from 1970-01-01 (undated).
    for words in ("€ 500,00 per maand", "euro per maand", "3 mei 1999", "al van voor 2004"):
        assert words in dutch, words
    # sine.start_window is false from 2023-07-01.
    assert "│ nee │ 1 juli 2023 │ ja of nee │" in dutch


def test_the_dutch_table_shows_no_raw_value_unit_code_or_1970(dutch: str) -> None:
    # A unit code in a cell of its own (a path such as sine.band.short_quarters may hold one).
    units = ("│ boolean │", "│ quarter │", "│ month │", "│ year │", "│ /1 │", "│ percent │")
    for raw in ("False", "True", "500.0", "currency-EUR", "1970-01-01", *units):
        assert raw not in dutch, raw


def test_the_dutch_table_says_in_dutch_what_each_reform_does(dutch: str) -> None:
    assert "Hervormingen (--reform NAAM)" in dutch and "Reforms" not in dutch
    # The reform's code stays: it is what `--reform` takes.
    assert "│ sine-uitbreiding │ „SINE uitbreiden naar andere doelgroepen”:" in dutch
    assert "Drops the low-skilled condition" not in dutch


def test_the_english_table_says_it_in_english() -> None:
    english = table("--lang", "en")
    for words in ("€500.00 per month", "euro per month", "3 May 1999", "since before 2004"):
        assert words in english, words
    assert "│ no │ 1 July 2023 │ yes or no │" in english
    assert "Reforms (--reform NAME)" in english
    assert "currency-EUR" not in english and "False" not in english


def test_the_json_keeps_the_raw_values_codes_and_iso_days() -> None:
    result = run("measures", "--date", "2025-06-01", "--format", "json")
    catalogue = json.loads(result.stdout)
    sine = next(m for m in catalogue["measures"] if m["measure"] == "sine")
    facts = {p["parameter"]: p for p in sine["parameters"]}
    amount = facts["sine.herinschakelingsuitkering.amount"]
    assert (amount["value"], amount["since"], amount["unit"]) == (
        500.0,
        "1999-05-03",
        "currency-EUR",
    )
    short = facts["sine.band.short_quarters"]
    assert (short["value"], short["since"], short["unit"]) == (11, "1970-01-01", "quarter")
    window = facts["sine.start_window"]
    assert (window["value"], window["since"], window["unit"]) == (False, "2023-07-01", "boolean")
    # The reforms keep their English module documentation.
    assert catalogue["reforms"][0]["doc"].startswith("`sine-uitbreiding` — ")
