"""The plan page's "as known on" choice (docs/as-known-on.md), wherever a plan page is shown:
an example, a saved plan (a version of it), a share link, and a posted plan (the wizard's
result). A date field sends the page again with `as_known_on`: a GET form for a plan with an
address, a form posting the plan's text again for a posted plan. With a valid date the plan is
computed under only the rules known then, the page says so and links to the comparison of as
planned then with as it turned out, and every download of the page (PDF, XLSX, CSV, the
tables' CSV) carries the date: in its query, or in the posted plan's hidden form.

>>> from klaverblad.web.views.plan_links import example_links, saved_links
>>> with_known_on(saved_links("nl", "bik", 2), "2006-06-30").file("pdf").href
'/plannen/bik/export/pdf?version=2&as_known_on=2006-06-30'
>>> page_action(saved_links("en", "bik", 2))
('get', '/en/plans/bik', [('version', '2')])
>>> compare_download(example_links("nl", "bik-klusjesdienst"), "2006-06-30").href
'/vergelijken?example=bik-klusjesdienst&as_known_on=2006-06-30'
>>> switch_with_known_on("/en/plans/bik?version=2", {"as_known_on": "2006-06-30"})
'/en/plans/bik?version=2&as_known_on=2006-06-30'
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any
from urllib.parse import urlencode

from klaverblad.advice.known_on_words import WORDS
from klaverblad.locale import Language, day
from klaverblad.web.urls import url
from klaverblad.web.views.compare_known_on import KNOWN_ON_FIELD, known_on_field, read_known_on
from klaverblad.web.views.plan_links import COMPARE_SOURCE, Download, PlanLinks
from klaverblad.web.views.reform_choice import MultiValues

# The plan page of each export page (the page the date field sends again).
PAGES = {
    "example_export": "example",
    "saved_export": "saved",
    "shared_export": "shared",
    "posted_export": "post_plan",
}


def with_known_on(links: PlanLinks, text: str) -> PlanLinks:
    """`links` whose downloads carry the date `text` in their query."""
    return dataclasses.replace(links, query={**links.query, KNOWN_ON_FIELD: text})


def page_action(links: PlanLinks) -> tuple[str, str, list[tuple[str, str]]]:
    """The method, address and hidden fields of the form that shows the page again with a
    date (a posted plan's text is added by the template: it is the page's own)."""
    address = url(PAGES[links.page], links.language, **links.params)
    if links.posted:
        return "post", address, []
    return "get", address, [(name, value) for name, value in links.query.items()]


def compare_download(links: PlanLinks, text: str) -> Download:
    """The comparison of the plan as planned then with as it turned out; a posted plan posts
    its text (and the date, in its hidden form) to the comparison page."""
    address = url("compare", links.language)
    if links.posted:
        return Download(action=address)
    field, param = COMPARE_SOURCE[links.page]
    query = urlencode([(field, links.params[param]), (KNOWN_ON_FIELD, text)])
    return Download(href=f"{address}?{query}")


def switch_with_known_on(address: str, values: MultiValues) -> str:
    """The language switch `address` (the same page in the other language, perhaps with a
    query of its own) carrying the date the page was asked under, as typed: the other
    language's page shows the plan of that date, or says what is wrong with it in its words.
    A posted plan has no address: its switch is not built with this."""
    text, _, _ = read_known_on(values, "en")
    if not text:
        return address
    return f"{address}{'&' if '?' in address else '?'}{urlencode({KNOWN_ON_FIELD: text})}"


def plan_known_on(
    values: MultiValues, language: Language, links: PlanLinks
) -> tuple[date | None, dict[str, Any], PlanLinks]:
    """The date asked (None: today's rules), what plan.html shows of the choice, and the
    page's links (carrying the date when one is asked)."""
    text, known_on, error = read_known_on(values, language)
    w = WORDS[language]
    method, action, hidden = page_action(links)
    shown = links if known_on is None else with_known_on(links, text)
    context = {
        "method": method,
        "action": action,
        "hidden": hidden,
        "field": known_on_field("plan", text, error, language),
        "apply": w["apply"],
        "day": "" if known_on is None else known_on.isoformat(),
        "notice": None
        if known_on is None
        else w["plan_notice"].format(day=day(known_on, language)),
        "compare": None if known_on is None else compare_download(links, known_on.isoformat()),
        "compare_words": w["plan_compare"],
    }
    return known_on, context, shown
