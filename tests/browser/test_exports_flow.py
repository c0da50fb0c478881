"""A visitor downloads an example's plan as PDF from the plan page in Chromium; the PDF's text
names the initiative. Skipped until the export exists."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("playwright.sync_api", reason="the Python package playwright is missing")

from playwright.sync_api import Page
from pypdf import PdfReader

from tests.browser.helpers import not_yet_built

BIK = "bik-klusjesdienst"
BIK_NAME = "Klusjesdienst en buurtdiensten vzw BIK (Werk.waardig)"


@not_yet_built(f"/plan/voorbeeld/{BIK}/export/pdf")
def test_a_visitor_downloads_the_pdf_of_an_example_and_its_text_names_the_initiative(
    page: Page,
) -> None:
    page.goto(f"/plan/voorbeeld/{BIK}")
    link = page.get_by_role("link", name=re.compile(r"^Download het plan als PDF"))

    # Headless Chromium downloads a PDF (attachment or inline): it has no viewer.
    with page.expect_download() as started:
        link.click()

    download = started.value
    assert download.suggested_filename.endswith(".pdf")
    path = download.path()
    assert path.read_bytes().startswith(b"%PDF-")
    text = " ".join((pdf_page.extract_text() or "") for pdf_page in PdfReader(path).pages)
    # Lines may break anywhere in a long title: compare without the whitespace.
    assert re.sub(r"\s+", "", BIK_NAME) in re.sub(r"\s+", "", text)
