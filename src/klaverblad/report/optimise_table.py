"""A readable terminal view of a statute optimisation: per person the current and the proposed
statute with what each brings and the gain, the gap per year, funders against their caps and
positions against their quotas. Money in nl-BE (`€ 1.234,56`) or English."""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from klaverblad.advice.optimise import OptimiseResult
from klaverblad.locale import Language, money
from klaverblad.messages import N_, words
from klaverblad.model.months import month_label

WORDS = words(
    N_("optimise.title"),
    N_("optimise.from"),
    N_("optimise.months"),
    N_("optimise.solver"),
    N_("optimise.people"),
    N_("optimise.person"),
    N_("optimise.current"),
    N_("optimise.proposed"),
    N_("optimise.current_value"),
    N_("optimise.proposed_value"),
    N_("optimise.gain"),
    N_("optimise.fixed"),
    N_("optimise.years"),
    N_("optimise.year"),
    N_("optimise.gap_current"),
    N_("optimise.gap_proposed"),
    N_("optimise.total"),
    N_("optimise.funders"),
    N_("optimise.funder"),
    N_("optimise.cap"),
    N_("optimise.positions"),
    N_("optimise.statute"),
    N_("optimise.most"),
    N_("optimise.best"),
    N_("optimise.infeasible"),
    N_("optimise.none"),
    N_("optimise.no_people"),
)


def optimise_table(result: OptimiseResult, language: Language = "nl") -> Group:
    words = WORDS[language]
    plan = result.current_plan
    parts: list[object] = [
        Text(
            f"{words['title']}: {plan.initiative.name} ({plan.initiative.id}), "
            f"{words['from']} {month_label(plan.first_month)}, {plan.months} {words['months']}",
            style="bold",
        ),
        Text(f"rules {plan.rules_version}; {words['solver']}: HiGHS, {result.solver_status}"),
    ]
    if not result.people:
        parts.append(Text(words["no_people"]))
    else:
        people = Table(title=words["people"], title_justify="left")
        for header, justify in (
            (words["person"], "left"),
            (words["current"], "left"),
            (words["proposed"], "left"),
            (words["current_value"], "right"),
            (words["proposed_value"], "right"),
            (words["gain"], "right"),
        ):
            people.add_column(header, justify=justify)  # type: ignore[arg-type]
        for person in result.people:
            proposed = person.proposed + (f" ({words['fixed']})" if person.fixed else "")
            people.add_row(
                person.id,
                person.current,
                proposed,
                money(person.current_cents, language),
                money(person.proposed_cents, language),
                money(person.gain_cents, language),
            )
        parts.append(people)
    years = Table(title=words["years"], title_justify="left")
    for header, justify in (
        (words["year"], "left"),
        (words["gap_current"], "right"),
        (words["gap_proposed"], "right"),
        (words["gain"], "right"),
    ):
        years.add_column(header, justify=justify)  # type: ignore[arg-type]
    for year in result.years:
        years.add_row(
            str(year.year),
            money(year.current_gap_cents, language),
            money(year.proposed_gap_cents, language),
            money(year.gain_cents, language),
        )
    years.add_row(
        Text(words["total"], style="bold"),
        money(result.current_gap_cents, language),
        money(result.proposed_gap_cents, language),
        money(result.gain_cents, language),
    )
    parts.append(years)
    funders = Table(title=words["funders"], title_justify="left")
    for header, justify in (
        (words["funder"], "left"),
        (words["current"], "right"),
        (words["proposed"], "right"),
        (words["cap"], "right"),
    ):
        funders.add_column(header, justify=justify)  # type: ignore[arg-type]
    for funder in result.funders:
        funders.add_row(
            funder.funder,
            money(funder.current_cents, language),
            money(funder.proposed_cents, language),
            words["none"] if funder.cap_cents is None else money(funder.cap_cents, language),
        )
    parts.append(funders)
    if result.positions:
        positions = Table(title=words["positions"], title_justify="left")
        for header, justify in (
            (words["statute"], "left"),
            (words["current"], "right"),
            (words["proposed"], "right"),
            (words["most"], "right"),
        ):
            positions.add_column(header, justify=justify)  # type: ignore[arg-type]
        for quota in result.positions:
            positions.add_row(
                quota.statute, str(quota.current), str(quota.proposed), str(quota.most)
            )
        parts.append(positions)
    best = f"{words['best']}: {money(result.best_eligible_gap_cents, language)}"
    if not result.best_eligible_feasible:
        best += f" ({words['infeasible']})"
    parts.append(Text(best))
    if not result.current_feasible:
        parts.append(Text(f"{words['current']}: {words['infeasible']}"))
    return Group(*parts)  # type: ignore[arg-type]


def render_optimise_table(
    result: OptimiseResult, language: Language = "nl", width: int = 120
) -> str:
    console = Console(width=width, record=True, force_terminal=False, color_system=None)
    with console.capture() as capture:
        console.print(optimise_table(result, language))
    return capture.get()
