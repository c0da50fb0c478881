"""The cheap look at a JSON body before its values are walked (`limits.maybe_unreadable`): it
must say yes exactly when the regular expression it replaced finds a match, or a body with a
lone surrogate or an infinite number would reach a field unrefused (a false no), and a clean
body would cost a walk (a false yes)."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from klaverblad.web.api.common import _initiative_integer_paths, _integer_paths
from klaverblad.web.api.limits import _MAYBE_UNREADABLE, maybe_unreadable
from klaverblad.web.api.models import initiative_schema

# The pieces the patterns are made of, and their near misses (few, so that they meet often).
PIECES = st.sampled_from(
    [
        "1", "9", "0" * 150, "e", "E", "+", "-", "e-", "E+", "\\u", "\\ud", "d", "D", "8",
        "b", "F", "Infinity", "Infinit", "x", '"', "é",
    ]
)  # fmt: skip


@settings(max_examples=500)  # microseconds each
@given(st.lists(PIECES, max_size=40))
def test_the_prescan_agrees_with_the_regular_expression_on_any_text(pieces: list[str]) -> None:
    body = "".join(pieces).encode("utf-8")
    assert maybe_unreadable(body) == bool(_MAYBE_UNREADABLE.search(body))


# Every sequence of up to four of these: each pattern fits in four (`e` `-` `0` `00`,
# `\u` `D` `8`), and so does every near miss of it.
TOKENS = ("e", "E", "+", "-", "0", "00", "\\u", "d", "D", "8", "a", "Infinity")


def test_the_prescan_agrees_with_the_regular_expression_on_every_short_sequence() -> None:
    for length in range(1, 5):
        for tokens in itertools.product(TOKENS, repeat=length):
            body = "".join(tokens).encode("utf-8")
            assert maybe_unreadable(body) == bool(_MAYBE_UNREADABLE.search(body)), body


def test_the_prescan_finds_each_kind_of_unreadable_value() -> None:
    assert maybe_unreadable(b'{"name": "\\udc00"}')  # a lone surrogate, escaped
    assert maybe_unreadable(b'{"name": "\\uDBFF"}')
    assert maybe_unreadable(b'{"months": 1e309}')
    assert maybe_unreadable(b'{"months": 1E+400}')
    assert maybe_unreadable(b'{"fte": 1e-400}')  # zero, but the pattern cannot tell
    assert maybe_unreadable(b'{"months": Infinity}')
    assert maybe_unreadable(b'{"months": ' + b"1" * 309 + b".5}")


def test_the_prescan_lets_ordinary_bodies_through() -> None:
    assert not maybe_unreadable(b'{"name": "\\u00e9t\\u00e9", "fte": 0.5, "wage": 1e2}')
    assert not maybe_unreadable(b'{"months": ' + b"1" * 308 + b"}")
    assert not maybe_unreadable('{"naam": "Gemeente Genk €"}'.encode())


def test_the_initiatives_whole_number_fields_found_once_are_those_of_its_schema() -> None:
    found = _initiative_integer_paths()
    assert list(found) == _integer_paths(initiative_schema())
    assert ("horizon", "months") in found
