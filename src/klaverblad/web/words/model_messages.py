"""The model's problems (English, as the command line prints them) in the language of a page
(the wizard, the start page's form, saving, the comparison): each problem has a kind
(`model/problem_kinds.py`) and the values its message fills in; the kind's words are
`model_message.<kind>` in the catalogues, filled in with those values. A problem without a
kind, or of a kind without words, is shown as it is.

>>> from klaverblad.model.problems import Problem
>>> translate(Problem.of("people[0].fte", "fte_range"), "nl")
'moet meer dan 0 en hoogstens 1 zijn'
>>> translate(Problem.of("people[1].id", "duplicate_id", id="w1"), "nl")
"id 'w1' komt al voor"
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from klaverblad.locale import Language
from klaverblad.messages import N_, MissingMessageError, text
from klaverblad.model.echo import Echo
from klaverblad.model.problems import Problem

# The words of every kind of `klaverblad.model.problem_kinds.KINDS` (tests check both ways).
MODEL_MESSAGES: tuple[str, ...] = (
    N_("model_message.missing"),
    N_("model_message.extra_forbidden"),
    N_("model_message.bool_type"),
    N_("model_message.int_type"),
    N_("model_message.string_type"),
    N_("model_message.model_type"),
    N_("model_message.model_attributes_type"),
    N_("model_message.tuple_type"),
    N_("model_message.dict_type"),
    N_("model_message.string_pattern_mismatch"),
    N_("model_message.literal_error"),
    N_("model_message.too_long"),
    N_("model_message.less_than_equal"),
    N_("model_message.greater_than_equal"),
    N_("model_message.greater_than"),
    N_("model_message.string_too_long"),
    N_("model_message.string_too_short"),
    N_("model_message.number_too_long"),
    N_("model_message.number_empty"),
    N_("model_message.number_exponent"),
    N_("model_message.number_form"),
    N_("model_message.number_decimal_comma"),
    N_("model_message.number_digits"),
    N_("model_message.number_boolean"),
    N_("model_message.number_far"),
    N_("model_message.number_not_finite"),
    N_("model_message.number_far_too_large"),
    N_("model_message.number_too_precise"),
    N_("model_message.number_invalid"),
    N_("model_message.number_not_whole"),
    N_("model_message.number_groups"),
    N_("model_message.number_ambiguous"),
    N_("model_message.number_type"),
    N_("model_message.decimal_far_too_large"),
    N_("model_message.too_many_decimals"),
    N_("model_message.negative"),
    N_("model_message.money_too_large"),
    N_("model_message.fte_range"),
    N_("model_message.factor_range"),
    N_("model_message.hours_range"),
    N_("model_message.date_with_time"),
    N_("model_message.day_does_not_exist"),
    N_("model_message.not_a_date"),
    N_("model_message.date_type"),
    N_("model_message.year_range"),
    N_("model_message.month_type"),
    N_("model_message.not_a_month"),
    N_("model_message.percentage_type"),
    N_("model_message.percentage_step"),
    N_("model_message.empty_text"),
    N_("model_message.control_character"),
    N_("model_message.duplicate_id"),
    N_("model_message.lde_legal_form"),
    N_("model_message.listed_twice"),
    N_("model_message.before_start_date"),
    N_("model_message.birth_not_before_start"),
    N_("model_message.price_required"),
    N_("model_message.both_amounts"),
    N_("model_message.no_amount"),
    N_("model_message.activity_required"),
    N_("model_message.unknown_activity"),
    N_("model_message.leaf_required"),
    N_("model_message.until_before_from"),
    N_("model_message.cannot_read"),
    N_("model_message.document_too_large"),
    N_("model_message.not_utf8"),
    N_("model_message.not_unicode"),
    N_("model_message.too_many_entries"),
    N_("model_message.too_many_fields"),
    N_("model_message.nested_too_deep"),
    N_("model_message.yaml_alias"),
    N_("model_message.yaml_alias_undefined"),
    N_("model_message.yaml_key_not_name"),
    N_("model_message.yaml_key_twice"),
    N_("model_message.yaml_control_character"),
    N_("model_message.invalid_yaml"),
    N_("model_message.json_key_twice"),
    N_("model_message.json_number_digits"),
    N_("model_message.invalid_json"),
)
# An echoed value (`klaverblad.model.echo`) that is not the quoted text itself.
VALUE_WORDS: dict[str, str] = {
    "cut": N_("model_value.cut"),
    "mapping": N_("model_value.mapping"),
    "list": N_("model_value.list"),
    "nothing": N_("model_value.nothing"),
    "digits": N_("model_value.digits"),
}
# The word between the last two allowed values of a choice ("'a', 'b' or 'c'").
_OR = N_("model_value.or")


def _value(name: str, value: object, language: Language) -> object:
    """A value of a problem in `language`: an echo in its words, a choice's last 'or'."""
    if isinstance(value, Echo) and value.shape in VALUE_WORDS:
        words = text(VALUE_WORDS[value.shape], language)
        return words.format(quoted=value.quoted, count=value.size)
    if name == "expected" and isinstance(value, str):
        return value.replace("' or '", f"' {text(_OR, language)} '")
    return value


def translate(problem: Problem, language: Language) -> str:
    """The message of `problem` in `language` (the model speaks English)."""
    if language == "en" or not problem.kind:
        return problem.message
    try:
        words = text(f"model_message.{problem.kind}", language)
    except MissingMessageError:
        return problem.message
    values = {name: _value(name, value, language) for name, value in problem.params.items()}
    try:
        return words.format(**values)
    except (KeyError, IndexError, ValueError):
        return problem.message


def translated(problems: Iterable[Problem], language: Language) -> list[Problem]:
    """`problems` with their messages in `language`, their paths and kinds unchanged."""
    return [replace(problem, message=translate(problem, language)) for problem in problems]
