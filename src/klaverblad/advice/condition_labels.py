"""The eligibility conditions and amount rules in words, for messages and explanations: from
the catalogues (`condition.*`, `rule.*`), whose ids each measure lists in its folder
(`Measure.words`). A condition without words there (a new rule's)
is shown by its variable's English label.

No amounts in the rule sentences: the parameter values in force are listed beside the rule,
so a reform that changes an amount never makes the wording wrong.
"""

from __future__ import annotations

from klaverblad.locale import Language
from klaverblad.messages import N_, words
from klaverblad.rules import baseline_system
from klaverblad.rules.measures import measure_words

CONDITIONS = words(*measure_words("condition."))

RULES = words(
    *measure_words("rule."),
    # A reform's extra line (`rules/reforms/lde_koppeling_sine.py`).
    N_("rule.lde_sine_omkadering"),
)


def condition_label(variable: str, language: Language) -> str:
    """The condition in words."""
    known = CONDITIONS[language].get(variable)
    return known if known is not None else str(baseline_system().variables[variable].label)


def rule_wording(variable: str, language: Language) -> str | None:
    """The Dutch sentence for an amount rule (None in English: the variable's own label and
    formula docstring say it, more fully than the catalogue's English label)."""
    return RULES["nl"].get(variable) if language == "nl" else None
