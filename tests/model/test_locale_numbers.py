"""The nl-BE number reader: numbers read as a Fleming writes them, ambiguous ones refused with
their readings, English pages reading English numbers. Each expected value was worked out by
hand from the way nl-BE writes numbers (`€ 1.234,56`: dot groups thousands, comma decimals)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from klaverblad.model.locale_numbers import AmbiguousNumberError, read_number
from klaverblad.model.number_reader import NumberError

DUTCH_MONEY = [
    ("2.950", "2950"),
    ("€ 2.950", "2950"),
    ("2.950,50", "2950.5"),
    ("2950", "2950"),
    ("3 000", "3000"),
    ("3\u00a0000", "3000"),
    ("2,95", "2.95"),
    ("1.234.567,8", "1234567.8"),
    ("€\u00a02.950,00", "2950"),
    ("2.950 EUR", "2950"),
    ("-1.234,5", "-1234.5"),
]


@pytest.mark.parametrize(("text", "expected"), DUTCH_MONEY)
def test_a_dutch_amount_is_read_with_dots_grouping_and_a_decimal_comma(
    text: str, expected: str
) -> None:
    assert read_number(text, "nl", "money") == Decimal(expected)


@pytest.mark.parametrize(("text", "expected"), [("0,8", "0.8"), ("0.8", "0.8"), (",5", "0.5")])
def test_a_dutch_fraction_reads_its_comma_and_a_dot_that_cannot_group(
    text: str, expected: str
) -> None:
    assert read_number(text, "nl", "decimal") == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "readings"),
    [("1,234.56", ["1234.56"]), ("2.95", ["2.95"]), ("2,950", ["2.95", "2950"])],
)
def test_a_dutch_amount_that_could_mean_two_things_is_refused_with_its_readings(
    text: str, readings: list[str]
) -> None:
    with pytest.raises(AmbiguousNumberError) as caught:
        read_number(text, "nl", "money")
    assert caught.value.readings == [Decimal(reading) for reading in readings]


@pytest.mark.parametrize(("text", "expected"), [("2,950.50", "2950.5"), ("2950.5", "2950.5")])
def test_an_english_page_reads_english_numbers(text: str, expected: str) -> None:
    assert read_number(text, "en", "money") == Decimal(expected)


def test_a_dutch_number_on_an_english_page_is_refused_with_its_dutch_reading() -> None:
    with pytest.raises(AmbiguousNumberError) as caught:
        read_number("2.950,50", "en", "money")
    assert caught.value.readings == [Decimal("2950.5")]


@pytest.mark.parametrize("text", ["12.34", "1.23.456", "1e5", "NaN", "", "twee", "9" * 41])
def test_a_text_that_is_no_whole_number_or_no_number_at_all_is_refused(text: str) -> None:
    with pytest.raises(NumberError):
        read_number(text, "nl", "integer")
