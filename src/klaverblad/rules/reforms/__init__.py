"""Reforms: the 2006 report's two proposals (RULEBOOK §7) and generic parameter changes.

`reformed_system(names, changes)` gives the baseline rules with the named reforms and the
`--set PARAMETER=VALUE@YYYY-MM` changes applied, built once per combination.
"""

from klaverblad.rules.reforms.registry import (
    REFORMS,
    ParameterChange,
    ReformError,
    parse_change,
    reformed_system,
)

__all__ = ["REFORMS", "ParameterChange", "ReformError", "parse_change", "reformed_system"]
