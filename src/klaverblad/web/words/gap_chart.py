"""The words of the costs-versus-funding chart and of the compact result bar (the gap in view,
issue 10 §8), in Dutch and English, with the same keys in both (checked in
tests/web/test_gap_chart.py)."""

from __future__ import annotations

from klaverblad.messages import N_, words

GAP_CHART_WORDS = words(
    N_("gap_chart.chart_title"),
    N_("gap_chart.chart_intro"),
    N_("gap_chart.chart_hatched"),
    N_("gap_chart.chart_year_shortfall"),
    N_("gap_chart.chart_year_surplus"),
    N_("gap_chart.chart_year_balanced"),
    N_("gap_chart.chart_costs"),
    N_("gap_chart.chart_funding"),
    N_("gap_chart.chart_shortfall"),
    N_("gap_chart.chart_surplus"),
    N_("gap_chart.chart_balanced"),
    N_("gap_chart.legend"),
    N_("gap_chart.legend_costs"),
    N_("gap_chart.legend_shortfall"),
    N_("gap_chart.legend_surplus"),
    N_("gap_chart.result_bar"),
    N_("gap_chart.to_totals"),
)
