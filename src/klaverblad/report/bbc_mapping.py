"""The mapping of plan lines to the BBC 2020 structure of a municipality's multi-year plan
(`bbc2020_mapping.yaml`): per direction (subsidies the municipality receives or pays), leaf
and, where it matters, the line's component, a beleidsveld and an algemene rekening, each code
with its source and grade, or none: "to be chosen by the financial service"
(docs/multi-year-plan.md).

>>> entry = MAPPING.entry("received", "II", "sine")
>>> entry.id, entry.beleidsveld.code, entry.account.code
('received_leaf_II', '0904', '7405/9')
>>> MAPPING.entry("paid", "III", "stad").account.code is None
True
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, model_validator

Direction = Literal["received", "paid"]
Grade = Literal["H", "M", "L"]
MAPPING_FILE = Path(__file__).with_name("bbc2020_mapping.yaml")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    url: str
    title: str
    grade: Grade


class Code(_Strict):
    """A beleidsveld, an account or an economic sector: its code and Dutch name (either may be
    unknown: None) and the source that gives them."""

    code: str | None
    name_nl: str | None
    source: str | None = None

    @model_validator(mode="after")
    def _sourced(self) -> Code:
        if (self.code or self.name_nl) and not self.source:
            raise ValueError("a code or name needs its source")
        return self


class Entry(_Strict):
    id: str
    direction: Direction
    leaf: Literal["I", "II", "III", "IV"] | None = None
    component: str | None = None
    beleidsveld: Code
    account: Code
    grade: Grade
    note: str | None = None

    def applies(self, direction: str, leaf: str, component: str) -> bool:
        return (
            self.direction == direction
            and self.leaf in (None, leaf)
            and self.component in (None, component)
        )


class Mapping(_Strict):
    sources: dict[str, Source]
    economic_sectors: dict[str, Code]
    entries: tuple[Entry, ...]

    @model_validator(mode="after")
    def _complete(self) -> Mapping:
        codes = [e.beleidsveld for e in self.entries] + [e.account for e in self.entries]
        codes += list(self.economic_sectors.values())
        unknown = {c.source for c in codes if c.source and c.source not in self.sources}
        if unknown:
            raise ValueError(f"unknown sources: {', '.join(sorted(unknown))}")
        ids = [e.id for e in self.entries]
        if len(set(ids)) != len(ids):
            raise ValueError("entry ids must be unique")
        for direction in ("received", "paid"):
            last = [e for e in self.entries if e.direction == direction][-1:]
            if not last or last[0].leaf is not None or last[0].component is not None:
                raise ValueError(f"the last '{direction}' entry must catch every line")
        return self

    def entry(self, direction: str, leaf: str, component: str) -> Entry:
        """The first entry that applies to a line (the last of each direction applies to all)."""
        return next(e for e in self.entries if e.applies(direction, leaf, component))

    def by_id(self, entry_id: str) -> Entry:
        return next(e for e in self.entries if e.id == entry_id)


@functools.cache
def load_mapping(path: Path = MAPPING_FILE) -> Mapping:
    with path.open(encoding="utf-8") as stream:
        return Mapping.model_validate(yaml.safe_load(stream))


MAPPING = load_mapping()
