"""`klaverblad explain --person` gives the duration of a statute that runs in calendar quarters
from the quarter of hire in quarters (RULEBOOK v1.2 §3.8 individueel maatwerk: 8 for the 2j
package, else 20; §3.9 the doelgroepvermindering zonder werkervaring: 4; §3.10 the VOP: 20
onbepaald, 8 bepaald), and that of the others in months of employment as before."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from klaverblad.advice.explain import explain_person
from klaverblad.report.explain_text import render_explanation
from tests.builders import initiative, initiative_data, person

VZW = {"name": "vzw Test", "legal_form": "vzw", "municipality": "Kortrijk"}
# Full time, 34 at the start, 30 months unemployed, hired by a vzw on 2024-06-01.
WORKER = {
    "birth_date": "1990-01-15",
    "status": "nwwz",
    "unemployed_months": 30,
    "start_date": "2024-06-01",
    "gesco_post": False,
}


def measures_of(**decisions: Any) -> dict[str, dict[str, Any]]:
    data = initiative(
        people=[person(**WORKER, **decisions)],
        promoter=VZW,
        recognitions=[],
        horizon={"start": "2024-06", "months": 12},
    )
    explained = explain_person(data, "w1", language="nl")
    return {measure["measure"]: measure for measure in explained["measures"]}


@pytest.mark.parametrize(
    ("decisions", "statute", "quarters"),
    [
        ({"maatwerk_pakket": "5j_loonpremie"}, "maatwerk", 20),
        ({"maatwerk_pakket": "2j"}, "maatwerk", 8),
        ({"vop": "onbepaald"}, "vop", 20),
        ({"vop": "bepaald"}, "vop", 8),
        ({}, "dgv_zonder_werkervaring", 4),
    ],
)
def test_a_statute_that_runs_in_quarters_gives_its_duration_in_quarters(
    decisions: dict[str, Any], statute: str, quarters: int
) -> None:
    measure = measures_of(**decisions)[statute]
    assert measure["duration_quarters"] == quarters
    assert "duration_months" not in measure


def test_a_statute_that_runs_in_months_still_gives_months() -> None:
    # Activa Start (RULEBOOK §3.4.1): 24 months of employment.
    assert measures_of()["activa_start"]["duration_months"] == 24
    assert "duration_quarters" not in measures_of()["activa_start"]


def test_the_text_says_the_duration_is_in_calendar_quarters_in_both_languages() -> None:
    data = initiative(
        people=[person(**WORKER, maatwerk_pakket="2j")],
        promoter=VZW,
        recognitions=[],
        horizon={"start": "2024-06", "months": 12},
    )
    dutch = render_explanation(explain_person(data, "w1", "maatwerk", language="nl"), "nl")
    english = render_explanation(explain_person(data, "w1", "maatwerk", language="en"), "en")
    assert "  duur (kalenderkwartalen vanaf het kwartaal van aanwerving): 8" in dutch.splitlines()
    assert "  duration (calendar quarters from the quarter of hire): 8" in english.splitlines()


VOP_ONLY = ("--person", "w1", "--measure", "vop", "--format", "json")


def test_the_explain_command_gives_the_vop_duration_in_quarters(tmp_path: Path) -> None:
    path = tmp_path / "vop.json"
    data = initiative_data(
        people=[person(**{**WORKER, "start_date": "2023-01-01"}, vop="bepaald")],
        promoter=VZW,
        recognitions=[],
        horizon={"start": "2023-01", "months": 12},
    )
    path.write_text(json.dumps(data), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "klaverblad", "explain", str(path), *VOP_ONLY],
        capture_output=True,
        text=True,
        check=True,
    )
    (vop,) = json.loads(result.stdout)["measures"]
    # A VOP of fixed duration: 20 % in quarters 1–8 (RULEBOOK §3.10).
    assert vop["duration_quarters"] == 8
