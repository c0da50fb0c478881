"""`klaverblad explain --lines` prints each line's sum as plain arithmetic."""

import subprocess
import sys
from pathlib import Path

from klaverblad.report.explain_text import sum_arithmetic

BIK = Path(__file__).resolve().parents[2] / "examples" / "bik-klusjesdienst.yaml"


def test_a_sum_is_printed_as_its_arithmetic_ending_with_the_lines_amount() -> None:
    line_sum = {
        "terms": [
            [
                {"kind": "per_year", "value": "13163.15"},
                {"kind": "twelfth", "value": "12"},
                {"kind": "months", "value": "12"},
                {"kind": "fte", "value": "0.5"},
            ],
            [
                {"kind": "hours_per_month", "value": "150"},
                {"kind": "per_hour", "value": "20.28", "minus": "6.70"},
                {"kind": "months", "value": "5"},
            ],
        ]
    }
    assert sum_arithmetic(line_sum, "16766.58") == (
        "Σ 13163.15 ÷ 12 × 12 × 0.5 + 150 × (20.28 − 6.70) × 5 = 16766.58"
    )
    assert sum_arithmetic({"terms": []}, "0.00") == "Σ 0.00"


def test_the_explain_command_shows_the_sum_of_every_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "klaverblad", "explain", str(BIK), "--lines", "--format", "text"],
        capture_output=True,
        text=True,
        check=True,
    )
    # BIK's art. 60 worker in 2006: 9 months at 834.14 and 3 at 859.31 (RULEBOOK §3.1).
    assert "    Σ 834.14 × 9 × 1.0 + 859.31 × 3 × 1.0 = 10085.19" in result.stdout
    assert result.stdout.count("    Σ ") == result.stdout.count("\n[") + 1
