"""How the web application is configured: the database, the key that signs cookies, and the
cookies' lifetime and `Secure` flag. Read from the environment by `Settings.from_env()`.

| variable | default |
|---|---|
| `KLAVERBLAD_DATABASE_URL` | an SQLite file in `KLAVERBLAD_DATA_DIR` (default `./var`) |
| `KLAVERBLAD_SECRET_KEY` | a random key kept in `<data dir>/secret.key` (created, mode 0600) |
| `KLAVERBLAD_SECURE_COOKIES` | `auto`: `Secure` when the request came over HTTPS; `1` always |
| `KLAVERBLAD_SESSION_HOURS` | 8: a login expires this long after it was made |
| `KLAVERBLAD_TRUSTED_PROXIES` | none: forwarded headers ignored; else the proxies (below) |
| `KLAVERBLAD_BASE_URL` | none: share links are paths; else `https://host` before them |
| `KLAVERBLAD_SOURCE_URL` | none: /broncode offers the running version's archive; else this |

`KLAVERBLAD_TRUSTED_PROXIES` lists the reverse proxies (addresses or CIDR networks, comma
separated) whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed (`proxies.py`).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from klaverblad.store.database import data_directory, database_url
from klaverblad.web.proxies import Network, ProxySettingError, parse_trusted_proxies

SECRET_KEY_VARIABLE = "KLAVERBLAD_SECRET_KEY"
SECURE_COOKIES_VARIABLE = "KLAVERBLAD_SECURE_COOKIES"
SESSION_HOURS_VARIABLE = "KLAVERBLAD_SESSION_HOURS"
TRUSTED_PROXIES_VARIABLE = "KLAVERBLAD_TRUSTED_PROXIES"
BASE_URL_VARIABLE = "KLAVERBLAD_BASE_URL"
SOURCE_URL_VARIABLE = "KLAVERBLAD_SOURCE_URL"
SECRET_KEY_FILE = "secret.key"
DEFAULT_SESSION_HOURS = 8.0


class SettingsError(ValueError):
    """A setting that cannot be used; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    database_url: str
    secret_key: str
    # None: `Secure` when the request came over HTTPS (the demo on http://127.0.0.1 works).
    secure_cookies: bool | None = None
    session_seconds: int = int(DEFAULT_SESSION_HOURS * 3600)
    # The reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (web/proxies.py).
    trusted_proxies: tuple[Network, ...] = ()
    # `https://klaverblad.example.be` (no trailing slash): share links start with it; empty:
    # share links are paths, never built from the request's Host header.
    base_url: str = ""
    # Where the source of the running version is offered instead of the built archive.
    source_url: str = ""

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        environ = os.environ if environ is None else environ
        secure = environ.get(SECURE_COOKIES_VARIABLE, "auto").strip().lower()
        if secure not in ("auto", "", "0", "1", "true", "false"):
            raise SettingsError(f"{SECURE_COOKIES_VARIABLE} must be auto, 1 or 0, not {secure!r}")
        hours_text = environ.get(SESSION_HOURS_VARIABLE, "").strip()
        try:
            hours = float(hours_text) if hours_text else DEFAULT_SESSION_HOURS
        except ValueError:
            raise SettingsError(f"{SESSION_HOURS_VARIABLE} must be a number of hours") from None
        if not 0 < hours <= 24 * 30:
            raise SettingsError(f"{SESSION_HOURS_VARIABLE} must be more than 0 and at most 720")
        try:
            trusted = parse_trusted_proxies(environ.get(TRUSTED_PROXIES_VARIABLE, ""))
        except ProxySettingError as error:
            raise SettingsError(f"{TRUSTED_PROXIES_VARIABLE}: {error}") from None
        return cls(
            database_url=database_url(environ),
            secret_key=environ.get(SECRET_KEY_VARIABLE, "").strip() or _kept_key(environ),
            secure_cookies=None if secure in ("auto", "") else secure in ("1", "true"),
            session_seconds=int(hours * 3600),
            trusted_proxies=trusted,
            base_url=web_address(environ.get(BASE_URL_VARIABLE, ""), BASE_URL_VARIABLE),
            source_url=web_address(environ.get(SOURCE_URL_VARIABLE, ""), SOURCE_URL_VARIABLE),
        )


def web_address(text: str, variable: str) -> str:
    """An absolute http(s) address without query or fragment, its trailing slash dropped;
    empty when not set.

    >>> web_address(" https://klaverblad.example.be/ ", "X")
    'https://klaverblad.example.be'
    """
    text = text.strip()
    if not text:
        return ""
    try:
        parts = urlsplit(text)
        valid = parts.scheme in ("http", "https") and bool(parts.hostname)
        valid = valid and not parts.query and not parts.fragment and parts.port != 0
    except ValueError:
        valid = False
    if not valid or any(character.isspace() for character in text):
        raise SettingsError(f"{variable} must be an address such as https://klaverblad.example.be")
    return text.rstrip("/")


def _kept_key(environ: Mapping[str, str]) -> str:
    """The key in the data directory, made on first use, so logins survive a restart."""
    directory = data_directory(environ)
    path = directory / SECRET_KEY_FILE
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        directory.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as file:
            file.write(key)
        return key
