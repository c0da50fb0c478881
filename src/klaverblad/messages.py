"""The words of every output, from gettext catalogues.

The code keeps codes, the catalogues keep words. A message id is a code `group.key` (for
example `wizard.step_of`), marked in the code with `N_` so that `pybabel extract -k N_` finds
it; `translations/{nl,en}/LC_MESSAGES/klaverblad.po` give its Dutch and English text. Both
catalogues translate every id, English included: the id is a code, never shown.

`words(N_("group.key"), ...)` builds a group's words per language once, at import, as plain
dictionaries keyed by `key` (the shape the templates read as `w.key`). A message missing from a
catalogue is an error when its module is imported, not a code on a page; the completeness test
(tests/test_catalogues.py) checks the catalogues against the extracted ids before that.

The `.mo` files are compiled at build (`make catalogues`, and the wheel's build step in
setup.py); a checkout without them, or with a `.po` newer than its `.mo`, compiles the `.po` in
memory when first used.

>>> words(N_("common.site"))["nl"]["site"]
'Klaverblad'
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from klaverblad.locale import LANGUAGES, Language

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
DOMAIN = "klaverblad"
Words = dict[str, dict[str, str]]


class MissingMessageError(LookupError):
    """A message id that a catalogue does not translate."""


def N_(message_id: str) -> str:  # noqa: N802 — the gettext convention for a marked id
    """Marks `message_id` for extraction; returns it unchanged."""
    return message_id


def catalogue_path(language: Language, suffix: str = ".po") -> Path:
    return TRANSLATIONS / language / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@functools.cache
def translations(language: Language) -> Translations:
    """The compiled catalogue of `language` (compiled in memory when the `.mo` is missing or
    older than its `.po`)."""
    po, mo = catalogue_path(language), catalogue_path(language, ".mo")
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        with mo.open("rb") as compiled:
            return Translations(compiled, domain=DOMAIN)
    with po.open("rb") as source:
        catalog = read_po(source, locale=language, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def text(message_id: str, language: Language) -> str:
    """The words of `message_id` in `language`."""
    translated = translations(language).gettext(message_id)
    if translated == message_id:
        raise MissingMessageError(f"{message_id} has no {language} text in {DOMAIN}.po")
    return translated


def words(*message_ids: str) -> Words:
    """One group's words per language, keyed by the part of each id after its group."""
    return {
        language: {
            message_id.split(".", 1)[1]: text(message_id, language) for message_id in message_ids
        }
        for language in LANGUAGES
    }


def texts(message_id: str) -> dict[str, str]:
    """The words of `message_id` in every language, its `{name}` fields still to fill in."""
    return {language: text(message_id, language) for language in LANGUAGES}


# A value filled into a message: the same in every language, or one text per language.
Param = str | Mapping[str, str]


class PerLanguage(Mapping[str, str]):
    """A text in every language, each rendered when it is first read: an alert's message is
    read in one language (the JSON's, the page's), so the other is never written. Reads as a
    dictionary of the languages (equal to one with the same texts); pickled or copied as one."""

    __slots__ = ("_render", "_texts")

    def __init__(self, render: Callable[[Language], str]) -> None:
        self._render = render
        self._texts: dict[str, str] = {}

    def __getitem__(self, language: str) -> str:
        found = self._texts.get(language)
        if found is None:
            if language not in LANGUAGES:
                raise KeyError(language)
            found = self._texts[language] = self._render(language)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)

    def __repr__(self) -> str:
        return repr(dict(self))

    def __reduce__(self) -> tuple[type[dict[str, str]], tuple[dict[str, str]]]:
        return dict, (dict(self),)


def per_language(render: Callable[[Language], str]) -> PerLanguage:
    """`render(language)` for every language, each when first read: a value that reads
    differently per language (a month name, an amount, a measure's name) to fill into
    `localized`. `render` must not depend on anything that changes after the call."""
    return PerLanguage(render)


def localized(message_id: str, **params: Param) -> PerLanguage:
    """The message in every language with `params` filled in (its `{name}` fields), each
    language when first read."""

    def render(language: Language) -> str:
        return text(message_id, language).format(
            **{
                name: value if isinstance(value, str) else value[language]
                for name, value in params.items()
            }
        )

    return PerLanguage(render)
