"""The measure `activa` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import REGIONALISED, Component, statute

MEASURE = statute(
    "activa",
    "Activa — werkuitkering",
    REGIONALISED,
    ("activa_start_window_ok", "activa_status_ok", "activa_band_ok"),
    (
        Component(
            "werkuitkering",
            "activa_werkuitkering",
            "monthly",
            "by_role",
            ("activa.werkuitkering",),
            shape="monthly_fte",
        ),
    ),
    duration="activa_band_months",
    reference="KB 19 december 2001 (Activa)",
    words=(
        N_("value.statute_activa"),
        N_("condition.activa_start_window_ok"),
        N_("condition.activa_status_ok"),
        N_("condition.activa_band_ok"),
        N_("rule.activa_werkuitkering"),
    ),
)
