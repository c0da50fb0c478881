"""Bad input at the command line: `klaverblad plan` and `klaverblad explain` refuse anything
that is not a valid initiative file with exit status 2 and one line per problem on standard
error, each naming the file (and the field, where the file has one) — never a traceback
(CONTRACT §2).

Generated inputs (Hypothesis, `ci` profile of tests/conftest.py): arbitrary text and YAML-like
text, arbitrary bytes, and the example files mutated (a required key deleted, a value of the
wrong type, a huge number, NaN, deep nesting, binary, an unknown key, a key given twice, a byte
order mark; tests/bad_documents.py). Excel: the command line reads no workbook, so an .xlsx
given as FILE must be refused like any other bad file; the people importer the wizard uses
(`report/people_import.py`) is fuzzed directly with generated workbooks.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from klaverblad.cli import app
from klaverblad.model.initiative import Person
from klaverblad.report.people_import import PeopleImportError, read_people_xlsx
from klaverblad.report.plan_xlsx import people_template_xlsx
from tests.bad_documents import (
    BOM,
    DOCUMENTS,
    examples_with_a_key_twice,
    mutated_examples,
    people_workbooks,
    serialise,
)

RUNNER = CliRunner()
# Each command as a user would run it on a file; `w1` is a person of some examples.
COMMANDS = (("plan", "--format", "json"), ("explain", "--person", "w1"))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bad-input")


def run(command: tuple[str, ...], path: Path) -> Result:
    return RUNNER.invoke(app, [command[0], str(path), *command[1:]])


def assert_refused(result: Result, path: Path, field: str | None = None) -> list[str]:
    """Exit 2, nothing on standard output, every line of standard error naming the file (and
    one naming `field`, when given), no traceback; returns the lines."""
    assert result.exit_code == 2, (result.exit_code, result.stderr, result.exception)
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines
    assert all(line.startswith(f"{path}: ") for line in lines), lines
    if field is not None:
        assert any(line.startswith(f"{path}: {field}") for line in lines), (field, lines)
    return lines


def refused_by_both_commands(path: Path, field: str | None = None) -> list[str]:
    lines = [assert_refused(run(command, path), path, field) for command in COMMANDS]
    # Both commands load the file the same way: the same problems.
    assert lines[0] == lines[1]
    return lines[0]


# --- Arbitrary text and bytes ----------------------------------------------------------------

YAML_PIECES = (
    "id:", "name: x", "horizon:", " start: 2006-01", " months: 12", "people:", "- ", "  ", "\n",
    "[", "]", "{", "}", ":", ",", "&a ", "*a", "!!binary ", "!!python/object:os.system ", "? ",
    "---", "\t", '"', "'", "#", "1e400", ".nan", "-.inf", "<<: ", "2006-13-45", "~", "|", ">",
    "fte: ", "9" * 40, "\ufeff", "\x00", "\u2028", "%YAML 1.1", "@", "`",
)  # fmt: skip


@given(
    text=st.one_of(
        st.text(st.characters(codec="utf-8"), max_size=300),
        st.lists(st.sampled_from(YAML_PIECES), max_size=40).map("".join),
    ),
    suffix=st.sampled_from([".yaml", ".yml", ".json", ".txt"]),
)
def test_any_text_as_an_initiative_file_exits_2_naming_the_file(
    folder: Path, text: str, suffix: str
) -> None:
    path = folder / f"text{suffix}"
    path.write_text(text, encoding="utf-8")
    refused_by_both_commands(path)


@given(
    data=st.one_of(
        st.binary(max_size=500),
        st.tuples(
            st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"PK\x03\x04", b"%PDF"]),
            st.binary(max_size=300),
        ).map(b"".join),
    ),
    suffix=st.sampled_from([".yaml", ".json", ".xlsx"]),
)
def test_any_bytes_as_an_initiative_file_exit_2_naming_the_file(
    folder: Path, data: bytes, suffix: str
) -> None:
    path = folder / f"bytes{suffix}"
    path.write_bytes(data)
    refused_by_both_commands(path)


# --- Mutated example files -------------------------------------------------------------------
@given(mutated_examples())
def test_an_example_with_a_missing_key_or_a_wrong_value_exits_2_naming_the_field(
    folder: Path, mutated: tuple[str, str, str]
) -> None:
    text, suffix, field = mutated
    path = folder / f"mutated{suffix}"
    path.write_text(text, encoding="utf-8")
    refused_by_both_commands(path, field)


@given(examples_with_a_key_twice())
def test_an_example_with_a_key_given_twice_exits_2_naming_the_key(
    folder: Path, duplicated: tuple[str, str]
) -> None:
    text, key = duplicated
    path = folder / "twice.yaml"
    path.write_text(text, encoding="utf-8")
    (line,) = refused_by_both_commands(path)
    assert f"the key '{key}' is given twice" in line


# --- Hand-picked inputs (each was a traceback or a wrong answer before the fixes) ------------

NESTED = 10_000


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("deep.json", "[" * NESTED + "]" * NESTED, "(the whole file): is nested more than 20"),
        ("deep.yaml", "[" * NESTED + "]" * NESTED, "line 1, column 1001: is nested more than 20"),
        ("deep-map.yaml", "a: " + "{a: " * 5000 + "1" + "}" * 5000, "is nested more than 20"),
        ("deep-field.json", '{"people": [' * 30 + "]}" * 30, "people[0].people[0]"),
        ("list-key.yaml", "? [a, b]\n: c\n", "line 1, column 3: not valid YAML: a key is a list"),
        ("map-key.yaml", "id: x\n? {a: 1}\n: c\n", "line 2, column 3: not valid YAML: a key is"),
        ("fte.json", '{"people": [{"fte": "1e999999999999"}]}', "people[0].fte: '1e999999999999'"),
        (
            "money.json",
            '{"costs": {"operating_per_year": 1e30}}',
            "costs.operating_per_year: '1e+30",
        ),
        (
            "month.json",
            '{"horizon": {"start": "٢٠٠٦-٠١"}}',
            "horizon.start: '٢٠٠٦-٠١' is not a month",
        ),
        (
            "digits.json",
            '{"horizon": {"months": ' + "9" * 5000 + "}}",
            "a number has far too many digits",
        ),
        ("python.yaml", "!!python/object:os.system {}\n", "not valid YAML: could not determine"),
        ("nan.json", '{"id": NaN}', "id: must be text"),
        ("utf16.json", '{"id": "x"}'.encode("utf-16"), "(the file): is not UTF-8 text"),
        ("two-documents.yaml", "id: a\n---\nid: b\n", "not valid YAML: but found another document"),
    ],
)
def test_a_hand_picked_bad_file_exits_2_with_its_problem(
    folder: Path, name: str, data: str | bytes, message: str
) -> None:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    lines = refused_by_both_commands(path)
    assert any(message in line for line in lines), lines


def test_a_valid_example_with_a_byte_order_mark_is_planned_as_json_and_as_yaml(
    folder: Path,
) -> None:
    # Windows editors write a BOM; YAML ignored it, JSON refused it (now both ignore it).
    for suffix, as_json in ((".json", True), (".yaml", False)):
        path = folder / f"bom{suffix}"
        path.write_text(BOM + serialise(DOCUMENTS[0], as_json), encoding="utf-8")
        result = run(COMMANDS[0], path)
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["initiative"]["id"] == DOCUMENTS[0]["id"]


def test_a_missing_file_and_a_folder_exit_2_naming_them(folder: Path) -> None:
    for path in (folder / "absent.yaml", folder):
        (line,) = refused_by_both_commands(path)
        assert "(the file): cannot be read" in line


def test_the_installed_command_prints_no_traceback_for_deeply_nested_input(folder: Path) -> None:
    # A real process has another stack depth than the in-process runner.
    path = folder / "deep-process.json"
    path.write_text('{"people": ' + "[" * NESTED + "]" * NESTED + "}", encoding="utf-8")
    for command in COMMANDS:
        completed = subprocess.run(
            [sys.executable, "-m", "klaverblad", command[0], str(path), *command[1:]],
            capture_output=True,
            text=True,
            check=False,
        )
        assert completed.returncode == 2
        assert completed.stderr == f"{path}: (the whole file): is nested more than 20 levels deep\n"


# --- Excel files -----------------------------------------------------------------------------


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        people_template_xlsx("nl"),
        _zip({"hello.txt": b"not a workbook"}),
        _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<<<"}),
        b"PK\x03\x04" + bytes(range(256)) * 4,
    ],
    ids=["people-template", "zip-of-text", "broken-xlsx", "zip-header-and-noise"],
)
def test_an_excel_file_given_as_an_initiative_exits_2_naming_the_file(
    folder: Path, data: bytes
) -> None:
    path = folder / "people.xlsx"
    path.write_bytes(data)
    (line,) = refused_by_both_commands(path)
    assert line == f"{path}: (the file): is not UTF-8 text"


ROW_COLUMN = re.compile(r"^rij \d+, kolom [a-z_]+: ")


@given(people_workbooks())
def test_the_people_importer_returns_valid_people_or_names_each_problem_never_crashes(
    workbook: bytes,
) -> None:
    try:
        people = read_people_xlsx(workbook, "nl")
    except PeopleImportError as error:
        assert error.problems
        assert all(isinstance(problem, str) and problem for problem in error.problems)
        return
    assert people
    for person in people:
        Person.model_validate(person)


@given(st.binary(max_size=2000))
def test_the_people_importer_refuses_random_bytes_as_not_a_workbook(data: bytes) -> None:
    with pytest.raises(PeopleImportError) as raised:
        read_people_xlsx(b"PK\x03\x04" + data, "en")
    assert raised.value.problems == ["the file is not an Excel workbook (.xlsx) or is damaged"]


def test_the_people_template_with_wrong_cell_types_names_each_row_and_column() -> None:
    # The real template, its first data row filled with values of the wrong type: a time for
    # a date, text for a number, a number for a choice, a date for a yes/no.
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(people_template_xlsx("nl")))
    sheet = workbook.worksheets[0]
    columns = {cell.value: cell.column for cell in sheet[1] if cell.value}
    wrong = {
        "id": "w1",
        "role": 3,
        "birth_date": time(12, 30),
        "diploma": "lager",
        "status": "uvw",
        "unemployed_months": "twaalf",
        "start_date": "2006-02-30",
        "fte": "veel",
        "monthly_wage_cost": 2100,
        "placed_by_ocmw": date(2006, 1, 1),
    }
    for field, value in wrong.items():
        sheet.cell(row=2, column=columns[field], value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(PeopleImportError) as raised:
        read_people_xlsx(buffer.getvalue(), "nl")
    problems = raised.value.problems
    assert all(ROW_COLUMN.match(problem) for problem in problems), problems
    named = {problem.split("kolom ")[1].split(":")[0] for problem in problems}
    assert named == {
        "role", "birth_date", "unemployed_months", "start_date", "fte", "placed_by_ocmw"
    }  # fmt: skip


# --- Alias bombs and unbounded numbers on the command line -----------------------------------


def yaml_bomb(size: int = 446) -> str:
    """Nine levels of nine aliases ('billion laughs'): 9**9 strings once expanded; padded with
    a comment to `size` bytes."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 9):
        before, name = chr(96 + level), chr(97 + level)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{before}"] * 9) + "]")
    body = "\n".join(lines) + "\n"
    padding = size - len(body) - 2
    assert padding >= 0
    text = "#" + "x" * padding + "\n" + body
    assert len(text.encode("utf-8")) == size
    return text


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command[0])
def test_a_446_byte_alias_bomb_is_one_short_line_on_standard_error(
    folder: Path, command: tuple[str, ...]
) -> None:
    # It printed 35 MB of standard error before aliases were refused while reading.
    path = folder / "bomb.yaml"
    path.write_text(yaml_bomb(), encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "klaverblad", command[0], str(path), *command[1:]],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert len(completed.stderr.encode("utf-8")) < 1024
    (line,) = completed.stderr.splitlines()
    assert line.startswith(f"{path}: line ")
    assert "is used again by an alias (*name): aliases are not allowed" in line


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("1e1000000", "write digits only, without an exponent"),
        ("NaN", "use digits and at most one decimal separator"),
        ("-inf", "use digits and at most one decimal separator"),
        ("9" * 31, "it has more than 30 significant digits"),
        ("0x10", "use digits and at most one decimal separator"),
    ],
)
def test_a_set_value_that_is_not_a_bounded_number_exits_2_naming_the_option(
    value: str, why: str
) -> None:
    example = str(Path(__file__).resolve().parents[1] / "examples" / "bik-klusjesdienst.yaml")
    change = f"sine.herinschakelingsuitkering.amount={value}@2008-01"
    result = RUNNER.invoke(app, ["plan", example, "--set", change])
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("--set: '")
    assert line.endswith(f"is not a number for sine.herinschakelingsuitkering.amount: {why}")


def test_a_set_value_with_a_decimal_comma_is_still_read() -> None:
    example = str(Path(__file__).resolve().parents[1] / "examples" / "bik-klusjesdienst.yaml")
    result = RUNNER.invoke(
        app,
        [
            "plan",
            example,
            "--format",
            "json",
            "--set",
            "sine.herinschakelingsuitkering.amount=600,50@2008-01",
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert "set:sine.herinschakelingsuitkering.amount=600.5@2008-01" in result.stdout
