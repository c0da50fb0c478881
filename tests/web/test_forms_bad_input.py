"""Random and malformed bodies posted to the HTML forms: never a 5xx, never a traceback.

Each target of TARGETS is a form's POST address (Dutch and English). Its fields are read from
the form on its page (so the test follows the page as it changes); Hypothesis then posts
random subsets of those fields and of unknown ones, with the visitor's CSRF token or without
it, as urlencoded or multipart bodies (with random files), or raw bytes under a wrong or broken
content type. Field values range from random text and YAML debris to malformed, mutated and
valid initiative files (tests/strategies.py) and numbers written every wrong way. A target
whose address answers 404 or 405 does not exist yet and is skipped: to test a new form, add a
line to TARGETS.

The app runs on its own migrated database (tests/web/test_accounts_support.py), with an
anonymous visitor and a logged-in promoter for the pages that need an account.
"""

from __future__ import annotations

import html
import json
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi import FastAPI
from hypothesis import given
from hypothesis import strategies as st

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from httpx import Response

from klaverblad.model import safe_documents
from klaverblad.model.limits import DOCUMENT_BYTES, MAPPING_KEYS
from klaverblad.report.plan_xlsx import people_template_xlsx
from klaverblad.web.urls import PATHS
from tests.bad_documents import people_workbooks
from tests.memory import MEGABYTE, python_peak
from tests.strategies import initiative_documents
from tests.web.test_accounts_support import (
    ANNA,
    BIK_ID,
    bik_text,
    logged_in,
    make_app,
    new_client,
    save_new,
)

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))
CSRF = "csrf"


@dataclass(frozen=True)
class Target:
    """A form's POST addresses (Dutch, English), the page whose form names its fields, and
    whether the visitor must be logged in."""

    paths: tuple[str, str]
    form_page: str | None
    logged_in: bool = False
    # Fields the page's form does not show at first (a later step's, a script's): name -> type.
    extra_fields: tuple[tuple[str, str], ...] = ()


SAVED = (f"/plannen/{BIK_ID}", f"/en/plans/{BIK_ID}")
TEXT_FIELDS = (("text", "textarea"), ("table", "text"))
TARGETS: dict[str, Target] = {
    "start": Target(PATHS["post_plan"], "/"),
    "wizard": Target(PATHS["wizard"], "/nieuw", extra_fields=(("document", "textarea"),)),
    "wizard_result": Target(("/nieuw/resultaat", "/en/new/result"), "/nieuw"),
    "wizard_people": Target(
        ("/nieuw/personen-inlezen", "/en/new/import-people"),
        "/nieuw",
        extra_fields=(("people_file", "file"),),
    ),
    "wizard_csv": Target(("/nieuw/tabel/years.csv", "/en/new/table/totals.csv"), "/nieuw"),
    "compare": Target(PATHS["compare"], "/vergelijken"),
    "compare_csv": Target(("/vergelijken/csv", "/en/compare/csv"), "/vergelijken"),
    "ranking": Target(PATHS["ranking"], "/rangschikking"),
    "ranking_csv": Target(("/rangschikking.csv", "/en/ranking.csv"), "/rangschikking"),
    "login": Target(PATHS["login"], "/aanmelden"),
    "logout": Target(PATHS["logout"], None),
    "mine": Target(PATHS["mine"], "/mijn-plannen", logged_in=True),
    "saved": Target(SAVED, SAVED[0], logged_in=True),
    "restore": Target((f"{SAVED[0]}/herstellen", f"{SAVED[1]}/restore"), SAVED[0], logged_in=True),
    "export_csv": Target(
        ("/plan/export/csv", "/en/plan/export/csv"), None, extra_fields=TEXT_FIELDS
    ),
    "export_pdf": Target(
        ("/plan/export/pdf", "/en/plan/export/pdf"), None, extra_fields=TEXT_FIELDS
    ),
}


class _Forms(HTMLParser):
    """Each POST form of a page: its action, its named fields' types and their values."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, dict[str, str], dict[str, list[str]]]] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "form":
            self._inside = (found.get("method") or "").lower() == "post"
            if self._inside:
                self.forms.append((found.get("action") or "", {}, {}))
        elif tag in ("input", "textarea", "select", "button") and self._inside:
            name = found.get("name")
            if name:
                _, types, values = self.forms[-1]
                types[name] = found.get("type") or tag
                if found.get("value") is not None:
                    values.setdefault(name, []).append(str(found["value"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._inside = False


@dataclass(frozen=True)
class Fields:
    """The fields a form may send: name -> input type, and the values the page itself gives
    (hidden state such as the wizard's draft, the buttons' actions)."""

    types: dict[str, str]
    values: dict[str, list[str]]


@dataclass(frozen=True)
class Visitor:
    client: TestClient
    token: str


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    return make_app(tmp_path_factory.mktemp("forms-bad-input"))


def _token(client: TestClient) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', client.get("/aanmelden").text)
    assert match is not None
    return match.group(1)


@pytest.fixture(scope="module")
def visitors(app: FastAPI) -> dict[bool, Visitor]:
    """The anonymous visitor (False) and a logged-in promoter with one saved plan (True)."""
    anonymous = new_client(app)
    promoter = logged_in(app, ANNA)
    assert save_new(promoter, bik_text()).status_code == 303
    return {False: Visitor(anonymous, _token(anonymous)), True: Visitor(promoter, _token(promoter))}


def form_fields(visitor: Visitor, target: Target) -> Fields:
    """The fields of the target's form on its page (of every POST form there when none posts
    to the target) and its extra fields; always the CSRF field."""
    types: dict[str, str] = {CSRF: "hidden", **dict(target.extra_fields)}
    values: dict[str, list[str]] = {}
    if target.form_page is not None:
        parser = _Forms()
        parser.feed(visitor.client.get(target.form_page).text)
        mine = [form for form in parser.forms if form[0] in target.paths]
        for _, named, given in mine or parser.forms:
            types.update(named)
            for name, items in given.items():
                values.setdefault(name, []).extend(items)
    return Fields(types, values)


def existing(visitor: Visitor, path: str) -> bool:
    return visitor.client.post(path, follow_redirects=False).status_code not in (404, 405)


def _yaml_text(document: Any) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


EXAMPLE_TEXTS = [path.read_text(encoding="utf-8") for path in EXAMPLES]
DEBRIS = (
    "id:", "people:", "- ", "[", "{", "}", ":", "&a ", "*a", "!!binary ", "? ", "---", "\t", "'",
    "1e400", ".nan", "NaN", "-0,5", "12,50", "2.100,50", "9" * 400, "\ufeff", "\x00", "é", "€",
    "<script>", "{{ 7*7 }}", "%(x)s", "../../etc/passwd", "2006-13", "=1/0", "\r\n",
)  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(DEBRIS), max_size=30).map("".join),
    st.sampled_from(EXAMPLE_TEXTS),
    st.sampled_from(EXAMPLE_TEXTS).map(lambda text: text.replace(": ", ":: ", 3)),
    initiative_documents().map(_yaml_text),
    initiative_documents().map(lambda document: json.dumps(document, ensure_ascii=False)),
    st.integers(1, 200_000).map(lambda size: "x" * size),
)
NAMES = st.one_of(
    st.sampled_from(["text", "file", "document", "csrf", "draft", "step", "go", "reform", "set"]),
    st.text(min_size=1, max_size=20),
)
CONTENT_TYPES = (
    "multipart/form-data",
    "multipart/form-data; boundary=",
    "multipart/form-data; boundary=zz",
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=utf-16",
    "application/json",
    "text/plain; charset=latin-1",
    "image/png",
    "",
)


FILE_BYTES = st.one_of(
    st.binary(max_size=2000),
    TEXTS.map(str.encode),
    st.just(people_template_xlsx("nl")),
    st.tuples(
        st.just(people_template_xlsx("en")), st.integers(0, 5000), st.binary(max_size=50)
    ).map(lambda parts: parts[0][: parts[1]] + parts[2] + parts[0][parts[1] + len(parts[2]) :]),
)


@st.composite
def requests(draw: st.DrawFn, fields: Fields, token: str) -> dict[str, Any]:
    """The keyword arguments of one `client.post`: a form, a multipart form or raw bytes."""
    kind = draw(st.sampled_from(["form", "multipart", "raw"]))
    if kind == "raw":
        content = draw(st.one_of(st.binary(max_size=2000), TEXTS.map(str.encode)))
        return {
            "content": content,
            "headers": {"content-type": draw(st.sampled_from(CONTENT_TYPES))},
        }
    known = sorted(name for name, type_ in fields.types.items() if type_ != "file")
    names = draw(st.lists(st.one_of(st.sampled_from(known), NAMES), max_size=8))
    data: dict[str, Any] = {}
    for name in names:
        # The page's own value (a valid draft, a button's action) or anything else.
        own = fields.values.get(name)
        values = st.one_of(st.sampled_from(own), TEXTS) if own else TEXTS
        data[name] = draw(st.one_of(values, st.lists(values, max_size=3)))
    if draw(st.booleans()):
        data[CSRF] = token
    if kind == "form":
        return {"data": data}
    file_fields = sorted(name for name, type_ in fields.types.items() if type_ == "file")
    files = {
        draw(st.sampled_from(file_fields or ["file"])): (
            draw(st.sampled_from(["plan.yaml", "plan.json", "people.xlsx", "", "../x", "é.txt"])),
            draw(FILE_BYTES),
            draw(st.sampled_from(["application/octet-stream", "text/yaml", "", "x/y"])),
        )
        for _ in range(draw(st.integers(0, 2)))
    }
    # httpx sends a multipart body only with files; an empty file keeps it multipart.
    return {"data": data, "files": files or {"_": ("", b"", "text/plain")}}


def assert_handled(response: Response) -> None:
    assert response.status_code < 500, (response.status_code, response.text[:2000])
    assert "Traceback" not in response.text


@pytest.mark.parametrize("name", list(TARGETS))
def test_random_and_malformed_bodies_never_give_a_server_error(
    visitors: dict[bool, Visitor], name: str
) -> None:
    target = TARGETS[name]
    visitor = visitors[target.logged_in]
    if not existing(visitor, target.paths[0]):
        pytest.skip(f"{target.paths[0]} does not exist yet")
    fields = form_fields(visitor, target)

    @given(path=st.sampled_from(target.paths), request=requests(fields, visitor.token))
    def post_anything(path: str, request: dict[str, Any]) -> None:
        assert_handled(visitor.client.post(path, follow_redirects=False, **request))

    post_anything()


@pytest.mark.parametrize("name", list(TARGETS))
def test_a_field_and_a_file_larger_than_the_limit_are_refused_without_a_server_error(
    visitors: dict[bool, Visitor], name: str
) -> None:
    target = TARGETS[name]
    visitor = visitors[target.logged_in]
    if not existing(visitor, target.paths[0]):
        pytest.skip(f"{target.paths[0]} does not exist yet")
    types = form_fields(visitor, target).types
    texts = [name for name, kind in types.items() if kind not in ("file", "hidden")] or ["text"]
    files = [name for name, kind in types.items() if kind == "file"] or ["file"]
    # Above the size of an initiative file, within the size of a form (over it: a 413 page,
    # tests/web/test_form_limits.py).
    huge = "x" * (DOCUMENT_BYTES + 1)
    data = {texts[0]: huge, CSRF: visitor.token}
    assert_handled(visitor.client.post(target.paths[0], data=data, follow_redirects=False))
    upload = {files[0]: ("plan.yaml", huge.encode(), "text/yaml")}
    assert_handled(
        visitor.client.post(
            target.paths[1], data={CSRF: visitor.token}, files=upload, follow_redirects=False
        )
    )


@given(workbook=people_workbooks(), path=st.sampled_from(TARGETS["wizard_people"].paths))
def test_generated_people_workbooks_imported_in_the_wizard_never_give_a_server_error(
    visitors: dict[bool, Visitor], workbook: bytes, path: str
) -> None:
    # The wizard's own draft (from its first page), then a workbook of any cells.
    visitor = visitors[False]
    fields = form_fields(visitor, TARGETS["wizard_people"])
    if "draft" not in fields.values or not existing(visitor, path):
        pytest.skip("the wizard has no people import (yet)")
    data = {"draft": fields.values["draft"][0], "step": "3", "go": "refresh"}
    files = {"people_file": ("personen.xlsx", workbook, "application/octet-stream")}
    response = visitor.client.post(path, data=data, files=files, follow_redirects=False)
    assert_handled(response)
    assert response.status_code in (200, 422)


# --- Documents that once took the server down (issue 9): answered at once, and small --------


def alias_bomb(levels: int = 11) -> str:
    """A YAML document of nested aliases: each level nine of the one before (9¹¹ values)."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


BOMB = alias_bomb()
# Where a document is pasted (field) or uploaded (file): (path, field, is it a file).
DOCUMENT_POSTS = [
    ("/plan", "text", False),
    ("/en/plan", "file", True),
    ("/nieuw", "document", False),
    ("/en/new", "document", False),
    ("/vergelijken", "text", False),
    ("/en/compare", "file", True),
]


def post_document(client: TestClient, path: str, field: str, is_file: bool, text: str) -> Response:
    if is_file:
        return client.post(path, files={field: ("plan.yaml", text.encode(), "text/yaml")})
    return client.post(path, data={field: text})


@pytest.fixture
def nothing_built(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail the test if the YAML reader starts building values from a composed document: the
    bomb must be refused by the walk over its nodes, before any of its 9¹¹ values exists."""

    def never(*args: object, **kwargs: object) -> Any:
        raise AssertionError("a value was built from the alias bomb")

    monkeypatch.setattr(safe_documents._Loader, "construct_document", never)
    yield


def test_the_alias_bomb_is_400_to_600_bytes() -> None:
    assert 400 <= len(BOMB.encode()) <= 600


@pytest.mark.usefixtures("nothing_built")
@pytest.mark.parametrize(("path", "field", "is_file"), DOCUMENT_POSTS)
def test_a_yaml_alias_bomb_is_refused_at_once_with_the_alias_message_in_a_small_page(
    client: TestClient, path: str, field: str, is_file: bool
) -> None:
    with python_peak() as growth:
        response = post_document(client, path, field, is_file, BOMB)
    assert response.status_code == 422
    assert growth.peak_bytes < 20 * MEGABYTE  # the bomb was never expanded
    assert len(response.content) < 50_000
    dutch = not path.startswith("/en/")
    message = "aliassen zijn niet toegelaten" if dutch else "aliases are not allowed"
    assert message in html.unescape(response.text)


@pytest.mark.usefixtures("nothing_built")
def test_a_yaml_alias_bomb_uploaded_to_the_ranking_is_a_small_422(client: TestClient) -> None:
    with python_peak() as growth:
        response = client.post(
            "/rangschikking",
            data={"source": "own", "youth": "0,5", "general": "0,5"},
            files={"file": ("bom.csv", BOMB.encode(), "text/csv")},
        )
    assert response.status_code == 422  # a CSV, not YAML: its header is not known
    assert growth.peak_bytes < 20 * MEGABYTE  # the bomb was never expanded
    assert len(response.content) < 50_000


def many_keys(count: int = 60_000) -> str:
    return "{" + ",".join(f'"k{n}":{n}' for n in range(count)) + "}"


class CountedKey(str):
    """A key that counts how often it is compared for equality with another key."""

    comparisons = 0

    def __eq__(self, other: object) -> bool:
        CountedKey.comparisons += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


@pytest.mark.parametrize(("path", "field", "is_file"), DOCUMENT_POSTS)
def test_a_pasted_json_of_60_000_keys_is_answered_naming_the_problem(
    client: TestClient, path: str, field: str, is_file: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The duplicate-key check was quadratic (58 s): each key compared with every earlier one.
    # It must look each key up by its hash instead, at most about one comparison per key.
    checked: list[int] = []
    unique_keys = safe_documents._unique_keys

    def counted(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        checked.append(len(pairs))
        unique_keys([(CountedKey(key), value) for key, value in pairs])  # counted, then read
        return unique_keys(pairs)

    monkeypatch.setattr(safe_documents, "_unique_keys", counted)
    CountedKey.comparisons = 0
    text = many_keys()
    assert len(text.encode()) < DOCUMENT_BYTES
    response = post_document(client, path, field, is_file, text)
    assert response.status_code == 422
    assert 60_000 in checked
    assert CountedKey.comparisons <= sum(checked)
    page = html.unescape(response.text)
    if path in ("/nieuw", "/en/new"):
        assert "k0" in page and ("is geen bekend veld" in page or "is not a known field" in page)
        # The wizard lists the first problems and counts the rest (never 60 000 lines).
        assert "andere problemen" in page or "other problems" in page
    else:
        # The plan and compare pages read the file whole: a mapping of too many fields is
        # refused as such (model/loading.py), in one line.
        message = (
            f"has 60000 fields; at most {MAPPING_KEYS} are allowed"
            if path.startswith("/en/")
            else f"heeft 60000 velden; hoogstens {MAPPING_KEYS} toegelaten"
        )
        assert message in page
