"""The words of the gap in view on the plan page: the headline sentence, the saldo per year
and the costs table, in Dutch and English (the same keys in both, checked in
tests/web/test_gap_in_view.py)."""

from __future__ import annotations

from klaverblad.locale import Language

GAP_WORDS: dict[Language, dict[str, str]] = {
    "nl": {
        "headline_shortfall": "Je komt {per_year} per jaar tekort — {per_month} per maand",
        "headline_surplus": (
            "Je houdt een overschot van {per_year} per jaar over — {per_month} per maand"
        ),
        "headline_balanced": "Kosten en financiering zijn in evenwicht",
        "year_saldo": "Saldo {year} (financiering − kosten)",
        "costs_title": "Kosten per jaar",
        "costs_caption": "Loonkost per persoon en werkingskosten per jaar",
        "costs_intro": (
            "De loonkost van een persoon is zijn maandelijkse loonkost maal de maanden dat hij "
            "in dienst is; de werkingskosten zijn een twaalfde van het jaarbedrag per maand."
        ),
        "cost_item": "Kostenpost",
        "wage_cost_of": "Loonkost {person}",
        "operating_costs": "Werkingskosten",
        "costs_total": "Totaal kosten",
        "whole_period": "Hele periode",
    },
    "en": {
        "headline_shortfall": "You are {per_year} a year short — {per_month} a month",
        "headline_surplus": "You have a surplus of {per_year} a year — {per_month} a month",
        "headline_balanced": "Costs and funding are in balance",
        "year_saldo": "Balance {year} (funding − costs)",
        "costs_title": "Costs per year",
        "costs_caption": "Wage cost per person and operating costs per year",
        "costs_intro": (
            "A person's wage cost is their monthly wage cost times the months they are "
            "employed; operating costs are one twelfth of the yearly amount per month."
        ),
        "cost_item": "Cost item",
        "wage_cost_of": "Wage cost {person}",
        "operating_costs": "Operating costs",
        "costs_total": "Total costs",
        "whole_period": "Whole period",
    },
}
