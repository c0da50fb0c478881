"""The web settings read from the environment, each bad value named."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from klaverblad.web.settings import Settings, SettingsError


def test_without_a_configured_key_one_is_made_once_and_kept_private(tmp_path: Path) -> None:
    environ = {"KLAVERBLAD_DATA_DIR": str(tmp_path)}
    first = Settings.from_env(environ)
    second = Settings.from_env(environ)
    assert first.secret_key == second.secret_key
    assert len(first.secret_key) >= 48
    assert stat.S_IMODE((tmp_path / "secret.key").stat().st_mode) == 0o600
    assert first.database_url == f"sqlite:///{tmp_path / 'klaverblad.sqlite3'}"


def test_a_configured_key_cookie_policy_and_session_length_are_used(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {
            "KLAVERBLAD_DATA_DIR": str(tmp_path),
            "KLAVERBLAD_SECRET_KEY": "k" * 40,
            "KLAVERBLAD_SECURE_COOKIES": "1",
            "KLAVERBLAD_SESSION_HOURS": "1.5",
        }
    )
    assert (settings.secret_key, settings.secure_cookies, settings.session_seconds) == (
        "k" * 40,
        True,
        5400,  # 1.5 h × 3 600 s
    )
    assert not (tmp_path / "secret.key").exists()


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("KLAVERBLAD_SECURE_COOKIES", "soms", "KLAVERBLAD_SECURE_COOKIES must be auto, 1 or 0"),
        ("KLAVERBLAD_SESSION_HOURS", "acht", "KLAVERBLAD_SESSION_HOURS must be a number of hours"),
        ("KLAVERBLAD_SESSION_HOURS", "0", "KLAVERBLAD_SESSION_HOURS must be more than 0"),
    ],
)
def test_a_bad_setting_is_refused_naming_the_variable(
    tmp_path: Path, variable: str, value: str, message: str
) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.from_env({"KLAVERBLAD_DATA_DIR": str(tmp_path), variable: value})
