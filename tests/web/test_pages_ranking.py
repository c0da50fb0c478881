"""The need ranking page: the shipped ILLUSTRATIVE CSV ranked as `klaverblad rank` ranks it,
weights with a decimal comma, a budget split to the cent, own CSVs pasted or uploaded, the
CSV download, and bad input as a 422 form naming the field, line and column."""

from __future__ import annotations

import csv
import html
import io
import re
from fractions import Fraction
from typing import Any

import pytest
from fastapi.testclient import TestClient

from klaverblad.advice.ranking import rank_municipalities, ranking_to_dict
from klaverblad.advice.ranking_input import Weights, read_csv
from klaverblad.model import number_reader
from klaverblad.model.limits import DOCUMENT_BYTES, RANKING_ROWS
from klaverblad.web.views import ranking_form
from klaverblad.web.words.ranking import WORDS
from tests.web.conftest import RANKING_CSV

NBSP = "\u00a0"
DEFAULT_WEIGHTS = Weights()  # 0.5 and 0.5, the default of the page and of `klaverblad rank`
# docs/ranking.md, worked example: means 20 and 10; B 1.10, A 1.05, C 0.85; with a budget of
# 1000: B 366.67, A 350.00, C 283.33 (one cent left over goes to B's remainder 0.67).
WORKED = (
    "municipality,youth_unemployment_rate,general_unemployment_rate\nA,30,6\nB,20,12\nC,10,12\n"
)


def rows_of(body: str) -> list[dict[str, str]]:
    """The ranking table's rows as their data attributes."""
    found = []
    for match in re.finditer(r"<tr (data-municipality=[^>]*)>", body):
        found.append(dict(re.findall(r'data-([a-z-]+)="([^"]*)"', match.group(1))))
    return found


def plain(body: str) -> str:
    """The page's text without its tags (a message may sit in a `lang` span)."""
    return html.unescape(re.sub(r"<[^>]+>", "", body))


def csv_rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def expected(weights: Weights = DEFAULT_WEIGHTS, budget_cents: int | None = None) -> dict[str, Any]:
    """What the rank module (and so `klaverblad rank`) gives for the shipped CSV."""
    return ranking_to_dict(rank_municipalities(read_csv(RANKING_CSV), weights, budget_cents))


def test_every_language_has_the_same_ranking_words() -> None:
    assert WORDS["nl"].keys() == WORDS["en"].keys()


def test_the_page_ranks_the_illustrative_example_at_once_and_says_it_is_illustrative(
    client: TestClient,
) -> None:
    response = client.get("/rangschikking")
    assert response.status_code == 200
    body = response.text
    assert "ILLUSTRATIEF" in body and "verzonnen" in body
    radio = re.search(r'<input type="radio" id="veld-bron-voorbeeld"[^>]*>', body, re.S)
    assert radio is not None and "checked" in radio.group(0)
    assert [row["municipality"] for row in rows_of(body)] == [
        row["municipality"] for row in expected()["rows"]
    ]
    assert len(rows_of(body)) == 13
    assert "geen rekening gehouden met de algemene werkloosheid" in html.unescape(body)


def test_the_ranking_of_the_shipped_csv_equals_the_rank_modules(client: TestClient) -> None:
    response = client.get("/rangschikking?source=example&youth=0,5&general=0,5&budget=25000")
    assert response.status_code == 200
    want = expected(Weights(), 2_500_000)["rows"]
    got = rows_of(response.text)
    assert [
        (r["municipality"], int(r["rank"]), int(r["youth-rank"]), int(r["shift"])) for r in got
    ] == [(r["municipality"], r["rank"], r["youth_rank"], r["shift"]) for r in want]
    assert [int(r["allocation-cents"]) for r in got] == [
        round(float(r["allocation"]) * 100) for r in want
    ]
    # examples/ranking/README.md: Antwerpen first (1.492441, € 2.870,08), Oostende second
    # (1.214919, fifth on youth alone, shift ↑ 3, € 2.336,38).
    text = html.unescape(response.text)
    assert got[0]["municipality"] == "Antwerpen" and got[0]["allocation-cents"] == "287008"
    assert got[1]["municipality"] == "Oostende" and got[1]["shift"] == "3"
    assert f"€{NBSP}2.870,08" in text and f"€{NBSP}2.336,38" in text
    assert "1,492" in text and "stijgt 3 plaats(en)" in text


def test_the_budget_shares_sum_exactly_to_the_budget(client: TestClient) -> None:
    response = client.get("/rangschikking?budget=1000,01")
    assert response.status_code == 200
    shares = [int(row["allocation-cents"]) for row in rows_of(response.text)]
    assert sum(shares) == 100_001
    assert 'data-total-cents="100001"' in response.text
    assert f"€{NBSP}1.000,01" in html.unescape(response.text)


def test_weights_with_a_decimal_comma_work(client: TestClient) -> None:
    response = client.get("/rangschikking?youth=0,7&general=0,3")
    assert response.status_code == 200
    want = expected(Weights(Fraction(7, 10), Fraction(3, 10)))["rows"]
    assert [row["municipality"] for row in rows_of(response.text)] == [
        row["municipality"] for row in want
    ]
    assert "jongeren 0,7, algemeen 0,3" in response.text
    assert 'value="0,7"' in response.text  # the field keeps what was typed


def test_the_csv_download_of_the_example_parses_to_the_rank_modules_rows(
    client: TestClient,
) -> None:
    page = client.get("/rangschikking?budget=25000").text
    link = re.search(r'<a href="(/rangschikking\.csv\?[^"]+)" download>', page)
    assert link is not None
    response = client.get(html.unescape(link.group(1)))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    got = csv_rows(response.text)
    want = expected(Weights(), 2_500_000)["rows"]
    assert [
        (
            r["municipality"],
            int(r["rank"]),
            float(r["score"]),
            int(r["youth_rank"]),
            int(r["shift"]),
            r["allocation"],
        )
        for r in got
    ] == [
        (r["municipality"], r["rank"], r["score"], r["youth_rank"], r["shift"], r["allocation"])
        for r in want
    ]
    assert got[0]["youth_unemployment_rate"] == "22"  # Antwerpen,22.0,12.0 in the CSV


def test_an_uploaded_csv_is_ranked_and_downloaded_through_a_post_form(client: TestClient) -> None:
    semicolons = WORKED.replace(",", ";").encode("utf-8")
    response = client.post(
        "/en/ranking",
        data={"source": "own", "youth": "0.5", "general": "0.5", "budget": "1000"},
        files={"file": ("worked.csv", semicolons, "text/csv")},
    )
    assert response.status_code == 200
    got = rows_of(response.text)
    assert [
        (r["municipality"], r["youth-rank"], r["shift"], r["allocation-cents"]) for r in got
    ] == [
        ("B", "2", "1", "36667"),
        ("A", "1", "-1", "35000"),
        ("C", "3", "0", "28333"),
    ]
    assert "worked.csv" in response.text and "ILLUSTRATIVE —" not in response.text
    form = re.search(r'<form method="post" action="/en/ranking.csv".*?</form>', response.text, re.S)
    assert form is not None
    fields = {
        name: html.unescape(value)
        for name, value in re.findall(r'name="(\w+)" value="([^"]*)"', form.group(0))
    }
    download = client.post("/en/ranking.csv", data=fields)
    assert download.status_code == 200
    rows = csv_rows(download.text)
    assert [(r["municipality"], r["score"], r["allocation"]) for r in rows] == [
        ("B", "1.1", "366.67"),
        ("A", "1.05", "350.00"),
        ("C", "0.85", "283.33"),
    ]


def test_a_bad_csv_row_gives_a_422_naming_the_line_and_column(client: TestClient) -> None:
    pasted = WORKED + "D,abc,5\n"
    response = client.post("/rangschikking", data={"source": "own", "csv": pasted})
    assert response.status_code == 422
    body = response.text
    text = plain(body)
    assert 'role="alert"' in body and 'href="#veld-csv"' in body
    assert "regel 5, kolom youth_unemployment_rate: 'abc' is not a number" in text
    assert '<span lang="en">' in body  # the rule's English message is marked as English
    textarea = re.search(r'<textarea id="veld-csv"([^>]*)>(.*?)</textarea>', body, re.S)
    assert textarea is not None
    assert 'aria-invalid="true"' in textarea.group(1) and "fout-csv" in textarea.group(1)
    assert html.unescape(textarea.group(2)).removeprefix("\n") == pasted
    own = re.search(r'<input type="radio" id="veld-bron-eigen"[^>]*>', body)
    assert own is not None and "checked" in own.group(0)


def test_a_bad_csv_header_names_the_column(client: TestClient) -> None:
    pasted = "municipality;youth_unemployment_rate;region\nGent;18,5;9,7\n"
    response = client.post("/en/ranking", data={"source": "own", "csv": pasted})
    assert response.status_code == 422
    text = plain(response.text)
    assert "line 1, column region: is not a known column" in text
    assert "line 1, column general_unemployment_rate: is required but missing" in text


def test_bad_weights_and_budget_give_a_422_naming_each_field(client: TestClient) -> None:
    response = client.get("/rangschikking?youth=abc&general=0,5&budget=25,000")
    assert response.status_code == 422
    body = response.text
    text = html.unescape(body)
    assert '<a href="#veld-jongeren">Gewicht jeugdwerkloosheid</a>: ' in body
    assert "'abc' is geen getal" in text
    assert '<a href="#veld-budget">Budget in euro (optioneel)</a>' in body
    # `25,000` on a Dutch page: € 25,00 with a stray 0, or English grouping? Asked, not guessed.
    assert f"'25,000' kan op twee manieren gelezen worden: bedoel je €{NBSP}25.000,00 of " in text
    assert "'25,000.5' heeft meer dan 2 decimalen" not in text
    youth = re.search(r'<input[^>]*id="veld-jongeren"[^>]*>', body)
    assert youth is not None and 'aria-invalid="true"' in youth.group(0)
    assert 'value="abc"' in youth.group(0)
    assert "data-municipality" not in body  # no ranking for bad input


@pytest.mark.parametrize(
    ("path", "budget"),
    [
        ("/rangschikking", "25.000"),
        ("/rangschikking", "€ 25.000,00"),
        ("/rangschikking", "25 000"),
        ("/en/ranking", "25,000"),
        ("/en/ranking", "€25,000.00"),
    ],
)
def test_a_budget_written_with_thousands_grouping_is_read_as_meant(
    client: TestClient, path: str, budget: str
) -> None:
    response = client.get(path, params={"budget": budget})
    assert response.status_code == 200
    assert 'data-total-cents="2500000"' in response.text
    shares = [int(row["allocation-cents"]) for row in rows_of(response.text)]
    assert sum(shares) == 2_500_000


def test_a_budget_with_more_than_cents_is_refused(client: TestClient) -> None:
    response = client.get("/rangschikking", params={"budget": "25.000,505"})
    assert response.status_code == 422
    assert "'25.000,505' heeft meer dan 2 decimalen" in html.unescape(response.text)


def test_a_dutch_csv_with_semicolons_reads_thousands_dots_and_decimal_commas(
    client: TestClient,
) -> None:
    dutch = (
        "municipality;youth_unemployment_rate;general_unemployment_rate;population\n"
        "A;30;6;25.000\nB;20;12,5;10.000\nC;10;12;10.000\n"
    )
    response = client.post(
        "/rangschikking",
        data={"source": "own", "csv": dutch, "youth": "0,5", "general": "0,5"},
    )
    assert response.status_code == 200, plain(response.text)[:2000]
    assert {row["municipality"] for row in rows_of(response.text)} == {"A", "B", "C"}
    assert "12,5" in html.unescape(response.text)


def test_weights_that_do_not_sum_to_one_are_refused(client: TestClient) -> None:
    response = client.get("/en/ranking?youth=0.7&general=0.5")
    assert response.status_code == 422
    body = response.text
    assert '<a href="#veld-jongeren">Weights</a>' in body
    assert "together 1.2 instead of 1" in body
    for field in ("veld-jongeren", "veld-algemeen"):
        found = re.search(rf'<input[^>]*id="{field}"[^>]*>', body)
        assert found is not None and 'aria-invalid="true"' in found.group(0)
        assert "fout-weights" in found.group(0)


def test_own_csv_chosen_without_data_and_an_unreadable_file_are_422(client: TestClient) -> None:
    empty = client.post("/rangschikking", data={"source": "own", "csv": ""})
    assert empty.status_code == 422
    assert "plak een CSV of kies een bestand" in empty.text
    binary = client.post(
        "/rangschikking",
        data={"source": "own"},
        files={"file": ("x.csv", b"\x81\x8d\x8f\x90\x9d", "text/csv")},
    )
    assert binary.status_code == 422
    assert '<a href="#veld-bestand">' in binary.text and "x.csv: " in binary.text


def test_a_bad_csv_sent_to_the_download_gives_the_422_form(client: TestClient) -> None:
    response = client.post("/rangschikking.csv", data={"source": "own", "csv": "nonsense\n"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")


def test_the_english_page_works_on_its_own_paths(client: TestClient) -> None:
    response = client.get("/en/ranking?budget=25000")
    assert response.status_code == 200
    assert '<html lang="en">' in response.text and "ILLUSTRATIVE" in response.text
    assert "€2,870.08" in response.text
    assert 'href="/rangschikking?budget=25000"' in response.text  # the switch keeps the query
    download = client.get("/en/ranking.csv?budget=25000")
    assert download.status_code == 200 and csv_rows(download.text)[0]["allocation"] == "2870.08"


# --- Bounds (model/limits.py): numbers through the bounded reader, rows and size counted ---


def never_converting(monkeypatch: pytest.MonkeyPatch, literal: str) -> None:
    """Fail the test if the form or the bounded reader converts `literal` into a number:
    Fraction("1e10000000") took 5.9 s."""
    for module, name in ((ranking_form, "Fraction"), (number_reader, "Decimal")):
        convert = getattr(module, name)

        def guarded(*args: Any, convert: Any = convert, name: str = name) -> Any:
            if any(isinstance(arg, str) and literal in arg for arg in args):
                raise AssertionError(f"{name}({literal!r}) was computed")
            return convert(*args)

        monkeypatch.setattr(module, name, guarded)


def test_a_weight_with_a_huge_exponent_is_refused_at_once_naming_its_field(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    never_converting(monkeypatch, "1e10000000")
    response = client.get("/rangschikking?youth=1e10000000&general=0")
    assert response.status_code == 422
    assert '<a href="#veld-jongeren">Gewicht jeugdwerkloosheid</a>: ' in response.text
    assert "'1e10000000' is geen getal" in html.unescape(response.text)


def test_a_budget_over_the_largest_amount_is_refused_naming_the_budget(client: TestClient) -> None:
    for budget in ("1000000000", "9" * 35, "9" * 400):
        response = client.get(f"/rangschikking?budget={budget}")
        assert response.status_code == 422, budget
        text = html.unescape(response.text)
        assert '<a href="#veld-budget">Budget in euro (optioneel)</a>' in response.text
        assert "te groot" in text or "geen bedrag" in text
    english = client.get("/en/ranking?budget=1000000000")
    assert "is too large: the budget is at most 999,999,999.99 euros" in html.unescape(english.text)
    largest = client.get("/rangschikking?budget=999999999,99")
    assert largest.status_code == 200


def municipalities(count: int) -> str:
    return "municipality,youth_unemployment_rate,general_unemployment_rate\n" + "".join(
        f"Gemeente {n},{10 + n % 7},{5 + n % 3}\n" for n in range(count)
    )


def test_a_csv_of_the_most_rows_is_ranked_and_one_more_is_refused_naming_the_limit(
    client: TestClient,
) -> None:
    data = {"source": "own", "youth": "0,5", "general": "0,5"}
    at_limit = client.post("/rangschikking", data={**data, "csv": municipalities(RANKING_ROWS)})
    assert at_limit.status_code == 200
    over = client.post("/rangschikking", data={**data, "csv": municipalities(RANKING_ROWS + 1)})
    assert over.status_code == 422
    assert f"has more than {RANKING_ROWS} municipality lines" in html.unescape(over.text)


def test_a_csv_larger_than_a_document_is_refused_by_its_size(client: TestClient) -> None:
    text = municipalities(3) + "#" * DOCUMENT_BYTES
    response = client.post(
        "/rangschikking",
        data={"source": "own", "youth": "0,5", "general": "0,5"},
        files={"file": ("groot.csv", text.encode(), "text/csv")},
    )
    assert response.status_code == 422
    assert "is groter dan 1 MB" in html.unescape(response.text)
