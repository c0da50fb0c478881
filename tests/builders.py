"""Small initiatives for tests, built from dicts so each test states only what it is about."""

from __future__ import annotations

import copy
from typing import Any

from klaverblad.model import Initiative, parse_initiative

BASE: dict[str, Any] = {
    "id": "test-initiative",
    "name": "Test initiative",
    "promoter": {"name": "vzw Test", "legal_form": "vzw", "municipality": "Kortrijk"},
    "recognitions": ["lde"],
    "horizon": {"start": "2006-01", "months": 12},
}

SINE_WORKER: dict[str, Any] = {
    "id": "w1",
    "role": "target",
    "birth_date": "1968-03-15",
    "diploma": "lager_secundair",
    "status": "uvw",
    "unemployed_months": 30,
    "start_date": "2006-01-01",
    "fte": 1.0,
    "monthly_wage_cost": 2100.00,
    # An allocated gesco post (RULEBOOK v1.2 §3.5), so that the GESCO cases of the tests stay
    # eligible as under v1.1; tests of a person without a post set it to False.
    "gesco_post": True,
}


def person(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(SINE_WORKER)
    data.update(changes)
    return data


def initiative_data(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    data.update(changes)
    return data


def initiative(**changes: Any) -> Initiative:
    return parse_initiative(initiative_data(**changes), source="test.yaml")
