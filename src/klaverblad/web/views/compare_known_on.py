"""The comparison page's "as known on" choice (docs/as-known-on.md): a date field; with a
valid date (and no other choice), the plan as planned then (only the rules known on that date)
against the plan as it turned out (today's rules), its difference in one step per measure
whose values became known later (`advice/known_on_steps.py`), in the page's tables and
waterfall."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from klaverblad.advice.alerts import plan_alerts
from klaverblad.advice.known_on_steps import known_on_steps
from klaverblad.advice.known_on_words import WORDS, plans_words
from klaverblad.locale import Language
from klaverblad.model import Initiative
from klaverblad.rules.known_on import KnownOnError, parse_day
from klaverblad.web.views.comparison import Comparison
from klaverblad.web.views.reform_choice import MultiValues, RulesChoice

KNOWN_ON_FIELD = "as_known_on"


def read_known_on(values: MultiValues, language: Language) -> tuple[str, date | None, str | None]:
    """The text of the field, its date (None when empty or wrong) and its error."""
    value = values.get(KNOWN_ON_FIELD)
    text = value.strip()[:40] if isinstance(value, str) else ""
    if not text:
        return "", None, None
    try:
        return text, parse_day(text), None
    except KnownOnError:
        return text, None, WORDS[language]["bad_date"]


def combine_error(language: Language) -> str:
    """Said of the date when reforms, a change or statutes are chosen too."""
    return WORDS[language]["combine"]


def known_on_comparison(initiative: Initiative, known_on: date, keep_file: bool) -> Comparison:
    """As planned then (the baseline) against as it turned out (the alternative)."""
    steps = known_on_steps(initiative, known_on, keep_file=keep_file)
    return Comparison(
        baseline=steps.baseline,
        alternative=steps.final,
        baseline_alerts=plan_alerts(steps.baseline),
        alternative_alerts=plan_alerts(steps.final),
        rules=RulesChoice(),
        optimised={},
        best=not keep_file,
        file_statutes=tuple(person.statute for person in initiative.people),
        steps=steps,
        known_on=known_on,
    )


# The comparison's words that name the two plans "current rules" / "alternative", and the
# words of `known_on_words.WORDS` that name them as planned then / as it turned out instead.
TABLE_WORDS = {
    "baseline": "then_column",
    "alternative": "now_column",
    "funding_baseline": "funding_then",
    "funding_alternative": "funding_now",
    "gap_baseline": "gap_then",
    "gap_alternative": "gap_now",
    "statute_baseline": "statute_then",
    "statute_alternative": "statute_now",
    "eligible_alternative": "eligible_now",
    "table_not_computable": "table_not_computable",
    "all_computable": "all_computable",
}
PAGE_WORDS = {
    "results_title": "results_title",
    "alerts_disappeared": "alerts_disappeared",
    "alerts_appeared": "alerts_appeared",
    "unchanged": "unchanged",
}


def column_words(words: Mapping[str, str], language: Language) -> dict[str, str]:
    """The page's words with the two plans' columns named as planned then / as it turned
    out instead of current rules / alternative."""
    own = WORDS[language]
    return {**words, **{key: own[mine] for key, mine in TABLE_WORDS.items()}}


def known_on_words(words: Mapping[str, str], known_on: date, language: Language) -> dict[str, str]:
    """The page's words in an "as known on" comparison: its tables' (`column_words`), its
    headings' and its fact list's, where the two plans are "Zoals toen gepland (regels gekend
    op 30 juni 2006)" and "Zoals het uitdraaide (regels van vandaag)"."""
    own = WORDS[language]
    then, now = plans_words(known_on, language)
    return {
        **column_words(words, language),
        **{key: own[mine] for key, mine in PAGE_WORDS.items()},
        "baseline_is": then,
        "alternative_is": now,
    }


def known_on_field(prefix: str, text: str, error: str | None, language: Language) -> dict[str, Any]:
    """The date field as the template draws it (id, label, hint, value kept, error)."""
    w = WORDS[language]
    field_id = f"{prefix}-gekend-op"
    return {
        "name": KNOWN_ON_FIELD,
        "id": field_id,
        "hint_id": f"{field_id}-uitleg",
        "label": w["field_label"],
        "hint": w["field_hint"],
        "value": text,
        "error": error,
        "error_id": f"{field_id}-fout" if error else None,
    }
