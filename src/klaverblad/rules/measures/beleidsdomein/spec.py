"""The measure `beleidsdomein` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.rules.measure_spec import Measure

MEASURE = Measure(
    "beleidsdomein", "Agreements with other policy domains", "IV", "(the agreement)", ""
)
