"""The plan workbook's notes sheets (`plan_xlsx.py`): the alerts (`Signalen`/`Alerts`) by
their title in words, and the sources (`Bronnen`/`Sources`): each parameter value a line used,
its unit in words, since when (an ISO day, which sorts; "al van voor 2004" when undated), its
confidence grade and its references. The sheet's words come from the caller (`plan_xlsx.WORDS`),
which names the sheets."""

from __future__ import annotations

from typing import Any

from xlsxwriter.worksheet import Worksheet

from klaverblad.advice.alerts import Alert
from klaverblad.locale import Language
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.report.funder_tables import measure_words
from klaverblad.report.parameter_values import start_cell, unit_text, value_text
from klaverblad.report.plan_sources import SEVERITY_WORDS, grade_text, plan_sources
from klaverblad.report.plan_xlsx_formats import Formats


def write_table(
    sheet: Worksheet, headers: list[str], widths: list[int], rows: list[list[Any]], f: Formats
) -> None:
    for column, (header, width) in enumerate(zip(headers, widths, strict=True)):
        sheet.write(0, column, header, f.header)
        sheet.set_column(column, column, width, f.wrap)
    for row, values in enumerate(rows, start=1):
        for column, value in enumerate(values):
            sheet.write(row, column, value)
    sheet.freeze_panes(1, 0)


def write_alerts(
    sheet: Worksheet, alerts: list[Alert], language: Language, f: Formats, words: dict[str, str]
) -> None:
    """The alerts sheet: severity and title in words, whom it is about, what to do."""
    rows = [
        [SEVERITY_WORDS[language][a.severity], a.title(language), a.subject, a.message(language)]
        for a in alerts
    ]
    headers = [words["severity"], words["alert"], words["subject"], words["message"]]
    write_table(sheet, headers, [13, 30, 20, 100], rows, f)
    if not alerts:
        sheet.write(1, 0, words["no_alerts"], f.italic)


def write_sources(
    sheet: Worksheet, plan: FinancingPlan, language: Language, f: Formats, words: dict[str, str]
) -> None:
    """The sources sheet: every parameter value a line used (a number as a number, for
    sums; any other value in words), its unit in words, its date, grade and references, and
    the measures (in words) it was used for."""
    sources = plan_sources(plan, language)
    rows: list[list[Any]] = []
    for source in sources:
        value: Any = source.value
        if not isinstance(value, int | float) or isinstance(value, bool):
            value = value_text(value, source.unit, source.period, language)
        references = "\n".join(
            f"{ref.title} — {ref.href}" if ref.href and ref.href != ref.title else ref.title
            for ref in source.references
        )
        rows.append(
            [
                source.parameter,
                source.label,
                value,
                unit_text(source.unit, source.period, language),
                start_cell(source.since, language),
                grade_text(source.grade, language),
                references,
                ", ".join(measure_words(plan, m, language) for m in source.measures),
            ]
        )
    headers = [
        words[key]
        for key in ("parameter", "label", "value", "unit", "since", "grade", "references")
    ] + [words["used_by"]]
    write_table(sheet, headers, [34, 40, 14, 12, 12, 22, 70, 22], rows, f)
    if not sources:
        sheet.write(1, 0, words["no_sources"], f.italic)
