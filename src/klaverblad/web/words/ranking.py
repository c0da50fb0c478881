"""The words of the need ranking page, in Dutch and English (the same keys in both, checked in
tests/web/test_pages_ranking.py). The CSV's own problems (from `advice/ranking_input`) are in
English; the page says where they are in the visitor's language."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Behoefterangschikking van gemeenten",
        "intro": (
            "Rangschik gemeenten op een behoeftescore die zowel de jeugdwerkloosheid als de "
            "algemene werkloosheid meetelt, met zichtbare gewichten, naast de rangschikking op "
            "jeugdwerkloosheid alleen. Verdeel desgewenst een budget in verhouding tot de "
            "behoefte."
        ),
        "critique_title": "Waarom niet op jeugdwerkloosheid alleen?",
        "critique": (
            "Het verslag van de werkgroep lokale diensteneconomie (2006) merkt op dat er een "
            "rangschikking kon worden opgemaakt op basis van de jeugdwerkloosheidsplannen, maar "
            "„daarbij werd echter geen rekening gehouden met de algemene werkloosheid in de "
            "regio”. Een stad met veel werkloosheid in het algemeen en iets minder bij jongeren "
            "valt dan uit de boot. De kolommen „Rang op jeugdwerkloosheid alleen” en "
            "„Verschuiving” tonen hoeveel plaatsen elke gemeente wint of verliest zodra de "
            "algemene werkloosheid meetelt."
        ),
        "form_title": "Gegevens en gewichten",
        "source_legend": "Welke gemeenten?",
        "source_example": "Het illustratieve voorbeeld: de 13 centrumsteden",
        "illustrative": (
            "ILLUSTRATIEF: de cijfers van het voorbeeld zijn verzonnen. Het zijn niet de "
            "werkloosheidsgraden van deze steden, in 2006 of in een ander jaar. Citeer ze niet."
        ),
        "illustrative_short": "ILLUSTRATIEF — verzonnen cijfers, geen echte werkloosheidsgraden",
        "source_own": "Mijn eigen CSV (plak hieronder of kies een bestand)",
        "csv_label": "Eigen CSV (plakken)",
        "csv_hint": (
            "Een kopregel met municipality, youth_unemployment_rate, "
            "general_unemployment_rate en eventueel population, dan één regel per gemeente. "
            "Met ; als scheidingsteken (Belgische Excel) staan getallen zoals in het "
            "Nederlands (18,5 en 25.000), met , zoals in het Engels (18.5 en 25000). "
            "Regels die met # beginnen, "
            "tellen niet mee."
        ),
        "file_label": "Of kies een CSV-bestand",
        "file_hint": "Een gekozen bestand gaat voor geplakte tekst.",
        "weights_legend": "Gewichten (samen 1)",
        "youth_label": "Gewicht jeugdwerkloosheid",
        "general_label": "Gewicht algemene werkloosheid",
        "weight_hint": "Bijvoorbeeld 0,5 of 0,7; een breuk als 1/3 mag ook.",
        "budget_label": "Budget in euro (optioneel)",
        "budget_hint": "Bijvoorbeeld 25.000 of 25.000,50.",
        "submit": "Rangschik",
        "errors_title": "De gegevens kunnen niet gerangschikt worden",
        "errors_intro": "Verbeter deze velden en probeer opnieuw:",
        "example_chosen_note": (
            "Je plakte of koos ook een eigen CSV, maar het illustratieve voorbeeld is "
            "gekozen. Kies „Mijn eigen CSV” om je eigen gegevens te rangschikken."
        ),
        "pasted": "geplakte tekst",
        "line": "regel {line}",
        "column": "kolom {column}",
        "nothing_given": "plak een CSV of kies een bestand",
        "too_large": "is groter dan {size}",
        "not_text": "is geen tekst (UTF-8 of Windows-1252)",
        "form_unreadable": "het formulier kan niet gelezen worden",
        "example_missing": "het voorbeeldbestand ontbreekt op deze server",
        "weight_missing": "vul een gewicht in, bijvoorbeeld 0,5",
        "weight_not_number": "{value} is geen getal; schrijf bijvoorbeeld 0,5",
        "weight_negative": "{value} is negatief; een gewicht is 0 of meer",
        "weight_sum": "samen {total} in plaats van 1: de twee gewichten moeten samen 1 zijn",
        "weights_field": "Gewichten",
        "budget_not_amount": (
            "{value} is geen bedrag in euro; schrijf bijvoorbeeld 25.000 of 25.000,50"
        ),
        "budget_negative": "{value} is negatief; het budget is 0 of meer",
        "budget_too_large": "{value} is te groot: het budget is hoogstens 999.999.999,99 euro",
        "budget_decimals": "{value} heeft meer dan 2 decimalen; een bedrag heeft er hoogstens 2",
        "result_title": "Rangschikking",
        "result_source": "Gegevens: {source}, {count} gemeenten.",
        "weights_used": "Gewichten: jongeren {youth}, algemeen {general}.",
        "formula": (
            "score = {wy} × jeugdwerkloosheid / {my} % + {wg} × algemene werkloosheid / {mg} %"
        ),
        "formula_note": (
            "Elke graad wordt gedeeld door zijn gemiddelde over de gemeenten; de gemiddelde "
            "score is dus 1. Gelijke scores: alfabetisch."
        ),
        "budget_used": (
            "Budget {amount}, verdeeld in verhouding tot de score{population}, tot op de cent."
        ),
        "by_population": " × bevolking",
        "movers_up": "Stijgen zodra de algemene werkloosheid meetelt: {names}.",
        "movers_down": "Dalen: {names}.",
        "movers_none": "Geen enkele gemeente verschuift.",
        "caption": "Behoefterangschikking, hoogste behoefte eerst",
        "rank": "Rang",
        "municipality": "Gemeente",
        "youth_rate": "Jeugdwerkloosheid %",
        "general_rate": "Algemene werkloosheid %",
        "population": "Bevolking",
        "score": "Score",
        "youth_rank": "Rang op jeugdwerkloosheid alleen",
        "shift": "Verschuiving",
        "allocation": "Deel van het budget",
        "total": "Totaal",
        "shift_up": "stijgt {n} plaats(en)",
        "shift_down": "daalt {n} plaats(en)",
        "shift_same": "blijft",
        "csv": "Download deze rangschikking als CSV",
    },
    "en": {
        "title": "Need ranking of municipalities",
        "intro": (
            "Rank municipalities on a need score that counts both youth and general "
            "unemployment, with visible weights, beside the ranking on youth unemployment "
            "alone. Optionally split a budget in proportion to need."
        ),
        "critique_title": "Why not on youth unemployment alone?",
        "critique": (
            "The 2006 report of the werkgroep lokale diensteneconomie notes that a ranking "
            "could be drawn up from the youth unemployment plans, but “daarbij werd echter geen "
            "rekening gehouden met de algemene werkloosheid in de regio” (general unemployment "
            "in the region was not taken into account). A city with high unemployment overall "
            "and slightly less among young people then misses out. The columns “Rank on youth "
            "unemployment alone” and “Shift” show how many places each municipality gains or "
            "loses once general unemployment counts."
        ),
        "form_title": "Data and weights",
        "source_legend": "Which municipalities?",
        "source_example": "The illustrative example: the 13 centrumsteden",
        "illustrative": (
            "ILLUSTRATIVE: the example's figures are invented. They are not the unemployment "
            "rates of these cities, in 2006 or in any other year. Do not quote them."
        ),
        "illustrative_short": "ILLUSTRATIVE — invented figures, not real unemployment rates",
        "source_own": "My own CSV (paste below or choose a file)",
        "csv_label": "Own CSV (paste)",
        "csv_hint": (
            "A header line with municipality, youth_unemployment_rate, "
            "general_unemployment_rate and optionally population, then one line per "
            "municipality. With , as separator numbers are written the English way (18.5 and "
            "25000), with ; (Belgian Excel) the Dutch way (18,5 and 25.000). Lines starting "
            "with # "
            "are skipped."
        ),
        "file_label": "Or choose a CSV file",
        "file_hint": "A chosen file takes precedence over pasted text.",
        "weights_legend": "Weights (summing to 1)",
        "youth_label": "Weight of youth unemployment",
        "general_label": "Weight of general unemployment",
        "weight_hint": "For example 0.5 or 0.7; a fraction such as 1/3 also works.",
        "budget_label": "Budget in euros (optional)",
        "budget_hint": "For example 25,000 or 25,000.50.",
        "submit": "Rank",
        "errors_title": "The data cannot be ranked",
        "errors_intro": "Correct these fields and try again:",
        "example_chosen_note": (
            "You also pasted or chose your own CSV, but the illustrative example is chosen. "
            "Choose “My own CSV” to rank your own data."
        ),
        "pasted": "pasted text",
        "line": "line {line}",
        "column": "column {column}",
        "nothing_given": "paste a CSV or choose a file",
        "too_large": "is larger than {size}",
        "not_text": "is not text (UTF-8 or Windows-1252)",
        "form_unreadable": "the form cannot be read",
        "example_missing": "the example file is missing on this server",
        "weight_missing": "enter a weight, for example 0.5",
        "weight_not_number": "{value} is not a number; write for example 0.5",
        "weight_negative": "{value} is negative; a weight is 0 or more",
        "weight_sum": "together {total} instead of 1: the two weights must sum to 1",
        "weights_field": "Weights",
        "budget_not_amount": (
            "{value} is not an amount in euros; write for example 25,000 or 25,000.50"
        ),
        "budget_negative": "{value} is negative; the budget is 0 or more",
        "budget_too_large": "{value} is too large: the budget is at most 999,999,999.99 euros",
        "budget_decimals": "{value} has more than 2 decimals; an amount has at most 2",
        "result_title": "Ranking",
        "result_source": "Data: {source}, {count} municipalities.",
        "weights_used": "Weights: youth {youth}, general {general}.",
        "formula": (
            "score = {wy} × youth unemployment / {my} % + {wg} × general unemployment / {mg} %"
        ),
        "formula_note": (
            "Each rate is divided by its mean over the municipalities, so the mean score is 1. "
            "Equal scores: by name."
        ),
        "budget_used": (
            "Budget {amount}, split in proportion to the score{population}, to the cent."
        ),
        "by_population": " × population",
        "movers_up": "Rise once general unemployment counts: {names}.",
        "movers_down": "Fall: {names}.",
        "movers_none": "No municipality moves.",
        "caption": "Need ranking, highest need first",
        "rank": "Rank",
        "municipality": "Municipality",
        "youth_rate": "Youth unemployment %",
        "general_rate": "General unemployment %",
        "population": "Population",
        "score": "Score",
        "youth_rank": "Rank on youth unemployment alone",
        "shift": "Shift",
        "allocation": "Share of the budget",
        "total": "Total",
        "shift_up": "rises {n} place(s)",
        "shift_down": "falls {n} place(s)",
        "shift_same": "unchanged",
        "csv": "Download this ranking as CSV",
    },
}
