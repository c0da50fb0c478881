"""The initiative-level alerts of RULEBOOK §6, each on both sides of its trigger."""

import json
import re
from pathlib import Path

import pytest

from klaverblad.advice.alert import Alert
from klaverblad.advice.alerts import plan_alerts
from klaverblad.model import load_initiative
from klaverblad.plan.financing_plan import compute_plan
from tests.builders import initiative, person

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def raised(code: str, **changes: object) -> list[Alert]:
    return [a for a in plan_alerts(compute_plan(initiative(**changes))) if a.code == code]


SUPERVISOR = person(id="s1", role="supervisor", diploma="hoger", status="geen", unemployed_months=0)
TEAM = [person(id=f"w{i}") for i in range(5)] + [SUPERVISOR]


def test_a_target_worker_who_cannot_switch_to_sine_in_an_lde_initiative_is_flagged() -> None:
    # Not low-skilled (hoger secundair): SINE fails on one condition only.
    (alert,) = raised("sine_not_eligible", people=[person(diploma="hoger_secundair")])
    assert (alert.severity, alert.subject) == ("warning", "w1")
    assert alert.details["failed_conditions"] == ["sine_low_skilled"]
    assert "laaggeschoold" in alert.message("nl")


def test_no_sine_alert_for_a_sine_worker_a_supervisor_or_outside_lde() -> None:
    assert raised("sine_not_eligible", people=[person(), SUPERVISOR]) == []
    assert raised("sine_not_eligible", recognitions=[], people=[person(diploma="hoger")]) == []


ACTIVITY = {"id": "a1", "hours_per_month": 10}


def test_vouchers_for_low_income_clients_are_flagged_and_for_others_not() -> None:
    voucher = {**ACTIVITY, "kind": "strijk", "payment": "dienstencheque"}
    recognitions = ["dienstencheque_onderneming"]
    (alert,) = raised(
        "voucher_unsuitable_for_low_income",
        recognitions=recognitions,
        activities=[{**voucher, "client_group": "kansarm"}],
    )
    assert alert.subject == "a1"
    assert (
        raised(
            "voucher_unsuitable_for_low_income",
            recognitions=recognitions,
            activities=[{**voucher, "client_group": "particulier"}],
        )
        == []
    )


def test_childcare_without_an_agreement_names_kind_en_gezin() -> None:
    childcare = {
        **ACTIVITY,
        "kind": "kinderopvang",
        "payment": "cash",
        "price_per_hour": 2,
        "client_group": "particulier",
    }
    (alert,) = raised("policy_domain_funder_missing", activities=[childcare])
    assert (alert.severity, alert.subject) == ("info", "a1")
    assert "Kind en Gezin" in alert.message("nl")
    agreement = {"funder": "Kind en Gezin", "domain": "kinderopvang", "amount_per_year": 1000}
    assert (
        raised("policy_domain_funder_missing", activities=[childcare], agreements=[agreement]) == []
    )


def test_an_lde_that_is_also_a_workshop_is_doubly_classified() -> None:
    (alert,) = raised("double_classification", recognitions=["lde", "swp"])
    assert alert.subject == "test-initiative"
    assert raised("double_classification", recognitions=["lde"]) == []
    assert raised("double_classification", recognitions=["swp"]) == []


def test_a_low_income_client_paying_more_than_the_voucher_user_price_is_flagged() -> None:
    # 2006 user price of a dienstencheque: 6.70. 6.71 is dearer, 6.70 is not.
    def cash(price: float) -> dict[str, object]:
        return {
            **ACTIVITY,
            "kind": "klusjes",
            "payment": "cash",
            "price_per_hour": price,
            "client_group": "kansarm",
        }

    (alert,) = raised("affordability", activities=[cash(6.71)])
    assert alert.details == {"price": 671, "dienstencheque_user_price": 670}
    assert raised("affordability", activities=[cash(6.70)]) == []


def test_more_than_ten_target_fte_per_supervisor_or_none_at_all_is_flagged() -> None:
    eleven = [person(id=f"w{i}") for i in range(11)]
    half_supervisor = {**SUPERVISOR, "fte": 0.5}
    # 5 target FTE per 0.5 supervisor FTE = 10: at the limit, not above it.
    assert raised("supervision_ratio", people=[*TEAM[:5], half_supervisor]) == []
    (alert,) = raised("supervision_ratio", people=[*eleven, SUPERVISOR])
    assert alert.details["limit"] == 10
    (alert,) = raised("supervision_ratio", people=[person()])
    assert len(alert.details["months"]) == 12  # type: ignore[arg-type]


def test_fewer_than_five_target_fte_is_a_fragmented_initiative() -> None:
    (alert,) = raised("fragmentation", people=[*TEAM[:4], SUPERVISOR])
    assert alert.details["largest_target_fte"] == 4
    assert raised("fragmentation", people=TEAM) == []


def _alert_texts(plan_start: str | None, months: int | None) -> list[str]:
    texts = []
    for path in sorted(EXAMPLES.glob("*.yaml")):
        plan = compute_plan(load_initiative(path), start=plan_start, months=months)
        for alert in plan_alerts(plan):
            texts += [*alert.messages.values(), json.dumps(alert.details, default=str)]
    return texts


@pytest.mark.parametrize(
    ("start", "months"), [(None, None), ("1900-01", 24), ("1969-07", 12), ("2200-12", 240)]
)
def test_no_alert_text_of_any_example_holds_nan_whatever_its_horizon(
    start: str | None, months: int | None
) -> None:
    for text in _alert_texts(start, months):
        assert not re.search(r"\bnan\b", text, re.IGNORECASE), text


def test_before_a_threshold_exists_its_alert_is_not_judged_and_after_it_is() -> None:
    small = initiative(
        horizon={"start": "1900-01", "months": 12},
        people=[person(start_date="1900-02-01", birth_date="1900-01-01")],
    )
    before = compute_plan(small)
    assert "fragmentation" not in [alert.code for alert in plan_alerts(before)]
    # The threshold is in force from 1970-01: a horizon that reaches it is judged by it.
    reaching = compute_plan(small, start="1969-07", months=12)
    (alert,) = [alert for alert in plan_alerts(reaching) if alert.code == "fragmentation"]
    assert alert.details["minimum"] == 5


def test_too_little_supervision_suggests_only_measures_that_take_new_hires_at_that_date() -> None:
    """Individueel maatwerk opened on 1 July 2023 (maatwerk/start_window.yaml): a 2006 plan
    is told of GESCO only, a 2027 plan of both; the ratio is in the locale's way."""
    (early,) = raised("supervision_ratio", people=[person()])
    assert "Voorzie een begeleider (bv. GESCO" in early.message("nl")
    assert "maatwerk" not in early.message("nl") and "maatwerk" not in early.message("en")
    late_person = person(start_date="2027-01-01")
    (late,) = raised(
        "supervision_ratio", horizon={"start": "2027-01", "months": 12}, people=[late_person]
    )
    assert "individueel maatwerk" in late.message("nl")
    assert "meer dan 10 VTE doelgroepwerknemers per VTE begeleider" in late.message("nl")
