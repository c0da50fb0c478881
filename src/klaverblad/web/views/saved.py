"""What the saved-plan pages show of a stored initiative: times in Belgian local time, the
version history as rows (and as CSV), the people of a shared plan without personal data, and
the words of one page merged from several word modules.

>>> from datetime import UTC, datetime
>>> when(datetime(2025, 3, 5, 13, 30, tzinfo=UTC), "nl")    # 14:30 in Brussels (CET)
'5/03/2025 14:30'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_datetime

from klaverblad.locale import BABEL_LOCALE, LANGUAGES, Language, money, number
from klaverblad.model import Initiative
from klaverblad.report.redaction import age_band_words, redacted_person
from klaverblad.store import InitiativeVersion
from klaverblad.web.urls import url
from klaverblad.web.views.csv_download import csv_text
from klaverblad.web.wizard.choices import CHOICE_WORDS, choice_label
from klaverblad.web.words.common import WORDS

# nl-BE short date and time (ux.md §2.2: `d/MM/yyyy`); English day month year.
_PATTERNS = {"nl": "d/MM/yyyy HH:mm", "en": "d MMM yyyy HH:mm"}

BELGIUM: tzinfo
try:
    BELGIUM = ZoneInfo("Europe/Brussels")
except ZoneInfoNotFoundError:  # a system without the time-zone database: show UTC
    BELGIUM = UTC


def when(moment: datetime, language: Language) -> str:
    """A stored (UTC) time as Belgians read it: local time, `5/03/2025 14:30`."""
    return format_datetime(
        moment.astimezone(BELGIUM), _PATTERNS[language], locale=BABEL_LOCALE[language]
    )


@dataclass(frozen=True)
class HistoryRow:
    number: int
    time: str
    iso_time: str
    author: str
    note: str
    view_url: str
    current: bool
    viewed: bool


def history_rows(
    versions: list[InitiativeVersion], current: int, viewed: int, language: Language
) -> list[HistoryRow]:
    """One row per saved version, oldest first, with the address that shows it."""
    rows = []
    for version in versions:
        address = url("saved", language, initiative_id=version.initiative_id)
        if version.number != current:
            address += f"?version={version.number}"
        rows.append(
            HistoryRow(
                number=version.number,
                time=when(version.created_at, language),
                iso_time=version.created_at.isoformat(),
                author=version.author.display_name,
                note=version.note,
                view_url=address,
                current=version.number == current,
                viewed=version.number == viewed,
            )
        )
    return rows


def merged_words(*parts: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
    """Several pages' words as one `words` argument of `render` (later parts win)."""
    merged: dict[str, dict[str, str]] = {language: {} for language in LANGUAGES}
    for part in parts:
        for language in LANGUAGES:
            merged[language].update(part[language])
    return merged


def history_csv(versions: list[InitiativeVersion]) -> str:
    """The history table as CSV: number, time (UTC, ISO 8601), author, note."""
    return csv_text(
        ("version", "saved_at", "author", "note"),
        [(v.number, v.created_at.isoformat(), v.author.display_name, v.note) for v in versions],
    )


@dataclass(frozen=True)
class SharedPerson:
    """A person as a share link shows them: no birth date, diploma or benefit."""

    id: str
    role: str
    statute: str
    fte: str
    wage: str
    age_band: str
    target_group: str


def shared_people(initiative: Initiative, language: Language) -> list[SharedPerson]:
    """The people of a shared plan, each through `report.redaction.redacted_person`."""
    choices, words = CHOICE_WORDS[language], WORDS[language]
    rows = []
    for person in initiative.people:
        shown = redacted_person(person.model_dump(mode="json"))
        rows.append(
            SharedPerson(
                id=person.id,
                role=choice_label(choices, "role", person.role),
                statute=choice_label(choices, "statute", person.statute) if person.statute else "—",
                fte=number(person.fte, language),
                wage=money(int(person.monthly_wage_cost * 100), language),
                age_band=age_band_words(shown["age_band"], language),
                target_group=words["yes" if shown["target_group"] else "no"],
            )
        )
    return rows
