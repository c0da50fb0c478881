"""The "Hoe berekend?" boxes read as a coordinator reads them (issue step 6, item 7): one sum
with the numbers filled in that adds up to the line, the inputs in words, parameter values
with their real date of effect, and the gap and break-even price explained."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment, FileSystemLoader

from klaverblad.advice.line_explanations import explain_lines
from klaverblad.locale import Language, money
from klaverblad.model import load_initiative, parse_initiative
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.rules.reforms.registry import reformed_system
from klaverblad.web.views.line_explanation import line_explanation
from klaverblad.web.views.plan import plan_context
from klaverblad.web.views.totals_explanation import totals_explanation
from klaverblad.web.words.explanations import EXPLANATION_WORDS

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
TEMPLATES = ROOT / "src" / "klaverblad" / "web" / "templates"
BIK = ROOT / "examples" / "bik-klusjesdienst.yaml"
ANTWERPEN = ROOT / "examples" / "antwerpen-labour-for-neighbour.yaml"

# Every kind of line in one file: SINE across the 2014-07 regionalisation (a federal and a
# Flemish line in 2014), GESCO capped at a low wage cost, art. 60 at 0.3333 FTE, Activa at
# half time, WEP+ without a grant (not computable), LDE months without a grant (not
# computable), a grant with a degression and from/until, an `overig` grant, vouchers across
# 2014, PWA cheques, a cash activity at an odd price, agreements per year and per hour.
EVERYTHING: dict[str, Any] = {
    "id": "alles",
    "name": "Alles samen",
    "promoter": {"name": "vzw Alles", "legal_form": "vzw", "municipality": "Gent"},
    "recognitions": ["lde", "dienstencheque_onderneming"],
    "horizon": {"start": "2013-01", "months": 36},
    "people": [
        {
            "id": "p1",
            "role": "target",
            "birth_date": "1975-05-01",
            "diploma": "lager",
            "status": "uvw",
            "unemployed_months": 30,
            "start_date": "2013-01-01",
            "fte": "0.75",
            "monthly_wage_cost": "1800.00",
            "statute": "sine",
        },
        {
            "id": "p2",
            "role": "supervisor",
            "birth_date": "1969-12-01",
            "diploma": "hoger",
            "status": "nwwz",
            "unemployed_months": 8,
            "start_date": "2013-01-01",
            "fte": "1",
            "monthly_wage_cost": "300.00",
            "statute": "gesco",
            # An allocated post (RULEBOOK v1.2 §3.5); a vzw hire of 2013 is inside the window.
            "gesco_post": True,
        },
        {
            "id": "p3",
            "role": "target",
            "birth_date": "1985-07-01",
            "diploma": "geen",
            "status": "leefloon",
            "unemployed_months": 4,
            "start_date": "2013-02-01",
            "fte": "0.3333",
            "monthly_wage_cost": "700.00",
            "statute": "art60",
            "placed_by_ocmw": True,
        },
        {
            "id": "p4",
            "role": "target",
            "birth_date": "1980-03-03",
            "diploma": "lager_secundair",
            "status": "uvw",
            "unemployed_months": 40,
            "start_date": "2013-03-15",
            "fte": "0.5",
            "monthly_wage_cost": "1000.00",
            "statute": "activa",
        },
        {
            "id": "p5",
            "role": "target",
            "birth_date": "1970-03-03",
            "diploma": "lager",
            "status": "uvw",
            "unemployed_months": 30,
            "start_date": "2013-01-01",
            "fte": "1",
            "monthly_wage_cost": "1700.00",
            "statute": "wep_plus",
        },
    ],
    "activities": [
        {
            "id": "poets",
            "kind": "huishoudhulp",
            "hours_per_month": "10.5",
            "payment": "dienstencheque",
            "client_group": "particulier",
        },
        {
            "id": "klus",
            "kind": "klusjes",
            "hours_per_month": "5",
            "payment": "pwa_cheque",
            "price_per_hour": "5.95",
            "client_group": "kansarm",
        },
        {
            "id": "tuin",
            "kind": "tuin",
            "hours_per_month": "7.25",
            "payment": "cash",
            "price_per_hour": "3.33",
            "client_group": "particulier",
        },
    ],
    "agreements": [
        {"funder": "Stad Gent", "domain": "welzijn", "amount_per_year": "1000.01"},
        {
            "funder": "Stad Gent (milieu)",
            "domain": "milieu",
            "amount_per_hour": "1.11",
            "activity": "tuin",
        },
    ],
    "grants": [
        {
            "measure": "lde",
            "funder": "Vlaams",
            "amount_per_year": "10000.01",
            "degression": ["1", "0.6667"],
            "from": "2013-03",
            "until": "2015-06",
        },
        {
            "measure": "overig",
            "funder": "Koning Boudewijnstichting",
            "leaf": "IV",
            "amount_per_year": "555.55",
        },
    ],
}


def everything() -> FinancingPlan:
    return compute_plan(parse_initiative(EVERYTHING, "alles"))


def plans() -> list[tuple[str, FinancingPlan]]:
    found = [(path.stem, compute_plan(load_initiative(path))) for path in EXAMPLES]
    found.append(("alles", everything()))
    # A reform's extra component (lde-koppeling-sine: a yearly amount / 12 × FTE per month).
    reformed = reformed_system(("lde-koppeling-sine",))
    found.append(("bik-lde-koppeling-sine", compute_plan(load_initiative(BIK), reformed)))
    return found


PLANS = plans()


def amount(text: str, language: Language) -> Decimal:
    """A number or money amount as the sentence shows it, back to a Decimal."""
    digits = re.sub(r"[^\d,.\-−]", "", text)
    if language == "nl":
        digits = digits.replace(".", "").replace(",", ".")
    else:
        digits = digits.replace(",", "")
    return Decimal(digits.replace("−", "-"))


def sentence_value(sentence: str, language: Language) -> tuple[Decimal, Decimal]:
    """(Σ terms read back from the sentence's own words, the amount after '=')."""
    left, _, right = sentence.rpartition(" = ")
    # A remark in brackets says what a number is ("(loonkost begrensd op 2 × GGMMI)"); a
    # difference in brackets, "(€ 20,28 − € 6,70)", is a number.
    left = re.sub(r" \([^()−]*\)", "", left)
    total = Decimal(0)
    for term in left.split(" + "):
        value = Decimal(1)
        for factor in term.split(" × "):
            divided = factor.split(" ÷ ")
            difference = re.fullmatch(r"\((.+) − (.+)\).*", divided[0])
            if difference:
                value *= amount(difference.group(1), language) - amount(
                    difference.group(2), language
                )
            elif divided[0].endswith("%"):
                value *= amount(divided[0], language) / 100
            else:
                value *= amount(divided[0], language)
            for divisor in divided[1:]:
                value /= amount(divisor, language)
        total += value
    return total, amount(right, language)


def rounded(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), ROUND_HALF_UP)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(("name", "plan"), PLANS, ids=[name for name, _ in PLANS])
def test_every_lines_sum_adds_up_to_the_lines_amount_as_the_page_shows_it(
    name: str, plan: FinancingPlan, language: Language
) -> None:
    explained = explain_lines(plan, language)
    for line, entry in zip(plan.lines, explained, strict=True):
        sentence = line_explanation(entry, plan.parameters, language).sentence
        assert sentence.endswith(money(line.cents, language)), (line, sentence)
        if line.status == "not_computable":
            assert sentence.startswith(EXPLANATION_WORDS[language]["not_computable"])
            continue
        terms, shown = sentence_value(sentence, language)
        # The numbers in the sentence multiply and add up to the line, rounded half up.
        assert rounded(terms) == shown == Decimal(line.cents) / 100, (line, sentence)


@pytest.mark.parametrize(("name", "plan"), PLANS, ids=[name for name, _ in PLANS])
def test_every_line_has_the_shape_of_its_rule_not_just_its_amount(
    name: str, plan: FinancingPlan
) -> None:
    for entry in explain_lines(plan, "nl"):
        terms = entry["sum"]["terms"]
        if entry["line"]["status"] == "not_computable":
            assert terms == []
            continue
        kinds = [factor["kind"] for term in terms for factor in term]
        # The fallback (the amount itself, once) is only for one-off premiums.
        if kinds == ["once"]:
            assert entry["line"]["measure"] == "aanwervingsincentive", entry["line"]


def explanation(plan: FinancingPlan, language: Language, **wanted: Any) -> Any:
    (entry,) = [
        e
        for e in explain_lines(plan, language)
        if all(e["line"][key] == value for key, value in wanted.items())
    ]
    return line_explanation(entry, plan.parameters, language)


def test_hand_check_an_art60_year_with_a_leefloon_change_in_october() -> None:
    # RULEBOOK §3.1: leefloon cat. 3 × FTE; 834.14 from 2005-08-01, 859.31 from 2006-10-01.
    # BIK's w2 works full time all of 2006: 9 × 834.14 + 3 × 859.31 = 7 507.26 + 2 577.93.
    plan = compute_plan(load_initiative(BIK))
    shown = explanation(plan, "nl", measure="art60", person="w2", year=2006)
    assert shown.sentence == (
        "€\xa0834,14 per maand × 9 maanden × 1 VTE + €\xa0859,31 per maand × 3 maanden × 1 VTE"
        " = €\xa010.085,19"
    )
    english = explanation(plan, "en", measure="art60", person="w2", year=2006)
    assert english.sentence == (
        "€834.14 a month × 9 months × 1 FTE + €859.31 a month × 3 months × 1 FTE = €10,085.19"
    )


def test_hand_check_a_half_time_sine_reduction_per_quarter() -> None:
    # RULEBOOK §3.3: 1 000.00 per calendar quarter × FTE; Antwerpen's w2 (0.5 FTE, hired
    # 2006-01, 47 at the start: no band limit) in 2006: 4 quarters × 1 000 × 0.5 = 2 000.
    plan = compute_plan(load_initiative(ANTWERPEN))
    shown = explanation(plan, "nl", measure="sine", component="doelgroepvermindering", year=2006)
    assert shown.sentence == "€\xa01.000,00 per kwartaal × 4 kwartalen × 0,5 VTE = €\xa02.000,00"


def test_hand_check_the_voucher_subsidy_when_prices_change_in_june_2008() -> None:
    # RULEBOOK §4.2: hours × (exchange value − user price); 2008-01-01 20.28/6.70 and
    # 2008-06-01 20.50/7.00. 150 hours: 5 × 150 × 13.58 + 7 × 150 × 13.50 = 10 185 + 14 175.
    plan = compute_plan(load_initiative(ANTWERPEN))
    shown = explanation(plan, "nl", measure="dienstencheque", component="overheid", year=2008)
    assert shown.sentence == (
        "150 uur per maand × (€\xa020,28 − €\xa06,70) per uur × 5 maanden + 150 uur per maand"
        " × (€\xa020,50 − €\xa07,00) per uur × 7 maanden = €\xa024.360,00"
    )


def test_hand_check_a_raised_gesco_premium_rounds_half_up_to_the_cent() -> None:
    # RULEBOOK §3.5: 13 163.15 a year / 12 × FTE; s2 at 0.5 FTE all of 2006: 6 581.575.
    plan = compute_plan(load_initiative(ANTWERPEN))
    shown = explanation(plan, "nl", measure="gesco", person="s2", year=2006)
    assert shown.sentence == ("€\xa013.163,15 per jaar ÷ 12 × 12 maanden × 0,5 VTE = €\xa06.581,58")


def test_a_premium_capped_at_the_wage_cost_says_so() -> None:
    # p2's wage cost (300.00) is below the basic premium / 12 (419.58…): the premium is 300.
    shown = explanation(everything(), "nl", measure="gesco", person="p2", year=2013)
    assert shown.sentence == "loonkost €\xa0300,00 per maand × 12 maanden = €\xa03.600,00"
    assert shown.notes == [EXPLANATION_WORDS["nl"]["capped_at_wage_cost"]]


def test_a_grant_with_a_degression_shows_each_plan_years_factor() -> None:
    # 10 000.01 a year / 12: 2013-03 … 2013-12 (10 months, factor 1), then 0.6667 in 2014.
    plan = everything()
    first = explanation(plan, "nl", measure="lde", year=2013, status="entered")
    assert first.sentence == "€\xa010.000,01 per jaar ÷ 12 × 10 maanden = €\xa08.333,34"
    second = explanation(plan, "nl", measure="lde", year=2014, status="entered")
    assert second.sentence == (
        "€\xa010.000,01 per jaar ÷ 12 × 12 maanden × degressiefactor 0,6667 = €\xa06.667,01"
    )
    assert "degressie 100% → 66,67%" in second.inputs[0]
    assert "vanaf maart 2013" in second.inputs[0] and "tot en met juni 2015" in second.inputs[0]


def test_the_inputs_of_a_person_are_words_not_keys() -> None:
    plan = compute_plan(load_initiative(BIK))
    sine = explanation(plan, "nl", measure="sine", component="herinschakelingsuitkering", year=2006)
    assert sine.inputs == [
        "doelgroepwerknemer",
        "geboren op 15 maart 1968 (37 jaar bij de start)",
        "diploma: hoogstens lager secundair onderwijs",
        "uitkeringsgerechtigd volledig werkloos",
        "30 maanden werkloos",
        "in dienst vanaf 1 januari 2006",
        "1 VTE",
        "loonkost €\xa02.100,00 per maand",
        "statuut: SINE (gekozen in het plan)",
    ]
    art60 = explanation(plan, "nl", measure="art60", person="w2", year=2006)
    assert "leefloon" in art60.inputs and "statuut: artikel 60 §7 (gekozen in het plan)" in (
        art60.inputs
    )
    assert "tewerkgesteld via het OCMW" in art60.inputs


def test_no_box_shows_a_code_a_raw_key_or_the_1970_placeholder() -> None:
    raw = re.compile(
        r"\b(lager_secundair|monthly_wage_cost|unemployed_months|birth_date|wep_plus|art60"
        r"|leefloon_cat3|huishoudhulp_|placed_by_ocmw)\b|(januari|January) 1970|: True|: False"
    )
    for name, plan in PLANS:
        for language in ("nl", "en"):
            for entry in explain_lines(plan, language):
                shown = line_explanation(entry, plan.parameters, language)
                words = [shown.sentence, *shown.notes, *shown.inputs]
                words += [f"{p.value} {p.since} {p.grade}" for p in shown.parameters]
                for text in words:
                    assert not raw.search(text), (name, text)
                    assert "_" not in text.replace("__", ""), (name, text)


@pytest.mark.parametrize(
    ("language", "before"), [("nl", "al van voor 2004"), ("en", "since before 2004")]
)
def test_an_undated_parameter_value_holds_since_before_2004(
    language: Language, before: str
) -> None:
    # The SINE allowance's months under the age limit is recorded from 1970-01-01.
    plan = compute_plan(load_initiative(BIK))
    shown = explanation(
        plan, language, measure="sine", component="herinschakelingsuitkering", year=2006
    )
    since = {p.name: p.since for p in shown.parameters}
    assert since["sine.band.long_quarters"] == before
    assert since["sine.herinschakelingsuitkering.amount"] == (
        "sinds 3 mei 1999" if language == "nl" else "since 3 May 1999"
    )
    grades = {p.name: p.grade for p in shown.parameters}
    assert grades["sine.herinschakelingsuitkering.amount"] == (
        "laag" if language == "nl" else "low"
    )


def test_a_month_without_a_known_amount_says_so_and_counts_zero() -> None:
    plan = everything()
    lde = explanation(plan, "nl", measure="lde", year=2013, status="not_computable")
    assert lde.sentence == (
        "Geen bedrag bekend voor deze maanden (voer het toegekende bedrag in): €\xa00,00"
    )


def test_a_shared_plan_explains_people_without_their_personal_data() -> None:
    context = plan_context(load_initiative(BIK), "nl", redact=True)
    people = [
        line.explanation
        for year in context["years"]
        for group in year.groups
        for line in group.lines
        if line.who in ("w1", "w2", "w3")
    ]
    assert people
    for shown in people:
        text = " ".join(shown.inputs)
        assert "leeftijdsgroep bij de start: " in text and "doelgroep: ja" in text
        assert "loonkost" in text and "VTE" in text
        for private in ("geboren", "diploma", "werkloos", "leefloon", "OCMW"):
            assert private not in text, (private, text)


def test_the_gap_and_the_break_even_price_are_explained_with_the_plans_numbers() -> None:
    # BIK: cash hours huiswerk 40 + kinderopvang 80 = 120 a month × 24 months = 2 880; the
    # client payments (480 + 1 920 a year) are left out of the funding for the price.
    plan = compute_plan(load_initiative(BIK))
    shown = totals_explanation(plan, "Tekort", "Break-evenprijs", "nl")
    costs, funding = plan.totals.costs_cents, plan.totals.funding_cents
    assert shown.gap_sentence == (
        f"kosten {money(costs)} − financiering {money(funding)} = tekort {money(costs - funding)}"
    )
    without_clients = funding - 2 * (48_000 + 192_000)
    assert shown.break_even_sentence == (
        f"(kosten {money(costs)} − financiering zonder klantbijdrage {money(without_clients)})"
        f" ÷ 2.880 uren = {money(plan.break_even_cents or 0)} per uur"
    )
    # (costs − funding without client payments) / hours, rounded half up, is the plan's price.
    price = rounded(Decimal(costs - without_clients) / 100 / 2880)
    assert price * 100 == plan.break_even_cents


def test_a_surplus_and_a_plan_without_cash_hours_are_explained_too() -> None:
    maatwerk = compute_plan(load_initiative(ROOT / "examples" / "maatwerk-strijkatelier-2024.yaml"))
    shown = totals_explanation(maatwerk, "Shortfall", "Break-even price", "en")
    assert shown.break_even_sentence is None
    assert shown.break_even_notes == [EXPLANATION_WORDS["en"]["break_even_none"]]
    from klaverblad.web.views.totals_explanation import gap_sentence

    intro, sentence = gap_sentence(100_000, 150_000, "nl")
    assert sentence == "financiering €\xa01.500,00 − kosten €\xa01.000,00 = overschot €\xa0500,00"
    assert intro == EXPLANATION_WORDS["nl"]["surplus_intro"]


def render(template: str, **context: Any) -> str:
    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True)
    return environment.from_string(template).render(**context)


def test_the_totals_boxes_are_macros_the_totals_table_can_call() -> None:
    plan = compute_plan(load_initiative(BIK))
    shown = totals_explanation(plan, "Tekort", "Break-evenprijs", "nl")
    html = render(
        '{% import "_plan_totals_explanation.html" as why %}'
        "<td>{{ why.gap(t) }}</td><td>{{ why.break_even(t) }}</td>",
        t=shown,
    )
    assert html.count("<details") == 2 and html.count("<summary>") == 2
    assert "Hoe berekend?" in html and "— Tekort" in html and "— Break-evenprijs" in html
    assert "2.880 uren" in html and "tekort €" in html


def test_the_plan_page_shows_the_sum_first_in_every_box(client: Any) -> None:
    body = client.get("/plan/voorbeeld/bik-klusjesdienst").text
    boxes = re.findall(r'<details class="why">(.*?)</details>', body, re.S)
    assert len(boxes) == len(compute_plan(load_initiative(BIK)).lines)
    for box in boxes:
        assert box.index('<p class="sum">') < box.index("</summary>") + 200
    assert "€\xa0834,14 per maand × 9 maanden × 1 VTE" in body or (
        "€&nbsp;834,14 per maand × 9 maanden × 1 VTE" in body
    )
    assert "1 januari 1970" not in body


def test_both_languages_have_the_same_words() -> None:
    assert set(EXPLANATION_WORDS["nl"]) == set(EXPLANATION_WORDS["en"])
    for language in ("nl", "en"):
        for key, text in EXPLANATION_WORDS[language].items():
            fields = set(re.findall(r"{(\w+)}", text))
            other = "en" if language == "nl" else "nl"
            assert fields == set(re.findall(r"{(\w+)}", EXPLANATION_WORDS[other][key])), key


def test_the_measures_catalogue_dates_an_undated_value_before_2004_too(client: Any) -> None:
    from datetime import date

    from klaverblad.rules import baseline_system
    from klaverblad.web.views.parameter_history import parameter_history

    history = parameter_history(
        baseline_system(), "regionalisation.activation_measures_flemish", date(2006, 1, 1), "nl"
    )
    assert [value.start_text for value in history.values] == ["al van voor 2004", "1 juli 2014"]
    body = client.get("/maatregelen?datum=2006-10-01").text
    assert '<th scope="row">al van voor 2004</th>' in body
