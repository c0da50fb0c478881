"""The measure `twe` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import Component, statute

MEASURE = statute(
    "twe",
    "Tijdelijke Werkervaring (art. 60-route)",
    "Vlaams",
    ("twe_start_window_ok", "twe_employer_ok", "twe_status_ok"),
    (
        Component(
            "inspanningsvergoeding",
            "twe_inspanningsvergoeding",
            "monthly",
            "by_role",
            ("twe.inspanningsvergoeding", "twe.inspanningsvergoeding_months"),
        ),
        Component(
            "compensatievergoeding",
            "twe_compensatievergoeding",
            "monthly",
            "by_role",
            ("twe.compensatievergoeding",),
        ),
        Component(
            "compensatievergoeding_deel3",
            "twe_compensatievergoeding_deel3",
            "monthly",
            "by_role",
            ("twe.compensatievergoeding_deel3", "twe.inspanningsvergoeding_months"),
        ),
        Component(
            "federale_staatstoelage",
            "twe_federale_staatstoelage",
            "monthly",
            "by_role",
            ("twe.federale_staatstoelage", "art60.leefloon_cat3"),
            funder="federaal",
            shape="monthly_fte",
        ),
    ),
    # The art. 60 duration (RULEBOOK v1.2 §3.2).
    duration="art60_duration_months",
    reference="vdab.be Tijdelijke werkervaring",
    words=(
        N_("value.statute_twe"),
        N_("condition.twe_start_window_ok"),
        N_("condition.twe_employer_ok"),
        N_("condition.twe_status_ok"),
        N_("rule.twe_inspanningsvergoeding"),
        N_("rule.twe_compensatievergoeding"),
    ),
)
