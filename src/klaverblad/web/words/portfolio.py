"""The words of the portfolio page, in Dutch and English (the same keys in both; checked in
tests/web/test_pages_portfolio.py), with the table and reform words it shares with the
comparison page."""

from __future__ import annotations

from klaverblad.locale import Language
from klaverblad.web.words.common import WORDS as COMMON
from klaverblad.web.words.compare import TABLE_WORDS

_PAGE: dict[Language, dict[str, str]] = {
    "nl": {
        "portfolio_title": "Portefeuille",
        "portfolio_examples": "Portefeuille van de voorbeeldinitiatieven",
        "portfolio_all": "Portefeuille van alle gemeenten",
        "portfolio_none": "Portefeuille",
        "portfolio_of": "Portefeuille van {name}",
        "portfolio_intro": (
            "De initiatieven samen berekend: wat elk initiatief krijgt per blad, wie wat "
            "financiert en hoe dat per jaar verloopt. Kies een hervorming of een "
            "parameterwijziging om te zien wie wint en wie verliest."
        ),
        "examples_notice": (
            "Je bent niet aangemeld: dit is de portefeuille van de voorbeeldinitiatieven uit "
            "verschillende gemeenten, met illustratieve bedragen."
        ),
        "log_in_for_own": "Meld je aan om de initiatieven van je gemeente of organisatie te zien.",
        "choose_title": "Wat tonen",
        "municipality": "Gemeente",
        "all_municipalities": "Alle gemeenten",
        "unknown_municipality": "'{name}' heeft geen opgeslagen initiatieven; kies uit de lijst",
        "show": "Toon de portefeuille",
        "unreadable": (
            "Deze opgeslagen initiatieven voldoen niet meer aan het bestandsformaat en zijn "
            "niet meegeteld: {ids}."
        ),
        "overview_title": "Overzicht",
        "overview": "{count} initiatieven, samen {funding} financiering over hun hele periode.",
        "overview_one": "1 initiatief, met {funding} financiering over zijn hele periode.",
        "empty_examples": "Er zijn geen voorbeeldinitiatieven om te tonen.",
        "empty_municipality": "Er zijn nog geen opgeslagen initiatieven van {name}.",
        "empty_organisation": "Er zijn nog geen opgeslagen initiatieven van {name}.",
        "empty_all": "Er zijn nog geen opgeslagen initiatieven.",
        "empty_all_filtered": "Er zijn geen opgeslagen initiatieven in {name}.",
        "empty_none": "Je account mag geen initiatieven lezen.",
        "table_initiatives": "Per initiatief: financiering per blad, kosten en saldo",
        "table_funders": "Per financier: wie financiert wat, per blad",
        "table_years": "Per jaar: financiering per blad, kosten en saldo",
        "initiative": "Initiatief",
        "gap_signed": "Saldo (tekort +, overschot −)",
        "reform_title": "Huidige regels en hervorming",
        "reform_asked": "Vergeleken met",
        "reform_unchanged": "De hervorming verandert niets in deze portefeuille.",
        "with_reform": "Met hervorming",
        "gaining": "Winnen financiering",
        "losing": "Verliezen financiering",
        "nobody": "Geen enkel initiatief.",
        "total_change": "Samen: {amount}.",
        "table_reform_initiatives": "Per initiatief: financiering en saldo, huidig en hervormd",
        "table_reform_funders": "Per financier: huidig en hervormd",
        "table_reform_leaves": "Per blad: huidig en hervormd",
        "table_reform_years": "Financiering per jaar: huidig en hervormd",
        "funding_baseline": "Financiering, huidige regels",
        "funding_reform": "Financiering, hervormd",
        "funding_difference": "Verschil financiering",
        "gap_baseline": "Saldo, huidige regels",
        "gap_reform": "Saldo, hervormd",
        "gap_difference": "Verschil saldo",
        "unknown_table": "Er is geen tabel '{name}' in deze portefeuille.",
    },
    "en": {
        "portfolio_title": "Portfolio",
        "portfolio_examples": "Portfolio of the example initiatives",
        "portfolio_all": "Portfolio of all municipalities",
        "portfolio_none": "Portfolio",
        "portfolio_of": "Portfolio of {name}",
        "portfolio_intro": (
            "The initiatives computed together: what each initiative receives per leaf, who "
            "funds what and how it runs per year. Choose a reform or a parameter change to see "
            "who gains and who loses."
        ),
        "examples_notice": (
            "You are not logged in: this is the portfolio of the example initiatives from "
            "several municipalities, with illustrative amounts."
        ),
        "log_in_for_own": "Log in to see the initiatives of your municipality or organisation.",
        "choose_title": "What to show",
        "municipality": "Municipality",
        "all_municipalities": "All municipalities",
        "unknown_municipality": "'{name}' has no saved initiatives; choose from the list",
        "show": "Show the portfolio",
        "unreadable": (
            "These saved initiatives no longer match the file format and are not counted: {ids}."
        ),
        "overview_title": "Overview",
        "overview": "{count} initiatives, together {funding} of funding over their whole period.",
        "overview_one": "1 initiative, with {funding} of funding over its whole period.",
        "empty_examples": "There are no example initiatives to show.",
        "empty_municipality": "There are no saved initiatives of {name} yet.",
        "empty_organisation": "There are no saved initiatives of {name} yet.",
        "empty_all": "There are no saved initiatives yet.",
        "empty_all_filtered": "There are no saved initiatives in {name}.",
        "empty_none": "Your account may not read any initiatives.",
        "table_initiatives": "Per initiative: funding per leaf, costs and balance",
        "table_funders": "Per funder: who funds what, per leaf",
        "table_years": "Per year: funding per leaf, costs and balance",
        "initiative": "Initiative",
        "gap_signed": "Balance (shortfall +, surplus −)",
        "reform_title": "Current rules and reform",
        "reform_asked": "Compared with",
        "reform_unchanged": "The reform changes nothing in this portfolio.",
        "with_reform": "With reform",
        "gaining": "Gain funding",
        "losing": "Lose funding",
        "nobody": "No initiative.",
        "total_change": "Together: {amount}.",
        "table_reform_initiatives": "Per initiative: funding and balance, current and reformed",
        "table_reform_funders": "Per funder: current and reformed",
        "table_reform_leaves": "Per leaf: current and reformed",
        "table_reform_years": "Funding per year: current and reformed",
        "funding_baseline": "Funding, current rules",
        "funding_reform": "Funding, reformed",
        "funding_difference": "Difference in funding",
        "gap_baseline": "Balance, current rules",
        "gap_reform": "Balance, reformed",
        "gap_difference": "Difference in balance",
        "unknown_table": "There is no table '{name}' in this portfolio.",
    },
}

# The page's own words: the shared table words and those of this page.
WORDS: dict[str, dict[str, str]] = {
    language: {**TABLE_WORDS[language], **_PAGE[language]} for language in ("nl", "en")
}


def page_words(language: Language) -> dict[str, str]:
    """Every word the page's code uses: the common words of all pages and this page's."""
    return {**COMMON[language], **WORDS[language]}
