"""The words of the comparison's statute choice and of its one-sentence verdict: by default
a reform is compared with the best statute per person under each rule set (the switch keeps
the file's statutes), and the page says in one sentence who gains what, or why nothing
changes (`web/views/reform_summary.py`). The same keys in both languages."""

from __future__ import annotations

from klaverblad.messages import N_, words

REFORM_DEFAULT_WORDS = words(
    N_("reform_default.keep_label"),
    N_("reform_default.keep_hint"),
    N_("reform_default.statute_follow"),
    N_("reform_default.statute_file_best"),
    N_("reform_default.mode_title"),
    N_("reform_default.mode_best"),
    N_("reform_default.mode_file"),
    N_("reform_default.asked_statute"),
    N_("reform_default.asked_optimiser"),
    N_("reform_default.lead_reform"),
    N_("reform_default.lead_change"),
    N_("reform_default.lead_alternative"),
    N_("reform_default.lead_statutes"),
    N_("reform_default.subject_reform"),
    N_("reform_default.subject_change"),
    N_("reform_default.subject_alternative"),
    N_("reform_default.subject_statutes"),
    N_("reform_default.gains"),
    N_("reform_default.loses"),
    N_("reform_default.shifts"),
    N_("reform_default.person_first"),
    N_("reform_default.person_next"),
    N_("reform_default.person_same_amount"),
    N_("reform_default.why_switch"),
    N_("reform_default.why_stays"),
    N_("reform_default.funder_first"),
    N_("reform_default.funder_next"),
    N_("reform_default.regular"),
    N_("reform_default.more"),
    N_("reform_default.less"),
    N_("reform_default.and"),
    N_("reform_default.funder_federaal"),
    N_("reform_default.funder_Vlaams"),
    N_("reform_default.funder_lokaal"),
    N_("reform_default.funder_gebruikers"),
    N_("reform_default.nothing_kept"),
    N_("reform_default.eligible_item"),
    N_("reform_default.nothing_not_better"),
    N_("reform_default.not_better_item"),
    N_("reform_default.nothing_not_eligible"),
    N_("reform_default.reason_item"),
    N_("reform_default.nothing_generic"),
    N_("reform_default.moves_only"),
    N_("reform_default.baseline_best"),
    N_("reform_default.baseline_item"),
)
