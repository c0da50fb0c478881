"""The sources of a plan for the PDF and XLSX exports: every parameter value that a line used
(from the line explanations), once per parameter and date, with its grade and references, and
the wording shared by those exports (sheet and section titles, status and severity words)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from klaverblad.advice.line_explanations import explain_lines
from klaverblad.locale import Language
from klaverblad.messages import N_, words
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.report.parameter_values import value_text
from klaverblad.rules.by_month import leaf


@dataclass(frozen=True)
class Reference:
    title: str
    href: str | None = None


@dataclass
class Source:
    """One parameter value in force for some lines of the plan."""

    parameter: str
    label: str
    value: object
    since: str | None
    unit: str | None
    period: str | None
    grade: str | None
    references: list[Reference]
    measures: list[str] = field(default_factory=list)


def _references(raw: object) -> list[Reference]:
    items = raw if isinstance(raw, list | tuple) else [raw] if raw else []
    references = []
    for item in items:
        if isinstance(item, dict):
            title = str(item.get("title") or item.get("href") or "")
            href = item.get("href")
            references.append(Reference(title, str(href) if href else None))
        elif item:
            text = str(item)
            is_link = text.startswith(("http://", "https://"))
            references.append(Reference(text, text if is_link else None))
    return references


def plan_sources(plan: FinancingPlan, language: Language = "nl") -> list[Source]:
    """The parameter values behind the plan's lines, by parameter and date of the value."""
    sources: dict[tuple[str, str | None], Source] = {}
    for explanation in explain_lines(plan, language):
        measure = str(explanation["line"]["measure"])
        for fact in explanation.get("parameters", []):
            key = (str(fact["parameter"]), fact.get("since"))
            source = sources.get(key)
            if source is None:
                source = sources[key] = Source(
                    parameter=key[0],
                    label=str(fact.get("label") or ""),
                    value=fact.get("value"),
                    since=fact.get("since"),
                    unit=fact.get("unit"),
                    period=(leaf(plan.parameters, key[0]).metadata or {}).get("period"),
                    grade=fact.get("grade"),
                    references=_references(fact.get("reference")),
                )
            if measure not in source.measures:
                source.measures.append(measure)
    return sorted(sources.values(), key=lambda s: (s.parameter, s.since or ""))


def source_value_text(source: Source, language: Language = "nl") -> str:
    """A source's value in words, by its unit and period (`report/parameter_values.py`)."""
    return value_text(source.value, source.unit, source.period, language)


STATUS_WORDS = words(
    N_("line_status.computed"),
    N_("line_status.entered"),
    N_("line_status.not_computable"),
)
SEVERITY_WORDS = words(
    N_("severity.error"),
    N_("severity.warning"),
    N_("severity.info"),
)
GRADE_WORDS = words(
    N_("grade.H"),
    N_("grade.M"),
    N_("grade.L"),
    N_("grade.entered"),
)


def grade_text(grade: str | None, language: Language = "nl") -> str:
    return GRADE_WORDS[language].get(grade or "", grade or "")


def export_date(exported: date | None) -> date:
    return exported or date.today()
