"""Language and number formatting shared by every output: Dutch (nl-BE) by default, English
available. Money is shown as `€ 1.234,56` (with a non-breaking space) in Dutch and
`€1,234.56` in English (Babel).

>>> money(123456, "nl")      # a non-breaking space keeps € with its amount
'€\xa01.234,56'
>>> month_name(2006 * 12 + 9, "nl")
'oktober 2006'
"""

from __future__ import annotations

import functools
from datetime import date
from decimal import Decimal
from typing import Literal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")
# Parsed once: Babel would parse a locale string again on every call.
BABEL_LOCALE = {"nl": Locale.parse("nl_BE"), "en": Locale.parse("en_GB")}


@functools.lru_cache(maxsize=65536)
def money(cents: int, language: Language = "nl") -> str:
    return format_currency(Decimal(cents).scaleb(-2), "EUR", locale=BABEL_LOCALE[language])


def number(value: Decimal | float | int, language: Language = "nl") -> str:
    return format_decimal(value, locale=BABEL_LOCALE[language])


@functools.lru_cache(maxsize=4096)
def month_name(index: int, language: Language = "nl") -> str:
    return format_date(
        date(index // 12, index % 12 + 1, 1), "MMMM y", locale=BABEL_LOCALE[language]
    )


def day(value: date, language: Language = "nl") -> str:
    return format_date(value, "d MMMM y", locale=BABEL_LOCALE[language])
