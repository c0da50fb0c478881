"""A synthetic but realistic initiative of N people over M months (fixed seed), for latency."""

from __future__ import annotations

import random
from typing import Any

from klaverblad.model import Initiative, parse_initiative

STATUSES = ("uvw", "leefloon", "wachtuitkering", "financiele_hulp", "nwwz")
DIPLOMAS = ("geen", "lager", "lager_secundair", "lager_secundair", "hoger_secundair")


def synthetic_initiative(people: int = 50, months: int = 60, seed: int = 2006) -> Initiative:
    """An OCMW-run LDE initiative from 2006 with target workers of every status, one
    supervisor per eight, starts up to four years before the horizon, some part-time, a GESCO
    post for every third person."""
    rng = random.Random(seed)
    persons: list[dict[str, Any]] = []
    for index in range(people):
        start_year = rng.randint(2002, 2007)
        persons.append(
            {
                "id": f"p{index:03d}",
                "role": "supervisor" if index % 8 == 0 else "target",
                "birth_date": f"{rng.randint(1950, 1985)}-{rng.randint(1, 12):02d}-15",
                "diploma": "hoger" if index % 8 == 0 else rng.choice(DIPLOMAS),
                "status": rng.choice(STATUSES),
                "unemployed_months": rng.randint(0, 72),
                "start_date": f"{start_year}-{rng.randint(1, 12):02d}-01",
                "end_date": None if rng.random() < 0.8 else f"{start_year + 3}-06-30",
                "fte": rng.choice([1.0, 1.0, 0.8, 0.5, 0.3]),
                "monthly_wage_cost": round(rng.uniform(1800, 3200), 2),
                "placed_by_ocmw": rng.random() < 0.2,
                # RULEBOOK v1.2 §3.5: GESCO only on an allocated post; every third person has
                # one (not drawn from `rng`, so the other fields stay as they were).
                "gesco_post": index % 3 == 1,
            }
        )
    data = {
        "id": "synthetic",
        "name": f"Synthetic initiative, {people} people × {months} months",
        "promoter": {"name": "OCMW Synthetic", "legal_form": "ocmw", "municipality": "Gent"},
        "recognitions": ["lde", "dienstencheque_onderneming"],
        "horizon": {"start": "2006-01", "months": months},
        "people": persons,
        "activities": [
            {
                "id": "klussen",
                "kind": "klusjes",
                "hours_per_month": 400,
                "payment": "cash",
                "price_per_hour": 8.5,
                "client_group": "kansarm",
            },
            {
                "id": "strijk",
                "kind": "strijk",
                "hours_per_month": 600,
                "payment": "dienstencheque",
                "client_group": "particulier",
            },
        ],
        "agreements": [
            {"funder": "Kind en Gezin", "domain": "kinderopvang", "amount_per_year": 12000}
        ],
        "grants": [
            {"measure": "lde", "funder": "Vlaams", "amount_per_year": 20000, "degression": [1, 0.8]}
        ],
        "costs": {"operating_per_year": 40000},
    }
    return parse_initiative(data, source="synthetic")
