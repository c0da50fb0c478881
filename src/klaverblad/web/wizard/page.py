"""Drawing one wizard page: the step indicator, the step's fields with their problems, the
error summary, the result panel, and on the review the answers and what to do with the plan.

`WizardPage` checks the draft once (`wizard_convert.check`), computes its plan once, and knows
which problems the shown step owns: a page that shows problems answers 422. The review shows
"Waarom dit statuut?" per person, as the plan page does.
"""

from __future__ import annotations

import functools
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from klaverblad.locale import Language
from klaverblad.model.consistency import Problem
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.web.render import render
from klaverblad.web.urls import other, url
from klaverblad.web.views.why_statute import why_statute
from klaverblad.web.wizard.convert import check, initiative_json, initiative_yaml
from klaverblad.web.wizard.draft import Draft
from klaverblad.web.wizard.editing import EditTarget, edit_target
from klaverblad.web.wizard.field_words import FIELD_WORDS
from klaverblad.web.wizard.fields import REVIEW, STEP_KEYS, step_of
from klaverblad.web.wizard.measure_notes import grant_warnings
from klaverblad.web.wizard.result import CSV_TABLES, plan_of, result_context
from klaverblad.web.wizard.view import SummaryEntry, placed, step_fields, summary
from klaverblad.web.wizard.voucher_notes import voucher_warnings
from klaverblad.web.wizard.words import WIZARD_WORDS
from klaverblad.web.words.common import WORDS
from klaverblad.web.words.why_statute import WHY_STATUTE_WORDS

# The wizard's routes beside its page (Dutch path, English path).
FRAGMENT_PATHS = ("/nieuw/resultaat", "/en/new/result")
TEMPLATE_PATHS = ("/nieuw/personen-sjabloon.xlsx", "/en/new/people-template.xlsx")
IMPORT_PATHS = ("/nieuw/personen-inlezen", "/en/new/import-people")
CSV_PATHS = ("/nieuw/tabel/{table}.csv", "/en/new/table/{table}.csv")
EXPORT_FORMATS = ("pdf", "xlsx", "csv", "yaml")


def path_of(paths: tuple[str, str], language: Language, **params: str) -> str:
    return (paths[0] if language == "nl" else paths[1]).format(**params)


class WizardPage:
    """A step of the wizard over a draft, with the draft's problems placed on their fields."""

    def __init__(
        self,
        request: Request,
        language: Language,
        draft: Draft,
        step: int,
        form_problems: list[Problem],
    ) -> None:
        self.request = request
        self.language = language
        self.draft = draft
        self.step = step
        self.form_problems = form_problems
        self.words = {**WORDS[language], **WIZARD_WORDS[language]}
        self.checked = check(draft, language)
        self.found = placed(self.checked.problems, draft)
        self.import_problems: list[str] = []
        self.notice: str | None = None
        self.editing: EditTarget | None = edit_target(draft)

    @functools.cached_property
    def plan(self) -> FinancingPlan | None:
        """The plan of the draft, computed once per page (None while it cannot be)."""
        initiative = self.checked.initiative
        return plan_of(initiative) if initiative is not None else None

    def warnings(self) -> dict[str, str]:
        """Notes at fields that do not stop the plan: a grant's measure closed in some months,
        a grant that waits for its amount, a voucher the activity cannot be paid with."""
        checked, words = self.checked, FIELD_WORDS[self.language]
        notes: dict[str, list[str]] = {}
        found = [
            grant_warnings(checked.initiative, self.language, checked.grant_indexes),
            {
                f"grants[{index}].amount_per_year": words["grant_waiting"]
                for index in checked.waiting
            },
            voucher_warnings(self.plan, self.language),
        ]
        for warnings in found:
            for path, message in warnings.items():
                notes.setdefault(path, []).append(message)
        return {path: " ".join(messages) for path, messages in notes.items()}

    def has_problems_in(self, step: int) -> bool:
        return any(step_of(path) == step for path in self.found if path)

    def entries(self) -> list[SummaryEntry]:
        """Every problem of the draft, each naming its field; the form's own first."""
        own = [
            SummaryEntry(self.words["form_level"], problem.message, "", self.step)
            for problem in self.form_problems
        ]
        return own + summary(self.found, self.words, self.draft)

    def shown(self, entries: list[SummaryEntry]) -> list[SummaryEntry]:
        """The problems this page lists: the step's own and the plan's (all on the review)."""
        if self.step == REVIEW:
            return entries
        return [entry for entry in entries if entry.step == self.step or not entry.anchor]

    def status(self) -> int:
        shown = self.shown(self.entries())
        return 422 if shown or self.import_problems else 200

    def result(self) -> dict[str, Any]:
        """The result panel's context: the plan, or the fields that keep it from being computed."""
        result: dict[str, Any] = {"computed": False, "missing": self.entries()}
        if self.plan is not None:
            result = result_context(self.plan, self.words, self.language)
        steps = [
            {"number": n, "key": key, "name": self.words[f"step_{key}"], "current": n == self.step}
            for n, key in enumerate(STEP_KEYS, start=1)
        ]
        csv_urls = {table: path_of(CSV_PATHS, self.language, table=table) for table in CSV_TABLES}
        return {
            "result": result,
            "steps": steps,
            "csv_urls": csv_urls,
            "review": self.step == REVIEW,
        }

    def edit_context(self) -> dict[str, Any]:
        """The page's title, and where and how the review saves: a new plan in Mijn plannen,
        or, when the draft edits a saved plan, the next version of that plan."""
        editing = self.editing
        if editing is None:
            return {"page_title": self.words["title"], "save_action": url("mine", self.language)}
        return {
            "page_title": self.words["edit_title"].format(version=editing.version),
            "save_action": url("saved", self.language, initiative_id=editing.initiative_id),
            "editing": editing,
            "edited_url": url("saved", self.language, initiative_id=editing.initiative_id),
        }

    def context(self) -> dict[str, Any]:
        words, language = self.words, self.language
        entries = self.entries()
        shown = self.shown(entries)
        initiative = self.checked.initiative
        context: dict[str, Any] = {
            **self.result(),
            "step": self.step,
            "step_key": STEP_KEYS[self.step - 1],
            "step_name": words[f"step_{STEP_KEYS[self.step - 1]}"],
            "total": REVIEW,
            "draft_json": self.draft.to_json(),
            "expected_version": self.draft.expected_version,
            **self.edit_context(),
            "problems": shown,
            "other_problems": len(entries) - len(shown),
            "import_problems": self.import_problems,
            "notice": self.notice,
            "action_url": url("wizard", language),
            "other_url": url("wizard", other(language)),
            "fragment_url": path_of(FRAGMENT_PATHS, language),
            "number_url": url("wizard_number", language),
            "template_url": path_of(TEMPLATE_PATHS, language),
            "import_url": path_of(IMPORT_PATHS, language),
            "field_words": FIELD_WORDS[language],
        }
        warnings = self.warnings()
        if self.step < REVIEW:
            top, items = step_fields(self.step, self.draft, words, self.found, language, warnings)
            context.update(top_fields=top, items=items)
        else:
            context["answers"] = [
                {
                    "number": n,
                    "name": words[f"step_{key}"],
                    "fields": step_fields(n, self.draft, words, self.found, language, warnings),
                }
                for n, key in enumerate(STEP_KEYS[:-1], start=1)
            ]
            if self.plan is not None:
                # "Waarom dit statuut?" per person, as on the plan page (_why_statute.html).
                context["why_statute"] = why_statute(self.plan, language)
                context["why_words"] = WHY_STATUTE_WORDS[language]
            if initiative is not None:
                context["yaml_text"] = initiative_yaml(self.checked.data)
                context["json_text"] = initiative_json(self.checked.data)
                context["exports"] = [
                    (fmt, url("posted_export", language, fmt=fmt)) for fmt in EXPORT_FORMATS
                ]
        return context


def render_page(page: WizardPage) -> Response:
    return render(
        page.request,
        "wizard.html",
        switch_url=url("wizard", other(page.language)),
        words=WIZARD_WORDS,
        status_code=page.status(),
        **page.context(),
    )


def render_result(page: WizardPage) -> Response:
    """The result panel alone (for htmx), with the live region's new text; always 200 so
    that htmx swaps it in, also when the panel lists fields to correct."""
    return render(page.request, "wizard_result_fragment.html", words=WIZARD_WORDS, **page.result())
