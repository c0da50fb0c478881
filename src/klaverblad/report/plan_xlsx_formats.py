"""The cell formats of the plan workbook, shared by its sheets (`plan_xlsx.py`,
`plan_xlsx_costs.py`). Amounts are numbers in euros with the format `"€ "#,##0.00`, so the
spreadsheet shows them in the reader's own locale and can compute with them; the cells a
promoter may change (a wage, the operating costs) have a light yellow fill."""

from __future__ import annotations

from xlsxwriter.workbook import Workbook

EURO_FORMAT = '"€ "#,##0.00;"€ -"#,##0.00'
DATE_FORMAT = "d/mm/yyyy"
INPUT_FILL = "#FFF2CC"


def euros(cents: int) -> float:
    """Cents as the number of euros a cell holds."""
    return cents / 100


class Formats:
    def __init__(self, workbook: Workbook) -> None:
        self.title = workbook.add_format({"bold": True, "font_size": 14})
        self.bold = workbook.add_format({"bold": True})
        self.header = workbook.add_format(
            {"bold": True, "bg_color": "#E8E8E8", "bottom": 1, "text_wrap": True, "valign": "top"}
        )
        self.euro = workbook.add_format({"num_format": EURO_FORMAT})
        self.euro_bold = workbook.add_format({"num_format": EURO_FORMAT, "bold": True})
        self.euro_total = workbook.add_format({"num_format": EURO_FORMAT, "bold": True, "top": 1})
        self.euro_input = workbook.add_format({"num_format": EURO_FORMAT, "bg_color": INPUT_FILL})
        self.whole = workbook.add_format({"num_format": "0"})
        self.hours = workbook.add_format({"num_format": "#,##0.00"})
        self.date = workbook.add_format({"num_format": DATE_FORMAT, "align": "left"})
        self.wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        self.italic = workbook.add_format({"italic": True, "font_color": "#595959"})
        self.year = workbook.add_format({"num_format": "0", "bold": True, "bg_color": "#E8E8E8"})
