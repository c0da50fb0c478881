"""The measure `dgv_zonder_werkervaring` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import Component, statute

MEASURE = statute(
    "dgv_zonder_werkervaring",
    "Doelgroepvermindering zonder recente, duurzame werkervaring",
    "Vlaams",
    (
        "dgv_zonder_werkervaring_start_window_ok",
        "dgv_zonder_werkervaring_unemployment_ok",
        "dgv_zonder_werkervaring_age_ok",
        "dgv_zonder_werkervaring_wage_ok",
        "dgv_zonder_werkervaring_fte_ok",
    ),
    (
        Component(
            "doelgroepvermindering",
            "dgv_zonder_werkervaring_doelgroepvermindering",
            "quarterly",
            "by_role",
            (
                "dgv_zonder_werkervaring.doelgroepvermindering.amount",
                "dgv_zonder_werkervaring.doelgroepvermindering.full_amount_fte",
                "dgv_zonder_werkervaring.doelgroepvermindering.quarters",
            ),
            shape="quarterly_fte_share",
        ),
    ),
    # Calendar quarters 1 to 4 from the quarter of hire (RULEBOOK v1.2 §3.9).
    duration="dgv_zonder_werkervaring_quarters",
    reference="herwin.be — doelgroepvermindering zonder recente, duurzame werkervaring",
    words=(
        N_("value.statute_dgv_zonder_werkervaring"),
        N_("condition.dgv_zonder_werkervaring_start_window_ok"),
        N_("condition.dgv_zonder_werkervaring_unemployment_ok"),
        N_("condition.dgv_zonder_werkervaring_age_ok"),
        N_("condition.dgv_zonder_werkervaring_wage_ok"),
        N_("condition.dgv_zonder_werkervaring_fte_ok"),
        N_("rule.dgv_zonder_werkervaring_doelgroepvermindering"),
    ),
)
