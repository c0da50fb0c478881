"""The measure `lokaal_actieplan` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import Measure

MEASURE = Measure(
    "lokaal_actieplan",
    "Lokaal actieplan (entered grant)",
    "I",
    "lokaal",
    "",
    words=(
        N_("value.measure_lokaal_actieplan"),
        N_("measure_label.lokaal_actieplan"),
        N_("measures.how_lokaal_actieplan"),
    ),
)
