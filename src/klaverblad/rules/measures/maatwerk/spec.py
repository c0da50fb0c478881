"""The measure `maatwerk` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import Component, statute

MEASURE = statute(
    "maatwerk",
    "Individueel maatwerk",
    "Vlaams",
    ("maatwerk_start_window_ok", "maatwerk_decision_ok"),
    (
        Component("loonpremie", "maatwerk_loonpremie", "monthly", "by_role", ()),
        Component(
            "begeleidingspremie_vast",
            "maatwerk_begeleidingspremie_vast",
            "quarterly",
            "I",
            (
                "maatwerk.begeleidingspremie_vast.initial_amount",
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
        ),
    ),
    reference="Decreet individueel maatwerk 14 januari 2022",
    words=(
        N_("value.statute_maatwerk"),
        N_("condition.maatwerk_start_window_ok"),
        N_("condition.maatwerk_decision_ok"),
        N_("rule.maatwerk_loonpremie"),
        N_("rule.maatwerk_begeleidingspremie_vast"),
        N_("rule.maatwerk_begeleidingspremie_variabel"),
    ),
)
