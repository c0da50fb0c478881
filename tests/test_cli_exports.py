"""`klaverblad plan --format xlsx|pdf` as a user runs it: bytes to --output, which is required."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import openpyxl
import pypdf
import pytest

BIK = Path(__file__).resolve().parents[1] / "examples" / "bik-klusjesdienst.yaml"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "klaverblad", *args], capture_output=True, text=True, check=False
    )


def test_plan_as_pdf(tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    result = run("plan", str(BIK), "--format", "pdf", "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    text = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "Klusjesdienst en buurtdiensten vzw BIK" in text


def test_plan_as_xlsx_in_english(tmp_path: Path) -> None:
    out = tmp_path / "plan.xlsx"
    result = run("plan", str(BIK), "--format", "xlsx", "--output", str(out), "--lang", "en")
    assert result.returncode == 0, result.stderr
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["Years", "Costs", "Plan", "Cash flow", "Alerts", "Sources"]
    assert str(workbook["Years"]["C9"].value).startswith("=SUMIFS(")


@pytest.mark.parametrize("kind", ["pdf", "xlsx"])
def test_binary_formats_need_output(kind: str) -> None:
    result = run("plan", str(BIK), "--format", kind)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip() == f"--output: required for --format {kind}"


def test_an_unwritable_output_exits_2(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "plan.xlsx"
    result = run("plan", str(BIK), "--format", "xlsx", "--output", str(out))
    assert result.returncode == 2
    assert result.stderr.startswith(f"--output: cannot write {out}")
    assert "Traceback" not in result.stderr


def test_an_unknown_format_is_refused() -> None:
    result = run("plan", str(BIK), "--format", "docx")
    assert result.returncode == 2
    assert "docx" in result.stderr
