"""The "Hoe zeker is dit plan?" section of the plan page (docs/certainty.md): the sentence,
the funding per grade, the parameters carrying the most money, and, where a parameter's value
has a documented range, the tornado chart (`report.tornado_chart`, the same in the PDF) beside
a table with the same amounts. The words are `advice.certainty_words`'s, the same as the table
and the PDF. The section names parameters and amounts only, never a person: it is the same on
a share link.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from klaverblad.advice.certainty import plan_certainty
from klaverblad.advice.certainty_words import certainty_view
from klaverblad.locale import Language
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.report.tornado_chart import tornado, tornado_svg


def certainty_context(plan: FinancingPlan, language: Language) -> dict[str, Any]:
    """What the section shows: the words and rows of `certainty_view`, and the tornado chart
    (None when no parameter of the five has a documented range for the plan's months)."""
    view = certainty_view(
        plan_certainty(plan, language), plan.totals.gap_cents, plan.system, language
    )
    chart = None
    if view["varied"]:
        title = view["words"]["tornado_caption"]
        chart = tornado(view["varied"], plan.totals.gap_cents, title, language)
    svg = Markup(tornado_svg(chart)) if chart is not None else None
    return {**view, "chart": chart, "chart_svg": svg}
