"""What the comparison form shows and what it asked: the choices read from a query string or
a posted form, checked, with one message per field, and the fields as the template draws
them (ids, labels, the value kept, `aria-invalid`); with a comparison, its verdict in one
sentence (`reform_summary`).

Under a reform or a parameter change every person's statute is chosen again under each rule
set unless the checkbox `keep_statutes` asks to keep the file's (`comparison.compare`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode

from klaverblad.locale import Language
from klaverblad.model import Initiative
from klaverblad.plan.financing_plan import FinancingPlan, compute_plan
from klaverblad.plan.statutes import REGULAR
from klaverblad.rules.catalogue import STATUTES as STATUTE_MEASURES
from klaverblad.web.views.compare_known_on import (
    KNOWN_ON_FIELD,
    combine_error,
    known_on_comparison,
    known_on_field,
    read_known_on,
)
from klaverblad.web.views.comparison import (
    KEEP,
    OPTIMISER,
    STATUTE_CHOICES,
    Comparison,
    OptimiserError,
    compare,
    read_statutes,
    statute_field,
)
from klaverblad.web.views.reform_choice import (
    CHANGE_FIELD,
    REFORM_FIELD,
    MultiValues,
    RulesChoice,
    read_rules_choice,
    rules_error_entries,
    rules_fields,
)
from klaverblad.web.views.reform_summary import statute_word, summary_context
from klaverblad.web.words.reform_default import REFORM_DEFAULT_WORDS

EXAMPLE_FIELD = "example"
TABLE_FIELD = "table"
# The checkbox "keep the file's statutes" (any of these values ticks it).
KEEP_STATUTES_FIELD = "keep_statutes"
KEEP_STATUTES_VALUE = "1"
_TICKED = ("1", "on", "true", "ja", "yes")


@dataclass
class Outcome:
    """The choices as read, their errors (field name -> message) and, when they are valid
    and ask for something, the comparison."""

    rules: RulesChoice
    statutes: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    comparison: Comparison | None = None
    # Per person, the statutes they are eligible for under the rules chosen (the selects
    # say which statutes would bring nothing).
    eligible: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The file's statutes are kept under other rules (else each is chosen again).
    keep_file: bool = False
    # "As known on" (`compare_known_on`): the text of the date field and its date when valid.
    known_on_text: str = ""
    known_on: date | None = None

    @property
    def asked(self) -> bool:
        return self.rules.chosen or bool(self.statutes) or self.known_on is not None

    def query(self) -> list[tuple[str, str]]:
        """The choices as query parameters (for the CSV links), `keep` left out."""
        pairs = [(REFORM_FIELD, name) for name in self.rules.reforms]
        if self.rules.change_text:
            pairs.append((CHANGE_FIELD, self.rules.change_text))
        pairs += [(statute_field(p), s) for p, s in self.statutes.items()]
        if self.keep_file:
            pairs.append((KEEP_STATUTES_FIELD, KEEP_STATUTES_VALUE))
        if self.known_on_text:
            pairs.append((KNOWN_ON_FIELD, self.known_on_text))
        return pairs


def read_keep_file(values: MultiValues) -> bool:
    """Whether the form asks to keep the file's statutes (an unticked checkbox sends nothing)."""
    value = values.get(KEEP_STATUTES_FIELD)
    return isinstance(value, str) and value.strip().lower() in _TICKED


def evaluate(
    initiative: Initiative | None,
    values: MultiValues,
    words: Mapping[str, str],
    language: Language,
) -> Outcome:
    """Read and check the choices (numbers as `language` writes them); compare when they are
    valid and ask for something."""
    rules = read_rules_choice(values, dict(words), language)
    outcome = Outcome(rules, errors=dict(rules.errors), keep_file=read_keep_file(values))
    outcome.known_on_text, outcome.known_on, known_on_error = read_known_on(values, language)
    if known_on_error:
        outcome.errors[KNOWN_ON_FIELD] = known_on_error
    if initiative is None:
        return outcome
    outcome.statutes, errors = read_statutes(values, initiative, words["unknown_statute"])
    outcome.errors.update(errors)
    if outcome.known_on is not None and (rules.chosen or outcome.statutes):
        outcome.errors[KNOWN_ON_FIELD] = combine_error(language)
    if not outcome.errors and outcome.known_on is not None:
        outcome.comparison = known_on_comparison(initiative, outcome.known_on, outcome.keep_file)
    elif not outcome.errors and outcome.asked:
        try:
            outcome.comparison = compare(
                initiative, rules, outcome.statutes, keep_file=outcome.keep_file
            )
        except OptimiserError as error:
            outcome.errors[error.field] = words["optimiser_failed"].format(reason=str(error))
    if outcome.comparison is not None:
        outcome.eligible = _eligibility(outcome.comparison.alternative)
    elif not rules.errors:
        outcome.eligible = _eligibility(compute_plan(initiative, rules.system()))
    return outcome


def _eligibility(plan: FinancingPlan) -> dict[str, tuple[str, ...]]:
    """The statutes each person is eligible for (eligibility does not depend on the statute
    the person is given)."""
    return {
        person.id: tuple(name for name, ok in person.eligible.items() if ok)
        for person in plan.people
    }


def csv_query(outcome: Outcome, example: str, table: str) -> str:
    return urlencode([(EXAMPLE_FIELD, example), *outcome.query(), (TABLE_FIELD, table)])


def _statute_options(
    current: str | None,
    eligible: tuple[str, ...] | None,
    words: Mapping[str, str],
    language: Language,
) -> list[dict[str, Any]]:
    """keep (as the checkbox above says: the best statute, or the file's), optimiser, every
    wage statute by its name in the catalogue (those the person is not eligible for said so
    when `eligible` is known) and `regular`; no code."""
    foreign = "nl" if language != "nl" else None
    own = REFORM_DEFAULT_WORDS[language]
    regular = statute_word(REGULAR, language)
    kept = {None: own["statute_file_best"], REGULAR: regular}.get(current)
    if kept is None and current in STATUTE_MEASURES:  # the statute's name as in the catalogue
        kept = STATUTE_MEASURES[current].label
    options: list[dict[str, Any]] = [
        {"value": KEEP, "label": own["statute_follow"].format(statute=kept), "lang": None},
        {"value": OPTIMISER, "label": words["statute_optimiser"], "lang": None},
    ]
    for name in STATUTE_CHOICES[2:]:
        if name == REGULAR:
            options.append({"value": name, "label": regular, "lang": None})
        else:
            label = STATUTE_MEASURES[name].label
            if eligible is not None and name not in eligible:
                label += f" — {words['not_eligible']}"
            options.append({"value": name, "label": label, "lang": foreign})
    return options


def form_fields(
    prefix: str,
    outcome: Outcome,
    initiative: Initiative | None,
    words: Mapping[str, str],
    language: Language,
) -> dict[str, Any]:
    """The fields of one form (ids start with `prefix`): reforms, the change, one statute
    select per person; each with its value kept and its error."""
    people = []
    for index, person in enumerate(initiative.people if initiative else ()):
        name = statute_field(person.id)
        error = outcome.errors.get(name)
        people.append(
            {
                "name": name,
                "id": f"{prefix}-statuut-{index}",
                "label": words["statute_of"].format(
                    person=person.id, role=words[f"role_{person.role}"]
                ),
                "chosen": outcome.statutes.get(person.id, KEEP),
                "options": _statute_options(
                    person.statute, outcome.eligible.get(person.id), words, language
                ),
                "error": error,
                "error_id": f"{prefix}-fout-statuut-{index}" if error else None,
            }
        )
    own = REFORM_DEFAULT_WORDS[language]
    keep = {
        "name": KEEP_STATUTES_FIELD,
        "value": KEEP_STATUTES_VALUE,
        "id": f"{prefix}-statuten-bestand",
        "hint_id": f"{prefix}-statuten-bestand-uitleg",
        "checked": outcome.keep_file,
        "label": own["keep_label"],
        "hint": own["keep_hint"],
    }
    comparison = outcome.comparison
    # An "as known on" comparison has no reform to sum up: the page says what it compares.
    summed = comparison is not None and comparison.known_on is None
    return {
        **rules_fields(prefix, outcome.rules, words),
        "people": people,
        "keep_statutes": keep,
        "known_on": known_on_field(
            prefix, outcome.known_on_text, outcome.errors.get(KNOWN_ON_FIELD), language
        ),
        "summary": summary_context(comparison, words, language) if comparison and summed else None,
    }


def error_summary(
    fields: Mapping[str, Any], words: Mapping[str, str], language: Language
) -> list[dict[str, str | None]]:
    """One entry per field in error, in form order: the field's label, the link to it, the
    message."""
    entries = rules_error_entries(fields, words, language)
    known_on = fields["known_on"]
    if known_on["error"]:
        entries.append(
            {
                "href": f"#{known_on['id']}",
                "label": known_on["label"],
                "message": known_on["error"],
                "lang": None,
            }
        )
    for person in fields["people"]:
        if person["error"]:
            entries.append(
                {
                    "href": f"#{person['id']}",
                    "label": person["label"],
                    "message": person["error"],
                    "lang": None,
                }
            )
    return entries
