"""A Dutch page shows words, never the codes of the file or the rules: every Dutch page of the
test app (found by following its links from the start page, the examples, a saved plan and
its share link) is scanned for the codes of measures, statutes and alerts outside `<code>`,
`<pre>`, `<textarea>` and scripts (where a file's YAML or JSON is shown as it is).

What counts as a code: every alert code, and every measure, statute or value code that is not
also a Dutch word (those with `_` or a digit, and the lowercase abbreviations `sine`, `lde`,
`swp`, `twe`, `pwa`, `gesco`, `wep`, which Dutch text writes in capitals)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from klaverblad.advice.alert import TITLES
from klaverblad.rules.catalogue import MEASURES, STATUTES
from klaverblad.value_words import VALUE_WORDS
from tests.web.test_accounts_support import (
    ANNA,
    BIK_ID,
    bik_text,
    logged_in,
    make_app,
    save_new,
    share_plan,
)

ABBREVIATIONS = ("sine", "lde", "swp", "twe", "pwa", "gesco", "wep")
# Words of a page's visible text that screen readers read too.
READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
HIDDEN_ELEMENTS = {"code", "pre", "textarea", "script", "style"}
MAX_PAGES = 400


def _codes() -> list[str]:
    values = {key.split("_", 1)[1] for key in VALUE_WORDS["nl"]}
    candidates = {*MEASURES, *STATUTES, *values}
    codes = {c for c in candidates if "_" in c or any(ch.isdigit() for ch in c)}
    return sorted({*codes, *TITLES["nl"], *ABBREVIATIONS}, key=len, reverse=True)


CODES = _codes()
# A parameter's path (`sine.start_window`) is the catalogue's name of a parameter, not a code
# of a measure standing for words: not counted.
CODE_PATTERN = re.compile(r"(?<![\w\-/.])(" + "|".join(map(re.escape, CODES)) + r")(?![\w\-]|\.\w)")


class _Reader(HTMLParser):
    """The text a person reads (and hears) on a page, and the page's links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.text: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
        if tag in HIDDEN_ELEMENTS:
            self.depth += 1
        elif self.depth == 0:
            self.text.extend(str(found[a]) for a in READ_ATTRIBUTES if found.get(a))

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_ELEMENTS and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth == 0:
            self.text.append(data)


def read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    return reader


def codes_in(text: str) -> list[str]:
    return sorted({match.group(1) for match in CODE_PATTERN.finditer(text)})


def _is_dutch_page(path: str) -> bool:
    skipped = ("/en/", "/static/", "/api", "/afmelden", "/docs", "/openapi")
    return path.startswith("/") and not path.startswith(skipped) and "/export/" not in path


def crawl(client: TestClient, starts: list[str]) -> Iterator[tuple[str, str]]:
    """(path, html) of every Dutch page reachable from `starts` by links."""
    seen: set[str] = set()
    queue = list(starts)
    while queue and len(seen) < MAX_PAGES:
        path = urldefrag(queue.pop(0))[0]
        if path in seen or not _is_dutch_page(urlsplit(path).path):
            continue
        seen.add(path)
        response = client.get(path)
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        yield path, response.text
        queue.extend(link for link in read(response.text).links if link.startswith("/"))


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    app: FastAPI = make_app(Path(tmp_path_factory.mktemp("codes")))
    anna = logged_in(app, ANNA)
    assert save_new(anna, bik_text()).status_code == 303
    share_plan(anna, BIK_ID)
    return dict(crawl(anna, ["/", "/voorbeelden", "/mijn-plannen", f"/plannen/{BIK_ID}"]))


def test_the_scan_finds_a_code_where_one_is_shown() -> None:
    """The check itself: a code in the text is found, the same code in <code> is not."""
    shown = read("<p>w2 staat op wep_plus</p><p><code>art60</code></p>")
    assert codes_in(" ".join(shown.text)) == ["wep_plus"]
    assert codes_in("statuut: SINE, LDE-ondersteuning, artikel 60 §7") == []


def test_the_scan_reaches_every_kind_of_page(pages: dict[str, str]) -> None:
    paths = set(pages)
    for expected in ("/", "/voorbeelden", "/maatregelen", "/nieuw", "/vergelijken"):
        assert expected in paths
    assert f"/plannen/{BIK_ID}" in paths
    assert any(path.startswith("/gedeeld/") for path in paths)
    assert sum(path.startswith("/plan/voorbeeld/") for path in paths) >= 5
    assert len(paths) >= 25


def test_no_dutch_page_shows_a_measure_statute_or_alert_code(pages: dict[str, str]) -> None:
    found = {
        path: codes
        for path, html in pages.items()
        if (codes := codes_in(" ".join(read(html).text)))
    }
    assert found == {}
