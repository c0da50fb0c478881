"""Dutch wording of the eligibility conditions and amount rules, for messages and
explanations.

The English label, the reference and the formula live on each variable in
`klaverblad.rules.variables`; these tables only give the Dutch sentence for the same rule.
"""

from __future__ import annotations

from klaverblad.locale import Language
from klaverblad.rules import baseline_system

DUTCH = {
    "sine_start_window_ok": "de tewerkstelling start vóór 1 juli 2023 (daarna geen nieuwe SINE)",
    "sine_employer_ok": "de werkgever is een SINE-werkgever (LDE, sociale werkplaats, "
    "inschakelingsbedrijf, PWA, maatwerkbedrijf of OCMW)",
    "sine_status_ok": "bij aanwerving uitkeringsgerechtigd werkloos, leefloon of financiële hulp",
    "sine_low_skilled": "laaggeschoold (geen diploma hoger secundair onderwijs)",
    "sine_unemployment_ok": "lang genoeg werkloos vóór de aanwerving (volgens leeftijd en statuut)",
    "art60_start_window_ok": "de tewerkstelling start vóór 1 januari 2017 (daarna TWE)",
    "art60_employer_ok": "het OCMW is werkgever of stelt de persoon te werk",
    "art60_status_ok": "de persoon heeft leefloon of financiële maatschappelijke hulp",
    "twe_start_window_ok": "de tewerkstelling start op of na 1 januari 2017",
    "twe_employer_ok": "het OCMW is werkgever of stelt de persoon te werk",
    "twe_status_ok": "de persoon heeft leefloon of financiële maatschappelijke hulp",
    "gesco_employer_ok": "de werkgever is een vzw of intercommunale, of een gemeente/OCMW "
    "die vóór 1 april 2015 aanwierf",
    "gesco_target_group_ok": "minstens 6 maanden werkloos, of leefloon / financiële hulp",
    "activa_start_window_ok": "de tewerkstelling start tussen 1 januari 2002 en 31 december 2016",
    "activa_status_ok": "een uitkering om te activeren: werkloosheidsuitkering of leefloon",
    "activa_band_ok": "leeftijd en werkloosheidsduur passen in een Activa-categorie",
    "wep_plus_start_window_ok": "de tewerkstelling start tussen 17 juni 1997 en 31 maart 2015",
    "wep_plus_employer_ok": "de werkgever is niet-commercieel (vzw, gemeente, OCMW, "
    "intercommunale)",
    "wep_plus_target_group_ok": "minstens 24 maanden werkloos (12 met wachtuitkering)",
    "aanwervingsincentive_start_window_ok": "de tewerkstelling start op of na 1 januari 2017",
    "aanwervingsincentive_employer_ok": "de werkgever heeft geen erkenning LDE, sociale "
    "werkplaats, maatwerkbedrijf of inschakelingsbedrijf",
    "aanwervingsincentive_age_ok": "bij de start minstens 25 en jonger dan 55 jaar",
    "aanwervingsincentive_unemployment_ok": "minstens 24 maanden werkloos vóór de aanwerving",
    "maatwerk_start_window_ok": "de tewerkstelling start op of na 1 juli 2023",
    "maatwerk_decision_ok": "de VDAB besliste een loonpremiepercentage",
}


def condition_label(variable: str, language: Language) -> str:
    """The condition in words: Dutch from this table, English from the variable's label."""
    if language == "nl" and variable in DUTCH:
        return DUTCH[variable]
    return str(baseline_system().variables[variable].label)


# No amounts here: the parameter values in force are listed beside the rule, so a reform that
# changes an amount never makes the wording wrong.
DUTCH_RULES = {
    "sine_rsz_vermindering": "SINE RSZ-vermindering: een forfait per kalenderkwartaal × VTE, "
    "geboekt in de laatste maand van elk kwartaal met tewerkstelling, zolang het geboekt wordt.",
    "sine_activeringsuitkering": "SINE activeringsuitkering: een bedrag per maand × VTE, een "
    "beperkt aantal maanden tewerkstelling onder de leeftijdsgrens bij de start, onbeperkt "
    "erboven, zolang ze betaald wordt.",
    "art60_staatstoelage": "Art. 60 staatstoelage: het leefloon (categorie 3) van die maand × "
    "VTE, zolang het contract duurt (een basisduur naar leeftijd, gedeeld door de VTE).",
    "twe_inspanningsvergoeding": "TWE inspanningsvergoeding: een bedrag per maand tijdens de "
    "TWE-duur, niet pro rata VTE.",
    "twe_compensatievergoeding": "TWE compensatievergoeding: een bedrag per maand tijdens de "
    "TWE-duur, niet pro rata VTE.",
    "gesco_premie": "GESCO-premie: de jaarpremie / 12 × VTE, begrensd tot de loonkost van die "
    "maand (basis, of verhoogd met ministeriële toelating).",
    "activa_werkuitkering": "Activa werkuitkering: een bedrag per maand × VTE, zoveel maanden als "
    "de Activa-categorie van de persoon geeft.",
    "aanwervingsincentive_premie_3m": "Aanwervingsincentive: een eenmalige premie in de maand "
    "van tewerkstelling na de eerste drie maanden, als de persoon dan nog in dienst is.",
    "aanwervingsincentive_premie_12m": "Aanwervingsincentive: een eenmalige premie in de maand "
    "van tewerkstelling na het eerste jaar, als de persoon dan nog in dienst is.",
    "maatwerk_loonpremie": "Maatwerk loonpremie: het door VDAB beslist percentage van de "
    "maandelijkse loonkost.",
    "maatwerk_begeleidingspremie_vast": "Maatwerk vaste begeleidingspremie: een forfait per "
    "kwartaal, hoger in de eerste kwartalen.",
    "maatwerk_begeleidingspremie_variabel": "Maatwerk variabele begeleidingspremie: een forfait "
    "per kwartaal naar het niveau laag, midden of hoog.",
    "lde_sine_omkadering": "Hervorming lde-koppeling-sine: een jaarbedrag × VTE, 1/12 per maand "
    "tewerkstelling, voor wie in een LDE-initiatief op SINE staat.",
}


def rule_wording(variable: str, language: Language) -> str | None:
    """The Dutch sentence for an amount rule (None in English: the variable's own label and
    formula docstring say it)."""
    return DUTCH_RULES.get(variable) if language == "nl" else None
