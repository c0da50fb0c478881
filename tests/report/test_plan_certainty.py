"""Every output of a plan says how sure it is (docs/certainty.md): the JSON's `certainty`, the
terminal table and the PDF. BIK's figures are worked out by hand in
tests/advice/test_certainty.py (L: 34 085.19 of 147 545.19)."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest

from klaverblad.advice.alerts import Alert, plan_alerts
from klaverblad.locale import money
from klaverblad.model import load_initiative
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.report.plan_json import plan_to_dict
from klaverblad.report.plan_pdf import plan_to_pdf
from klaverblad.report.plan_table import render_plan_table

BIK = Path(__file__).resolve().parents[2] / "examples" / "bik-klusjesdienst.yaml"
SENTENCE_NL = "€ 34.085,19 van de € 147.545,19 rust op gereconstrueerde waarden (L)."


@pytest.fixture(scope="module")
def bik() -> tuple[FinancingPlan, list[Alert]]:
    plan = compute_plan(load_initiative(BIK))
    return plan, plan_alerts(plan)


def test_the_plan_json_ends_with_certainty_in_money_strings_and_grade_codes(
    bik: tuple[FinancingPlan, list[Alert]],
) -> None:
    document = plan_to_dict(*bik)
    assert list(document)[-1] == "certainty"
    assert document["schema"] == "klaverblad.plan/1"
    certainty = document["certainty"]
    assert certainty["funding"] == document["totals"]["funding"] == "147545.19"
    assert certainty["grades"] == {
        "H": "0.00",
        "M": "32600.00",
        "L": "34085.19",
        "entered": "80860.00",
    }
    assert sum(Decimal(v) for v in certainty["grades"].values()) == Decimal("147545.19")
    assert len(certainty["line_grades"]) == len(document["lines"])
    first = certainty["parameters"][0]
    assert first["parameter"] == "regionalisation.activation_measures_flemish"
    assert (first["grade"], first["amount"], first["range"]) == ("H", "48560.00", None)


def test_the_plan_json_gives_the_gap_at_both_ends_of_a_documented_range(
    bik: tuple[FinancingPlan, list[Alert]],
) -> None:
    plan = compute_plan(bik[0].initiative, start="2015-01")
    document = plan_to_dict(plan, [], "en")
    (exchange,) = [
        p
        for p in document["certainty"]["parameters"]
        if p["parameter"] == "dienstencheque.inruilwaarde"
    ]
    # 1 200 hours × (27.50 − 22.04) = 6 552.00 more funding at the high end.
    gap = Decimal(document["totals"]["gap"])
    assert exchange["range"]["low"] == 22.04 and exchange["range"]["high"] == 27.5
    assert Decimal(exchange["range"]["gap_low"]) == gap
    assert Decimal(exchange["range"]["gap_high"]) == gap - Decimal("6552.00")
    assert exchange["range"]["reason"].startswith("22.04 is the sourced value of 2014–2016")


def test_the_table_says_how_sure_the_plan_is(bik: tuple[FinancingPlan, list[Alert]]) -> None:
    # Amounts keep the euro sign and the figure together (a no-break space): read as spaces.
    text = " ".join(render_plan_table(*bik, width=200).split())
    assert "Hoe zeker is dit plan?" in text
    assert SENTENCE_NL in text
    english = " ".join(render_plan_table(*bik, language="en", width=200).split())
    assert "€34,085.19 of the €147,545.19 rests on reconstructed values (L)." in english


def test_the_pdf_says_how_sure_the_plan_is(bik: tuple[FinancingPlan, list[Alert]]) -> None:
    reader = pypdf.PdfReader(io.BytesIO(plan_to_pdf(*bik, "nl")))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    section = text[text.index("Hoe zeker is dit plan?") :]
    assert SENTENCE_NL in section
    assert "De vijf parameters waarop het meeste geld rust" in section


def test_the_pdf_draws_the_tornado_only_where_a_range_is_varied(
    bik: tuple[FinancingPlan, list[Alert]],
) -> None:
    def pdf_text(plan: FinancingPlan) -> str:
        reader = pypdf.PdfReader(io.BytesIO(plan_to_pdf(plan, [], "nl")))
        return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)

    caption = "Het tekort van het plan bij de laagste en de hoogste gedocumenteerde waarde"
    # BIK in 2006–2007: the exchange value's range (2014–2023) is not in force, no chart.
    assert caption not in pdf_text(bik[0])
    # Moved to 2015 the range is varied: the chart is drawn, with the bar's two gaps as the
    # table gives them (1 200 hours × 5,46 apart).
    moved = compute_plan(bik[0].initiative, start="2015-01")
    text = pdf_text(moved)
    assert caption in text
    low, high = moved.totals.gap_cents - 655_200, moved.totals.gap_cents
    for cents in (low, high):
        # In the parameters' table and at the bar's end (the text's spaces made plain).
        assert text.count(" ".join(money(cents, "nl").split())) >= 2
