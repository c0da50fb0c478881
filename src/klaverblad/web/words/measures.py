"""The words of the measures catalogue, in Dutch and English (the same keys in both, checked
in tests/web/test_pages_measures.py).

`DUTCH_MEASURE_LABELS` gives the Dutch wording of the catalogue's English labels; in English the
page shows them as they are. A parameter's value, unit and dates are said by
`report/parameter_values.py`, a reform's summary by `report/reform_docs.py`.
"""

from __future__ import annotations

from klaverblad.messages import N_, words
from klaverblad.rules.measures import measure_words

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
    # What each measure is, on the catalogue page: in its folder (`Measure.words`).
    *measure_words("measures.how_"),
    N_("measures.how_wep_plus"),
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

# The catalogue's labels of the initiative-level measures in words (the Dutch page's).
MEASURE_LABELS = words(*measure_words("measure_label."))
DUTCH_MEASURE_LABELS = MEASURE_LABELS["nl"]
