"""The words of the source page (/broncode, /en/source), in Dutch and English (the same keys)."""

from __future__ import annotations

from klaverblad.messages import N_, words

SOURCE_WORDS = words(
    N_("source.title"),
    N_("source.intro"),
    N_("source.running"),
    N_("source.download"),
    N_("source.elsewhere"),
    N_("source.contents"),
    N_("source.licence_link"),
)
