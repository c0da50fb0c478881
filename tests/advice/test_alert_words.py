"""Alerts name measures and statutes in words, never by their codes (the codes stay in the
details of the JSON): 'w2 blijft op artikel 60 §7', 'stopt WEP+: toelage'."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from klaverblad.advice.alerts import plan_alerts
from klaverblad.model import load_initiative
from klaverblad.plan.financing_plan import compute_plan
from klaverblad.rules.catalogue import STATUTES

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))
# Codes with an underscore or a digit cannot be words of a sentence.
CODES = re.compile(
    r"\b(" + "|".join(c for c in STATUTES if "_" in c or any(ch.isdigit() for ch in c)) + r")\b"
)


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_no_alert_of_an_example_names_a_statute_by_its_code(path: Path) -> None:
    for alert in plan_alerts(compute_plan(load_initiative(path))):
        for language in ("nl", "en"):
            assert not CODES.search(alert.message(language)), alert.message(language)


def test_the_bik_alerts_name_art60_and_wep_plus_in_words() -> None:
    path = next(p for p in EXAMPLES if p.stem == "bik-klusjesdienst")
    messages = [a.message("nl") for a in plan_alerts(compute_plan(load_initiative(path)))]
    assert any("w2 blijft op artikel 60 §7" in message for message in messages)
    assert any("stopt WEP+: toelage voor w4" in message for message in messages)
