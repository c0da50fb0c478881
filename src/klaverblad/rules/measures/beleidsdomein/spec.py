"""The measure `beleidsdomein` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import Measure

MEASURE = Measure(
    "beleidsdomein",
    "Agreements with other policy domains",
    "IV",
    "(the agreement)",
    "",
    words=(
        N_("measure_label.beleidsdomein"),
        N_("measures.how_beleidsdomein"),
    ),
)
