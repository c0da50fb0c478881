"""What each named reform does (RULEBOOK §7, `rules/reforms` REFORMS), in the words of the
Dutch outputs (the catalogue page, `klaverblad measures --lang nl`); in English they show the
reform module's own documentation, the rule as it is written.

>>> reform_doc("sine-uitbreiding", "Drops the low-skilled condition.", "nl")[1]
'nl'
>>> reform_doc("sine-uitbreiding", "Drops the low-skilled condition.", "en")
('Drops the low-skilled condition.', 'en')
"""

from __future__ import annotations

from klaverblad.locale import Language
from klaverblad.messages import N_, words

# By reform name with `_` for `-`.
REFORM_DOCS = words(
    N_("reform_doc.sine_uitbreiding"),
    N_("reform_doc.lde_koppeling_sine"),
)
DUTCH_REFORM_DOCS = {name.replace("_", "-"): text for name, text in REFORM_DOCS["nl"].items()}


def reform_doc(name: str, own: str, language: Language) -> tuple[str, Language]:
    """What the reform `name` does and the language that says it: the Dutch words in Dutch,
    else `own`, the reform module's documentation (English)."""
    dutch = DUTCH_REFORM_DOCS.get(name) if language == "nl" else None
    return (dutch, "nl") if dutch else (own, "en")
