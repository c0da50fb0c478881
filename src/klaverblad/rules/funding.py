"""How a measure's money is found, when it is not the amounts of its components.

A statute paid by its components (the default, `Measure.funding` None) needs nothing here. A
statute whose amounts are not known declares `SharedGrant` (RULEBOOK §3.6, WEP+): its money is
an entered grant of its own measure (`grant.measure` = the statute's name), which belongs to the
initiative and is booked in every month in which at least one person applies the statute; the
month's grant is shared by those people. Without such a grant each person's line is
`not_computable` and an `amount_unknown` alert says so.

The plan, the alerts, the line sums and the optimiser read the statutes with a `SharedGrant`
from the catalogue (`klaverblad.plan.shared_grants`), so that none of them names the statute.

A measure paid by the clients' vouchers declares `Voucher` (RULEBOOK §4.2): the hours of every
activity whose `payment` is the voucher's, in the months of the measure's window, and what the
rules ask of such an activity. The plan finds a payment's measures in the catalogue
(`klaverblad.rules.catalogue.voucher_measures`), the checks are `klaverblad.rules.vouchers`.

>>> shape = SharedGrant("x_applies", unknown="alert.x_unknown", rule="line_rule.x_grant")
>>> shape.component
'toelage'
>>> Voucher("pwa_cheque", memo=True, kinds="x.allowed_kinds").client_groups is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# The payments of an activity that are vouchers (a part of CONTRACT's `payment`, the file's
# `model.initiative.Payment`; `cash` and `invoice` are the client's own money).
VoucherPayment = Literal["dienstencheque", "pwa_cheque"]


@dataclass(frozen=True)
class SharedGrant:
    """The statute's money is an entered grant of its own measure, shared by its persons.

    - `applies`: the boolean WorkerMonth variable that says in which months a person applies
      the statute (eligible, employed, within its duration, while it pays);
    - `component`: the component of the person's `not_computable` line without a grant (and
      of the grant's line, the default grant component);
    - `unknown`: the id of the `amount_unknown` alert's message (marked `N_` in the measure's
      `spec.py`; its fields `{person}` and `{months}`);
    - `rule`: the id of the sentence that explains the grant's line (`line_rule.*`, marked `N_`
      in the measure's `spec.py`).
    """

    applies: str
    unknown: str
    rule: str
    component: str = "toelage"


@dataclass(frozen=True)
class Voucher:
    """The measure's money is the clients' vouchers that pay the hours of an activity whose
    `payment` is this one (RULEBOOK §4.2), in each month of the measure's window (its `paid`
    parameters; every month without them). Two measures of one payment (the PWA cheque and its
    successor the wijk-werkcheque) share its rules and book a month each by their windows.

    - `payment`: the activity's `payment` that these vouchers are;
    - `memo`: True when the vouchers pay workers who are not the initiative's (PWA workers,
      wijk-werkers): hours × the activity's price are memo lines, outside the initiative's
      accounts (RULEBOOK §1); False when they are the initiative's revenue, lines of the plan;
    - `kinds`: the list parameter of the kinds of activity the voucher may pay for;
    - `client_groups`: the list parameter of the only client groups it may serve (None: any);
    - `refused_client_groups`: client groups it never serves, in any month;
    - `recognition`: the promoter's recognition it needs (None: none);
    - `price_range`: the (lowest, highest) price per hour parameters that the activity's own
      price must lie within, in each month (None: no range);
    - `prices`: the (user price, exchange value) per hour parameters of a voucher whose price
      is the rules' (None: the activity's price is booked): the user pays the user price
      (component `gebruiker`), the public purse the rest (component `overheid`, its funder
      regionalised, RULEBOOK §1).

    A voucher is refused in a month that fails one of these (alert `voucher_not_allowed`), and
    a month before the first value of one of its parameters is not computable.
    """

    payment: VoucherPayment
    memo: bool
    kinds: str
    client_groups: str | None = None
    refused_client_groups: tuple[str, ...] = ()
    recognition: str | None = None
    price_range: tuple[str, str] | None = None
    prices: tuple[str, str] | None = None


# What a measure's `funding` may be: None (its components pay), a shared grant or a voucher.
Funding = SharedGrant | Voucher | None
