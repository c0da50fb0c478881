"""The labels of the wizard's choices, per field and value: the words of the file's values
(`klaverblad.value_words`, from the catalogues) under the wizard's keys. Dutch legal terms stay
Dutch in English too (with a gloss beside them), as the glossary asks.

Word keys are `opt_<field>_<value>` (the field's last name part), merged into the wizard's
words; `choice_label` finds them.
"""

from __future__ import annotations

from klaverblad.locale import LANGUAGES, Language
from klaverblad.value_words import VALUE_WORDS

CHOICE_WORDS: dict[Language, dict[str, str]] = {
    language: {f"opt_{key}": text for key, text in VALUE_WORDS[language].items()}
    for language in LANGUAGES
}


def choice_label(words: dict[str, str], field: str, value: str) -> str:
    """The label of `value` of `field` (its last name part), or the value itself."""
    return words.get(f"opt_{field.rsplit('.', 1)[-1]}_{value}", value)
