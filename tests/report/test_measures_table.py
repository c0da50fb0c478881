"""The rows of `klaverblad measures` say each parameter's value, start and unit in words in the
chosen language, and keep its path whole (the name `--set` takes)."""

from __future__ import annotations

from datetime import date

import pytest

from klaverblad.advice.catalogue_view import measures_catalogue
from klaverblad.locale import Language
from klaverblad.model.months import month_of_date
from klaverblad.report.measures_table import PATH_WIDTH, parameter_row, path_lines
from klaverblad.rules import baseline_system

NBSP = "\xa0"


def rows(language: Language) -> dict[str, tuple[str, ...]]:
    """The rows of 1 June 2025 by parameter path (its lines joined again)."""
    catalogue = measures_catalogue(month_of_date(date(2025, 6, 1)), language=language)
    tree = baseline_system().parameters
    shown = {}
    for measure in catalogue["measures"]:
        for parameter in measure["parameters"]:
            row = parameter_row(parameter, tree, language)
            shown["".join(row[0].splitlines())] = row
    return shown


@pytest.fixture(scope="module")
def dutch() -> dict[str, tuple[str, ...]]:
    return rows("nl")


def test_the_dutch_rows_of_june_2025_say_values_days_and_units_in_words(
    dutch: dict[str, tuple[str, ...]],
) -> None:
    # (value, since, unit) from the parameter files:
    # 500.0 a month from 1999-05-03 (sine/parameters/herinschakelingsuitkering/amount.yaml);
    assert dutch["sine.herinschakelingsuitkering.amount"][2:5] == (
        f"€{NBSP}500,00 per maand",
        "3 mei 1999",
        "euro per maand",
    )
    # 1000 a quarter from 1999-05-03: a thousands point in nl-BE;
    assert dutch["sine.doelgroepvermindering.amount"][2:5] == (
        f"€{NBSP}1.000,00 per kwartaal",
        "3 mei 1999",
        "euro per kwartaal",
    )
    # 11 quarters, undated (1970-01-01);
    assert dutch["sine.band.short_quarters"][2:5] == (
        "11 kwartalen",
        "al van voor 2004",
        "kwartalen",
    )
    # false from 2023-07-01 (closed for new hires, RULEBOOK §3.3);
    assert dutch["sine.start_window"][2:5] == ("nee", "1 juli 2023", "ja of nee")
    # a share of 0.2 from 2020-01-01 (the voucher's tax reduction) is 20 %.
    assert dutch["dienstencheque.belastingvermindering"][2:5] == (
        "20%",
        "1 januari 2020",
        "aandeel",
    )


def test_no_dutch_row_shows_a_raw_value_a_unit_code_or_1970(
    dutch: dict[str, tuple[str, ...]],
) -> None:
    codes = {"currency-EUR", "boolean", "quarter", "month", "year", "fte", "/1", "list"}
    for path, row in dutch.items():
        _, _, value, since, unit, grade, _ = row
        assert value not in ("True", "False", "None"), path
        assert "1970" not in since, path
        assert unit not in codes, path
        assert grade in ("H", "M", "L"), path


def test_the_english_rows_say_the_same_in_english() -> None:
    english = rows("en")
    assert english["sine.herinschakelingsuitkering.amount"][2:5] == (
        "€500.00 per month",
        "3 May 1999",
        "euro per month",
    )
    assert english["sine.band.short_quarters"][3] == "since before 2004"
    assert english["sine.start_window"][2:5] == ("no", "1 July 2023", "yes or no")


def test_a_path_is_broken_only_after_a_dot_and_never_cut(
    dutch: dict[str, tuple[str, ...]],
) -> None:
    # The longest path, 61 characters, goes on after its second dot (24 + 22 = 46 > 32).
    assert path_lines("dgv_zonder_werkervaring.doelgroepvermindering.full_amount_fte") == (
        "dgv_zonder_werkervaring.\ndoelgroepvermindering.\nfull_amount_fte"
    )
    for path, row in dutch.items():
        lines = row[0].splitlines()
        assert "".join(lines) == path
        assert all(len(line) <= PATH_WIDTH or "." not in line[:-1] for line in lines), path
        assert all(line.endswith(".") for line in lines[:-1]), path
