"""schemathesis against the JSON API, from the API's own (tightened) OpenAPI schema.

    .venv/bin/python -m benchmarks.fuzz_schemathesis [--requests 10000] [--negative 0.2]
        [--seed 1]

The app runs in-process (ASGI, a fresh migrated SQLite in a temporary folder). Requests are
generated for every operation of /api/openapi.json, in proportion to `WEIGHTS`: in positive
mode (bodies the schema allows: they should reach the computation) and, for `--negative` of
them, in negative mode (bodies the schema forbids: they must be refused with a 4xx). The API
keeps no state between requests (its schema has no links), so there is no stateful phase: it
would only repeat these requests.

JSON Schema cannot state the rules between fields of an initiative (unique ids, a birth date
before the start date, an agreement naming one of the activities, `from` before `until`, the
person `explain` names being one of the people, weights summing to 1; the schema's description
lists them). Unless `--no-repair`, each positive body is mended for those rules only
(`repair`), so that it reaches the computation; every other value is the generator's.

Counted: requests, 5xx (must be 0), and the share that reached a computed plan — a 200 of
/api/plan, /api/explain, /api/portfolio or /api/optimise — overall and among the positive
requests; per operation the statuses. One summary line at the end; the exit status is 1 on any
5xx (the first few are printed with their bodies, to reproduce them). Everything goes to
standard output, the summary last (`benchmarks/fuzz.py`, `make fuzz`, reads that line).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PLAN_OPERATIONS = (
    "POST /api/plan",
    "POST /api/explain",
    "POST /api/portfolio",
    "POST /api/optimise",
)
# The share of the requests each operation gets: the ones that compute plans first.
WEIGHTS = {
    "POST /api/plan": 0.30,
    "POST /api/explain": 0.20,
    "POST /api/portfolio": 0.15,
    "POST /api/optimise": 0.15,
    "POST /api/rank": 0.15,
    "GET /api/measures": 0.05,
}
SHOWN_FAILURES = 5
LDE_LEGAL_FORMS = ("vzw", "ocmw", "gemeente", "intercommunale", "cooperatie")


def _unique(items: list[Any], key: str) -> None:
    seen: set[Any] = set()
    for index, item in enumerate(items):
        if isinstance(item, dict) and isinstance(item.get(key), str):
            if item[key] in seen:
                item[key] = f"{item[key][:90]}~{index}"
            seen.add(item[key])


def _repair_initiative(initiative: Any) -> None:
    """Mend one generated initiative for the cross-field rules of klaverblad.model.consistency."""
    import datetime

    if not isinstance(initiative, dict):
        return
    people = [p for p in initiative.get("people") or [] if isinstance(p, dict)]
    activities = [a for a in initiative.get("activities") or [] if isinstance(a, dict)]
    _unique(people, "id")
    _unique(activities, "id")
    for person in people:
        keys = [
            k for k in ("birth_date", "start_date", "end_date") if isinstance(person.get(k), str)
        ]
        days = sorted(person[k] for k in keys)
        person.update(zip(keys, days, strict=True))
        if "birth_date" in keys and "start_date" in keys and days[0] == days[1]:
            birth = datetime.date.fromisoformat(person["birth_date"])
            if birth.year > 1900 or birth.timetuple().tm_yday > 1:
                person["birth_date"] = (birth - datetime.timedelta(days=1)).isoformat()
    for index, agreement in enumerate(initiative.get("agreements") or []):
        if isinstance(agreement, dict) and agreement.get("activity") is not None:
            if activities:
                agreement["activity"] = activities[index % len(activities)]["id"]
            else:
                agreement.pop("activity")
                agreement["amount_per_year"] = agreement.pop("amount_per_hour", None) or 0
    for grant in initiative.get("grants") or []:
        mixed = isinstance(grant, dict) and grant.get("from") and grant.get("until")
        if mixed and grant["until"] < grant["from"]:
            grant["from"], grant["until"] = grant["until"], grant["from"]
    promoter = initiative.get("promoter")
    lde = "lde" in (initiative.get("recognitions") or [])
    if lde and isinstance(promoter, dict) and promoter.get("legal_form") not in LDE_LEGAL_FORMS:
        promoter["legal_form"] = "vzw"


def repair(label: str, body: Any) -> Any:
    """The body mended for the rules between fields that JSON Schema cannot state."""
    if not isinstance(body, dict):
        return body
    _repair_initiative(body.get("initiative"))
    initiatives = body.get("initiatives")
    if isinstance(initiatives, list):
        for initiative in initiatives:
            _repair_initiative(initiative)
        _unique(initiatives, "id")
    if label == "POST /api/explain" and isinstance(body.get("initiative"), dict):
        people = [p for p in body["initiative"].get("people") or [] if isinstance(p, dict)]
        if isinstance(body.get("person"), str):
            if people:
                body["person"] = people[len(body["person"]) % len(people)]["id"]
            else:
                body.pop("person")
                body.pop("measure", None)
                body.pop("month", None)
                body["lines"] = True
        if isinstance(body.get("line"), int):
            body["line"] = 0
    if label == "POST /api/optimise" and isinstance(body.get("initiative"), dict):
        people = [p for p in body["initiative"].get("people") or [] if isinstance(p, dict)]
        fixed = body.get("fixed")
        if isinstance(fixed, dict):
            body["fixed"] = {
                person["id"]: statute
                for person, statute in zip(people, fixed.values(), strict=False)
            }
        caps = body.get("budget_cap")
        if isinstance(caps, dict):
            body["budget_cap"] = {k: v for k, v in caps.items() if k in ("federaal", "Vlaams")}
    weights = body.get("weights")
    if label == "POST /api/rank" and isinstance(weights, dict):
        youth = weights.get("youth")
        if isinstance(youth, int | float):
            weights["general"] = 1 - youth
    return body


@dataclass
class Tally:
    statuses: dict[str, Counter[int]] = field(default_factory=dict)
    positive: Counter[str] = field(default_factory=Counter)
    positive_reached: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    slowest: tuple[float, str] = (0.0, "")

    def record(self, label: str, mode: str, status: int, seconds: float, case: Any) -> None:
        self.statuses.setdefault(label, Counter())[status] += 1
        if mode == "positive":
            self.positive[label] += 1
            if status == 200 and label in PLAN_OPERATIONS:
                self.positive_reached[label] += 1
        if seconds > self.slowest[0]:
            self.slowest = (seconds, label)
        if status >= 500 and len(self.failures) < SHOWN_FAILURES:
            body = case.body if not isinstance(case.body, bytes) else case.body[:2000]
            self.failures.append(f"{label} → {status}: {json.dumps(body, default=str)[:2000]}")

    @property
    def total(self) -> int:
        return sum(sum(counter.values()) for counter in self.statuses.values())

    @property
    def server_errors(self) -> int:
        return sum(n for c in self.statuses.values() for status, n in c.items() if status >= 500)

    @property
    def reached(self) -> int:
        return sum(self.statuses.get(label, Counter())[200] for label in PLAN_OPERATIONS)


def _schema(folder: Path) -> Any:
    import schemathesis
    from tests.web.conftest import migrated_settings

    from klaverblad.web import create_app

    app = create_app(migrated_settings(folder))
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


def _fuzz(
    operation: Any, mode: Any, count: int, seed: int, tally: Tally, mend: bool = True
) -> None:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed

    label = f"{operation.method.upper()} {operation.path}"
    sent = 0

    @hypothesis_seed(seed)
    @settings(
        max_examples=count,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(operation.as_strategy(generation_mode=mode))
    def send(case: Any) -> None:
        nonlocal sent
        if sent >= count:
            return
        sent += 1
        if mend and mode.value == "positive":
            case.body = repair(label, case.body)
        started = time.perf_counter()
        response = case.call()
        tally.record(label, mode.value, response.status_code, time.perf_counter() - started, case)

    send()
    # Hypothesis may stop early when it runs out of distinct examples; top up with new seeds.
    if sent < count and count - sent > 0 and seed < 10_000:
        _fuzz(operation, mode, count - sent, seed + 7919, tally, mend)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=10_000, help="requests in all")
    parser.add_argument(
        "--negative", type=float, default=0.1, help="share of negative-mode requests (0 to 1)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--no-repair",
        action="store_true",
        help="send the positive bodies as generated (most break a rule between fields)",
    )
    arguments = parser.parse_args(argv)
    if not 1 <= arguments.requests <= 1_000_000 or not 0 <= arguments.negative <= 1:
        parser.error("--requests must be 1 to 1 000 000 and --negative 0 to 1")
    warnings.simplefilter("ignore")
    logging.getLogger("klaverblad.web").setLevel(logging.CRITICAL)
    from schemathesis import GenerationMode

    tally = Tally()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="klaverblad-fuzz-") as folder:
        schema = _schema(Path(folder))
        operations = {
            f"{result.ok().method.upper()} {result.ok().path}": result.ok()
            for result in schema.get_all_operations()
        }
        for label, weight in WEIGHTS.items():
            share = round(arguments.requests * weight)
            negative = round(share * arguments.negative)
            for mode, count in (
                (GenerationMode.POSITIVE, share - negative),
                (GenerationMode.NEGATIVE, negative),
            ):
                if count:
                    _fuzz(
                        operations[label],
                        mode,
                        count,
                        arguments.seed,
                        tally,
                        not arguments.no_repair,
                    )
            counts = tally.statuses.get(label, Counter())
            print(f"  {label}: {dict(sorted(counts.items()))}", flush=True)
    elapsed = time.perf_counter() - started
    positive = sum(tally.positive[label] for label in PLAN_OPERATIONS)
    positive_reached = sum(tally.positive_reached.values())
    for failure in tally.failures:
        print(f"5xx: {failure}")
    print(
        f"schemathesis: {tally.total} requests in {elapsed:.0f} s, {tally.server_errors} × 5xx, "
        f"{tally.reached / max(tally.total, 1):.0%} reached a computed plan "
        f"({positive_reached / max(positive, 1):.0%} of the positive requests to the plan "
        f"endpoints), slowest {tally.slowest[0]:.2f} s ({tally.slowest[1]})"
    )
    return 1 if tally.server_errors else 0


if __name__ == "__main__":
    sys.exit(main())
