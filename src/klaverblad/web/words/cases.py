"""The words of the case library, in Dutch and English (the same keys in both, checked in
tests/web/test_pages_cases.py). `shows_<example>` says what an example initiative shows,
after examples/README.md (which maps the 2006 report's section 5 sources to plan lines)."""

from __future__ import annotations

from klaverblad.messages import N_, words

WORDS = words(
    N_("cases.title"),
    N_("cases.intro"),
    N_("cases.illustrative"),
    N_("cases.from_report"),
    N_("cases.promoter"),
    N_("cases.municipality"),
    N_("cases.period"),
    N_("cases.shows"),
    N_("cases.figures_caption"),
    N_("cases.figure"),
    N_("cases.funding_leaf"),
    N_("cases.funding"),
    N_("cases.costs"),
    N_("cases.csv"),
    N_("cases.open_plan"),
    N_("cases.file_pdf"),
    N_("cases.file_xlsx"),
    N_("cases.file_yaml"),
    N_("cases.of_case"),
    N_("cases.open_wizard"),
    N_("cases.compare"),
    N_("cases.none"),
    N_("cases.shows_bik-klusjesdienst"),
    N_("cases.shows_antwerpen-labour-for-neighbour"),
    N_("cases.shows_ocmw-art60-2006"),
    N_("cases.shows_twe-ocmw-2017"),
    N_("cases.shows_ocmw-twe-55plus-2024"),
    N_("cases.shows_imw-vzw-ald-2025"),
    N_("cases.shows_dgv-groendienst-2025"),
    N_("cases.shows_maatwerk-strijkatelier-2024"),
)
