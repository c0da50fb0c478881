"""The measure `lde_tijdelijke_vergoeding` as data (RULEBOOK v1.2 §4.1; see
`klaverblad.rules.measure_spec`): an entered grant for LDE workers whose traject ran on
2023-06-30, with the recognition `lde` (its `grant` metadata), leaf I, Vlaams."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import Measure

MEASURE = Measure(
    "lde_tijdelijke_vergoeding",
    "LDE tijdelijke vergoeding (entered grant, after 2023-06 for running LDE trajectories)",
    "I",
    "Vlaams",
    "lde_tijdelijke_vergoeding",
    reference="herwin.be — LDE-ondernemingen na individueel maatwerk",
    paid=("lde_tijdelijke_vergoeding.valid",),
    words=(
        N_("value.measure_lde_tijdelijke_vergoeding"),
        N_("measure_label.lde_tijdelijke_vergoeding"),
        N_("measures.how_lde_tijdelijke_vergoeding"),
    ),
)
