"""Excel uploads are checked against the limits table before openpyxl reads them: each bomb
(too large, unzipping too far, a lying zip header, too many shared strings, cells, rows or
elements, XML nested too deep, a DTD with entities) is refused with a plain message naming
the limit, fast, and a workbook at the limit is still read. The bombs are built with zipfile."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from klaverblad.model.limits import (
    EXCEL_BYTES,
    EXCEL_CELLS,
    EXCEL_UNCOMPRESSED_BYTES,
    NESTING_DEPTH,
    PEOPLE,
    SHARED_STRINGS,
)
from klaverblad.report.people_import import PeopleImportError, read_people_xlsx
from klaverblad.report.workbook_limits import XML_ELEMENTS, WorkbookLimitError, scan_workbook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
ROOT_RELATIONS = (
    f'<Relationships xmlns="{PACKAGE}"><Relationship Id="rId1" Type="{RELATIONS}/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONS}"><sheets>'
    '<sheet name="Personen" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELATIONS = (
    f'<Relationships xmlns="{PACKAGE}">'
    f'<Relationship Id="rId1" Type="{RELATIONS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{RELATIONS}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
PERSON = {
    "id": "w1", "role": "target", "birth_date": "1980-01-01", "diploma": "lager",
    "status": "leefloon", "unemployed_months": "24", "start_date": "2006-01-01", "fte": "0,5",
    "monthly_wage_cost": "2100", "placed_by_ocmw": "nee",
}  # fmt: skip


def cell(value: str) -> str:
    return f'<c t="inlineStr"><is><t>{value}</t></is></c>'


def sheet(rows: list[tuple[int, list[str]]], extra: str = "") -> str:
    body = "".join(f'<row r="{r}">' + "".join(map(cell, values)) + "</row>" for r, values in rows)
    return f'<worksheet xmlns="{MAIN}"><sheetData>{body}{extra}</sheetData></worksheet>'


def strings(count: int) -> str:
    return f'<sst xmlns="{MAIN}">' + "<si><t>x</t></si>" * count + "</sst>"


def workbook(sheet_xml: str, strings_xml: str | None = None, **parts: str) -> bytes:
    """A minimal .xlsx that openpyxl reads: one sheet 'Personen', a shared-string table."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", TYPES)
        archive.writestr("_rels/.rels", ROOT_RELATIONS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELATIONS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        archive.writestr("xl/sharedStrings.xml", strings_xml or strings(0))
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def people_rows(count: int) -> list[tuple[int, list[str]]]:
    header = list(PERSON)
    rows = [(1, header)]
    for number in range(1, count + 1):
        rows.append((number + 1, [f"w{number}" if f == "id" else PERSON[f] for f in header]))
    return rows


def refused(data: bytes, language: str = "en") -> str:
    # The message names the limit the scan refused it at: the scan runs before openpyxl reads.
    with pytest.raises(PeopleImportError) as raised:
        read_people_xlsx(data, language)  # type: ignore[arg-type]
    (problem,) = raised.value.problems
    return problem


def test_a_minimal_workbook_with_one_person_is_read_with_a_decimal_comma() -> None:
    (person,) = read_people_xlsx(workbook(sheet(people_rows(1))))
    assert person["id"] == "w1"
    assert person["fte"] == 0.5
    assert person["unemployed_months"] == 24


def test_a_people_sheet_of_exactly_the_people_limit_is_read() -> None:
    people = read_people_xlsx(workbook(sheet(people_rows(PEOPLE))))
    assert len(people) == PEOPLE


def test_one_person_past_the_people_limit_is_refused_naming_the_limit() -> None:
    problem = refused(workbook(sheet(people_rows(PEOPLE + 1))))
    assert problem == (
        f"the sheet 'Personen' has data past row {PEOPLE + 1}: more than {PEOPLE} people "
        "(the limit people); split the file"
    )


def test_a_value_on_the_last_row_of_excel_is_refused_without_reading_the_rows_between() -> None:
    far = sheet(people_rows(1), extra='<row r="1048576"><c><v>1</v></c></row>')
    assert "has data past row" in refused(workbook(far))


def test_an_upload_larger_than_the_compressed_limit_is_refused_in_dutch_and_english() -> None:
    data = b"PK\x03\x04" + bytes(EXCEL_BYTES)
    assert refused(data, "nl") == "het bestand is groter dan 2 MB (de limiet excel_bytes)"
    assert refused(data, "en") == "the file is larger than 2 MB (the limit excel_bytes)"


def test_a_small_upload_that_unzips_past_the_limit_is_refused_before_unzipping() -> None:
    filler = "<x/>" * (EXCEL_UNCOMPRESSED_BYTES // 4 + 1)
    data = workbook(sheet(people_rows(1)), **{"xl/filler.xml": filler})
    assert len(data) < 100_000
    assert refused(data) == (
        "the file is larger than 20 MB once unzipped (the limit excel_uncompressed_bytes)"
    )


def _lie_about_size(data: bytes, name: bytes, size: int) -> bytes:
    """The zip with the unpacked size of part `name` replaced by `size` in both its headers."""
    patched = bytearray(data)
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = patched.find(signature)
        while start != -1:
            if patched[start + name_at : start + name_at + len(name)] == name:
                struct.pack_into("<I", patched, start + size_at, size)
            start = patched.find(signature, start + 4)
    return bytes(patched)


def test_a_sheet_that_declares_fewer_bytes_than_it_holds_is_read_no_further() -> None:
    # 20 MB of empty rows after the people, declared as 100 bytes: zipfile reads the part no
    # further than it declares (and finds its checksum wrong), so the scan stops there and the
    # workbook is refused as damaged, quickly.
    rows = "<row/>" * (EXCEL_UNCOMPRESSED_BYTES // 6 + 1)
    data = workbook(sheet(people_rows(1), extra=rows))
    lying = _lie_about_size(data, b"xl/worksheets/sheet1.xml", 100)
    assert refused(lying) == "the file is not an Excel workbook (.xlsx) or is damaged"


def test_a_shared_string_table_at_the_limit_is_counted_and_one_past_it_refused() -> None:
    assert scan_workbook(workbook(sheet([]), strings(SHARED_STRINGS))).shared_strings == (
        SHARED_STRINGS
    )
    problem = refused(workbook(sheet([]), strings(SHARED_STRINGS + 1)), "nl")
    assert problem == (
        f"het bestand heeft meer dan {SHARED_STRINGS} verschillende teksten (de limiet "
        "shared_strings)"
    )


def test_a_sheet_with_one_cell_more_than_the_cell_limit_is_refused() -> None:
    columns = 100
    rows = [(r, ["x"] * columns) for r in range(1, EXCEL_CELLS // columns + 1)]
    assert scan_workbook(workbook(sheet(rows))).sheets["xl/worksheets/sheet1.xml"].cells == (
        EXCEL_CELLS
    )
    rows[-1][1].append("x")
    assert refused(workbook(sheet(rows))) == (
        f"a sheet has more than {EXCEL_CELLS} cells with a value (the limit excel_cells)"
    )


def test_empty_cells_cannot_cost_what_filled_ones_may_not() -> None:
    empty = sheet(people_rows(1), extra='<row r="3">' + "<c/>" * XML_ELEMENTS + "</row>")
    assert refused(workbook(empty)) == (
        f"the file is not a plain Excel workbook: its XML has more than {XML_ELEMENTS} "
        "elements (ten per allowed cell)"
    )


def test_xml_nested_deeper_than_the_depth_limit_is_refused() -> None:
    deep = "<a>" * (NESTING_DEPTH + 1) + "</a>" * (NESTING_DEPTH + 1)
    data = workbook(sheet(people_rows(1)), **{"xl/deep.xml": deep})
    assert refused(data) == (
        f"the file is not a plain Excel workbook: its XML nests more than {NESTING_DEPTH} "
        "levels deep (the limit nesting_depth)"
    )


def test_billion_laughs_in_the_shared_strings_is_refused_before_any_entity_is_expanded() -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "lol">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
        + f']><sst xmlns="{MAIN}"><si><t>&j;</t></si></sst>'
    )
    assert refused(workbook(sheet(people_rows(1)), laughs)) == (
        "the file is not a plain Excel workbook: its XML has a DTD or entities, which are not "
        "allowed"
    )


def test_a_number_with_an_exponent_or_too_many_digits_in_a_cell_is_not_a_number() -> None:
    cases = (
        ("1e1000000", "'1e1000000' is not a number: write it in digits, without an exponent"),
        ("9" * 31, f"'{'9' * 31}' has more than 30 significant digits"),
    )
    for text, message in cases:
        rows = people_rows(1)
        rows[1][1][list(PERSON).index("monthly_wage_cost")] = text
        assert refused(workbook(sheet(rows))) == f"row 2, column monthly_wage_cost: {message}"


def test_a_numeric_cell_far_beyond_any_range_is_not_a_number() -> None:
    xml = sheet(people_rows(1)).replace(cell("2100"), "<c><v>1e300</v></c>")
    assert refused(workbook(xml)) == "row 2, column monthly_wage_cost: '1e+300' is not a number"


def test_a_very_long_cell_is_quoted_short_in_its_message() -> None:
    rows = people_rows(1)
    rows[1][1][list(PERSON).index("fte")] = "x" * 10_000
    problem = refused(workbook(sheet(rows)))
    assert problem.startswith("row 2, column fte: 'xxxx")
    assert problem.endswith(
        "…' (10000 characters) is too long for a number (at most 40 characters)"
    )
    assert len(problem) < 200


def test_the_scan_refuses_limits_by_name() -> None:
    with pytest.raises(WorkbookLimitError) as raised:
        scan_workbook(workbook(sheet([]), strings(SHARED_STRINGS + 1)))
    assert (raised.value.limit, raised.value.value) == ("shared_strings", SHARED_STRINGS)


def _with_part_changed(data: bytes, name: str, change: str) -> bytes:
    """The workbook with one part's zip entry marked encrypted, or its bytes damaged."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
    raw = bytearray(out.getvalue())
    header = raw.find(b"PK\x03\x04" + raw[4:6])  # the first local header; find the part's own
    while header >= 0:
        length = struct.unpack("<H", raw[header + 26 : header + 28])[0]
        if raw[header + 30 : header + 30 + length].decode() == name:
            break
        header = raw.find(b"PK\x03\x04", header + 4)
    assert header >= 0, name
    if change == "encrypted":
        raw[header + 6] |= 0x1
        central = raw.find(b"PK\x01\x02" + raw[4:4], 0)
        while central >= 0:
            length = struct.unpack("<H", raw[central + 28 : central + 30])[0]
            if raw[central + 46 : central + 46 + length].decode() == name:
                raw[central + 8] |= 0x1
            central = raw.find(b"PK\x01\x02", central + 4)
    else:
        length = struct.unpack("<H", raw[header + 26 : header + 28])[0]
        start = header + 30 + length
        raw[start : start + 4] = b"\xff\xff\xff\xff"  # the compressed bytes no longer inflate
    return bytes(raw)


@pytest.mark.parametrize("change", ["encrypted", "damaged"])
def test_an_encrypted_or_damaged_part_makes_the_upload_not_a_workbook(change: str) -> None:
    # Such a part was skipped by the scan; it must never reach openpyxl unscanned.
    data = _with_part_changed(workbook(sheet(people_rows(1))), "xl/worksheets/sheet1.xml", change)
    assert refused(data) == "the file is not an Excel workbook (.xlsx) or is damaged"
