"""The fields of the plan wizard: one entry per field of the initiative file (CONTRACT §2),
grouped by step, with the kind of input that edits it.

A field's `name` is the path of the initiative file it fills (`horizon.start`, and within a
list item the key: `fte` of `people[0]`), so that a problem the model reports at a path
(`people[0].fte`) lands on the visible field of the same name. Choices come from the model's
own Literal types, never from a second list; the person fields come from the one list of
person fields that the people template and its import read too
(`report/plan_xlsx_people.PERSON_KINDS`), so that a field of the person model is offered
everywhere a person is entered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from klaverblad.model.initiative import (
    ActivityKind,
    ClientGroup,
    Domain,
    GrantMeasure,
    Leaf,
    LegalForm,
    Payment,
    Recognition,
)
from klaverblad.report.plan_xlsx_people import CHOICES as PERSON_CHOICES
from klaverblad.report.plan_xlsx_people import (
    FLAG_DEFAULTS,
    MAATWERK_PERCENTAGES,
    PERSON_KINDS,
    REQUIRED_FIELDS,
    PersonKind,
)
from klaverblad.typed_numbers import NumberKind

Kind = Literal[
    "text",  # free text (names, ids)
    "amount",  # euros: decimal comma or dot, shown with 2 decimals
    "decimal",  # FTE and hours: decimal comma or dot
    "integer",  # whole numbers
    "date",  # YYYY-MM-DD or d/mm/yyyy
    "month",  # YYYY-MM or mm/yyyy
    "select",  # one of `choices` ("" = the model's default when not required)
    "checkbox",  # a yes/no flag
    "checkboxes",  # a set of `choices` (recognitions)
    "factors",  # a list of decimals separated by ';' (degression)
]


# The reader's kind of number of each kind of field that holds numbers.
NUMBER_KIND: dict[str, NumberKind] = {"amount": "money", "decimal": "decimal", "integer": "integer"}


def _flat(kind: object) -> tuple[str, ...]:
    """The values of a Literal, also of a Literal of Literals."""
    values: list[str] = []
    for item in get_args(kind):
        values.extend(_flat(item) if get_args(item) else [str(item)])
    return tuple(values)


@dataclass(frozen=True)
class Field:
    """One input: `name` is its path inside its section; `choices` for selects; `checked`:
    the model's default of a checkbox (`contract_indefinite` is true unless said otherwise)."""

    name: str
    kind: Kind
    required: bool = True
    choices: tuple[str, ...] = ()
    checked: bool = False

    @property
    def is_number(self) -> bool:
        return self.kind in ("amount", "decimal", "integer")

    @property
    def number_kind(self) -> NumberKind:
        """How the nl-BE number reader reads the field (`typed_numbers`): amounts as money,
        whole numbers as integers, FTE, hours and degression factors as decimals."""
        return NUMBER_KIND.get(self.kind, "decimal")


# Step 1: the initiative and its promoter.
ORGANISATION: tuple[Field, ...] = (
    Field("name", "text"),
    Field("id", "text"),
    Field("promoter.name", "text"),
    Field("promoter.legal_form", "select", choices=_flat(LegalForm)),
    Field("promoter.municipality", "text"),
    Field("recognitions", "checkboxes", required=False, choices=_flat(Recognition)),
    Field("horizon.start", "month"),
    Field("horizon.months", "integer"),
)
ACTIVITY: tuple[Field, ...] = (
    # What pages call it; the wizard generates the code (`id`) the file keys it by.
    Field("name", "text", required=False),
    Field("id", "text"),
    Field("kind", "select", choices=_flat(ActivityKind)),
    Field("hours_per_month", "decimal"),
    Field("payment", "select", choices=_flat(Payment)),
    Field("price_per_hour", "amount", required=False),
    Field("client_group", "select", choices=_flat(ClientGroup)),
)
# The people's fields in groups (legend word key, field names), as the person step draws
# them; a person field of the one list that no group names is drawn in the last group.
PERSON_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "group_job",
        (
            "name",
            "id",
            "role",
            "statute",
            "fte",
            "monthly_wage_cost",
            "start_date",
            "end_date",
            "contract_indefinite",
            "gross_quarterly_wage",
        ),
    ),
    ("group_target", ("birth_date", "diploma", "status", "unemployed_months")),
    (
        "group_extra",
        (
            "placed_by_ocmw",
            "gesco_post",
            "gesco_verhoogd",
            "wep_verlengd",
            "maatwerk_pakket",
            "maatwerk_loonpremie_pct",
            "maatwerk_begeleiding",
            "vop",
        ),
    ),
)
_GROUPED = tuple(name for _, names in PERSON_GROUPS for name in names)
_UNGROUPED = tuple(name for name in PERSON_KINDS if name not in _GROUPED)
if _UNGROUPED:
    PERSON_GROUPS = (*PERSON_GROUPS[:-1], (PERSON_GROUPS[-1][0], PERSON_GROUPS[-1][1] + _UNGROUPED))
# The wizard's input of each kind of person field (`plan_xlsx_people.PERSON_KINDS`).
PERSON_INPUT_KINDS: dict[PersonKind, Kind] = {
    "text": "text",
    "choice": "select",
    "date": "date",
    "integer": "integer",
    "decimal": "decimal",
    "money": "amount",
    "flag": "checkbox",
    "percentage": "integer",  # drawn as a select of its choices
}


def _person_field(name: str) -> Field:
    """The wizard's input of a person field, from the one list of person fields shared with
    the people template and its import, and from the person model: required or not, the
    choices of its Literal, the default of a flag."""
    kind = PERSON_KINDS[name]
    choices = PERSON_CHOICES.get(name, ())
    if kind == "percentage":
        choices = tuple(str(p) for p in MAATWERK_PERCENTAGES)
    return Field(
        name,
        PERSON_INPUT_KINDS[kind],
        required=name in REQUIRED_FIELDS,
        choices=choices,
        checked=FLAG_DEFAULTS.get(name, False),
    )


PERSON: tuple[Field, ...] = tuple(
    _person_field(name) for _, names in PERSON_GROUPS for name in names if name in PERSON_KINDS
)
AGREEMENT: tuple[Field, ...] = (
    Field("funder", "text"),
    Field("domain", "select", choices=_flat(Domain)),
    Field("amount_per_year", "amount", required=False),
    Field("amount_per_hour", "amount", required=False),
    # Its choices are the draft's activity ids (filled in when the form is drawn).
    Field("activity", "select", required=False),
)
GRANT: tuple[Field, ...] = (
    Field("measure", "select", choices=_flat(GrantMeasure)),
    Field("funder", "text"),
    Field("amount_per_year", "amount"),
    Field("leaf", "select", required=False, choices=_flat(Leaf)),
    Field("component", "text", required=False),
    Field("degression", "factors", required=False),
    Field("from", "month", required=False),
    Field("until", "month", required=False),
)
COSTS: tuple[Field, ...] = (Field("costs.operating_per_year", "amount", required=False),)

# The lists of the initiative file, in the order of the steps, with their item fields.
LISTS: dict[str, tuple[Field, ...]] = {
    "activities": ACTIVITY,
    "people": PERSON,
    "agreements": AGREEMENT,
    "grants": GRANT,
}
# The fields outside lists (steps 1 and 5).
TOP: tuple[Field, ...] = ORGANISATION + COSTS

# The steps, in order: (key, the lists it edits, the top fields it edits).
STEPS: tuple[tuple[str, tuple[str, ...], tuple[Field, ...]], ...] = (
    ("organisation", (), ORGANISATION),
    ("activities", ("activities",), ()),
    ("people", ("people",), ()),
    ("funding", ("agreements", "grants"), ()),
    ("costs", (), COSTS),
    ("review", (), ()),
)
STEP_KEYS: tuple[str, ...] = tuple(key for key, _, _ in STEPS)
REVIEW = len(STEPS)


def step_of(path: str) -> int:
    """The step (1-based) whose form holds the field at `path` (review for anything else)."""
    head = path.split("[")[0].split(".")[0]
    for number, (_, lists, fields) in enumerate(STEPS, start=1):
        if head in lists or any(field.name.split(".")[0] == head for field in fields):
            return number
    return REVIEW


def input_id(path: str) -> str:
    """The HTML id of the input of `path`: `people[0].fte` → `f-people-0-fte`."""
    cleaned = path.replace("[", "-").replace("]", "").replace(".", "-").replace("_", "-")
    return f"f-{cleaned}"


def field_at(path: str) -> Field | None:
    """The field whose input is named `path` (`people[0].fte`, `horizon.months`), or None.

    >>> field_at("people[2].monthly_wage_cost").kind, field_at("people[x].fte")
    ('amount', None)
    """
    if "[" not in path:
        return next((spec for spec in TOP if spec.name == path), None)
    name, _, rest = path.partition("[")
    index, _, key = rest.partition("].")
    if name not in LISTS or not index.isdigit() or len(index) > 6:
        return None
    return next((spec for spec in LISTS[name] if spec.name == key), None)
