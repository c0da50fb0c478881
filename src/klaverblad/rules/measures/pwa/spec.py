"""The measure `pwa` as data (RULEBOOK; see `klaverblad.rules.measure_spec`).

PWA cheques pay PWA workers, not the initiative: their hours × price are memo lines outside
the initiative's accounts (RULEBOOK §1, §4.2), until 2017-12; then `wijk_werken`."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import Measure

MEASURE = Measure(
    "pwa",
    "PWA- en wijk-werkcheques (leaf II, as in the 2006 report)",
    "II",
    "gebruikers (PWA)",
    "pwa",
    reference="rva.be infoblad G2; wijk-werken from 2018",
    paid=("pwa.valid",),
    words=(
        N_("value.measure_pwa"),
        N_("measure_label.pwa"),
        N_("measures.how_pwa"),
    ),
)
