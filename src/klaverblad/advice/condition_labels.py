"""The eligibility conditions and amount rules in words, for messages and explanations: from
the catalogues (`condition.*`, `rule.*`). A condition without words there (a new rule's)
is shown by its variable's English label.

No amounts in the rule sentences: the parameter values in force are listed beside the rule,
so a reform that changes an amount never makes the wording wrong.
"""

from __future__ import annotations

from klaverblad.locale import Language
from klaverblad.messages import N_, words
from klaverblad.rules import baseline_system

CONDITIONS = words(
    N_("condition.sine_start_window_ok"),
    N_("condition.sine_employer_ok"),
    N_("condition.sine_status_ok"),
    N_("condition.sine_low_skilled"),
    N_("condition.sine_unemployment_ok"),
    N_("condition.art60_start_window_ok"),
    N_("condition.art60_employer_ok"),
    N_("condition.art60_status_ok"),
    N_("condition.twe_start_window_ok"),
    N_("condition.twe_employer_ok"),
    N_("condition.twe_status_ok"),
    N_("condition.gesco_employer_ok"),
    N_("condition.gesco_target_group_ok"),
    N_("condition.activa_start_window_ok"),
    N_("condition.activa_status_ok"),
    N_("condition.activa_band_ok"),
    N_("condition.wep_plus_start_window_ok"),
    N_("condition.wep_plus_employer_ok"),
    N_("condition.wep_plus_target_group_ok"),
    N_("condition.aanwervingsincentive_start_window_ok"),
    N_("condition.aanwervingsincentive_employer_ok"),
    N_("condition.aanwervingsincentive_age_ok"),
    N_("condition.aanwervingsincentive_unemployment_ok"),
    N_("condition.maatwerk_start_window_ok"),
    N_("condition.maatwerk_decision_ok"),
)

RULES = words(
    N_("rule.sine_doelgroepvermindering"),
    N_("rule.sine_herinschakelingsuitkering"),
    N_("rule.art60_staatstoelage"),
    N_("rule.twe_inspanningsvergoeding"),
    N_("rule.twe_compensatievergoeding"),
    N_("rule.gesco_premie"),
    N_("rule.activa_werkuitkering"),
    N_("rule.aanwervingsincentive_premie_3m"),
    N_("rule.aanwervingsincentive_premie_12m"),
    N_("rule.maatwerk_loonpremie"),
    N_("rule.maatwerk_begeleidingspremie_vast"),
    N_("rule.maatwerk_begeleidingspremie_variabel"),
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
