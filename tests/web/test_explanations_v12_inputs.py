"""The "Hoe berekend?" box says the v1.2 person inputs a line used in words (CONTRACT §2):
the VDAB's maatwerk package and VOP decision by their names, an allocated gesco post, the
contract both ways (indefinite or fixed-term), the gross quarterly wage as money, and — for the
doelgroepvermindering zonder werkervaring — that a wage not given counts as below the ceiling
(RULEBOOK §3.9). Never a key such as `contract_indefinite: False`."""

from __future__ import annotations

from typing import Any

import pytest

from klaverblad.locale import Language
from klaverblad.rules.system import baseline_system
from klaverblad.web.views.line_explanation import inputs_in_words, person_inputs

TREE = baseline_system().parameters


def entry(measure: str, **inputs: Any) -> dict[str, Any]:
    return {"line": {"person": "w1", "measure": measure}, "inputs": inputs}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nl",
            [
                "startpakket individueel maatwerk: 5 jaar, verhoogde loonpremie"
                " (beslissing van de VDAB)",
                "Vlaamse ondersteuningspremie: beslissing van de VDAB voor een"
                " VOP van onbepaalde duur",
                "toegewezen gesco-plaats",
                "contract van bepaalde duur",
                "brutoloon €\xa09.500,50 per kwartaal",
            ],
        ),
        (
            "en",
            [
                "individueel maatwerk start package: 5 years, increased wage premium"
                " (verhoogde loonpremie) (VDAB decision)",
                "Vlaamse ondersteuningspremie: VDAB decision for a"
                " VOP of indefinite duration (onbepaald)",
                "allocated gesco post",
                "fixed-term contract",
                "gross wage €9,500.50 a quarter",
            ],
        ),
    ],
)
def test_the_new_inputs_are_said_in_words(language: Language, expected: list[str]) -> None:
    inputs = {
        "maatwerk_pakket": "5j_verhoogd",
        "vop": "onbepaald",
        "gesco_post": True,
        "contract_indefinite": False,
        "gross_quarterly_wage": "9500.50",
    }
    assert person_inputs(inputs, TREE, language) == expected


def test_an_indefinite_contract_is_said_too_and_an_unallocated_post_is_not() -> None:
    shown = person_inputs({"contract_indefinite": True, "gesco_post": False}, TREE, "nl")
    assert shown == ["contract van onbepaalde duur"]


def test_a_line_of_the_wage_ceiling_measure_says_a_missing_wage_counts_as_met() -> None:
    shown = inputs_in_words(entry("dgv_zonder_werkervaring", fte="1.0"), TREE, "nl")
    assert shown[-1] == "brutoloon per kwartaal niet opgegeven: de loongrens telt als voldaan"
    given = entry("dgv_zonder_werkervaring", fte="1.0", gross_quarterly_wage="8000.00")
    assert inputs_in_words(given, TREE, "en")[-1] == "gross wage €8,000.00 a quarter"
    # Other measures do not read the wage: nothing said about it.
    assert not any("brutoloon" in s for s in inputs_in_words(entry("sine", fte="1.0"), TREE, "nl"))


def test_a_share_link_does_not_say_the_withheld_wage_is_missing() -> None:
    # A share link's inputs keep a few fields and add the age band and target group in words
    # (report/redaction.py): the wage was withheld, not left out of the file.
    redacted = entry("dgv_zonder_werkervaring", fte="1.0", **{"leeftijd bij de start": "25–44"})
    assert not any("brutoloon" in s for s in inputs_in_words(redacted, TREE, "nl"))
