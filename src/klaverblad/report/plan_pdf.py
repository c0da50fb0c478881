"""The plan as a PDF for funders (WeasyPrint, A4, Dutch by default): the initiative and
promoter, the horizon, what the initiative is (description, municipality, kind of service),
a summary (funding, costs, gap, break-even price), the staff, the activities, the cost budget
and the funding per source and year with the saldo (`plan_pdf_sections.py`), the four-leaf
chart with its data table, the leaves per year, the lines per leaf, the memo lines apart
("buiten de rekening van het initiatief", when there are some), the alerts with what to do,
the sources (parameter values, dates, grades, references), the rules version and the
export date. Statutes, measures and alerts are named in words, never by their code. Page
numbers in the footer. System fonts only; the HTML is `templates/plan_pdf.html`.

A shared plan (`redact=True`) shows its people by id and role only (`report/redaction.py`);
its alerts are redacted by the caller (`redaction.redacted_alerts`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from babel.numbers import format_percent
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from klaverblad.advice.alerts import Alert
from klaverblad.advice.known_on_words import rules_text
from klaverblad.locale import BABEL_LOCALE, Language, day, money, month_name
from klaverblad.messages import N_, words
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.plan.ledger import LEAVES
from klaverblad.report.cloverleaf import FILL, cloverleaf_svg, leaf_table_rows
from klaverblad.report.download_words import DOWNLOAD_WORDS
from klaverblad.report.funder_tables import (
    activity_label,
    component_words,
    funder_words,
    measure_words,
    person_label,
)
from klaverblad.report.parameter_values import UNDATED, start_in_words
from klaverblad.report.plan_pdf_sections import certainty_section, funder_sections, short_day
from klaverblad.report.plan_sources import (
    SEVERITY_WORDS,
    STATUS_WORDS,
    export_date,
    plan_sources,
    source_value_text,
)
from klaverblad.report.plan_table import LEAF_NAMES

TEMPLATES = Path(__file__).resolve().parent / "templates"

WORDS = words(
    N_("pdf.plan"),
    N_("pdf.promoter"),
    N_("pdf.initiative"),
    N_("pdf.horizon"),
    N_("pdf.from"),
    N_("pdf.to"),
    N_("pdf.months"),
    N_("pdf.rules"),
    N_("pdf.reforms"),
    N_("pdf.exported"),
    N_("pdf.summary"),
    N_("pdf.funding"),
    N_("pdf.costs"),
    N_("pdf.gap"),
    N_("pdf.shortfall"),
    N_("pdf.surplus"),
    N_("pdf.balanced"),
    N_("pdf.break_even"),
    N_("pdf.no_break_even"),
    N_("pdf.gap_note"),
    N_("pdf.clover"),
    N_("pdf.clover_table"),
    N_("pdf.leaf"),
    N_("pdf.amount"),
    N_("pdf.share"),
    N_("pdf.total"),
    N_("pdf.per_year"),
    N_("pdf.per_leaf"),
    N_("pdf.no_lines"),
    N_("pdf.year"),
    N_("pdf.measure"),
    N_("pdf.component"),
    N_("pdf.for"),
    N_("pdf.funder"),
    N_("pdf.alerts"),
    N_("pdf.no_alerts"),
    N_("pdf.sources"),
    N_("pdf.sources_note"),
    N_("pdf.no_sources"),
    N_("pdf.parameter"),
    N_("pdf.value"),
    N_("pdf.since"),
    N_("pdf.grade"),
    N_("pdf.references"),
    N_("pdf.used_by"),
    N_("pdf.colophon"),
    N_("pdf.page"),
)


@dataclass(frozen=True)
class _Row:
    label: str
    cells: list[str]
    kind: str


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _since(since: str | None, language: Language) -> str:
    """A value's start date, d/MM/yyyy in Dutch (ux.md §2.2), ISO in English; "al van voor
    2004" for an undated value (`report/parameter_values.py`)."""
    if not since:
        return ""
    try:
        value = date.fromisoformat(since)
    except ValueError:
        return since
    if value <= UNDATED:
        return start_in_words(value, language)
    return short_day(value, language)


def _gap_word(cents: int, words: dict[str, str]) -> str:
    if cents > 0:
        return words["shortfall"]
    return words["surplus"] if cents < 0 else words["balanced"]


def _subjects(plan: FinancingPlan, redact: bool) -> dict[str, str]:
    """How a line names its person or activity: by name when the file gives one."""
    initiative = plan.initiative
    subjects = {activity.id: activity_label(activity) for activity in initiative.activities}
    subjects.update({person.id: person_label(person, redact) for person in initiative.people})
    return subjects


def plan_html(
    plan: FinancingPlan,
    alerts: list[Alert],
    language: Language = "nl",
    exported: date | None = None,
    redact: bool = False,
) -> str:
    """The HTML that the PDF is printed from (also usable for a browser's print dialog)."""
    words = WORDS[language]
    subjects = _subjects(plan, redact)

    def who(key: str) -> str:
        return subjects.get(key, key)

    exported = export_date(exported)
    initiative = plan.initiative

    def cash(cents: int) -> str:
        return money(cents, language)

    last_month = plan.first_month + plan.months - 1
    horizon = (
        f"{words['from']} {month_name(plan.first_month, language)} {words['to']} "
        f"{month_name(last_month, language)} ({plan.months} {words['months']})"
    )
    year_rows = [
        _Row(
            LEAF_NAMES[language][leaf],
            [cash(y.leaves[leaf]) for y in plan.years] + [cash(plan.leaves[leaf])],
            "leaf",
        )
        for leaf in LEAVES
    ]
    year_rows += [
        _Row(
            words["funding"],
            [cash(y.totals.funding_cents) for y in plan.years] + [cash(plan.totals.funding_cents)],
            "total",
        ),
        _Row(
            words["costs"],
            [cash(y.totals.costs_cents) for y in plan.years] + [cash(plan.totals.costs_cents)],
            "costs",
        ),
        _Row(
            words["gap"],
            [cash(y.totals.gap_cents) for y in plan.years] + [cash(plan.totals.gap_cents)],
            "gap",
        ),
    ]
    leaf_lines = []
    for row in leaf_table_rows(plan.leaves, language):
        lines = [
            {
                "year": line.year,
                "measure": measure_words(plan, line.measure, language),
                "component": component_words(line.component, language),
                "subject": who(line.person or line.activity or ""),
                "funder": funder_words(line.funder, language),
                "amount": cash(line.cents),
                "status": "" if line.status == "computed" else STATUS_WORDS[language][line.status],
            }
            for line in plan.lines
            if line.leaf == row.leaf
        ]
        leaf_lines.append({"name": row.name, "amount": row.amount, "lines": lines})
    memo_lines = [
        {
            "year": line.year,
            "measure": measure_words(plan, line.measure, language),
            "component": component_words(line.component, language),
            "subject": who(line.person or line.activity or ""),
            "funder": funder_words(line.funder, language),
            "amount": cash(line.cents),
            "status": "" if line.status == "computed" else STATUS_WORDS[language][line.status],
        }
        for line in plan.memo_lines
    ]
    sources = [
        {
            "parameter": source.parameter,
            "label": source.label,
            "value": source_value_text(source, language),
            "since": _since(source.since, language),
            "grade": source.grade or "",
            "references": source.references,
            "measures": ", ".join(measure_words(plan, m, language) for m in source.measures),
        }
        for source in plan_sources(plan, language)
    ]
    context = {
        "language": language,
        "w": words,
        "initiative": initiative,
        "horizon": horizon,
        "rules_version": rules_text(plan.rules_version, plan.system, language),
        "reforms": ", ".join(plan.reforms),
        "exported": day(exported, language),
        "exported_iso": exported.isoformat(),
        "totals": {
            "funding": cash(plan.totals.funding_cents),
            "costs": cash(plan.totals.costs_cents),
            "gap": cash(plan.totals.gap_cents),
            "gap_word": _gap_word(plan.totals.gap_cents, words),
        },
        "break_even": (
            words["no_break_even"] if plan.break_even_cents is None else cash(plan.break_even_cents)
        ),
        "svg": Markup(cloverleaf_svg(plan.leaves, language, chart_id="klaverblad-pdf")),
        "leaf_rows": [
            {"name": row.name, "amount": row.amount, "share": row.share, "colour": FILL[row.leaf]}
            for row in leaf_table_rows(plan.leaves, language)
        ],
        "total_share": format_percent(
            1 if plan.totals.funding_cents > 0 else 0, "#,##0.0%", locale=BABEL_LOCALE[language]
        ),
        "years": [y.year for y in plan.years],
        "year_rows": year_rows,
        "leaf_lines": leaf_lines,
        # The memo lines apart (RULEBOOK §1): PWA and wijk-werk cheques, in no total.
        "memo_lines": memo_lines,
        "memo_title": DOWNLOAD_WORDS[language]["memo_title"],
        "memo_note": DOWNLOAD_WORDS[language]["memo_note"],
        "alerts": [
            {
                "severity": alert.severity,
                "severity_word": SEVERITY_WORDS[language][alert.severity],
                "title": alert.title(language),
                "subject": who(alert.subject),
                "message": alert.message(language),
            }
            for alert in alerts
        ],
        "sources": sources,
        "certainty": certainty_section(plan, language),
        **funder_sections(plan, language, redact),
    }
    return _environment().get_template("plan_pdf.html").render(context)


def plan_to_pdf(
    plan: FinancingPlan,
    alerts: list[Alert],
    language: Language = "nl",
    exported: date | None = None,
    redact: bool = False,
) -> bytes:
    """The plan as PDF bytes (A4, tagged for accessibility)."""
    from weasyprint import CSS, HTML

    html = plan_html(plan, alerts, language, exported, redact)
    document = HTML(string=html, base_url=str(TEMPLATES))
    pdf = document.write_pdf(
        stylesheets=[CSS(filename=str(TEMPLATES / "plan_pdf.css"))], pdf_tags=True
    )
    assert pdf is not None
    return bytes(pdf)
