"""The CSV file under a table of a page, offered as a download. Text cells that a spreadsheet
would run as a formula are escaped with a leading `'` (`report/csv_cells.py`); numbers are
written as they are.

Three styles, by the `language` the caller passes:

* `"nl"` (a Dutch page): for a spreadsheet in Dutch (Belgian) settings — `;` between fields,
  decimal commas (`2950,50`, no thousands separator) and a UTF-8 BOM so that it reads the
  accents;
* `"en"` (an English page): `,` between fields, decimal points, no BOM;
* none (the pages that do not say their language yet): `,` and decimal points with a BOM.

>>> from decimal import Decimal
>>> csv_text(("name", "amount"), [("Gent", "12.50")])
'\\ufeffname,amount\\nGent,12.50\\n'
>>> csv_text(("Naam", "Bedrag"), [("Gent", Decimal("2950.50"))], "nl")
'\\ufeffNaam;Bedrag\\nGent;2950,50\\n'
>>> csv_text(("name", "amount"), [("Gent", Decimal("2950.50"))], "en")
'name,amount\\nGent,2950.50\\n'
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from starlette.responses import Response

from klaverblad.locale import Language
from klaverblad.report.csv_cells import csv_writer

BOM = "\ufeff"


def csv_text(
    header: Sequence[str], rows: Iterable[Sequence[object]], language: Language | None = None
) -> str:
    """The rows under their header as CSV text (`None` is an empty cell), in the style of
    `language` (see the module's text)."""
    buffer = io.StringIO()
    writer = csv_writer(buffer, language)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    return ("" if language == "en" else BOM) + buffer.getvalue()


def csv_response(
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    filename: str,
    language: Language | None = None,
) -> Response:
    """A download of the rows as `filename` (letters, digits, `-`, `_` and `.` only)."""
    return Response(
        csv_text(header, rows, language).encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )
