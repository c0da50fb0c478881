"""Where the downloads of a plan shown on a page go, wherever the plan came from: an example,
a saved initiative (a version of it), a share link, or a posted text that is not saved.

A plan with an address gets plain links (`…/export/pdf`, `…/export/csv?table=leaves`); a
posted plan has no address, so its downloads are buttons that post its text again (to
`posted_export`) through one hidden form, `POSTED_FORM`, on the page.

>>> links = example_links("nl", "bik-klusjesdienst")
>>> links.file("pdf").href
'/plan/voorbeeld/bik-klusjesdienst/export/pdf'
>>> links.table("lines-2006").href
'/plan/voorbeeld/bik-klusjesdienst/export/csv?table=lines-2006'
>>> posted_links("en").table("leaves").action
'/en/plan/export/csv'

The comparison page opens with the same plan: an example and a saved or shared plan by a GET
parameter (a section of the page as anchor), a posted plan by posting its text again:

>>> links.compare("statuten").href
'/vergelijken?example=bik-klusjesdienst#statuten'
>>> saved_links("en", "bik", 1).compare("hervorming").href
'/en/compare?plan=bik#hervorming'
>>> posted_links("nl").compare("statuten").action
'/vergelijken'

A share link starts with the configured base URL (`KLAVERBLAD_BASE_URL`), never with the
request's Host header (anyone can send any Host: a link built from it could point elsewhere);
without the setting it is the path alone, which the browser completes with the address of the
site the visitor is on:

>>> share_address("https://klaverblad.example.be", "nl", "Ab12Cd34Ef")
'https://klaverblad.example.be/gedeeld/Ab12Cd34Ef'
>>> share_address("", "en", "Ab12Cd34Ef")
'/en/shared/Ab12Cd34Ef'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from klaverblad.locale import Language
from klaverblad.web.urls import url

# The formats of a whole plan: PDF for funders, XLSX with live formulas, every line as CSV,
# and the initiative file itself as YAML.
FORMATS = ("pdf", "xlsx", "csv", "yaml")
# The id of the hidden form that holds a posted plan's text.
POSTED_FORM = "plan-tekst"
# The query parameter of the comparison page that names a plan, per export page, and the
# path parameter whose value it takes (see views/compare_source.py).
COMPARE_SOURCE = {
    "example_export": ("example", "example"),
    "saved_export": ("plan", "initiative_id"),
    "shared_export": ("shared", "token"),
}


@dataclass(frozen=True)
class Download:
    """A link (`href`), or a button posting the plan's text to `action` with `table`."""

    href: str = ""
    action: str = ""
    table: str = ""


@dataclass(frozen=True)
class PlanLinks:
    """The export page (`example_export`, …) of a plan and its path and query parameters."""

    language: Language
    page: str
    params: dict[str, str] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)

    @property
    def posted(self) -> bool:
        return self.page == "posted_export"

    def _address(self, fmt: str, table: str = "") -> str:
        address = url(self.page, self.language, fmt=fmt, **self.params)
        query = {**self.query, **({"table": table} if table else {})}
        return f"{address}?{urlencode(query)}" if query else address

    def file(self, fmt: str) -> Download:
        """The whole plan as `fmt` (one of `FORMATS`)."""
        if self.posted:
            return Download(action=url(self.page, self.language, fmt=fmt))
        return Download(href=self._address(fmt))

    def table(self, name: str) -> Download:
        """One table of the page as CSV (see `plan_tables_csv.TABLES`)."""
        if self.posted:
            return Download(action=url(self.page, self.language, fmt="csv"), table=name)
        return Download(href=self._address("csv", name))

    def cashflow(self) -> Download:
        """The plan's cash-flow page (docs/cashflow.md, "Web"); a posted plan posts its text."""
        page = self.page.replace("_export", "_cashflow")
        if self.posted:
            return Download(action=url(page, self.language))
        address = url(page, self.language, **self.params)
        return Download(href=f"{address}?{urlencode(self.query)}" if self.query else address)

    def compare(self, anchor: str) -> Download:
        """The comparison page with this plan, at the section `anchor` (the page's
        `hervorming` or `statuten`; a posted plan's page has no such sections)."""
        address = url("compare", self.language)
        if self.posted:
            return Download(action=address)
        field, param = COMPARE_SOURCE[self.page]
        return Download(href=f"{address}?{urlencode({field: self.params[param]})}#{anchor}")


def example_links(language: Language, key: str) -> PlanLinks:
    return PlanLinks(language, "example_export", {"example": key})


def saved_links(language: Language, initiative_id: str, version: int | None = None) -> PlanLinks:
    """A saved initiative's current version, or version `version` when one is asked for."""
    query = {} if version is None else {"version": str(version)}
    return PlanLinks(language, "saved_export", {"initiative_id": initiative_id}, query)


def shared_links(language: Language, token: str) -> PlanLinks:
    return PlanLinks(language, "shared_export", {"token": token})


def posted_links(language: Language) -> PlanLinks:
    return PlanLinks(language, "posted_export")


def share_address(base_url: str, language: Language, token: str) -> str:
    """The share link of `token`: `base_url` (may be empty) and the shared page's path."""
    return base_url.rstrip("/") + url("shared", language, token=token)
