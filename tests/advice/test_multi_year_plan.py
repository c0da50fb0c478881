"""The multi-year plan 2026-2031 of a municipality: who receives and who pays, mapped to the
BBC 2020 structure, with every figure worked out by hand (docs/multi-year-plan.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from klaverblad.advice.multi_year_plan import (
    YEARS,
    UnknownMunicipalityError,
    compute_multi_year_plan,
    funder_kind,
)
from klaverblad.model import load_initiative
from klaverblad.plan.financing_plan import compute_plan
from tests.builders import initiative

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

# Three sources of money, the same in both cases below:
# - a grant of 1 800,00 a year from the federal government (art60_verhoogd, leaf II);
# - an agreement with "Stad Aalst (milieudienst)" of 4 800,00 a year (leaf IV, milieu);
# - garden help for low-income residents: 120 h × 6,00 × 12 = 8 640,00 a year (leaf III).
GRANT = {"measure": "art60_verhoogd", "funder": "federaal", "amount_per_year": 1800.00}
AGREEMENT = {"funder": "Stad Aalst (milieudienst)", "domain": "milieu", "amount_per_year": 4800.0}
GARDEN = {
    "id": "tuin",
    "kind": "tuin",
    "hours_per_month": 120,
    "payment": "cash",
    "price_per_hour": 6.00,
    "client_group": "kansarm",
}


def _initiative(identifier: str, legal_form: str, municipality: str = "Aalst", **extra: Any):
    return initiative(
        id=identifier,
        promoter={"name": "X", "legal_form": legal_form, "municipality": municipality},
        recognitions=[],
        horizon={"start": "2006-01", "months": 12},
        activities=[GARDEN, *extra.pop("activities", [])],
        agreements=[AGREEMENT, *extra.pop("agreements", [])],
        grants=[GRANT],
        **extra,
    )


def _rows(plan: Any) -> dict[tuple[str, str], dict[int, int]]:
    return {(row.entry.id, row.funder): row.cents for row in plan.rows}


def every_year(cents: int) -> dict[int, int]:
    return dict.fromkeys(YEARS, cents)


def test_an_ocmw_promoter_receives_what_others_fund_and_the_citys_own_money_is_internal() -> None:
    plan = compute_multi_year_plan([_initiative("ocmw", "ocmw")], "Aalst")
    assert _rows(plan) == {
        # The federal grant: received, leaf II → beleidsveld 0904, account 7405/9.
        ("received_leaf_II", "federaal"): every_year(180_000),
        # What the residents pay: received, leaf III (revenue of the service).
        ("received_leaf_III", "kansarm"): every_year(864_000),
    }
    # The city's agreement with its own OCMW: gemeente and OCMW keep one plan.
    assert plan.internal == every_year(480_000)
    assert plan.outside == every_year(0)
    # 1 800 + 8 640 + 4 800 = 15 240,00 a year, every year of the period although the file's
    # own horizon is 2006 (12 months).
    assert plan.plan_totals == every_year(1_524_000)
    entry = plan.rows[0].entry
    assert (entry.beleidsveld.code, entry.account.code) == ("0904", "7405/9")


def test_a_vzw_promoter_is_paid_what_the_city_pays_and_the_rest_is_outside_its_accounts() -> None:
    invoices = {
        "id": "groen",
        "kind": "groenonderhoud",
        "hours_per_month": 10,
        "payment": "invoice",
        "price_per_hour": 30.00,
        "client_group": "stad",
    }
    plan = compute_multi_year_plan([_initiative("vzw", "vzw", activities=[invoices])], "aalst")
    assert _rows(plan) == {
        # The city as a client: 10 h × 30,00 × 12 = 3 600,00 a year.
        ("paid_leaf_III", "stad"): every_year(360_000),
        # The city's agreement: 4 800,00 a year, granted operating subsidy (code to choose).
        ("paid_other", "Stad Aalst (milieudienst)"): every_year(480_000),
    }
    # The federal grant and the residents' payments never pass the city: 1 800 + 8 640.
    assert plan.outside == every_year(1_044_000)
    assert plan.internal == every_year(0)
    assert plan.rows[0].entry.account.code is None
    assert plan.municipality == "Aalst"


def test_another_citys_agreement_is_received_by_the_ocmw() -> None:
    gent = {"funder": "Stad Gent", "domain": "jeugd", "amount_per_year": 1200.00}
    plan = compute_multi_year_plan([_initiative("o", "ocmw", agreements=[gent])], "Aalst")
    # 1 200,00 a year, leaf IV jeugd → beleidsveld 0750 Jeugd.
    row = next(r for r in plan.rows if r.funder == "Stad Gent")
    assert (row.entry.id, row.entry.beleidsveld.code, row.cents) == (
        "received_leaf_IV_jeugd",
        "0750",
        every_year(120_000),
    )


def test_initiatives_of_other_municipalities_are_left_out_and_counted() -> None:
    own = _initiative("own", "ocmw")
    other = _initiative("other", "vzw", municipality="Gent")
    plan = compute_multi_year_plan([own, other], "Aalst")
    assert [i.id for i in plan.initiatives] == ["own"]
    assert plan.other_municipalities == 1


def test_a_municipality_without_initiatives_is_refused_with_the_known_ones() -> None:
    with pytest.raises(UnknownMunicipalityError) as raised:
        compute_multi_year_plan([_initiative("own", "ocmw")], "Gent")
    assert raised.value.known == ["Aalst"]


@pytest.mark.parametrize(
    ("funder", "kind"),
    [
        ("federaal", "federal"),
        ("Vlaams", "flemish"),
        ("lokaal", "local"),
        ("stad", "local"),
        ("kansarm", "clients"),
        ("OCMW Aalst", "local"),
        ("Gemeente Lokeren", "other_local"),
        ("Kind en Gezin", "other"),
    ],
)
def test_the_funder_says_whose_money_it_is(funder: str, kind: str) -> None:
    assert funder_kind(funder, "Aalst") == kind


def test_every_municipality_of_the_examples_reconciles_to_the_cent_with_the_plan_lines() -> None:
    initiatives = [load_initiative(path) for path in sorted(EXAMPLES.glob("*.yaml"))]
    for name in sorted({i.promoter.municipality for i in initiatives}):
        plan = compute_multi_year_plan(initiatives, name)
        lines: dict[int, int] = every_year(0)
        for own in plan.initiatives:
            for line in compute_plan(own, start="2026-01", months=72).lines:
                lines[line.year] += line.cents
        assert plan.plan_totals == lines
        for year in YEARS:
            rows = plan.year_total(year, "received") + plan.year_total(year, "paid")
            assert rows + plan.internal[year] + plan.outside[year] == lines[year]


def test_aalst_worked_example_of_the_docs() -> None:
    initiatives = [load_initiative(path) for path in sorted(EXAMPLES.glob("*.yaml"))]
    plan = compute_multi_year_plan(initiatives, "Aalst")
    # docs/multi-year-plan.md: OCMW Aalst receives 1 800,00 (federal, art60_verhoogd) and
    # 120 h × 6,00 × 12 = 8 640,00 from its clients; the city pays vzw Groenkracht
    # 120 h × 28,00 × 12 = 40 320,00; the city's 4 800,00 to its OCMW is internal; the
    # doelgroepvermindering of p2 for 2026-Q1, 1 000 × 0,5 / 0,80 = 625,00, is outside.
    assert _rows(plan) == {
        ("received_leaf_II", "federaal"): every_year(180_000),
        ("received_leaf_III", "kansarm"): every_year(864_000),
        ("paid_leaf_III", "stad"): every_year(4_032_000),
    }
    assert plan.internal == every_year(480_000)
    assert plan.outside == {**every_year(0), 2026: 62_500}
    assert plan.other_municipalities == 6
