"""The words of the source page (/broncode, /en/source), in Dutch and English (the same keys)."""

from __future__ import annotations

from klaverblad.locale import Language

SOURCE_WORDS: dict[Language, dict[str, str]] = {
    "nl": {
        "title": "Broncode",
        "intro": (
            "Klaverblad is vrije software onder de GNU Affero General Public License, versie 3 "
            "(AGPL-3.0). Je mag het gebruiken, bestuderen, aanpassen en verder verspreiden "
            "onder die licentie. Wie een aangepaste versie als webdienst aanbiedt, moet de "
            "gebruikers ervan ook de broncode aanbieden (artikel 13 van de licentie)."
        ),
        "running": "Deze server draait Klaverblad versie {version}.",
        "download": "Download de broncode van versie {version} (.tar.gz)",
        "elsewhere": "De broncode van versie {version} staat op:",
        "contents": (
            "Het archief bevat precies de bestanden van het pakket dat hier draait "
            "(src/klaverblad), met de licentie, README.md en pyproject.toml."
        ),
        "licence_link": "De volledige tekst van de AGPL-3.0",
    },
    "en": {
        "title": "Source code",
        "intro": (
            "Klaverblad is free software under the GNU Affero General Public License, version 3 "
            "(AGPL-3.0). You may use, study, change and share it under that licence. Whoever "
            "offers a changed version as a web service must offer its users the source code "
            "too (section 13 of the licence)."
        ),
        "running": "This server runs Klaverblad version {version}.",
        "download": "Download the source code of version {version} (.tar.gz)",
        "elsewhere": "The source code of version {version} is at:",
        "contents": (
            "The archive holds exactly the files of the package running here (src/klaverblad), "
            "with the licence, README.md and pyproject.toml."
        ),
        "licence_link": "The full text of the AGPL-3.0",
    },
}
