"""A number written with an exponent beyond any field's range would silently become 0.0 (or
infinite) once parsed; the document readers keep its literal so the field refuses it."""

from __future__ import annotations

import pytest

from klaverblad.model.number_reader import FarNumber, NumberError, bounded
from klaverblad.model.safe_documents import load_json, load_yaml


@pytest.mark.parametrize("literal", ["1e-1000000", "1E-31", "1e31"])
def test_a_json_number_with_a_far_exponent_keeps_its_literal(literal: str) -> None:
    value = load_json(f'{{"a": {literal}}}')["a"]
    assert isinstance(value, FarNumber) and value.literal == literal


def test_a_yaml_float_with_a_far_exponent_keeps_its_literal() -> None:
    value = load_yaml("a: 1.0e-1000000\n")["a"]
    assert isinstance(value, FarNumber)


@pytest.mark.parametrize("text", ['{"a": 2950.5}', '{"a": 1.5e3}'])
def test_an_ordinary_float_stays_a_plain_float(text: str) -> None:
    value = load_json(text)["a"]
    assert type(value) is float


def test_bounded_refuses_a_far_number_quoting_what_was_written() -> None:
    with pytest.raises(NumberError, match="'1e-1000000' is not a number: it is far too large"):
        bounded(load_json('{"a": 1e-1000000}')["a"])
