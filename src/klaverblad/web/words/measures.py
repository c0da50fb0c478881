"""The words of the measures catalogue, in Dutch and English (the same keys in both, checked
in tests/web/test_pages_measures.py).

`DUTCH_MEASURE_LABELS` and `DUTCH_REFORM_DOCS` give the Dutch wording of the catalogue's
English labels and of the reforms' module documentation; in English the page shows those
sources as they are.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Maatregelen en parameters",
        "intro": (
            "Alle maatregelen waarmee Klaverblad rekent, per blad van het klaverblad: wie "
            "financiert, onder welke voorwaarden, en elke parameter met al zijn waarden door "
            "de tijd, met bron en betrouwbaarheid."
        ),
        "grades_intro": (
            "Betrouwbaarheid: H = vermeld in een officiële bron, M = secundaire bron of "
            "afgeleide datum, L = reconstructie (een modelaanname die je kan aanpassen). Een "
            "berekend bedrag krijgt de zwakste graad van de regel en van de waarde."
        ),
        "months_note": (
            "Een waarde geldt vanaf haar begindatum. Een plan rekent per maand: een waarde "
            "die niet op de eerste van de maand begint, telt in een plan pas vanaf de "
            "volgende maand."
        ),
        "date_title": "Waarden op een datum",
        "date_label": "Datum",
        "date_hint": "Bijvoorbeeld 2006-10-01 of 1/10/2006.",
        "date_submit": "Toon de waarden op deze datum",
        "date_shown": "De waarden die gelden op {date} zijn gemarkeerd met „geldt op {date}”.",
        "date_none": "Geen datum gekozen: er is geen waarde gemarkeerd.",
        "date_errors": "De datum klopt niet",
        "date_errors_intro": "Verbeter dit veld en probeer opnieuw:",
        "date_invalid": (
            "'{value}' is geen datum; schrijf ze als JJJJ-MM-DD, bijvoorbeeld 2006-10-01"
        ),
        "in_force": "geldt op {date}",
        "contents": "Inhoud",
        "csv_all": "Alle parameters met al hun waarden (CSV)",
        "group_title": "Blad {name}",
        "group_any": "Elk blad (volgens de toelage)",
        "leaf": "Blad",
        "leaf_by_role": "II (I voor een omkaderingspersoon)",
        "leaf_of_grant": "het blad van de toelage",
        "funder": "Financier",
        "regionalised": "federaal tot {until}, Vlaams vanaf {since}",
        "funder_grant": "de financier van de toelage",
        "funder_agreement": "de partner van de overeenkomst",
        "legal_basis": "Rechtsgrond",
        "conditions": "Voorwaarden voor de persoon",
        "components": "Onderdelen",
        "how": "Hoe het bedrag ontstaat",
        "rhythm_monthly": "per maand",
        "rhythm_quarterly": "per kwartaal",
        "rhythm_one_off": "eenmalig",
        "parameters": "Parameters",
        "no_parameters": "Geen parameters: het bedrag komt uit de invoer van het plan.",
        "unit": "Eenheid",
        "rule_grade": "Betrouwbaarheid van de regel",
        "sources": "Bronnen",
        "no_sources": "geen bron vermeld",
        "values_caption": "Waarden van {path} door de tijd",
        "col_since": "Vanaf",
        "col_value": "Waarde",
        "col_grade": "Betrouwbaarheid",
        "col_note": "Opmerking",
        "csv_parameter": "CSV met de waarden van {path}",
        "grade_H": "H — officiële bron",
        "grade_M": "M — secundaire bron of afgeleide datum",
        "grade_L": "L — reconstructie",
        "grade_none": "niet vermeld",
        "unit_name_currency-EUR": "euro",
        "unit_name_boolean": "ja of nee",
        "unit_name_month": "maanden",
        "unit_name_year": "jaren",
        "unit_name_quarter": "kwartalen",
        "unit_name_fte": "VTE",
        "unit_name_ratio": "verhouding",
        "unit_name_percent": "procent",
        "unit_name_/1": "aandeel",
        "unit_name_list": "lijst",
        "unit_month": "{n} maanden",
        "unit_month_one": "{n} maand",
        "unit_year": "{n} jaar",
        "unit_year_one": "{n} jaar",
        "unit_quarter": "{n} kwartalen",
        "unit_quarter_one": "{n} kwartaal",
        "unit_fte": "{n} VTE",
        "unit_fte_one": "{n} VTE",
        "unit_ratio": "{n} op 1",
        "unit_ratio_one": "{n} op 1",
        "per_month": "per maand",
        "per_year": "per jaar",
        "per_quarter": "per kwartaal",
        "per_hour": "per uur",
        "true": "ja",
        "false": "nee",
        "no_value": "geen waarde (de parameter vervalt)",
        "how_dienstencheque": (
            "Per uur betaalt de gebruiker de gebruikersprijs (onderdeel gebruiker) en de "
            "overheid de inruilwaarde min de gebruikersprijs (onderdeel overheid); alleen voor "
            "toegelaten activiteiten, voor particulieren, met een erkenning als "
            "dienstencheque-onderneming."
        ),
        "how_pwa": (
            "Uren × de prijs per PWA- of wijk-werkcheque, binnen de toegelaten prijsvork en "
            "activiteiten; geboekt in blad II, zoals in het verslag van 2006."
        ),
        "how_klantbijdrage": "Uren × de prijs per uur die de klant contant of op factuur betaalt.",
        "how_beleidsdomein": (
            "Een bedrag per jaar (1/12 per maand) of per uur van een activiteit, afgesproken "
            "met een ander beleidsdomein (welzijn, kinderopvang, wonen …)."
        ),
        "how_lde": (
            "Een ingevoerde toelage per jaar, 1/12 per maand, alleen in maanden waarin de "
            "LDE-ondersteuning geldt en het initiatief erkend is."
        ),
        "how_swp": (
            "Een ingevoerde toelage per jaar, 1/12 per maand, alleen in maanden waarin de "
            "sociale werkplaats erkend is en de maatregel geldt."
        ),
        "how_lokaal_actieplan": (
            "Een ingevoerde toelage per jaar, 1/12 per maand, eventueel degressief per planjaar."
        ),
        "how_art60_verhoogd": "Een ingevoerde toelage per jaar, 1/12 per maand.",
        "how_wep_plus": (
            "De bedragen zijn niet bekend: voer een toelage met maatregel wep_plus in; ze "
            "wordt geboekt in elke maand waarin minstens één persoon WEP+ toepast."
        ),
        "how_overig": "Een ingevoerde toelage per jaar in het blad dat je kiest, 1/12 per maand.",
        "shared_title": "Gedeelde parameters",
        "shared_intro": (
            "Parameters die bij geen enkele maatregel alleen horen: wanneer de federale "
            "maatregelen Vlaams werden, en de drempels van de aandachtspunten."
        ),
        "reforms_title": "Hervormingen",
        "reforms_intro": (
            "De voorstellen van het verslag van 2006, die je op een plan of een portefeuille "
            "kan toepassen. Hieronder staat wat elke hervorming aan de regels verandert."
        ),
        "reform_name": "Naam",
        "reform_changes_caption": "Wat {name} aan de parameters verandert",
        "col_parameter": "Parameter",
        "col_before": "Huidige regels",
        "col_after": "Met de hervorming",
        "reform_no_changes": "Deze hervorming verandert geen bestaande parameter.",
        "csv_reform": "CSV met de wijzigingen door {name}",
        "reform_added": "Nieuwe parameter van deze hervorming",
        "reform_component": (
            "Extra onderdeel {component} (maatregel {measure}, blad {leaf}, financier "
            "{funder}) voor wie op {statute} staat:"
        ),
    },
    "en": {
        "title": "Measures and parameters",
        "intro": (
            "Every measure Klaverblad computes with, by leaf of the cloverleaf: who funds it, "
            "on which conditions, and every parameter with all its values over time, with its "
            "source and confidence."
        ),
        "grades_intro": (
            "Confidence: H = stated in an official source, M = secondary source or inferred "
            "date, L = reconstruction (a model assumption you can change). A computed amount "
            "gets the weaker grade of the rule and of the value."
        ),
        "months_note": (
            "A value applies from its start date. A plan computes by month: a value that does "
            "not start on the first of a month counts in a plan from the next month."
        ),
        "date_title": "Values on a date",
        "date_label": "Date",
        "date_hint": "For example 2006-10-01 or 1/10/2006.",
        "date_submit": "Show the values on this date",
        "date_shown": "The values in force on {date} are marked “in force on {date}”.",
        "date_none": "No date chosen: no value is marked.",
        "date_errors": "The date is not right",
        "date_errors_intro": "Correct this field and try again:",
        "date_invalid": "'{value}' is not a date; write it as YYYY-MM-DD, for example 2006-10-01",
        "in_force": "in force on {date}",
        "contents": "Contents",
        "csv_all": "All parameters with all their values (CSV)",
        "group_title": "Leaf {name}",
        "group_any": "Any leaf (as the grant says)",
        "leaf": "Leaf",
        "leaf_by_role": "II (I for a supervisor)",
        "leaf_of_grant": "the grant's leaf",
        "funder": "Funder",
        "regionalised": "federaal until {until}, Vlaams from {since}",
        "funder_grant": "the grant's funder",
        "funder_agreement": "the agreement's partner",
        "legal_basis": "Legal basis",
        "conditions": "Conditions for the person",
        "components": "Components",
        "how": "How the amount comes about",
        "rhythm_monthly": "monthly",
        "rhythm_quarterly": "quarterly",
        "rhythm_one_off": "one-off",
        "parameters": "Parameters",
        "no_parameters": "No parameters: the amount comes from the plan's input.",
        "unit": "Unit",
        "rule_grade": "Confidence of the rule",
        "sources": "Sources",
        "no_sources": "no source given",
        "values_caption": "Values of {path} over time",
        "col_since": "From",
        "col_value": "Value",
        "col_grade": "Confidence",
        "col_note": "Note",
        "csv_parameter": "CSV of the values of {path}",
        "grade_H": "H — official source",
        "grade_M": "M — secondary source or inferred date",
        "grade_L": "L — reconstruction",
        "grade_none": "not stated",
        "unit_name_currency-EUR": "euro",
        "unit_name_boolean": "yes or no",
        "unit_name_month": "months",
        "unit_name_year": "years",
        "unit_name_quarter": "quarters",
        "unit_name_fte": "FTE",
        "unit_name_ratio": "ratio",
        "unit_name_percent": "percent",
        "unit_name_/1": "share",
        "unit_name_list": "list",
        "unit_month": "{n} months",
        "unit_month_one": "{n} month",
        "unit_year": "{n} years",
        "unit_year_one": "{n} year",
        "unit_quarter": "{n} quarters",
        "unit_quarter_one": "{n} quarter",
        "unit_fte": "{n} FTE",
        "unit_fte_one": "{n} FTE",
        "unit_ratio": "{n} to 1",
        "unit_ratio_one": "{n} to 1",
        "per_month": "per month",
        "per_year": "per year",
        "per_quarter": "per quarter",
        "per_hour": "per hour",
        "true": "yes",
        "false": "no",
        "no_value": "no value (the parameter stops)",
        "how_dienstencheque": (
            "Per hour the user pays the user price (component gebruiker) and the government "
            "the exchange value minus the user price (component overheid); only for allowed "
            "activities, for private households, with a recognition as "
            "dienstencheque-onderneming."
        ),
        "how_pwa": (
            "Hours × the price per PWA or wijk-werk cheque, within the allowed price range and "
            "activities; booked in leaf II, as in the 2006 report."
        ),
        "how_klantbijdrage": "Hours × the price per hour the client pays in cash or by invoice.",
        "how_beleidsdomein": (
            "An amount per year (1/12 a month) or per hour of an activity, agreed with another "
            "policy domain (welfare, childcare, housing …)."
        ),
        "how_lde": (
            "An entered grant per year, 1/12 a month, only in months in which the LDE support "
            "applies and the initiative is recognised."
        ),
        "how_swp": (
            "An entered grant per year, 1/12 a month, only in months in which the sociale "
            "werkplaats is recognised and the measure applies."
        ),
        "how_lokaal_actieplan": (
            "An entered grant per year, 1/12 a month, possibly degressive per plan year."
        ),
        "how_art60_verhoogd": "An entered grant per year, 1/12 a month.",
        "how_wep_plus": (
            "The amounts are not known: enter a grant with measure wep_plus; it is booked in "
            "every month in which at least one person applies WEP+."
        ),
        "how_overig": "An entered grant per year in the leaf you choose, 1/12 a month.",
        "shared_title": "Shared parameters",
        "shared_intro": (
            "Parameters that belong to no single measure: when the federal measures became "
            "Flemish, and the thresholds of the points of attention."
        ),
        "reforms_title": "Reforms",
        "reforms_intro": (
            "The proposals of the 2006 report, which you can apply to a plan or a portfolio. "
            "Below is what each reform changes in the rules."
        ),
        "reform_name": "Name",
        "reform_changes_caption": "What {name} changes in the parameters",
        "col_parameter": "Parameter",
        "col_before": "Current rules",
        "col_after": "With the reform",
        "reform_no_changes": "This reform changes no existing parameter.",
        "csv_reform": "CSV of the changes made by {name}",
        "reform_added": "New parameter of this reform",
        "reform_component": (
            "Extra component {component} (measure {measure}, leaf {leaf}, funder {funder}) "
            "for a person on {statute}:"
        ),
    },
}

# The catalogue's English labels of the initiative-level measures, in Dutch.
DUTCH_MEASURE_LABELS = {
    "dienstencheque": "Dienstencheques (blad III: gebruikersprijs en overheidsdeel)",
    "pwa": "PWA- en wijk-werkcheques (blad II, zoals in het verslag van 2006)",
    "klantbijdrage": "Betalingen van klanten, contant of op factuur",
    "beleidsdomein": "Overeenkomsten met andere beleidsdomeinen",
    "lde": "Vlaamse LDE-ondersteuning (ingevoerde toelage)",
    "swp": "Sociale werkplaats (ingevoerde toelage)",
    "lokaal_actieplan": "Lokaal actieplan (ingevoerde toelage)",
    "art60_verhoogd": "Art. 60 verhoogde toelage (ingevoerde toelage)",
    "overig": "Andere toelage (ingevoerd, elk blad)",
}

# What each reform does (RULEBOOK §7), in Dutch; in English the reform module's docstring.
DUTCH_REFORM_DOCS = {
    "sine-uitbreiding": (
        "„SINE uitbreiden naar andere doelgroepen”: de voorwaarde laaggeschoold valt weg en "
        "elke drempel van werkloosheidsduur boven 6 maanden wordt 6 maanden (lagere drempels "
        "blijven); de voorwaarde over het statuut blijft. De voorwaarden worden in elke maand "
        "van het plan met de hervormde parameters beoordeeld."
    ),
    "lde-koppeling-sine": (
        "„Structurele middelen LDE koppelen aan SINE”: wie op SINE staat in een initiatief "
        "met erkenning lde brengt een extra lijn in blad I mee: maatregel "
        "lde_sine_omkadering, onderdeel omkadering, een bedrag per jaar × VTE, 1/12 in elke "
        "maand van tewerkstelling (een illustratief bedrag, graad L, een parameter)."
    ),
}
