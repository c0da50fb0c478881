"""A readable terminal view of a plan: per year a table of the lines by leaf, the year's
costs, funding and gap, then the alerts. Money in nl-BE (`€ 1.234,56`) or English."""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from klaverblad.advice.alerts import Alert
from klaverblad.advice.certainty import plan_certainty
from klaverblad.advice.certainty_words import certainty_view
from klaverblad.advice.known_on_words import rules_text
from klaverblad.locale import Language, money
from klaverblad.messages import N_, words
from klaverblad.model.months import month_label
from klaverblad.plan.financing_plan import FinancingPlan

LEAF_NAMES = words(
    N_("leaf.I"),
    N_("leaf.II"),
    N_("leaf.III"),
    N_("leaf.IV"),
)
WORDS = words(
    N_("plan_table.plan"),
    N_("plan_table.from"),
    N_("plan_table.months"),
    N_("plan_table.leaf"),
    N_("plan_table.measure"),
    N_("plan_table.component"),
    N_("plan_table.for"),
    N_("plan_table.funder"),
    N_("plan_table.amount"),
    N_("plan_table.costs"),
    N_("plan_table.funding"),
    N_("plan_table.gap"),
    N_("plan_table.total"),
    N_("plan_table.break_even"),
    N_("plan_table.alerts"),
    N_("plan_table.not_computable"),
    N_("plan_table.entered"),
    N_("plan_table.year"),
    N_("plan_table.memo_title"),
    N_("plan_table.memo_note"),
)


def plan_table(plan: FinancingPlan, alerts: list[Alert], language: Language = "nl") -> Group:
    words = WORDS[language]
    parts: list[object] = [
        Text(
            f"{words['plan']}: {plan.initiative.name} ({plan.initiative.id}), "
            f"{words['from']} {month_label(plan.first_month)}, {plan.months} {words['months']}",
            style="bold",
        ),
        Text(
            f"rules {rules_text(plan.rules_version, plan.system, language)}"
            + (f", reforms {', '.join(plan.reforms)}" if plan.reforms else "")
        ),
    ]
    for year in plan.years:
        table = Table(title=str(year.year), title_justify="left", show_lines=False)
        for header, justify in (
            (words["leaf"], "left"),
            (words["measure"], "left"),
            (words["component"], "left"),
            (words["for"], "left"),
            (words["funder"], "left"),
            (words["amount"], "right"),
        ):
            table.add_column(header, justify=justify)  # type: ignore[arg-type]
        for line in (item for item in plan.lines if item.year == year.year):
            amount = money(line.cents, language)
            if line.status != "computed":
                amount = f"{amount} ({words[line.status]})"
            table.add_row(
                LEAF_NAMES[language][line.leaf],
                line.measure,
                line.component,
                line.person or line.activity or "",
                line.funder,
                amount,
            )
        for leaf, cents in year.leaves.items():
            table.add_row(
                Text(LEAF_NAMES[language][leaf], style="italic"),
                "",
                "",
                "",
                "",
                money(cents, language),
            )
        table.add_row(
            Text(words["funding"], style="bold"),
            "",
            "",
            "",
            "",
            money(year.totals.funding_cents, language),
        )
        table.add_row(
            Text(words["costs"], style="bold"),
            "",
            "",
            "",
            "",
            money(year.totals.costs_cents, language),
        )
        table.add_row(
            Text(words["gap"], style="bold"), "", "", "", "", money(year.totals.gap_cents, language)
        )
        parts.append(table)
    summary = Table(title=words["total"], title_justify="left")
    summary.add_column("")
    summary.add_column(words["amount"], justify="right")
    for leaf, cents in plan.leaves.items():
        summary.add_row(LEAF_NAMES[language][leaf], money(cents, language))
    summary.add_row(words["funding"], money(plan.totals.funding_cents, language))
    summary.add_row(words["costs"], money(plan.totals.costs_cents, language))
    summary.add_row(words["gap"], money(plan.totals.gap_cents, language))
    if plan.break_even_cents is not None:
        summary.add_row(words["break_even"], money(plan.break_even_cents, language))
    parts.append(summary)
    if plan.memo_lines:
        parts.extend(memo_table(plan, language))
    parts.extend(certainty_section(plan, language))
    if alerts:
        parts.append(Text(words["alerts"], style="bold"))
        for alert in alerts:
            parts.append(
                Text(
                    f"[{alert.severity}] {alert.code} — {alert.subject}: {alert.message(language)}"
                )
            )
    return Group(*parts)  # type: ignore[arg-type]


def memo_table(plan: FinancingPlan, language: Language = "nl") -> list[object]:
    """The memo lines apart, under "buiten de rekening van het initiatief" (RULEBOOK §1): PWA
    and wijk-werk cheques pay the workers, not the initiative, so no total counts them."""
    words = WORDS[language]
    table = Table(title=words["memo_title"], title_justify="left")
    for header, justify in (
        (words["year"], "left"),
        (words["leaf"], "left"),
        (words["measure"], "left"),
        (words["component"], "left"),
        (words["for"], "left"),
        (words["funder"], "left"),
        (words["amount"], "right"),
    ):
        table.add_column(header, justify=justify)  # type: ignore[arg-type]
    for line in plan.memo_lines:
        amount = money(line.cents, language)
        if line.status != "computed":
            amount = f"{amount} ({words[line.status]})"
        table.add_row(
            str(line.year),
            LEAF_NAMES[language][line.leaf],
            line.measure,
            line.component,
            line.person or line.activity or "",
            line.funder,
            amount,
        )
    return [table, Text(words["memo_note"], style="italic")]


def certainty_section(plan: FinancingPlan, language: Language = "nl") -> list[object]:
    """How sure the plan is (docs/certainty.md): the sentence, the funding per grade and the
    parameters carrying the most money, with the gap under a documented range."""
    view = certainty_view(
        plan_certainty(plan, language), plan.totals.gap_cents, plan.system, language
    )
    w = view["words"]
    shares = Table(title=w["shares_caption"], title_justify="left")
    for header, justify in (
        (w["col_grade"], "left"),
        (w["col_amount"], "right"),
        (w["col_share"], "right"),
    ):
        shares.add_column(header, justify=justify)  # type: ignore[arg-type]
    for row in view["shares"]:
        shares.add_row(row["grade"], row["amount"], row["share"])
    parts: list[object] = [Text(w["title"], style="bold"), Text(view["sentence"]), shares]
    if view["parameters"]:
        table = Table(title=w["parameters_caption"], title_justify="left")
        for header, justify in (
            (w["col_parameter"], "left"),
            (w["col_grade"], "left"),
            (w["col_resting"], "right"),
            (w["col_range"], "left"),
            (w["col_gap_low"], "right"),
            (w["col_gap_high"], "right"),
        ):
            table.add_column(header, justify=justify)  # type: ignore[arg-type]
        for row in view["parameters"]:
            table.add_row(
                row["label"],
                row["grade"],
                row["amount"],
                row["range"],
                row["gap_low"],
                row["gap_high"],
            )
        parts.append(table)
    reasons = [f"{row['label']}: {row['reason']}" for row in view["parameters"] if row["reason"]]
    if reasons:
        parts.extend([Text(w["reasons"], style="italic"), *(Text(r) for r in reasons)])
    return parts


def render_plan_table(
    plan: FinancingPlan, alerts: list[Alert], language: Language = "nl", width: int = 120
) -> str:
    console = Console(width=width, record=True, force_terminal=False, color_system=None)
    with console.capture() as capture:
        console.print(plan_table(plan, alerts, language))
    return capture.get()
