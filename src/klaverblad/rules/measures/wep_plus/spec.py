"""The measure `wep_plus` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import statute

MEASURE = statute(
    "wep_plus",
    "WEP+ — werkervaringsplan",
    "Vlaams + federaal",
    ("wep_plus_start_window_ok", "wep_plus_employer_ok", "wep_plus_target_group_ok"),
    (),
    duration="wep_plus_duration_months",
    reference="BVR 17 juni 1997; BVR 10 juli 2008 betreffende werkervaring",
    paid=("wep_plus.paid",),
    words=(
        N_("value.statute_wep_plus"),
        N_("value.measure_wep_plus"),
        N_("condition.wep_plus_start_window_ok"),
        N_("condition.wep_plus_employer_ok"),
        N_("condition.wep_plus_target_group_ok"),
    ),
)
