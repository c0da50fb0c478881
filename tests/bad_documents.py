"""Hypothesis strategies for MALFORMED input: the example initiative files mutated (a required
key deleted, a value wrong for any field, an unknown key, a binary value, a key given twice, a
byte order mark) and workbooks shaped like the people template with cells of any type.

The valid documents are in tests/strategies.py; the tests that use these are
tests/test_cli_bad_input.py and tests/web/test_forms_bad_input.py.
"""

from __future__ import annotations

import io
import json
import math
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st
from pydantic import BaseModel

from klaverblad.model.initiative import (
    Activity,
    Agreement,
    Costs,
    Grant,
    Horizon,
    Initiative,
    Person,
    Promoter,
)
from klaverblad.report.plan_xlsx import PERSON_FIELDS

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.yaml"))
# The model of each section of the file, to know its required keys.
SECTIONS: dict[str, type[BaseModel]] = {
    "promoter": Promoter,
    "horizon": Horizon,
    "people": Person,
    "activities": Activity,
    "agreements": Agreement,
    "grants": Grant,
    "costs": Costs,
}
BOM = "\ufeff"
Path_ = tuple[str | int, ...]


def field_path(parts: Path_) -> str:
    """('people', 2, 'fte') as the contract writes it: people[2].fte."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def nodes(data: Any, parts: Path_ = ()) -> Iterator[Path_]:
    """The path of every value in `data` below the root."""
    children: Any = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else ()
    )
    for key, value in children:
        yield (*parts, key)
        yield from nodes(value, (*parts, key))


def _required(model: type[BaseModel]) -> list[str]:
    return [
        field.alias or name for name, field in model.model_fields.items() if field.is_required()
    ]


def required_paths(document: dict[str, Any]) -> list[Path_]:
    """Every key the model requires that the document has (the root's, its sections')."""
    paths: list[Path_] = [(key,) for key in _required(Initiative)]
    for section, model in SECTIONS.items():
        value = document.get(section)
        items = enumerate(value) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            if isinstance(item, dict):
                prefix: Path_ = (section,) if index is None else (section, index)
                paths += [(*prefix, key) for key in _required(model) if key in item]
    return paths


def _nested(depth: int) -> Any:
    value: Any = []
    for _ in range(depth):
        value = [value]
    return value


# Values wrong for EVERY field of the file: a number where text is expected and the other way
# round, out of every range, not finite, a list or mapping where a scalar is expected, and a
# mapping with an unknown key where a mapping is expected.
BAD_VALUES: tuple[Any, ...] = (
    math.nan, math.inf, -math.inf, -1, 10**30, 1e30, "", {"zz": 1}, _nested(60), [None],
)  # fmt: skip


def example_document(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


DOCUMENTS = [example_document(path) for path in EXAMPLES]
DUMPS = [yaml.safe_dump(document, sort_keys=False) for document in DOCUMENTS]


def _replace(data: Any, parts: Path_, value: Any) -> None:
    for part in parts[:-1]:
        data = data[part]
    data[parts[-1]] = value


def _delete(data: Any, parts: Path_) -> None:
    for part in parts[:-1]:
        data = data[part]
    del data[parts[-1]]


def serialise(document: dict[str, Any], as_json: bool) -> str:
    if as_json:
        return json.dumps(document, default=str, ensure_ascii=False)
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


@st.composite
def mutated_examples(draw: st.DrawFn) -> tuple[str, str, str]:
    """(file text, suffix, the field path its problem must name)."""
    document = json.loads(json.dumps(draw(st.sampled_from(DOCUMENTS)), default=str))
    as_json = draw(st.booleans())
    kind = draw(st.sampled_from(["delete", "replace", "unknown_key", "binary"]))
    if kind == "delete":
        parts = draw(st.sampled_from(required_paths(document)))
        _delete(document, parts)
    elif kind == "replace":
        parts = draw(st.sampled_from(list(nodes(document))))
        _replace(document, parts, draw(st.sampled_from(BAD_VALUES)))
    else:
        mappings = [()] + [p for p in nodes(document) if isinstance(_at(document, p), dict)]
        parts = draw(st.sampled_from(mappings))
        if kind == "unknown_key":
            parts = (*parts, draw(st.sampled_from(["colour", "Id", "people_", "fte "])))
            _replace(document, parts, 1)
        else:
            # A YAML !!binary value where the model wants text, a number or a date.
            as_json = False
            leaves = [p for p in nodes(document) if not isinstance(_at(document, p), dict | list)]
            parts = draw(st.sampled_from(leaves))
            _replace(document, parts, b"\x00\xff")
    text = serialise(document, as_json)
    if draw(st.booleans()):
        text = BOM + text
    return text, ".json" if as_json else ".yaml", field_path(parts)


def _at(data: Any, parts: Path_) -> Any:
    for part in parts:
        data = data[part]
    return data


@st.composite
def examples_with_a_key_twice(draw: st.DrawFn) -> tuple[str, str]:
    """An example's YAML with one `key: ...` line repeated right below itself (same mapping)."""
    lines = draw(st.sampled_from(DUMPS)).splitlines()
    keyed = [i for i, line in enumerate(lines) if re.match(r"^\s*[a-z_]+:", line)]
    index = draw(st.sampled_from(keyed))
    key = lines[index].split(":")[0].strip()
    return "\n".join([*lines[: index + 1], lines[index], *lines[index + 1 :]]) + "\n", key


CELL_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=20),
    st.sampled_from(["ja", "nee", "0,8", "2.100,50", "1/02/2006", "31/02/2006", "=1/0", "#N/A"]),
    st.dates(date(1, 1, 1), date(9999, 12, 31)),
    st.datetimes(datetime(1900, 1, 1), datetime(9999, 12, 31)),
    st.times(),
)


@st.composite
def people_workbooks(draw: st.DrawFn) -> bytes:
    """A workbook shaped like the people template: a header of person fields (sometimes one
    missing, unknown or twice) and 1..4 rows of cells of any type."""
    from openpyxl import Workbook

    header: list[Any] = list(PERSON_FIELDS)
    if draw(st.booleans()):
        header = draw(st.permutations(header))
    change = draw(st.sampled_from(["none", "drop", "unknown", "twice", "blank"]))
    if change == "drop":
        header.pop(draw(st.integers(0, len(header) - 1)))
    elif change == "unknown":
        header.append(draw(st.sampled_from(["kleur", "FTE ", "", None, 12])))
    elif change == "twice":
        header.append(draw(st.sampled_from(header)))
    elif change == "blank":
        header = []
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = draw(st.sampled_from(["Personen", "People", "Blad1"]))
    sheet.append(header)
    for _ in range(draw(st.integers(0, 4))):
        sheet.append(draw(st.lists(CELL_VALUES, min_size=len(header), max_size=len(header) + 1)))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
