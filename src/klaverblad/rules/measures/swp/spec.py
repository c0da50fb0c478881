"""The measure `swp` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import Measure

MEASURE = Measure(
    "swp",
    "Sociale werkplaats (entered grant)",
    "I",
    "Vlaams",
    "swp",
    paid=("swp.valid",),
    words=(
        N_("value.measure_swp"),
        N_("measure_label.swp"),
        N_("measures.how_swp"),
    ),
)
