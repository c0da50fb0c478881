"""Browser tests: the real server in a subprocess, headless Debian Chromium driven by
Playwright, axe-core for accessibility. See README.md in this folder.

Without Chromium, axe-core or the Python package playwright the tests skip with the reason;
with `KLAVERBLAD_REQUIRE_BROWSER=1` (CI) they fail instead.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from klaverblad.store import (
    create_user,
    ensure_organisation,
    make_engine,
    session_factory,
    transaction,
    upgrade,
)
from klaverblad.store.database import DATA_DIR_VARIABLE, DATABASE_URL_VARIABLE
from klaverblad.web.settings import SECRET_KEY_VARIABLE
from tests.browser.accounts import ACCOUNTS, server_database_url

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

    from tests.browser.helpers import NewContext

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
AXE_SCRIPT = HERE / "node_modules" / "axe-core" / "axe.min.js"
REQUIRE_VARIABLE = "KLAVERBLAD_REQUIRE_BROWSER"
CHROMIUM_VARIABLE = "KLAVERBLAD_CHROMIUM"
CHROMIUM = Path(os.environ.get(CHROMIUM_VARIABLE, "").strip() or "/usr/bin/chromium")
# Headless without a sandbox (root in CI) and without any connection of its own: this
# machine's network refuses everything but the registries, and Chromium's background
# connections would otherwise be refused noisily or stall the start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SECRET_KEY = "browser-test-key-" + "x" * 40
SERVER_START_SECONDS = 60.0
# How long Playwright waits for an element, a navigation or an assertion to hold.
TIMEOUT_MS = 20_000
REQUIRED = os.environ.get(REQUIRE_VARIABLE, "").strip() == "1"

if REQUIRED and importlib.util.find_spec("playwright") is None:
    # The test modules skip at import without Playwright; on CI that must be an error.
    raise pytest.UsageError(
        f"{REQUIRE_VARIABLE}=1 but the Python package playwright is not installed "
        "(pip install -e '.[dev]')"
    )


_screenshots: list[Path] = []


def missing_requirement() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if importlib.util.find_spec("playwright") is None:
        return "the Python package playwright is not installed (pip install -e '.[dev]')"
    if not os.access(CHROMIUM, os.X_OK):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium, or set {CHROMIUM_VARIABLE})"
    if not AXE_SCRIPT.is_file():
        return f"axe-core is not installed at {AXE_SCRIPT} (npm ci --prefix tests/browser)"
    return None


@pytest.fixture(scope="session", autouse=True)
def _browser_requirements(tmp_path_factory: pytest.TempPathFactory) -> None:
    reason = missing_requirement()
    if reason and REQUIRED:
        pytest.fail(f"{reason}; {REQUIRE_VARIABLE}=1 requires the browser tests to run")
    if reason:
        pytest.skip(f"browser tests cannot run: {reason}")
    from tests.browser.helpers import screenshot_directory, screenshots_default

    screenshots_default(tmp_path_factory.getbasetemp() / "screenshots")
    _screenshots[:] = [screenshot_directory()]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _screenshots and _screenshots[0].is_dir():
        terminalreporter.write_line(f"browser screenshots: {_screenshots[0]}")


def add_accounts(url: str) -> None:
    """The test accounts of `ACCOUNTS` in the migrated database at `url`."""
    engine = make_engine(url)
    try:
        with transaction(session_factory(engine)) as session:
            for account in ACCOUNTS.values():
                organisation = (
                    ensure_organisation(session, *account.organisation)
                    if account.organisation
                    else None
                )
                create_user(
                    session,
                    email=account.email,
                    display_name=account.display_name,
                    role=account.role,
                    password=account.password,
                    organisation=organisation,
                    municipality=account.municipality,
                )
    finally:
        engine.dispose()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _answers(url: str, timeout: float) -> bool:
    # No proxy: the server is on this machine.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=timeout) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def _wait_for(process: subprocess.Popen[bytes], base: str, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
            pytest.fail(f"the server stopped with exit code {process.returncode}:\n{tail}")
        if _answers(f"{base}/", timeout=2):
            # The first plan loads the rules (seconds): done here, not in the first test.
            if not _answers(f"{base}/plan/voorbeeld/bik-klusjesdienst", timeout=120):
                pytest.fail(f"the server does not show the example plan; see {log}")
            return
        time.sleep(0.1)
    pytest.fail(f"the server did not answer within {SERVER_START_SECONDS:.0f} s; see {log}")


@pytest.fixture(scope="package")
def server_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The live server's data folder: a migrated SQLite database with `ACCOUNTS`.

    The server and the browser live as long as this folder's tests ("package" scope): they
    stop before the rest of the suite runs."""
    data_dir = tmp_path_factory.mktemp("browser-server")
    upgrade(server_database_url(data_dir))
    add_accounts(server_database_url(data_dir))
    return data_dir


@pytest.fixture(scope="package")
def live_server(server_data_dir: Path) -> Iterator[str]:
    """The base URL of `uvicorn` serving the app on `server_data_dir`."""
    data_dir = server_data_dir
    port = free_port()
    environment = {**os.environ, DATA_DIR_VARIABLE: str(data_dir), SECRET_KEY_VARIABLE: SECRET_KEY}
    environment.pop(DATABASE_URL_VARIABLE, None)
    log = data_dir / "server.log"
    command = [
        sys.executable,  # the venv's python: pytest runs as .venv/bin/pytest
        "-m",
        "uvicorn",
        "--factory",
        "klaverblad.web.app:create_app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_for(process, base, log)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """Headless Chromium of the system, driven by Playwright's bundled driver."""
    from playwright.sync_api import expect, sync_playwright

    # Assertions wait as long as actions: two shared cores, and plans take a moment.
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def new_context(browser: Browser, live_server: str) -> Iterator[NewContext]:
    """Makes fresh browser contexts (no cookies: another visitor) on the live server; all
    are closed after the test."""
    made: list[BrowserContext] = []

    def make() -> BrowserContext:
        context = browser.new_context(
            base_url=live_server, locale="nl-BE", viewport={"width": 1280, "height": 900}
        )
        context.set_default_timeout(TIMEOUT_MS)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


@pytest.fixture()
def page(new_context: NewContext) -> Page:
    """A page in a fresh context of a first-time visitor."""
    return new_context().new_page()
