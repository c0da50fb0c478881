"""The words of the measures catalogue, in Dutch and English (the same keys in both, checked
in tests/web/test_pages_measures.py).

`DUTCH_MEASURE_LABELS` and `DUTCH_REFORM_DOCS` give the Dutch wording of the catalogue's
English labels and of the reforms' module documentation; in English the page shows those
sources as they are.
"""

from __future__ import annotations

from klaverblad.messages import N_, words

WORDS = words(
    N_("measures.title"),
    N_("measures.intro"),
    N_("measures.grades_intro"),
    N_("measures.months_note"),
    N_("measures.date_title"),
    N_("measures.date_label"),
    N_("measures.date_hint"),
    N_("measures.date_submit"),
    N_("measures.date_shown"),
    N_("measures.date_none"),
    N_("measures.date_errors"),
    N_("measures.date_errors_intro"),
    N_("measures.date_invalid"),
    N_("measures.in_force"),
    N_("measures.contents"),
    N_("measures.csv_all"),
    N_("measures.group_title"),
    N_("measures.group_any"),
    N_("measures.leaf"),
    N_("measures.leaf_by_role"),
    N_("measures.leaf_of_grant"),
    N_("measures.funder"),
    N_("measures.regionalised"),
    N_("measures.funder_grant"),
    N_("measures.funder_agreement"),
    N_("measures.legal_basis"),
    N_("measures.conditions"),
    N_("measures.components"),
    N_("measures.how"),
    N_("measures.rhythm_monthly"),
    N_("measures.rhythm_quarterly"),
    N_("measures.rhythm_one_off"),
    N_("measures.parameters"),
    N_("measures.no_parameters"),
    N_("measures.unit"),
    N_("measures.rule_grade"),
    N_("measures.sources"),
    N_("measures.no_sources"),
    N_("measures.values_caption"),
    N_("measures.col_since"),
    N_("measures.col_value"),
    N_("measures.col_grade"),
    N_("measures.col_note"),
    N_("measures.csv_parameter"),
    N_("measures.grade_H"),
    N_("measures.grade_M"),
    N_("measures.grade_L"),
    N_("measures.grade_none"),
    N_("measures.unit_name_currency-EUR"),
    N_("measures.unit_name_boolean"),
    N_("measures.unit_name_month"),
    N_("measures.unit_name_year"),
    N_("measures.unit_name_quarter"),
    N_("measures.unit_name_fte"),
    N_("measures.unit_name_ratio"),
    N_("measures.unit_name_percent"),
    N_("measures.unit_name_/1"),
    N_("measures.unit_name_list"),
    N_("measures.unit_month"),
    N_("measures.unit_month_one"),
    N_("measures.unit_year"),
    N_("measures.unit_year_one"),
    N_("measures.unit_quarter"),
    N_("measures.unit_quarter_one"),
    N_("measures.unit_fte"),
    N_("measures.unit_fte_one"),
    N_("measures.unit_ratio"),
    N_("measures.unit_ratio_one"),
    N_("measures.per_month"),
    N_("measures.per_year"),
    N_("measures.per_quarter"),
    N_("measures.per_hour"),
    N_("measures.true"),
    N_("measures.false"),
    N_("measures.no_value"),
    N_("measures.how_dienstencheque"),
    N_("measures.how_pwa"),
    N_("measures.how_klantbijdrage"),
    N_("measures.how_beleidsdomein"),
    N_("measures.how_lde"),
    N_("measures.how_swp"),
    N_("measures.how_lokaal_actieplan"),
    N_("measures.how_art60_verhoogd"),
    N_("measures.how_wep_plus"),
    N_("measures.how_overig"),
    N_("measures.shared_title"),
    N_("measures.shared_intro"),
    N_("measures.reforms_title"),
    N_("measures.reforms_intro"),
    N_("measures.reform_name"),
    N_("measures.reform_changes_caption"),
    N_("measures.col_parameter"),
    N_("measures.col_before"),
    N_("measures.col_after"),
    N_("measures.reform_no_changes"),
    N_("measures.csv_reform"),
    N_("measures.reform_added"),
    N_("measures.reform_component"),
)

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
        "met een LDE-erkenning brengt een extra lijn in blad I mee: LDE-omkadering voor "
        "SINE, een bedrag per jaar × VTE, 1/12 in elke maand van tewerkstelling (een "
        "illustratief bedrag, graad L, een parameter)."
    ),
}
