"""Checking an uploaded Excel workbook against the limits table *before* openpyxl reads it, so
that a small upload cannot unpack into a huge one (a "zip bomb"), fill memory with a
shared-string table, or make the importer walk a million cells.

An `.xlsx` file is a zip of XML parts. `scan_workbook` looks at it in this order, each step
bounded by the one before:

1. the upload's size (`EXCEL_BYTES`);
2. the zip's directory: the parts' declared unpacked sizes, summed (`EXCEL_UNCOMPRESSED_BYTES`);
   the parts are then read through a stream that counts what really comes out, so a part that
   declares less than it holds cannot go past the limit either;
3. every part that is XML, streamed with defusedxml (no DTD, no entities, no external
   references) and never built as a tree: elements nested deeper than `NESTING_DEPTH` are
   refused; in the shared-string table the entries are counted (`SHARED_STRINGS`); in each
   worksheet the cells with a value are counted (`EXCEL_CELLS`) and the last row holding one
   is noted, so the importer can refuse a people sheet longer than `PEOPLE` plus its header
   row and read no row past the last one; the elements of all parts are counted too
   (`XML_ELEMENTS`, derived from `EXCEL_CELLS`), so that empty or style-only cells, rows and
   styles cannot cost what filled ones may not.

A part that is not XML (a picture) or not well-formed is left to openpyxl, which refuses a
damaged workbook on its own. Every refusal is a `WorkbookLimitError` saying which limit.

>>> try:
...     scan_workbook(b"PK" + bytes(EXCEL_BYTES))
... except WorkbookLimitError as error:
...     print(error.limit, error.value)
excel_bytes 2097152
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import IO, Any
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from klaverblad.model.limits import (
    EXCEL_BYTES,
    EXCEL_CELLS,
    EXCEL_UNCOMPRESSED_BYTES,
    NESTING_DEPTH,
    SHARED_STRINGS,
    XML_ELEMENTS,
)

# XML_ELEMENTS counts every element of every XML part, summed: a cell with a value is 3
# elements (c, v or is and t), a shared string 2 or more (si, t, rich-text runs); ten per
# allowed cell leaves room for the styles, comments and validations of a real workbook and
# bounds what empty or style-only elements can cost: openpyxl builds a tuple for every cell of
# a row it reads, filled or not, and a tree of the styles.
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_WORKSHEET, _ROW, _CELL, _STRING = (f"{_MAIN}{name}" for name in ("worksheet", "row", "c", "si"))
_CHUNK = 64 * 1024


class WorkbookLimitError(ValueError):
    """The workbook goes past one limit of the table: `limit` is its name in
    `klaverblad.model.limits.LIMITS` (or 'xml_elements', 'xml_entities'), `value` the
    bound."""

    def __init__(self, limit: str, value: int = 0) -> None:
        super().__init__(f"the workbook goes past the limit {limit} ({value})")
        self.limit = limit
        self.value = value


class NotAWorkbookError(ValueError):
    """The upload is not a readable zip file: not a zip at all, or a part that is damaged,
    encrypted or compressed in a way zipfile cannot read."""


# Zip entries the scan (and openpyxl, through zipfile) can read; bit 0 of the flags marks an
# encrypted entry.
_READABLE_COMPRESSION = (
    zipfile.ZIP_STORED,
    zipfile.ZIP_DEFLATED,
    zipfile.ZIP_BZIP2,
    zipfile.ZIP_LZMA,
)
_ENCRYPTED = 0x1


@dataclass
class SheetShape:
    """What the scan saw of one worksheet part: cells with a value and the last row with one."""

    cells: int = 0
    last_row: int = 0


@dataclass
class WorkbookShape:
    """The scan's findings, by part name (as in the zip, without a leading '/')."""

    sheets: dict[str, SheetShape] = field(default_factory=dict)
    shared_strings: int = 0
    elements: int = 0


class _BoundedReader(io.RawIOBase):
    """A part's unpacked bytes, refused once more than `budget` have come out in all parts."""

    def __init__(self, stream: IO[bytes], budget: list[int]) -> None:
        self._stream = stream
        self._budget = budget

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._stream.read(min(len(buffer), _CHUNK))
        self._budget[0] -= len(data)
        if self._budget[0] < 0:
            raise WorkbookLimitError("excel_uncompressed_bytes", EXCEL_UNCOMPRESSED_BYTES)
        buffer[: len(data)] = data
        return len(data)


def scan_workbook(data: bytes) -> WorkbookShape:
    """Check `data` against the limits (see the module); `NotAWorkbookError` when it is not a
    zip, `WorkbookLimitError` naming the first limit it goes past."""
    if len(data) > EXCEL_BYTES:
        raise WorkbookLimitError("excel_bytes", EXCEL_BYTES)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as error:
        raise NotAWorkbookError(str(error)) from None
    with archive:
        parts = archive.infolist()
        if sum(part.file_size for part in parts) > EXCEL_UNCOMPRESSED_BYTES:
            raise WorkbookLimitError("excel_uncompressed_bytes", EXCEL_UNCOMPRESSED_BYTES)
        shape = WorkbookShape()
        budget = [EXCEL_UNCOMPRESSED_BYTES]
        for part in parts:
            if part.is_dir():
                continue
            if part.flag_bits & _ENCRYPTED or part.compress_type not in _READABLE_COMPRESSION:
                raise NotAWorkbookError(f"{part.filename}: encrypted or compressed unreadably")
            try:
                with archive.open(part) as stream:
                    _scan_part(part.filename.lstrip("/"), _BoundedReader(stream, budget), shape)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
                # A damaged part is refused here, never left for openpyxl to read unscanned.
                raise NotAWorkbookError(f"{part.filename}: {error}") from None
    return shape


def _scan_part(name: str, stream: _BoundedReader, shape: WorkbookShape) -> None:
    """Stream one part: depth, DTD and entities everywhere; counts in the shared strings and
    the worksheets. A part that is not XML stops at its first bytes."""
    open_elements: list[Any] = []
    sheet: SheetShape | None = None
    row = 0
    row_has_value = cell_has_value = False
    try:
        for event, element in iterparse(
            io.BufferedReader(stream, _CHUNK),
            events=("start", "end"),
            forbid_dtd=True,
        ):
            tag = element.tag
            if event == "start":
                shape.elements += 1
                if shape.elements > XML_ELEMENTS:
                    raise WorkbookLimitError("xml_elements", XML_ELEMENTS)
                if len(open_elements) >= NESTING_DEPTH:
                    raise WorkbookLimitError("nesting_depth", NESTING_DEPTH)
                if not open_elements and tag == _WORKSHEET:
                    sheet = shape.sheets.setdefault(name, SheetShape())
                elif sheet is not None and tag == _ROW:
                    row = _row_number(element.get("r"), row + 1)
                    row_has_value = False
                elif sheet is not None and tag == _CELL:
                    cell_has_value = False
                elif sheet is not None and open_elements[-1].tag == _CELL:
                    cell_has_value = True  # a value, an inline string or a formula
                open_elements.append(element)
                continue
            open_elements.pop()
            if tag == _STRING and len(open_elements) == 1:
                shape.shared_strings += 1
                if shape.shared_strings > SHARED_STRINGS:
                    raise WorkbookLimitError("shared_strings", SHARED_STRINGS)
            elif sheet is not None and tag == _CELL and cell_has_value:
                sheet.cells += 1
                if sheet.cells > EXCEL_CELLS:
                    raise WorkbookLimitError("excel_cells", EXCEL_CELLS)
                if not row_has_value:
                    row_has_value = True
                    sheet.last_row = max(sheet.last_row, row)
            if open_elements:
                # Keep no finished element: memory stays that of the open elements.
                open_elements[-1].remove(element)
    except DefusedXmlException:
        raise WorkbookLimitError("xml_entities") from None
    except ParseError:
        return  # not XML, or not well-formed: openpyxl decides


def _row_number(text: str | None, default: int) -> int:
    if text is not None and text.isdigit() and len(text) <= len(str(2**20)):
        return int(text)
    return default
