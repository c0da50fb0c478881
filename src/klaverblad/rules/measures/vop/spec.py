"""The measure `vop` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import Component, statute

MEASURE = statute(
    "vop",
    "VOP — Vlaamse ondersteuningspremie",
    "Vlaams",
    ("vop_start_window_ok", "vop_employer_ok", "vop_decision_ok"),
    (
        Component(
            "premie",
            "vop_premie",
            "monthly",
            "by_role",
            (
                "ggmmi.full_time",
                "vop.premie_cap",
                "vop.early_quarters",
                "vop.middle_quarters",
                "vop.onbepaald.pct_early",
                "vop.onbepaald.pct_middle",
                "vop.onbepaald.pct_late",
                "vop.onbepaald.quarters",
                "vop.bepaald.pct_early",
                "vop.bepaald.pct_middle",
                "vop.bepaald.pct_late",
                "vop.bepaald.quarters",
            ),
            shape="percent_of_capped_wage",
        ),
    ),
    # 20 or 8 calendar quarters from the quarter of hire (RULEBOOK v1.2 §3.10).
    duration="vop_quarters",
    reference="werk.be — VOP subsidie; vlaanderen.be — VOP: bedrag en duur",
    words=(
        N_("value.statute_vop"),
        N_("condition.vop_start_window_ok"),
        N_("condition.vop_employer_ok"),
        N_("condition.vop_decision_ok"),
        N_("rule.vop_premie"),
    ),
)
