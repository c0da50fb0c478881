"""The messages of the safe readers (aliases, nesting, sizes, numbers, control characters) are
Dutch on Dutch pages, like the model's other messages; the refused text is still quoted."""

from __future__ import annotations

import pytest

from klaverblad.model.safe_documents import ALIAS_REFUSED
from klaverblad.web.words.model_messages import translate

CASES = [
    (ALIAS_REFUSED, "aliassen zijn niet toegelaten"),
    ("is nested more than 20 levels deep", "is meer dan 20 niveaus diep genest"),
    ("has 60002 fields; at most 100 are allowed", "heeft 60002 velden; hoogstens 100 toegelaten"),
    (
        "has 10000 entries; at most 200 are allowed (docs/limits.md)",
        "heeft 10000 elementen; hoogstens 200 toegelaten",
    ),
    ("is larger than 1 MB", "is groter dan 1 MB"),
    (
        "'1e1000000' is not a number: write digits only, without an exponent (euros)",
        "'1e1000000' is geen getal: schrijf alleen cijfers, zonder exponent",
    ),
    (
        "'99999999999999999999999999999999' is not a number: it has more than 30 significant "
        "digits",
        "'99999999999999999999999999999999' is geen getal: het heeft meer dan 30 beduidende",
    ),
    ("'x…' (100 characters) is too long for a number", "'x…' (100 tekens) is te lang"),
    (
        "must not contain the control character U+0000 (names and ids are plain text)",
        "mag het stuurteken U+0000 niet bevatten",
    ),
]


@pytest.mark.parametrize(("english", "dutch"), CASES)
def test_a_message_of_the_safe_readers_is_dutch_on_a_dutch_page(english: str, dutch: str) -> None:
    assert dutch in translate(english, "nl")
    assert translate(english, "en") == english
