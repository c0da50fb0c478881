"""The measure `wep_plus` as data (RULEBOOK; see `klaverblad.rules.measure_spec`).

Its amounts are not known (RULEBOOK §3.6): its money is the initiative's entered `wep_plus`
grant, booked in the months in which someone applies WEP+ (`rules.funding.SharedGrant`)."""

from __future__ import annotations

from dataclasses import replace

from klaverblad.messages import N_
from klaverblad.rules.funding import SharedGrant
from klaverblad.rules.measure_spec import statute

MEASURE = replace(
    statute(
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
    ),
    funding=SharedGrant(
        applies="wep_plus_applies",
        component="toelage",
        unknown=N_("alert.wep_plus_unknown"),
        rule=N_("line_rule.wep_plus_grant"),
    ),
)
