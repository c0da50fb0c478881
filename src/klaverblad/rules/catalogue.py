"""Every measure, gathered from the folders of `klaverblad.rules.measures` in the rulebook's
order: the statutes (RULEBOOK §3, whose order breaks ties in the best-statute choice) and the
initiative-level measures (§4).

The plan books components from it, `explain` walks its conditions and `measures` lists it, so
that no screen describes a rule by hand.
"""

from __future__ import annotations

from klaverblad.rules.funding import Voucher
from klaverblad.rules.measure_spec import (
    REGIONALISATION_PARAMETER,
    REGIONALISED,
    Component,
    LeafRule,
    Measure,
    Rhythm,
)
from klaverblad.rules.measures import INITIATIVE_MEASURE_NAMES, STATUTE_NAMES, spec_of

__all__ = [
    "INITIATIVE_MEASURES",
    "MEASURES",
    "REGIONALISATION_PARAMETER",
    "REGIONALISED",
    "STATUTES",
    "STATUTE_MEASURES",
    "Component",
    "LeafRule",
    "Measure",
    "Rhythm",
    "components_of",
    "voucher_measures",
    "voucher_of",
]

STATUTE_MEASURES: tuple[Measure, ...] = tuple(spec_of(name) for name in STATUTE_NAMES)
STATUTES = {measure.name: measure for measure in STATUTE_MEASURES}
INITIATIVE_MEASURES: tuple[Measure, ...] = tuple(spec_of(name) for name in INITIATIVE_MEASURE_NAMES)


def components_of(statute: str, system: object) -> tuple[Component, ...]:
    """The statute's components in `system`: the catalogue's, plus those a reform in the
    system's chain adds (`extra_components` on the reform class)."""
    extra: list[Component] = []
    current: object | None = system
    while current is not None:
        extra += getattr(type(current), "extra_components", {}).get(statute, ())
        current = vars(current).get("baseline")
    return STATUTES[statute].components + tuple(extra)


# Every measure by name: the statutes and the initiative-level ones (a `wep_plus` grant is the
# statute's money, so it shares the statute's window).
MEASURES = {measure.name: measure for measure in (*STATUTE_MEASURES, *INITIATIVE_MEASURES)}


# The measure of an activity paid in cash or by invoice (RULEBOOK §4.2): the client's own money.
CLIENT_REVENUE = "klantbijdrage"


def is_activity_revenue(measure: str) -> bool:
    """Whether lines of `measure` are an activity's hours × a price: a voucher's, or the
    clients' own payment (`klantbijdrage`)."""
    spec = MEASURES.get(measure)
    return measure == CLIENT_REVENUE or (spec is not None and isinstance(spec.funding, Voucher))


def voucher_measures(payment: str) -> tuple[Measure, ...]:
    """The measures paid by the vouchers of an activity with this `payment` (their `funding` a
    `Voucher` of it), in the catalogue's order: each books the months of its window; a month
    that none holds books nothing (`measure_closed`). Empty for a payment that is no voucher
    (`cash`).

    >>> [measure.name for measure in voucher_measures("pwa_cheque")]
    ['pwa', 'wijk_werken']
    """
    return tuple(
        measure
        for measure in INITIATIVE_MEASURES
        if isinstance(measure.funding, Voucher) and measure.funding.payment == payment
    )


def voucher_of(payment: str) -> Voucher | None:
    """The voucher that pays an activity with this `payment`: the rules of its first measure
    (a payment's measures state the same, `tests/rules/test_voucher_measures.py`); None for a
    payment that is no voucher."""
    for measure in voucher_measures(payment):
        if isinstance(measure.funding, Voucher):
            return measure.funding
    return None
