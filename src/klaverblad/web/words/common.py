"""The words of the web pages, in Dutch (the default) and English. Every language has the
same keys (checked in tests/web/test_pages.py)."""

from __future__ import annotations

from klaverblad.locale import Language

WORDS: dict[Language, dict[str, str]] = {
    "nl": {
        "site": "Klaverblad",
        "tagline": "Financieringsplannen voor de lokale diensteneconomie",
        "skip": "Naar de inhoud",
        "switch_label": "Language",
        "switch": "English",
        "switch_lang": "en",
        "home": "Start",
        "main_nav": "Hoofdmenu",
        "account_nav": "Account en taal",
        "menu_wizard": "Nieuw plan",
        "menu_cases": "Voorbeelden",
        "menu_compare": "Vergelijken",
        "menu_measures": "Maatregelen",
        "menu_portfolio": "Portefeuille",
        "menu_ranking": "Rangschikking",
        "menu_login": "Aanmelden",
        "menu_logout": "Afmelden",
        "menu_mine": "Mijn plannen",
        "page_not_found": "Er is geen pagina op dit adres.",
        "method_title": "Deze actie kan hier niet",
        "method_not_allowed": "Deze pagina neemt dit soort verzoek niet aan.",
        "bad_request_title": "Het verzoek kan niet verwerkt worden",
        "bad_request": "Het verzoek was onvolledig of onleesbaar. Probeer opnieuw vanaf de pagina.",
        "unexpected_title": "Er ging iets mis",
        "unexpected": (
            "Er ging iets onverwachts mis op de server; het is gelogd. Je invoer is niet "
            "bewaard: ga terug en probeer opnieuw."
        ),
        "expired_title": "Dit formulier is verlopen",
        "expired": (
            "Het formulier kwam niet van deze sessie (of je sessie is verlopen). Er is niets "
            "gewijzigd. Ga terug, herlaad de pagina en probeer opnieuw."
        ),
        "intro_title": "Het klaverbladmodel",
        "intro": (
            "Een initiatief van de lokale diensteneconomie betaalt zijn mensen, omkadering en "
            "werking met geld uit vier bladen van een klavertje vier. Klaverblad rekent per "
            "maand uit wie wat betaalt, telt dat op per jaar en zegt hoe groot het tekort of "
            "overschot is."
        ),
        "leaf_I": (
            "de erkenning van het initiatief zelf: de Vlaamse toelagen voor de lokale "
            "diensteneconomie (werkingsmiddelen, omkadering)."
        ),
        "leaf_II": (
            "de loonkost van de doelgroepwerknemers, via hun tewerkstellingsstatuut "
            "(art. 60, SINE, Activa, WEP+, Gesco …)."
        ),
        "leaf_III": ("wat de klanten betalen: prijs per uur, dienstencheques of PWA-cheques."),
        "leaf_IV": (
            "afspraken met andere beleidsdomeinen die de dienst ook iets opbrengt, zoals "
            "wonen, welzijn of mobiliteit."
        ),
        "examples_title": "Voorbeelden",
        "examples_intro": "Open het financieringsplan van een voorbeeldinitiatief:",
        "horizon": "vanaf {start}, {months} maanden",
        "start_plan": "Begin een financieringsplan",
        "start_plan_intro": (
            "Zes stappen, met standaardwaarden die je ziet en aanpast; het resultaat staat er "
            "vanaf de eerste stap."
        ),
        "advanced_document": "Geavanceerd: plak of laad een initiatiefbestand (YAML of JSON)",
        "compare_choices_title": "Waarmee wil je dit plan vergelijken?",
        "compare_reform": "Vergelijk met een hervorming",
        "compare_statutes": "Vergelijk statuten",
        "form_title": "Je eigen initiatief",
        "form_intro": (
            "Plak een initiatiefbestand (YAML of JSON, zoals de voorbeelden) of kies een "
            "bestand. Een gekozen bestand gaat voor op geplakte tekst."
        ),
        "form_text": "Initiatiefbestand (YAML of JSON)",
        "form_file": "Of kies een bestand (.yaml, .yml of .json)",
        "form_submit": "Maak het financieringsplan",
        "form_errors": "Het bestand kan niet gelezen worden",
        "form_errors_intro": "Verbeter deze velden en probeer opnieuw:",
        "pasted": "geplakte tekst",
        "nothing_given": "plak de tekst van een initiatief of kies een bestand",
        "too_large": "is groter dan 5 MB",
        "not_utf8": "is geen UTF-8-tekst",
        "form_unreadable": "kan niet gelezen worden",
        "form_path": "(het formulier)",
        "plan_title": "Financieringsplan",
        "promoter": "Promotor",
        "period": "Periode",
        "rules_version": "Regelversie",
        "chart_title": "Het klavertje vier",
        "chart_table": "Financiering per blad over de hele periode",
        "leaf": "Blad",
        "amount": "Bedrag",
        "share": "Aandeel",
        "totals_title": "Totalen",
        "totals_caption": "Kosten, financiering en saldo over de hele periode",
        "costs": "Kosten",
        "funding": "Financiering",
        "shortfall": "Tekort",
        "surplus": "Overschot",
        "balanced": "In evenwicht",
        "gap": "Saldo",
        "break_even": "Break-evenprijs per uur (contant of factuur)",
        "break_even_none": "niet van toepassing: geen uren tegen contante prijs of factuur",
        "per_hour": "per uur",
        "alerts_title": "Aandachtspunten",
        "no_alerts": "Geen aandachtspunten.",
        "severity_error": "Fout",
        "severity_warning": "Waarschuwing",
        "severity_info": "Ter info",
        "lines_title": "Lijnen per jaar",
        "lines_intro": (
            "Open een bedrag om te zien hoe het berekend is: de regel, de invoer, de "
            "parameters met hun datum en betrouwbaarheid, en de bronnen."
        ),
        "lines_caption": "Financiering in {year}, per blad",
        "measure": "Maatregel",
        "component": "Onderdeel",
        "funder": "Financier",
        "for_whom": "Persoon of activiteit",
        "year_total": "Totaal financiering {year}",
        "year_costs": "Kosten {year}",
        "no_lines": "Geen lijnen in dit plan.",
        "why": "Hoe berekend?",
        "rule": "Regel",
        "inputs": "Invoer",
        "parameters": "Parameters",
        "parameter": "Parameter",
        "value": "Waarde",
        "since": "Sinds",
        "grade": "Betrouwbaarheid",
        "references": "Bronnen",
        "grade_H": "hoog",
        "grade_M": "middel",
        "grade_L": "laag",
        "grade_entered": "ingevoerd bedrag",
        "grade_none": "onbekend",
        "yes": "ja",
        "no": "nee",
        "not_found_title": "Pagina niet gevonden",
        "not_found": "Er is geen voorbeeld '{name}'. Kies een voorbeeld op de startpagina.",
        "back_home": "Naar de startpagina",
        "footer": (
            "Klaverblad rekent met de regels van het klaverbladmodel; bedragen van voorbeelden "
            "zijn illustratief. De JSON-API staat onder /api."
        ),
        "footer_source": "Broncode",
        "footer_version": "versie",
    },
    "en": {
        "site": "Klaverblad",
        "tagline": "Financing plans for the local service economy",
        "skip": "Skip to content",
        "switch_label": "Taal",
        "switch": "Nederlands",
        "switch_lang": "nl",
        "home": "Home",
        "main_nav": "Main menu",
        "account_nav": "Account and language",
        "menu_wizard": "New plan",
        "menu_cases": "Examples",
        "menu_compare": "Compare",
        "menu_measures": "Measures",
        "menu_portfolio": "Portfolio",
        "menu_ranking": "Ranking",
        "menu_login": "Log in",
        "menu_logout": "Log out",
        "menu_mine": "My plans",
        "page_not_found": "There is no page at this address.",
        "method_title": "This action is not possible here",
        "method_not_allowed": "This page does not take this kind of request.",
        "bad_request_title": "The request cannot be processed",
        "bad_request": "The request was incomplete or unreadable. Try again from the page.",
        "unexpected_title": "Something went wrong",
        "unexpected": (
            "Something unexpected went wrong on the server; it has been logged. Your input was "
            "not saved: go back and try again."
        ),
        "expired_title": "This form has expired",
        "expired": (
            "The form did not come from this session (or your session expired). Nothing was "
            "changed. Go back, reload the page and try again."
        ),
        "intro_title": "The klaverbladmodel",
        "intro": (
            "An initiative of the local service economy (lokale diensteneconomie) pays its "
            "people, supervision and running costs with money from the four leaves of a "
            "four-leaf clover. Klaverblad works out month by month who pays what, adds it up "
            "per year and shows the shortfall or surplus."
        ),
        "leaf_I": (
            "the initiative's own recognition: the Flemish grants for the local service "
            "economy (running costs, supervision)."
        ),
        "leaf_II": (
            "the wage cost of the target-group workers, through their employment statute "
            "(art. 60, SINE, Activa, WEP+, Gesco …)."
        ),
        "leaf_III": "what the clients pay: a price per hour, service vouchers or PWA cheques.",
        "leaf_IV": (
            "agreements with other policy domains the service also serves, such as housing, "
            "welfare or mobility."
        ),
        "examples_title": "Examples",
        "examples_intro": "Open the financing plan of an example initiative:",
        "horizon": "from {start}, {months} months",
        "start_plan": "Start a financing plan",
        "start_plan_intro": (
            "Six steps, with defaults that you see and change; the result is there from the "
            "first step."
        ),
        "advanced_document": "Advanced: paste or load an initiative file (YAML or JSON)",
        "compare_choices_title": "What do you want to compare this plan with?",
        "compare_reform": "Compare with a reform",
        "compare_statutes": "Compare statutes",
        "form_title": "Your own initiative",
        "form_intro": (
            "Paste an initiative file (YAML or JSON, like the examples) or choose a file. A "
            "chosen file takes precedence over pasted text."
        ),
        "form_text": "Initiative file (YAML or JSON)",
        "form_file": "Or choose a file (.yaml, .yml or .json)",
        "form_submit": "Make the financing plan",
        "form_errors": "The file cannot be read",
        "form_errors_intro": "Correct these fields and try again:",
        "pasted": "pasted text",
        "nothing_given": "paste the text of an initiative or choose a file",
        "too_large": "is larger than 5 MB",
        "not_utf8": "is not UTF-8 text",
        "form_unreadable": "cannot be read",
        "form_path": "(the form)",
        "plan_title": "Financing plan",
        "promoter": "Promoter",
        "period": "Period",
        "rules_version": "Rules version",
        "chart_title": "The four-leaf clover",
        "chart_table": "Funding per leaf over the whole period",
        "leaf": "Leaf",
        "amount": "Amount",
        "share": "Share",
        "totals_title": "Totals",
        "totals_caption": "Costs, funding and balance over the whole period",
        "costs": "Costs",
        "funding": "Funding",
        "shortfall": "Shortfall",
        "surplus": "Surplus",
        "balanced": "Balanced",
        "gap": "Balance",
        "break_even": "Break-even price per hour (cash or invoice)",
        "break_even_none": "not applicable: no hours at a cash or invoiced price",
        "per_hour": "per hour",
        "alerts_title": "Points of attention",
        "no_alerts": "No points of attention.",
        "severity_error": "Error",
        "severity_warning": "Warning",
        "severity_info": "For information",
        "lines_title": "Lines per year",
        "lines_intro": (
            "Open an amount to see how it was computed: the rule, the inputs, the parameters "
            "with their dates and confidence, and the sources."
        ),
        "lines_caption": "Funding in {year}, by leaf",
        "measure": "Measure",
        "component": "Component",
        "funder": "Funder",
        "for_whom": "Person or activity",
        "year_total": "Total funding {year}",
        "year_costs": "Costs {year}",
        "no_lines": "No lines in this plan.",
        "why": "How computed?",
        "rule": "Rule",
        "inputs": "Inputs",
        "parameters": "Parameters",
        "parameter": "Parameter",
        "value": "Value",
        "since": "Since",
        "grade": "Confidence",
        "references": "Sources",
        "grade_H": "high",
        "grade_M": "medium",
        "grade_L": "low",
        "grade_entered": "entered amount",
        "grade_none": "unknown",
        "yes": "yes",
        "no": "no",
        "not_found_title": "Page not found",
        "not_found": "There is no example '{name}'. Choose an example on the home page.",
        "back_home": "To the home page",
        "footer": (
            "Klaverblad computes with the rules of the klaverbladmodel; the examples' amounts "
            "are illustrative. The JSON API is under /api."
        ),
        "footer_source": "Source code",
        "footer_version": "version",
    },
}
