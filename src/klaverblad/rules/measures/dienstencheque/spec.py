"""The measure `dienstencheque` as data (RULEBOOK; see `klaverblad.rules.measure_spec`).

Dienstencheques pay the initiative for the hours of an activity with `payment: dienstencheque`
(RULEBOOK §4.2): lines of the plan, leaf III, per hour the user price (component `gebruiker`)
and the exchange value less the user price (component `overheid`), for the tasks and the
private households of its lists, to a company recognised for them."""

from __future__ import annotations

from klaverblad.messages import N_
from klaverblad.rules.funding import Voucher
from klaverblad.rules.measure_spec import REGIONALISED, Measure

MEASURE = Measure(
    "dienstencheque",
    "Dienstencheques (leaf III: user price and public part)",
    "III",
    REGIONALISED + " (overheid) / gebruikers",
    "dienstencheque",
    reference="Wet 20 juli 2001; KB 12 december 2001 (dienstencheques)",
    # From 2004-01-01 (RULEBOOK §4.2): an earlier month gives no line and `measure_closed`.
    paid=("dienstencheque.valid",),
    words=(
        N_("measure_label.dienstencheque"),
        N_("measures.how_dienstencheque"),
    ),
    funding=Voucher(
        payment="dienstencheque",
        memo=False,
        kinds="dienstencheque.allowed_kinds",
        client_groups="dienstencheque.allowed_client_groups",
        recognition="dienstencheque_onderneming",
        prices=("dienstencheque.gebruikersprijs", "dienstencheque.inruilwaarde"),
    ),
)
