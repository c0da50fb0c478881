"""The source of the running version, for every user of the web application (AGPL-3.0 §13).

Every page's footer links to `/broncode` (English `/en/source`) with the running version.
That page says Klaverblad is free software under the AGPL-3.0 and offers the exact source of
the version that runs: a `.tar.gz` of the installed package's own files (`src/klaverblad`,
with `LICENSE`, `README.md` and `pyproject.toml` when they lie next to it, as in a checkout),
built at the first request and kept in memory; or, when `KLAVERBLAD_SOURCE_URL` is set, a link
to that address (the archive's address then leads there too).
"""

from __future__ import annotations

import functools
import gzip
import io
import tarfile
import threading
from collections.abc import Iterator
from importlib.metadata import PackageNotFoundError, distribution, version
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.responses import RedirectResponse, Response

import klaverblad
from klaverblad.web.render import TEMPLATES, render
from klaverblad.web.settings import Settings
from klaverblad.web.urls import add_page, add_route, language_of, other, url
from klaverblad.web.words.source import SOURCE_WORDS

ARCHIVE_PATHS = ("/broncode/klaverblad.tar.gz", "/en/source/klaverblad.tar.gz")
# The project's files kept beside the package in a checkout (`src/klaverblad` → the root).
PROJECT_FILES = ("LICENSE", "README.md", "pyproject.toml")
PACKAGE_DIRECTORY = Path(klaverblad.__file__).resolve().parent
# What the package directory holds that is not source: compiled files and caches.
SKIPPED_DIRECTORIES = frozenset({"__pycache__"})
SKIPPED_SUFFIXES = (".pyc", ".pyo")


@functools.cache
def running_version() -> str:
    """The installed version of klaverblad (`0+unknown` when it is not installed)."""
    try:
        return version("klaverblad")
    except PackageNotFoundError:
        return "0+unknown"


def _package_files(directory: Path) -> Iterator[Path]:
    for path in sorted(directory.rglob("*")):
        relative = path.relative_to(directory)
        if SKIPPED_DIRECTORIES.intersection(relative.parts) or path.is_symlink():
            continue
        if path.is_file() and not path.name.endswith(SKIPPED_SUFFIXES):
            yield path


def _project_files(package: Path) -> list[tuple[Path, str]]:
    """The licence, README and pyproject of the project: beside `src/` in a checkout (or an
    editable install), else the licence files of the installed distribution's metadata."""
    if package.parent.name == "src" and (package.parent.parent / "pyproject.toml").is_file():
        root = package.parent.parent
        return [(root / name, name) for name in PROJECT_FILES if (root / name).is_file()]
    found: list[tuple[Path, str]] = []
    try:
        files = distribution("klaverblad").files or []
    except PackageNotFoundError:
        return found
    for entry in files:
        if entry.name.upper().startswith(("LICENSE", "COPYING")):
            located = Path(str(entry.locate()))
            if located.is_file():
                found.append((located, entry.name))
    return found[:1]


def build_archive(package: Path = PACKAGE_DIRECTORY, release: str | None = None) -> bytes:
    """A .tar.gz of `package` (as `klaverblad-<version>/src/klaverblad/…`) with the project
    files beside it (`klaverblad-<version>/LICENSE`, …)."""
    top = f"klaverblad-{release or running_version()}"
    buffer = io.BytesIO()
    # mtime 0 in the gzip header: the same files give the same archive.
    with (
        gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0) as zipped,
        tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as archive,
    ):
        for path, name in _project_files(package):
            archive.add(path, arcname=f"{top}/{name}", recursive=False)
        for path in _package_files(package):
            relative = path.relative_to(package).as_posix()
            archive.add(path, arcname=f"{top}/src/{package.name}/{relative}", recursive=False)
    return buffer.getvalue()


_ARCHIVE_LOCK = threading.Lock()
_archive: bytes | None = None


def cached_archive() -> bytes:
    """The archive of the running version, built once per process."""
    global _archive
    with _ARCHIVE_LOCK:
        if _archive is None:
            _archive = build_archive()
        return _archive


def _settings(request: Request) -> Settings:
    settings = request.app.state.settings
    assert isinstance(settings, Settings)
    return settings


def source_page(request: Request) -> HTMLResponse:
    language = language_of(request)
    return render(
        request,
        "source.html",
        switch_url=url("source", other(language)),
        words=SOURCE_WORDS,
        version=running_version(),
        source_url=_settings(request).source_url,
        archive_url=ARCHIVE_PATHS[0 if language == "nl" else 1],
    )


def source_archive(request: Request) -> Response:
    """The .tar.gz of the running version (or a redirect to `KLAVERBLAD_SOURCE_URL`)."""
    elsewhere = _settings(request).source_url
    if elsewhere:
        return RedirectResponse(elsewhere, status_code=303)
    name = f"klaverblad-{running_version()}.tar.gz"
    return Response(
        cached_archive(),
        media_type="application/gzip",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


def source_router() -> APIRouter:
    """The source page and its archive, in both languages; every page's footer shows the
    running version (`running_version` in the templates)."""
    TEMPLATES.env.globals["running_version"] = running_version()
    router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
    add_page(router, "source", source_page)
    add_route(router, ARCHIVE_PATHS, source_archive)
    return router
