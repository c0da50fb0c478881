"""The measure `dienstencheque` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import REGIONALISED, Measure

MEASURE = Measure(
    "dienstencheque",
    "Dienstencheques (leaf III: user price and public part)",
    "III",
    REGIONALISED + " (overheid) / gebruikers",
    "dienstencheque",
    reference="Wet 20 juli 2001; KB 12 december 2001 (dienstencheques)",
    words=(
        N_("measure_label.dienstencheque"),
        N_("measures.how_dienstencheque"),
    ),
)
