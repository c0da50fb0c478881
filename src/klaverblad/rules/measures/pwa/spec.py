"""The measure `pwa` as data (RULEBOOK; see `klaverblad.rules.measure_spec`).

PWA cheques pay PWA workers, not the initiative: their hours × price are memo lines outside
the initiative's accounts (RULEBOOK §1, §4.2), in the months of its window (`pwa.valid`, to
2017-12); then `wijk_werken`, whose cheque is this one (`CHEQUE`)."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.funding import Voucher
from klaverblad.rules.measure_spec import Measure

# An activity with `payment: pwa_cheque` (RULEBOOK §4.2): the listed tasks, no company as
# client, at a price per hour inside the month's range; memo lines. The wijk-werkcheque keeps
# these rules and parameters.
CHEQUE = Voucher(
    payment="pwa_cheque",
    memo=True,
    kinds="pwa.allowed_kinds",
    refused_client_groups=("bedrijf",),
    price_range=("pwa.min_price", "pwa.max_price"),
)

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
    funding=CHEQUE,
)
