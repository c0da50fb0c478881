"""The measure `art60_verhoogd` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import Measure

MEASURE = Measure(
    "art60_verhoogd",
    "Art. 60 verhoogde toelage (entered grant)",
    "II",
    "federaal",
    "",
    words=(
        N_("value.measure_art60_verhoogd"),
        N_("measure_label.art60_verhoogd"),
        N_("measures.how_art60_verhoogd"),
    ),
)
