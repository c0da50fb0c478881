"""The measure `sine` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import REGIONALISED, Component, statute

# The band of quarters (RULEBOOK v1.2 §3.3) that limits both components.
BAND = (
    "sine.band.long_quarters",
    "sine.band.short_quarters",
    "sine.band.long_benefit_months",
    "sine.band.long_aid_months",
    "sine.band.unlimited_from_age",
)

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
            (
                "sine.doelgroepvermindering.amount",
                "sine.doelgroepvermindering.booked",
                "sine.doelgroepvermindering.booked_lde",
                *BAND,
            ),
            shape="quarterly_fte",
        ),
        Component(
            "herinschakelingsuitkering",
            "sine_herinschakelingsuitkering",
            "monthly",
            "by_role",
            (
                "sine.herinschakelingsuitkering.amount",
                "sine.herinschakelingsuitkering.paid",
                "sine.herinschakelingsuitkering.paid_lde",
                "sine.herinschakelingsuitkering.paid_maatwerkbedrijf_swp",
                *BAND,
            ),
            shape="monthly_fte",
        ),
    ),
    duration="sine_allowance_months",
    reference="KB 3 mei 1999 (SINE)",
    # The months it can yield, by employer (RULEBOOK v1.2 §3.3, transition): each parameter's
    # `by_employer` metadata names the one that applies to a promoter's recognitions, first
    # case first (`advice.measure_windows`); the formulas choose the same.
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
