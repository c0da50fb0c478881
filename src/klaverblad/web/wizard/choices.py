"""The labels of the wizard's choices, per field and value, in Dutch and English. Dutch legal
terms stay Dutch in English too (with the code beside them), as the glossary asks.

Word keys are `opt_<field>_<value>` (the field's last name part), merged into the wizard's
words; `choice_label` finds them.
"""

from __future__ import annotations

from klaverblad.locale import Language

# field: {value: (Dutch, English)}
_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "legal_form": {
        "vzw": ("vzw", "vzw (non-profit association)"),
        "ocmw": ("OCMW", "OCMW (public social welfare centre)"),
        "gemeente": ("gemeente", "gemeente (municipality)"),
        "intercommunale": ("intercommunale", "intercommunale (inter-municipal body)"),
        "cooperatie": ("coöperatie met sociaal oogmerk", "coöperatie (social-purpose cooperative)"),
        "bedrijf": ("bedrijf", "bedrijf (private company)"),
    },
    "recognitions": {
        "lde": ("lokale diensteneconomie (LDE)", "lokale diensteneconomie (LDE)"),
        "swp": ("sociale werkplaats", "sociale werkplaats (social workshop)"),
        "inschakelingsbedrijf": (
            "inschakelingsbedrijf",
            "inschakelingsbedrijf (integration company)",
        ),
        "dienstencheque_onderneming": ("dienstenchequeonderneming", "dienstencheque company"),
        "pwa": ("PWA", "PWA (local employment agency)"),
        "maatwerkbedrijf": ("maatwerkbedrijf", "maatwerkbedrijf (custom-work company)"),
    },
    "kind": {
        "huishoudhulp": ("huishoudhulp", "household help"),
        "strijk": ("strijk", "ironing"),
        "boodschappen": ("boodschappen", "shopping"),
        "maaltijden": ("maaltijden", "meals"),
        "vervoer_beperkte_mobiliteit": (
            "vervoer van mensen met beperkte mobiliteit",
            "transport of people with reduced mobility",
        ),
        "klusjes": ("klusjes", "odd jobs"),
        "tuin": ("tuinonderhoud", "gardening"),
        "kinderopvang": ("kinderopvang", "childcare"),
        "huiswerkbegeleiding": ("huiswerkbegeleiding", "homework support"),
        "begeleiding_zieken_ouderen": (
            "begeleiding van zieken en ouderen",
            "support for the sick and elderly",
        ),
        "administratieve_hulp": ("administratieve hulp", "administrative help"),
        "milieu": ("milieu", "environment"),
        "groenonderhoud": ("groenonderhoud", "green-space maintenance"),
        "andere": ("andere", "other"),
    },
    "payment": {
        "dienstencheque": ("dienstencheques", "dienstencheques (service vouchers)"),
        "pwa_cheque": ("PWA-cheques", "PWA cheques"),
        "cash": ("contant, prijs per uur", "cash, price per hour"),
        "invoice": ("factuur, prijs per uur", "invoice, price per hour"),
    },
    "client_group": {
        "particulier": ("particulieren", "private households"),
        "kansarm": ("kansarme gezinnen (laag inkomen)", "low-income households (kansarm)"),
        "bedrijf": ("bedrijven", "companies"),
        "stad": ("de stad of gemeente", "the city or municipality"),
    },
    "role": {
        "target": ("doelgroepwerknemer", "target-group worker"),
        "supervisor": ("begeleider (omkadering)", "supervisor (omkadering)"),
    },
    "statute": {
        "sine": ("SINE", "SINE"),
        "art60": ("artikel 60 §7", "article 60 §7"),
        "twe": ("tijdelijke werkervaring (TWE)", "tijdelijke werkervaring (TWE)"),
        "gesco": ("GESCO", "GESCO"),
        "activa": ("Activa", "Activa"),
        "wep_plus": ("WEP+", "WEP+"),
        "aanwervingsincentive": ("aanwervingsincentive", "aanwervingsincentive"),
        "maatwerk": ("individueel maatwerk", "individueel maatwerk"),
        "regular": ("gewoon contract (geen subsidie)", "ordinary contract (no subsidy)"),
    },
    "diploma": {
        "geen": ("geen diploma", "no diploma"),
        "lager": ("lager onderwijs", "primary school"),
        "lager_secundair": ("lager secundair", "lower secondary"),
        "hoger_secundair": ("hoger secundair", "upper secondary"),
        "hoger": ("hoger onderwijs", "higher education"),
    },
    "status": {
        "uvw": ("werkloosheidsuitkering (UVW)", "unemployment benefit (UVW)"),
        "wachtuitkering": ("wacht- of inschakelingsuitkering", "school-leaver benefit"),
        "leefloon": ("leefloon", "leefloon (social assistance)"),
        "financiele_hulp": ("financiële maatschappelijke hulp", "financial social assistance"),
        "nwwz": ("niet-werkende werkzoekende zonder uitkering", "job seeker without benefit"),
        "geen": ("geen", "none"),
    },
    "maatwerk_begeleiding": {
        "laag": ("laag", "low"),
        "midden": ("midden", "medium"),
        "hoog": ("hoog", "high"),
    },
    "domain": {
        "welzijn": ("welzijn", "welfare"),
        "kinderopvang": ("kinderopvang", "childcare"),
        "jeugd": ("jeugd", "youth"),
        "milieu": ("milieu", "environment"),
        "wonen": ("wonen", "housing"),
        "cultuur": ("cultuur", "culture"),
        "toerisme": ("toerisme", "tourism"),
        "mobiliteit": ("mobiliteit", "mobility"),
        "onderwijs": ("onderwijs", "education"),
        "werk": ("werk", "work"),
    },
    "measure": {
        "lde": ("LDE-ondersteuning (Vlaams)", "LDE support (Flemish)"),
        "swp": ("sociale werkplaats", "sociale werkplaats"),
        "lokaal_actieplan": ("lokaal actieplan", "local action plan"),
        "art60_verhoogd": ("artikel 60 verhoogde toelage", "article 60 increased grant"),
        "wep_plus": ("WEP+ (bedrag van de toelage)", "WEP+ (amount of the grant)"),
        "overig": ("andere toelage", "other grant"),
    },
}


def _words(index: int) -> dict[str, str]:
    return {
        f"opt_{field}_{value}": labels[index]
        for field, values in _LABELS.items()
        for value, labels in values.items()
    }


CHOICE_WORDS: dict[Language, dict[str, str]] = {"nl": _words(0), "en": _words(1)}


def choice_label(words: dict[str, str], field: str, value: str) -> str:
    """The label of `value` of `field` (its last name part), or the value itself."""
    return words.get(f"opt_{field.rsplit('.', 1)[-1]}_{value}", value)
