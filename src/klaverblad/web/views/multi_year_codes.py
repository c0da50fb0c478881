"""The codes of the multi-year plan page and where they come from: each beleidsveld, algemene
rekening and economic sector of a row as a compact cell (the code, or "to be chosen by the
financial service", its Dutch name, the number of its source), the sources these numbers point
to with their grade in words, and the grade of each mapping choice with its note
(docs/multi-year-plan.md, "The mapping, its sources and grades").

Sources are numbered in the order the table first names them, so the numbers read 1, 2, 3 …
down the page; only the sources of the codes shown are listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from klaverblad.advice.multi_year_plan import MultiYearPlan
from klaverblad.locale import Language
from klaverblad.report.bbc_export import sector
from klaverblad.report.bbc_mapping import MAPPING, Code, Entry
from klaverblad.report.bbc_words import WORDS
from klaverblad.report.plan_sources import grade_text
from klaverblad.report.plan_table import LEAF_NAMES


@dataclass(frozen=True)
class CodeCell:
    """A code as the page shows it: `code` empty when the financial service chooses it."""

    code: str
    name: str
    source: int | None  # the number of its source in the sources list

    @property
    def to_choose(self) -> bool:
        return not self.code


@dataclass
class SourceItem:
    number: int
    title: str
    url: str
    grade: str  # in words: "M (secundaire bron of afgeleide datum)"
    codes: list[str] = field(default_factory=list)  # "0904 Activering van tewerkstelling"


@dataclass(frozen=True)
class Choice:
    """The grade of one mapping entry the plan uses, and its note."""

    label: str
    grade: str
    note: str


class Sources:
    """Numbers the sources of the codes as the rows name them."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self._items: dict[str, SourceItem] = {}

    def cell(self, code: Code) -> CodeCell:
        number = self._number(code) if code.source else None
        return CodeCell(code=code.code or "", name=code.name_nl or "", source=number)

    def items(self) -> list[SourceItem]:
        return list(self._items.values())

    def _number(self, code: Code) -> int:
        key = str(code.source)
        item = self._items.get(key)
        if item is None:
            source = MAPPING.sources[key]
            words = WORDS[self.language]
            item = SourceItem(
                number=len(self._items) + 1,
                title=words.get(f"source_{key}") or source.title,
                url=source.url,
                grade=grade_text(source.grade, self.language),
            )
            self._items[key] = item
        label = f"{code.code or ''} {code.name_nl or ''}".strip()
        if label not in item.codes:
            item.codes.append(label)
        return item.number


def row_codes(
    plan: MultiYearPlan, sources: Sources
) -> list[tuple[CodeCell, CodeCell, CodeCell | None]]:
    """Per row of the plan: its beleidsveld, account and economic sector (None: no source
    gives the funder's sector)."""
    cells = []
    for row in plan.rows:
        found = sector(row)
        cells.append(
            (
                sources.cell(row.entry.beleidsveld),
                sources.cell(row.entry.account),
                sources.cell(found) if found else None,
            )
        )
    return cells


def entry_label(entry: Entry, language: Language) -> str:
    """`Ontvangen door gemeente of OCMW · II werkgelegenheid · jeugd`, or `… · alle andere
    lijnen` for the entry that catches the lines no other entry takes."""
    words = WORDS[language]
    parts = [words[f"direction_{entry.direction}"]]
    if entry.leaf:
        parts.append(f"{words['leaf'].lower()} {LEAF_NAMES[language][entry.leaf]}")
    if entry.component:
        parts.append(entry.component)
    if not entry.leaf and not entry.component:
        parts.append(words["other_lines"])
    return " · ".join(parts)


def choices(plan: MultiYearPlan, language: Language) -> list[Choice]:
    """The mapping entries the plan's rows use, each once, in the order of the rows."""
    words = WORDS[language]
    seen: dict[str, Entry] = {}
    for row in plan.rows:
        seen.setdefault(row.entry.id, row.entry)
    return [
        Choice(
            label=entry_label(entry, language),
            grade=grade_text(entry.grade, language),
            note=words.get(f"note_{entry.id}", ""),
        )
        for entry in seen.values()
    ]
