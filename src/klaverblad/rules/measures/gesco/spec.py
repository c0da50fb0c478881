"""The measure `gesco` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import Component, statute

MEASURE = statute(
    "gesco",
    "GESCO — gesubsidieerde contractuelen",
    "Vlaams",
    ("gesco_employer_ok", "gesco_target_group_ok"),
    (
        Component(
            "premie",
            "gesco_premie",
            "monthly",
            "by_role",
            (
                "gesco.premie.basis",
                "gesco.premie.verhoogd_tot_secundair",
                "gesco.premie.verhoogd_hoger",
            ),
        ),
    ),
    reference="Programmawet 30 december 1988; BVR 27 oktober 1993",
    # Only a gemeente's or OCMW's hire has a start window (`gesco_employer_ok`).
    start_window=None,
    words=(
        N_("value.statute_gesco"),
        N_("condition.gesco_employer_ok"),
        N_("condition.gesco_target_group_ok"),
        N_("rule.gesco_premie"),
    ),
)
