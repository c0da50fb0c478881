"""The measure `wijk_werken` as data (RULEBOOK; see `klaverblad.rules.measure_spec`).

From 2018-01 the successor of `pwa`: wijk-werkcheques pay wijk-werkers, not the initiative, so
their hours × price are memo lines outside the initiative's accounts (RULEBOOK §1, §4.2), in
the months of its window (`wijk_werken.valid`). The cheque is the PWA cheque (`pwa.spec.CHEQUE`:
the same payment, kinds, clients and price parameters)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.measure_spec import Measure
from klaverblad.rules.measures.pwa.spec import CHEQUE

MEASURE = Measure(
    "wijk_werken",
    "Wijk-werkcheques (leaf II, memo lines; PWA's successor from 2018)",
    "II",
    "gebruikers (wijk-werken)",
    "wijk_werken",
    reference="rva.be infoblad G2; decreet wijk-werken 7 juli 2017",
    paid=("wijk_werken.valid",),
    words=(
        N_("value.measure_wijk_werken"),
        N_("measure_label.wijk_werken"),
        N_("measures.how_wijk_werken"),
    ),
    funding=CHEQUE,
)
