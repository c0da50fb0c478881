"""The project's dated parameters, read straight from its YAML files with a tiny loader.

Only the VALUES come from Klaverblad: `src/klaverblad/rules/measures/<measure>/parameters/**`
(named `<measure>.<path>`) and `src/klaverblad/rules/parameters/**` (named by their path);
nothing of `klaverblad.rules` is imported. A file with `values:` is one parameter; a file
without is a node whose keys holding `values:` are parameters (`ggmmi.full_time`).

The value in force in a month is the one with the latest start date on or before the first day
of that month (RULEBOOK §1): a value dated 1999-05-03 applies from 1999-06. Before the first
value there is none (`None`).

>>> PARAMETERS.at("art60.leefloon_cat3", month_number(2006, 10))
Decimal('859.31')
>>> PARAMETERS.at("sine.start_window", month_number(1999, 5)) is None
True
"""

from __future__ import annotations

import bisect
import functools
import hashlib
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from benchmarks.naive_reference.dates import month_number

RULES = Path(__file__).resolve().parents[2] / "src" / "klaverblad" / "rules"
# What a parameter file may hold besides its values: text for people, not numbers.
NOT_VALUES = {"description", "metadata", "documentation", "reference", "unit"}
Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _first_month(start: date) -> int:
    """The first month whose first day is on or after `start`."""
    month = month_number(start.year, start.month)
    return month if start.day == 1 else month + 1


def _plain(value: Any) -> Any:
    """Numbers as exact decimals (1089.82 as written, not a binary float); the rest as is."""
    if isinstance(value, bool) or value is None or isinstance(value, list):
        return value
    return Decimal(str(value))


class Parameters:
    """Every dated parameter by dotted name: (first month, value) pairs, in month order."""

    def __init__(self) -> None:
        self.starts: dict[str, list[int]] = {}
        self.values: dict[str, list[Any]] = {}
        self.digest = hashlib.sha256()
        self._children: dict[str, list[str]] = {}
        for folder in sorted((RULES / "measures").glob("*/parameters")):
            self._read_tree(folder, folder.parent.name)
        self._read_tree(RULES / "parameters", "")

    def _read_tree(self, folder: Path, prefix: str) -> None:
        for path in sorted(folder.rglob("*.yaml")):
            if path.name == "index.yaml":
                continue
            parts = [prefix, *path.relative_to(folder).with_suffix("").parts]
            name = ".".join(part for part in parts if part)
            self._read_node(name, yaml.load(path.read_text(encoding="utf-8"), Loader=Loader))

    def _read_node(self, name: str, data: dict[str, Any]) -> None:
        if "values" in data:
            dated = sorted(
                (_first_month(start), entry["value"] if isinstance(entry, dict) else entry)
                for start, entry in data["values"].items()
            )
            self.starts[name] = [month for month, _ in dated]
            self.values[name] = [_plain(value) for _, value in dated]
            self.digest.update(f"{name}={dated!r};".encode())
            return
        for key, child in data.items():
            if key not in NOT_VALUES and isinstance(child, dict):
                self._read_node(f"{name}.{key}", child)

    def at(self, name: str, month: int) -> Any:
        """The value of `name` in force in `month`; None before its first value."""
        position = bisect.bisect_right(self.starts[name], month) - 1
        return self.values[name][position] if position >= 0 else None

    def flag(self, name: str, month: int) -> bool:
        """A boolean parameter (a window); false before its first value."""
        return bool(self.at(name, month))

    def children(self, node: str) -> list[str]:
        """The names directly under `node`, e.g. the Activa bands under `activa.bands`."""
        found = self._children.get(node)
        if found is None:
            prefix = node + "."
            names = {
                name[len(prefix) :].split(".")[0] for name in self.starts if name.startswith(prefix)
            }
            found = self._children[node] = sorted(names)
        return found

    def version(self) -> str:
        """A digest of every value read, so two plans with the same digest used one set."""
        return "naive+params." + self.digest.hexdigest()[:12]


@functools.cache
def load_parameters() -> Parameters:
    return Parameters()


PARAMETERS = load_parameters()
