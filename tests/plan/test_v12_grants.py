"""The v1.2 grants (RULEBOOK §4.1, §6, §6.1): `lde_tijdelijke_vergoeding`,
`ald_werkingssubsidie` and `gesco_regularisatie` are booked only inside their windows (and with
the recognition they need); their months inside from/until and the horizon but outside the
window raise `measure_closed`; without an entry they are absent (no `not_computable` line, no
`amount_unknown`). Every grant is read as data from its measure folder. Figures by hand."""

from __future__ import annotations

from typing import Any

import pytest

from klaverblad.advice.alerts import plan_alerts
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.plan.initiative_lines import grant_rule
from klaverblad.rules import baseline_system
from tests.builders import initiative


def _grant(measure: str, **changes: Any) -> dict[str, Any]:
    # 1 200.00 a year: 100.00 a month.
    return {"measure": measure, "funder": "Vlaams", "amount_per_year": 1200, **changes}


def _plan(start: str, months: int, grants: list[dict[str, Any]], **changes: Any) -> Any:
    return compute_plan(
        initiative(horizon={"start": start, "months": months}, grants=grants, **changes)
    )


def _booked(plan: Any, measure: str) -> list[tuple[int, str, str, int, str]]:
    return [
        (line.year, line.leaf, line.funder, line.cents, line.status)
        for line in plan.lines
        if line.measure == measure
    ]


def _closed(plan: Any) -> list[tuple[Any, Any, Any]]:
    return [
        (a.details["measure"], a.details["side"], a.details["months"])
        for a in plan_alerts(plan)
        if a.code == "measure_closed"
    ]


def _month(label: str) -> int:
    year, month = label.split("-")
    return int(year) * 12 + int(month) - 1


def test_the_lde_tijdelijke_vergoeding_opens_in_2023_07_and_the_months_before_are_closed() -> None:
    # 2023-05 … 2023-08: booked 2023-07 and 2023-08 = 2 × 100.00 = 200.00, leaf I, Vlaams.
    plan = _plan("2023-05", 4, [_grant("lde_tijdelijke_vergoeding")])
    assert _booked(plan, "lde_tijdelijke_vergoeding") == [(2023, "I", "Vlaams", 20000, "entered")]
    assert (
        "lde_tijdelijke_vergoeding",
        "not_yet_open",
        [_month("2023-05"), _month("2023-06")],
    ) in (_closed(plan))


def test_the_lde_tijdelijke_vergoeding_ends_after_2029_06() -> None:
    # 2029-05 … 2029-08: booked 2029-05 and 2029-06 = 200.00; 2029-07 and 2029-08 closed.
    plan = _plan("2029-05", 4, [_grant("lde_tijdelijke_vergoeding")])
    assert _booked(plan, "lde_tijdelijke_vergoeding") == [(2029, "I", "Vlaams", 20000, "entered")]
    assert _closed(plan) == [
        ("lde_tijdelijke_vergoeding", "closed", [_month("2029-07"), _month("2029-08")])
    ]


def test_the_lde_tijdelijke_vergoeding_needs_the_recognition_lde() -> None:
    plan = _plan("2024-01", 3, [_grant("lde_tijdelijke_vergoeding")], recognitions=[])
    assert _booked(plan, "lde_tijdelijke_vergoeding") == []


def test_the_ald_werkingssubsidie_runs_from_2023_07_to_2025_12() -> None:
    # 2023-06 … 2023-07: only 2023-07 = 100.00; 2025-11 … 2026-02: 2025-11 and -12 = 200.00.
    opening = _plan("2023-06", 2, [_grant("ald_werkingssubsidie")], recognitions=[])
    assert _booked(opening, "ald_werkingssubsidie") == [(2023, "I", "Vlaams", 10000, "entered")]
    assert _closed(opening) == [("ald_werkingssubsidie", "not_yet_open", [_month("2023-06")])]
    closing = _plan("2025-11", 4, [_grant("ald_werkingssubsidie")], recognitions=[])
    assert _booked(closing, "ald_werkingssubsidie") == [(2025, "I", "Vlaams", 20000, "entered")]
    assert _closed(closing) == [
        ("ald_werkingssubsidie", "closed", [_month("2026-01"), _month("2026-02")])
    ]


@pytest.mark.parametrize("legal_form", ["gemeente", "ocmw", "intercommunale"])
def test_gesco_regularisatie_opens_in_2015_04_for_a_lokaal_bestuur(legal_form: str) -> None:
    # 2015-03 … 2015-04: only 2015-04 = 100.00; 2015-03 is before the window.
    promoter = {"name": "Stad", "legal_form": legal_form, "municipality": "Gent"}
    plan = _plan("2015-03", 2, [_grant("gesco_regularisatie")], promoter=promoter, recognitions=[])
    assert _booked(plan, "gesco_regularisatie") == [(2015, "I", "Vlaams", 10000, "entered")]
    assert _closed(plan) == [("gesco_regularisatie", "not_yet_open", [_month("2015-03")])]


def test_gesco_regularisatie_opens_in_2016_01_for_other_promoters() -> None:
    # A vzw, 2015-12 … 2016-01: only 2016-01 = 100.00 (the ex-gesco means, RULEBOOK §4.1).
    plan = _plan("2015-12", 2, [_grant("gesco_regularisatie")], recognitions=[])
    assert _booked(plan, "gesco_regularisatie") == [(2016, "I", "Vlaams", 10000, "entered")]


def test_a_vzws_gesco_regularisatie_in_2015_is_not_yet_open_for_it() -> None:
    # A vzw, 2015-04 … 2016-01: the lokaal-bestuur window (from 2015-04) is not the vzw's;
    # 2015-04 … 2015-12 book nothing and raise measure_closed (not yet open), 2016-01 = 100.00.
    plan = _plan("2015-04", 10, [_grant("gesco_regularisatie")], recognitions=[])
    assert _booked(plan, "gesco_regularisatie") == [(2016, "I", "Vlaams", 10000, "entered")]
    assert _closed(plan) == [
        ("gesco_regularisatie", "not_yet_open", list(range(_month("2015-04"), _month("2016-01"))))
    ]


def test_a_v12_grant_follows_its_degression_and_its_from_until() -> None:
    # 2024-01 … 2025-12, factors [1.0, 0.5], until 2025-06: 2024 = 12 × 100.00 = 1 200.00,
    # 2025 = 6 × 50.00 = 300.00 (the second plan year at half).
    grant = _grant("lde_tijdelijke_vergoeding", degression=[1.0, 0.5], until="2025-06")
    plan = _plan("2024-01", 24, [grant])
    assert _booked(plan, "lde_tijdelijke_vergoeding") == [
        (2024, "I", "Vlaams", 120000, "entered"),
        (2025, "I", "Vlaams", 30000, "entered"),
    ]
    assert _closed(plan) == []


@pytest.mark.parametrize(
    "measure", ["lde_tijdelijke_vergoeding", "ald_werkingssubsidie", "gesco_regularisatie"]
)
def test_without_an_entry_a_v12_grant_is_absent_and_never_unknown(measure: str) -> None:
    # An lde promoter in 2024: LDE itself is closed, the v1.2 grants give nothing unasked.
    plan = _plan("2024-01", 12, [])
    assert plan.lines == []
    assert [a for a in plan_alerts(plan) if a.code == "amount_unknown"] == []
    assert grant_rule(baseline_system().parameters, measure).unknown_without_grant is False


def test_lde_months_without_a_grant_stay_not_computable_as_before() -> None:
    # An lde promoter in 2023-05 … 2023-08 without a grant: 2023-05 and -06 are in the LDE
    # window (to 2023-06-30), so one not_computable line for 2023 and amount_unknown.
    plan = _plan("2023-05", 4, [])
    assert _booked(plan, "lde") == [(2023, "I", "Vlaams", 0, "not_computable")]
    (alert,) = [a for a in plan_alerts(plan) if a.code == "amount_unknown"]
    assert alert.details == {"measure": "lde", "months": [_month("2023-05"), _month("2023-06")]}
