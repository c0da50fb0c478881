"""The core of bounded input: the YAML/JSON reader refuses aliases, merge keys, deep nesting
and keys given twice before building any value; the number reader refuses every number that
could be slow or huge; echo quotes input short and on one line."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from klaverblad.model import number_reader, safe_documents
from klaverblad.model.echo import ECHO_CHARACTERS, echo
from klaverblad.model.limits import LIMITS, NESTING_DEPTH, NUMBER_CHARACTERS, limit
from klaverblad.model.number_reader import (
    NumberError,
    bounded,
    read_decimal,
    read_fraction,
    read_integer,
)
from klaverblad.model.safe_documents import (
    ALIAS_REFUSED,
    DocumentError,
    check_depth,
    load_json,
    load_yaml,
)


def alias_bomb(size: int, width: int = 9) -> str:
    """Nested aliases ('billion laughs') padded with a comment to exactly `size` bytes."""
    lines = ["a: &a [" + ",".join(['"lol"'] * width) + "]"]
    for level in range(1, 9):
        before, name = chr(96 + level), chr(97 + level)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{before}"] * width) + "]")
    body = "\n".join(lines) + "\n"
    while len(body) + 2 > size:
        lines.pop()
        body = "\n".join(lines) + "\n"
    return "#" + "x" * (size - len(body) - 2) + "\n" + body


def refusal(text: str, reader: object = load_yaml) -> DocumentError:
    with pytest.raises(DocumentError) as raised:
        reader(text)  # type: ignore[operator]
    return raised.value


@pytest.fixture
def nothing_built(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail the test if the YAML reader starts building values from the composed graph: the
    refusal must come from the walk over the nodes, before any (exponential) value exists."""

    def never(*args: object, **kwargs: object) -> Any:
        raise AssertionError("a value was built from a document that must be refused first")

    monkeypatch.setattr(safe_documents._Loader, "construct_document", never)
    yield


# --- The alias bomb family and other YAML -------------------------------------------------------


@pytest.mark.parametrize("size", range(400, 601, 25))
@pytest.mark.usefixtures("nothing_built")
def test_every_alias_bomb_of_400_to_600_bytes_is_refused_at_once_naming_its_line(
    size: int,
) -> None:
    text = alias_bomb(size)
    assert len(text) == size
    error = refusal(text)
    assert error.reason == ALIAS_REFUSED
    assert error.where.startswith("line ")
    assert len(str(error)) < 300


@pytest.mark.usefixtures("nothing_built")
def test_billion_laughs_with_long_strings_is_refused_before_any_value_is_built() -> None:
    text = (
        'a: &a ["'
        + "lol" * 30
        + '"]\n'
        + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 10) + "]\n"
            for i in range(9)
        )
    )
    assert refusal(text).reason == ALIAS_REFUSED


@pytest.mark.usefixtures("nothing_built")
def test_a_single_alias_is_refused_too_because_no_initiative_needs_one() -> None:
    error = refusal("a: &x 1\nb: *x\n")
    assert error.reason == ALIAS_REFUSED
    assert LIMITS["yaml_aliases"].value == 0


@pytest.mark.usefixtures("nothing_built")
def test_a_merge_key_is_refused_like_any_alias() -> None:
    error = refusal("base: &base {fte: 1}\nperson:\n  <<: *base\n  id: w1\n")
    assert error.reason == ALIAS_REFUSED


def test_an_undefined_alias_is_refused_with_the_alias_message() -> None:
    assert refusal("a: *nowhere\n").reason.endswith(ALIAS_REFUSED)


def test_nesting_one_level_past_the_limit_is_refused_and_at_the_limit_read() -> None:
    # The levels are counted below the top value: the top list and NESTING_DEPTH lists in it.
    at_limit = "[" * (NESTING_DEPTH + 1) + "]" * (NESTING_DEPTH + 1)
    assert load_yaml(at_limit) == load_json(at_limit)
    past = "[" * (NESTING_DEPTH + 2) + "]" * (NESTING_DEPTH + 2)
    for reader in (load_yaml, load_json):
        assert refusal(past, reader).reason == f"is nested more than {NESTING_DEPTH} levels deep"


@pytest.mark.usefixtures("nothing_built")
def test_yaml_nested_ten_thousand_deep_is_refused_without_a_recursion_error() -> None:
    error = refusal("[" * 10_000 + "]" * 10_000)
    assert "is nested more than" in error.reason


def test_a_yaml_key_given_twice_is_refused_naming_the_key_and_its_line() -> None:
    error = refusal("id: a\nname: x\nid: b\n")
    assert (error.where, error.reason) == (
        "line 3, column 1",
        "not valid YAML: the key 'id' is given twice",
    )


def test_a_yaml_key_that_is_a_list_is_refused() -> None:
    assert "a key is a list or a mapping" in refusal("? [a, b]\n: c\n").reason


def test_a_python_object_tag_is_not_constructed() -> None:
    assert "not valid YAML" in refusal("!!python/object/apply:os.system [echo]\n").reason


def test_a_control_character_is_refused_at_its_line_and_column() -> None:
    error = refusal("id: a\nname: b\x07\n")
    assert error.where == "line 2, column 8"
    assert "U+0007" in error.reason


def test_an_empty_yaml_document_is_nothing() -> None:
    assert load_yaml("") is None


# --- JSON -------------------------------------------------------------------------------------


def test_a_json_key_given_twice_is_refused_naming_the_key() -> None:
    assert "the key 'a' is given twice" in refusal('{"a": 1, "a": 2}', load_json).reason


class CountedKey(str):
    """A key that counts how often it is compared for equality with another key."""

    comparisons = 0

    def __eq__(self, other: object) -> bool:
        CountedKey.comparisons += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def test_sixty_thousand_json_keys_are_checked_for_twice_without_comparing_each_pair() -> None:
    text = "{" + ",".join(f'"k{i}": {i}' for i in range(60_000)) + "}"
    assert len(load_json(text)) == 60_000
    with pytest.raises(DocumentError, match="the key 'k0' is given twice"):
        load_json(text[:-1] + ', "k0": 0}')
    # The check looks each key up once by its hash: comparing each key with every earlier one
    # (60 000 keys: 1.8 billion comparisons, 58 s) counts far more than one per key.
    CountedKey.comparisons = 0
    pairs: list[tuple[str, Any]] = [(CountedKey(f"k{i}"), i) for i in range(60_000)]
    assert len(safe_documents._unique_keys(pairs)) == 60_000
    assert CountedKey.comparisons <= 60_000


def test_json_nested_past_the_limit_is_refused_naming_the_path() -> None:
    error = refusal('{"people": ' + "[" * 30 + "]" * 30 + "}", load_json)
    assert error.where.startswith("people[0][0]")


def test_json_nested_a_hundred_thousand_deep_is_refused_without_a_traceback() -> None:
    error = refusal("[" * 100_000 + "]" * 100_000, load_json)
    assert error.where == "(the whole file)"


def test_a_json_integer_of_five_thousand_digits_is_refused_as_far_too_many_digits() -> None:
    assert "far too many digits" in refusal("9" * 5000, load_json).reason


def test_json_nan_is_read_for_the_field_to_refuse() -> None:
    value = load_json('{"a": NaN}')["a"]
    with pytest.raises(NumberError, match="it is not finite"):
        bounded(value)


def test_check_depth_refuses_built_data_past_the_limit_and_accepts_it_at_the_limit() -> None:
    data: object = 1
    for _ in range(NESTING_DEPTH):
        data = {"a": data}
    check_depth(data)
    with pytest.raises(DocumentError):
        check_depth({"a": data})
    with pytest.raises(DocumentError):
        check_depth([[1]], limit=1)


# --- The number family -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("1e1000000", "write digits only, without an exponent"),
        ("1E5", "write digits only, without an exponent"),
        ("NaN", "use digits and at most one decimal separator"),
        ("Infinity", "use digits and at most one decimal separator"),
        ("-inf", "use digits and at most one decimal separator"),
        ("9" * 31, "it has more than 30 significant digits"),
        ("1_000", "use digits and at most one decimal separator"),
        ("\u0663", "use digits and at most one decimal separator"),  # Arabic-Indic three
        ("0x10", "use digits and at most one decimal separator"),
        ("1.2.3", "use digits and at most one decimal separator"),
        ("1,5", "use a decimal point"),
        (".", "use digits and at most one decimal separator"),
        ("--1", "use digits and at most one decimal separator"),
    ],
)
def test_a_number_that_could_be_slow_huge_or_ambiguous_is_refused_saying_why(
    text: str, why: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(*args: object) -> Decimal:
        raise AssertionError(f"Decimal{args!r:.40} was computed for a number to refuse")

    monkeypatch.setattr(number_reader, "Decimal", never)
    with pytest.raises(NumberError) as raised:
        read_decimal(text)
    assert str(raised.value) == f"{echo(text)} is not a number: {why}"


def test_thirty_significant_digits_are_read_exactly_and_leading_zeros_do_not_count() -> None:
    assert read_decimal("9" * 30) == Decimal("9" * 30)
    assert read_decimal("0" * 10 + "1" * 30) == Decimal("1" * 30)


def test_a_number_with_spaces_around_it_is_read() -> None:
    assert read_decimal("  12.5 ") == Decimal("12.5")


def test_a_decimal_comma_is_read_only_where_it_is_allowed() -> None:
    assert read_decimal("0,8", decimal_comma=True) == Decimal("0.8")
    assert read_decimal("-12,50", decimal_comma=True) == Decimal("-12.50")


def test_text_longer_than_a_number_may_be_is_refused_before_it_is_looked_at() -> None:
    with pytest.raises(NumberError, match="is too long for a number"):
        read_decimal("1" * (NUMBER_CHARACTERS + 1))


def test_an_empty_text_is_not_a_number() -> None:
    with pytest.raises(NumberError, match="is empty"):
        read_decimal("   ")


def test_a_fraction_and_a_whole_number_are_read_through_the_same_bounds() -> None:
    assert read_fraction("0,25", decimal_comma=True) == Fraction(1, 4)
    assert read_integer(" 030 ") == 30
    for text in ("30.0", "2.5", "1e3"):
        with pytest.raises(NumberError):
            read_integer(text)


@pytest.mark.parametrize(
    "value",
    [float("nan"), float("inf"), float("-inf"), 10**200, Decimal("1e1000000"), 1e300,
     Decimal("1e-40"), Fraction(1, 3**200), True, Decimal("NaN")],
)  # fmt: skip
def test_a_parsed_number_beyond_every_range_is_refused(value: object) -> None:
    with pytest.raises(NumberError):
        bounded(value)  # type: ignore[arg-type]


def test_a_parsed_number_in_range_becomes_an_exact_decimal() -> None:
    assert bounded(0.1) == Decimal("0.1")
    assert bounded(2100) == Decimal(2100)
    assert bounded(Fraction(1, 4)) == Decimal("0.25")
    assert bounded(Decimal("-1234.50")) == Decimal("-1234.50")


# --- Echo ------------------------------------------------------------------------------------


def test_echo_cuts_a_long_text_and_says_how_long_it_was() -> None:
    quoted = echo("x" * 1_000_000)
    assert quoted == "'" + "x" * ECHO_CHARACTERS + "…' (1000000 characters)"


def test_echo_replaces_control_characters_and_lone_surrogates() -> None:
    assert echo("a\nb\ud800c\x1b") == "'a\ufffdb\ufffdc\ufffd'"


def test_echo_names_a_mapping_or_list_instead_of_printing_it() -> None:
    assert (echo({"a": [1] * 1000}), echo([1, 2]), echo(None), echo(False)) == (
        "a mapping",
        "a list",
        "nothing",
        "false",
    )


def test_echo_of_a_huge_integer_gives_its_size_without_converting_it_to_text() -> None:
    assert echo(10**5000).startswith("a number of about 50")


def test_every_limit_is_a_positive_whole_number_except_the_alias_budget() -> None:
    for name, entry in LIMITS.items():
        assert isinstance(entry.value, int)
        assert entry.value > 0 or name == "yaml_aliases"
        assert limit(name) == entry.value
        assert entry.why and entry.bounds
