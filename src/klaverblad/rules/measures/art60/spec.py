"""The measure `art60` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import Component, statute

MEASURE = statute(
    "art60",
    "Artikel 60 §7 OCMW-wet",
    "federaal",
    ("art60_start_window_ok", "art60_employer_ok", "art60_status_ok"),
    (
        Component(
            "staatstoelage",
            "art60_staatstoelage",
            "monthly",
            "by_role",
            ("art60.leefloon_cat3", "art60.paid"),
            shape="monthly_fte",
        ),
    ),
    duration="art60_duration_months",
    reference="Organieke wet OCMW 8 juli 1976, art. 60 §7",
    paid=("art60.paid",),
    words=(
        N_("value.statute_art60"),
        N_("condition.art60_start_window_ok"),
        N_("condition.art60_employer_ok"),
        N_("condition.art60_status_ok"),
        N_("rule.art60_staatstoelage"),
    ),
)
