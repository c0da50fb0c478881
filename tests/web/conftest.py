"""The API in-process through FastAPI's TestClient, one app for the whole module."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

with warnings.catch_warnings():
    # Starlette's TestClient warns at import that it will move from httpx to httpx2.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from klaverblad.store import upgrade
from klaverblad.web import create_app
from klaverblad.web.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
EXAMPLE_PATHS = sorted(EXAMPLES.glob("*.yaml"))
RANKING_CSV = EXAMPLES / "ranking" / "centrumsteden-illustratief.csv"


def example_body(path: Path) -> dict[str, Any]:
    """An example initiative file as the JSON object a client sends (dates as text)."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TextDates)  # a SafeLoader
    assert isinstance(data, dict)
    return data


class _TextDates(yaml.SafeLoader):
    """A safe loader that keeps dates as text, as a JSON client sends them."""


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def migrated_settings(directory: Path, **changes: Any) -> Settings:
    """Settings on a new, migrated SQLite file in `directory`, with a fixed test key."""
    url = f"sqlite:///{directory / 'klaverblad.sqlite3'}"
    upgrade(url)
    return Settings(database_url=url, secret_key="test-key-" + "x" * 40, **changes)


@pytest.fixture(scope="session")
def web_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return migrated_settings(tmp_path_factory.mktemp("web-db"))


@pytest.fixture(scope="session")
def client(web_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(web_settings)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def bik() -> dict[str, Any]:
    return example_body(EXAMPLES / "bik-klusjesdienst.yaml")
