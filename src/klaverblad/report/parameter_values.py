"""A parameter of the rules in words, the one way every output says it (the catalogue page and
`klaverblad measures`, the "Hoe berekend?" box, the sources of the PDF and the workbook): a value
by its unit and period (`€ 859,31 per maand`, `30%`, `11 kwartalen`, `ja`), the unit itself
(`euro per maand`, `kwartalen`) and the day a value takes effect.

OpenFisca needs a start for every value: a value whose real date of effect is not known (it
held before the period the rules cover, 2004 on) is recorded from the conventional day
1970-01-01 (`UNDATED`), and is said "al van voor 2004", never as a 1970 date.

>>> value_text(500.0, "currency-EUR", "month", "nl"), value_text(11, "quarter", None, "nl")
('€\\xa0500,00 per maand', '11 kwartalen')
>>> value_text(0.275, "/1", None, "nl"), value_text(False, "boolean", None, "en")
('27,5%', 'no')
>>> unit_text("currency-EUR", "quarter", "nl"), unit_text("boolean", None, "en")
('euro per kwartaal', 'yes or no')
>>> start_in_words("1970-01-01", "nl"), since_text(date(2005, 8, 1), "nl")
('al van voor 2004', 'sinds 1 augustus 2005')
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from babel.numbers import format_percent

from klaverblad.locale import BABEL_LOCALE, Language, day, money, number
from klaverblad.messages import N_, words
from klaverblad.value_words import code_name

# The start the parameter files give a value whose real date of effect is unknown.
UNDATED = date(1970, 1, 1)
# Units whose value is a count said with its unit ("12 maanden", "1 kwartaal").
COUNTED_UNITS = ("month", "year", "quarter", "fte", "ratio", "times")

VALUE_WORDS = words(
    N_("measures.unit_name_currency-EUR"),
    N_("measures.unit_name_boolean"),
    N_("measures.unit_name_month"),
    N_("measures.unit_name_year"),
    N_("measures.unit_name_quarter"),
    N_("measures.unit_name_fte"),
    N_("measures.unit_name_ratio"),
    N_("measures.unit_name_times"),
    N_("measures.unit_name_percent"),
    N_("measures.unit_name_/1"),
    N_("measures.unit_name_list"),
    N_("measures.unit_month"),
    N_("measures.unit_month_one"),
    N_("measures.unit_year"),
    N_("measures.unit_year_one"),
    N_("measures.unit_quarter"),
    N_("measures.unit_quarter_one"),
    N_("measures.unit_fte"),
    N_("measures.unit_fte_one"),
    N_("measures.unit_ratio"),
    N_("measures.unit_ratio_one"),
    N_("measures.unit_times"),
    N_("measures.unit_times_one"),
    N_("measures.per_month"),
    N_("measures.per_year"),
    N_("measures.per_quarter"),
    N_("measures.per_hour"),
    N_("measures.true"),
    N_("measures.false"),
    N_("measures.no_value"),
    N_("explanation.since"),
    N_("explanation.since_before_records"),
)


def _day(start: date | str) -> date:
    return date.fromisoformat(start) if isinstance(start, str) else start


def start_in_words(start: date | str | None, language: Language) -> str:
    """The day a value takes effect (a date or its ISO text): "1 juli 2023", "al van voor
    2004" for an undated value, "—" without a start (a month before the first value).

    >>> start_in_words(date(2023, 7, 1), "nl"), start_in_words(None, "en")
    ('1 juli 2023', '—')
    """
    if start is None:
        return "—"
    when = _day(start)
    if when <= UNDATED:
        return VALUE_WORDS[language]["since_before_records"]
    return day(when, language)


def since_text(start: date | str | None, language: Language) -> str:
    """Since when a value holds, in a sentence: "sinds 1 augustus 2005", "al van voor 2004"
    for an undated value; "—" without a start.

    >>> since_text("1999-05-03", "en"), since_text(UNDATED, "en")
    ('since 3 May 1999', 'since before 2004')
    """
    if start is None or _day(start) <= UNDATED:
        return start_in_words(start, language)
    return VALUE_WORDS[language]["since"].format(date=start_in_words(start, language))


def start_cell(start: date | str | None, language: Language) -> str:
    """The day a value takes effect in a spreadsheet cell: its ISO day, which sorts; "al van
    voor 2004" for an undated value; empty without a start.

    >>> start_cell("2006-10-01", "nl"), start_cell("1970-01-01", "nl"), start_cell(None, "nl")
    ('2006-10-01', 'al van voor 2004', '')
    """
    if start is None:
        return ""
    if _day(start) <= UNDATED:
        return start_in_words(start, language)
    return _day(start).isoformat()


def unit_text(unit: str | None, period: str | None, language: Language) -> str:
    """A parameter's unit in words, with its period: "euro per maand", "kwartalen", "ja of
    nee"; "—" without a unit (a unit the words do not know is shown as it is).

    >>> unit_text("quarter", None, "nl"), unit_text(None, None, "nl")
    ('kwartalen', '—')
    """
    if not unit:
        return "—"
    words = VALUE_WORDS[language]
    name = words.get(f"unit_name_{unit}", unit)
    per = words.get(f"per_{period}") if period else None
    return f"{name} {per}" if per else name


def _count(value: int | float | Decimal, unit: str, language: Language) -> str:
    key = f"unit_{unit}_one" if value == 1 else f"unit_{unit}"
    return VALUE_WORDS[language][key].format(n=number(value, language))


def value_text(value: Any, unit: str | None, period: str | None, language: Language) -> str:
    """A parameter value in words, by its unit: money to the cent with its period, a share or
    a percentage the language's way, a count with its unit, yes or no, a list of codes in
    words; "geen waarde (de parameter vervalt)" for a value that stops the parameter.

    >>> value_text(1741.29, "currency-EUR", None, "en"), value_text(30, "percent", None, "nl")
    ('€1,741.29', '30%')
    >>> value_text(1, "month", None, "nl"), value_text(None, "month", None, "nl")
    ('1 maand', 'geen waarde (de parameter vervalt)')
    """
    words = VALUE_WORDS[language]
    if value is None:
        return words["no_value"]
    if isinstance(value, bool):
        return words["true" if value else "false"]
    if isinstance(value, list | tuple):
        return ", ".join(code_name(str(item), language) for item in value) or "—"
    if not isinstance(value, int | float | Decimal):
        return code_name(str(value), language)
    if unit == "currency-EUR":
        cents = int((Decimal(str(value)) * 100).quantize(Decimal(1), ROUND_HALF_UP))
        per = words.get(f"per_{period}") if period else None
        return f"{money(cents, language)} {per}" if per else money(cents, language)
    if unit == "/1":
        return format_percent(value, "#,##0.##%", locale=BABEL_LOCALE[language])
    if unit == "percent":
        return format_percent(Decimal(str(value)) / 100, "#,##0.##%", locale=BABEL_LOCALE[language])
    if unit in COUNTED_UNITS:
        return _count(value, unit, language)
    return number(value, language)
