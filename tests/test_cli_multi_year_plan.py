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


def test_the_table_lists_the_sources_of_its_codes_with_their_grades() -> None:
    result = CliRunner().invoke(app, ["multi-year-plan", str(EXAMPLES), "--municipality", "Aalst"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    sources = out[out.index("Bronnen van de codes") :]
    # Aalst's rows name two sources, numbered as the table names them (as on the web page):
    # the federal grant's beleidsveld 0904 comes from the BBC 2013 list (1, graded L), its
    # account 7405/9 and economic sector 100 from the ABB guide (2, graded M). The Flemish 625,00
    # is outside the municipality's accounts and no row is paid to a third party as a subsidy,
    # so neither the FAQ on ESC 300 nor Politeia is named.
    table = out[: out.index("Aansluiting")]
    assert "[1]" in table and "[2]" in table and "[3]" not in table
    assert "1. De beleidsvelden van de BBC-editie 2013" in sources
    assert "https://raw.githubusercontent.com/tthoeye/contactinformatie" in sources
    assert "2. Agentschap Binnenlands Bestuur, Subsidie aan (Belgische) OCMW" in sources
    assert "https://lokaalbestuur.vlaanderen.be/subsidie/subsidie-aan-belgische-ocmw" in sources
    assert "Zekerheid van de bron: L (reconstructie, aanname)" in sources
    assert "Zekerheid van de bron: M (secundaire bron of afgeleide datum)" in sources
    assert "3. " not in sources and "stedenfonds" not in sources
    # The grade of each mapping choice of the three rows (leaf II, leaf III received, leaf III
    # paid), each graded L.
    choices = sources[sources.index("Zekerheid van de keuze per regel") :]
    assert choices.count(": L (reconstructie, aanname)") == 3
    assert max(len(line) for line in out.splitlines()) <= 200


def test_the_english_table_lists_its_sources_in_english() -> None:
    result = CliRunner().invoke(
        app, ["multi-year-plan", str(EXAMPLES), "--municipality", "Aalst", "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    sources = result.stdout[result.stdout.index("Sources of the codes") :]
    assert "1. The beleidsvelden of the BBC 2013 edition" in sources
    assert "Grade of the source: M (secondary source or inferred date)" in sources
