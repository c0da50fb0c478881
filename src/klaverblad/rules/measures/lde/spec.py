"""The measure `lde` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import Measure

MEASURE = Measure(
    "lde",
    "Vlaamse LDE-ondersteuning (entered grant)",
    "I",
    "Vlaams",
    "lde",
    paid=("lde.valid",),
    words=(
        N_("value.measure_lde"),
        N_("measure_label.lde"),
        N_("measures.how_lde"),
    ),
)
