"""The measure `maatwerk` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import Component, statute

MEASURE = statute(
    "maatwerk",
    "Individueel maatwerk",
    "Vlaams",
    ("maatwerk_start_window_ok", "maatwerk_employer_ok", "maatwerk_decision_ok"),
    (
        Component(
            "loonpremie",
            "maatwerk_loonpremie",
            "monthly",
            # §3.8 names leaf II for the loonpremie, also for a supervisor (§3: the section's
            # leaf wins over the role); the two begeleidingspremies are leaf I.
            "II",
            (
                "ggmmi.full_time",
                "maatwerk.loonpremie_cap",
                "maatwerk.pakket.early_quarters",
                "maatwerk.pakket.middle_quarters",
                "maatwerk.pakket.twee_jaar.pct_early",
                "maatwerk.pakket.twee_jaar.pct_middle",
                "maatwerk.pakket.twee_jaar.pct_late",
                "maatwerk.pakket.twee_jaar.quarters",
                "maatwerk.pakket.vijf_jaar_loonpremie.pct_early",
                "maatwerk.pakket.vijf_jaar_loonpremie.pct_middle",
                "maatwerk.pakket.vijf_jaar_loonpremie.pct_late",
                "maatwerk.pakket.vijf_jaar_loonpremie.quarters",
                "maatwerk.pakket.vijf_jaar_verhoogd.pct_early",
                "maatwerk.pakket.vijf_jaar_verhoogd.pct_middle",
                "maatwerk.pakket.vijf_jaar_verhoogd.pct_late",
                "maatwerk.pakket.vijf_jaar_verhoogd.quarters",
                "maatwerk.pakket.vijf_jaar_mwb.pct_early",
                "maatwerk.pakket.vijf_jaar_mwb.pct_middle",
                "maatwerk.pakket.vijf_jaar_mwb.pct_late",
                "maatwerk.pakket.vijf_jaar_mwb.quarters",
                "maatwerk.loonpremie_pct.quarters",
            ),
            shape="percent_of_capped_wage",
        ),
        Component(
            "begeleidingspremie_vast",
            "maatwerk_begeleidingspremie_vast",
            "quarterly",
            "I",
            (
                "maatwerk.begeleidingspremie_vast.initial_amount",
                "maatwerk.begeleidingspremie_vast.initial_quarters",
                "maatwerk.begeleidingspremie_vast.later_amount",
            ),
        ),
        Component(
            "begeleidingspremie_variabel",
            "maatwerk_begeleidingspremie_variabel",
            "quarterly",
            "I",
            (
                "maatwerk.begeleidingspremie_variabel.laag",
                "maatwerk.begeleidingspremie_variabel.midden",
                "maatwerk.begeleidingspremie_variabel.hoog",
            ),
            shape="quarterly_fte",
        ),
    ),
    # 8 or 20 calendar quarters from the quarter of hire (RULEBOOK v1.2 §3.8).
    duration="maatwerk_quarters",
    reference="Decreet individueel maatwerk 14 januari 2022",
    words=(
        N_("value.statute_maatwerk"),
        N_("condition.maatwerk_start_window_ok"),
        N_("condition.maatwerk_employer_ok"),
        N_("condition.maatwerk_decision_ok"),
        N_("rule.maatwerk_loonpremie"),
        N_("rule.maatwerk_begeleidingspremie_vast"),
        N_("rule.maatwerk_begeleidingspremie_variabel"),
    ),
)
