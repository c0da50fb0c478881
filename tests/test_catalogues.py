"""The message catalogues hold exactly the ids the code marks, with words in both languages.

The ids are extracted the way `make catalogues` does (`pybabel extract -F babel.cfg -k N_`),
through Babel's own extraction API, so a new `N_("group.key")` without its Dutch and English
words fails here, before a page shows it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from klaverblad import messages
from klaverblad.locale import LANGUAGES, Language

PACKAGE = Path(messages.__file__).resolve().parent
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def extracted_ids() -> set[str]:
    method_map = [("**.py", "python")]
    found = extract_from_dir(str(PACKAGE), method_map, keywords={"N_": None})
    return {str(message) for _file, _line, message, _comments, _context in found}


def catalogue(language: Language) -> Catalog:
    with messages.catalogue_path(language).open("rb") as source:
        return read_po(source, locale=language)


IDS = extracted_ids()
CATALOGUES = {language: catalogue(language) for language in LANGUAGES}


def test_the_code_marks_hundreds_of_message_ids_each_named_group_dot_key() -> None:
    assert len(IDS) > 700
    assert all(re.fullmatch(r"[a-z_]+\.[A-Za-z0-9_/-]+", message_id) for message_id in IDS)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_marked_id_has_words_in_the_catalogue(language: Language) -> None:
    translated = {m.id: m.string for m in CATALOGUES[language] if m.id}
    missing = sorted(message_id for message_id in IDS if not translated.get(message_id))
    assert missing == [], f"{language}.po lacks words for {missing[:20]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_holds_no_id_the_code_no_longer_marks(language: Language) -> None:
    stale = sorted(m.id for m in CATALOGUES[language] if m.id and m.id not in IDS)
    assert stale == [], f"{language}.po still holds {stale[:20]} (run `make catalogues`)"


def test_dutch_and_english_words_fill_in_the_same_placeholders() -> None:
    """The same placeholders in both languages; a Dutch model message may leave out a detail
    of the English one (it fills in the groups the English message was matched with)."""
    english = {m.id: m.string for m in CATALOGUES["en"] if m.id}
    different = []
    for m in CATALOGUES["nl"]:
        if not m.id:
            continue
        dutch = set(PLACEHOLDER.findall(str(m.string)))
        other = set(PLACEHOLDER.findall(str(english.get(m.id, ""))))
        fits = dutch <= other if str(m.id).startswith("model_message.") else dutch == other
        if not fits:
            different.append(m.id)
    assert different == []


def test_no_message_is_marked_fuzzy_so_every_one_is_compiled() -> None:
    for language, catalog in CATALOGUES.items():
        assert not catalog.fuzzy, f"{language}.po header is fuzzy"
        assert [m.id for m in catalog if m.id and m.fuzzy] == []


def test_a_missing_message_fails_loudly_instead_of_showing_its_id() -> None:
    with pytest.raises(messages.MissingMessageError, match=r"common\.no_such_words"):
        messages.words(messages.N_("common.no_such_words"))


def test_words_are_read_from_the_catalogue_in_each_language() -> None:
    site = messages.words(messages.N_("wizard.title"))
    assert site["nl"]["title"] == "Nieuw financieringsplan"
    assert site["en"]["title"] == "New financing plan"


def test_a_catalogue_without_its_compiled_file_is_compiled_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for language in LANGUAGES:
        target = tmp_path / language / "LC_MESSAGES" / "klaverblad.po"
        target.parent.mkdir(parents=True)
        target.write_bytes(messages.catalogue_path(language).read_bytes())
    monkeypatch.setattr(messages, "TRANSLATIONS", tmp_path)
    messages.translations.cache_clear()
    try:
        assert messages.text("wizard.title", "en") == "New financing plan"
        assert not (tmp_path / "en" / "LC_MESSAGES" / "klaverblad.mo").exists()
    finally:
        messages.translations.cache_clear()
