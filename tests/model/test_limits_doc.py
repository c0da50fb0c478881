"""docs/limits.md and the API's OpenAPI description hold the limits table of
`klaverblad.model.limits`: same names, same values, so that what the documentation promises is
what the code enforces."""

from __future__ import annotations

import re
from pathlib import Path

from klaverblad.model.limits import LIMITS, shown

DOC = Path(__file__).resolve().parents[2] / "docs" / "limits.md"


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


def test_the_openapi_description_lists_every_limit_with_its_value() -> None:
    from klaverblad.web.app import create_app
    from klaverblad.web.settings import Settings

    app = create_app(Settings(database_url="sqlite://", secret_key="k" * 40))
    description = app.openapi()["info"]["description"]
    for name, item in LIMITS.items():
        assert f"| `{name}` | {shown(item)} |" in description, name
