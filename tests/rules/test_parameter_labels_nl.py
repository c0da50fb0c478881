"""Every parameter of the rules has its Dutch words beside the English ones (issue 10, item 5):
a Dutch page shows `label_nl`, `documentation_nl` and each value's `note_nl`, never the
English `description`, `documentation` or `note`, and never a measure or statute code.

The parameters are those of the baseline rules and those the reforms add."""

from __future__ import annotations

import re
from typing import Any

import pytest
from openfisca_core.parameters import Parameter, ParameterNode

from klaverblad.rules import baseline_system
from klaverblad.rules.catalogue import MEASURES, STATUTES
from klaverblad.rules.parameter_words import parameter_documentation, parameter_label, value_note
from klaverblad.rules.reforms import REFORMS, reformed_system


def _by_name(kind: type[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for system in (baseline_system(), *(reformed_system((name,)) for name in REFORMS)):
        for item in system.parameters.get_descendants():
            if isinstance(item, kind):
                found.setdefault(item.name, item)
    return dict(sorted(found.items()))


LEAVES = _by_name(Parameter)
NODES = _by_name(ParameterNode)
EVERY: dict[str, Any] = {**LEAVES, **NODES}
# The codes a Dutch reader must not meet: measure and statute keys that are not words.
CODES = sorted(
    code for code in {*MEASURES, *STATUTES} if "_" in code or any(c.isdigit() for c in code)
)


def _documentation(item: Any) -> str | None:
    """The English documentation of a leaf (in its metadata) or a node (beside it)."""
    return (item.metadata or {}).get("documentation") or getattr(item, "documentation", None)


def _codes_in(text: str) -> list[str]:
    return [code for code in CODES if re.search(rf"\b{re.escape(code)}\b", text, re.I)]


def test_the_rules_have_leaves_of_the_baseline_and_of_a_reform() -> None:
    assert "sine.start_window" in LEAVES
    assert "lde_sine_omkadering" in LEAVES
    assert {"wep_plus", "art60", "art60_verhoogd"} <= set(CODES)


@pytest.mark.parametrize("name", LEAVES)
def test_every_leaf_parameter_has_a_dutch_label(name: str) -> None:
    label = LEAVES[name].metadata.get("label_nl")
    assert isinstance(label, str)
    assert label.strip()


@pytest.mark.parametrize("name", NODES)
def test_every_node_with_a_description_has_a_dutch_label(name: str) -> None:
    node = NODES[name]
    if node.description:
        assert str(node.metadata.get("label_nl") or "").strip()


@pytest.mark.parametrize("name", EVERY)
def test_every_documentation_has_a_dutch_translation(name: str) -> None:
    item = EVERY[name]
    if _documentation(item):
        assert str(item.metadata.get("documentation_nl") or "").strip()


@pytest.mark.parametrize("name", LEAVES)
def test_every_note_of_a_value_has_a_dutch_translation(name: str) -> None:
    for at in LEAVES[name].values_list:
        metadata = at.metadata or {}
        if metadata.get("note"):
            assert str(metadata.get("note_nl") or "").strip(), at.instant_str


def test_the_code_check_finds_a_code_as_a_word_and_not_inside_one() -> None:
    assert _codes_in("Maanden tewerkstelling onder wep_plus") == ["wep_plus"]
    assert _codes_in("de staatstoelage voor ART60") == ["art60"]
    assert _codes_in("Maanden tewerkstelling in WEP+, artikel 60 §7") == []


@pytest.mark.parametrize("name", EVERY)
def test_no_dutch_text_of_a_parameter_names_a_measure_or_statute_code(name: str) -> None:
    item = EVERY[name]
    metadata = item.metadata or {}
    texts = [metadata.get("label_nl"), metadata.get("documentation_nl")]
    if isinstance(item, Parameter):
        texts += [(at.metadata or {}).get("note_nl") for at in item.values_list]
    for text in filter(None, texts):
        assert _codes_in(str(text)) == [], text


def test_a_label_note_and_documentation_are_read_in_the_readers_language() -> None:
    # sine/start_window.yaml: the 2023-07-01 value's note; art60/leefloon_cat3.yaml: the label.
    start_window = LEAVES["sine.start_window"]
    closing = next(at for at in start_window.values_list if at.instant_str == "2023-07-01")
    assert value_note(closing.metadata, "nl") == (
        "SINE afgeschaft in Vlaanderen voor nieuwe aanwervingen"
    )
    assert value_note(closing.metadata, "en") == "SINE abolished in Flanders for new hires"
    leefloon = LEAVES["art60.leefloon_cat3"]
    assert parameter_label(leefloon, "nl").startswith("Leefloon categorie 3 (gezinslast)")
    assert parameter_label(leefloon, "en") == leefloon.description
    assert parameter_documentation(leefloon, "nl").startswith("De bedragen zijn graad H")
    assert parameter_documentation(leefloon, "en").startswith("The amounts are H (POD MI)")


def test_a_value_without_a_note_has_none_in_any_language() -> None:
    assert value_note({"grade": "H"}, "nl") is None
    assert value_note(None, "en") is None
