"""The multi-year plan of a municipality as a workbook: a sheet with one row per mapping row
(direction, beleidsveld, algemene rekening, economic sector, funder, leaf), a column per year
2026-2031 and a total column that is a live SUM of the years; under it the money left out and
the sum of the plan lines, which the rows reconcile with; and a sheet with the sources and
grades of the mapping, in the workbook's language (`bbc_sources.py`, as the web page)."""

from __future__ import annotations

import io

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from klaverblad.advice.multi_year_plan import YEARS, MultiYearPlan
from klaverblad.locale import Language
from klaverblad.report.bbc_export import notes, row_cells, total_labels, totals
from klaverblad.report.bbc_mapping import MAPPING
from klaverblad.report.bbc_sources import Sources, cell_text
from klaverblad.report.bbc_words import WORDS
from klaverblad.report.plan_sources import grade_text
from klaverblad.report.plan_xlsx_formats import Formats, euros

# The columns before the years: direction, beleidsveld, account, sector, funder, leaf.
FIRST_YEAR_COLUMN = 6
HEADER_ROW = 3


def _sum(row: int) -> str:
    first = xl_rowcol_to_cell(row, FIRST_YEAR_COLUMN)
    last = xl_rowcol_to_cell(row, FIRST_YEAR_COLUMN + len(YEARS) - 1)
    return f"=SUM({first}:{last})"


def multi_year_xlsx(plan: MultiYearPlan, language: Language = "nl") -> bytes:
    words = WORDS[language]
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    workbook.set_properties(
        {"title": words["title"].format(name=plan.municipality), "comments": plan.rules_version}
    )
    formats = Formats(workbook)
    sheet = workbook.add_worksheet(words["sheet"])
    sheet.write(0, 0, words["title"].format(name=plan.municipality), formats.title)
    sheet.write(1, 0, words["horizon_note"], formats.italic)
    headers = [
        words["direction"],
        words["beleidsveld"],
        words["account"],
        words["sector"],
        words["funder"],
        words["leaf"],
        *(str(year) for year in YEARS),
        words["total"],
        words["initiatives"],
        words["grade"],
    ]
    sheet.write_row(HEADER_ROW, 0, headers, formats.header)
    row_index = HEADER_ROW
    for row in plan.rows:
        row_index += 1
        sheet.write_row(row_index, 0, row_cells(row, language))
        for offset, year in enumerate(YEARS):
            sheet.write_number(
                row_index, FIRST_YEAR_COLUMN + offset, euros(row.cents[year]), formats.euro
            )
        total_column = FIRST_YEAR_COLUMN + len(YEARS)
        sheet.write_formula(
            row_index, total_column, _sum(row_index), formats.euro_bold, euros(row.total)
        )
        sheet.write(row_index, total_column + 1, ", ".join(sorted(row.initiatives)))
        sheet.write(row_index, total_column + 2, grade_text(row.entry.grade, language))
    row_index += 2
    labels = total_labels(language)
    sheet.write(row_index, 0, words["summary"], formats.bold)
    for key, cents in totals(plan).items():
        row_index += 1
        sheet.write(row_index, 0, labels[key])
        for offset, year in enumerate(YEARS):
            sheet.write_number(
                row_index, FIRST_YEAR_COLUMN + offset, euros(cents[year]), formats.euro
            )
        sheet.write_formula(
            row_index,
            FIRST_YEAR_COLUMN + len(YEARS),
            _sum(row_index),
            formats.euro_bold,
            euros(sum(cents.values())),
        )
    row_index += 1
    for line in notes(plan, language):
        row_index += 1
        sheet.write(row_index, 0, line, formats.italic)
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 2, 40)
    sheet.set_column(3, 5, 20)
    sheet.set_column(FIRST_YEAR_COLUMN, FIRST_YEAR_COLUMN + len(YEARS), 14)
    sheet.set_column(FIRST_YEAR_COLUMN + len(YEARS) + 1, FIRST_YEAR_COLUMN + len(YEARS) + 2, 28)
    sheet.freeze_panes(HEADER_ROW + 1, 0)
    _sources(workbook, formats, language)
    workbook.close()
    return buffer.getvalue()


def _sources(workbook: xlsxwriter.Workbook, formats: Formats, language: Language) -> None:
    words = WORDS[language]
    sheet = workbook.add_worksheet(words["sources_sheet"])
    sheet.write(0, 0, words["sources_title"], formats.title)
    sheet.write(1, 0, words["mapping_note"], formats.italic)
    headers = [
        words["direction"],
        words["leaf"],
        words["beleidsveld"],
        words["account"],
        words["grade"],
        words["note"],
    ]
    sheet.write_row(3, 0, headers, formats.header)
    # The codes with the number of their source, numbered down the sheet as on the web page.
    sources = Sources(language)
    row = 3
    for entry in MAPPING.entries:
        row += 1
        sheet.write_row(
            row,
            0,
            [
                words[f"direction_{entry.direction}"],
                f"{entry.leaf or ''} {entry.component or ''}".strip(),
                cell_text(sources.cell(entry.beleidsveld), language),
                cell_text(sources.cell(entry.account), language),
                grade_text(entry.grade, language),
                words.get(f"note_{entry.id}", ""),
            ],
            formats.wrap,
        )
    for code in MAPPING.economic_sectors.values():
        sources.cell(code)
    row += 2
    sheet.write_row(
        row,
        0,
        [words["source"], "URL", words["source_grade"], words["codes_from_source"]],
        formats.header,
    )
    for item in sources.items():
        row += 1
        title = f"{item.number}. {item.title}"
        sheet.write_row(row, 0, [title, item.url, item.grade, ", ".join(item.codes)], formats.wrap)
    sheet.set_column(0, 0, 60)
    sheet.set_column(1, 1, 40)
    sheet.set_column(2, 4, 36)
    sheet.set_column(5, 5, 70)
