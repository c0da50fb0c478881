"""The kinds of problem the model reports: a stable id for each message and its English words.

A problem is its kind and the values its words fill in (`params`); the English message is the
kind's words with the values filled in, and a page in another language looks up the kind's
words in its catalogue (`model_message.<kind>`), never the English text. Pydantic's own errors
keep pydantic's type as their kind (`missing`, `less_than_equal`); the model's validators raise
`PydanticCustomError(kind, words, params)`; the consistency checks and the document and number
readers name their kind where they find the problem.

>>> english("duplicate_id", id="w1")
"duplicate id 'w1'"
>>> english("fte_range")
'must be more than 0 and at most 1'
"""

from __future__ import annotations

from typing import Any

# Pydantic's errors of these types in the model's plain words (the `ctx` and, for a literal,
# the input quoted fill them in).
PLAIN_WORDS: dict[str, str] = {
    "missing": "is required but missing",
    "extra_forbidden": "is not a known field",
    "bool_type": "must be true or false",
    "int_type": "must be a whole number",
    "string_type": "must be text",
    "model_type": "must be a mapping of fields",
    "model_attributes_type": "must be a mapping of fields",
    "tuple_type": "must be a list",
    "dict_type": "must be a mapping",
    "string_pattern_mismatch": "must contain only lower-case letters, digits and '-'",
    "literal_error": "{input} is not allowed; expected {expected}",
    "too_long": "is too long: at most {max_length} allowed",
}

# Pydantic's errors that keep pydantic's own message (the words here are what it says).
PYDANTIC_WORDS: dict[str, str] = {
    "less_than_equal": "Input should be less than or equal to {le}",
    "greater_than_equal": "Input should be greater than or equal to {ge}",
    "greater_than": "Input should be greater than {gt}",
    "string_too_long": "String should have at most {max_length} characters",
    "string_too_short": "String should have at least {min_length} character",
}

# The numbers the readers refuse (`number_reader`, `locale_numbers`); a field adds what it
# expects: "… without an exponent (euros with at most 2 decimals)".
NUMBER_WORDS: dict[str, str] = {
    "number_too_long": "{value} is too long for a number",
    "number_empty": "is empty, not a number",
    "number_exponent": "{value} is not a number: write digits only, without an exponent",
    "number_form": "{value} is not a number: use digits and at most one decimal separator",
    "number_decimal_comma": "{value} is not a number: use a decimal point",
    "number_digits": "{value} is not a number: it has more than {digits} significant digits",
    "number_boolean": "true or false is not a number",
    "number_far": "{value} is not a number: it is far too large or too small",
    "number_not_finite": "{value} is not a number: it is not finite",
    "number_far_too_large": "{value} is not a number: it is far too large",
    "number_too_precise": "{value} is not a number: it is far too large or too precise",
    "number_invalid": "{value} is not a number: it is not a number",
    "number_not_whole": "{value} is not a number: it must be a whole number",
    "number_groups": "{value} is not a number: its groups of digits are not of three",
    "number_ambiguous": "{value} can be read in more than one way",
}

# The fields' own validators (`model/fields.py`, `model/months.py`).
FIELD_WORDS: dict[str, str] = {
    "number_type": "must be a number ({what})",
    "decimal_far_too_large": "{value} is far too large ({what})",
    "too_many_decimals": "has more than {places} decimals ({what})",
    "negative": "must not be negative",
    "money_too_large": "is too large (at most 999 999 999.99)",
    "fte_range": "must be more than 0 and at most 1",
    "factor_range": "must lie between 0 and 1",
    "hours_range": "must lie between 0 and 100 000 hours",
    "date_with_time": "must be a date YYYY-MM-DD without a time",
    "day_does_not_exist": "{day} does not exist",
    "not_a_date": "{value} is not a date in the form YYYY-MM-DD",
    "date_type": "must be a date in the form YYYY-MM-DD",
    "year_range": "must lie between the years 1900 and 2200",
    "month_type": "must be a month in the form YYYY-MM (e.g. 2006-01)",
    "not_a_month": "{value} is not a month in the form YYYY-MM",
    "percentage_type": "must be a whole number of percent from 20 to 75",
    "percentage_step": "must be a multiple of 5 from 20 to 75 (a VDAB decision)",
    "empty_text": "must not be empty",
    "control_character": (
        "must not contain the control character U+{code} (names and ids are plain text on one line)"
    ),
}

# Fields that relate to each other (`model/consistency.py`).
CONSISTENCY_WORDS: dict[str, str] = {
    "duplicate_id": "duplicate id '{id}'",
    "lde_legal_form": (
        "the recognition 'lde' needs a legal form among {legal_forms} (the promoter is "
        "'{legal_form}')"
    ),
    "listed_twice": "'{recognition}' is listed twice",
    "before_start_date": "is before start_date ({start_date})",
    "birth_not_before_start": "is not before start_date ({start_date})",
    "price_required": "is required when payment is '{payment}'",
    "both_amounts": "give either amount_per_year or amount_per_hour, not both",
    "no_amount": "needs amount_per_year, or amount_per_hour with an activity",
    "activity_required": "is required with amount_per_hour",
    "unknown_activity": "names an unknown activity '{activity}'",
    "leaf_required": "is required when measure is '{measure}'",
    "until_before_from": "is before from ({from_month})",
}

# The document as a whole (`model/loading.py`, `model/safe_documents.py`).
DOCUMENT_WORDS: dict[str, str] = {
    "cannot_read": "cannot be read: {reason}",
    "document_too_large": "is larger than {megabytes} MB",
    "not_utf8": "is not UTF-8 text",
    "not_unicode": "is not valid Unicode text",
    "too_many_entries": "has {count} entries; at most {limit} are allowed (docs/limits.md)",
    "too_many_fields": "has {count} fields; at most {limit} are allowed",
    "nested_too_deep": "is nested more than {limit} levels deep",
    "yaml_alias": (
        "the value anchored here (&name) is used again by an alias (*name): aliases are not "
        "allowed, write the value out where it is needed"
    ),
    # An alias of no anchor (`*name` alone): refused as any alias, while the document is parsed.
    "yaml_alias_undefined": (
        "not valid YAML: the value anchored here (&name) is used again by an alias (*name): "
        "aliases are not allowed, write the value out where it is needed"
    ),
    "yaml_key_not_name": "not valid YAML: a key is a list or a mapping, not a name",
    "yaml_key_twice": "not valid YAML: the key '{key}' is given twice",
    "yaml_control_character": "not valid YAML: the control character U+{code} is not allowed",
    "invalid_yaml": "not valid YAML: {reason}",
    "json_key_twice": "not valid JSON: the key '{key}' is given twice",
    "json_number_digits": "not valid JSON: a number has far too many digits",
    "invalid_json": "not valid JSON: {reason}",
}

# Every kind the model can report, with its English words.
KINDS: dict[str, str] = {
    **PLAIN_WORDS,
    **PYDANTIC_WORDS,
    **NUMBER_WORDS,
    **FIELD_WORDS,
    **CONSISTENCY_WORDS,
    **DOCUMENT_WORDS,
}


def english(kind: str, **params: Any) -> str:
    """The English message of a problem of `kind` with its `params` filled in."""
    return KINDS[kind].format(**params)
