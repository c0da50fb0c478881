"""The words of the portfolio page, in Dutch and English (the same keys in both; checked in
tests/web/test_pages_portfolio.py), with the table and reform words it shares with the
comparison page."""

from __future__ import annotations

from klaverblad.locale import Language
from klaverblad.messages import N_, words
from klaverblad.web.words.common import WORDS as COMMON
from klaverblad.web.words.compare import TABLE_WORDS

_PAGE = words(
    N_("portfolio.portfolio_title"),
    N_("portfolio.portfolio_examples"),
    N_("portfolio.portfolio_all"),
    N_("portfolio.portfolio_none"),
    N_("portfolio.portfolio_of"),
    N_("portfolio.portfolio_intro"),
    N_("portfolio.examples_notice"),
    N_("portfolio.log_in_for_own"),
    N_("portfolio.choose_title"),
    N_("portfolio.municipality"),
    N_("portfolio.all_municipalities"),
    N_("portfolio.unknown_municipality"),
    N_("portfolio.show"),
    N_("portfolio.unreadable"),
    N_("portfolio.overview_title"),
    N_("portfolio.overview"),
    N_("portfolio.overview_one"),
    N_("portfolio.empty_examples"),
    N_("portfolio.empty_municipality"),
    N_("portfolio.empty_organisation"),
    N_("portfolio.empty_all"),
    N_("portfolio.empty_all_filtered"),
    N_("portfolio.empty_none"),
    N_("portfolio.table_initiatives"),
    N_("portfolio.table_funders"),
    N_("portfolio.table_years"),
    N_("portfolio.initiative"),
    N_("portfolio.gap_signed"),
    N_("portfolio.reform_title"),
    N_("portfolio.reform_asked"),
    N_("portfolio.reform_unchanged"),
    N_("portfolio.with_reform"),
    N_("portfolio.gaining"),
    N_("portfolio.losing"),
    N_("portfolio.nobody"),
    N_("portfolio.total_change"),
    N_("portfolio.table_reform_initiatives"),
    N_("portfolio.table_reform_funders"),
    N_("portfolio.table_reform_leaves"),
    N_("portfolio.table_reform_years"),
    N_("portfolio.funding_baseline"),
    N_("portfolio.funding_reform"),
    N_("portfolio.funding_difference"),
    N_("portfolio.gap_baseline"),
    N_("portfolio.gap_reform"),
    N_("portfolio.gap_difference"),
    N_("portfolio.unknown_table"),
)

# The page's own words: the shared table words and those of this page.
WORDS: dict[str, dict[str, str]] = {
    language: {**TABLE_WORDS[language], **_PAGE[language]} for language in ("nl", "en")
}


def page_words(language: Language) -> dict[str, str]:
    """Every word the page's code uses: the common words of all pages and this page's."""
    return {**COMMON[language], **WORDS[language]}
