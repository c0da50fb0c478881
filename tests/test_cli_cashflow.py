"""`klaverblad cashflow FILE`: the cash flow as a Dutch table, JSON or CSV; bad input exits 2
naming the problem (docs/cashflow.md)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from klaverblad.cli import app

BIK = Path(__file__).resolve().parents[1] / "examples" / "bik-klusjesdienst.yaml"


def test_the_json_ends_at_the_plans_saldo_and_names_its_schema() -> None:
    printed = CliRunner().invoke(app, ["cashflow", str(BIK), "--format", "json"])
    assert printed.exit_code == 0, printed.output
    document = json.loads(printed.stdout)
    assert document["schema"] == "klaverblad.cashflow/1"
    summary = document["summary"]
    # No cash block: opening 0.00, so the final balance is the plan's saldo.
    assert summary["final_balance"] == summary["saldo"]
    # SINE's Q4 2007 doelgroepvermindering arrives in January 2008, after the horizon.
    assert document["months"][-1]["month"] == "2008-01"
    assert document["months"][-1]["in_horizon"] is False


def test_the_table_is_dutch_with_amounts_the_belgian_way() -> None:
    printed = CliRunner().invoke(app, ["cashflow", str(BIK)])
    assert printed.exit_code == 0, printed.output
    assert "Kasstroom per maand" in printed.stdout
    # BIK pre-finances its lowest balance, −69 454.81 in December 2007 (docs/cashflow.md).
    assert "Voor te financieren: €" in printed.stdout
    assert "69.454,81" in printed.stdout
    assert "verondersteld in de maand zelf" in printed.stdout


def test_the_csv_has_one_row_per_month() -> None:
    printed = CliRunner().invoke(app, ["cashflow", str(BIK), "--format", "csv"])
    rows = printed.stdout.strip().splitlines()
    # 24 horizon months + January 2008 + the header.
    assert len(rows) == 26
    assert rows[0].startswith("month,in_horizon,costs,received")


def test_a_missing_file_exits_2_naming_it(tmp_path: Path) -> None:
    printed = CliRunner().invoke(app, ["cashflow", str(tmp_path / "none.yaml")])
    assert printed.exit_code == 2
    assert "none.yaml" in printed.output


def test_a_bad_cash_block_exits_2_naming_the_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "id: x\nname: X\npromoter: {name: P, legal_form: vzw, municipality: K}\n"
        "horizon: {start: 2006-01, months: 3}\ncash: {invoice_payment_days: 400}\n"
    )
    printed = CliRunner().invoke(app, ["cashflow", str(path)])
    assert printed.exit_code == 2
    assert "cash.invoice_payment_days" in printed.output


def test_the_horizon_options_shorten_the_cash_flow() -> None:
    printed = CliRunner().invoke(
        app, ["cashflow", str(BIK), "--start", "2006-07", "--months", "6", "--format", "csv"]
    )
    rows = printed.stdout.strip().splitlines()
    # July to December 2006, then SINE's Q4 2006 doelgroepvermindering in January 2007.
    assert [row.split(",")[0] for row in rows[1:]] == [
        "2006-07", "2006-08", "2006-09", "2006-10", "2006-11", "2006-12", "2007-01",
    ]  # fmt: skip
    # January 2007 pays nothing and receives only that € 1 000.00 (leaf II).
    expected = ["false", "0.00", "1000.00", "0.00", "1000.00", "0.00", "0.00"]
    assert rows[-1].split(",")[1:8] == expected
