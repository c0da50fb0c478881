"""The live server's database: where it is and the accounts the browser tests log in with
(made there by the conftest). No Playwright needed here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from klaverblad.store.database import SQLITE_FILE_NAME


@dataclass(frozen=True)
class Account:
    email: str
    password: str
    display_name: str
    role: str
    organisation: tuple[str, str] | None = None  # (name, municipality)
    municipality: str | None = None


ORGANISATION_A = ("vzw Klusjes", "Gent")
ORGANISATION_B = ("vzw Buurtwerk", "Antwerpen")
ACCOUNTS: dict[str, Account] = {
    "promoter_a": Account(
        "promotor@klusjes.test", "klusjes-wachtwoord-1", "An Klusjes", "promoter", ORGANISATION_A
    ),
    "promoter_b": Account(
        "promotor@buurtwerk.test",
        "buurtwerk-wachtwoord-2",
        "Bart Buurtwerk",
        "promoter",
        ORGANISATION_B,
    ),
    "municipality": Account(
        "lde@gent.test", "gemeente-wachtwoord-3", "Griet Gent", "municipality", municipality="Gent"
    ),
    "analyst": Account("analist@vlaanderen.test", "analist-wachtwoord-4", "Ann Alist", "analyst"),
}


def server_database_url(data_dir: Path) -> str:
    """The SQLite database the live server finds in its data folder (`KLAVERBLAD_DATA_DIR`)."""
    return f"sqlite:///{data_dir / SQLITE_FILE_NAME}"
