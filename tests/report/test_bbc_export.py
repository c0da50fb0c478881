"""The multi-year plan's CSV and workbook, read back (docs/multi-year-plan.md): Aalst's worked
example, one row per mapping row, a column per year, a live SUM for the total."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from klaverblad.advice.multi_year_plan import MultiYearPlan, compute_multi_year_plan
from klaverblad.model import load_initiative
from klaverblad.report.bbc_export import multi_year_to_csv, multi_year_to_dict, notes
from klaverblad.report.bbc_xlsx import multi_year_xlsx

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def aalst() -> MultiYearPlan:
    initiatives = [load_initiative(path) for path in sorted(EXAMPLES.glob("*.yaml"))]
    return compute_multi_year_plan(initiatives, "Aalst")


def test_the_dutch_csv_has_a_row_per_mapping_row_and_the_reconciliation(
    aalst: MultiYearPlan,
) -> None:
    rows = list(csv.reader(io.StringIO(multi_year_to_csv(aalst, "nl")), delimiter=";"))
    assert rows[0][:3] == ["direction", "entry", "beleidsveld"]
    assert rows[0][9:16] == ["2026", "2027", "2028", "2029", "2030", "2031", "total"]
    # Federal grant to OCMW Aalst: 1 800,00 a year, 6 × 1 800 = 10 800,00.
    assert rows[1][:9] == [
        "received",
        "received_leaf_II",
        "0904",
        "Activering van tewerkstelling",
        "7405/9",
        "Specifieke werkingssubsidies",
        "100",
        "federaal",
        "II",
    ]
    assert rows[1][9:16] == ["1800,00"] * 6 + ["10800,00"]
    # The city pays vzw Groenkracht 120 h × 28,00 × 12 = 40 320,00 a year; 6 years 241 920,00.
    assert rows[3][1] == "paid_leaf_III" and rows[3][9:16] == ["40320,00"] * 6 + ["241920,00"]
    # The sum of the plan lines in 2026: 1 800 + 8 640 + 40 320 + 4 800 + 625 = 56 185,00.
    assert rows[-1][0] == "plan_lines" and rows[-1][9] == "56185,00"


def test_the_english_csv_has_commas_and_decimal_points(aalst: MultiYearPlan) -> None:
    rows = list(csv.reader(io.StringIO(multi_year_to_csv(aalst, "en"))))
    assert rows[1][9] == "1800.00"


def test_the_workbook_has_a_sum_formula_per_row_and_a_sources_sheet(aalst: MultiYearPlan) -> None:
    book = openpyxl.load_workbook(io.BytesIO(multi_year_xlsx(aalst, "nl")))
    assert book.sheetnames == ["Meerjarenplan", "Bronnen"]
    sheet = book["Meerjarenplan"]
    assert sheet["G4"].value == "2026" and sheet["M4"].value == "Totaal"
    # Row 5: the federal grant, 1 800,00 in each year, its total a live SUM of the years.
    assert [sheet.cell(5, column).value for column in range(7, 13)] == [1800] * 6
    assert sheet["M5"].value == "=SUM(G5:L5)"
    assert sheet["B5"].value == "0904 Activering van tewerkstelling"
    assert sheet["C7"].value == "te kiezen door de financiële dienst"
    sources = book["Bronnen"]
    urls = {cell.value for row in sources.iter_rows() for cell in row}
    assert "https://lokaalbestuur.vlaanderen.be/subsidie/subsidie-aan-belgische-ocmw" in urls


def test_the_json_names_the_period_and_the_sources(aalst: MultiYearPlan) -> None:
    document = multi_year_to_dict(aalst)
    assert document["schema"] == "klaverblad.multi-year-plan/1"
    assert document["period"] == {
        "start": "2026-01",
        "months": 72,
        "years": [2026, 2027, 2028, 2029, 2030, 2031],
    }
    assert document["totals"]["internal"]["2031"] == "4800.00"
    assert document["sources"]["abb_subsidy_ocmw"]["grade"] == "M"


def test_the_notes_count_the_initiatives_of_other_municipalities_in_good_dutch() -> None:
    initiatives = [load_initiative(EXAMPLES / "bik-klusjesdienst.yaml")]
    initiatives.append(load_initiative(EXAMPLES / "dgv-groendienst-2025.yaml"))  # Aalst
    one_left_out = compute_multi_year_plan(initiatives, "Aalst")
    assert one_left_out.other_municipalities == 1
    assert "1 initiatief van een andere gemeente weggelaten." in notes(one_left_out, "nl")
    assert "1 initiative of another municipality left out." in notes(one_left_out, "en")
    two = replace(one_left_out, other_municipalities=2)
    assert "2 initiatieven van andere gemeenten weggelaten." in notes(two, "nl")


def test_the_dutch_workbooks_sources_sheet_has_dutch_titles_numbered_with_their_grades(
    aalst: MultiYearPlan,
) -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(multi_year_xlsx(aalst, "nl")))["Bronnen"]
    rows = [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]
    header = rows.index(["Bron", "URL", "Zekerheid van de bron", "Codes uit deze bron", "", ""])
    listed = rows[header + 1 :]
    # Numbered down the sheet as the entries name them: 7405/9 of the first entry (ABB guide, 1),
    # 0904 of the second (BBC 2013 list, 2), Politeia for the paid entries (3), and last the FAQ
    # that gives the economic sector 300 only (4): the four sources of the mapping.
    assert [row[0].split(" ", 1)[0] for row in listed] == ["1.", "2.", "3.", "4."]
    assert listed[1][0].startswith("2. De beleidsvelden van de BBC-editie 2013")
    assert "herpubliceerd als open data" in listed[1][0]
    assert "Not confirmed" not in listed[1][0]
    assert "zijn tussenkomsten in de werking van andere entiteiten" in listed[2][0]
    assert listed[1][2] == "L (reconstructie, aanname)"
    assert listed[3][2] == "M (secundaire bron of afgeleide datum)"
    assert listed[3][3] == "300 Vlaamse overheid"
    # The entries' codes carry the number of their source.
    assert (rows[5][:3]) == [
        "Ontvangen door gemeente of OCMW",
        "II",
        "0904 Activering van tewerkstelling [2]",
    ]
