"""The multi-year plan sections of the portfolio page and of its own page: per municipality of
the portfolio, the amounts 2026-2031 per direction (a group of rows each), funder, beleidsveld
and algemene rekening, the reconciliation, the notes, the download links, and the sources and
grades of the codes (`report/bbc_sources.py`; docs/multi-year-plan.md, docs/web.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from klaverblad.advice.multi_year_plan import YEARS, MultiYearPlan, compute_multi_year_plan
from klaverblad.locale import Language, money
from klaverblad.model import Initiative
from klaverblad.report.bbc_export import DIRECTIONS, notes, total_labels, totals
from klaverblad.report.bbc_sources import (
    Choice,
    CodeCell,
    SourceItem,
    Sources,
    choices,
    row_codes,
)
from klaverblad.report.bbc_words import WORDS
from klaverblad.report.funder_tables import funder_words
from klaverblad.report.plan_table import LEAF_NAMES

PAGE_PATHS = ("/portefeuille/meerjarenplan", "/en/portfolio/multi-year-plan")
XLSX_PATHS = ("/portefeuille/meerjarenplan.xlsx", "/en/portfolio/multi-year-plan.xlsx")
CSV_PATHS = ("/portefeuille/meerjarenplan.csv", "/en/portfolio/multi-year-plan.csv")
MUNICIPALITY_FIELD = "municipality"
# Beyond this many initiatives the portfolio page links to the sections instead of computing
# them (each initiative is planned again over the 72 months of the period).
INLINE_INITIATIVES = 50


@dataclass(frozen=True)
class RowView:
    """A row of the main table: the funder (its row header, with its leaf, economic sector and
    initiatives in smaller lines), the beleidsveld and account, the amounts per year and total."""

    funder: str
    leaf: str
    sector: CodeCell | None
    initiatives: str
    beleidsveld: CodeCell
    account: CodeCell
    years: list[str]
    total: str


@dataclass(frozen=True)
class Group:
    """The rows of one direction, under a sub-heading row spanning the table."""

    direction: str
    label: str
    rows: list[RowView]


@dataclass
class Section:
    municipality: str
    anchor: str
    caption: str
    initiatives: list[str]  # the names of the municipality's initiatives
    years: list[str]
    groups: list[Group]
    summary: list[list[str]]
    notes: list[str]
    sources: list[SourceItem]
    choices: list[Choice]
    xlsx: str
    csv: str

    @property
    def columns(self) -> int:
        """How many columns the main table has: funder, beleidsveld, account, years, total."""
        return 3 + len(self.years) + 1


def path(paths: tuple[str, str], language: Language, municipality: str = "") -> str:
    base = paths[0 if language == "nl" else 1]
    return f"{base}?{urlencode({MUNICIPALITY_FIELD: municipality})}" if municipality else base


def municipalities(initiatives: list[Initiative]) -> list[str]:
    """The municipalities of the portfolio, each once (as first written), in alphabetical order."""
    names: dict[str, str] = {}
    for initiative in initiatives:
        name = initiative.promoter.municipality.strip()
        names.setdefault(name.casefold(), name)
    return sorted(names.values(), key=str.casefold)


def _groups(plan: MultiYearPlan, language: Language, sources: Sources) -> list[Group]:
    words = WORDS[language]
    names = {i.id: i.name for i in plan.initiatives}
    rows: dict[str, list[RowView]] = {direction: [] for direction in DIRECTIONS}
    for row, (beleidsveld, account, found) in zip(plan.rows, row_codes(plan, sources), strict=True):
        rows[row.entry.direction].append(
            RowView(
                funder=funder_words(row.funder, language),
                leaf=LEAF_NAMES[language][row.leaf],
                sector=found,
                initiatives=", ".join(
                    sorted((names[i] for i in row.initiatives), key=str.casefold)
                ),
                beleidsveld=beleidsveld,
                account=account,
                years=[money(row.cents[y], language) for y in YEARS],
                total=money(row.total, language),
            )
        )
    return [
        Group(direction, words[f"direction_{direction}"], found)
        for direction, found in rows.items()
        if found
    ]


def section(plan: MultiYearPlan, language: Language) -> Section:
    words = WORDS[language]
    sources = Sources(language)
    groups = _groups(plan, language, sources)
    labels = total_labels(language)
    summary = [
        [
            labels[key],
            *(money(cents[y], language) for y in YEARS),
            money(sum(cents.values()), language),
        ]
        for key, cents in totals(plan).items()
    ]
    # The page says where the codes come from under the tables, with a link: not the sentence
    # of the other outputs ("see the grade of each choice", a column of the workbook).
    page_notes = [
        words["mapping_note_web"] if line == words["mapping_note"] else line
        for line in notes(plan, language)
    ]
    return Section(
        municipality=plan.municipality,
        anchor="meerjarenplan-" + re.sub(r"[^a-z0-9]+", "-", plan.municipality.casefold()),
        caption=words["title"].format(name=plan.municipality),
        initiatives=sorted((i.name for i in plan.initiatives), key=str.casefold),
        years=[str(year) for year in YEARS],
        groups=groups,
        summary=summary,
        notes=page_notes,
        sources=sources.items(),
        choices=choices(plan, language),
        xlsx=path(XLSX_PATHS, language, plan.municipality),
        csv=path(CSV_PATHS, language, plan.municipality),
    )


def sections(initiatives: list[Initiative], language: Language, only: str = "") -> list[Section]:
    """One section per municipality of the portfolio (or only `only`, when given)."""
    names = municipalities(initiatives)
    if only:
        names = [name for name in names if name.casefold() == only.strip().casefold()]
    return [section(compute_multi_year_plan(initiatives, name), language) for name in names]


def portfolio_sections(initiatives: list[Initiative], language: Language) -> list[Section]:
    """The sections the portfolio page shows: none (only a link) for a large portfolio."""
    if not initiatives or len(initiatives) > INLINE_INITIATIVES:
        return []
    return sections(initiatives, language)
