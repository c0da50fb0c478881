"""The naive reference of issue 12 (`benchmarks/naive_reference`: plain Python, Decimal, month
by month, the parameter values read from the YAML files) books the same plan as Klaverblad's
`compute_plan`, to the cent: every line (by the line of CONTRACT §4 and its status), every memo
line, the years, the leaves, the totals, the statute choice and the break-even price.

Covered: lines of every status, `not_computable` ones included; not the alerts (the naive
reference computes none). Three departures of Klaverblad from RULEBOOK v1.2 that this reference
found were fixed in Klaverblad (client revenue's funder is its client group, §4.2; a
supervisor's maatwerk loonpremie is leaf II, §3.8; a dienstencheque month before 2004 books no
line and raises `measure_closed`, §1, §6).

The figures of the hand-made cases are worked out in the comments.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from benchmarks.naive_reference import naive_plan, naive_plan_json
from benchmarks.naive_reference.plan import NaivePlan
from hypothesis import given
from hypothesis import strategies as st

from klaverblad.model import Initiative, load_initiative, parse_initiative
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from tests.builders import initiative_data, person
from tests.strategies import Data, grants, initiative_documents

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.yaml"))
MONEY = re.compile(r"^-?\d+\.\d{2}$")
# (leaf, measure, component, funder, person, activity, year, status) -> cents
Lines = dict[tuple[Any, ...], int]


def _lines(lines: list[Any]) -> Lines:
    found: Lines = {}
    for line in lines:
        key = (
            line.leaf,
            line.measure,
            line.component,
            line.funder,
            line.person,
            line.activity,
            line.year,
            line.status,
        )
        assert key not in found, f"two lines {key}"
        found[key] = line.cents
    return found


def klaverblad_summary(plan: FinancingPlan) -> dict[str, Any]:
    return {
        "lines": _lines(plan.lines),
        "memo_lines": _lines(plan.memo_lines),
        "years": {
            y.year: (y.totals.costs_cents, y.totals.funding_cents, dict(y.leaves))
            for y in plan.years
        },
        "totals": (plan.totals.costs_cents, plan.totals.funding_cents, plan.totals.gap_cents),
        "leaves": dict(plan.leaves),
        "people": [(p.id, p.statute, p.chosen_by, p.eligible) for p in plan.people],
        "break_even": plan.break_even_cents,
    }


def naive_summary(plan: NaivePlan) -> dict[str, Any]:
    return {
        "lines": _lines(plan.lines),
        "memo_lines": _lines(plan.memo_lines),
        "years": {year: (costs, funding, leaves) for year, costs, funding, leaves in plan.years},
        "totals": (plan.totals["costs"], plan.totals["funding"], plan.totals["gap"]),
        "leaves": dict(plan.leaves),
        "people": [(p.id, p.statute, p.chosen_by, p.eligible) for p in plan.people],
        "break_even": plan.break_even_cents,
    }


def assert_same_plan(initiative: Initiative) -> None:
    expected = klaverblad_summary(compute_plan(initiative))
    found = naive_summary(naive_plan(initiative))
    for part, value in expected.items():
        assert found[part] == value, f"{part} differs"


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_the_naive_reference_books_every_example_as_klaverblad_does_to_the_cent(
    path: Path,
) -> None:
    assert_same_plan(load_initiative(path))


def test_there_are_the_eight_examples() -> None:
    assert len(EXAMPLES) == 8


@given(initiative_documents())
def test_the_naive_reference_books_generated_initiatives_as_klaverblad_does(
    document: Data,
) -> None:
    assert_same_plan(parse_initiative(document, source="generated.yaml"))


@st.composite
def with_decisions(draw: st.DrawFn) -> Data:
    """A generated initiative whose people also carry the v1.2 decisions and contract facts
    (GESCO post, maatwerk package, VOP, contract, quarterly wage) that `initiative_documents`
    leaves out, so that GESCO, VOP and the maatwerk packages can apply."""
    document = draw(initiative_documents())
    for entry in document.get("people", []):
        if draw(st.booleans()):
            entry["gesco_post"] = draw(st.booleans())
        if draw(st.booleans()):
            entry["maatwerk_pakket"] = draw(
                st.sampled_from(["2j", "5j_loonpremie", "5j_verhoogd", "5j_mwb"])
            )
        if draw(st.booleans()):
            entry["vop"] = draw(st.sampled_from(["onbepaald", "bepaald"]))
        if draw(st.booleans()):
            entry["contract_indefinite"] = draw(st.booleans())
        if draw(st.booleans()):
            entry["gross_quarterly_wage"] = draw(st.integers(1, 2_000_000)) / 100
    return document


@given(with_decisions())
def test_the_naive_reference_books_generated_initiatives_with_v12_decisions_as_klaverblad(
    document: Data,
) -> None:
    assert_same_plan(parse_initiative(document, source="generated.yaml"))


# Horizons start in years where a window opens or closes, or a value changes.
WINDOW_YEARS = [1999, 2002, 2005, 2006, 2008, 2012, 2014, 2015, 2016, 2017, 2018, 2019, 2020]
WINDOW_YEARS += [2022, 2023, 2024, 2025]
# Values on both sides of the rules' thresholds: ages, months of unemployment, FTE.
AGES = st.one_of(st.integers(17, 64), st.sampled_from([24, 25, 26, 35, 36, 44, 45, 49, 50, 55]))
UNEMPLOYED = st.one_of(st.integers(0, 72), st.sampled_from([5, 6, 11, 12, 17, 18, 23, 24, 36]))
FTES = st.sampled_from([1, 0.8, 0.7999, 0.5, 0.3, 0.2999, 0.275, 0.2749])
STATUSES = st.sampled_from(["uvw", "wachtuitkering", "leefloon", "financiele_hulp", "nwwz"])
PROMOTERS = st.sampled_from(
    [
        ("ocmw", []),
        ("ocmw", ["lde"]),
        ("vzw", ["lde"]),
        ("vzw", ["swp"]),
        ("vzw", []),
        ("gemeente", ["maatwerkbedrijf"]),
        ("gemeente", []),
        ("bedrijf", ["inschakelingsbedrijf"]),
        ("cooperatie", ["pwa"]),
        ("intercommunale", []),
        ("bedrijf", []),
        ("vzw", ["dienstencheque_onderneming"]),
    ]
)


@st.composite
def hired_around_the_horizon(draw: st.DrawFn) -> Data:
    """`with_decisions`, moved so that the statutes apply and their durations, bands and
    windows end inside the horizon: it starts in a year of `WINDOW_YEARS`, for an employer of
    the statutes; people start up to three years before it or inside it, unemployed, at ages,
    months of unemployment and FTE on both sides of the thresholds, some placed by the OCMW or
    with a GESCO post; grants around the new horizon."""
    document = draw(with_decisions())
    year, month = draw(st.sampled_from(WINDOW_YEARS)), draw(st.integers(1, 12))
    months = draw(st.integers(1, 60))
    document["horizon"] = {"start": f"{year:04d}-{month:02d}", "months": months}
    legal_form, recognitions = draw(PROMOTERS)
    document["promoter"]["legal_form"] = legal_form
    document["recognitions"] = recognitions
    first = date(year, month, 1)
    for entry in document.get("people", []):
        start = first + timedelta(days=draw(st.integers(-1100, months * 30)))
        entry["start_date"] = start.isoformat()
        birth = start - timedelta(days=draw(AGES) * 365 + draw(st.integers(0, 364)))
        entry["birth_date"] = birth.isoformat()
        if "end_date" in entry:
            entry["end_date"] = (start + timedelta(days=draw(st.integers(0, 1500)))).isoformat()
        entry["status"] = draw(STATUSES)
        entry["unemployed_months"] = draw(UNEMPLOYED)
        entry["placed_by_ocmw"] = draw(st.booleans())
        entry["gesco_post"] = draw(st.booleans())
        if draw(st.booleans()):
            entry["diploma"] = draw(st.sampled_from(["geen", "lager", "lager_secundair"]))
        if draw(st.booleans()):
            entry["fte"] = draw(FTES)
    document.pop("grants", None)
    funding = draw(grants(year * 12 + month - 1, months))
    if funding:
        document["grants"] = funding
    return document


@given(hired_around_the_horizon())
def test_the_naive_reference_books_people_hired_around_the_horizon_as_klaverblad(
    document: Data,
) -> None:
    assert_same_plan(parse_initiative(document, source="generated.yaml"))


def _amounts(plan: NaivePlan, **fields: Any) -> dict[tuple[str, int], int]:
    """(leaf, year) -> cents of the lines with the given field values."""
    return {
        (line.leaf, line.year): line.cents
        for line in plan.lines
        if all(getattr(line, name) == value for name, value in fields.items())
    }


def test_a_yearly_gesco_premium_of_half_a_cent_more_rounds_up_once_a_year() -> None:
    # Antwerpen s2: higher premium 13 163.15 × 0.5 FTE = 6 581.575 a year, paid 1/12 a month
    # (548.464583… below the 1 600 wage cost): 6 581.575 → 6 581.58 in 2006, 2007 and 2008.
    plan = naive_plan(load_initiative(EXAMPLES[0]))
    assert EXAMPLES[0].stem == "antwerpen-labour-for-neighbour"
    found = _amounts(plan, measure="gesco", person="s2")
    assert found == {("I", 2006): 658158, ("I", 2007): 658158, ("I", 2008): 658158}


def test_the_naive_bik_plan_costs_and_break_even_are_those_worked_by_hand() -> None:
    # 2006: wages 2 100 + 2 000 + 1 900 + 2 000 + 1 500 = 9 500 × 12 = 114 000 + 6 000 = 120 000;
    # 2007 (w2 left at the end of 2006): 7 500 × 12 + 6 000 = 96 000; together 216 000.
    plan = naive_plan(load_initiative(EXAMPLES[1]))
    assert EXAMPLES[1].stem == "bik-klusjesdienst"
    assert [(year, costs) for year, costs, _, _ in plan.years] == [
        (2006, 12_000_000),
        (2007, 9_600_000),
    ]
    assert plan.totals["costs"] == 21_600_000
    # Cash hours (80 + 40) × 24 = 2 880; cash revenue (160 + 40) × 24 = 4 800; funding
    # 147 545.19 (its lines); p = (216 000 − (147 545.19 − 4 800)) / 2 880 = 73 254.81 / 2 880
    # = 25.4357… → 25.44.
    assert plan.totals["funding"] == 14_754_519
    assert plan.break_even_cents == 2544


def test_client_revenue_names_its_client_group_as_its_funder() -> None:
    # RULEBOOK §4.2: 80 h × 2.00 × 12 = 1 920.00 from kansarm clients, component and funder.
    plan = naive_plan(load_initiative(EXAMPLES[1]))
    (line,) = [line for line in plan.lines if (line.activity, line.year) == ("kinderopvang", 2006)]
    assert (line.leaf, line.component, line.funder, line.cents) == (
        "III",
        "kansarm",
        "kansarm",
        192_000,
    )


def _worker(**changes: Any) -> dict[str, Any]:
    """A target worker aged 36 at a 2006 start, unemployed, low-skilled, full time."""
    return person(**{"birth_date": "1970-01-01", **changes})


NO_RECOGNITION: dict[str, Any] = {"recognitions": []}
OCMW = {"promoter": {"name": "OCMW", "legal_form": "ocmw", "municipality": "Gent"}}
# (what it shows, measure, initiative fields, {(leaf, component, funder, year): cents}), each
# figure worked out by hand in the comment above it.
CASES: list[tuple[str, str, dict[str, Any], dict[tuple[str, str, str, int], int]]] = [
    # uvw 12 months below 45: the 11-quarter band, 2006 Q1 … 2008 Q3. 2008: 3 × 1 000 and
    # 9 × 500 = 4 500, nothing after September.
    ("sine-short-band-ends-after-quarter-11", "sine",
     {"horizon": {"start": "2008-01", "months": 24},
      "people": [_worker(unemployed_months=12, statute="sine")]},
     {("II", "doelgroepvermindering", "federaal", 2008): 300_000,
      ("II", "herinschakelingsuitkering", "federaal", 2008): 450_000}),
    # Age 30: base 12, ceil(12 / 0.3) = 40 months, 2010-01 … 2013-04: in 2013, 4 × 911.93 × 0.3
    # = 1 094.316 → 1 094.32.
    ("art60-lasts-ceil-12-over-fte-months", "art60",
     {**OCMW, **NO_RECOGNITION, "horizon": {"start": "2013-01", "months": 12},
      "people": [_worker(birth_date="1980-01-01", status="leefloon", start_date="2010-01-01",
                         fte=0.3, statute="art60")]},
     {("II", "staatstoelage", "federaal", 2013): 109_432}),
    # A 2005 start keeps the 2002–2006 table: under 45 with 24 months, 36 months; 2007 holds
    # months 25 … 36: 12 × 500 = 6 000.
    ("activa-2005-start-has-36-months", "activa",
     {**NO_RECOGNITION, "horizon": {"start": "2007-01", "months": 12},
      "people": [_worker(unemployed_months=24, start_date="2005-01-01", statute="activa")]},
     {("II", "werkuitkering", "federaal", 2007): 600_000}),
    # 5 035.01 / 12 = 419.58… a month is capped at the wage cost 300: 12 × 300 = 3 600.
    ("gesco-premium-capped-at-the-wage-cost", "gesco",
     {**NO_RECOGNITION, "horizon": {"start": "2010-01", "months": 12},
      "people": [_worker(unemployed_months=8, start_date="2010-01-01", monthly_wage_cost=300,
                         statute="gesco")]},
     {("II", "premie", "Vlaams", 2010): 360_000}),
    # onbepaald from 2020 Q1: 2021 is q 5 … 8, no GGMMI yet so no cap: 3 × 40 % × 4 000
    # + 9 × 30 % × 4 000 = 4 800 + 10 800 = 15 600.
    ("vop-uncapped-before-the-ggmmi", "vop",
     {**NO_RECOGNITION, "horizon": {"start": "2021-01", "months": 12},
      "people": [_worker(start_date="2020-01-01", monthly_wage_cost=4000, vop="onbepaald",
                         statute="vop")]},
     {("II", "premie", "Vlaams", 2021): 1_560_000}),
    # FTE 0.5 < 0.80: 750 in month 4 (2018-05) and 1 800 in month 13 (2019-02); age 30 at the
    # end of the hiring quarter.
    ("aanwervingsincentive-reduced-premiums", "aanwervingsincentive",
     {**NO_RECOGNITION, "horizon": {"start": "2018-01", "months": 24},
      "people": [_worker(birth_date="1988-01-01", unemployed_months=24, start_date="2018-02-15",
                         fte=0.5, statute="aanwervingsincentive")]},
     {("II", "premie_3m", "Vlaams", 2018): 75_000, ("II", "premie_12m", "Vlaams", 2019): 180_000}),
    # 2j package: 20 % × min(2 000, 2 × 1 994.18) = 400 × 3 = 1 200 in leaf II also for a
    # supervisor (§3.8 names it); in 2024-03 (q 1) vast 1 200 and variabel laag 430 × 1, leaf I.
    ("maatwerk-loonpremie-of-a-supervisor-is-leaf-ii", "maatwerk",
     {"horizon": {"start": "2024-01", "months": 3},
      "people": [_worker(role="supervisor", start_date="2024-01-01", monthly_wage_cost=2000,
                         statute="maatwerk", maatwerk_pakket="2j", maatwerk_begeleiding="laag")]},
     {("II", "loonpremie", "Vlaams", 2024): 120_000,
      ("I", "begeleidingspremie_vast", "Vlaams", 2024): 120_000,
      ("I", "begeleidingspremie_variabel", "Vlaams", 2024): 43_000}),
    # The measure opens 2004-01-01: nothing for 2003; in 2004 100 h × 6.20 × 6 = 3 720 from the
    # users and 100 h × (21.00 − 6.20) × 6 = 8 880 public.
    ("dienstencheque-before-2004-has-no-line", "dienstencheque",
     {"recognitions": ["dienstencheque_onderneming"], "horizon": {"start": "2003-07", "months": 12},
      "people": [], "activities": [{"id": "dc", "kind": "huishoudhulp", "hours_per_month": 100,
                                    "payment": "dienstencheque", "client_group": "particulier"}]},
     {("III", "gebruiker", "gebruikers", 2004): 372_000,
      ("III", "overheid", "federaal", 2004): 888_000}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("measure", "fields", "expected"), [case[1:] for case in CASES], ids=[c[0] for c in CASES]
)
def test_the_naive_reference_books_the_hand_worked_cases(
    measure: str, fields: dict[str, Any], expected: dict[tuple[str, str, str, int], int]
) -> None:
    initiative = parse_initiative(initiative_data(**fields), source="case.yaml")
    plan = naive_plan(initiative)
    found = {
        (line.leaf, line.component, line.funder, line.year): line.cents
        for line in plan.lines
        if line.measure == measure
    }
    assert found == expected
    assert_same_plan(initiative)


def test_the_naive_plan_json_has_the_contract_keys_and_money_strings() -> None:
    data = json.loads(naive_plan_json(load_initiative(EXAMPLES[1])))
    assert set(data) == {
        "schema",
        "initiative",
        "horizon",
        "rules",
        "totals",
        "leaves",
        "years",
        "lines",
        "memo_lines",
        "people",
        "break_even_price",
    }
    assert data["horizon"] == {"start": "2006-01", "months": 24}
    assert data["totals"] == {"costs": "216000.00", "funding": "147545.19", "gap": "68454.81"}
    assert data["break_even_price"] == "25.44"
    for line in data["lines"] + data["memo_lines"]:
        assert MONEY.match(line["amount"]), line
    # PWA klusjes, 60 h × 4.95 × 12 = 3 564.00 a year, outside the initiative's accounts.
    assert [(m["measure"], m["year"], m["amount"]) for m in data["memo_lines"]] == [
        ("pwa", 2006, "3564.00"),
        ("pwa", 2007, "3564.00"),
    ]
