"""The YAML booking cases of the measures booked at the initiative level (RULEBOOK §4: the
grants, the vouchers, the memo lines): `src/klaverblad/rules/measures/<name>/booking.yaml`.

The wage statutes are OpenFisca variables with OpenFisca's YAML tests (`tests.yaml`, collected
by `klaverblad/rules/conftest.py`). A grant or a voucher is booked by the plan from the
initiative's entries and the measure's dated parameters, not by a variable, so its rule cases
state an initiative and the plan's answer. Each case, named by a sentence:

- `initiative`: the fields that differ from the base initiative of `tests/builders.py`
  (a vzw in Kortrijk recognised `lde`, 2006-01 for 12 months);
- `lines` / `memo_lines`: every line of the measure (the folder's, or `measure:` of the case),
  in the plan's order, compared on the fields given (`amount` as in the plan JSON, "200.00");
  an empty list says the measure books nothing;
- `alerts`: alerts that must be raised, on their code, `subject` and the details given
  (months written "2023-05");
- `no_alerts`: codes that must not be raised.

The expected figures are worked out by hand in each case's comment, from the rulebook.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from klaverblad.advice.alert import Alert
from klaverblad.advice.alerts import plan_alerts
from klaverblad.model.money import format_cents
from klaverblad.model.months import parse_month
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.plan.ledger import Line
from klaverblad.rules.measures import INITIATIVE_MEASURE_NAMES
from tests.builders import initiative

MEASURES = Path(__file__).resolve().parents[2] / "src" / "klaverblad" / "rules" / "measures"
CASE_KEYS = {"name", "measure", "initiative", "lines", "memo_lines", "alerts", "no_alerts"}
LINE_FIELDS = set(Line._fields) - {"cents"} | {"amount"}


@dataclass(frozen=True)
class BookingCase:
    measure: str
    path: Path
    case: dict[str, Any]


def _cases() -> list[BookingCase]:
    found: list[BookingCase] = []
    for path in sorted(MEASURES.glob("*/booking.yaml")):
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))
        names: set[str] = set()
        for case in cases:
            unknown = set(case) - CASE_KEYS
            if unknown or not case.get("name") or case["name"] in names:
                raise ValueError(f"{path}: case {case.get('name')!r}: unknown keys {unknown}")
            names.add(case["name"])
            found.append(BookingCase(case.get("measure", path.parent.name), path, case))
    return found


CASES = _cases()


def _line_fields(line: Line, wanted: dict[str, Any]) -> dict[str, Any]:
    unknown = set(wanted) - LINE_FIELDS
    assert not unknown, f"unknown line fields {unknown}"
    values = {**line._asdict(), "amount": format_cents(line.cents)}
    return {name: values[name] for name in wanted}


def _expected_line(wanted: dict[str, Any]) -> dict[str, Any]:
    # YAML reads 2023 as a number and "200.00" as text; the plan's fields are the same kinds.
    return {name: str(value) if name == "amount" else value for name, value in wanted.items()}


def _check_lines(actual: list[Line], measure: str, expected: list[dict[str, Any]]) -> None:
    mine = [line for line in actual if line.measure == measure]
    assert [_line_fields(line, wanted) for line, wanted in zip(mine, expected, strict=False)] == [
        _expected_line(wanted) for wanted in expected
    ]
    assert len(mine) == len(expected), f"{len(mine)} lines of {measure}, {len(expected)} expected"


def _detail(name: str, value: Any) -> Any:
    if name == "months":
        return [parse_month(str(month)) for month in value]
    return value


def _matches(alert: Alert, wanted: dict[str, Any]) -> bool:
    if alert.code != wanted["code"]:
        return False
    if "subject" in wanted and alert.subject != wanted["subject"]:
        return False
    details = {k: v for k, v in wanted.items() if k not in ("code", "subject")}
    return all(alert.details.get(k) == _detail(k, v) for k, v in details.items())


def _plan(case: dict[str, Any]) -> FinancingPlan:
    return compute_plan(initiative(**case.get("initiative", {})))


@pytest.mark.parametrize("booking", CASES, ids=[c.case["name"] for c in CASES])
def test_a_measure_books_what_its_rule_case_says(booking: BookingCase) -> None:
    case = booking.case
    plan = _plan(case)
    if "lines" in case:
        _check_lines(plan.lines, booking.measure, case["lines"])
    if "memo_lines" in case:
        _check_lines(plan.memo_lines, booking.measure, case["memo_lines"])
    alerts = plan_alerts(plan)
    for wanted in case.get("alerts", []):
        assert any(_matches(alert, wanted) for alert in alerts), (
            f"no alert {wanted} among {[(a.code, a.subject, a.details) for a in alerts]}"
        )
    raised = {alert.code for alert in alerts}
    assert not raised & set(case.get("no_alerts", []))


def test_every_initiative_level_measure_with_dated_rules_has_booking_cases() -> None:
    # A measure booked by the plan whose rules are dated parameters (a window, prices) states
    # its cases in its folder; the statutes have OpenFisca's own YAML tests (`tests.yaml`).
    with_rules = {
        name for name in INITIATIVE_MEASURE_NAMES if (MEASURES / name / "parameters").is_dir()
    }
    assert {c.path.parent.name for c in CASES} == with_rules
