"""Client payments by voucher (RULEBOOK §4.2): which activity a voucher may pay for, and what
it brings per hour, month by month. What each voucher asks is data, its measure's `Voucher`
(`rules.funding`; `catalogue.voucher_of` finds it by payment): the parameters of its kinds,
client groups, price range and prices, and the recognition it needs.

Like the variables, these read every amount from the dated parameters of the system they are
given, so a reform of a voucher parameter changes them too.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy
from openfisca_core.parameters import ParameterNode

from klaverblad.rules.by_month import leaf, month_table, values_at_months
from klaverblad.rules.funding import Voucher


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


def _per_month(tree: ParameterNode, path: str, months: numpy.ndarray) -> numpy.ndarray:
    """A number parameter in force in each month (NaN before its first value)."""
    return numpy.asarray(month_table(leaf(tree, path)).lookup(months))


def voucher_check(
    tree: ParameterNode,
    months: numpy.ndarray,
    voucher: Voucher,
    kind: str,
    client_group: str,
    recognitions: Collection[str],
    price_cents: int,
) -> VoucherCheck:
    """May `voucher` pay an activity of `kind` for `client_group`, at `price_cents` an hour,
    for a promoter with `recognitions`, in each month: a listed kind, an allowed client group,
    the recognition it needs and a price inside the month's range (the reasons `kind`,
    `client_group`, `recognition`, `price`, in that order). A month before the first value of
    one of its parameters is unknown."""
    count = len(months)
    kind_ok, kinds_known = _membership(tree, voucher.kinds, months, kind)
    unknown = ~kinds_known
    group_ok = numpy.full(count, client_group not in voucher.refused_client_groups)
    if voucher.client_groups is not None:
        group_ok &= _membership(tree, voucher.client_groups, months, client_group)[0]
    conditions = {"kind": kind_ok, "client_group": group_ok}
    if voucher.recognition is not None:
        conditions["recognition"] = numpy.full(count, voucher.recognition in recognitions)
    if voucher.prices is not None:
        user, public = voucher_prices(tree, months, voucher)
        unknown |= numpy.isnan(user) | numpy.isnan(public)
    if voucher.price_range is not None:
        lowest, highest = (_per_month(tree, path, months) for path in voucher.price_range)
        unknown |= numpy.isnan(lowest) | numpy.isnan(highest)
        # Prices are compared in cents: both sides have at most 2 decimals.
        with numpy.errstate(invalid="ignore"):
            conditions["price"] = (numpy.rint(lowest * 100) <= price_cents) & (
                price_cents <= numpy.rint(highest * 100)
            )
    return _check(months, unknown, conditions)


def voucher_prices(
    tree: ParameterNode, months: numpy.ndarray, voucher: Voucher
) -> tuple[numpy.ndarray, numpy.ndarray]:
    """(user price, public part = exchange value − user price) per hour, in each month, of a
    voucher whose price is the rules' (`Voucher.prices`); NaN before their first values."""
    if voucher.prices is None:
        raise ValueError(f"the {voucher.payment} voucher has no prices of its own")
    user_path, exchange_path = voucher.prices
    user = _per_month(tree, user_path, months)
    return user, _per_month(tree, exchange_path, months) - user
