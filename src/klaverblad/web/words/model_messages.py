"""The model's problem messages (English, as the command line prints them) in Dutch for the
Dutch pages (the wizard, the start page's form, saving, the comparison): a pattern of each
English message, and its words in the catalogues (`model_message.*`). A message without a
pattern is shown as it is.

>>> translate("must be more than 0 and at most 1", "nl")
'moet meer dan 0 en hoogstens 1 zijn'
>>> translate("duplicate id 'w1'", "nl")
"id 'w1' komt al voor"
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from klaverblad.locale import Language
from klaverblad.messages import N_, text
from klaverblad.model.consistency import Problem

# (pattern of the English message, its Dutch form with the pattern's groups).
# (pattern of the English message, the id of its words; the words fill in the pattern's
# groups as {1}, {2}).
_MESSAGES: tuple[tuple[str, str], ...] = (
    (
        "the value anchored here \\(&name\\) is used again by an alias \\(\\*name\\): .*",
        N_("model_message.the_value_anchored_here_name_is"),
    ),
    ("not valid YAML: (.*)", N_("model_message.not_valid_yaml")),
    ("not valid JSON: (.*)", N_("model_message.not_valid_json")),
    ("is nested more than (\\d+) levels deep", N_("model_message.is_nested_more_than_levels_deep")),
    (
        "has (\\d+) fields; at most (\\d+) are allowed",
        N_("model_message.has_fields_at_most_are_allowed"),
    ),
    (
        "has (\\d+) entries; at most (\\d+) are allowed .*",
        N_("model_message.has_entries_at_most_are_allowed"),
    ),
    ("is larger than (\\d+) MB", N_("model_message.is_larger_than_mb")),
    ("is not valid Unicode text", N_("model_message.is_not_valid_unicode_text")),
    (
        "must not contain the control character (U\\+[0-9A-F]+) .*",
        N_("model_message.must_not_contain_the_control_character"),
    ),
    (
        "(.*) is not a number: write digits only, without an exponent(.*)",
        N_("model_message.is_not_a_number_write_digits"),
    ),
    (
        "(.*) is not a number: it has more than (\\d+) significant digits(.*)",
        N_("model_message.is_not_a_number_it_has"),
    ),
    (
        "(.*) is not a number: it is far too large or too small(.*)",
        N_("model_message.is_not_a_number_it_is"),
    ),
    ("(.*) is not a number: it is not finite(.*)", N_("model_message.is_not_a_number_it_is_2")),
    (
        "(.*) is not a number: use digits and at most one decimal separator(.*)",
        N_("model_message.is_not_a_number_use_digits"),
    ),
    ("(.*) is too long for a number(.*)", N_("model_message.is_too_long_for_a_number")),
    ("is too long: at most (\\d+) allowed", N_("model_message.is_too_long_at_most_allowed")),
    ("is required but missing", N_("model_message.is_required_but_missing")),
    ("is not a known field", N_("model_message.is_not_a_known_field")),
    ("must be true or false", N_("model_message.must_be_true_or_false")),
    ("must be a whole number", N_("model_message.must_be_a_whole_number")),
    ("must be text", N_("model_message.must_be_text")),
    ("must be a mapping( of fields)?", N_("model_message.must_be_a_mapping")),
    ("must be a list", N_("model_message.must_be_a_list")),
    (
        "must contain only lower-case letters, digits and '-'",
        N_("model_message.must_contain_only_lower_case_letters"),
    ),
    ("'(.*)' is not allowed; expected (.*)", N_("model_message.is_not_allowed_expected")),
    ("must be more than 0 and at most 1", N_("model_message.must_be_more_than_and_at")),
    ("has more than (\\d+) decimals .*", N_("model_message.has_more_than_decimals")),
    ("must not be negative", N_("model_message.must_not_be_negative")),
    ("is too large .*", N_("model_message.is_too_large")),
    ("must lie between 0 and 1", N_("model_message.must_lie_between_and")),
    ("must lie between 0 and 100 000 hours", N_("model_message.must_lie_between_and__hours")),
    (
        "must lie between the years 1900 and 2200",
        N_("model_message.must_lie_between_the_years_and"),
    ),
    (
        "must be a whole number of percent from 20 to 75",
        N_("model_message.must_be_a_whole_number_of"),
    ),
    ("must be a multiple of 5 from 20 to 75 .*", N_("model_message.must_be_a_multiple_of_from")),
    ("must not be empty", N_("model_message.must_not_be_empty")),
    ("must be a number .*", N_("model_message.must_be_a_number")),
    ("'(.*)' is not a number .*", N_("model_message.is_not_a_number")),
    ("'(.*)' is not a date in the form YYYY-MM-DD", N_("model_message.is_not_a_date_in_the")),
    ("(\\d{4}-\\d{2}-\\d{2}) does not exist", N_("model_message.does_not_exist")),
    ("'(.*)' is not a month in the form YYYY-MM", N_("model_message.is_not_a_month_in_the")),
    ("duplicate id '(.*)'", N_("model_message.duplicate_id")),
    ("is before start_date \\((.*)\\)", N_("model_message.is_before_start_date")),
    ("is not before start_date \\((.*)\\)", N_("model_message.is_not_before_start_date")),
    ("is required when payment is '(.*)'", N_("model_message.is_required_when_payment_is")),
    (
        "give either amount_per_year or amount_per_hour, not both",
        N_("model_message.give_either_amount_per_year_or"),
    ),
    (
        "needs amount_per_year, or amount_per_hour with an activity",
        N_("model_message.needs_amount_per_year_or_amount"),
    ),
    ("is required with amount_per_hour", N_("model_message.is_required_with_amount_per_hour")),
    ("names an unknown activity '(.*)'", N_("model_message.names_an_unknown_activity")),
    ("is required when measure is '(.*)'", N_("model_message.is_required_when_measure_is")),
    ("is before from \\((.*)\\)", N_("model_message.is_before_from")),
    (
        "the recognition 'lde' needs a legal form among (.*) \\(the promoter is '(.*)'\\)",
        N_("model_message.the_recognition_lde_needs_a_legal"),
    ),
    ("'(.*)' is listed twice", N_("model_message.is_listed_twice")),
    (
        "Input should be less than or equal to (\\d+)",
        N_("model_message.input_should_be_less_than_or"),
    ),
    (
        "Input should be greater than or equal to (\\d+)",
        N_("model_message.input_should_be_greater_than_or"),
    ),
    (
        "String should have at most (\\d+) characters?",
        N_("model_message.string_should_have_at_most_characters"),
    ),
    (
        "String should have at least 1 character",
        N_("model_message.string_should_have_at_least_character"),
    ),
)
# `echo` says how long a quoted text was: "'xxx…' (100 characters)".
_CHARACTERS = re.compile(r"\((\d+) characters\)")
_COMPILED = tuple((re.compile(f"^{pattern}$"), message_id) for pattern, message_id in _MESSAGES)


def translate(message: str, language: Language) -> str:
    """`message` in `language` (the model speaks English)."""
    if language == "en":
        return message
    for pattern, message_id in _COMPILED:
        if found := pattern.match(message):
            words = text(message_id, language).format(None, *found.groups(default=""))
            # pydantic lists the allowed values as "'a', 'b' or 'c'".
            return _CHARACTERS.sub(r"(\1 tekens)", words.replace("' or '", "' of '"))
    return message


def translated(problems: Iterable[Problem], language: Language) -> list[Problem]:
    """`problems` with their messages in `language`, their paths unchanged."""
    return [replace(problem, message=translate(problem.message, language)) for problem in problems]
