"""The comparison in one sentence: who gains what under the alternative, or, when nothing
changes, why — derived from the two plans, never written per reform.

Who gains: per person, what their applied statute brings over the horizon (the totals the
plan's statute choice compares, `plan/statutes.py`; for WEP+ the grant booked in that
person's WEP+ months), before and after; per funder, the difference of every line booked
for it. Why nothing changes, in this order: the file's statutes were kept while someone
became eligible for another; someone became eligible but their statute brings at least as
much; nobody became eligible for the statutes the reform touches (their failed conditions,
in words); otherwise no amount the plan uses changed.

>>> join_words(["w1", "w3", "w4"], "and")
'w1, w3 and w4'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from klaverblad.advice.condition_labels import condition_label
from klaverblad.locale import Language, money
from klaverblad.model.money import to_cents
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.plan.statutes import REGULAR
from klaverblad.rules.catalogue import STATUTES
from klaverblad.web.views.comparison import OPTIMISER, Comparison, applied_statute
from klaverblad.web.views.reform_changes import reform_statutes
from klaverblad.web.views.reform_choice import describe_change
from klaverblad.web.wizard.choices import CHOICE_WORDS
from klaverblad.web.words.reform_default import REFORM_DEFAULT_WORDS


@dataclass(frozen=True)
class PersonShift:
    """What one person's applied statute brings over the horizon, before and after."""

    person: str
    before: str
    after: str
    before_cents: int
    after_cents: int

    @property
    def difference(self) -> int:
        return self.after_cents - self.before_cents

    @property
    def changed(self) -> bool:
        return bool(self.difference) or self.before != self.after


def join_words(items: list[str], conjunction: str) -> str:
    """'a, b en c': the items in a sentence, the last joined by `conjunction`."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def statute_word(code: str, language: Language) -> str:
    """A statute's short name in words ('artikel 60 §7', 'WEP+'), never its code."""
    return CHOICE_WORDS[language].get(f"opt_statute_{code}", code)


def statute_cents(plan: FinancingPlan, index: int, statute: str) -> int:
    """What `statute` brings person `index` over the plan's horizon (0 when not eligible)."""
    results = plan.statutes
    if results is None or statute == REGULAR or statute not in results.totals_units:
        return 0
    if not bool(results.eligible[statute][index]):
        return 0
    return to_cents(int(results.totals_units[statute][index]))


def person_shifts(comparison: Comparison) -> list[PersonShift]:
    """Every person in file order, with their applied statute and what it brings."""
    base, other = comparison.baseline, comparison.alternative
    shifts = []
    for index, (before, after) in enumerate(zip(base.people, other.people, strict=True)):
        old, new = applied_statute(before), applied_statute(after)
        shifts.append(
            PersonShift(
                before.id,
                old,
                new,
                statute_cents(base, index, old),
                statute_cents(other, index, new),
            )
        )
    return shifts


def _funding_by_funder(plan: FinancingPlan) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for line in plan.lines:
        totals[line.funder] += line.cents
    return totals


def funder_shifts(comparison: Comparison) -> list[tuple[str, int]]:
    """(funder, alternative − baseline) for every funder whose money changes, largest
    change first."""
    base = _funding_by_funder(comparison.baseline)
    other = _funding_by_funder(comparison.alternative)
    shifts = [(name, other.get(name, 0) - base.get(name, 0)) for name in set(base) | set(other)]
    changed = [(name, cents) for name, cents in shifts if cents]
    return sorted(changed, key=lambda item: (-abs(item[1]), item[0].casefold()))


def _kind(comparison: Comparison) -> str:
    """Which alternative the sentence speaks of: a reform, a change, statutes, or several."""
    rules = comparison.rules
    if not rules.chosen:
        return "statutes"
    if comparison.chosen or (rules.reforms and rules.change is not None):
        return "alternative"
    return "reform" if rules.reforms else "change"


class _Sentence:
    """The words and amounts of one page's language."""

    def __init__(self, comparison: Comparison, language: Language) -> None:
        self.comparison = comparison
        self.language = language
        self.words = REFORM_DEFAULT_WORDS[language]
        kind = _kind(comparison)
        self.lead = self.words[f"lead_{kind}"]
        self.subject = self.words[f"subject_{kind}"]

    def statute(self, code: str) -> str:
        """A statute's short name; no statute at all is "geen subsidie" in a sentence."""
        return self.words["regular"] if code == REGULAR else statute_word(code, self.language)

    def amount(self, cents: int) -> str:
        return money(abs(cents), self.language)

    def direction(self, cents: int) -> str:
        return self.words["more" if cents > 0 else "less"]

    def join(self, items: list[str]) -> str:
        return join_words(items, self.words["and"])

    def people(self, shifts: list[PersonShift]) -> list[str]:
        words, items = self.words, []
        for shift in (s for s in shifts if s.changed):
            new, old = self.statute(shift.after), self.statute(shift.before)
            if not shift.difference:
                items.append(
                    words["person_same_amount"].format(person=shift.person, new=new, old=old)
                )
                continue
            why = ""
            if shift.before != shift.after:
                why = words["why_switch"].format(new=new, old=old)
            elif shift.after != REGULAR:
                why = words["why_stays"].format(statute=new)
            key = "person_next" if items else "person_first"
            items.append(
                words[key].format(
                    person=shift.person,
                    amount=self.amount(shift.difference),
                    direction=self.direction(shift.difference),
                    why=why,
                )
            )
        return items

    def funders(self, shifts: list[tuple[str, int]]) -> list[str]:
        items: list[str] = []
        for name, cents in shifts:
            key = "funder_next" if items else "funder_first"
            funder = self.words.get(f"funder_{name}", name)
            items.append(
                self.words[key].format(
                    funder=funder, amount=self.amount(cents), direction=self.direction(cents)
                )
            )
        return items

    def gains(self, people: list[PersonShift], funders: list[tuple[str, int]]) -> str:
        comparison = self.comparison
        delta = (
            comparison.alternative.totals.funding_cents - comparison.baseline.totals.funding_cents
        )
        parts = [self.join(self.people(people)), self.join(self.funders(funders))]
        key = "gains" if delta > 0 else "loses" if delta < 0 else "shifts"
        return self.words[key].format(
            lead=self.lead,
            months=comparison.baseline.months,
            amount=self.amount(delta),
            details="; ".join(part for part in parts if part),
        )

    def newly_eligible(self) -> list[tuple[int, str]]:
        """(person index, statute) for each statute someone is eligible for only under the
        alternative."""
        base, other = self.comparison.baseline, self.comparison.alternative
        return [
            (index, statute)
            for index, (before, after) in enumerate(zip(base.people, other.people, strict=True))
            for statute, eligible in after.eligible.items()
            if eligible and not before.eligible.get(statute, False)
        ]

    def nothing(self) -> str:
        """Why the alternative changes nothing for this plan."""
        comparison, words = self.comparison, self.words
        other = comparison.alternative
        newly = self.newly_eligible()
        if newly and not comparison.best and comparison.rules.chosen:
            eligible = [
                words["eligible_item"].format(
                    statute=self.statute(statute), person=other.people[index].id
                )
                for index, statute in newly
            ]
            return words["nothing_kept"].format(subject=self.subject, eligible=self.join(eligible))
        if newly:
            items = []
            for index, statute in newly:
                person = other.people[index]
                current = applied_statute(person)
                items.append(
                    words["not_better_item"].format(
                        person=person.id,
                        statute=self.statute(statute),
                        amount=money(statute_cents(other, index, statute), self.language),
                        current=self.statute(current),
                        current_amount=money(statute_cents(other, index, current), self.language),
                    )
                )
            return words["nothing_not_better"].format(subject=self.subject, items="; ".join(items))
        return self.not_eligible() or words["nothing_generic"].format(subject=self.subject)

    def not_eligible(self) -> str | None:
        """Nobody became eligible for the statutes the rules touch: who fails which condition."""
        other = self.comparison.alternative
        results = other.statutes
        touched = touched_statutes(self.comparison)
        if results is None or not touched:
            return None
        reasons, named = [], []
        for statute in touched:
            for index, person in enumerate(other.people):
                if person.eligible.get(statute, False):
                    continue
                failed = [
                    _in_sentence(condition_label(condition, self.language))
                    for condition in STATUTES[statute].conditions
                    if not bool(results.conditions[condition][index])
                ]
                if failed:
                    conditions = f" {self.words['and']} ".join(failed)
                    reasons.append(
                        self.words["reason_item"].format(person=person.id, conditions=conditions)
                    )
                    named.append(statute)
        if not reasons:
            return None
        statutes = [self.statute(s) for s in dict.fromkeys(named)]
        return self.words["nothing_not_eligible"].format(
            subject=self.subject, statutes=self.join(statutes), reasons="; ".join(reasons)
        )


def _in_sentence(label: str) -> str:
    """A condition's label inside a sentence: 'The person is …' becomes 'the person is …'
    (an abbreviation such as 'OCMW …' keeps its capitals)."""
    if len(label) > 1 and label[0].isupper() and not label[1].isupper():
        return label[0].lower() + label[1:]
    return label


def touched_statutes(comparison: Comparison) -> tuple[str, ...]:
    """The wage statutes the alternative's rules change: those of its reforms' parameters and
    components, and that of a changed parameter."""
    rules = comparison.rules
    touched = [statute for name in rules.reforms for statute in reform_statutes(name)]
    if rules.change is not None:
        touched.append(rules.change.path.split(".")[0])
    return tuple(statute for statute in STATUTES if statute in touched)


def verdict(comparison: Comparison, language: Language) -> str:
    """The comparison in one sentence (see the module's docstring)."""
    sentence = _Sentence(comparison, language)
    people = person_shifts(comparison)
    funders = funder_shifts(comparison)
    if funders or any(shift.changed for shift in people):
        return sentence.gains(people, funders)
    if comparison.baseline.lines != comparison.alternative.lines:
        return sentence.words["moves_only"].format(subject=sentence.subject)
    return sentence.nothing()


def baseline_note(comparison: Comparison, language: Language) -> str | None:
    """When every statute is chosen again, the people whose statute under the current rules
    is not the file's (the baseline is then not the plan as the file has it)."""
    if not comparison.best:
        return None
    words = REFORM_DEFAULT_WORDS[language]
    items = [
        words["baseline_item"].format(
            person=person.id,
            new=statute_word(applied_statute(person), language),
            old=statute_word(file, language),
        )
        for person, file in zip(comparison.baseline.people, comparison.file_statutes, strict=True)
        if file is not None and applied_statute(person) != file
    ]
    if not items:
        return None
    return words["baseline_best"].format(items=join_words(items, words["and"]))


def asked_phrases(
    comparison: Comparison, words: Mapping[str, str], language: Language
) -> list[str]:
    """What the alternative is, one phrase each: the reforms, the parameter change, and the
    statutes chosen per person (by name, never by code). `words` are the comparison page's."""
    own = REFORM_DEFAULT_WORDS[language]
    rules = comparison.rules
    phrases = [words.get(f"reform_{name}", name) for name in rules.reforms]
    if rules.change is not None:
        phrases.append(
            words["change_applied"].format(change=describe_change(rules.change, language))
        )
    for person, choice in comparison.chosen.items():
        by_optimiser = choice == OPTIMISER
        statute = comparison.optimised.get(person, REGULAR) if by_optimiser else choice
        key = "asked_optimiser" if by_optimiser else "asked_statute"
        phrases.append(own[key].format(person=person, statute=statute_word(statute, language)))
    return phrases


def summary_context(
    comparison: Comparison, words: Mapping[str, str], language: Language
) -> dict[str, Any]:
    """What compare.html says above the tables: the alternative in phrases, how the statutes
    were chosen (under other rules), the verdict and the note on the baseline."""
    own = REFORM_DEFAULT_WORDS[language]
    mode = None
    if comparison.rules.chosen:
        mode = own["mode_best" if comparison.best else "mode_file"]
    return {
        "asked": asked_phrases(comparison, words, language),
        "mode_title": own["mode_title"],
        "mode": mode,
        "verdict": verdict(comparison, language),
        "baseline_note": baseline_note(comparison, language),
    }
