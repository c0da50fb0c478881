"""The values an alert fills into its message, in every language: months, amounts and numbers
in the locale's way (`3,3 VTE`), lists joined with words, and the file's codes in words
(a statute, an activity kind, a policy domain, a condition). The messages themselves are in
the catalogues (`alert.*`); `klaverblad.messages.localized` fills them in.

>>> decimal(3.3)["nl"], decimal(3.3)["en"]
('3,3', '3.3')
>>> joined([{"nl": "a", "en": "a"}, {"nl": "b", "en": "b"}, {"nl": "c", "en": "c"}])["nl"]
'a, b en c'
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from decimal import Decimal

import numpy
from openfisca_core.parameters import ParameterNode

from klaverblad.advice.condition_labels import condition_label
from klaverblad.advice.measure_windows import measure_name
from klaverblad.locale import LANGUAGES, Language, money, month_name, number
from klaverblad.messages import N_, per_language, text
from klaverblad.rules.catalogue import STATUTES
from klaverblad.value_words import value_name

# A value in every language (`messages.PerLanguage`, rendered when read, or a dictionary).
Localized = Mapping[str, str]


def sentences(first: Localized, second: Localized) -> Localized:
    """Two sentences, one after the other."""
    return per_language(lambda language: f"{first[language]} {second[language]}")


def same(value: str) -> Localized:
    """A value that reads the same in every language (an id, a funder's name)."""
    return {language: value for language in LANGUAGES}


def month(index: int) -> Localized:
    return per_language(lambda language: month_name(index, language))


def month_list(months: numpy.ndarray) -> list[int]:
    """Month indexes as the details of an alert list them (Python integers)."""
    values: list[int] = numpy.asarray(months, dtype=numpy.int64).tolist()
    return values


def months_span(months: numpy.ndarray) -> Localized:
    """'januari 2027 – december 2027', or one month alone."""
    first, last = int(months.min()), int(months.max())
    if first == last:
        return month(first)
    return per_language(
        lambda language: f"{month_name(first, language)} – {month_name(last, language)}"
    )


def amount(cents: int) -> Localized:
    return per_language(lambda language: money(cents, language))


def decimal(value: float | Decimal) -> Localized:
    """A number as the locale writes it, without trailing zeros (3,3; 5; 0,5)."""
    return dict(_decimal(str(value)))


# Babel formats a number in tens of microseconds, and an alert's numbers (a threshold, an FTE)
# come back plan after plan: kept by their text, the exact input of `Decimal`.
@functools.lru_cache(maxsize=4096)
def _decimal(value: str) -> tuple[tuple[str, str], ...]:
    exact = Decimal(value).normalize()
    return tuple((language, number(exact, language)) for language in LANGUAGES)


def joined(items: Sequence[Localized], last_word: str = N_("alert.list_and")) -> Localized:
    """'a', 'a en b', 'a, b en c' (English 'and'); `alert.list_or` joins with 'of'/'or'."""

    def join(language: Language) -> str:
        words = [item[language] for item in items]
        if len(words) <= 1:
            return "".join(words)
        return text(last_word, language).format(first=", ".join(words[:-1]), last=words[-1])

    return per_language(join)


def statute(tree: ParameterNode, name: str) -> Localized:
    """A wage statute in words ('regular' is an ordinary contract)."""
    if name not in STATUTES:
        return per_language(lambda language: text(N_("alert.regular_contract"), language))
    return per_language(lambda language: measure_name(tree, name, language))


def measure(tree: ParameterNode, name: str) -> Localized:
    return per_language(lambda language: measure_name(tree, name, language))


def conditions(failed: Sequence[str]) -> Localized:
    """Failed eligibility conditions in words, joined by ';'."""
    return per_language(lambda language: "; ".join(condition_label(c, language) for c in failed))


def value(field: str, code: str) -> Localized:
    """A value of the file (`kind: klusjes`, `domain: wonen`) in words."""
    return per_language(lambda language: value_name(field, code, language))
