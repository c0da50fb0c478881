"""`klaverblad rank` as a user runs it (CONTRACT §3 and §5): the JSON, the table, and every kind
of bad input as one line per problem on standard error with exit status 2, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from klaverblad.model.limits import RANKING_ROWS

ROOT = Path(__file__).resolve().parents[1]
CENTRUMSTEDEN = ROOT / "examples" / "ranking" / "centrumsteden-illustratief.csv"
HEADER = "municipality,youth_unemployment_rate,general_unemployment_rate"
# The three municipalities of tests/advice/test_ranking.py: means 20 and 10, scores
# A 0.5 × 30/20 + 0.5 × 6/10 = 1.05, B 0.5 × 20/20 + 0.5 × 12/10 = 1.10, C 0.25 + 0.60 = 0.85.
THREE = f"{HEADER}\nA,30,6\nB,20,12\nC,10,12\n"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "klaverblad", "rank", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def write(tmp_path: Path, text: str, name: str = "ranks.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def refused(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert result.returncode == 2, result.stdout
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    return result.stderr.splitlines()


def test_the_json_follows_the_contract_and_splits_the_budget_to_the_cent(tmp_path: Path) -> None:
    # 1 000 €: B 36 666.67 → 36 666 + the one cent left (largest remainder 0.67), A 35 000,
    # C 28 333.33 → 28 333; 366.67 + 350.00 + 283.33 = 1 000.00
    result = run(str(write(tmp_path, THREE)), "--budget", "1000", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "schema": "klaverblad.rank/1",
        "weights": {"youth": 0.5, "general": 0.5},
        "budget": "1000.00",
        "rows": [
            {
                "municipality": "B",
                "score": 1.1,
                "rank": 1,
                "youth_rank": 2,
                "shift": 1,
                "allocation": "366.67",
            },
            {
                "municipality": "A",
                "score": 1.05,
                "rank": 2,
                "youth_rank": 1,
                "shift": -1,
                "allocation": "350.00",
            },
            {
                "municipality": "C",
                "score": 0.85,
                "rank": 3,
                "youth_rank": 3,
                "shift": 0,
                "allocation": "283.33",
            },
        ],
    }


def test_without_a_budget_the_budget_and_allocations_are_null(tmp_path: Path) -> None:
    result = run(str(write(tmp_path, THREE)), "--format", "json")
    ranking = json.loads(result.stdout)
    assert ranking["budget"] is None
    assert [row["allocation"] for row in ranking["rows"]] == [None, None, None]


def test_weights_change_the_order_and_are_echoed(tmp_path: Path) -> None:
    # youth 0.2, general 0.8: A 0.2 × 1.5 + 0.8 × 0.6 = 0.78, B 0.2 + 0.96 = 1.16,
    # C 0.2 × 0.5 + 0.96 = 1.06 → B, C, A
    result = run(str(write(tmp_path, THREE)), "--weights", "youth=0.2,general=0.8")
    ranking = json.loads(result.stdout)
    assert ranking["weights"] == {"youth": 0.2, "general": 0.8}
    assert [(row["municipality"], row["score"], row["shift"]) for row in ranking["rows"]] == [
        ("B", 1.16, 1),
        ("C", 1.06, 1),
        ("A", 0.78, -2),
    ]


def test_a_belgian_excel_export_in_windows_1252_with_a_decimal_comma_budget(
    tmp_path: Path,
) -> None:
    # the same three with ';', decimal commas and an accented name; 1 000,50 € = 100 050 cents:
    # B 100 050 × 1.10/3 = 36 685, A 100 050 × 1.05/3 = 35 017.5, C 100 050 × 0.85/3 = 28 347.5
    # → floors 36 685 + 35 017 + 28 347 = 100 049; the cent left: A and C tie at 0.5, A ranks
    # better (2 against 3) and gets it.
    text = f"{HEADER.replace(',', ';')}\nAé;30;6\nB;20;12\nC;10;12\n"
    path = write(tmp_path, text, encoding="cp1252")
    ranking = json.loads(run(str(path), "--budget", "1000,50", "--format", "json").stdout)
    assert ranking["budget"] == "1000.50"
    assert [(row["municipality"], row["allocation"]) for row in ranking["rows"]] == [
        ("B", "366.85"),
        ("Aé", "350.18"),
        ("C", "283.47"),
    ]


def test_the_shipped_centrumsteden_example_splits_25000_euro_exactly() -> None:
    result = run(str(CENTRUMSTEDEN), "--budget", "25000", "--format", "json")
    assert result.returncode == 0, result.stderr
    ranking = json.loads(result.stdout)
    rows = ranking["rows"]
    assert len(rows) == 13
    assert [row["rank"] for row in rows] == list(range(1, 14))
    assert sum(Decimal(row["allocation"]) for row in rows) == Decimal("25000.00")
    # Oostende: youth mean 196.5/13, general mean 102/13;
    # 0.5 × 16.5 × 13/196.5 + 0.5 × 10.5 × 13/102 = 0.545802 + 0.669118 = 1.214919,
    # second by need, fifth on youth unemployment alone: shift 5 − 2 = 3.
    oostende = next(row for row in rows if row["municipality"] == "Oostende")
    assert (oostende["score"], oostende["rank"], oostende["youth_rank"], oostende["shift"]) == (
        1.214919,
        2,
        5,
        3,
    )


def test_the_table_shows_the_weights_the_youth_rank_the_shift_and_nl_be_money() -> None:
    result = run(str(CENTRUMSTEDEN), "--budget", "25000", "--format", "table")
    assert result.returncode == 0, result.stderr
    assert "Gewichten: jongeren 0,5 · algemeen 0,5" in result.stdout
    assert "Rang jongeren" in result.stdout
    assert "↑ 3" in result.stdout
    assert "€\xa025.000,00" in result.stdout


def test_the_table_speaks_english_with_lang_en() -> None:
    result = run(str(CENTRUMSTEDEN), "--format", "table", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "Weights: youth 0.5 · general 0.5" in result.stdout
    assert "Youth-only rank" in result.stdout


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (f"{HEADER}\nA,30,6\nB,20,abc\n", "line 3, column general_unemployment_rate: 'abc' is not"),
        (f"{HEADER}\nA,30,6\nB,,12\n", "line 3, column youth_unemployment_rate: is missing"),
        (f"{HEADER}\nA,30,6\nB,20,-1\n", "line 3, column general_unemployment_rate: '-1' is neg"),
        (f"{HEADER}\nGent,30,6\ngent,20,1\n", "line 3, column municipality: 'gent' is already"),
        (f"{HEADER},population\nA,30,6,0\n", "line 2, column population: '0' must be more"),
        (f"{HEADER},region\nA,30,6,x\n", "line 1, column region: is not a known column"),
        ("municipality,youth_unemployment_rate\nA,3\n", "line 1, column general_unemployment_rate"),
        (f"{HEADER}\nA,0,6\nB,0,12\n", "column youth_unemployment_rate: every value is 0"),
        (f"{HEADER}\nA,3,6,7\n", "line 2: has 4 values but the header has 3 columns"),
        ("", "is empty"),
        (f"{HEADER}\n", "has a header but no municipality lines"),
    ],
)
def test_bad_csv_input_exits_2_naming_the_line_and_column(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path, text)
    lines = refused(run(str(path)))
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}: {message}")


def test_the_exact_wording_of_a_bad_number(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\nA,30,6\nB,20,12\nC,10,abc\n")
    assert refused(run(str(path))) == [
        f"{path}: line 4, column general_unemployment_rate: 'abc' is not a number"
    ]


def test_bad_options_and_a_bad_file_are_all_reported_at_once(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\nA,x,6\n")
    assert refused(run(str(path), "--weights", "youth=0.6,general=0.6", "--budget", "1,234")) == [
        "--weights: youth + general = 1.2; the weights must sum to 1",
        "--budget: '1,234' has more than 2 decimals",
        f"{path}: line 2, column youth_unemployment_rate: 'x' is not a number",
    ]


def test_an_unknown_weight_and_a_missing_file_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "none.csv"
    assert refused(run(str(missing), "--weights", "adult=1")) == [
        "--weights: 'adult' is not a weight; the weights are youth and general",
        "--weights: youth is missing; give both, e.g. youth=0.7,general=0.3",
        "--weights: general is missing; give both, e.g. youth=0.7,general=0.3",
        f"{missing}: cannot read: No such file or directory",
    ]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ["--weights", "youth=1e10000000,general=0"],
            "--weights: youth: '1e10000000' is not a number: write digits only, without an "
            "exponent",
        ),
        (
            ["--weights", "youth=1/0,general=1"],
            "--weights: youth: '1/0' is not a number: it divides by 0",
        ),
        (
            ["--budget", "1000000000"],
            "--budget: '1000000000' is too large: the budget is at most 999 999 999.99",
        ),
        (
            ["--budget", "1e400"],
            "--budget: '1e400' is not a number: write digits only, without an exponent",
        ),
    ],
)
def test_huge_weights_and_budgets_exit_2_at_once_naming_the_option(
    tmp_path: Path, options: list[str], message: str
) -> None:
    assert refused(run(str(write(tmp_path, THREE)), *options)) == [message]


def test_a_csv_of_more_rows_than_the_limit_is_refused_naming_the_limit(tmp_path: Path) -> None:
    rows = "".join(f"M{n},{10 + n % 5},{5 + n % 3}\n" for n in range(RANKING_ROWS + 1))
    lines = refused(run(str(write(tmp_path, f"{HEADER}\n{rows}"))))
    assert lines == [
        f"{tmp_path / 'ranks.csv'}: line {RANKING_ROWS + 2}: has more than {RANKING_ROWS} "
        "municipality lines, the most a ranking takes; split the file"
    ]
