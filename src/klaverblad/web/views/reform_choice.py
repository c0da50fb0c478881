"""The rules a page compares with the baseline: named reforms (checkboxes `reform`) and one
parameter change (text field `set`, `PARAMETER=VALUE@YYYY-MM`), read from a query string or
a form and checked with the same functions as `klaverblad plan --reform/--set`.

The value is read as the page's language writes numbers (`klaverblad.typed_numbers`, the one
nl-BE reader): on a Dutch page "600,50" and "1.234,56" mean 600.50 and 1234.56 and "1.234"
means 1234; on an English page "1,234.56". A value that could mean two things on the page
(`1,234.56` on a Dutch page) is refused with its reading, never guessed.

>>> normalise_change("sine.herinschakelingsuitkering.amount=1.234,56@2006-07", "nl")
'sine.herinschakelingsuitkering.amount=1234.56@2006-07'
>>> normalise_change("sine.herinschakelingsuitkering.amount=1,234.5@2006-07", "en")
'sine.herinschakelingsuitkering.amount=1234.5@2006-07'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from starlette.datastructures import ImmutableMultiDict

from klaverblad.locale import Language, month_name, number
from klaverblad.model.months import parse_month
from klaverblad.rules import baseline_system
from klaverblad.rules.reforms import (
    REFORMS,
    ParameterChange,
    ReformError,
    parse_change,
    reformed_system,
)
from klaverblad.typed_numbers import TypedNumberError, read_typed

REFORM_FIELD = "reform"
CHANGE_FIELD = "set"


# A query string or a posted form: `get` one value, `getlist` all values of a name.
MultiValues = ImmutableMultiDict[str, object]


@dataclass(frozen=True)
class RulesChoice:
    """What was asked (kept to re-show the form) and, when valid, the rules it gives."""

    reforms: tuple[str, ...] = ()
    change_text: str = ""
    change: ParameterChange | None = None
    # Field name -> message, for the error summary and the field itself.
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def chosen(self) -> bool:
        """True when the rules differ from the baseline (a reform or a change was given)."""
        return bool(self.reforms) or self.change is not None

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels a plan reports in `rules.reforms`, as the command line gives them."""
        changes = (self.change.label,) if self.change is not None else ()
        return self.reforms + changes

    def system(self) -> TaxBenefitSystem:
        """The baseline with the reforms and the change applied (built once per combination)."""
        if not self.chosen:
            return baseline_system()
        changes = (self.change,) if self.change is not None else ()
        return reformed_system(self.reforms, changes)

    def changes_nothing(self) -> bool:
        """True when the parameter change sets a value the parameter already has."""
        return self.change is not None and self.change.changes_nothing(baseline_system())


def _normalise_number(value: str, language: Language) -> str:
    """A number as `language` writes it, written plainly (a point, no grouping); a value that
    is no number (`true`, `abc`) is left for `parse_change` to judge. Raises `ReformError`
    with the page's message when the value could mean two things."""
    try:
        return format(read_typed(value, language, "decimal"), "f")
    except TypedNumberError as error:
        if error.reason == "ambiguous":
            raise ReformError(error.message) from None
        return value.strip()


def normalise_change(text: str, language: Language) -> str:
    """`PARAMETER=VALUE@YYYY-MM` with the value read as `language` writes numbers."""
    path, equals, rest = text.strip().partition("=")
    value, at, month = rest.rpartition("@")
    if not equals or not at:
        return text.strip()
    return f"{path.strip()}={_normalise_number(value, language)}@{month.strip()}"


def _text(values: MultiValues, name: str) -> str:
    value = values.get(name)
    return value.strip() if isinstance(value, str) else ""


def read_rules_choice(
    values: MultiValues, messages: dict[str, str], language: Language
) -> RulesChoice:
    """The reforms and the parameter change in `values`, each checked; `messages` holds the
    page's words for an unknown reform (`unknown_reform`, with {name} and {known}); the
    change's value is read as `language` writes numbers."""
    reforms = tuple(
        dict.fromkeys(v.strip() for v in values.getlist(REFORM_FIELD) if isinstance(v, str))
    )
    reforms = tuple(name for name in reforms if name)
    errors: dict[str, str] = {}
    unknown = [name for name in reforms if name not in REFORMS]
    if unknown:
        errors[REFORM_FIELD] = messages["unknown_reform"].format(
            name=", ".join(unknown), known=", ".join(REFORMS)
        )
    text = _text(values, CHANGE_FIELD)
    change = None
    if text:
        try:
            change = parse_change(normalise_change(text, language))
        except ReformError as error:
            errors[CHANGE_FIELD] = str(error)
    if not errors:
        try:
            reformed_system(reforms, (change,) if change is not None else ())
        except ReformError as error:  # a parameter that the reforms do not carry
            errors[CHANGE_FIELD] = str(error)
    return RulesChoice(reforms, text, change if not errors else None, errors)


def reform_options(words: Mapping[str, str]) -> list[dict[str, str]]:
    """The reforms a page offers: name, label in the page's language and its Dutch name."""
    return [
        {
            "name": name,
            "label": words.get(f"reform_{name}", reform.name),
            "dutch_name": str(reform.name),
        }
        for name, reform in REFORMS.items()
    ]


def describe_change(change: ParameterChange, language: Language) -> str:
    """The change as read, to check it: 'sine.herinschakelingsuitkering.amount = 600,5 (juli 2006)'.

    Echoing the value matters: '1.234' is a thousand in Dutch and one point two in English.
    """
    since = month_name(parse_month(change.month), language)
    value = change.value
    shown = str(value).lower() if isinstance(value, bool) else number(value, language)
    return f"{change.path} = {shown} ({since})"


def rules_fields(prefix: str, rules: RulesChoice, words: Mapping[str, str]) -> dict[str, Any]:
    """The reform checkboxes and the change field as a form draws them (ids start with
    `prefix`), with the values kept and their errors (`_compare_macros.html` rules_fields)."""
    errors = rules.errors
    return {
        "prefix": prefix,
        "reforms": [
            {**option, "checked": option["name"] in rules.reforms, "id": f"{prefix}-hervorming-{i}"}
            for i, option in enumerate(reform_options(words))
        ],
        "reform_field": REFORM_FIELD,
        "reform_error": errors.get(REFORM_FIELD),
        "reform_error_id": f"{prefix}-fout-hervorming",
        "change_field": CHANGE_FIELD,
        "change_text": rules.change_text,
        "change_id": f"{prefix}-parameter",
        "change_error": errors.get(CHANGE_FIELD),
        "change_error_id": f"{prefix}-fout-parameter",
    }


def rules_error_entries(
    fields: Mapping[str, Any], words: Mapping[str, str], language: Language
) -> list[dict[str, str | None]]:
    """The error summary's entries for the reform and change fields: label, link, message
    (the change's message comes from the rules in English: `lang` says so)."""
    entries: list[dict[str, str | None]] = []
    if fields["reform_error"]:
        first = fields["reforms"][0]["id"] if fields["reforms"] else fields["change_id"]
        entries.append(
            {
                "href": f"#{first}",
                "label": words["reforms"],
                "message": fields["reform_error"],
                "lang": None,
            }
        )
    if fields["change_error"]:
        entries.append(
            {
                "href": f"#{fields['change_id']}",
                "label": words["change_label"],
                "message": fields["change_error"],
                "lang": "en" if language != "en" else None,
            }
        )
    return entries
