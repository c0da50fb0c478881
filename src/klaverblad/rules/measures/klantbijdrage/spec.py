"""The measure `klantbijdrage` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.rules.measure_spec import Measure

MEASURE = Measure(
    "klantbijdrage", "Client payments in cash or by invoice", "III", "gebruikers / lokaal", ""
)
