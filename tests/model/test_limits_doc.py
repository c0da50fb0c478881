"""docs/limits.md is the limits table of `klaverblad.model.limits` in words: same names, same
values, so that what the documentation promises is what the code enforces."""

from __future__ import annotations

import re
from pathlib import Path

from klaverblad.model.limits import LIMITS, MEGABYTE, Limit

DOC = Path(__file__).resolve().parents[2] / "docs" / "limits.md"


def shown(limit: Limit) -> str:
    if limit.unit == "bytes" and limit.value % MEGABYTE == 0:
        return f"{limit.value // MEGABYTE} MB"
    return f"{limit.value:,}".replace(",", " ") + f" {limit.unit}"


def documented_rows() -> dict[str, str]:
    rows = re.findall(r"^\| `([a-z_]+)` \| ([^|]+) \|", DOC.read_text(encoding="utf-8"), re.M)
    return {name: value.strip() for name, value in rows}


def test_every_limit_of_the_code_is_in_the_documented_table_with_its_value() -> None:
    rows = documented_rows()
    for name, limit in LIMITS.items():
        assert rows.get(name) == shown(limit), name


def test_the_documented_table_names_no_limit_the_code_does_not_have() -> None:
    assert set(documented_rows()) <= set(LIMITS)


def test_every_limit_says_what_it_bounds_and_why_it_is_safe() -> None:
    for name, limit in LIMITS.items():
        assert limit.value >= 0, name
        assert len(limit.bounds) > 10 and len(limit.why) > 10, name
