"""The model's problem messages (English, as the command line prints them) in Dutch for the
Dutch pages (the wizard, the start page's form, saving, the comparison). A message without a
translation is shown as it is.

>>> translate("must be more than 0 and at most 1", "nl")
'moet meer dan 0 en hoogstens 1 zijn'
>>> translate("duplicate id 'w1'", "nl")
"id 'w1' komt al voor"
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from klaverblad.locale import Language
from klaverblad.model.consistency import Problem

# (pattern of the English message, its Dutch form with the pattern's groups).
_DUTCH: tuple[tuple[str, str], ...] = (
    # The safe readers of documents and numbers (step 5; docs/limits.md).
    (
        r"the value anchored here \(&name\) is used again by an alias \(\*name\): .*",
        "de waarde met een anker (&naam) hier wordt hergebruikt met een alias (*naam): aliassen "
        "zijn niet toegelaten, schrijf de waarde voluit waar ze nodig is",
    ),
    (r"not valid YAML: (.*)", r"geen geldige YAML: \1"),
    (r"not valid JSON: (.*)", r"geen geldige JSON: \1"),
    (r"is nested more than (\d+) levels deep", r"is meer dan \1 niveaus diep genest"),
    (r"has (\d+) fields; at most (\d+) are allowed", r"heeft \1 velden; hoogstens \2 toegelaten"),
    (
        r"has (\d+) entries; at most (\d+) are allowed .*",
        r"heeft \1 elementen; hoogstens \2 toegelaten",
    ),
    (r"is larger than (\d+) MB", r"is groter dan \1 MB"),
    (r"is not valid Unicode text", "is geen geldige Unicode-tekst"),
    (
        r"must not contain the control character (U\+[0-9A-F]+) .*",
        r"mag het stuurteken \1 niet bevatten (namen en id's zijn gewone tekst op één regel)",
    ),
    (
        r"(.*) is not a number: write digits only, without an exponent(.*)",
        r"\1 is geen getal: schrijf alleen cijfers, zonder exponent",
    ),
    (
        r"(.*) is not a number: it has more than (\d+) significant digits(.*)",
        r"\1 is geen getal: het heeft meer dan \2 beduidende cijfers",
    ),
    (
        r"(.*) is not a number: it is far too large or too small(.*)",
        r"\1 is geen getal: het is veel te groot of te klein",
    ),
    (r"(.*) is not a number: it is not finite(.*)", r"\1 is geen getal: het is niet eindig"),
    (
        r"(.*) is not a number: use digits and at most one decimal separator(.*)",
        r"\1 is geen getal: gebruik cijfers en hoogstens één decimaalteken",
    ),
    (r"(.*) is too long for a number(.*)", r"\1 is te lang voor een getal"),
    (r"is too long: at most (\d+) allowed", r"is te lang: hoogstens \1 toegelaten"),
    (r"is required but missing", "is verplicht"),
    (r"is not a known field", "is geen bekend veld"),
    (r"must be true or false", "moet ja of nee zijn"),
    (r"must be a whole number", "moet een geheel getal zijn"),
    (r"must be text", "moet tekst zijn"),
    (r"must be a mapping( of fields)?", "moet een groep velden zijn"),
    (r"must be a list", "moet een lijst zijn"),
    (
        r"must contain only lower-case letters, digits and '-'",
        "mag alleen kleine letters, cijfers en '-' bevatten",
    ),
    (r"'(.*)' is not allowed; expected (.*)", r"'\1' is niet toegelaten; verwacht \2"),
    (r"must be more than 0 and at most 1", "moet meer dan 0 en hoogstens 1 zijn"),
    (r"has more than (\d+) decimals .*", r"heeft meer dan \1 decimalen"),
    (r"must not be negative", "mag niet negatief zijn"),
    (r"is too large .*", "is te groot (hoogstens 999.999.999,99)"),
    (r"must lie between 0 and 1", "moet tussen 0 en 1 liggen"),
    (r"must lie between 0 and 100 000 hours", "moet tussen 0 en 100.000 uur liggen"),
    (r"must lie between the years 1900 and 2200", "moet tussen de jaren 1900 en 2200 liggen"),
    (
        r"must be a whole number of percent from 20 to 75",
        "moet een geheel percentage van 20 tot 75 zijn",
    ),
    (
        r"must be a multiple of 5 from 20 to 75 .*",
        "moet een veelvoud van 5 van 20 tot 75 zijn (een beslissing van de VDAB)",
    ),
    (r"must not be empty", "mag niet leeg zijn"),
    (r"must be a number .*", "moet een getal zijn"),
    (r"'(.*)' is not a number .*", r"'\1' is geen getal"),
    (r"'(.*)' is not a date in the form YYYY-MM-DD", r"'\1' is geen datum (JJJJ-MM-DD)"),
    (r"(\d{4}-\d{2}-\d{2}) does not exist", r"\1 bestaat niet"),
    (r"'(.*)' is not a month in the form YYYY-MM", r"'\1' is geen maand (JJJJ-MM)"),
    (r"duplicate id '(.*)'", r"id '\1' komt al voor"),
    (r"is before start_date \((.*)\)", r"ligt vóór de begindatum (\1)"),
    (r"is not before start_date \((.*)\)", r"ligt niet vóór de begindatum (\1)"),
    (r"is required when payment is '(.*)'", r"is verplicht bij betaling met '\1'"),
    (
        r"give either amount_per_year or amount_per_hour, not both",
        "geef een bedrag per jaar óf een bedrag per uur, niet allebei",
    ),
    (
        r"needs amount_per_year, or amount_per_hour with an activity",
        "vraagt een bedrag per jaar, of een bedrag per uur met een activiteit",
    ),
    (r"is required with amount_per_hour", "is verplicht bij een bedrag per uur"),
    (r"names an unknown activity '(.*)'", r"verwijst naar een onbekende activiteit '\1'"),
    (r"is required when measure is '(.*)'", r"is verplicht bij maatregel '\1'"),
    (r"is before from \((.*)\)", r"ligt vóór de eerste maand (\1)"),
    (
        r"the recognition 'lde' needs a legal form among (.*) \(the promoter is '(.*)'\)",
        r"de erkenning 'lde' vraagt een rechtsvorm uit \1 (de promotor is '\2')",
    ),
    (r"'(.*)' is listed twice", r"'\1' staat er twee keer"),
    (r"Input should be less than or equal to (\d+)", r"mag hoogstens \1 zijn"),
    (r"Input should be greater than or equal to (\d+)", r"moet minstens \1 zijn"),
    (r"String should have at most (\d+) characters?", r"mag hoogstens \1 tekens lang zijn"),
    (r"String should have at least 1 character", "mag niet leeg zijn"),
)
# `echo` says how long a quoted text was: "'xxx…' (100 characters)".
_CHARACTERS = re.compile(r"\((\d+) characters\)")
_COMPILED = tuple((re.compile(f"^{pattern}$"), dutch) for pattern, dutch in _DUTCH)


def translate(message: str, language: Language) -> str:
    """`message` in `language` (the model speaks English)."""
    if language == "en":
        return message
    for pattern, dutch in _COMPILED:
        if pattern.match(message):
            # pydantic lists the allowed values as "'a', 'b' or 'c'".
            dutch_message = pattern.sub(dutch, message).replace("' or '", "' of '")
            return _CHARACTERS.sub(r"(\1 tekens)", dutch_message)
    return message


def translated(problems: Iterable[Problem], language: Language) -> list[Problem]:
    """`problems` with their messages in `language`, their paths unchanged."""
    return [replace(problem, message=translate(problem.message, language)) for problem in problems]
