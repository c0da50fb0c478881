"""A portfolio is the sum of its plans, computed in one simulation (issue step 2, item 5)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from klaverblad.advice import portfolio
from klaverblad.advice.portfolio import compute_portfolio, summarise
from klaverblad.model import load_initiative, parse_initiative
from klaverblad.model.months import parse_month
from klaverblad.plan.financing_plan import Horizon, compute_plan, compute_plans
from klaverblad.report.plan_json import plan_to_dict
from klaverblad.rules import baseline_system
from klaverblad.rules.reforms import reformed_system
from tests.builders import initiative, initiative_data, person
from tests.strategies import Data, initiative_documents

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_plans_from_one_shared_simulation_equal_the_plans_computed_alone() -> None:
    initiatives = [load_initiative(path) for path in sorted(EXAMPLES.glob("*.yaml"))]
    # An initiative without people, with its own horizon, in the same batch.
    initiatives.append(initiative(id="empty", horizon={"start": "2010-05", "months": 7}))
    result = compute_portfolio(initiatives, baseline_system())
    for each in initiatives:
        alone = compute_plan(each)
        figures = result.baseline.initiatives[each.id]
        assert (figures.costs, figures.funding) == (
            alone.totals.costs_cents,
            alone.totals.funding_cents,
        )
    assert result.baseline.total.funding == sum(
        compute_plan(each).totals.funding_cents for each in initiatives
    )
    assert sum(result.baseline.leaves.values()) == result.baseline.total.funding
    assert sum(result.baseline.funders.values()) == result.baseline.total.funding


def test_a_portfolio_summed_chunk_by_chunk_equals_one_summed_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Nine initiatives (the examples and an empty one) in chunks of two: five simulations,
    # each chunk's plans summed and let go; the sums are those of the plans made alone.
    initiatives = [load_initiative(path) for path in sorted(EXAMPLES.glob("*.yaml"))]
    initiatives.append(initiative(id="empty", horizon={"start": "2010-05", "months": 7}))
    whole = summarise([compute_plan(each) for each in initiatives])
    monkeypatch.setattr(portfolio, "CHUNK", 2)
    told: list[int] = []
    result = compute_portfolio(initiatives, baseline_system(), progress=told.append)
    assert result.baseline == whole
    # Progress counts the plans of the scenario, across the chunks.
    assert told == list(range(1, len(initiatives) + 1))
    assert result.rules_version == compute_plan(initiatives[0]).rules_version


@settings(max_examples=30)
@given(st.lists(initiative_documents(), min_size=2, max_size=5))
def test_generated_initiatives_planned_together_book_what_each_books_alone(
    documents: list[Data],
) -> None:
    # The plans of one shared simulation (the portfolio's path: stacked inputs, one statute
    # run, the rules' answers kept per horizon) line for line and cent for cent as each plan
    # made alone, on initiatives with their own horizons.
    initiatives = [
        parse_initiative({**document, "id": f"i{index}"}, source="generated.yaml")
        for index, document in enumerate(documents)
    ]
    items = [(i, Horizon(parse_month(i.horizon.start), i.horizon.months)) for i in initiatives]
    together = compute_plans(items, baseline_system())
    for each, plan in zip(initiatives, together, strict=True):
        alone = compute_plan(each)
        assert plan_to_dict(plan, []) == plan_to_dict(alone, [])


def test_a_reform_shows_baseline_reform_difference_and_who_gains() -> None:
    # Under lde-koppeling-sine the LDE initiative's full-time SINE worker brings 1 200 more in
    # 2006; the initiative without LDE recognition gains nothing.
    lde = initiative(id="lde", people=[person()])
    other = initiative(id="other", recognitions=["swp"], people=[person()])
    result = compute_portfolio(
        [lde, other],
        baseline_system(),
        reformed_system(("lde-koppeling-sine",)),
        ("lde-koppeling-sine",),
    )
    assert result.change("lde") == 120_000
    assert result.change("other") == 0
    assert (result.gaining(), result.losing()) == (["lde"], [])
    assert result.reform is not None
    assert result.reform.leaves["I"] - result.baseline.leaves["I"] == 120_000


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "klaverblad", *args], capture_output=True, text=True, check=False
    )


def test_portfolio_from_the_command_line_in_json_csv_and_table(tmp_path: Path) -> None:
    for name in ("a", "b"):
        data = initiative_data(id=name, people=[person()])
        (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    result = run("portfolio", str(tmp_path), "--format", "json", "--reform", "lde-koppeling-sine")
    document = json.loads(result.stdout)
    assert document["schema"] == "klaverblad.portfolio/1"
    assert [row["id"] for row in document["initiatives"]] == ["a", "b"]
    assert document["initiatives"][0]["funding_change"] == "1200.00"
    assert document["difference"]["gaining"] == ["a", "b"]
    csv_lines = run("portfolio", str(tmp_path / "a.yaml"), "--format", "csv").stdout.splitlines()
    assert csv_lines == [
        "id,name,municipality,costs,funding,gap",
        "a,Test initiative,Kortrijk,25200.00,10000.00,15200.00",
    ]
    table = run("portfolio", str(tmp_path), "--lang", "en").stdout
    assert "Per funder" in table and "€20,000.00" in table


def test_every_bad_file_is_reported_and_nothing_is_computed(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(yaml.safe_dump(initiative_data(id="good")), encoding="utf-8")
    twin = tmp_path / "twin.yaml"
    twin.write_text(yaml.safe_dump(initiative_data(id="good")), encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(initiative_data(id="Bad!")), encoding="utf-8")
    result = run("portfolio", str(good), str(twin), str(bad))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{twin}: id: 'good' is also the id in {good}",
        f"{bad}: id: must contain only lower-case letters, digits and '-'",
    ]


def test_the_portfolio_table_names_a_client_group_that_pays_in_words_not_by_its_code() -> None:
    # twe-ocmw-2017's shopping service is paid in cash by the client group `kansarm`:
    # the Dutch table says "kansarme gezinnen", the English one "low-income households".
    files = [str(EXAMPLES / "twe-ocmw-2017.yaml")]
    dutch = run("portfolio", *files).stdout
    english = run("portfolio", *files, "--lang", "en").stdout
    funders_nl = dutch.split("Per financier", 1)[1].split("Per jaar", 1)[0]
    funders_en = english.split("Per funder", 1)[1].split("Per year", 1)[0]
    assert "kansarme gezinnen" in funders_nl and "│ kansarm " not in funders_nl
    assert "low-income" in funders_en and "│ kansarm " not in funders_en
