"""The "Hoe berekend?" box of a plan line, in words a coordinator reads (issue step 6, item 7):
one sentence with the numbers filled in ("€ 500,00 per maand × 12 maanden × 1 VTE =
€ 6.000,00", from the line's `sum`, `advice.line_sums`), the rule, the inputs in words ("30
maanden werkloos", "leefloon", "1 VTE", never `unemployed_months: 30`), the parameter values
with their real date of effect ("al van voor 2004" for an undated one), source and grade.

Numbers are shown exactly as the sum uses them (no rounding but the line's own amount), with
the page's language: `€ 859,31`, `0,8 VTE` in Dutch; `€859.31`, `0.8 FTE` in English.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from babel.numbers import format_currency, format_decimal
from openfisca_core.parameters import ParameterNode

from klaverblad.advice.measure_windows import measure_name
from klaverblad.locale import BABEL_LOCALE, Language, day, money, month_name
from klaverblad.model.initiative import Person
from klaverblad.model.months import parse_month
from klaverblad.report.parameter_values import since_text, value_text
from klaverblad.rules.by_month import leaf
from klaverblad.rules.catalogue import MEASURES
from klaverblad.rules.parameter_words import parameter_label as words_label
from klaverblad.value_words import value_name
from klaverblad.web.views.references import Reference, reference
from klaverblad.web.words.common import WORDS
from klaverblad.web.words.explanations import EXPLANATION_WORDS

# Money factors and their words: the amount goes in as {money}.
MONEY_FACTORS = ("per_month", "per_quarter", "per_year", "per_hour", "once", "wage_per_month")
# Counts with a singular ("1 maand"): the count goes in as {n}.
COUNTED = ("months", "quarters")
# Factors that divide what comes before them ("÷ 12", "÷ 0,8 VTE"): written without "×".
DIVIDING = ("twelfth", "full_fte")
# The measures whose condition reads the gross quarterly wage, met when it is not given
# (RULEBOOK §3.9): their lines say so when the file leaves it out.
WAGE_CEILING = "gross_quarterly_wage"
WAGE_CEILING_MEASURES = ("dgv_zonder_werkervaring",)


@dataclass(frozen=True)
class Parameter:
    """A parameter value in force in the line's year, in words."""

    name: str  # the dotted path in the rules (shown as code, for the catalogue)
    label: str
    value: str
    since: str
    grade: str
    references: list[Reference]


@dataclass(frozen=True)
class Explanation:
    """What the box shows, top to bottom."""

    sentence: str
    notes: list[str]
    rule: str
    inputs: list[str]
    parameters: list[Parameter]
    references: list[Reference]
    grade: str


def exact_money(value: Decimal, language: Language) -> str:
    """Money with every decimal it has (at least two): `€ 429,655` is not rounded away.

    >>> exact_money(Decimal("429.655"), "nl"), exact_money(Decimal("500"), "en")
    ('€\\xa0429,655', '€500.00')
    """
    return format_currency(value, "EUR", locale=BABEL_LOCALE[language], decimal_quantization=False)


def exact_number(value: Decimal | int, language: Language) -> str:
    """A number with every decimal it has: `0,1234`, `3,3`, `9.360`.

    >>> exact_number(Decimal("0.1234"), "nl"), exact_number(Decimal("1.0"), "nl")
    ('0,1234', '1')
    """
    return format_decimal(
        Decimal(value).normalize(), locale=BABEL_LOCALE[language], decimal_quantization=False
    )


def factor_text(factor: Mapping[str, Any], language: Language) -> str:
    """One factor of a sum in words: "€ 500,00 per maand", "12 maanden", "0,5 VTE", "÷ 12", a
    wage capped at a multiple of the GGMMI (× the FTE when it is not 1).

    >>> factor_text({"kind": "capped_wage_per_month", "value": "4140.96", "times": "2",
    ...     "fte": "1"}, "nl")
    '€\\xa04.140,96 per maand (loonkost begrensd op 2 × GGMMI)'
    >>> factor_text({"kind": "capped_wage_per_month", "value": "3312.768", "times": "2",
    ...     "fte": "0.8"}, "en")
    '€3,312.768 a month (wage cost capped at 2 × GGMMI × 0.8 FTE)'
    """
    words = EXPLANATION_WORDS[language]
    kind = str(factor["kind"])
    value = Decimal(str(factor["value"]))
    if kind == "per_hour" and factor.get("minus") is not None:
        minus = exact_money(Decimal(str(factor["minus"])), language)
        return words["per_hour_difference"].format(money=exact_money(value, language), minus=minus)
    if kind == "capped_wage_per_month":
        fte = Decimal(str(factor.get("fte") or 1))
        return words[kind if fte == 1 else f"{kind}_fte"].format(
            money=exact_money(value, language),
            n=exact_number(Decimal(str(factor["times"])), language),
            fte=exact_number(fte, language),
        )
    if kind in MONEY_FACTORS:
        return words[kind].format(money=exact_money(value, language))
    key = f"{kind}_one" if kind in COUNTED and value == 1 else kind
    return words[key].format(n=exact_number(value, language))


def sum_sentence(line_sum: Mapping[str, Any], cents: int, status: str, language: Language) -> str:
    """The sum with its numbers filled in, ending with the line's amount.

    >>> sum_sentence({"terms": [[{"kind": "per_month", "value": "500"},
    ...     {"kind": "months", "value": "12"}, {"kind": "fte", "value": "1.0"}]]},
    ...     600000, "computed", "nl")
    '€\\xa0500,00 per maand × 12 maanden × 1 VTE = €\\xa06.000,00'
    """
    total = money(cents, language)
    terms = line_sum.get("terms") or []
    if status == "not_computable" or not terms:
        return f"{EXPLANATION_WORDS[language]['not_computable']} {total}"
    shown = []
    for term in terms:
        text = ""
        for factor in term:
            part = factor_text(factor, language)
            # "÷ 12" follows the yearly amount it divides, "÷ 0,8 VTE" the FTE; every other
            # factor multiplies.
            text = (
                part
                if not text
                else f"{text} {part}"
                if factor["kind"] in DIVIDING
                else f"{text} × {part}"
            )
        shown.append(text)
    return f"{' + '.join(shown)} = {total}"


def measure_words(tree: ParameterNode, measure: str, language: Language) -> str:
    """A measure in words: its name in the rules' metadata, else the name these pages give
    it (an entered grant, a client payment), never its code."""
    name = measure_name(tree, measure, language)
    spec = MEASURES.get(measure)
    if spec is None or name == spec.label:
        words = EXPLANATION_WORDS[language]
        return words.get(f"measure_{measure}") or value_name("measure", measure, language)
    return name


def _day(text: str, language: Language) -> str:
    return day(date.fromisoformat(text), language)


def _age_at_start(birth: str, start: str) -> int:
    """Completed years on the first day of the start month (RULEBOOK §1)."""
    born, first = date.fromisoformat(birth), date.fromisoformat(start).replace(day=1)
    return first.year - born.year - ((first.month, first.day) < (born.month, born.day))


def _count(words: Mapping[str, str], key: str, value: Any, language: Language) -> str:
    chosen = f"{key}_one" if value == 1 else key
    return words[chosen].format(n=exact_number(Decimal(str(value)), language))


def person_inputs(inputs: Mapping[str, Any], tree: ParameterNode, language: Language) -> list[str]:
    """A person's inputs in words; keys it does not know (a share link's age band and target
    group, already in words) as "key: value"."""
    words = EXPLANATION_WORDS[language]
    shown: list[str] = []
    for key, value in inputs.items():
        if key == "statute":
            shown.append(_statute(value, tree, language))
        elif key == "contract_indefinite" and isinstance(value, bool):
            # Both ways matter (aanwervingsincentive, VOP at a municipality or OCMW).
            shown.append(words["contract_indefinite" if value else "contract_fixed"])
        elif key in ("id", "name", "end_date") or value is None or value is False:
            continue
        elif key == "role":
            shown.append(words[f"role_{value}"])
        elif key == "birth_date" and inputs.get("start_date"):
            age = _age_at_start(str(value), str(inputs["start_date"]))
            shown.append(words["born"].format(date=_day(str(value), language), age=age))
        elif key in ("diploma", "status"):
            shown.append(words[f"{key}_{value}"])
        elif key == "unemployed_months":
            shown.append(
                _count(words, "unemployed_months", value, language)
                if value
                else words["unemployed_none"]
            )
        elif key == "start_date":
            shown.append(_employed(value, inputs.get("end_date"), language))
        elif key == "fte":
            shown.append(words["fte"].format(n=exact_number(Decimal(str(value)), language)))
        elif key == "monthly_wage_cost":
            wage = exact_money(Decimal(str(value)), language)
            shown.append(words["wage_cost"].format(money=wage))
        elif key in ("placed_by_ocmw", "gesco_verhoogd", "wep_verlengd", "gesco_post"):
            shown.append(words[key])
        elif key == "maatwerk_loonpremie_pct":
            shown.append(words[key].format(n=exact_number(Decimal(str(value)), language)))
        elif key == "maatwerk_begeleiding":
            shown.append(words[key].format(level=value_name(key, str(value), language)))
        elif key == "maatwerk_pakket":
            shown.append(words[key].format(package=value_name(key, str(value), language)))
        elif key == "vop":
            shown.append(words[key].format(decision=value_name(key, str(value), language)))
        elif key == "gross_quarterly_wage":
            wage = exact_money(Decimal(str(value)), language)
            shown.append(words[key].format(money=wage))
        else:
            shown.append(f"{key}: {value}")
    return shown


def _employed(start: Any, end: Any, language: Language) -> str:
    words = EXPLANATION_WORDS[language]
    first = _day(str(start), language)
    if end:
        return words["employed_between"].format(start=first, end=_day(str(end), language))
    return words["employed_from"].format(start=first)


def _statute(statute: str | None, tree: ParameterNode, language: Language) -> str:
    """The statute the file names, in words; none named: the best one was chosen."""
    words = EXPLANATION_WORDS[language]
    if statute is None:
        return words["statute_best"]
    name = (
        value_name("statute", statute, language)
        if statute not in MEASURES
        else measure_name(tree, statute, language)
    )
    return words["statute_file"].format(name=name)


def activity_inputs(inputs: Mapping[str, Any], language: Language) -> list[str]:
    """An activity's kind, hours, payment, price and clients in words."""
    words = EXPLANATION_WORDS[language]
    shown = [value_name("kind", str(inputs["kind"]), language)]
    hours = exact_number(Decimal(str(inputs["hours_per_month"])), language)
    shown.append(words["hours"].format(n=hours))
    shown.append(
        words["payment"].format(payment=value_name("payment", str(inputs["payment"]), language))
    )
    if inputs.get("price_per_hour") is not None:
        price = exact_money(Decimal(str(inputs["price_per_hour"])), language)
        shown.append(words["price"].format(money=price))
    clients = value_name("client_group", str(inputs["client_group"]), language)
    shown.append(words["clients"].format(clients=clients))
    return shown


def agreement_inputs(inputs: Mapping[str, Any], language: Language) -> list[str]:
    """An agreement's funder, domain, amount and activity in words."""
    words = EXPLANATION_WORDS[language]
    domain = value_name("domain", str(inputs["domain"]), language)
    shown = [
        words["funder"].format(funder=inputs["funder"]),
        words["domain"].format(domain=domain),
    ]
    for key in ("amount_per_year", "amount_per_hour"):
        if inputs.get(key) is not None:
            shown.append(words[key].format(money=exact_money(Decimal(str(inputs[key])), language)))
    if inputs.get("activity"):
        shown.append(words["for_activity"].format(activity=inputs["activity"]))
    return shown


def grant_inputs(
    grants: list[Mapping[str, Any]], tree: ParameterNode, language: Language
) -> list[str]:
    """Each grant booked on the line: measure, yearly amount, funder, leaf, degression and
    months, in words."""
    words = EXPLANATION_WORDS[language]
    shown = []
    for grant in grants:
        parts = [
            words["grant"].format(
                measure=measure_words(tree, str(grant["measure"]), language),
                money=exact_money(Decimal(str(grant["amount_per_year"])), language),
                funder=grant["funder"],
            )
        ]
        if grant.get("leaf"):
            parts.append(words["grant_leaf"].format(leaf=grant["leaf"]))
        if grant.get("degression"):
            factors = " → ".join(
                exact_number(Decimal(str(f)) * 100, language) + "%" for f in grant["degression"]
            )
            parts.append(words["grant_degression"].format(factors=factors))
        for key in ("from", "until"):
            if grant.get(key):
                when = month_name(parse_month(str(grant[key])), language)
                parts.append(words[f"grant_{key}"].format(month=when))
        shown.append(", ".join(parts))
    return shown


def inputs_in_words(entry: Mapping[str, Any], tree: ParameterNode, language: Language) -> list[str]:
    """The inputs of an explained line in words, by what the line books."""
    inputs: Mapping[str, Any] = entry.get("inputs") or {}
    line: Mapping[str, Any] = entry.get("line") or {}
    if not inputs:
        return []
    if "grants" in inputs:
        return grant_inputs(list(inputs["grants"]), tree, language)
    if line.get("person"):
        shown = person_inputs(inputs, tree, language)
        # RULEBOOK §3.9: without a gross quarterly wage the ceiling counts as met. Not said on
        # a share link, whose inputs leave the wage out (their age band is no person field).
        complete = all(key in Person.model_fields for key in inputs)
        if (
            complete
            and line.get("measure") in WAGE_CEILING_MEASURES
            and inputs.get(WAGE_CEILING) is None
        ):
            shown.append(EXPLANATION_WORDS[language]["gross_quarterly_wage_absent"])
        return shown
    if line.get("measure") == "beleidsdomein":
        return agreement_inputs(inputs, language)
    return activity_inputs(inputs, language)


def parameter_label(tree: ParameterNode, path: str, language: Language) -> str:
    """A parameter's label: `label_nl` / `label_en` of its metadata, else its description."""
    return words_label(leaf(tree, path), language) or path


# List parameters whose items are values of the initiative file, by the field they hold.
LIST_FIELDS = {"allowed_kinds": "kind", "allowed_client_groups": "client_group"}


def _parameter(fact: Mapping[str, Any], tree: ParameterNode, language: Language) -> Parameter:
    path = str(fact["parameter"])
    metadata = leaf(tree, path).metadata or {}
    value = fact.get("value")
    field = LIST_FIELDS.get(path.rsplit(".", 1)[-1])
    if field and isinstance(value, list | tuple):
        value = [value_name(field, str(item), language) for item in value]
    return Parameter(
        name=path,
        label=parameter_label(tree, path, language),
        value=value_text(value, fact.get("unit"), metadata.get("period"), language),
        since=since_text(fact.get("since"), language),
        grade=grade_words(fact.get("grade"), language),
        references=[reference(r) for r in fact.get("reference") or []],
    )


def grade_words(grade: str | None, language: Language) -> str:
    """H/M/L (or an entered amount) as the site says it: hoog, middel, laag."""
    return WORDS[language].get(f"grade_{grade}", WORDS[language]["grade_none"])


def line_explanation(
    entry: Mapping[str, Any], tree: ParameterNode, language: Language
) -> Explanation:
    """The box of one explained line (`advice.line_explanations.explain_line`, possibly
    redacted for a share link), under the rules `tree` the plan was computed with."""
    line: Mapping[str, Any] = entry.get("line") or {}
    cents = round(Decimal(str(line.get("amount", "0"))) * 100)
    line_sum: Mapping[str, Any] = entry.get("sum") or {}
    words = EXPLANATION_WORDS[language]
    return Explanation(
        sentence=sum_sentence(line_sum, cents, str(line.get("status")), language),
        notes=[words[note] for note in line_sum.get("notes") or [] if note in words],
        rule=str(entry.get("rule", "")),
        inputs=inputs_in_words(entry, tree, language),
        parameters=[_parameter(fact, tree, language) for fact in entry.get("parameters", [])],
        references=[reference(r) for r in entry.get("references", [])],
        grade=grade_words(entry.get("grade"), language),
    )
