"""Which measure books a voucher's month is read from the windows of the measures of its payment
(`initiative_lines.voucher_owners`, RULEBOOK §4.2, §6.1), and whether its lines are memo lines
from its `Voucher` (§1): nothing in the plan names `pwa`, `wijk_werken` or `dienstencheque`."""

from __future__ import annotations

from typing import Any

import numpy

from klaverblad.model.months import parse_month
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.plan.initiative_lines import voucher_owners
from klaverblad.rules import baseline_system
from klaverblad.rules.catalogue import voucher_measures
from klaverblad.rules.employer_windows import Employer
from tests.builders import initiative

A_VZW = Employer("vzw", frozenset())


def _held(payment: str, *months: str) -> list[str | None]:
    measures = voucher_measures(payment)
    indexes = numpy.array([parse_month(month) for month in months])
    owner = voucher_owners(baseline_system().parameters, indexes, measures, A_VZW)
    return [measures[index].name if index >= 0 else None for index in owner]


def _plan(start: str, months: int, recognitions: list[str], **activity: Any) -> FinancingPlan:
    """A plan of one activity of 10 hours a month for a household."""
    fields = {"id": "a", "hours_per_month": 10, "client_group": "particulier", **activity}
    return compute_plan(
        initiative(
            recognitions=recognitions,
            horizon={"start": start, "months": months},
            activities=[fields],
        )
    )


def test_the_measures_of_a_pwa_cheque_are_pwa_until_2017_12_and_wijk_werken_from_2018_01() -> None:
    # pwa.valid: true from 1994-01-01, false from 2018-01-01; wijk_werken.valid: true from
    # 2018-01-01 (RULEBOOK §4.2: PWA workers to 2017-12, wijk-werkers from 2018-01).
    assert _held("pwa_cheque", "1994-01", "2017-11", "2017-12", "2018-01", "2018-02") == [
        "pwa",
        "pwa",
        "pwa",
        "wijk_werken",
        "wijk_werken",
    ]


def test_a_month_before_the_pwa_opened_is_held_by_no_measure() -> None:
    # 1993-12: neither window holds it (pwa.valid opens 1994-01-01): it books nothing and
    # raises measure_closed (the booking cases of rules/measures/pwa/booking.yaml).
    assert _held("pwa_cheque", "1993-12", "1994-01") == [None, "pwa"]


def test_the_dienstencheque_window_opens_in_2004_and_stays_open() -> None:
    # dienstencheque.valid: true from 2004-01-01 (RULEBOOK §4.2), no end.
    assert _held("dienstencheque", "2003-12", "2004-01", "2030-01") == [
        None,
        "dienstencheque",
        "dienstencheque",
    ]


def test_a_dienstencheque_books_lines_of_the_plan_and_no_memo_line() -> None:
    # 2006-01, 10 h of huishoudhulp for a household: user price 6.70 × 10 = 67.00 (gebruikers),
    # public part (21.00 − 6.70) × 10 = 143.00 (federaal before 2014-07), leaf III.
    plan = _plan(
        "2006-01", 1, ["dienstencheque_onderneming"], kind="huishoudhulp", payment="dienstencheque"
    )
    lines: list[tuple[Any, ...]] = [
        (line.leaf, line.measure, line.component, line.funder, line.cents) for line in plan.lines
    ]
    assert sorted(lines) == [
        ("III", "dienstencheque", "gebruiker", "gebruikers", 6700),
        ("III", "dienstencheque", "overheid", "federaal", 14300),
    ]
    assert plan.memo_lines == []
