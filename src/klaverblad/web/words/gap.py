"""The words of the gap in view on the plan page: the headline sentence, the saldo per year
and the costs table, in Dutch and English (the same keys in both, checked in
tests/web/test_gap_in_view.py)."""

from __future__ import annotations

from klaverblad.messages import N_, words

GAP_WORDS = words(
    N_("gap.headline_shortfall"),
    N_("gap.headline_surplus"),
    N_("gap.headline_balanced"),
    N_("gap.year_saldo"),
    N_("gap.costs_title"),
    N_("gap.costs_caption"),
    N_("gap.costs_intro"),
    N_("gap.cost_item"),
    N_("gap.wage_cost_of"),
    N_("gap.operating_costs"),
    N_("gap.costs_total"),
    N_("gap.whole_period"),
)
