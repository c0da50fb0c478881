"""How the gap and the break-even price of a plan are computed, with the plan's numbers filled
in (issue step 6, item 7): "kosten € X − financiering € Y = tekort € Z" and "(kosten € X −
financiering zonder klantbijdrage € Y) ÷ N uren = € P per uur".

The gap is costs − funding (RULEBOOK §5), both the reported, rounded totals, so the sentence
adds up to the cent. The break-even price is the plan's (`plan.financing_plan._break_even`):
p = (costs − (funding − cash revenue)) / Σ cash hours over the horizon, from exact amounts,
then rounded to cents; the sentence shows the reported totals, the funding without the
client payments (the `klantbijdrage` lines) and the hours, and says that the price comes from
the unrounded amounts (it is the same price but for a cent in a rare case, which the sentence
then marks with ≈).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from klaverblad.locale import Language, money
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.web.views.line_explanation import exact_number
from klaverblad.web.words.common import WORDS
from klaverblad.web.words.explanations import EXPLANATION_WORDS


@dataclass(frozen=True)
class TotalsExplanation:
    """The words of the two boxes beside the gap and the break-even price of the totals
    table (templates/_plan_totals_explanation.html)."""

    why: str
    gap_label: str
    gap_amount: str
    gap_intro: str
    gap_sentence: str
    break_even_label: str
    break_even_intro: str
    break_even_sentence: str | None
    break_even_notes: list[str]


def _half_up(value: Fraction) -> int:
    whole, rest = divmod(abs(value.numerator), value.denominator)
    if 2 * rest >= value.denominator:
        whole += 1
    return whole if value >= 0 else -whole


def gap_sentence(costs: int, funding: int, language: Language) -> tuple[str, str]:
    """(introduction, sentence) of the gap, from costs and funding in cents.

    >>> gap_sentence(1000000, 750000, "nl")[1]
    'kosten €\\xa010.000,00 − financiering €\\xa07.500,00 = tekort €\\xa02.500,00'
    >>> gap_sentence(100, 250, "en")[1]
    'funding €2.50 − costs €1.00 = surplus €1.50'
    """
    words = EXPLANATION_WORDS[language]
    shown_costs = words["costs"].format(money=money(costs, language))
    shown_funding = words["funding"].format(money=money(funding, language))
    gap = costs - funding
    if gap > 0:
        result = words["gap_shortfall"].format(money=money(gap, language))
        return words["gap_intro"], f"{shown_costs} − {shown_funding} = {result}"
    if gap < 0:
        result = words["gap_surplus"].format(money=money(-gap, language))
        return words["surplus_intro"], f"{shown_funding} − {shown_costs} = {result}"
    sentence = f"{shown_costs} − {shown_funding} = {money(0, language)}, {words['gap_balanced']}"
    return words["balanced_intro"], sentence


def break_even_sentence(plan: FinancingPlan, language: Language) -> tuple[str | None, list[str]]:
    """The break-even price as a division with the plan's numbers, and its notes; None
    without cash or invoice hours."""
    words = EXPLANATION_WORDS[language]
    price = plan.break_even_cents
    hundredths = plan.booking.cash_hundredths_of_hours
    if price is None or not hundredths:
        return None, [words["break_even_none"]]
    costs = plan.totals.costs_cents
    clients = sum(line.cents for line in plan.lines if line.measure == "klantbijdrage")
    without_clients = plan.totals.funding_cents - clients
    hours = Decimal(hundredths).scaleb(-2)
    shown_price = _half_up(Fraction(costs - without_clients, 1) * 100 / Fraction(hundredths))
    equals = "=" if shown_price == price else "≈"
    sentence = (
        f"({words['costs'].format(money=money(costs, language))} − "
        f"{words['funding_without_clients'].format(money=money(without_clients, language))}) "
        f"÷ {words['cash_hours'].format(n=exact_number(hours, language))} {equals} "
        f"{words['per_hour_result'].format(money=money(price, language))}"
    )
    notes = [words["break_even_exact"]]
    if price < 0:
        notes.append(words["break_even_negative"])
    return sentence, notes


def totals_explanation(
    plan: FinancingPlan, gap_label: str, break_even_label: str, language: Language
) -> TotalsExplanation:
    """Both boxes of `plan`; `gap_label` ("Tekort") and `break_even_label` name what each
    box explains, for a screen reader."""
    costs, funding = plan.totals.costs_cents, plan.totals.funding_cents
    gap_intro, gap = gap_sentence(costs, funding, language)
    sentence, notes = break_even_sentence(plan, language)
    words = EXPLANATION_WORDS[language]
    return TotalsExplanation(
        why=WORDS[language]["why"],
        gap_label=gap_label,
        gap_amount=money(abs(costs - funding), language),
        gap_intro=gap_intro,
        gap_sentence=gap,
        break_even_label=break_even_label,
        break_even_intro=words["break_even_intro"],
        break_even_sentence=sentence,
        break_even_notes=notes,
    )
