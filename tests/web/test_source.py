"""AGPL-3.0 §13: every page's footer links to the source of the running version, with that
version; the source page offers the archive of exactly the files that run (or the configured
address)."""

from __future__ import annotations

import io
import re
import tarfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from klaverblad.web import create_app
from klaverblad.web.routes import source
from klaverblad.web.routes.source import build_archive, running_version
from klaverblad.web.urls import PATHS
from klaverblad.web.words.source import SOURCE_WORDS
from tests.web.conftest import migrated_settings

# Every page without path parameters, in both languages, an example's plan and a missing page.
PAGES = sorted(
    {path for dutch, english in PATHS.values() for path in (dutch, english) if "{" not in path}
    | {"/plan/voorbeeld/bik-klusjesdienst", "/en/plan/example/bik-klusjesdienst", "/nergens"}
)
# Pages that only answer a POST, or need a login (they send the visitor to the login page).
NOT_SHOWN_BY_GET = {"/plan", "/en/plan", "/afmelden", "/en/logout"}
# Fragments that htmx puts into a page (what a typed number is read as): not pages themselves.
FRAGMENTS = {"/nieuw/gelezen-als", "/en/new/read-as"}


@pytest.mark.parametrize(
    "path", [page for page in PAGES if page not in NOT_SHOWN_BY_GET | FRAGMENTS]
)
def test_every_page_links_to_the_source_with_the_running_version(
    client: TestClient, path: str
) -> None:
    response = client.get(path)
    assert response.headers["content-type"].startswith("text/html")
    footer = re.search(r'<footer class="site-footer">.*?</footer>', response.text, re.S)
    assert footer is not None, f"no footer on {path}"
    english = path.startswith("/en/")
    link = "/en/source" if english else "/broncode"
    label = "Source code" if english else "Broncode"
    assert f'<a href="{link}">{label}</a>' in footer.group(0)
    assert running_version() in footer.group(0)


def test_the_source_page_names_the_licence_and_offers_the_archive(client: TestClient) -> None:
    page = client.get("/broncode")
    assert page.status_code == 200
    assert "AGPL-3.0" in page.text
    assert SOURCE_WORDS["nl"]["running"].format(version=running_version()) in page.text
    assert 'href="/broncode/klaverblad.tar.gz"' in page.text
    assert 'href="/en/source/klaverblad.tar.gz"' in client.get("/en/source").text


def test_the_archive_holds_the_running_source_this_very_module_included(
    client: TestClient,
) -> None:
    response = client.get("/en/source/klaverblad.tar.gz")
    assert response.status_code == 200
    top = f"klaverblad-{running_version()}"
    assert f'filename="{top}.tar.gz"' in response.headers["content-disposition"]
    with tarfile.open(fileobj=io.BytesIO(response.content), mode="r:gz") as archive:
        names = set(archive.getnames())
        member = archive.extractfile(f"{top}/src/klaverblad/web/routes/source.py")
        assert member is not None
        assert member.read() == Path(source.__file__).read_bytes()
    assert {f"{top}/LICENSE", f"{top}/pyproject.toml", f"{top}/README.md"} <= names
    assert not any("__pycache__" in name or name.endswith(".pyc") for name in names)


def test_the_archive_is_built_once_and_the_same_files_give_the_same_bytes(
    client: TestClient,
) -> None:
    first = client.get("/broncode/klaverblad.tar.gz").content
    assert client.get("/broncode/klaverblad.tar.gz").content == first
    assert build_archive() == build_archive()


def test_a_configured_source_url_is_offered_instead(tmp_path: Path) -> None:
    address = "https://git.example.be/klaverblad"
    app = create_app(migrated_settings(tmp_path, source_url=address))
    with TestClient(app) as browser:
        assert f'href="{address}"' in browser.get("/en/source").text
        moved = browser.get("/broncode/klaverblad.tar.gz", follow_redirects=False)
        assert (moved.status_code, moved.headers["location"]) == (303, address)
