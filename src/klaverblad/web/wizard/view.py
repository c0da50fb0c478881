"""What the wizard's templates draw for a step: each field with its label, value, default
mark, hint, echo of the number read and its problem; each list item with its fields; the
summary of problems, each naming its field.

A problem of the model is put on the visible field of its path; a path that is not a field
(`agreements[0]`, `recognitions[1]`) goes to the nearest field that is, so that every problem
is shown beside something the user can change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from klaverblad.locale import Language
from klaverblad.model.consistency import Problem
from klaverblad.report.plan_table import LEAF_NAMES
from klaverblad.typed_numbers import WORDS, shown
from klaverblad.web.wizard.accept import ACCEPT_PREFIX
from klaverblad.web.wizard.choices import choice_label
from klaverblad.web.wizard.convert import read_decimal
from klaverblad.web.wizard.draft import Draft, Value, decimal_text
from klaverblad.web.wizard.field_words import FIELD_WORDS
from klaverblad.web.wizard.fields import (
    LISTS,
    PERSON_GROUPS,
    STEPS,
    TOP,
    Field,
    input_id,
    step_of,
)
from klaverblad.web.wizard.measure_notes import choice_note, draft_employer

# What every field view needs: the draft, the words, the problems by path, the language.
_Context = tuple[Draft, dict[str, str], dict[str, str], Language]
_HINTS = {
    "id": "hint_id",
    "horizon.start": "hint_month",
    "from": "hint_month",
    "until": "hint_month",
    "fte": "hint_fte",
    "end_date": "hint_end_date",
    "price_per_hour": "hint_price",
    "degression": "hint_degression",
    # What the v1.2 person fields are for (RULEBOOK §2): who decides them, which measure reads them.
    "maatwerk_pakket": "hint_maatwerk_pakket",
    "vop": "hint_vop",
    "gesco_post": "hint_gesco_post",
    "contract_indefinite": "hint_contract_indefinite",
    "gross_quarterly_wage": "hint_gross_quarterly_wage",
}


@dataclass
class FieldView:
    path: str
    id: str
    label: str
    widget: str  # text, select, checkbox, checkboxes
    value: Value
    options: list[tuple[str, str]] = field(default_factory=list)
    inputmode: str | None = None
    required: bool = True
    is_default: bool = False
    hint: str | None = None
    echo: str | None = None
    error: str | None = None
    warning: str | None = None  # e.g. the measure is closed in some months (measure_notes.py)
    shown: str = ""  # the value in words (for the review)
    number: bool = False  # a typed number: its echo follows the typing (wizard_macros.html)
    filled: bool = False  # holds a value worth listing on the review
    # The "Klopt" button of a default: its `go` value, its text and what it says to a
    # screen reader (wizard/accept.py); None when the value is no default.
    accept: dict[str, str] | None = None

    @property
    def described_by(self) -> str:
        """The ids of the texts that describe the input: default mark, hint, echo, error."""
        parts = (
            ("default", self.is_default),
            ("hint", self.hint),
            ("echo", self.echo),
            ("error", self.error),
            ("warning", self.warning),
        )
        return " ".join(f"{self.id}-{part}" for part, shown in parts if shown)


@dataclass
class GroupView:
    legend: str | None
    fields: list[FieldView]


@dataclass
class ItemView:
    name: str
    index: int
    title: str
    groups: list[GroupView]


@dataclass
class SummaryEntry:
    """One problem for the error summary: the field it names, its anchor and its step."""

    label: str
    message: str
    anchor: str
    step: int


def field_key(list_name: str | None, name: str) -> str:
    base = name.replace(".", "_")
    return f"field_{list_name}_{base}" if list_name else f"field_{base}"


def known_paths(draft: Draft) -> set[str]:
    paths = {spec.name for spec in TOP}
    for name, specs in LISTS.items():
        for index in range(len(draft.items(name))):
            paths |= {f"{name}[{index}].{spec.name}" for spec in specs}
    return paths


def visible_path(path: str, known: set[str]) -> str:
    """The visible field that shows a problem at the model's `path` ("" for the plan)."""
    candidate = path
    while candidate:
        if candidate in known:
            return candidate
        matches = sorted(k for k in known if k.startswith((f"{candidate}.", f"{candidate}[")))
        if matches:
            item_fields = [m for m in matches if "amount_per_year" in m]
            return (item_fields or matches)[0]
        cut = max(candidate.rfind("."), candidate.rfind("["))
        candidate = candidate[:cut] if cut > 0 else ""
    return ""


def placed(problems: list[Problem], draft: Draft) -> dict[str, str]:
    """Problems by visible field path (the first per field; "" holds the plan's own)."""
    known = known_paths(draft)
    found: dict[str, str] = {}
    for problem in problems:
        path = visible_path(problem.path, known)
        if path in found:
            found[path] = f"{found[path]}; {problem.message}"
        else:
            found[path] = problem.message
    return found


def item_title(list_name: str, index: int, draft: Draft, words: dict[str, str]) -> str:
    """'Persoon 2 (Fatima)': the item's number and, when it has one, its name, else its id
    (or funder)."""
    title = words[f"item_{list_name}"].format(n=index + 1)
    items = draft.items(list_name)
    if index < len(items):
        values = items[index].values
        identifier = values.get("name") or values.get("id") or values.get("funder")
        if isinstance(identifier, str) and identifier.strip():
            title = f"{title} ({identifier.strip()})"
    return title


def field_label(path: str, words: dict[str, str], draft: Draft) -> str:
    """The field's label with its item: 'Persoon 2 (w2): Loonkost per maand (€)'."""
    if not path:
        return words["form_level"]
    if "[" not in path:
        return words.get(field_key(None, path), path)
    list_name, rest = path.split("[", 1)
    index, _, name = rest.partition("].")
    item = item_title(list_name, int(index), draft, words)
    return f"{item}: {words.get(field_key(list_name, name), name)}"


def summary(found: dict[str, str], words: dict[str, str], draft: Draft) -> list[SummaryEntry]:
    return [
        SummaryEntry(
            field_label(path, words, draft),
            message,
            input_id(path) if path else "",
            step_of(path),
        )
        for path, message in found.items()
    ]


def _options(
    spec: Field, list_name: str | None, value: Value, context: _Context
) -> list[tuple[str, str]]:
    draft, words, _problems, language = context
    choices: tuple[str, ...] = spec.choices
    if list_name == "agreements" and spec.name == "activity":
        activities = draft.items("activities")
        choices = tuple(str(item.values.get("id", "")) for item in activities)
        names = {str(i.values.get("id", "")): str(i.values.get("name") or "") for i in activities}
        return [(choice, names.get(choice) or choice) for choice in choices]
    options = [(choice, choice_label(words, spec.name, choice)) for choice in choices]
    if (list_name, spec.name) in (("grants", "measure"), ("people", "statute")):
        start = draft.top.get("horizon.start")
        employer = draft_employer(
            draft.top.get("promoter.legal_form"), draft.top.get("recognitions")
        )
        options = [
            (c, label + choice_note(spec.name, c, start, language, employer))
            for c, label in options
        ]
    if spec.name == "maatwerk_loonpremie_pct":
        options = [(choice, f"{choice} %") for choice in choices]
    if spec.name == "leaf":
        options = [(c, f"{c} — {LEAF_NAMES[language][c]}") for c in choices]
    if not spec.required and spec.kind != "checkboxes":
        empty = {"statute": "choice_best", "leaf": "choice_leaf_default"}.get(spec.name)
        options.insert(0, ("", words[empty or "choice_none"]))
    if isinstance(value, str) and value not in {choice for choice, _ in options}:
        options.append((value, value))  # a value from a file that the choices lack: kept
    return options


# Every number field is below this (money below 10⁹ euros, hours 100 000, FTE 1).
_OUT_OF_RANGE = Decimal(10) ** 9


def number_echo(spec: Field, value: Value, language: Language) -> str | None:
    """What a typed number was read as ("gelezen als € 2.950,00"), when the text is not
    already written the plain way the wizard writes it ("2950,00"); None for a text the
    reader refuses (the field's problem says why) or beyond every field's range."""
    if not spec.is_number or not isinstance(value, str) or not value.strip():
        return None
    parsed = read_decimal(value, language, spec.number_kind)
    if parsed is None or abs(parsed) >= _OUT_OF_RANGE:
        return None
    places = 2 if spec.kind == "amount" else None
    if value.strip() == decimal_text(parsed, language, places):
        return None
    return WORDS[language]["read_as"].format(value=shown(parsed, language, spec.number_kind))


def _shown(widget: str, value: Value, options: list[tuple[str, str]], words: dict[str, str]) -> str:
    labels = dict(options)
    if widget == "checkbox":
        return words["yes" if value is True else "no"]
    if isinstance(value, list):
        return ", ".join(labels.get(v, v) for v in value) or "—"
    text = value if isinstance(value, str) else ""
    if widget == "select":
        return labels.get(text, text) or "—"
    return text.strip() or "—"


def field_view(
    spec: Field,
    list_name: str | None,
    index: int | None,
    values: dict[str, Value],
    defaults: set[str],
    context: _Context,
) -> FieldView:
    _draft, words, problems, language = context
    path = spec.name if list_name is None else f"{list_name}[{index}].{spec.name}"
    value = values.get(spec.name, "")
    widget = "text"
    if spec.kind in ("checkbox", "checkboxes"):
        widget = spec.kind
    elif spec.kind == "select" or spec.choices:
        widget = "select"
    hint_key = _HINTS.get(spec.name)
    if hint_key is None and spec.kind == "date":
        hint_key = "hint_date"
    if hint_key is None and list_name == "agreements" and spec.name == "amount_per_hour":
        hint_key = "hint_amount_per_hour"
    inputmode = {"amount": "decimal", "decimal": "decimal", "integer": "numeric"}.get(spec.kind)
    options = _options(spec, list_name, value, context) if widget != "text" else []
    label = words.get(field_key(list_name, spec.name), spec.name)
    is_default = spec.name in defaults
    own = FIELD_WORDS[language]
    accept = {
        "value": f"{ACCEPT_PREFIX}{path}",
        "label": own["accept"],
        "spoken": own["accept_field"].format(field=label),
    }
    return FieldView(
        path=path,
        id=input_id(path),
        label=label,
        widget=widget,
        value=value,
        options=options,
        inputmode=inputmode if widget == "text" else None,
        required=spec.required,
        is_default=is_default,
        hint=words[hint_key] if hint_key else None,
        echo=number_echo(spec, value, language),
        number=spec.is_number and widget == "text",
        error=problems.get(path),
        shown=_shown(widget, value, options, words),
        filled=(
            value != spec.checked
            if spec.kind == "checkbox"
            else value not in ("", []) or spec.name == "statute"
        ),
        accept=accept if is_default else None,
    )


def step_fields(
    step: int,
    draft: Draft,
    words: dict[str, str],
    problems: dict[str, str],
    language: Language,
    warnings: dict[str, str] | None = None,
) -> tuple[list[FieldView], dict[str, list[ItemView]]]:
    """The top fields and the list items step `step` shows; `warnings` by field path are
    notes that do not stop the plan (a measure closed in some months, a grant waiting for its
    amount, a voucher that cannot pay)."""
    context = (draft, words, problems, language)
    _key, lists, fields = STEPS[step - 1]
    top = [field_view(spec, None, None, draft.top, draft.top_defaults, context) for spec in fields]
    items: dict[str, list[ItemView]] = {}
    for name in lists:
        specs = {spec.name: spec for spec in LISTS[name]}
        groups = PERSON_GROUPS if name == "people" else ((None, tuple(specs)),)
        views = []
        for index, item in enumerate(draft.items(name)):
            title = item_title(name, index, draft, words)
            views.append(
                ItemView(
                    name,
                    index,
                    title,
                    [
                        GroupView(
                            words[legend] if legend else None,
                            [
                                field_view(
                                    specs[n], name, index, item.values, item.defaults, context
                                )
                                for n in names
                            ],
                        )
                        for legend, names in groups
                    ],
                )
            )
        items[name] = views
    for view in (f for views in items.values() for i in views for g in i.groups for f in g.fields):
        view.warning = (warnings or {}).get(view.path)
    return top, items
