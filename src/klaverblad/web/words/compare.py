"""The words of the comparison page, in Dutch and English (the same keys in both; checked in
tests/web/test_pages_compare.py). `TABLE_WORDS` are shared with the portfolio page: the
side-by-side tables, the difference in words and the reform fields."""

from __future__ import annotations

from klaverblad.locale import Language
from klaverblad.messages import N_, words
from klaverblad.web.words.common import WORDS as COMMON

TABLE_WORDS = words(
    N_("compare_table.baseline"),
    N_("compare_table.difference"),
    N_("compare_table.diff_more"),
    N_("compare_table.diff_less"),
    N_("compare_table.diff_same"),
    N_("compare_table.csv_download"),
    N_("compare_table.reforms"),
    N_("compare_table.reforms_hint"),
    N_("compare_table.reform_sine-uitbreiding"),
    N_("compare_table.reform_lde-koppeling-sine"),
    N_("compare_table.unknown_reform"),
    N_("compare_table.change_label"),
    N_("compare_table.change_hint"),
    N_("compare_table.change_hint_link"),
    N_("compare_table.change_applied"),
    N_("compare_table.change_changes_nothing"),
    N_("compare_table.error"),
    N_("compare_table.errors_title"),
    N_("compare_table.errors_intro"),
    N_("compare_table.year"),
    N_("compare_table.total"),
)

_PAGE = words(
    N_("compare.compare_title"),
    N_("compare.compare_intro"),
    N_("compare.example_form_title"),
    N_("compare.example_label"),
    N_("compare.text_form_title"),
    N_("compare.text_form_intro"),
    N_("compare.compare_submit"),
    N_("compare.other_initiative"),
    N_("compare.nothing_asked"),
    N_("compare.statutes_legend"),
    N_("compare.statutes_hint"),
    N_("compare.statute_of"),
    N_("compare.role_target"),
    N_("compare.role_supervisor"),
    N_("compare.statute_keep"),
    N_("compare.statute_best"),
    N_("compare.statute_optimiser"),
    N_("compare.statute_regular"),
    N_("compare.unknown_statute"),
    N_("compare.optimiser_failed"),
    N_("compare.unknown_example"),
    N_("compare.results_title"),
    N_("compare.baseline_is"),
    N_("compare.alternative_is"),
    N_("compare.rules_version_of"),
    N_("compare.unchanged"),
    N_("compare.alternative"),
    N_("compare.item"),
    N_("compare.gap_signed"),
    N_("compare.table_totals"),
    N_("compare.table_leaves"),
    N_("compare.table_funders"),
    N_("compare.table_years"),
    N_("compare.table_people"),
    N_("compare.table_not_computable"),
    N_("compare.funding_baseline"),
    N_("compare.funding_alternative"),
    N_("compare.funding_difference"),
    N_("compare.gap_baseline"),
    N_("compare.gap_alternative"),
    N_("compare.gap_difference"),
    N_("compare.person"),
    N_("compare.statute_baseline"),
    N_("compare.statute_alternative"),
    N_("compare.eligible_alternative"),
    N_("compare.not_eligible"),
    N_("compare.by_optimiser"),
    N_("compare.statute_changed"),
    N_("compare.statute_by_optimiser"),
    N_("compare.no_people"),
    N_("compare.all_computable"),
    N_("compare.alerts_compare_title"),
    N_("compare.alerts_disappeared"),
    N_("compare.alerts_appeared"),
    N_("compare.alerts_remaining"),
    N_("compare.alerts_none"),
    N_("compare.not_computable_title"),
    N_("compare.unknown_table"),
)

# The page's own words: the shared table words and those of this page.
WORDS: dict[str, dict[str, str]] = {
    language: {**TABLE_WORDS[language], **_PAGE[language]} for language in ("nl", "en")
}


def page_words(language: Language) -> dict[str, str]:
    """Every word the page's code uses: the common words of all pages and this page's."""
    return {**COMMON[language], **WORDS[language]}
