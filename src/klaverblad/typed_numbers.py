"""Numbers people type into a form or a text cell, read with the one reader of their language
(`model/locale_numbers.read_number`) and, when they cannot be read, refused with a message in
that language: what is wrong, or — when the text can mean two things — the readings written as
the page writes numbers, for the person to choose ("bedoel je € 2.950,00 of € 2,95?").

Every form of the web application (the wizard, the ranking, the comparison) and the Excel
people import read their numbers here, so that `2.950` means the same everywhere.

Money is written by `klaverblad.locale` (Babel), with a no-break space after the € sign:

>>> read_typed("2.950", "nl", "money")
Decimal('2950')
>>> try:
...     read_typed("2,950", "nl", "money")
... except TypedNumberError as error:
...     print(error.message.replace("\xa0", " "))
'2,950' kan op twee manieren gelezen worden: bedoel je € 2.950,00 of € 2,95?
>>> read_as("3 000", "nl", "money")
'gelezen als €\xa03.000,00'
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from klaverblad.locale import Language, money, number
from klaverblad.messages import N_, words
from klaverblad.model.echo import echo
from klaverblad.model.limits import NUMBER_CHARACTERS, SIGNIFICANT_DIGITS
from klaverblad.model.locale_numbers import AmbiguousNumberError, read_number
from klaverblad.model.number_reader import NumberError

NumberKind = Literal["money", "decimal", "integer"]
NUMBER_KINDS: tuple[NumberKind, ...] = ("money", "decimal", "integer")
_CENT = Decimal("0.01")

WORDS = words(
    N_("numbers.read_as"),
    N_("numbers.empty"),
    N_("numbers.not_number"),
    N_("numbers.too_long"),
    N_("numbers.exponent"),
    N_("numbers.digits"),
    N_("numbers.groups"),
    N_("numbers.not_integer"),
    N_("numbers.ambiguous_two"),
    N_("numbers.ambiguous_one"),
    N_("numbers.or"),
)

# The reader's reasons (its messages are in English) and the words that say them.
_REASONS = (
    ("too long for a number", "too_long"),
    ("without an exponent", "exponent"),
    ("significant digits", "digits"),
    ("groups of digits", "groups"),
)


class TypedNumberError(ValueError):
    """The text is no number of its kind in the page's language; `message` says why (in that
    language), `reason` is the key of `WORDS` it comes from (`ambiguous` when the text could
    mean two things), and `readings` lists the numbers it could mean."""

    def __init__(self, message: str, reason: str, readings: tuple[Decimal, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason
        self.readings = readings


def shown(value: Decimal, language: Language, kind: NumberKind) -> str:
    """A number as the page writes it: money as `€ 2.950,00` (`€2,950.00`), others as
    `0,8` (`0.8`)."""
    if kind == "money" and value == value.quantize(_CENT):
        return money(int(value * 100), language)
    text = number(value, language)
    return f"€ {text}" if kind == "money" else text


def _decimal_separator(language: Language) -> str:
    return "," if language == "nl" else "."


def _refusal(error: NumberError, text: str, words: dict[str, str]) -> TypedNumberError:
    reason = str(error)
    key = next((key for part, key in _REASONS if part in reason), "not_number")
    message = words[key].format(
        value=echo(text.strip()), characters=NUMBER_CHARACTERS, digits=SIGNIFICANT_DIGITS
    )
    return TypedNumberError(message, key)


def _ambiguity(
    text: str, readings: list[Decimal], language: Language, kind: NumberKind
) -> TypedNumberError:
    words = WORDS[language]
    # The larger reading first: the grouping people most often mean (€ 2.950,00 of € 2,95).
    ordered = tuple(sorted(set(readings), reverse=True))
    written = [shown(reading, language, kind) for reading in ordered]
    value = echo(text.strip())
    if len(written) == 1:
        message = words["ambiguous_one"].format(value=value, reading=written[0])
    else:
        message = words["ambiguous_two"].format(value=value, readings=words["or"].join(written))
    return TypedNumberError(message, "ambiguous", ordered)


def read_typed(text: str, language: Language, kind: NumberKind) -> Decimal:
    """`text` read as a number of `kind` the way `language` writes it; raises
    `TypedNumberError` with the page's message when it is none, or could be two. A whole
    number (`integer`) has no decimal separator at all (`3,0` is refused, `3.000` is 3000 in
    Dutch)."""
    words = WORDS[language]
    if not text.strip():
        raise TypedNumberError(words["empty"], "empty")
    try:
        value = read_number(text, language, kind)
    except AmbiguousNumberError as error:
        raise _ambiguity(text, error.readings, language, kind) from None
    except NumberError as error:
        raise _refusal(error, text, words) from None
    if kind == "integer" and (
        _decimal_separator(language) in text or value != value.to_integral_value()
    ):
        message = words["not_integer"].format(value=echo(text.strip()))
        raise TypedNumberError(message, "not_integer")
    return value


def read_as(text: str, language: Language, kind: NumberKind) -> str:
    """The echo of a typed number ("gelezen als € 2.950,00"); raises `TypedNumberError`."""
    value = read_typed(text, language, kind)
    return WORDS[language]["read_as"].format(value=shown(value, language, kind))
