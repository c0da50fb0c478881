"""The measure `pwa` as data (RULEBOOK; see `klaverblad.rules.measure_spec`)."""

from __future__ import annotations

from klaverblad.rules.measure_spec import Measure

MEASURE = Measure(
    "pwa",
    "PWA- en wijk-werkcheques (leaf II, as in the 2006 report)",
    "II",
    "gebruikers (PWA)",
    "pwa",
    reference="rva.be infoblad G2; wijk-werken from 2018",
)
