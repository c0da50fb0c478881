"""Where the codes of the multi-year plan come from, for the web page, the terminal table and
the workbook alike: each beleidsveld, algemene rekening and economic sector of a row as a
compact cell (the code, or "to be chosen by the financial service", its Dutch name, the number
of its source), the sources these numbers point to with their title and grade in words of the
output's language, and the grade of each mapping choice with its note (docs/multi-year-plan.md,
"The mapping, its sources and grades").

Sources are numbered in the order the output first names them, so the numbers read 1, 2, 3 …
down the page; only the sources of the codes shown are listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from klaverblad.advice.multi_year_plan import MultiYearPlan, Row
from klaverblad.locale import Language
from klaverblad.report.bbc_mapping import MAPPING, Code, Entry
from klaverblad.report.bbc_words import WORDS
from klaverblad.report.plan_sources import grade_text
from klaverblad.report.plan_table import LEAF_NAMES


def sector(row: Row) -> Code | None:
    """The economic sector code of the row's funder, where a source gives it."""
    return MAPPING.economic_sectors.get(row.kind)


def source_title(key: str, language: Language) -> str:
    """The title of a source of the mapping in the output's language (the YAML's title is the
    JSON's, for programs)."""
    return WORDS[language][f"source_{key}"]


@dataclass(frozen=True)
class CodeCell:
    """A code as the outputs show it: `code` empty when the financial service chooses it."""

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
            item = SourceItem(
                number=len(self._items) + 1,
                title=source_title(key, self.language),
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


def cell_text(cell: CodeCell | None, language: Language) -> str:
    """A cell as plain text with the number of its source: `0904 Activering van
    tewerkstelling [1]`, `Toegestane werkingssubsidies (te kiezen door de financiële dienst)
    [2]`, or only "te kiezen door de financiële dienst" when no source gives code nor name."""
    if cell is None:
        return ""
    if cell.to_choose:
        to_choose = WORDS[language]["to_choose"]
        words = f"{cell.name} ({to_choose})" if cell.name else to_choose
    else:
        words = f"{cell.code} {cell.name}".strip()
    return f"{words} [{cell.source}]" if cell.source else words


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


def choice(entry: Entry, language: Language) -> Choice:
    return Choice(
        label=entry_label(entry, language),
        grade=grade_text(entry.grade, language),
        note=WORDS[language].get(f"note_{entry.id}", ""),
    )


def choices(plan: MultiYearPlan, language: Language) -> list[Choice]:
    """The mapping entries the plan's rows use, each once, in the order of the rows."""
    seen: dict[str, Entry] = {}
    for row in plan.rows:
        seen.setdefault(row.entry.id, row.entry)
    return [choice(entry, language) for entry in seen.values()]


def source_lines(
    sources: list[SourceItem], plan_choices: list[Choice], language: Language
) -> list[str]:
    """The sources and the grade of each choice as lines of text, for the terminal: what the
    note "the codes come from the sources named; see the grade of each choice" points to."""
    words = WORDS[language]
    lines: list[str] = []
    if sources:
        lines += ["", words["sources_title"], words["sources_intro"]]
        for item in sources:
            lines += [
                f"{item.number}. {item.title}",
                f"   {item.url}",
                f"   {words['source_grade']}: {item.grade}",
                f"   {words['codes_from_source']}: {', '.join(item.codes)}",
            ]
    if plan_choices:
        lines += ["", words["choices_title"]]
        for found in plan_choices:
            note = f". {found.note}" if found.note else ""
            lines.append(f"- {found.label}: {found.grade}{note}")
    return lines
