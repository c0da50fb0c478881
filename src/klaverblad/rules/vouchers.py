"""Client payments by voucher (RULEBOOK §4.2): which activity a dienstencheque or a PWA cheque
may pay for, and what it brings per hour, month by month.

Like the variables, these read every amount from the dated parameters of the system they are
given, so a reform of a voucher parameter changes them too.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from openfisca_core.parameters import ParameterNode

from klaverblad.rules.by_month import by_month, leaf, values_at_months

PRIVATE_HOUSEHOLDS = "dienstencheque.allowed_client_groups"


@dataclass(frozen=True)
class VoucherCheck:
    """Per horizon month: may the voucher pay, and if not, why (reason codes). `unknown`
    months come before the voucher's first known rule: not computable, not refused."""

    allowed: numpy.ndarray
    unknown: numpy.ndarray
    reasons: tuple[str, ...]
    refused_months: numpy.ndarray


def _membership(
    tree: ParameterNode, path: str, months: numpy.ndarray, item: str
) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Per month: is `item` in the list parameter at `path`, and is the list known at all."""
    lists = values_at_months(leaf(tree, path), months)
    member = numpy.array([value is not None and item in value for value in lists], dtype=bool)
    known = numpy.array([value is not None for value in lists], dtype=bool)
    return member, known


def _check(
    months: numpy.ndarray, unknown: numpy.ndarray, conditions: dict[str, numpy.ndarray]
) -> VoucherCheck:
    """Combine named conditions (per month) into a check; unknown months are set apart."""
    known = ~unknown
    reasons = tuple(name for name, ok in conditions.items() if not ok[known].all())
    allowed = known.copy()
    for ok in conditions.values():
        allowed &= ok
    refused = known & ~allowed
    return VoucherCheck(allowed, unknown, reasons, months[refused])


def dienstencheque_check(
    tree: ParameterNode, months: numpy.ndarray, kind: str, client_group: str, recognised: bool
) -> VoucherCheck:
    """A dienstencheque pays only for listed tasks, for private households, to a recognised
    company. The lists are dated parameters, read at each month."""
    kind_ok, kinds_known = _membership(tree, "dienstencheque.allowed_kinds", months, kind)
    group_ok, _ = _membership(tree, PRIVATE_HOUSEHOLDS, months, client_group)
    user, public = dienstencheque_prices(tree, months)
    unknown = numpy.isnan(user) | numpy.isnan(public) | ~kinds_known
    conditions = {
        "kind": kind_ok,
        "client_group": group_ok,
        "recognition": numpy.full(len(months), recognised),
    }
    return _check(months, unknown, conditions)


def dienstencheque_prices(
    tree: ParameterNode, months: numpy.ndarray
) -> tuple[numpy.ndarray, numpy.ndarray]:
    """(user price, public part = inruilwaarde − user price) per hour, in each month."""
    view = by_month(tree, months).dienstencheque
    user = view.gebruikersprijs
    return user, view.inruilwaarde - user


def pwa_check(
    tree: ParameterNode, months: numpy.ndarray, kind: str, client_group: str, price_cents: int
) -> VoucherCheck:
    """A PWA cheque pays only for listed tasks, not for a company, and only at a price inside
    the month's range (4.95–7.45 until 2017, 5.95–7.45 as wijk-werkcheque from 2018)."""
    kind_ok, kinds_known = _membership(tree, "pwa.allowed_kinds", months, kind)
    group_ok = numpy.full(len(months), client_group != "bedrijf")
    view = by_month(tree, months).pwa
    lowest, highest = view.min_price, view.max_price
    unknown = numpy.isnan(lowest) | numpy.isnan(highest) | ~kinds_known
    # Prices are compared in cents: both sides have at most 2 decimals.
    with numpy.errstate(invalid="ignore"):
        price_ok = (numpy.rint(lowest * 100) <= price_cents) & (
            price_cents <= numpy.rint(highest * 100)
        )
    return _check(months, unknown, {"kind": kind_ok, "client_group": group_ok, "price": price_ok})
