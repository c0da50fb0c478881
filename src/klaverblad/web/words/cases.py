"""The words of the case library, in Dutch and English (the same keys in both, checked in
tests/web/test_pages_cases.py). `shows_<example>` says what an example initiative shows,
after examples/README.md (which maps the 2006 report's section 5 sources to plan lines)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Voorbeelden",
        "intro": (
            "Vijf uitgewerkte initiatieven: de twee gevallen uit hoofdstuk 5 van het verslag "
            "van de werkgroep lokale diensteneconomie (2006) en drie latere initiatieven. Open "
            "het plan, download de bestanden, of begin er je eigen plan mee."
        ),
        "illustrative": (
            "Bedragen die het verslag niet geeft (toelagen, overeenkomsten, lonen, uren, "
            "prijzen) zijn illustratief; wat Klaverblad berekent (Artikel 60, SINE, Activa, "
            "Gesco, dienstencheques …) volgt de regels."
        ),
        "from_report": "Geval uit het verslag van 2006",
        "promoter": "Promotor",
        "municipality": "Gemeente",
        "period": "Periode",
        "shows": "Wat het toont",
        "figures_caption": "Kerncijfers van {name} over de hele periode",
        "figure": "Onderdeel",
        "funding_leaf": "Financiering blad {name}",
        "funding": "Financiering, totaal",
        "costs": "Kosten",
        "csv": "CSV met de kerncijfers van {name}",
        "open_plan": "Open het financieringsplan",
        "file_pdf": "PDF",
        "file_xlsx": "Excel (XLSX)",
        "file_yaml": "Initiatiefbestand (YAML)",
        "of_case": " van {name}",
        "open_wizard": "Open in de wizard",
        "compare": "Vergelijk met een hervorming",
        "none": "Er zijn geen voorbeelden gevonden.",
        "shows_bik-klusjesdienst": (
            "Een vzw in Kortrijk met erkenning LDE en als dienstencheque-onderneming, 24 "
            "maanden vanaf januari 2006: vier doelgroepwerknemers (SINE, Artikel 60, Activa en "
            "WEP+), een halftijdse omkaderingspersoon, een klusjesdienst met PWA-cheques, "
            "vervoer met dienstencheques, kinderopvang en huiswerkbegeleiding. Elke bron die het "
            "verslag per blad noemt is een lijn van het plan: 8 000 euro werkingsmiddelen en "
            "1 200 euro omkadering (blad I), SINE 4 000 + 6 000 euro, PWA aan 4,95 euro, WEP+ "
            "hoogstens 18 maanden (blad II), de overeenkomsten met Kind en Gezin, het CBJZ, "
            "onderwijs, cultuur, milieudienst, huisvesting en een dagcentrum (blad IV). Het plan "
            "toont ook twee „gedetecteerde problemen”: niet iedereen van de oude ploeg kan naar "
            "SINE, en het team telt minder dan 5 VTE."
        ),
        "shows_antwerpen-labour-for-neighbour": (
            "Een stad met een sociale werkplaats en een erkenning als "
            "dienstencheque-onderneming, 36 maanden vanaf januari 2006, zodat het degressieve "
            "lokaal actieplan zijn drie factoren toont (1; 0,75; 0,5). Omkadering Gesco en "
            "sociale werkplaats in blad I; Artikel 60, Gesco, SINE en Activa in blad II (met "
            "een financieringsklif als Activa stopt); dienstencheques, de stad, bedrijven en "
            "particulieren als klanten; overeenkomsten met de stad (toerisme) en het OCMW. Het "
            "verslag geeft geen bedragen voor Antwerpen: alle toelagen en overeenkomsten zijn "
            "illustratief."
        ),
        "shows_ocmw-art60-2006": (
            "Een OCMW in Aalst dat leefloners onder Artikel 60 §7 tewerkstelt, maart 2006 tot "
            "december 2007, over de indexeringen van het leefloon op 1 oktober 2006 (834,14 → "
            "859,31 euro) en 1 april 2007 (876,50 euro). De duur hangt af van leeftijd en VTE "
            "(12, 36 en 32 maanden); voor een vierde persoon kiest Klaverblad zelf SINE boven "
            "Artikel 60 en Gesco."
        ),
        "shows_twe-ocmw-2017": (
            "Een OCMW in Genk na de hervormingen van 2017, januari 2017 tot juni 2019: een "
            "Artikel 60-contract uit 2016 loopt af in juni 2017, twee werknemers op Tijdelijke "
            "Werkervaring (250 + 195 euro per maand, niet pro rata VTE) en een aanwerving met "
            "de aanwervingsincentive (1 250 euro in maand 4, 3 000 euro in maand 13), die "
            "Klaverblad zelf kiest."
        ),
        "shows_maatwerk-strijkatelier-2024": (
            "Een strijkatelier in Oostende, juli 2024 tot december 2025, betaald met "
            "dienstencheques na het einde van LDE en SINE: drie werknemers op individueel "
            "maatwerk (loonpremie 40 %, 55 % en 20 % van de loonkost, vaste en variabele "
            "begeleidingspremie) en de gebruikersprijs van de dienstencheque die op 1 januari "
            "2025 stijgt van 9,00 naar 10,00 euro. Zonder contante activiteit is er geen "
            "break-evenprijs."
        ),
    },
    "en": {
        "title": "Examples",
        "intro": (
            "Five worked initiatives: the two cases of section 5 of the report of the "
            "werkgroep lokale diensteneconomie (2006) and three later initiatives. Open the "
            "plan, download the files, or start your own plan from one."
        ),
        "illustrative": (
            "Amounts the report does not give (grants, agreements, wages, hours, prices) are "
            "illustrative; what Klaverblad computes (Artikel 60, SINE, Activa, Gesco, "
            "dienstencheques …) follows the rules."
        ),
        "from_report": "Case from the 2006 report",
        "promoter": "Promoter",
        "municipality": "Municipality",
        "period": "Period",
        "shows": "What it shows",
        "figures_caption": "Headline figures of {name} over the whole period",
        "figure": "Item",
        "funding_leaf": "Funding leaf {name}",
        "funding": "Funding, total",
        "costs": "Costs",
        "csv": "CSV of the headline figures of {name}",
        "open_plan": "Open the financing plan",
        "file_pdf": "PDF",
        "file_xlsx": "Excel (XLSX)",
        "file_yaml": "Initiative file (YAML)",
        "of_case": " of {name}",
        "open_wizard": "Open in the wizard",
        "compare": "Compare with a reform",
        "none": "No examples were found.",
        "shows_bik-klusjesdienst": (
            "A vzw in Kortrijk recognised as LDE and as dienstencheque-onderneming, 24 months "
            "from January 2006: four target workers (SINE, Artikel 60, Activa and WEP+), a "
            "half-time supervisor, a handyman service paid with PWA cheques, transport paid "
            "with dienstencheques, childcare and homework support. Every source the report "
            "names per leaf is a line of the plan: 8,000 euro werkingsmiddelen and 1,200 euro "
            "omkadering (leaf I), SINE 4,000 + 6,000 euro, PWA at 4.95 euro, WEP+ for at most "
            "18 months (leaf II), the agreements with Kind en Gezin, the CBJZ, education, "
            "culture, the environment service, housing and a day centre (leaf IV). The plan "
            "also shows two of the report's “detected problems”: not all of the old team can "
            "move to SINE, and the team has fewer than 5 FTE."
        ),
        "shows_antwerpen-labour-for-neighbour": (
            "A city with a sociale werkplaats and a recognition as dienstencheque-onderneming, "
            "36 months from January 2006, so that the degressive local action plan shows its "
            "three factors (1, 0.75, 0.5). Gesco supervision and the sociale werkplaats in "
            "leaf I; Artikel 60, Gesco, SINE and Activa in leaf II (with a funding cliff when "
            "Activa stops); dienstencheques, the city, companies and private clients as "
            "clients; agreements with the city (tourism) and the OCMW. The report gives no "
            "amounts for Antwerpen: every grant and agreement is illustrative."
        ),
        "shows_ocmw-art60-2006": (
            "An OCMW in Aalst employing leefloon beneficiaries under Artikel 60 §7, March 2006 "
            "to December 2007, across the leefloon indexations of 1 October 2006 (834.14 → "
            "859.31 euro) and 1 April 2007 (876.50 euro). The duration depends on age and FTE "
            "(12, 36 and 32 months); for a fourth person Klaverblad itself chooses SINE over "
            "Artikel 60 and Gesco."
        ),
        "shows_twe-ocmw-2017": (
            "An OCMW in Genk after the 2017 reforms, January 2017 to June 2019: an Artikel 60 "
            "contract from 2016 runs out in June 2017, two workers on Tijdelijke Werkervaring "
            "(250 + 195 euro a month, not pro rata FTE) and a hire with the "
            "aanwervingsincentive (1,250 euro in month 4, 3,000 euro in month 13), which "
            "Klaverblad chooses itself."
        ),
        "shows_maatwerk-strijkatelier-2024": (
            "An ironing workshop in Oostende, July 2024 to December 2025, paid with "
            "dienstencheques after the end of LDE and SINE: three workers on individueel "
            "maatwerk (wage premium 40 %, 55 % and 20 % of the wage cost, fixed and variable "
            "support premium) and the dienstencheque user price rising from 9.00 to 10.00 euro "
            "on 1 January 2025. With no cash activity there is no break-even price."
        ),
    },
}
