"""The measure `gesco` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import Component, statute

MEASURE = statute(
    "gesco",
    "GESCO — gesubsidieerde contractuelen",
    "Vlaams",
    ("gesco_start_window_ok", "gesco_post_ok", "gesco_employer_ok", "gesco_target_group_ok"),
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
                "gesco.paid",
                "gesco.lokaal_bestuur.paid",
            ),
            shape="yearly_fte_capped",
        ),
    ),
    reference="Programmawet 30 december 1988; BVR 27 oktober 1993",
    # The window by employer (RULEBOOK v1.2 §3.5): each parameter's `by_employer` metadata
    # names the one for a gemeente, OCMW or intercommunale (`advice.measure_windows`); the
    # formulas choose the same.
    paid=("gesco.paid",),
    words=(
        N_("value.statute_gesco"),
        N_("condition.gesco_start_window_ok"),
        N_("condition.gesco_post_ok"),
        N_("condition.gesco_employer_ok"),
        N_("condition.gesco_target_group_ok"),
        N_("rule.gesco_premie"),
    ),
)
