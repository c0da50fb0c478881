"""The measure `overig` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import Measure

MEASURE = Measure(
    "overig",
    "Other grant (entered, any leaf)",
    "(the grant)",
    "(the grant)",
    "",
    words=(
        N_("value.measure_overig"),
        N_("measure_label.overig"),
        N_("measures.how_overig"),
    ),
)
