"""The measure `klantbijdrage` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import Measure

MEASURE = Measure(
    "klantbijdrage",
    "Client payments in cash or by invoice",
    "III",
    "gebruikers / lokaal",
    "",
    words=(
        N_("measure_label.klantbijdrage"),
        N_("measures.how_klantbijdrage"),
    ),
)
