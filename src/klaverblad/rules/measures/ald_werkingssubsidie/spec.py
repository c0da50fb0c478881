"""The measure `ald_werkingssubsidie` as data (RULEBOOK v1.2 §4.1; see
`klaverblad.rules.measure_spec`): an entered operating grant for lokale besturen with an
aanvullend lokaal dienstenaanbod, leaf I, Vlaams, 2023-07 to 2025-12."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import Measure

MEASURE = Measure(
    "ald_werkingssubsidie",
    "Werkingssubsidie aanvullend lokaal dienstenaanbod (entered grant)",
    "I",
    "Vlaams",
    "ald_werkingssubsidie",
    reference="herwin.be — werkingssubsidie aanvullend lokaal dienstenaanbod",
    paid=("ald_werkingssubsidie.valid",),
    words=(
        N_("value.measure_ald_werkingssubsidie"),
        N_("measure_label.ald_werkingssubsidie"),
        N_("measures.how_ald_werkingssubsidie"),
    ),
)
