"""The measure `sine` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import REGIONALISED, Component, statute

MEASURE = statute(
    "sine",
    "SINE — sociale inschakelingseconomie",
    REGIONALISED,
    (
        "sine_start_window_ok",
        "sine_employer_ok",
        "sine_status_ok",
        "sine_low_skilled",
        "sine_unemployment_ok",
    ),
    (
        Component(
            "doelgroepvermindering",
            "sine_doelgroepvermindering",
            "quarterly",
            "by_role",
            ("sine.doelgroepvermindering.amount", "sine.doelgroepvermindering.booked"),
        ),
        Component(
            "herinschakelingsuitkering",
            "sine_herinschakelingsuitkering",
            "monthly",
            "by_role",
            (
                "sine.herinschakelingsuitkering.amount",
                "sine.herinschakelingsuitkering.paid",
                "sine.herinschakelingsuitkering.months_under_age",
            ),
        ),
    ),
    duration="sine_allowance_months",
    reference="KB 3 mei 1999 (SINE)",
    paid=("sine.herinschakelingsuitkering.paid", "sine.doelgroepvermindering.booked"),
    words=(
        N_("value.statute_sine"),
        N_("condition.sine_start_window_ok"),
        N_("condition.sine_employer_ok"),
        N_("condition.sine_status_ok"),
        N_("condition.sine_low_skilled"),
        N_("condition.sine_unemployment_ok"),
        N_("rule.sine_doelgroepvermindering"),
        N_("rule.sine_herinschakelingsuitkering"),
    ),
)
