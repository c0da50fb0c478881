"""What the plan page shows, computed from an initiative: the chart and its table, totals,
break-even price, alerts, and the lines per year and leaf, each with its explanation; and
around it (`plan_view`) the downloads and the forms that edit or save it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from markupsafe import Markup

from klaverblad.advice.alerts import plan_alerts
from klaverblad.advice.known_on_words import rules_text
from klaverblad.advice.line_explanations import explain_lines
from klaverblad.locale import Language, money, month_name
from klaverblad.model import Initiative
from klaverblad.model.months import parse_month
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.plan.ledger import LEAVES, Line
from klaverblad.report.cloverleaf import cloverleaf_svg, leaf_table_rows
from klaverblad.report.download_words import DOWNLOAD_WORDS
from klaverblad.report.funder_tables import component_words, funder_words, measure_words
from klaverblad.report.plan_sources import STATUS_WORDS
from klaverblad.report.plan_table import LEAF_NAMES
from klaverblad.report.plan_table import WORDS as TABLE_WORDS
from klaverblad.report.redaction import redacted_alerts, redacted_explanations
from klaverblad.rules.known_on import rules_known_on
from klaverblad.web.views.certainty import certainty_context
from klaverblad.web.views.documents import document_json
from klaverblad.web.views.line_explanation import Explanation, line_explanation
from klaverblad.web.views.plan_gap import cost_table, gap_headline, year_saldos
from klaverblad.web.views.plan_links import POSTED_FORM, PlanLinks
from klaverblad.web.views.totals_explanation import totals_explanation
from klaverblad.web.views.why_statute import why_statute
from klaverblad.web.words.common import WORDS
from klaverblad.web.words.explanations import EXPLANATION_WORDS
from klaverblad.web.words.gap import GAP_WORDS
from klaverblad.web.words.why_statute import WHY_STATUTE_WORDS


@dataclass(frozen=True)
class PlanLine:
    measure: str
    component: str
    funder: str
    who: str
    amount: str
    explanation: Explanation


@dataclass
class LeafGroup:
    leaf: str
    name: str
    subtotal: str
    lines: list[PlanLine] = field(default_factory=list)


@dataclass(frozen=True)
class MemoLine:
    """A memo line as the page shows it (PWA or wijk-werk cheques: no explanation box)."""

    year: int
    measure: str
    component: str
    funder: str
    who: str
    amount: str
    status: str


def memo_context(plan: FinancingPlan, language: Language) -> dict[str, Any]:
    """The memo lines apart, under "buiten de rekening van het initiatief" (RULEBOOK §1):
    money the clients' cheques pay PWA workers or wijk-werkers, in none of the page's totals."""
    download = DOWNLOAD_WORDS[language]
    return {
        "memo_lines": [
            MemoLine(
                year=line.year,
                measure=measure_words(plan, line.measure, language),
                component=component_words(line.component, language),
                funder=funder_words(line.funder, language),
                who=_who(line, plan),
                amount=money(line.cents, language),
                status="" if line.status == "computed" else STATUS_WORDS[language][line.status],
            )
            for line in plan.memo_lines
        ],
        "memo_title": download["memo_title"],
        "memo_note": download["memo_note"],
        "memo_year": TABLE_WORDS[language]["year"],
    }


@dataclass(frozen=True)
class Year:
    year: int
    caption: str
    groups: list[LeafGroup]
    funding: str
    costs: str
    # Funding − costs, signed.
    saldo: str


def _who(line: Line, plan: FinancingPlan) -> str:
    """The person or activity of a line by name (a share link's plan has no people's names)."""
    people = {person.id: person.label for person in plan.initiative.people}
    activities = {activity.id: activity.label for activity in plan.initiative.activities}
    if line.person:
        return people.get(line.person, line.person)
    if line.activity:
        return activities.get(line.activity, line.activity)
    return "—"


def _line(line: Line, entry: dict[str, Any], plan: FinancingPlan, language: Language) -> PlanLine:
    return PlanLine(
        measure=measure_words(plan, line.measure, language),
        component=component_words(line.component, language),
        funder=funder_words(line.funder, language),
        who=_who(line, plan),
        amount=money(line.cents, language),
        explanation=line_explanation(entry, plan.parameters, language),
    )


def gap_words(cents: int, language: Language) -> tuple[str, str]:
    """The balance in words and its size: ("Tekort", "€ 4.200,00") for a positive gap,
    "Overschot" for a negative one, "In evenwicht" for none."""
    words = WORDS[language]
    label = "shortfall" if cents > 0 else "surplus" if cents < 0 else "balanced"
    return words[label], money(abs(cents), language)


def summary_context(
    plan: FinancingPlan, language: Language, chart_id: str = "klaverblad", redact: bool = False
) -> dict[str, Any]:
    """What every view of a computed plan shows at the top (the plan page, the wizard's result
    panel): the chart (its ids prefixed with `chart_id`) and its table, costs, funding, the
    gap in words, the break-even price, and the alerts, errors first."""
    words = WORDS[language]
    gap_label, gap_amount = gap_words(plan.totals.gap_cents, language)
    return {
        # The chart escapes every text it holds: safe to insert as it is.
        "chart": Markup(cloverleaf_svg(plan.leaves, language, chart_id=chart_id)),
        "leaf_rows": leaf_table_rows(plan.leaves, language),
        "leaf_total": money(sum(plan.leaves.get(leaf, 0) for leaf in LEAVES), language),
        "costs": money(plan.totals.costs_cents, language),
        "funding": money(plan.totals.funding_cents, language),
        "gap_label": gap_label,
        "gap_amount": gap_amount,
        "gap_cents": plan.totals.gap_cents,
        "gap_headline": gap_headline(plan.totals.gap_cents, plan.months, language),
        "break_even": (
            None if plan.break_even_cents is None else money(plan.break_even_cents, language)
        ),
        # How the gap and the break-even price are computed (_plan_totals_explanation.html).
        "totals_explanation": totals_explanation(plan, gap_label, words["break_even"], language),
        "alerts": [
            {
                "code": alert.code,
                "severity": alert.severity,
                "severity_word": words.get(f"severity_{alert.severity}", alert.severity),
                "title": alert.title(language),
                "subject": alert.subject,
                "message": alert.message(language),
            }
            # plan_alerts gives them errors first, then warnings, then information; a share
            # link does not say which of a person's conditions fail (report/redaction.py).
            for alert in (redacted_alerts(plan_alerts(plan)) if redact else plan_alerts(plan))
        ],
    }


def horizon(initiative: Initiative, language: Language) -> str:
    """The plan's period in words: its first month and its length."""
    start = month_name(parse_month(initiative.horizon.start), language)
    return WORDS[language]["horizon"].format(start=start, months=initiative.horizon.months)


def plan_context(
    initiative: Initiative,
    language: Language,
    *,
    redact: bool = False,
    known_on: date | None = None,
) -> dict[str, Any]:
    """Everything plan.html shows, for `initiative` planned over its own horizon; with
    `redact` (a share link) the explanations show no personal data (report/redaction.py);
    with `known_on`, under only the rules known on that date (docs/as-known-on.md)."""
    words = WORDS[language]
    system = rules_known_on(known_on)
    plan = compute_plan(initiative, system)
    explained = explain_lines(plan, language)
    if redact:
        people = [person.model_dump(mode="json") for person in initiative.people]
        explained = redacted_explanations(explained, people, language)
    years: list[Year] = []
    saldos = year_saldos(plan)
    for totals in plan.years:
        groups = {
            leaf: LeafGroup(
                leaf, LEAF_NAMES[language][leaf], money(totals.leaves.get(leaf, 0), language)
            )
            for leaf in LEAVES
        }
        for line, entry in zip(plan.lines, explained, strict=True):
            if line.year == totals.year:
                groups[line.leaf].lines.append(_line(line, entry, plan, language))
        years.append(
            Year(
                year=totals.year,
                caption=words["lines_caption"].format(year=totals.year),
                groups=[group for group in groups.values() if group.lines],
                funding=money(totals.totals.funding_cents, language),
                costs=money(totals.totals.costs_cents, language),
                saldo=money(saldos[totals.year], language),
            )
        )
    return {
        "title": f"{words['plan_title']}: {initiative.name}",
        "initiative": initiative,
        "period": horizon(initiative, language),
        "rules_version": rules_text(plan.rules_version, plan.system, language),
        **summary_context(plan, language, redact=redact),
        "years": years,
        **memo_context(plan, language),
        # Not on a share link: the conditions reveal diploma and benefit status.
        "why_statute": [] if redact else why_statute(plan, language),
        "why_words": WHY_STATUTE_WORDS[language],
        # People by id only, so the same on a shared page.
        "cost_table": cost_table(plan, language),
        "gw": GAP_WORDS[language],
        # The words of the "Hoe berekend?" boxes (_plan_explanation.html).
        "ew": EXPLANATION_WORDS[language],
        # "Hoe zeker is dit plan?" (_plan_certainty.html): parameters and amounts, no person.
        "certainty": certainty_context(plan, language),
    }


def plan_view(
    initiative: Initiative,
    language: Language,
    links: PlanLinks,
    document: Any,
    *,
    expected_version: int | None = None,
    posted_text: str = "",
    save_url: str = "",
    login_to_save_url: str = "",
    redact: bool = False,
    known_on: date | None = None,
    known_on_form: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Everything plan.html shows: the plan of `initiative`, its downloads (`links`; a posted
    plan's downloads post `posted_text` again), and the form that sends `document` (the
    initiative's data) to the wizard, with a save button to `save_url` when there is one or a
    link to log in first (`login_to_save_url`)."""
    return {
        **plan_context(initiative, language, redact=redact, known_on=known_on),
        "known_on_form": known_on_form,
        "links": links,
        "posted_form": POSTED_FORM,
        "posted_text": posted_text,
        "document_json": document_json(document),
        "expected_version": expected_version,
        "save_url": save_url,
        "login_to_save_url": login_to_save_url,
    }
