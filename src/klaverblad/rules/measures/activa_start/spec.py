"""The measure `activa_start` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import REGIONALISED, Component, statute

MEASURE = statute(
    "activa_start",
    "Activa Start — werkuitkering voor jonge werkzoekenden",
    REGIONALISED,
    ("activa_start_start_window_ok", "activa_start_age_ok", "activa_start_low_skilled"),
    (
        Component(
            "werkuitkering",
            "activa_start_werkuitkering",
            "monthly",
            "by_role",
            ("activa_start.werkuitkering", "activa_start.months"),
            shape="monthly_fte",
        ),
    ),
    duration="activa_start_months",
    reference="news.belgium.be — Activa Start",
    words=(
        N_("value.statute_activa_start"),
        N_("condition.activa_start_start_window_ok"),
        N_("condition.activa_start_age_ok"),
        N_("condition.activa_start_low_skilled"),
        N_("rule.activa_start_werkuitkering"),
    ),
)
