"""Lasting storage: accounts, saved initiatives with every version, share links, backups.

SQLAlchemy 2 models and plain functions over a `Session`; Alembic migrations ship inside the
package (`upgrade(url)`). An SQLite file by default, PostgreSQL when `KLAVERBLAD_DATABASE_URL`
says so. Only `cli` and `web` import this package. See docs/storage.md.
"""

from klaverblad.store.accounts import (
    authenticate,
    create_user,
    ensure_organisation,
    hash_password,
    password_matches,
    user_by_email,
)
from klaverblad.store.backup import export_all, import_all
from klaverblad.store.database import (
    data_directory,
    database_url,
    make_engine,
    session_factory,
    transaction,
    upgrade,
)
from klaverblad.store.errors import (
    AccountError,
    ConflictError,
    ImportRefusedError,
    NotAllowedError,
    NotFoundError,
    StoreError,
)
from klaverblad.store.models import ROLES, Initiative, InitiativeVersion, Organisation, User
from klaverblad.store.repository import (
    by_share_token,
    can_edit,
    can_read,
    get_initiative,
    get_version,
    history,
    renew_share_link,
    restore_version,
    revoke_share_link,
    save_initiative,
    share_initiative,
    visible_initiatives,
)

__all__ = [
    "ROLES",
    "AccountError",
    "ConflictError",
    "ImportRefusedError",
    "Initiative",
    "InitiativeVersion",
    "NotAllowedError",
    "NotFoundError",
    "Organisation",
    "StoreError",
    "User",
    "authenticate",
    "by_share_token",
    "can_edit",
    "can_read",
    "create_user",
    "data_directory",
    "database_url",
    "ensure_organisation",
    "export_all",
    "get_initiative",
    "get_version",
    "hash_password",
    "history",
    "import_all",
    "make_engine",
    "password_matches",
    "renew_share_link",
    "restore_version",
    "revoke_share_link",
    "save_initiative",
    "session_factory",
    "share_initiative",
    "transaction",
    "upgrade",
    "user_by_email",
    "visible_initiatives",
]
