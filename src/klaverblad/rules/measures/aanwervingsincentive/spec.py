"""The measure `aanwervingsincentive` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import Component, statute

MEASURE = statute(
    "aanwervingsincentive",
    "Aanwervingsincentive langdurig werkzoekenden",
    "Vlaams",
    (
        "aanwervingsincentive_start_window_ok",
        "aanwervingsincentive_employer_ok",
        "aanwervingsincentive_age_ok",
        "aanwervingsincentive_unemployment_ok",
        "aanwervingsincentive_contract_ok",
        "aanwervingsincentive_fte_ok",
    ),
    (
        Component(
            "premie_3m",
            "aanwervingsincentive_premie_3m",
            "one_off",
            "by_role",
            (
                "aanwervingsincentive.premie_3m.amount",
                "aanwervingsincentive.premie_3m.amount_reduced",
                "aanwervingsincentive.full_amount_fte",
            ),
        ),
        Component(
            "premie_12m",
            "aanwervingsincentive_premie_12m",
            "one_off",
            "by_role",
            (
                "aanwervingsincentive.premie_12m.amount",
                "aanwervingsincentive.premie_12m.amount_reduced",
                "aanwervingsincentive.full_amount_fte",
            ),
        ),
    ),
    reference="dvo.be, premie voor aanwerving langdurig werklozen (2017); prato.be",
    words=(
        N_("value.statute_aanwervingsincentive"),
        N_("condition.aanwervingsincentive_start_window_ok"),
        N_("condition.aanwervingsincentive_employer_ok"),
        N_("condition.aanwervingsincentive_age_ok"),
        N_("condition.aanwervingsincentive_unemployment_ok"),
        N_("condition.aanwervingsincentive_contract_ok"),
        N_("condition.aanwervingsincentive_fte_ok"),
        N_("rule.aanwervingsincentive_premie_3m"),
        N_("rule.aanwervingsincentive_premie_12m"),
    ),
)
