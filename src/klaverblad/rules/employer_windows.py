"""Windows that depend on the employer (RULEBOOK v1.2: SINE's 2023 transition, GESCO's end
dates, the GESCO regularisation): the metadata `by_employer` of a window parameter lists cases,
first case first, each with the promoter's `recognitions` (one of them held) and/or
`legal_form` (one of them) it covers and the `parameter` that then makes the window; a promoter
no case covers, or no promoter at all (the catalogue), gets the parameter itself. The rules'
formulas choose the same parameters; the plan's grant booking and the `measure_closed` alert
read them here.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from openfisca_core.parameters import ParameterNode


@dataclass(frozen=True)
class Employer:
    """What a window may depend on: the promoter's legal form and recognitions."""

    legal_form: str
    recognitions: frozenset[str]

    def covered_by(self, case: dict[str, Any]) -> bool:
        """Whether a `by_employer` case covers this employer (every criterion it names)."""
        recognitions = case.get("recognitions")
        legal_forms = case.get("legal_form")
        if recognitions is not None and not self.recognitions & set(recognitions):
            return False
        return legal_forms is None or self.legal_form in legal_forms


def parameter_at(tree: ParameterNode, name: str) -> Any:
    """The parameter (or node) of the dotted `name`."""
    return functools.reduce(getattr, name.split("."), tree)


def for_employer(tree: ParameterNode, name: str, employer: Employer | None) -> str:
    """The window parameter that applies to `employer` in place of `name`: the first case of
    its `by_employer` metadata that covers the employer, else `name` itself."""
    if employer is None:
        return name
    metadata = parameter_at(tree, name).metadata or {}
    for case in metadata.get("by_employer") or []:
        if employer.covered_by(case):
            return str(case["parameter"])
    return name
