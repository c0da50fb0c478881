"""Client payments by voucher (RULEBOOK §4.2): which activity a dienstencheque or a PWA cheque
may pay for, and what it brings per hour, month by month.

Like the variables, these read every amount from the dated parameters of the system they are
given, so a reform of a voucher parameter changes them too.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from openfisca_core.parameters import ParameterNode

from klaverblad.rules.by_month import by_month, leaf, value_at_month

PRIVATE_HOUSEHOLDS = "dienstencheque.allowed_client_groups"


@dataclass(frozen=True)
class VoucherCheck:
    """Per horizon month: may the voucher pay, and if not, why (reason codes)."""

    allowed: numpy.ndarray
    reasons: tuple[str, ...]
    refused_months: numpy.ndarray


def _constant_list(tree: ParameterNode, path: str, month: int) -> list[str]:
    value = value_at_month(leaf(tree, path), month)
    return list(value) if value else []


def dienstencheque_check(
    tree: ParameterNode, months: numpy.ndarray, kind: str, client_group: str, recognised: bool
) -> VoucherCheck:
    """A dienstencheque pays only for listed tasks, for private households, to a recognised
    company. The lists are dated parameters, read at each month."""
    reasons: list[str] = []
    kind_ok = numpy.array(
        [kind in _constant_list(tree, "dienstencheque.allowed_kinds", m) for m in months]
    )
    group_ok = numpy.array(
        [client_group in _constant_list(tree, PRIVATE_HOUSEHOLDS, m) for m in months]
    )
    if not kind_ok.all():
        reasons.append("kind")
    if not group_ok.all():
        reasons.append("client_group")
    if not recognised:
        reasons.append("recognition")
    allowed = kind_ok * group_ok * recognised
    return VoucherCheck(allowed, tuple(reasons), months[~allowed])


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
    reasons: list[str] = []
    kind_ok = numpy.array([kind in _constant_list(tree, "pwa.allowed_kinds", m) for m in months])
    group_ok = numpy.full(len(months), client_group != "bedrijf")
    view = by_month(tree, months).pwa
    # Prices are compared in cents: both sides have at most 2 decimals.
    price_ok = (numpy.rint(view.min_price * 100) <= price_cents) * (
        price_cents <= numpy.rint(view.max_price * 100)
    )
    if not kind_ok.all():
        reasons.append("kind")
    if not group_ok.all():
        reasons.append("client_group")
    if not price_ok.all():
        reasons.append("price")
    allowed = kind_ok * group_ok * price_ok
    return VoucherCheck(allowed, tuple(reasons), months[~allowed])
