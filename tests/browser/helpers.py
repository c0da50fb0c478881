"""What the browser tests share: the axe-core check, screenshots, and whether a page exists yet.

Imported by the test modules after `pytest.importorskip("playwright.sync_api")`, so Playwright
is there when this module loads.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, FloatRect, Page, expect
from starlette.routing import Match

from klaverblad.web import create_app
from klaverblad.web.settings import Settings
from tests.browser.accounts import Account

HERE = Path(__file__).resolve().parent
AXE_SCRIPT = HERE / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.1 A and AA, the level the project promises (ARCHITECTURE, accessibility).
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
# A violation of these impacts fails the test; "minor" and "moderate" ones are only reported.
FAILING_IMPACTS = frozenset({"serious", "critical"})
SCREENSHOTS_VARIABLE = "KLAVERBLAD_SCREENSHOTS"
SHOT_MAX_HEIGHT = 6000

# The `new_context` fixture: each call is a fresh visitor (no cookies) on the live server.
NewContext = Callable[[], BrowserContext]

_screenshot_default: list[Path] = []


def screenshots_default(directory: Path) -> None:
    """Where `shot` writes when `KLAVERBLAD_SCREENSHOTS` is not set (the conftest gives the
    pytest temporary folder of the session)."""
    _screenshot_default[:] = [directory]


def screenshot_directory() -> Path:
    configured = os.environ.get(SCREENSHOTS_VARIABLE, "").strip()
    if configured:
        return Path(configured)
    if _screenshot_default:
        return _screenshot_default[0]
    return Path.cwd() / "screenshots"


def shot(page: Page, name: str) -> Path:
    """A full-page screenshot of `page` as `<folder>/<name>.png`, for a person to look at;
    cut at `SHOT_MAX_HEIGHT` px (the measures page is 35 000 px tall: seconds to stitch and
    nothing a person scrolls through)."""
    directory = screenshot_directory()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}.png"
    width, height = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )
    clip: FloatRect | None = None
    if height > SHOT_MAX_HEIGHT:
        clip = {"x": 0, "y": 0, "width": width, "height": SHOT_MAX_HEIGHT}
    page.screenshot(path=str(path), full_page=True, clip=clip)
    return path


@functools.cache
def _axe_source() -> str:
    return AXE_SCRIPT.read_text(encoding="utf-8")


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """The axe-core violations of WCAG 2.1 A/AA on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated, not added as a <script>: the pages' Content-Security-Policy (script-src
        # 'self') rightly blocks an inline script tag, and the test keeps that policy on.
        page.evaluate(_axe_source())
    result = page.evaluate(
        """(tags) => axe.run(document, {runOnly: {type: "tag", values: tags}})
            .then(r => r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(" "))
            })))""",
        list(AXE_TAGS),
    )
    assert isinstance(result, list)
    return result


def describe(violations: list[dict[str, Any]]) -> str:
    """One readable line per violation: rule, impact, what it asks and the first targets.

    >>> describe([{"id": "label", "impact": "critical", "help": "Inputs need labels",
    ...            "targets": ["#a", "#b"]}])
    '- label (critical): Inputs need labels; at #a, #b'
    """
    lines = []
    for violation in violations:
        targets = violation["targets"]
        shown = ", ".join(targets[:5]) + (
            f" and {len(targets) - 5} more" if len(targets) > 5 else ""
        )
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}; at {shown}"
        )
    return "\n".join(lines)


def axe_check(page: Page) -> None:
    """Fail when axe-core finds a serious or critical WCAG 2.1 AA violation on `page`."""
    violations = axe_violations(page)
    failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    width = page.viewport_size["width"] if page.viewport_size else "?"
    assert not failing, f"axe-core finds on {page.url} ({width} px wide):\n{describe(failing)}"


def axe_check_phone(page: Page, name: str) -> None:
    """`axe_check` again with the page as wide as a phone (375 px; WCAG 1.4.10 asks for
    content that reflows at 320 px), then a screenshot `<name>-phone`: a table that scrolls
    sideways there must be reachable with the keyboard. The viewport stays narrow."""
    page.set_viewport_size({"width": 375, "height": 800})
    axe_check(page)
    # Reflow (WCAG 1.4.10): only a table region may scroll sideways, never the page itself.
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 375, f"{page.url} is {page_width} px wide on a 375 px screen"
    shot(page, f"{name}-phone")


@functools.cache
def _routes() -> tuple[Any, ...]:
    # The application is only built, never started: no database connection is made.
    settings = Settings(database_url="sqlite://", secret_key="route-check-" + "x" * 32)
    return tuple(create_app(settings).routes)


def route_exists(path: str) -> bool:
    """Whether the application has a GET route for `path` — until a page is built, a GET of
    its address answers 404 (the unknown-address page). Route matching, not a request, so
    that a page with a parameter (/plannen/1) counts as existing before any plan is saved."""
    scope = {"type": "http", "path": path, "method": "GET", "root_path": ""}
    return any(route.matches(scope)[0] == Match.FULL for route in _routes())


def not_yet_built(*paths: str) -> Any:
    """A skipif marker for a test of pages that other work is still building."""
    missing = [path for path in paths if not route_exists(path)]
    return pytest.mark.skipif(
        bool(missing), reason=f"page not built yet: no GET route for {', '.join(missing)}"
    )


GAP_WORDS = r"Tekort|Overschot|In evenwicht|Shortfall|Surplus|Balanced"
GAP_LABELS = re.compile(f"^({GAP_WORDS})$")
CLOVERLEAF = re.compile(r"Klavertje vier|Four-leaf clover")
AMOUNT = re.compile(r"^€\s?[\d.,]+$")


def expect_plan(page: Page) -> None:
    """The page shows a financing plan: the cloverleaf as an image with its accessible name
    (from the SVG's <title> and <desc>) and the gap row with its label and amount."""
    chart = page.get_by_role("img", name=CLOVERLEAF)
    expect(chart).to_be_visible()
    expect(chart.locator("title")).to_have_text(CLOVERLEAF)
    gap = page.locator("tr.gap")
    expect(gap.locator("th")).to_have_text(GAP_LABELS)
    expect(gap.locator("td")).to_have_text(AMOUNT)


def error_summary_text(page: Page) -> str:
    """The text of the page's error summary (role alert), or "" when it has none."""
    summary = page.locator("main [role=alert]")
    return summary.first.inner_text() if summary.count() else ""


def expect_cloverleaf_and_gap(page: Page) -> None:
    """Looser than `expect_plan`, for pages that show a plan their own way (the wizard): the
    cloverleaf image and the gap in words followed by an amount somewhere in the main part."""
    expect(page.get_by_role("img", name=CLOVERLEAF).first).to_be_visible()
    expect(page.locator("main")).to_contain_text(re.compile(rf"({GAP_WORDS})\D{{0,40}}€\s?[\d.,]+"))


def log_in(page: Page, account: Account) -> None:
    """Log in on the login page; the account menu then names the user."""
    page.goto("/aanmelden")
    page.get_by_label("E-mailadres").fill(account.email)
    page.get_by_label("Wachtwoord").fill(account.password)
    page.locator("main").get_by_role("button", name="Aanmelden").click()
    expect(page.locator(".account-nav")).to_contain_text(account.display_name)


def share_link(page: Page) -> str:
    """The share address a saved plan's page offers (a read-only field or a link with the
    label "Deellink van dit plan"), absolute; a plan not shared yet is shared first with its
    "Deel dit plan" button (saving alone shares nothing)."""
    share = page.get_by_role("button", name="Deel dit plan")
    if share.count() > 0:
        share.click()
        expect(page.locator("main a[href*='/gedeeld/']").first).to_be_visible()
    found = page.get_by_label("Deellink van dit plan")
    if found.count() == 0:
        found = page.locator("main a[href*='/gedeeld/']")
    element = found.first
    expect(element).to_be_visible()
    tag = element.evaluate("e => e.tagName.toLowerCase()")
    link = element.input_value() if tag in ("input", "textarea") else element.get_attribute("href")
    assert link and "/gedeeld/" in link, f"no share link on {page.url}: {link!r}"
    absolute = page.evaluate("(link) => new URL(link, document.baseURI).href", link)
    assert isinstance(absolute, str)
    return absolute
