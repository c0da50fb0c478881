"""Every page of the main menu, reached by clicking its menu item on the start page, in Dutch
and English: it opens, marks itself as the current menu item, has one <h1> and passes axe-core
at desktop and at phone width. A page that is not built yet is skipped."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("playwright.sync_api", reason="the Python package playwright is missing")

from playwright.sync_api import Page, expect

from klaverblad.locale import Language
from klaverblad.web.urls import MENU, url
from klaverblad.web.words.common import WORDS
from tests.browser.helpers import axe_check, axe_check_phone, not_yet_built, shot

MENU_PAGES = [
    pytest.param(name, language, marks=not_yet_built(url(name, "nl")), id=f"{name}-{language}")
    for name, _ in MENU
    for language in ("nl", "en")
]


@pytest.mark.parametrize(("name", "language"), MENU_PAGES)
def test_each_menu_page_opens_from_the_menu_and_passes_axe(
    page: Page, name: str, language: Language
) -> None:
    words = WORDS[language]
    label = dict(MENU)[name]
    address = url(name, language)
    page.goto(url("start", language))
    menu = page.get_by_role("navigation", name=words["main_nav"])

    with page.expect_response(lambda response: response.url.endswith(address)) as answer:
        menu.get_by_role("link", name=words[label], exact=True).click()

    assert answer.value.status == 200
    expect(page).to_have_url(re.compile(re.escape(address) + "$"))
    expect(menu.get_by_role("link", name=words[label], exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("h1")).to_have_count(1)
    expect(page.get_by_role("heading", level=1)).not_to_have_text(words["not_found_title"])
    axe_check(page)
    shot(page, f"menu-{name}-{language}")
    axe_check_phone(page, f"menu-{name}-{language}")
