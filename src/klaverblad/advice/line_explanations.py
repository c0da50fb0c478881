"""An explanation for every plan line (issue step 2, item 2): the rule in words, the inputs
used, the parameter values in force with their dates, the references and the confidence
grade; and (issue step 6, item 7) the sum with its numbers filled in (`sum`, from
`advice.line_sums`: terms of factors that add up to the line's amount exactly). Built from the
rule metadata (variable labels, formula docstrings, parameter metadata and the measure
catalogue) and from what the plan booked, never written per screen.

A statute line's parameters and inputs are those recorded while the plan's simulation ran
(`StatuteResults.provenance`, issue 11 item 2): every parameter its amount's formulas read
(through the eligibility and duration too), a value read at the start of employment at the
person's start month, the others in the line's months; and the person's fields those formulas
used, with the fields that say who the line is for (role, employment, FTE, wage cost,
statute).
"""

from __future__ import annotations

from typing import Any

from klaverblad.advice.condition_labels import rule_wording
from klaverblad.advice.explain import parameter_facts, weakest_grade
from klaverblad.advice.line_sums import line_sum
from klaverblad.advice.measure_windows import measure_name
from klaverblad.locale import Language
from klaverblad.messages import N_, text, words
from klaverblad.model.initiative import Activity, Grant, Person
from klaverblad.model.months import month_of_date
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.plan.ledger import Line
from klaverblad.rules.catalogue import (
    MEASURES,
    REGIONALISATION_PARAMETER,
    STATUTES,
    Component,
    is_activity_revenue,
    voucher_of,
)
from klaverblad.rules.funding import SharedGrant
from klaverblad.rules.provenance import MONTH, START, ParameterRead, Provenance

# The rulebook's section of each kind of initiative-level money, for a measure whose catalogue
# entry names no legal source (an entered grant, a client payment, an agreement).
RULEBOOK_SECTIONS = {
    "dienstencheque": "4.2",
    "pwa": "4.2",
    "klantbijdrage": "4.2",
    "beleidsdomein": "4.3",
}
# The rule of each kind of initiative-level line in words, and how it cites the rulebook.
RULES = words(
    N_("line_rule.grant"),
    N_("line_rule.dienstencheque_gebruiker"),
    N_("line_rule.dienstencheque_overheid"),
    N_("line_rule.pwa"),
    N_("line_rule.klantbijdrage"),
    N_("line_rule.beleidsdomein"),
    N_("line_rule.not_computable"),
    N_("line_rule.rulebook_title"),
    N_("line_rule.grant_window"),
)
# The person's fields an explanation may show, in the order it shows them (the pages put each
# in words). A statute line shows those its formulas used, and always IDENTITY_INPUTS: who the
# line is for and what the person costs (the wage cost the line helps to pay).
PERSON_INPUTS = (
    "role",
    "birth_date",
    "diploma",
    "status",
    "unemployed_months",
    "start_date",
    "end_date",
    "fte",
    "monthly_wage_cost",
    "statute",
)
IDENTITY_INPUTS = frozenset(
    {"role", "start_date", "end_date", "fte", "monthly_wage_cost", "statute"}
)
# Decisions and contract facts a person may have (RULEBOOK §2): shown only when given.
PERSON_OPTIONS = (
    "placed_by_ocmw",
    "gesco_verhoogd",
    "wep_verlengd",
    "maatwerk_loonpremie_pct",
    "maatwerk_begeleiding",
    # v1.2 (CONTRACT §2)
    "maatwerk_pakket",
    "vop",
    "gesco_post",
    "contract_indefinite",
    "gross_quarterly_wage",
)


def _months_of_year(plan: FinancingPlan, year: int) -> list[int]:
    return [int(m) for m in plan.month_indexes if int(m) // 12 == year]


def _parameters(
    plan: FinancingPlan, paths: tuple[str, ...], year: int, language: Language
) -> list[dict[str, Any]]:
    """Each parameter's values in force in the line's months (one entry per distinct value),
    labelled in `language`."""
    return _read_parameters(plan, tuple(ParameterRead(p, MONTH) for p in paths), year, language)


def _read_parameters(
    plan: FinancingPlan,
    reads: tuple[ParameterRead, ...],
    year: int,
    language: Language,
    start_month: int | None = None,
) -> list[dict[str, Any]]:
    """The facts of each parameter read: one entry per distinct value in force in the line's
    months; a value read at the start of employment, at `start_month` only. Each entry says
    at which month it was read (`read_at`)."""
    facts: list[dict[str, Any]] = []
    for read in reads:
        if read.read_at == START and start_month is not None:
            months, read_at = [start_month], START
        else:
            months, read_at = _months_of_year(plan, year), MONTH
        seen: set[str | None] = set()
        for month in months:
            fact = parameter_facts(plan.system, read.path, month, language)
            if fact["since"] not in seen:
                seen.add(fact["since"])
                facts.append({**fact, "read_at": read_at})
    return facts


def _component(plan: FinancingPlan, line: Line) -> tuple[str, Component] | None:
    assert plan.statutes is not None
    for statute in STATUTES:
        for component in plan.statutes.component_specs[statute]:
            measure = component.measure or statute
            if measure == line.measure and component.name == line.component:
                return statute, component
    return None


def _person(plan: FinancingPlan, person_id: str) -> Person:
    return next(p for p in plan.initiative.people if p.id == person_id)


def _person_inputs(person: Person, used: tuple[str, ...] | None = None) -> dict[str, Any]:
    """The person's fields in `used` (the input variables a line's formulas used; None: all)
    and the identity fields; a decision (PERSON_OPTIONS) only when it is given, or, for a yes/no
    fact the formulas used whose default is yes (a contract of fixed term), also when it is no."""
    values = person.model_dump(mode="json")

    def shown(name: str) -> bool:
        return used is None or name in IDENTITY_INPUTS or name in used

    def given_or_used(name: str) -> bool:
        value = values.get(name)
        default = Person.model_fields[name].default
        return bool(value) or (
            value is False and default is True and used is not None and name in used
        )

    given = {name: values[name] for name in PERSON_OPTIONS if given_or_used(name) and shown(name)}
    return {**{name: values[name] for name in PERSON_INPUTS if shown(name)}, **given}


def _provenance(plan: FinancingPlan, statute: str, component: Component) -> Provenance | None:
    """What the plan recorded for the component; None for a plan without a record."""
    assert plan.statutes is not None
    return plan.statutes.provenance.get(statute, {}).get(component.name)


def _grade(parameters: list[dict[str, Any]], entered: bool) -> str | None:
    if entered:
        return "entered"
    return weakest_grade(*(p["grade"] for p in parameters)) if parameters else "H"


def explain_line(plan: FinancingPlan, line: Line, language: Language = "nl") -> dict[str, Any]:
    """The explanation of one line of `plan`."""
    nl = language == "nl"
    entry: dict[str, Any] = {"line": line.to_dict()}
    statute_component = _component(plan, line) if line.person and plan.statutes else None
    entry["sum"] = line_sum(plan, line, statute_component).to_dict()
    if statute_component is not None and line.person is not None:
        statute, component = statute_component
        variable = plan.system.variables.get(component.variable)
        person = _person(plan, line.person)
        record = _provenance(plan, statute, component)
        if record is None:
            parameters = _parameters(plan, component.parameters, line.year, language)
        else:
            start = month_of_date(person.start_date)
            parameters = _read_parameters(plan, record.parameters, line.year, language, start)
        if component.funder is None and STATUTES[statute].funder == "regionalised":
            parameters += _parameters(plan, (REGIONALISATION_PARAMETER,), line.year, language)
        formula = (
            " ".join((variable.formulas.peekitem(0)[1].__doc__ or "").split()) if variable else ""
        )
        english = f"{variable.label if variable else component.name}. {formula}".strip()
        entry.update(
            rule=rule_wording(component.variable, language) or english,
            inputs=_person_inputs(person, record.inputs if record else None),
            parameters=parameters,
            references=_as_list(variable.reference) if variable else [],
            grade=_grade(parameters, entered=False),
            eligible_by=list(STATUTES[statute].conditions),
        )
    elif line.status == "not_computable":
        entry.update(
            rule=RULES["nl" if nl else "en"]["not_computable"],
            inputs={},
            parameters=_parameters(plan, _validity(line.measure), line.year, language),
            references=_measure_references(line.measure, nl),
            grade="L",
        )
    elif is_activity_revenue(line.measure):
        entry.update(_revenue(plan, line, nl))
    elif line.measure == "beleidsdomein":
        agreement = next(
            a.model_dump(mode="json")
            for a in plan.initiative.agreements
            if a.funder == line.funder and a.domain == line.component
        )
        entry.update(
            rule=RULES["nl" if nl else "en"]["beleidsdomein"],
            inputs=agreement,
            parameters=[],
            references=_measure_references(line.measure, nl),
            grade="entered",
        )
    else:
        entry.update(_grant(plan, line, nl))
    return entry


def _as_list(reference: object) -> list[str]:
    """OpenFisca keeps a variable's reference as a list (or a string, or None)."""
    if isinstance(reference, list | tuple):
        return [str(item) for item in reference]
    return [str(reference)] if reference else []


def _measure_references(measure: str, nl: bool) -> list[str]:
    """The legal source of a measure (the catalogue's), else the rulebook section that
    describes it."""
    spec = MEASURES.get(measure)
    if spec is not None and spec.reference:
        return [spec.reference]
    section = RULEBOOK_SECTIONS.get(measure, "4.1")
    return [RULES["nl" if nl else "en"]["rulebook_title"].format(section=section)]


def _validity(measure: str) -> tuple[str, ...]:
    """The window parameters of a measure (RULEBOOK §6.1), as its spec names them."""
    spec = MEASURES.get(measure)
    return spec.paid if spec is not None else ()


def _revenue(plan: FinancingPlan, line: Line, nl: bool) -> dict[str, Any]:
    activity: Activity = next(a for a in plan.initiative.activities if a.id == line.activity)
    voucher = voucher_of(activity.payment)
    key = line.measure
    paths: tuple[str, ...] = ()
    if voucher is not None and voucher.prices is not None:
        # Priced by the rules: the user price, or the public part (exchange value − user
        # price, federal or Flemish by the month).
        user, exchange = voucher.prices
        key = f"{line.measure}_{line.component}"
        paths = (
            (user, exchange, REGIONALISATION_PARAMETER) if line.component == "overheid" else (user,)
        )
    if voucher is not None:
        paths += (*(voucher.price_range or ()), voucher.kinds)
        paths += (voucher.client_groups,) if voucher.client_groups else ()
    parameters = _parameters(plan, paths, line.year, "nl" if nl else "en")
    return {
        "rule": RULES["nl" if nl else "en"][key],
        "inputs": activity.model_dump(mode="json"),
        "parameters": parameters,
        "references": _measure_references(line.measure, nl),
        "grade": _grade(parameters, entered=False),
    }


def _grant(plan: FinancingPlan, line: Line, nl: bool) -> dict[str, Any]:
    grants: list[Grant] = [
        g
        for g in plan.initiative.grants
        if g.measure == line.measure
        and g.funder == line.funder
        and (g.component or "toelage") == line.component
    ]
    language: Language = "nl" if nl else "en"
    spec = MEASURES.get(line.measure)
    window = ""
    if spec is not None and spec.paid and not isinstance(spec.funding, SharedGrant):
        name = measure_name(plan.parameters, line.measure, language)
        window = RULES[language]["grant_window"].format(name=name)
    if spec is not None and isinstance(spec.funding, SharedGrant):
        rule = text(spec.funding.rule, language)
    else:
        rule = RULES[language]["grant"]
    parameters = _parameters(plan, _validity(line.measure), line.year, language)
    return {
        "rule": rule.format(window=window),
        "inputs": {"grants": [g.model_dump(mode="json", by_alias=True) for g in grants]},
        "parameters": parameters,
        "references": _measure_references(line.measure, nl),
        "grade": "entered",
    }


def explain_lines(plan: FinancingPlan, language: Language = "nl") -> list[dict[str, Any]]:
    """The explanation of every line of the plan, in the plan's line order."""
    return [
        {"index": index, **explain_line(plan, line, language)}
        for index, line in enumerate(plan.lines)
    ]
