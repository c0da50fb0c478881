"""The gap in view, drawn: the costs-versus-funding chart per year (views/gap_chart.py,
templates/_plan_gap_chart.html) with the shortfall hatched and said in words, and the compact
result bar (templates/_plan_sticky.html) on the plan page and in the wizard; wide tables name
each amount's column for their stacked rows on a phone."""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest
from fastapi.testclient import TestClient

from klaverblad.locale import Language
from klaverblad.model import load_initiative
from klaverblad.plan.financing_plan import FinancingPlan, Totals, YearTotals, compute_plan
from klaverblad.web.views.gap_chart import BAR_LEFT, RIGHT, gap_chart
from klaverblad.web.views.plan_gap import gap_headline
from klaverblad.web.words.gap_chart import GAP_CHART_WORDS
from tests.web.test_wizard import Form, wizard_form

ROOT = Path(__file__).resolve().parents[2]
PAGES = {"nl": "/plan/voorbeeld/bik-klusjesdienst", "en": "/en/plan/example/bik-klusjesdienst"}
ROOM = RIGHT - BAR_LEFT


@pytest.fixture(scope="module")
def bik() -> FinancingPlan:
    return compute_plan(load_initiative(ROOT / "examples" / "bik-klusjesdienst.yaml"))


def plain(text: str) -> str:
    return html.unescape(text).replace("\xa0", " ")


def plan_of(*years: tuple[int, int, int, dict[str, int]]) -> FinancingPlan:
    """A plan with only the years the chart reads: (year, costs, funding, leaves) in cents."""
    totals = [
        YearTotals(year, Totals(costs, funding), leaves) for year, costs, funding, leaves in years
    ]
    return cast(FinancingPlan, SimpleNamespace(years=totals))


def test_the_words_of_the_chart_have_the_same_keys_in_dutch_and_english() -> None:
    assert GAP_CHART_WORDS["nl"].keys() == GAP_CHART_WORDS["en"].keys()


def test_the_largest_amount_of_any_year_fills_the_width_and_the_others_compare_to_it(
    bik: FinancingPlan,
) -> None:
    # BIK's costs: 2006 wages 9 500 × 12 + operating 6 000 = 120 000; 2007 without w2
    # (2 000 a month) 7 500 × 12 + 6 000 = 96 000, which is 80 % of 2006.
    # Funding by leaf (tests/web/test_pages_cases.py): 2006 I 9 200 + II 37 485,19 + III
    # 15 000 + IV 20 880 = 82 565,19; 2007 9 200 + 20 500 + 14 400 + 20 880 = 64 980 (the PWA
    # cheques, 3 564 a year, are memo lines, RULEBOOK v1.2 §1).
    first, second = gap_chart(bik, "nl").years
    assert (first.costs_cents, first.funding_cents) == (12_000_000, 8_256_519)
    assert (second.costs_cents, second.funding_cents) == (9_600_000, 6_498_000)
    assert first.costs_width == ROOM
    assert second.costs_width == pytest.approx(ROOM * 0.8)
    # The funding bar is its leaves side by side, I to IV, as long as the year's funding.
    assert [segment.leaf for segment in first.segments] == ["I", "II", "III", "IV"]
    assert [segment.cents for segment in first.segments] == [
        920_000,
        3_748_519,
        1_500_000,
        2_088_000,
    ]
    assert first.segments[0].x == BAR_LEFT
    for left, right in zip(first.segments, first.segments[1:], strict=False):
        assert right.x == pytest.approx(left.x + left.width)
    assert sum(segment.width for segment in first.segments) == pytest.approx(
        ROOM * 8_256_519 / 12_000_000
    )
    assert first.funding_width == pytest.approx(ROOM * 8_256_519 / 12_000_000)


@pytest.mark.parametrize(
    ("language", "label", "sentence"),
    [
        (
            "nl",
            "Tekort € 37.434,81",
            "2006: kosten € 120.000,00, financiering € 82.565,19, tekort € 37.434,81.",
        ),
        (
            "en",
            "Shortfall €37,434.81",
            "2006: costs €120,000.00, funding €82,565.19, shortfall €37,434.81.",
        ),
    ],
)
def test_a_shortfall_is_the_rest_of_the_costs_bar_and_is_said_in_words(
    bik: FinancingPlan, language: Language, label: str, sentence: str
) -> None:
    # 2006: 120 000,00 − 82 565,19 = 37 434,81 short; 2007: 96 000 − 64 980 = 31 020.
    chart = gap_chart(bik, language)
    first, second = chart.years
    assert (first.kind, first.gap_cents, second.gap_cents) == ("shortfall", 3_743_481, 3_102_000)
    assert plain(first.label) == label
    assert plain(first.sentence) == sentence
    # The hatched part runs from the end of the funding to the end of the costs.
    assert first.funding_end < first.costs_end == RIGHT
    assert chart.has_shortfall and not chart.has_surplus
    words = GAP_CHART_WORDS[language]
    assert plain(chart.description).startswith(f"{words['chart_intro']} {words['chart_hatched']}")
    assert plain(sentence) in plain(chart.description)


def test_a_surplus_and_a_balance_are_marked_and_said_in_words() -> None:
    plan = plan_of(
        (2024, 100_000, 150_000, {"I": 100_000, "III": 50_000}),
        (2025, 200_000, 200_000, {"II": 200_000}),
    )
    chart = gap_chart(plan, "nl")
    surplus, balanced = chart.years
    # The largest amount, 2 000,00, fills the width: 1 000,00 is half of it, 1 500,00 three
    # quarters; the surplus of 500,00 is the funding past the end of the costs.
    assert surplus.costs_width == pytest.approx(ROOM / 2)
    assert surplus.funding_width == pytest.approx(ROOM * 0.75)
    assert surplus.kind == "surplus" and plain(surplus.label) == "Overschot € 500,00"
    assert balanced.kind == "balanced" and balanced.label == "In evenwicht"
    assert plain(balanced.sentence) == (
        "2025: kosten € 2.000,00, financiering € 2.000,00, in evenwicht."
    )
    assert chart.has_surplus and not chart.has_shortfall
    assert GAP_CHART_WORDS["nl"]["chart_hatched"] not in chart.description
    # The legend lists only the leaves that fund something.
    assert [entry.leaf for entry in chart.leaves] == ["I", "II", "III"]
    assert plain(gap_chart(plan, "en").years[0].label) == "Surplus €500.00"


def test_the_funding_bar_never_runs_past_the_funding_nor_draws_a_negative_leaf() -> None:
    # Leaves of 80,00 and −30,00: 50,00 of funding, drawn as 50,00 of leaf I only.
    chart = gap_chart(plan_of((2024, 10_000, 5_000, {"I": 8_000, "II": -3_000})), "nl")
    (year,) = chart.years
    assert [(segment.leaf, segment.cents) for segment in year.segments] == [("I", 5_000)]
    assert year.segments[0].width == pytest.approx(ROOM / 2) == year.funding_width


def test_a_plan_without_amounts_draws_no_bars() -> None:
    (year,) = gap_chart(plan_of((2024, 0, 0, {})), "nl").years
    assert (year.costs_width, year.funding_width, year.segments) == (0.0, 0.0, [])
    assert year.kind == "balanced"


def totals_section(body: str) -> str:
    """The plan page's totals section, from its heading to the costs section."""
    return body[body.index('id="totalen"') : body.index('id="kosten"')]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_plan_page_shows_the_chart_in_the_totals_as_an_image_with_its_amounts_in_words(
    client: TestClient, bik: FinancingPlan, language: Language
) -> None:
    totals = totals_section(client.get(PAGES[language]).text)
    svg = re.search(r"<svg [^>]*>", totals)
    assert svg is not None
    tag = svg.group(0)
    # Two years of 110 units each in a 400 units wide drawing as wide as its column.
    assert 'viewBox="0 0 400 220"' in tag and 'width="100%"' in tag and 'role="img"' in tag
    assert 'aria-labelledby="plan-gap-title plan-gap-desc"' in tag
    title = re.search(r'<title id="plan-gap-title">(.*?)</title>', totals)
    desc = re.search(r'<desc id="plan-gap-desc">(.*?)</desc>', totals)
    assert title is not None and title.group(1) == GAP_CHART_WORDS[language]["chart_title"]
    assert desc is not None
    for bars in gap_chart(bik, language).years:
        assert plain(bars.sentence) in plain(desc.group(1))
    groups = re.findall(
        r'<g class="gap-year gap-(\w+)"[^>]*data-year="(\d+)" data-costs-cents="(\d+)" '
        r'data-funding-cents="(\d+)" data-gap-cents="(-?\d+)"',
        totals,
    )
    assert [(kind, int(year)) for kind, year, *_ in groups] == [
        ("shortfall", 2006),
        ("shortfall", 2007),
    ]
    # Each year's gap is its costs − its funding; together they are the plan's gap.
    assert all(int(c) - int(f) == int(g) for *_, c, f, g in groups)
    assert sum(int(g) for *_, g in groups) == bik.totals.gap_cents
    assert totals.count('class="gap-shortfall"') == 2
    # Its legend says what the hatching means, in words.
    assert GAP_CHART_WORDS[language]["legend_shortfall"] in totals


def test_the_plan_page_keeps_a_compact_result_bar_with_the_totals_before_the_rest(
    client: TestClient,
) -> None:
    body = client.get(PAGES["nl"]).text
    bar = re.search(
        r'<section class="result-bar plan-bar" aria-label="Resultaat in het kort">(.*?)</section>',
        body,
        re.S,
    )
    assert bar is not None and body.count('aria-label="Resultaat in het kort"') == 1
    assert body.index("result-bar") < body.index('id="downloads"')
    figures = re.findall(r"<dt>(.*?)</dt><dd[^>]*>(.*?)</dd>", bar.group(1))
    # tests/test_examples.py: costs 216 000,00, funding 147 545,19, gap 68 454,81.
    assert [(label, plain(amount)) for label, amount in figures] == [
        ("Kosten", "€ 216.000,00"),
        ("Financiering", "€ 147.545,19"),
        ("Tekort", "€ 68.454,81"),
    ]
    assert '<a class="result-bar-link" href="#totalen">Naar de totalen</a>' in bar.group(1)


def duplicate_ids(body: str) -> list[str]:
    return [
        name for name, count in Counter(re.findall(r'\sid="([^"]+)"', body)).items() if count > 1
    ]


@pytest.mark.parametrize("path", [*PAGES.values(), "/nieuw", "/en/new"])
def test_no_id_is_used_twice_on_the_plan_page_or_in_the_wizard(
    client: TestClient, path: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert duplicate_ids(response.text) == []


def test_every_amount_of_the_wide_tables_names_its_column_for_the_stacked_rows(
    client: TestClient,
) -> None:
    body = client.get(PAGES["nl"]).text
    costs = re.search(r'<table class="costs-table">.*?</table>', body, re.S)
    assert costs is not None
    labels = re.findall(r'<td class="amount" data-label="([^"]+)">', costs.group(0))
    # Five people and the operating costs, then the total: 2006, 2007 and the whole period.
    assert labels == ["2006", "2007", "Hele periode"] * 7
    leaves = re.search(r'<table class="leaves-table">.*?</table>', body, re.S)
    assert leaves is not None
    amounts = re.findall(r'<td class="amount"[^>]*>', leaves.group(0))
    assert len(amounts) == 9 and all("data-label=" in cell for cell in amounts)
    # A plan line's cells; its leaf's subtotal and the year's totals name themselves in the
    # row's heading.
    line_rows = re.findall(r"<tr>\s*(<td.*?)</tr>", body, re.S)
    assert line_rows
    for row in line_rows:
        cells = re.findall(r"<td[^>]*>", row)
        assert len(cells) == 5 and all("data-label=" in cell for cell in cells), row[:200]


def test_a_break_even_price_that_does_not_apply_is_words_that_wrap_not_an_amount(
    client: TestClient,
) -> None:
    # The ironing workshop is paid with dienstencheques: no hours at a cash or invoiced price.
    body = client.get("/plan/voorbeeld/maatwerk-strijkatelier-2024").text
    summary = re.search(r'<table class="summary">.*?</table>', body, re.S)
    assert summary is not None
    assert '<td class="note">' in summary.group(0)
    assert re.search(r'<td class="amount">\s*niet van toepassing', summary.group(0)) is None


def test_the_wizard_result_shows_the_gap_sentence_the_chart_and_a_compact_bar(
    client: TestClient,
) -> None:
    body = client.get("/nieuw").text
    months = int(Form(body).value("horizon.months"))
    panel = body[body.index('id="wizard-result"') :]
    headline = re.search(r'<p class="gap-headline" data-gap-cents="(-?\d+)"><strong>(.*?)<', panel)
    assert headline is not None
    cents = int(headline.group(1))
    assert headline.group(2) == gap_headline(cents, months, "nl")
    assert 'aria-labelledby="wizard-gap-title wizard-gap-desc"' in panel
    # The bar above the form says the same gap, and leads to the panel.
    bar = body[body.index('<div class="result-bar wizard-bar">') : body.index('id="wizard-form"')]
    assert f'<dd data-gap-cents="{cents}">' in bar
    assert 'href="#resultaat-titel"' in bar


def test_the_result_fragment_sends_the_bar_again_with_the_new_gap(client: TestClient) -> None:
    form = wizard_form(client.get("/nieuw")).set(horizon__months="12")
    body = client.post("/nieuw/resultaat", data=form.data("refresh")).text
    panel = re.search(r'<table class="summary">.*?data-gap-cents="(-?\d+)"', body, re.S)
    assert panel is not None
    bar = re.search(r'<div id="wizard-bar" hx-swap-oob="innerHTML">(.*?)</div>\s*$', body, re.S)
    assert bar is not None
    assert f'<dd data-gap-cents="{panel.group(1)}">' in bar.group(1)
