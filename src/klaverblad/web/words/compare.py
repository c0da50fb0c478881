"""The words of the comparison page, in Dutch and English (the same keys in both; checked in
tests/web/test_pages_compare.py). `TABLE_WORDS` are shared with the portfolio page: the
side-by-side tables, the difference in words and the reform fields."""

from __future__ import annotations

from klaverblad.locale import Language
from klaverblad.web.words.common import WORDS as COMMON

TABLE_WORDS: dict[Language, dict[str, str]] = {
    "nl": {
        "baseline": "Huidige regels",
        "difference": "Verschil",
        "diff_more": "meer",
        "diff_less": "minder",
        "diff_same": "gelijk",
        "csv_download": "Download deze tabel als CSV",
        "reforms": "Hervorming",
        "reforms_hint": "Vink aan om te vergelijken met een voorstel uit het verslag van 2006.",
        "reform_sine-uitbreiding": "SINE uitbreiden naar andere doelgroepen",
        "reform_lde-koppeling-sine": "Structurele middelen LDE koppelen aan SINE",
        "unknown_reform": "'{name}' is geen hervorming; kies uit: {known}",
        "change_label": "Parameterwijziging (parameter=waarde@JJJJ-MM)",
        "change_hint": (
            "Bijvoorbeeld sine.activeringsuitkering.amount=600,00@2006-07: de parameter krijgt "
            "die waarde vanaf die maand. Een decimale komma mag. Laat leeg voor geen wijziging."
        ),
        "change_hint_link": "De parameters staan bij de maatregelen.",
        "change_applied": "parameterwijziging {change}",
        "change_changes_nothing": (
            "De parameter heeft die waarde al vanaf die maand: de wijziging verandert niets."
        ),
        "error": "Fout",
        "errors_title": "Er is een probleem met je keuze",
        "errors_intro": "Verbeter deze velden en probeer opnieuw:",
        "year": "Jaar",
        "total": "Totaal",
    },
    "en": {
        "baseline": "Current rules",
        "difference": "Difference",
        "diff_more": "more",
        "diff_less": "less",
        "diff_same": "no change",
        "csv_download": "Download this table as CSV",
        "reforms": "Reform",
        "reforms_hint": "Tick to compare with a proposal of the 2006 report.",
        "reform_sine-uitbreiding": "Extend SINE to other target groups",
        "reform_lde-koppeling-sine": "Link the structural LDE funds to SINE",
        "unknown_reform": "'{name}' is not a reform; choose from: {known}",
        "change_label": "Parameter change (parameter=value@YYYY-MM)",
        "change_hint": (
            "For example sine.activeringsuitkering.amount=600.00@2006-07: the parameter takes "
            "that value from that month on. A decimal comma is fine. Leave empty for no change."
        ),
        "change_hint_link": "The parameters are listed with the measures.",
        "change_applied": "parameter change {change}",
        "change_changes_nothing": (
            "The parameter already has that value from that month on: the change changes nothing."
        ),
        "error": "Error",
        "errors_title": "There is a problem with your choice",
        "errors_intro": "Correct these fields and try again:",
        "year": "Year",
        "total": "Total",
    },
}

_PAGE: dict[Language, dict[str, str]] = {
    "nl": {
        "compare_title": "Vergelijken",
        "compare_intro": (
            "Zet een initiatief onder de huidige regels naast een alternatief: een hervorming, "
            "een gewijzigde parameter of andere tewerkstellingsstatuten per persoon. Je ziet "
            "per blad, financier, jaar en persoon wat er verschuift, en welke aandachtspunten "
            "verdwijnen of erbij komen."
        ),
        "example_form_title": "Een voorbeeld vergelijken",
        "example_label": "Voorbeeldinitiatief",
        "text_form_title": "Je eigen initiatief vergelijken",
        "text_form_intro": (
            "Plak een initiatiefbestand (YAML of JSON) of kies een bestand, kies wat je wilt "
            "vergelijken en verstuur. Daarna kun je per persoon een ander statuut kiezen."
        ),
        "compare_submit": "Vergelijk",
        "other_initiative": "Een ander initiatief vergelijken, of je eigen bestand",
        "nothing_asked": (
            "Kies hierboven een hervorming, een parameterwijziging of een ander statuut voor "
            "minstens één persoon, en klik op Vergelijk."
        ),
        "statutes_legend": "Statuut per persoon",
        "statutes_hint": (
            "Een statuut waarvoor iemand niet in aanmerking komt, brengt 0 op; de "
            "aandachtspunten hieronder zeggen waarom."
        ),
        "statute_of": "Statuut van {person} ({role})",
        "role_target": "doelgroepwerknemer",
        "role_supervisor": "omkadering",
        "statute_keep": "Behouden: {statute}",
        "statute_best": "het beste statuut volgens de regels",
        "statute_optimiser": "Het beste volgens de optimalisatie",
        "statute_regular": "Geen subsidie (regular)",
        "unknown_statute": "'{value}' is geen keuze uit de lijst",
        "optimiser_failed": "De optimalisatie vond geen verdeling: {reason}",
        "unknown_example": (
            "Er is geen voorbeeld '{name}'. Kies een voorbeeld op de pagina Vergelijken."
        ),
        "results_title": "Huidige regels en alternatief naast elkaar",
        "baseline_is": "Huidige regels",
        "alternative_is": "Alternatief",
        "rules_version_of": "regelversie {version}",
        "unchanged": "Het alternatief verandert niets in dit plan.",
        "alternative": "Alternatief",
        "item": "Post",
        "gap_signed": "Saldo (tekort +, overschot −)",
        "table_totals": "Kosten, financiering en saldo over de hele periode",
        "table_leaves": "Financiering per blad",
        "table_funders": "Financiering per financier",
        "table_years": "Financiering en saldo per jaar",
        "table_people": "Statuut en financiering per persoon",
        "table_not_computable": "Bedragen die het alternatief niet kan berekenen",
        "funding_baseline": "Financiering, huidige regels",
        "funding_alternative": "Financiering, alternatief",
        "funding_difference": "Verschil financiering",
        "gap_baseline": "Saldo, huidige regels",
        "gap_alternative": "Saldo, alternatief",
        "gap_difference": "Verschil saldo",
        "person": "Persoon",
        "statute_baseline": "Statuut, huidige regels",
        "statute_alternative": "Statuut, alternatief",
        "eligible_alternative": "In aanmerking voor (alternatief)",
        "not_eligible": "niet in aanmerking",
        "by_optimiser": "gekozen door de optimalisatie",
        "statute_changed": "{person}: {old} wordt {new}",
        "statute_by_optimiser": "{person}: {old} wordt {new} (gekozen door de optimalisatie)",
        "no_people": "Dit initiatief heeft geen personen.",
        "all_computable": "Het alternatief kan elk bedrag berekenen.",
        "alerts_compare_title": "Aandachtspunten die veranderen",
        "alerts_disappeared": "Verdwijnen met het alternatief",
        "alerts_appeared": "Komen erbij met het alternatief",
        "alerts_remaining": "Blijven in beide",
        "alerts_none": "Geen.",
        "not_computable_title": "Niet berekenbaar",
        "unknown_table": "Er is geen tabel '{name}' in de vergelijking.",
    },
    "en": {
        "compare_title": "Compare",
        "compare_intro": (
            "Put an initiative under the current rules next to an alternative: a reform, a "
            "changed parameter or other employment statutes per person. You see what shifts "
            "per leaf, funder, year and person, and which points of attention disappear or "
            "appear."
        ),
        "example_form_title": "Compare an example",
        "example_label": "Example initiative",
        "text_form_title": "Compare your own initiative",
        "text_form_intro": (
            "Paste an initiative file (YAML or JSON) or choose a file, choose what to compare "
            "and send. You can then choose another statute per person."
        ),
        "compare_submit": "Compare",
        "other_initiative": "Compare another initiative, or your own file",
        "nothing_asked": (
            "Choose a reform, a parameter change or another statute for at least one person "
            "above, and click Compare."
        ),
        "statutes_legend": "Statute per person",
        "statutes_hint": (
            "A statute someone is not eligible for brings 0; the points of attention below say why."
        ),
        "statute_of": "Statute of {person} ({role})",
        "role_target": "target-group worker",
        "role_supervisor": "supervisor",
        "statute_keep": "Keep: {statute}",
        "statute_best": "the best statute by the rules",
        "statute_optimiser": "The best according to the optimiser",
        "statute_regular": "No subsidy (regular)",
        "unknown_statute": "'{value}' is not a choice of the list",
        "optimiser_failed": "The optimiser found no assignment: {reason}",
        "unknown_example": "There is no example '{name}'. Choose an example on the Compare page.",
        "results_title": "Current rules and alternative side by side",
        "baseline_is": "Current rules",
        "alternative_is": "Alternative",
        "rules_version_of": "rules version {version}",
        "unchanged": "The alternative changes nothing in this plan.",
        "alternative": "Alternative",
        "item": "Item",
        "gap_signed": "Balance (shortfall +, surplus −)",
        "table_totals": "Costs, funding and balance over the whole period",
        "table_leaves": "Funding per leaf",
        "table_funders": "Funding per funder",
        "table_years": "Funding and balance per year",
        "table_people": "Statute and funding per person",
        "table_not_computable": "Amounts the alternative cannot compute",
        "funding_baseline": "Funding, current rules",
        "funding_alternative": "Funding, alternative",
        "funding_difference": "Difference in funding",
        "gap_baseline": "Balance, current rules",
        "gap_alternative": "Balance, alternative",
        "gap_difference": "Difference in balance",
        "person": "Person",
        "statute_baseline": "Statute, current rules",
        "statute_alternative": "Statute, alternative",
        "eligible_alternative": "Eligible for (alternative)",
        "not_eligible": "not eligible",
        "by_optimiser": "chosen by the optimiser",
        "statute_changed": "{person}: {old} becomes {new}",
        "statute_by_optimiser": "{person}: {old} becomes {new} (chosen by the optimiser)",
        "no_people": "This initiative has no people.",
        "all_computable": "The alternative can compute every amount.",
        "alerts_compare_title": "Points of attention that change",
        "alerts_disappeared": "Disappear with the alternative",
        "alerts_appeared": "Appear with the alternative",
        "alerts_remaining": "Remain in both",
        "alerts_none": "None.",
        "not_computable_title": "Not computable",
        "unknown_table": "There is no table '{name}' in the comparison.",
    },
}

# The page's own words: the shared table words and those of this page.
WORDS: dict[str, dict[str, str]] = {
    language: {**TABLE_WORDS[language], **_PAGE[language]} for language in ("nl", "en")
}


def page_words(language: Language) -> dict[str, str]:
    """Every word the page's code uses: the common words of all pages and this page's."""
    return {**COMMON[language], **WORDS[language]}
