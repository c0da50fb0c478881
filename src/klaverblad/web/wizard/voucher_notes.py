"""The wizard's note at an activity's "Betaling" (payment) field when the voucher chosen
cannot pay for it (RULEBOOK §4.2): a dienstencheque only for the listed household tasks, for
private households, to a recognised company; a PWA cheque only for its listed tasks, not for
companies, at a price inside the month's range. The plan already refuses such a payment (the
activity earns 0 and the alert `voucher_not_allowed` is raised); here the same refusal is
said at the field that causes it, with the reason in words.

The lists and the price range are the rules' dated parameters in force in the first refused
month, never a second list: those that the voucher of the payment names (`rules.funding.Voucher`,
found by `catalogue.voucher_of`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy

from klaverblad.locale import Language, money, month_name
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.rules.by_month import leaf, values_at_months
from klaverblad.rules.catalogue import voucher_of
from klaverblad.rules.funding import Voucher
from klaverblad.rules.vouchers import VoucherCheck
from klaverblad.web.wizard.choices import CHOICE_WORDS
from klaverblad.web.wizard.field_words import FIELD_WORDS


def _cents(euros: Any) -> int:
    """Euros with at most two decimals (a price, a parameter) as exact cents."""
    return round(Decimal(str(euros)) * 100)


def _in_force(plan: FinancingPlan, path: str, month: int) -> Any:
    (value,) = values_at_months(leaf(plan.parameters, path), numpy.array([month]))
    return value


def _choices(field: str, values: Any, language: Language) -> list[str]:
    labels = CHOICE_WORDS[language]
    return [labels.get(f"opt_{field}_{value}", str(value)) for value in values or ()]


def _listed(items: list[str], language: Language) -> str:
    words = FIELD_WORDS[language]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {words['or']} {items[-1]}"


def _months(check: VoucherCheck, plan: FinancingPlan, language: Language) -> str:
    """'' when every month of the plan is refused; else which months."""
    words = FIELD_WORDS[language]
    refused = [int(month) for month in check.refused_months]
    if not refused or len(refused) == plan.months:
        return ""
    if len(refused) == 1:
        return words["voucher_month"].format(month=month_name(refused[0], language))
    return words["voucher_months"].format(
        first=month_name(refused[0], language), last=month_name(refused[-1], language)
    )


def _reason(
    reason: str,
    voucher: Voucher,
    activity: Any,
    month: int,
    plan: FinancingPlan,
    language: Language,
) -> str:
    words = FIELD_WORDS[language]
    labels = CHOICE_WORDS[language]
    if reason == "kind":
        allowed = _choices("kind", _in_force(plan, voucher.kinds, month), language)
        kind = labels.get(f"opt_kind_{activity.kind}", activity.kind)
        return words["voucher_kind"].format(kind=kind, allowed=", ".join(allowed))
    if reason == "client_group":
        served = _in_force(plan, voucher.client_groups, month) if voucher.client_groups else ()
        allowed = _choices("client_group", served, language)
        group = labels.get(f"opt_client_group_{activity.client_group}", activity.client_group)
        return words[f"voucher_client_group_{voucher.payment}"].format(
            allowed=_listed(allowed, language), group=group
        )
    if reason == "price" and voucher.price_range is not None:
        lowest, highest = (_in_force(plan, path, month) for path in voucher.price_range)
        return words["voucher_price"].format(
            price=money(_cents(activity.price_per_hour or 0), language),
            lowest=money(_cents(lowest), language),
            highest=money(_cents(highest), language),
        )
    return words["voucher_recognition"]


def voucher_warnings(plan: FinancingPlan | None, language: Language) -> dict[str, str]:
    """The note per payment field (`activities[1].payment`) of each activity whose voucher
    the rules refuse in some month of the plan; none while the draft cannot be computed."""
    if plan is None:
        return {}
    words = FIELD_WORDS[language]
    found: dict[str, str] = {}
    for index, activity in enumerate(plan.initiative.activities):
        check = plan.booking.voucher_refusals.get(activity.id)
        voucher = voucher_of(activity.payment)
        if check is None or voucher is None:
            continue
        first = int(check.refused_months[0]) if len(check.refused_months) else plan.first_month
        reasons = [
            _reason(reason, voucher, activity, first, plan, language) for reason in check.reasons
        ]
        found[f"activities[{index}].payment"] = words[f"voucher_{voucher.payment}"].format(
            months=_months(check, plan, language), reasons="; ".join(reasons)
        )
    return found
