"""Numbers as people type them in Flanders (nl-BE) or in English, read exactly and never guessed.

A Fleming writes `€ 2.950,50`: the dot groups thousands, the comma starts the decimals. The
program prints money that way, so it must read it that way too: `2.950` is two thousand nine
hundred and fifty euros, not € 2,95. English pages keep the English reading (`2,950.50`).

A text that could mean two things is refused with both readings offered, so that the person
chooses (`2.95` as money on a Dutch page: € 2,95 or € 295,00?). Every text is first bounded as
`klaverblad.model.number_reader` bounds it: no exponent, at most 30 significant digits.

>>> read_number("2.950", "nl", "money")
Decimal('2950')
>>> read_number("€ 2.950,50", "nl", "money")
Decimal('2950.50')
>>> read_number("0,8", "nl", "decimal")
Decimal('0.8')
>>> read_number("2,950.50", "en", "money")
Decimal('2950.50')
>>> try:
...     read_number("2.95", "nl", "money")
... except AmbiguousNumberError as error:
...     [str(reading) for reading in error.readings]
['2.95']
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal

from klaverblad.model.echo import echo
from klaverblad.model.limits import NUMBER_CHARACTERS
from klaverblad.model.number_reader import NumberError, read_decimal
from klaverblad.model.problem_kinds import english

Language = Literal["nl", "en"]
# `money` has at most 2 decimals; `decimal` (FTE, factors, hours) may have more; `integer`
# none. The kind decides which readings of a text are possible.
Kind = Literal["money", "decimal", "integer"]

# Spaces people put in numbers: ordinary, no-break and narrow no-break (Babel's nl-BE output).
_SPACES = re.compile(r"[ \u00a0\u202f]")
_CURRENCY = re.compile(r"^(?:€|eur|euro)\s*|\s*(?:€|eur|euro)$", re.IGNORECASE)
_GROUPED = re.compile(r"[0-9]{1,3}(?:G[0-9]{3})+")  # G stands for the group separator


class AmbiguousNumberError(NumberError):
    """The text can be read in more than one way; `readings` lists them (smallest first)."""

    def __init__(self, text: str, readings: list[Decimal]) -> None:
        value = echo(text)
        super().__init__(english("number_ambiguous", value=value), "number_ambiguous", value=value)
        self.text = text
        self.readings = readings


def _separators(language: Language) -> tuple[str, str]:
    """(group separator, decimal separator) of the language."""
    return (".", ",") if language == "nl" else (",", ".")


def _plain(text: str, group: str, decimal: str) -> str:
    """The text with its group separators removed and its decimal separator a '.', or the
    text unchanged when it does not follow the language's grouping."""
    whole, _, part = text.partition(decimal)
    if group in part:
        return text
    if group in whole and not _GROUPED.fullmatch(whole.lstrip("+-").replace(group, "G")):
        return text
    return whole.replace(group, "") + ("." + part if _ else "")


def _read(text: str) -> Decimal:
    return read_decimal(text)


def read_number(text: str, language: Language, kind: Kind = "decimal") -> Decimal:
    """`text` as the people of `language` write a number of `kind`; raises `AmbiguousNumberError`
    (with the readings) when it can mean two things, `NumberError` when it is no number."""
    if len(text) > NUMBER_CHARACTERS:
        raise NumberError.of("number_too_long", value=echo(text))
    cleaned = _CURRENCY.sub("", _SPACES.sub("", text.strip()))
    if not cleaned:
        raise NumberError.of("number_empty")
    group, decimal = _separators(language)
    if group in cleaned and decimal in cleaned:
        if cleaned.rfind(group) > cleaned.find(decimal):
            # `1,234.56` on a Dutch page: the other language's way; offer that reading.
            foreign = _plain(cleaned, decimal, group)
            raise AmbiguousNumberError(text, [_read(foreign)])
        return _read(_plain(cleaned, group, decimal))
    if decimal in cleaned:
        whole, _, part = cleaned.partition(decimal)
        if kind == "money" and len(part) == 3 and whole.lstrip("+-"):
            # `2,950` as money on a Dutch page: € 2,95 (a typo) or € 2.950 (English grouping)?
            readings = {_read(f"{whole}.{part}"), _read(whole + part)}
            raise AmbiguousNumberError(text, sorted(readings))
        return _read(f"{whole}.{part}")
    if group in cleaned:
        whole, _, part = cleaned.rpartition(group)
        if _GROUPED.fullmatch(cleaned.lstrip("+-").replace(group, "G")):
            return _read(cleaned.replace(group, ""))
        if cleaned.count(group) == 1 and kind != "integer" and whole.lstrip("+-"):
            if kind == "money":
                # `2.95` as money on a Dutch page: the other language's decimal point, most
                # likely, but never guessed: the person confirms `2,95`.
                raise AmbiguousNumberError(text, [_read(f"{whole}.{part}")])
            # `0.8` as an FTE: a group needs three digits, so the dot can only be a decimal.
            return _read(f"{whole}.{part}")
        raise NumberError.of("number_groups", value=echo(text))
    return _read(cleaned)
