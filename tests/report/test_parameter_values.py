"""A parameter's value, unit and start are said in words, the same way by every output
(`report/parameter_values.py`): money to the cent with its period, shares and percentages the
language's way, counts with their unit, yes or no, and "al van voor 2004" for a value recorded
from the conventional 1970-01-01."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from klaverblad.locale import Language
from klaverblad.report.parameter_values import (
    UNDATED,
    since_text,
    start_cell,
    start_in_words,
    unit_text,
    value_text,
)

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("value", "unit", "period", "language", "words"),
    [
        # 500 a month: nl-BE puts the euro sign first, a decimal comma and two decimals.
        (500.0, "currency-EUR", "month", "nl", f"€{NBSP}500,00 per maand"),
        (500.0, "currency-EUR", "month", "en", "€500.00 per month"),
        # 1 000 a quarter: nl-BE groups thousands with a point.
        (1000, "currency-EUR", "quarter", "nl", f"€{NBSP}1.000,00 per kwartaal"),
        # 0.005 euro is half a cent: rounded half up to € 0,01, never to € 0,00.
        (Decimal("0.005"), "currency-EUR", None, "nl", f"€{NBSP}0,01"),
        # A share of 1: 0.2 is 20 %, 0.275 is 27,5 % (a decimal comma in Dutch).
        (0.2, "/1", None, "nl", "20%"),
        (0.275, "/1", None, "nl", "27,5%"),
        (0.275, "/1", None, "en", "27.5%"),
        # A percentage is already out of 100.
        (40, "percent", None, "nl", "40%"),
        (11, "quarter", None, "nl", "11 kwartalen"),
        (1, "quarter", None, "nl", "1 kwartaal"),
        (1, "month", None, "en", "1 month"),
        (0.8, "fte", None, "nl", "0,8 VTE"),
        (True, "boolean", None, "nl", "ja"),
        (False, "boolean", None, "nl", "nee"),
        (False, "boolean", None, "en", "no"),
        (None, "month", None, "nl", "geen waarde (de parameter vervalt)"),
    ],
)
def test_a_value_is_said_by_its_unit_and_period(
    value: object, unit: str, period: str | None, language: Language, words: str
) -> None:
    assert value_text(value, unit, period, language) == words


def test_a_unit_is_said_in_words_with_its_period() -> None:
    assert unit_text("currency-EUR", "month", "nl") == "euro per maand"
    assert unit_text("currency-EUR", "hour", "en") == "euro per hour"
    assert unit_text("boolean", None, "nl") == "ja of nee"
    assert unit_text("/1", None, "nl") == "aandeel"
    assert unit_text(None, None, "nl") == "—"


def test_an_undated_value_holds_since_before_2004_never_since_1970() -> None:
    assert start_in_words(UNDATED, "nl") == "al van voor 2004"
    assert start_in_words("1970-01-01", "en") == "since before 2004"
    assert since_text("1970-01-01", "nl") == "al van voor 2004"
    assert start_cell("1970-01-01", "nl") == "al van voor 2004"


def test_a_dated_value_is_said_by_its_day() -> None:
    assert start_in_words(date(2023, 7, 1), "nl") == "1 juli 2023"
    assert start_in_words("2023-07-01", "en") == "1 July 2023"
    assert since_text("2005-08-01", "nl") == "sinds 1 augustus 2005"
    # A spreadsheet keeps the ISO day, which sorts.
    assert start_cell("2005-08-01", "nl") == "2005-08-01"


def test_without_a_start_nothing_is_made_up() -> None:
    assert (start_in_words(None, "nl"), since_text(None, "nl"), start_cell(None, "nl")) == (
        "—",
        "—",
        "",
    )
