"""The words of an "as known on" comparison (docs/as-known-on.md), for the command line and
the pages alike: a step by the measure it restores, the two plans by their dates."""

from __future__ import annotations

from datetime import date

from openfisca_core.parameters import ParameterNode
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from klaverblad.advice.measure_windows import measure_name
from klaverblad.locale import Language, day
from klaverblad.messages import N_, words
from klaverblad.rules.catalogue import MEASURES
from klaverblad.rules.known_on import KnownLater, as_known_on

WORDS = words(
    N_("known_on.step"),
    N_("known_on.other_rules"),
    N_("known_on.baseline"),
    N_("known_on.final"),
    N_("known_on.intro"),
    N_("known_on.field_label"),
    N_("known_on.field_hint"),
    N_("known_on.bad_date"),
    N_("known_on.plan_notice"),
    N_("known_on.combine"),
    N_("known_on.apply"),
    N_("known_on.then_column"),
    N_("known_on.now_column"),
    N_("known_on.plan_compare"),
    N_("known_on.results_title"),
    N_("known_on.funding_then"),
    N_("known_on.funding_now"),
    N_("known_on.gap_then"),
    N_("known_on.gap_now"),
    N_("known_on.statute_then"),
    N_("known_on.statute_now"),
    N_("known_on.eligible_now"),
    N_("known_on.table_not_computable"),
    N_("known_on.all_computable"),
    N_("known_on.alerts_disappeared"),
    N_("known_on.alerts_appeared"),
    N_("known_on.unchanged"),
    N_("known_on.rules_line"),
)


def known_later_words(change: KnownLater, tree: ParameterNode, language: Language) -> str:
    """'waarden van artikel 60 §7 die pas later bekend werden'; a shared folder (thresholds,
    the regionalisation) or whatever no single measure explains as 'andere regels …'."""
    w = WORDS[language]
    if change.node not in MEASURES:
        return w["other_rules"]
    return w["step"].format(measure=measure_name(tree, change.node, language))


def plans_words(known_on: date, language: Language) -> tuple[str, str]:
    """The names of the plan as planned then and of the plan as it turned out."""
    w = WORDS[language]
    return w["baseline"].format(day=day(known_on, language)), w["final"]


def rules_text(version: str, system: TaxBenefitSystem, language: Language) -> str:
    """The rules version as the plan's downloads name it: the version alone under today's
    rules, '0.1.0+params.…, regels gekend op 30 juni 2006' under the rules known on a date."""
    known_on = as_known_on(system)
    if known_on is None:
        return version
    return WORDS[language]["rules_line"].format(version=version, day=day(known_on, language))
