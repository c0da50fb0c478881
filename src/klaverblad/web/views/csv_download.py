"""The CSV file under a table of a page: the same rows, `,`-separated with a decimal point in
both languages (as `report/plan_csv.py`), UTF-8 with a BOM so that a spreadsheet reads the
accents, offered as a download. Text cells that a spreadsheet would run as a formula are
escaped with a leading `'` (`report/csv_cells.py`); numbers are written as they are.

>>> csv_text(("name", "amount"), [("Gent", "12.50")])
'\\ufeffname,amount\\nGent,12.50\\n'
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from starlette.responses import Response

from klaverblad.report.csv_cells import csv_writer

BOM = "\ufeff"


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """The rows under their header as CSV text (`None` is an empty cell)."""
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    return BOM + buffer.getvalue()


def csv_response(
    header: Sequence[str], rows: Iterable[Sequence[object]], filename: str
) -> Response:
    """A download of the rows as `filename` (letters, digits, `-`, `_` and `.` only)."""
    return Response(
        csv_text(header, rows).encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )
