"""`klaverblad multi-year-plan FILE... --municipality NAME`: the table, CSV, JSON and workbook
of one municipality; an unknown municipality is a clear message and exit status 2."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from klaverblad.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_the_table_shows_aalsts_amounts_and_notes() -> None:
    result = CliRunner().invoke(app, ["multi-year-plan", str(EXAMPLES), "--municipality", "Aalst"])
    assert result.exit_code == 0, result.output
    # 120 h × 28,00 × 12 = 40 320,00 paid to vzw Groenkracht each year.
    assert "40.320,00" in result.stdout
    assert "6 initiatieven van andere gemeenten weggelaten." in result.stdout


def test_json_and_csv_agree() -> None:
    base = ["multi-year-plan", str(EXAMPLES), "--municipality", "aalst"]
    document = json.loads(CliRunner().invoke(app, [*base, "--format", "json"]).stdout)
    csv_text = CliRunner().invoke(app, [*base, "--format", "csv"]).stdout
    assert document["rows"][0]["years"]["2026"] == "1800.00"
    assert "1800,00" in csv_text.splitlines()[1]


def test_the_workbook_is_written_to_the_output(tmp_path: Path) -> None:
    output = tmp_path / "aalst.xlsx"
    result = CliRunner().invoke(
        app,
        [
            "multi-year-plan",
            str(EXAMPLES),
            "--municipality",
            "Aalst",
            "--format",
            "xlsx",
            "--output",
            str(output),
            "--lang",
            "en",
        ],
    )
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(io.BytesIO(output.read_bytes()))
    assert book.sheetnames == ["Multi-year plan", "Sources"]


def test_an_unknown_municipality_names_the_known_ones() -> None:
    result = CliRunner().invoke(app, ["multi-year-plan", str(EXAMPLES), "--municipality", "Gent"])
    assert result.exit_code == 2
    assert "--municipality: no initiative of 'Gent'" in result.stderr
    assert "Aalst, Antwerpen" in result.stderr


def test_a_workbook_needs_an_output() -> None:
    result = CliRunner().invoke(
        app, ["multi-year-plan", str(EXAMPLES), "--municipality", "Aalst", "--format", "xlsx"]
    )
    assert result.exit_code == 2
    assert "--output: required for --format xlsx" in result.stderr
