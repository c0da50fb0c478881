"""The PDF a funder reads: what the initiative is, who works there on which statute at what
cost, what it does at what price and payment, the cost budget and the funding per source and
year with the saldo — in plain Dutch (or English), without codes, and on a shared plan
without names, birth dates, diplomas or benefits."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pypdf
import pytest

from klaverblad.advice.alerts import plan_alerts
from klaverblad.model import load_initiative, parse_initiative
from klaverblad.model.initiative import STATUTES
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.report.plan_pdf import plan_html, plan_to_pdf
from klaverblad.report.redaction import redacted_alerts
from klaverblad.rules.catalogue import MEASURES
from tests.builders import initiative_data, person

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
BIK = EXAMPLES / "bik-klusjesdienst.yaml"
EXPORTED = date(2025, 3, 5)
# The codes of statutes, measures, alerts and the file's choices; those that are also Dutch
# words (maatwerk, beleidsdomein) are left out of the check unless written with an underscore.
ALERT_CODES = (
    "statute_not_eligible",
    "voucher_not_allowed",
    "sine_not_eligible",
    "voucher_unsuitable_for_low_income",
    "affordability",
    "supervision_ratio",
    "double_classification",
    "funding_cliff",
    "amount_unknown",
    "policy_domain_funder_missing",
    "fragmentation",
    "measure_closed",
    "not_known_then",
)
CODES = {
    *STATUTES,
    *MEASURES,
    *ALERT_CODES,
    "regular",
    "pwa_cheque",
    "dienstencheque_onderneming",
    "vervoer_beperkte_mobiliteit",
    "supervisor",
    "target",
}


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.replace("\xa0", " ").split())


def shown_text(html: str) -> str:
    """The words of the PDF's HTML before its sources (whose parameter names are codes by
    design, in `<code>`), markup left out."""
    before_sources = html.split('<section class="sources"')[0]
    body = before_sources.split("<body>")[1]
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())


def codes_in(text: str) -> list[str]:
    """The codes that stand as words of `text` (`art60` in `art60.x` too, `sine` not in SINE)."""
    words = set(re.findall(r"[a-z][a-z0-9_]*", text))
    plain_words = {"maatwerk", "beleidsdomein", "klantbijdrage", "dienstencheque"}
    return sorted(code for code in CODES & words if "_" in code or code not in plain_words)


@pytest.fixture(scope="module")
def bik() -> FinancingPlan:
    return compute_plan(load_initiative(BIK))


@pytest.fixture(scope="module")
def bik_text(bik: FinancingPlan) -> str:
    return pdf_text(plan_to_pdf(bik, plan_alerts(bik), "nl", exported=EXPORTED))


def test_the_pdf_says_what_the_initiative_is(bik_text: str) -> None:
    assert "Het initiatief" in bik_text
    assert "Gemeente Kortrijk" in bik_text
    assert (
        "klusjes, vervoer van mensen met beperkte mobiliteit, kinderopvang, "
        "huiswerkbegeleiding" in bik_text
    )
    assert "lokale diensteneconomie (LDE), dienstenchequeonderneming" in bik_text


def test_the_staffing_table_gives_role_fte_statute_in_words_and_wage_costs(
    bik_text: str,
) -> None:
    # w1: SINE, € 2.100,00 a month, € 25.200,00 a year (× 12); s1: a half-time supervisor.
    assert "w1 doelgroepwerknemer 1 SINE vanaf 1/01/2006 € 2.100,00 € 25.200,00" in bik_text
    assert "1/01/2006 tot 31/12/2006" in bik_text  # w2's contract
    assert "artikel 60 §7" in bik_text
    assert "s1 begeleider (omkadering) 0,5 gewoon contract (geen subsidie)" in bik_text
    assert "€ 1.500,00 € 18.000,00" in bik_text


def test_the_activities_give_kind_clients_hours_price_and_payment(bik_text: str) -> None:
    assert "klussen klusjes kansarme gezinnen 60 € 4,95 PWA-cheques" in bik_text
    assert "50 prijs van de cheque dienstencheques" in bik_text  # vervoer
    assert "kinderopvang kinderopvang kansarme gezinnen 80 € 2,00 contant" in bik_text


def test_the_budget_and_the_funding_per_source_give_the_saldo_per_year(bik_text: str) -> None:
    # Costs per year: 5 wages and € 6.000 operating costs; w2 leaves at the end of 2006.
    assert "Loonkost w2 € 24.000,00 € 0,00 € 24.000,00" in bik_text
    assert "Werkingskosten € 6.000,00 € 6.000,00 € 12.000,00" in bik_text
    assert "Totaal kosten € 120.000,00 € 96.000,00 € 216.000,00" in bik_text
    # Funding per source: SINE is € 4.000 + € 6.000 a year (the 2006 report's 10 000).
    assert "SINE federaal € 10.000,00 € 10.000,00 € 20.000,00" in bik_text
    assert "verhoogde toelage artikel 60 federaal € 2.400,00 € 0,00 € 2.400,00" in bik_text
    # No PWA cheques in the funding (memo lines): 82.565,19 + 64.980,00 = 147.545,19.
    assert "Totaal financiering € 82.565,19 € 64.980,00 € 147.545,19" in bik_text
    # Saldo = funding − costs: 82.565,19 − 120.000 and 64.980 − 96.000.
    assert "Saldo (financiering − kosten) € -37.434,81 € -31.020,00 € -68.454,81" in bik_text


def test_the_dutch_pdf_names_statutes_measures_and_alerts_in_words(bik: FinancingPlan) -> None:
    html = plan_html(bik, plan_alerts(bik), "nl", exported=EXPORTED)
    assert codes_in(shown_text(html)) == []
    assert "Subsidie stopt tijdens de tewerkstelling" in html  # funding_cliff, in words


def test_the_code_check_sees_a_code() -> None:
    assert codes_in("w2 blijft op art60; stopt wep_plus") == ["art60", "wep_plus"]
    assert codes_in("SINE, Activa en individueel maatwerk") == []


def test_an_english_pdf_has_the_same_tables_in_english() -> None:
    plan = compute_plan(load_initiative(EXAMPLES / "antwerpen-labour-for-neighbour.yaml"))
    text = pdf_text(plan_to_pdf(plan, plan_alerts(plan), "en", exported=EXPORTED))
    for expected in (
        "The initiative",
        "Staff",
        "supervisor (omkadering)",
        "Activities",
        "Cost budget per year",
        "Funding per source and per year",
        "Balance (funding − costs)",
    ):
        assert expected in text, expected


def test_a_plan_without_people_or_activities_says_so() -> None:
    plan = compute_plan(parse_initiative(initiative_data(recognitions=[]), "empty"))
    text = pdf_text(plan_to_pdf(plan, [], "nl", exported=EXPORTED))
    assert "Het plan heeft geen personeel." in text
    assert "Het plan heeft geen activiteiten." in text
    assert "Soort dienstverlening geen activiteiten ingevuld" in text


def test_a_shared_pdf_shows_people_without_name_birth_date_diploma_or_benefit() -> None:
    data = initiative_data(people=[person(name="Ahmed Yilmaz", status="leefloon")])
    plan = compute_plan(parse_initiative(data, "test"))
    alerts = plan_alerts(plan)
    owner = pdf_text(plan_to_pdf(plan, alerts, "nl", exported=EXPORTED))
    assert "Loonkost Ahmed Yilmaz" in owner
    shared = pdf_text(
        plan_to_pdf(plan, redacted_alerts(alerts), "nl", exported=EXPORTED, redact=True)
    )
    assert "Loonkost w1" in shared and "Ahmed" not in shared
    assert "Gedeeld plan: personen staan er zonder naam" in shared
    for personal in ("1968", "15/03", "lager secundair", "lager_secundair", "uitkering: leefloon"):
        assert personal not in shared, personal
