"""Rules with parameter changes on top of a system (`system_with_changes`: the certainty's
ranges) are built once per system and changes, and only the most recent few are kept."""

from __future__ import annotations

from klaverblad.rules import baseline_system
from klaverblad.rules.by_month import leaf, value_at_month
from klaverblad.rules.reforms.registry import (
    WITH_CHANGES_KEPT,
    ParameterChange,
    system_with_changes,
)

PATH = "dienstencheque.inruilwaarde"
JAN_2015 = 2015 * 12


def _change(value: float) -> tuple[ParameterChange, ...]:
    return (ParameterChange(PATH, value, "2015-01"),)


def test_the_same_changes_give_the_same_rules_and_the_change_is_in_them() -> None:
    baseline = baseline_system()
    changed = system_with_changes(baseline, _change(30.0))
    assert system_with_changes(baseline, _change(30.0)) is changed
    assert value_at_month(leaf(changed.parameters, PATH), JAN_2015) == 30.0
    # The baseline itself is unchanged.
    assert value_at_month(leaf(baseline.parameters, PATH), JAN_2015) != 30.0


def test_only_the_most_recent_changed_rules_are_kept() -> None:
    baseline = baseline_system()
    first = system_with_changes(baseline, _change(31.0))
    for step in range(WITH_CHANGES_KEPT):
        system_with_changes(baseline, _change(40.0 + step))
    assert system_with_changes(baseline, _change(31.0)) is not first
