"""The local demo: the example initiatives saved in the store and four demo accounts, one per
role, sharing one random password that is kept in the data directory so it can be printed at
every start (`klaverblad serve --demo`, which `make run` uses).

Idempotent: an example already stored is left as it is (a user may have edited it), an
existing demo account keeps its password unless the password file was removed.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from klaverblad.model import parse_initiative
from klaverblad.store.accounts import create_user, ensure_organisation, set_password, user_by_email
from klaverblad.store.models import Initiative, Organisation, User
from klaverblad.store.repository import save_initiative

PASSWORD_FILE = "demo-password.txt"
DEMO_DOMAIN = "demo.klaverblad.invalid"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    role: str
    what: str  # what this account may see, in words, for the printed login


@dataclass(frozen=True)
class DemoLogin:
    password: str
    accounts: list[DemoAccount]
    loaded: list[str]  # the example ids saved by this call


def demo_password(data_dir: Path) -> tuple[str, bool]:
    """The demo password kept in `data_dir`, and whether it was made just now."""
    path = data_dir / PASSWORD_FILE
    try:
        return path.read_text(encoding="utf-8").strip(), False
    except FileNotFoundError:
        data_dir.mkdir(parents=True, exist_ok=True)
        password = secrets.token_urlsafe(12)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(password)
        return password, True


def _account(
    session: Session,
    email: str,
    role: str,
    password: str,
    reset: bool,
    organisation: Organisation | None = None,
    municipality: str | None = None,
) -> User:
    user = user_by_email(session, email)
    if user is None:
        return create_user(
            session,
            email=email,
            display_name=f"Demo {role}",
            role=role,
            password=password,
            organisation=organisation,
            municipality=municipality,
        )
    if reset:
        set_password(session, user, password)
    return user


def load_demo(session: Session, examples: Sequence[dict[str, Any]], data_dir: Path) -> DemoLogin:
    """Save `examples` (initiative documents) that are not stored yet and make the demo
    accounts: an admin (the examples' author), an analyst, a promoter of the first example's
    organisation and a municipality user of the second example's municipality."""
    password, new_password = demo_password(data_dir)
    admin = _account(session, f"admin@{DEMO_DOMAIN}", "admin", password, new_password)
    analyst = _account(session, f"analist@{DEMO_DOMAIN}", "analyst", password, new_password)
    loaded: list[str] = []
    for document in examples:
        parsed = parse_initiative(document, str(document.get("id", "example")))
        if session.get(Initiative, parsed.id) is None:
            save_initiative(session, admin, document, expected_version=None, note="demo example")
            loaded.append(parsed.id)
    accounts = [
        DemoAccount(admin.email, "admin", "everything, accounts"),
        DemoAccount(analyst.email, "analyst", "every initiative, reforms"),
    ]
    parsed_examples = [parse_initiative(d, str(d.get("id", "example"))) for d in examples]
    if parsed_examples:
        first = parsed_examples[0].promoter
        home = ensure_organisation(session, first.name, first.municipality)
        promoter = _account(
            session, f"promotor@{DEMO_DOMAIN}", "promoter", password, new_password, home
        )
        accounts.append(DemoAccount(promoter.email, "promoter", f"{first.name} only"))
    if len(parsed_examples) > 1:
        town = parsed_examples[1].promoter.municipality
        municipal = _account(
            session, f"gemeente@{DEMO_DOMAIN}", "municipality", password, new_password, None, town
        )
        accounts.append(DemoAccount(municipal.email, "municipality", f"the portfolio of {town}"))
    session.flush()
    return DemoLogin(password, accounts, loaded)
