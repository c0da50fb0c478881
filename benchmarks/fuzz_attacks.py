"""The attack families of issue 9 ("no request can take the server down") as plain requests.

Each family is a function returning `Attack`s: one HTTP request each, with what a safe server
must answer. `benchmarks/fuzz.py` (`make fuzz`) sends them all to a real server on loopback and
measures time, answer size, the server's memory and a concurrent client's latency;
`tests/test_attack_families.py` sends one or two of each family in-process. Both build their
bodies here, so the suite and the long run attack the same way.

- `alias`: YAML alias bombs of 400-600 bytes (lists, mappings, merge keys, a bomb inside a
  valid initiative) and deeply nested JSON/YAML at every endpoint that takes a document.
- `numbers`: 1e1000000, 1e309, NaN, Infinity, 40 digits, -0 … in the wizard, the ranking, the
  API and the comparison's parameter change.
- `unicode`: lone surrogates, invalid UTF-8, RTL override, NUL; a non-Latin-1 `next` at login.
- `form_bodies`: form bodies of 2 × FORM_BYTES, with and without Content-Length, urlencoded and
  multipart; API bodies of 2 × their limit.
- `excel`: workbooks with too many cells, a shared-string bomb, deep XML, an XML entity bomb,
  a part that unzips to 120 MB.
- `big`: 10 000-person documents (YAML and JSON), 1 000 and 201 people, long horizons,
  portfolios past their limits, 10 000 ranking rows.

An attack's form may hold placeholders (`DRAFT`: the wizard's hidden draft, read from the
wizard's page; `CSRF`: the session's token; `EMAIL`, `PASSWORD`: an account's); the sender
fills them in (`fill`).
"""

from __future__ import annotations

import copy
import functools
import html
import io
import itertools
import json
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from klaverblad.model.limits import API_BODY_BYTES, FORM_BYTES, FORM_FIELDS, PORTFOLIO_BODY_BYTES

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
BIK = "bik-klusjesdienst"
# Placeholders the sender fills in (`fill`): the wizard's hidden draft, the session's CSRF
# token, and the e-mail and password of the account the run logs in with.
DRAFT, CSRF = "\x00draft\x00", "\x00csrf\x00"
EMAIL, PASSWORD = "\x00email\x00", "\x00password\x00"
# Who sends the request: a visitor with a cookie, a new visitor (logs in first when the attack
# is a login), or a logged-in promoter.
ANONYMOUS, FRESH, USER = "anonymous", "fresh", "user"
MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class Attack:
    """One request and what it must get.

    `refuse`: the answer must be a 4xx (413 included); else any answer but a 5xx will do (an
    odd but valid value, such as an RTL mark in a name, may be accepted). `names`: words of
    which at least one must be in the answer (the field the problem is about), checked in its
    first 64 kB. `forbid`: regular expressions that must not match it (a traceback, `nan`)."""

    family: str
    name: str
    method: str
    path: str
    data: dict[str, str] | None = None
    files: dict[str, tuple[str, bytes, str]] | None = None
    json_body: Any = None
    content: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    chunked: bool = False  # send `content` without Content-Length (Transfer-Encoding: chunked)
    session: str = ANONYMOUS
    refuse: bool = True
    names: tuple[str, ...] = ()
    forbid: tuple[str, ...] = (r"Traceback \(most recent call last\)",)

    def body_size(self) -> int:
        if self.content is not None:
            return len(self.content)
        if self.files:
            return sum(len(part[1]) for part in self.files.values())
        if self.data:
            return sum(len(value) for value in self.data.values())
        return len(json_bytes(self)) if self.json_body is not None else 0


def fill(attack: Attack, placeholders: dict[str, str]) -> dict[str, Any]:
    """The keyword arguments of `httpx.Client.request` (or a TestClient's) for `attack`, the
    placeholders (DRAFT, CSRF, EMAIL, PASSWORD) of its form replaced by their values."""
    kwargs: dict[str, Any] = {"headers": dict(attack.headers)}
    if attack.data is not None:
        kwargs["data"] = {key: placeholders.get(value, value) for key, value in attack.data.items()}
    if attack.files is not None:
        kwargs["files"] = attack.files
    if attack.json_body is not None:  # encoded here, so that a timer around the send skips it
        kwargs["content"] = json_bytes(attack)
        kwargs["headers"].setdefault("content-type", "application/json")
    if attack.content is not None:
        body = attack.content
        kwargs["content"] = _chunks(body) if attack.chunked else body
    return kwargs


def json_bytes(attack: Attack) -> bytes:
    return json.dumps(attack.json_body).encode()


def _chunks(body: bytes, size: int = 256 * 1024) -> Iterator[bytes]:
    for start in range(0, len(body), size):
        yield body[start : start + size]


def read_draft(page: str) -> str:
    """The wizard's hidden draft (JSON) from its HTML page."""
    found = re.search(r'name="draft"\s+value="([^"]*)"', page) or re.search(
        r'value="([^"]*)"\s+name="draft"', page
    )
    if found is None:
        raise ValueError("the wizard's page has no hidden draft field")
    return html.unescape(found.group(1))


def read_csrf(page: str) -> str:
    found = re.search(r'name="csrf"\s+value="([^"]+)"', page)
    return found.group(1) if found else ""


# --- Documents --------------------------------------------------------------------------------


class _TextDates(yaml.SafeLoader):
    """A safe loader that keeps dates as text, as a JSON client sends them."""


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@functools.cache
def _bik_cached() -> tuple[str, str]:
    text = (EXAMPLES / f"{BIK}.yaml").read_text("utf-8")
    return text, json.dumps(yaml.load(text, Loader=_TextDates))


def bik_text() -> str:
    """The BIK example as written (YAML)."""
    return _bik_cached()[0]


def bik() -> dict[str, Any]:
    """A fresh copy of the BIK example as a JSON client sends it (dates as text)."""
    data: dict[str, Any] = json.loads(_bik_cached()[1])
    return data


def with_raw(
    document: dict[str, Any], setter: Callable[[dict[str, Any], str], None], raw: str
) -> str:
    """The document as JSON text with `raw` written as it is (a bare number token such as
    1e1000000 that `json.dumps` cannot write) where `setter` puts a placeholder."""
    marker = "@@raw@@"
    document = copy.deepcopy(document)
    setter(document, marker)
    return json.dumps(document).replace(json.dumps(marker), raw)


# --- Alias bombs ------------------------------------------------------------------------------


def _padded(text: str, low: int = 400, high: int = 600) -> str:
    if len(text.encode()) < low:
        text += "# " + "x" * (low - len(text.encode()) - 3) + "\n"
    if not low <= len(text.encode()) <= high:
        raise ValueError(f"an alias bomb of {len(text.encode())} bytes, not {low}-{high}")
    return text


def alias_bombs() -> dict[str, str]:
    """YAML documents of 400-600 bytes whose aliases expand to billions of nodes."""
    levels = "abcdefghi"
    lists = "a: &a [" + ",".join(["lol"] * 9) + "]\n"
    for previous, name in itertools.pairwise(levels):
        lists += f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]\n"
    mappings = "a: &a {" + ", ".join(f"k{i}: lol" for i in range(9)) + "}\n"
    for previous, name in itertools.pairwise(levels):
        mappings += f"{name}: &{name} {{" + ", ".join(f"k{i}: *{previous}" for i in range(9))
        mappings += "}\n"
    merges = "a: &a {" + ", ".join(f"k{i}: [lol,lol,lol,lol,lol,lol,lol,lol]" for i in range(4))
    merges += "}\n"
    for previous, name in itertools.pairwise(levels):
        merges += f"{name}: &{name} {{<<: *{previous}, " + ", ".join(
            f"m{i}: *{previous}" for i in range(6)
        )
        merges += "}\n"
    # Inside a plausible initiative: a field whose value is the expansion (an error message that
    # echoes the value would print all of it).
    inner = "x: &a [" + ",".join(["lolz"] * 10) + "]\n"
    for previous, name in zip("abcdefg", "bcdefgh", strict=False):
        inner += f"{name}: &{name} [" + ",".join([f"*{previous}"] * 10) + "]\n"
    inner = inner.replace("x: &a", "_: &a", 1)
    initiative = (
        "id: *h\nname: bomb\npromoter: {name: *h, legal_form: vzw, municipality: Kortrijk}\n"
        "horizon: {start: 2006-01, months: 12}\npeople: []\n"
    )
    return {
        "lists": _padded(lists[:600] if len(lists) <= 600 else _shrink(lists)),
        "mappings": _padded(_shrink(mappings)),
        "merge_keys": _padded(_shrink(merges)),
        "in_initiative": _padded(inner + initiative),
    }


def _shrink(text: str, high: int = 600) -> str:
    """Drop whole lines from the end until the bomb fits in `high` bytes (fewer levels)."""
    lines = text.splitlines(keepends=True)
    while len("".join(lines).encode()) > high:
        lines.pop()
    return "".join(lines)


def deep_json(depth: int = 100_000) -> str:
    return "[" * depth + "]" * depth


def deep_yaml(depth: int = 50_000) -> str:
    return "people: " + "[" * depth + "]" * depth + "\n"


def _document_attacks(shape: str, text: str) -> list[Attack]:
    """The document `text` at every endpoint that takes one."""
    raw = text.encode()
    found: list[Attack] = []
    for path in ("/plan", "/en/plan"):
        found.append(Attack("alias", f"{shape} {path} text", "POST", path, data={"text": text}))
        found.append(
            Attack(
                "alias",
                f"{shape} {path} file",
                "POST",
                path,
                files={"file": ("bomb.yaml", raw, "application/x-yaml")},
            )
        )
    found += [
        Attack("alias", f"{shape} /nieuw document", "POST", "/nieuw", data={"document": text}),
        Attack("alias", f"{shape} /en/new document", "POST", "/en/new", data={"document": text}),
        Attack(
            "alias",
            f"{shape} /nieuw draft",
            "POST",
            "/nieuw",
            data={"draft": text, "step": "1", "go": "next"},
        ),
        # The result panel (htmx, which swaps only 2xx answers) answers 200 with "the draft
        # cannot be read".
        Attack(
            "alias",
            f"{shape} /nieuw/resultaat draft",
            "POST",
            "/nieuw/resultaat",
            data={"draft": text, "step": "1"},
            refuse=False,
        ),
        Attack("alias", f"{shape} /vergelijken text", "POST", "/vergelijken", data={"text": text}),
        Attack(
            "alias",
            f"{shape} /vergelijken file",
            "POST",
            "/vergelijken",
            files={"file": ("bomb.yaml", raw, "application/x-yaml")},
        ),
        Attack(
            "alias",
            f"{shape} /plan/export/pdf text",
            "POST",
            "/plan/export/pdf",
            data={"text": text},
        ),
        Attack(
            "alias",
            f"{shape} /rangschikking file",
            "POST",
            "/rangschikking",
            data={"source": "own"},
            files={"file": ("bomb.csv", raw, "text/csv")},
        ),
        Attack(
            "alias",
            f"{shape} /mijn-plannen document",
            "POST",
            "/mijn-plannen",
            data={"document": text, "csrf": CSRF},
            session=USER,
        ),
        Attack(
            "alias",
            f"{shape} /api/plan string",
            "POST",
            "/api/plan",
            json_body={"initiative": text},
        ),
        Attack(
            "alias",
            f"{shape} /api/explain string",
            "POST",
            "/api/explain",
            json_body={"initiative": text, "lines": True},
        ),
        Attack(
            "alias",
            f"{shape} /api/optimise string",
            "POST",
            "/api/optimise",
            json_body={"initiative": text},
        ),
        Attack(
            "alias",
            f"{shape} /api/portfolio string",
            "POST",
            "/api/portfolio",
            json_body={"initiatives": [text]},
        ),
        Attack("alias", f"{shape} /api/rank csv", "POST", "/api/rank", json_body={"csv": text}),
    ]
    return found


def _named(attacks: list[Attack], alias: bool) -> list[Attack]:
    """What each refusal must name: the alias or the nesting in a document, `initiative` or
    `csv` in the API; nothing where the whole form is refused (the wizard's unreadable draft)."""
    named = []
    for attack in attacks:
        if attack.path.startswith("/api/rank") or attack.path == "/rangschikking":
            names: tuple[str, ...] = ("csv", "CSV")
        elif attack.path.startswith("/api/"):
            names = ("initiative",)
        elif "draft" in attack.name:
            names = ()
        else:
            names = ("alias",) if alias else ("nested", "deep", "diep")
        named.append(replace(attack, names=names))
    return named


def family_alias(quick: bool = False) -> list[Attack]:
    """Alias bombs and deep nesting at every endpoint that takes a document."""
    bombs = alias_bombs()
    if quick:
        bombs = {name: bombs[name] for name in ("lists", "in_initiative")}
    attacks: list[Attack] = []
    for shape, text in [*bombs.items(), ("deep_json", deep_json()), ("deep_yaml", deep_yaml())]:
        attacks += _named(_document_attacks(shape, text), shape in bombs)
    # The JSON equivalent of a bomb: a deeply nested initiative, and a deep body.
    deep = deep_json(50_000)
    for path in ("/api/plan", "/api/explain", "/api/optimise"):
        attacks.append(
            Attack(
                "alias",
                f"deep JSON initiative {path}",
                "POST",
                path,
                content=('{"initiative": ' + deep + ', "lines": true}').encode(),
                headers={"content-type": "application/json"},
            )
        )
    attacks.append(
        Attack(
            "alias",
            "deep JSON rows /api/rank",
            "POST",
            "/api/rank",
            content=('{"rows": ' + deep + "}").encode(),
            headers={"content-type": "application/json"},
        )
    )
    return attacks


# --- Numbers ----------------------------------------------------------------------------------

NUMBERS = (
    "1e1000000",
    "1e309",
    "NaN",
    "Infinity",
    "-Infinity",
    "1" * 40,
    "9" * 29 + ".99",
    "-0",
    "1e-1000000",
    "0x1F",
)
QUICK_NUMBERS = ("1e1000000", "1e309", "NaN", "1" * 40, "-0")
# Values a field may accept as they are (-0 is a zero; 29 nines are within 30 digits).
TOLERATED = ("-0", "9" * 29 + ".99")


def _person0(key: str) -> Callable[[dict[str, Any], str], None]:
    def put(document: dict[str, Any], value: str) -> None:
        document["people"][0][key] = value

    return put


def family_numbers(quick: bool = False) -> list[Attack]:
    """Numbers that are expensive or impossible to convert, at every reader of numbers."""
    numbers = QUICK_NUMBERS if quick else NUMBERS
    attacks: list[Attack] = []
    for raw in numbers:
        refuse = raw not in TOLERATED
        quoted = json.dumps(raw)
        for key in ("unemployed_months", "monthly_wage_cost", "fte"):
            as_text = with_raw(bik(), _person0(key), quoted)
            attacks.append(
                Attack(
                    "numbers",
                    f"{raw[:12]} {key} /nieuw document",
                    "POST",
                    "/nieuw",
                    data={"document": as_text},
                    refuse=refuse,
                    names=(key,),
                )
            )
        bare = with_raw(bik(), _person0("unemployed_months"), raw)
        attacks += [
            Attack(
                "numbers",
                f"{raw[:12]} unemployed_months (bare) /plan text",
                "POST",
                "/plan",
                data={"text": bare},
                refuse=refuse,
                names=("unemployed_months",),
            ),
            Attack(
                "numbers",
                f"{raw[:12]} wizard step people[0].unemployed_months",
                "POST",
                "/nieuw",
                data={
                    "draft": DRAFT,
                    "step": "3",
                    "go": "refresh",
                    "people[0].unemployed_months": raw,
                    "people[0].monthly_wage_cost": "2100",
                },
                refuse=refuse,
                names=("unemployed_months",),
            ),
            Attack(
                "numbers",
                f"{raw[:12]} wizard step horizon.months",
                "POST",
                "/nieuw",
                data={"draft": DRAFT, "step": "1", "go": "refresh", "horizon.months": raw},
                refuse=refuse,
                names=("horizon.months", "horizon"),
            ),
            # The result panel (htmx) answers 200 with the problems shown: htmx swaps only 2xx.
            Attack(
                "numbers",
                f"{raw[:12]} wizard panel horizon.months",
                "POST",
                "/nieuw/resultaat",
                data={"draft": DRAFT, "step": "1", "horizon.months": raw},
                refuse=False,
            ),
            Attack(
                "numbers",
                f"{raw[:12]} ranking youth weight",
                "GET",
                f"/rangschikking?youth={raw}&general=0.5",
                refuse=refuse,
                names=("youth", "jongeren", "gewicht"),
            ),
            Attack(
                "numbers",
                f"{raw[:12]} ranking budget",
                "GET",
                f"/rangschikking?youth=0.5&general=0.5&budget={raw}",
                refuse=refuse,
                names=("budget",),
            ),
            Attack(
                "numbers",
                f"{raw[:12]} /api/rank weights",
                "POST",
                "/api/rank",
                json_body={"weights": {"youth": raw, "general": "0.5"}, "csv": _ranking_csv(3)},
                refuse=refuse,
                names=("weights",),
            ),
            Attack(
                "numbers",
                f"{raw[:12]} /api/rank budget",
                "POST",
                "/api/rank",
                json_body={"budget": raw, "csv": _ranking_csv(3)},
                refuse=refuse,
                names=("budget",),
            ),
            Attack(
                "numbers",
                f"{raw[:12]} /api/plan monthly_wage_cost text",
                "POST",
                "/api/plan",
                json_body={
                    "initiative": json.loads(with_raw(bik(), _person0("monthly_wage_cost"), quoted))
                },
                refuse=refuse,
                names=("monthly_wage_cost",),
            ),
            Attack(
                "numbers",
                f"{raw[:12]} /api/plan set (parameter change)",
                "POST",
                "/api/plan",
                json_body={
                    "initiative": bik(),
                    "set": [f"sine.herinschakelingsuitkering.amount={raw}@2006-07"],
                },
                refuse=refuse,
                names=("set[0]",),
            ),
            Attack(
                "numbers",
                f"{raw[:12]} /vergelijken set",
                "GET",
                f"/vergelijken?example={BIK}&set=sine.herinschakelingsuitkering.amount%3D{raw}%402006-07",
                refuse=refuse,
                names=("set", "herinschakelingsuitkering"),
            ),
        ]
        if raw not in ("NaN", "Infinity", "-Infinity", "0x1F"):  # not JSON number tokens
            body = '{"initiative": ' + with_raw(bik(), _person0("monthly_wage_cost"), raw) + "}"
            attacks.append(
                Attack(
                    "numbers",
                    f"{raw[:12]} /api/plan monthly_wage_cost bare number",
                    "POST",
                    "/api/plan",
                    content=body.encode(),
                    headers={"content-type": "application/json"},
                    refuse=refuse,
                    names=("monthly_wage_cost",),
                )
            )
    # Bare NaN and Infinity in the JSON body itself, and months past any horizon.
    for raw in ("NaN", "Infinity", "1e309"):
        body = '{"initiative": ' + json.dumps(bik()) + ', "months": ' + raw + "}"
        attacks.append(
            Attack(
                "numbers",
                f"{raw} /api/plan months bare",
                "POST",
                "/api/plan",
                content=body.encode(),
                headers={"content-type": "application/json"},
                names=("months", "NaN", "Infinity", "JSON"),
            )
        )
    # Dates at the ends of the calendar and a horizon in 1900: no 5xx, no `nan` in any alert.
    for start in ("1900-01", "0001-01", "9999-01"):
        document = bik()
        document["horizon"]["start"] = start
        attacks.append(
            Attack(
                "numbers",
                f"horizon {start} /api/plan",
                "POST",
                "/api/plan",
                json_body={"initiative": document},
                refuse=False,
                forbid=(r"\bnan\b", r"Traceback"),
            )
        )
    for birth in ("0001-01-01", "9999-12-31"):
        document = bik()
        document["people"][0]["birth_date"] = birth
        attacks.append(
            Attack(
                "numbers",
                f"birth_date {birth} /api/plan",
                "POST",
                "/api/plan",
                json_body={"initiative": document},
                refuse=False,
                forbid=(r"\bnan\b", r"Traceback"),
            )
        )
    return attacks


def _ranking_csv(rows: int) -> str:
    lines = ["municipality,youth_unemployment_rate,general_unemployment_rate"]
    lines += [f"Gemeente {i},{10 + i % 7}.5,{5 + i % 5}.25" for i in range(rows)]
    return "\n".join(lines) + "\n"


# --- Unicode ----------------------------------------------------------------------------------


def _raw_json(document: Any, where: Callable[[Any, str], None], escape: str) -> bytes:
    """JSON bytes with the JSON escape `escape` (e.g. \\ud800, a lone surrogate) written raw."""
    marker = "@@esc@@"
    document = copy.deepcopy(document)
    where(document, marker)
    return json.dumps(document).replace(marker, escape).encode()


def family_unicode(quick: bool = False) -> list[Attack]:
    """Lone surrogates, invalid UTF-8, RTL override, NUL; odd `next` addresses at login."""
    json_type = {"content-type": "application/json"}
    attacks: list[Attack] = []

    def at_id(doc: Any, value: str) -> None:
        doc["initiative"]["id"] = value

    def at_name(doc: Any, value: str) -> None:
        doc["initiative"]["name"] = value

    def at_person(doc: Any, value: str) -> None:
        doc["initiative"]["people"][0]["id"] = value

    def at_promoter(doc: Any, value: str) -> None:
        doc["initiative"]["promoter"]["name"] = value

    escapes = {"lone surrogate": "\\ud800", "low surrogate": "x\\udfffy", "NUL": "a\\u0000b"}
    if quick:
        escapes = {"lone surrogate": "\\ud800", "NUL": "a\\u0000b"}
    fields = {"id": at_id, "name": at_name, "people[0].id": at_person, "promoter.name": at_promoter}
    for label, escape in escapes.items():
        # A NUL in a name is odd but harmless text; ids must refuse it.
        for key, where in fields.items():
            for path in ("/api/plan", "/api/explain"):
                body: dict[str, Any] = {"initiative": bik()}
                if path == "/api/explain":
                    body["lines"] = True
                attacks.append(
                    Attack(
                        "unicode",
                        f"{label} in {key} {path}",
                        "POST",
                        path,
                        content=_raw_json(body, where, escape),
                        headers=json_type,
                        refuse=label != "NUL" or "id" in key,
                        names=(key.split(".")[-1].split("[")[0],),
                    )
                )
        attacks += [
            Attack(
                "unicode",
                f"{label} in person /api/explain",
                "POST",
                "/api/explain",
                content=_raw_json(
                    {"initiative": bik(), "person": "@"},
                    lambda doc, value: doc.__setitem__("person", value),
                    escape,
                ),
                headers=json_type,
                refuse=label != "NUL",
                names=("person",),
            ),
            Attack(
                "unicode",
                f"{label} in rows /api/rank",
                "POST",
                "/api/rank",
                content=_raw_json(
                    {
                        "rows": [
                            {
                                "municipality": "@",
                                "youth_unemployment_rate": 10,
                                "general_unemployment_rate": 5,
                            }
                        ]
                    },
                    lambda doc, value: doc["rows"][0].__setitem__("municipality", value),
                    escape,
                ),
                headers=json_type,
                refuse=label != "NUL",
                names=("municipality", "rows"),
            ),
            Attack(
                "unicode",
                f"{label} in csv /api/rank",
                "POST",
                "/api/rank",
                content=_raw_json(
                    {"csv": "@"},
                    lambda doc, value: doc.__setitem__("csv", _ranking_csv(2) + value + ",10,5\n"),
                    escape,
                ),
                headers=json_type,
                refuse=label != "NUL",
                names=("csv", "municipality"),
            ),
            Attack(
                "unicode",
                f"{label} in portfolio id /api/portfolio",
                "POST",
                "/api/portfolio",
                content=_raw_json(
                    {"initiatives": [bik()]},
                    lambda doc, value: doc["initiatives"][0].__setitem__("id", value),
                    escape,
                ),
                headers=json_type,
                names=("id",),
            ),
        ]
    invalid_utf8 = b"\xff\xfe\xed\xa0\x80\xc0\xaf"
    text = bik_text()
    attacks += [
        Attack(
            "unicode",
            "invalid UTF-8 /api/plan body",
            "POST",
            "/api/plan",
            content=b'{"initiative": {"id": "' + invalid_utf8 + b'"}}',
            headers=json_type,
            names=("UTF-8", "utf-8"),
        ),
        Attack(
            "unicode",
            "invalid UTF-8 /plan file",
            "POST",
            "/plan",
            files={"file": ("bad.yaml", text.encode()[:200] + invalid_utf8, "application/x-yaml")},
            names=("UTF-8", "utf-8"),
        ),
        Attack(
            "unicode",
            "invalid UTF-8 /plan urlencoded",
            "POST",
            "/plan",
            content=b"text=id%3A+%FF%FE%ED%A0%80",
            headers={"content-type": "application/x-www-form-urlencoded"},
        ),
        Attack(
            "unicode",
            "invalid UTF-8 /vergelijken file",
            "POST",
            "/vergelijken",
            files={"file": ("bad.yaml", invalid_utf8 * 10, "application/x-yaml")},
            names=("UTF-8", "utf-8"),
        ),
        Attack(
            "unicode",
            "invalid UTF-8 /nieuw urlencoded document",
            "POST",
            "/nieuw",
            content=b"document=id%3A+%FF%FE%ED%A0%80",
            headers={"content-type": "application/x-www-form-urlencoded"},
        ),
        Attack(
            "unicode",
            "RTL override in name /plan text",
            "POST",
            "/plan",
            data={"text": text.replace("name: Klusjesdienst", "name: \u202eKlusjesdienst", 1)},
            refuse=False,
        ),
        Attack(
            "unicode",
            "RTL override in id /plan text",
            "POST",
            "/plan",
            data={"text": text.replace("id: bik-klusjesdienst", "id: bik\u202e-klusjesdienst", 1)},
            names=("id",),
        ),
        Attack(
            "unicode",
            "NUL in id /plan text",
            "POST",
            "/plan",
            data={"text": text.replace("id: bik-klusjesdienst", 'id: "bik\\0x"', 1)},
            names=("id",),
        ),
        Attack(
            "unicode",
            "NUL and RTL in wizard step name",
            "POST",
            "/nieuw",
            data={
                "draft": DRAFT,
                "step": "1",
                "go": "refresh",
                "name": "a\x00b\u202ec",
                "id": "x\x00y",
            },
            refuse=False,
        ),
    ]
    for next_path in (
        "/mijn-plannen?x=\u4e2d\u6587",
        "/\u4e2d",
        "/plannen/\udc80".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
        "//evil.example/\u20ac",
    ):
        attacks.append(
            Attack(
                "unicode",
                f"login next={next_path[:14]!r}",
                "POST",
                "/aanmelden",
                data={"email": EMAIL, "password": PASSWORD, "csrf": CSRF, "next": next_path},
                session=FRESH,
                refuse=False,
            )
        )
    attacks.append(
        Attack(
            "unicode",
            "login page ?next= non-Latin-1",
            "GET",
            "/aanmelden?next=%2F%E4%B8%AD%E6%96%87%ED%A0%80",
            refuse=False,
        )
    )
    return attacks


# --- Form bodies ------------------------------------------------------------------------------


def _multipart(
    name: str, value: bytes, boundary: str = "klaverbladfuzzboundary"
) -> tuple[bytes, str]:
    body = (
        (
            f"--{boundary}\r\n"
            f'Content-Disposition: form-data; name="{name}"; filename="big.yaml"\r\n'
            "Content-Type: application/x-yaml\r\n\r\n"
        ).encode()
        + value
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


def family_form_bodies(quick: bool = False) -> list[Attack]:
    """Form bodies of twice the limit, every way of sending them: 413 before they are read."""
    size = 2 * FORM_BYTES
    value = b"a" * size
    urlencoded = b"text=" + value
    multipart, multipart_type = _multipart("text", value)
    form_type = "application/x-www-form-urlencoded"
    attacks: list[Attack] = []
    for path in ("/nieuw", "/plan", "/vergelijken") if not quick else ("/nieuw", "/plan"):
        for kind, body, content_type in (
            ("urlencoded", urlencoded, form_type),
            ("multipart", multipart, multipart_type),
        ):
            for chunked in (False, True):
                how = "chunked" if chunked else "Content-Length"
                attacks.append(
                    Attack(
                        "form_bodies",
                        f"2×FORM_BYTES {kind} {how} {path}",
                        "POST",
                        path,
                        content=body,
                        headers={"content-type": content_type},
                        chunked=chunked,
                    )
                )
    fields = "&".join(f"f{i}=x" for i in range(FORM_FIELDS + 1)).encode()
    attacks.append(
        Attack(
            "form_bodies",
            f"{FORM_FIELDS + 1} fields /nieuw",
            "POST",
            "/nieuw",
            content=fields,
            headers={"content-type": form_type},
        )
    )
    api_body = b'{"initiative": {"name": "' + b"a" * (2 * API_BODY_BYTES) + b'"}}'
    json_type = {"content-type": "application/json"}
    for chunked in (False, True):
        how = "chunked" if chunked else "Content-Length"
        attacks.append(
            Attack(
                "form_bodies",
                f"2×API_BODY_BYTES {how} /api/plan",
                "POST",
                "/api/plan",
                content=api_body,
                headers=json_type,
                chunked=chunked,
            )
        )
    if not quick:
        portfolio = b'{"initiatives": ["' + b"a" * (2 * PORTFOLIO_BODY_BYTES) + b'"]}'
        attacks.append(
            Attack(
                "form_bodies",
                "2×PORTFOLIO_BODY_BYTES Content-Length /api/portfolio",
                "POST",
                "/api/portfolio",
                content=portfolio,
                headers=json_type,
            )
        )
    return attacks


# --- Excel bombs ------------------------------------------------------------------------------

SHEET = "xl/worksheets/sheet1.xml"
SHARED = "xl/sharedStrings.xml"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@functools.cache
def _template() -> bytes:
    from klaverblad.report.plan_xlsx import people_template_xlsx

    return people_template_xlsx("nl")


def workbook(replace_parts: dict[str, bytes], add: dict[str, bytes] | None = None) -> bytes:
    """The people template with some parts replaced (and some added), deflated."""
    source = zipfile.ZipFile(io.BytesIO(_template()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace_parts.get(info.filename, source.read(info)))
        for name, data in (add or {}).items():
            target.writestr(name, data)
    return out.getvalue()


def _header_row() -> bytes:
    sheet = zipfile.ZipFile(io.BytesIO(_template())).read(SHEET)
    found = re.search(rb"<row r=\"1\".*?</row>", sheet)
    assert found is not None
    return found.group(0)


def _sheet(rows: bytes) -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<worksheet xmlns="'
        + MAIN.encode()
        + b'"><sheetData>'
        + _header_row()
        + rows
        + b"</sheetData></worksheet>"
    )


def many_cells(rows: int = 7_000, columns: int = 16) -> bytes:
    letters = [chr(ord("A") + i) for i in range(columns)]
    body = b"".join(
        f'<row r="{r}">'.encode()
        + b"".join(f'<c r="{letter}{r}"><v>1</v></c>'.encode() for letter in letters)
        + b"</row>"
        for r in range(2, rows + 2)
    )
    return workbook({SHEET: _sheet(body)})


def shared_string_bomb(strings: int = 400_000) -> bytes:
    table = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + f'<sst xmlns="{MAIN}" count="{strings}" uniqueCount="{strings}">'.encode()
        + b"".join(f"<si><t>s{i}</t></si>".encode() for i in range(strings))
        + b"</sst>"
    )
    return workbook({SHARED: table})


def long_shared_strings(length: int = 1_000_000, cells: int = 3_000) -> bytes:
    """A few megabyte-long shared strings, referenced by many cells."""
    table = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + f'<sst xmlns="{MAIN}" count="2" uniqueCount="2">'.encode()
        + b"<si><t>"
        + b"x" * length
        + b"</t></si><si><t>"
        + b"y" * length
        + b"</t></si></sst>"
    )
    rows = b"".join(
        f'<row r="{r}"><c r="A{r}" t="s"><v>{r % 2}</v></c>'
        f'<c r="B{r}" t="s"><v>0</v></c></row>'.encode()
        for r in range(2, cells + 2)
    )
    return workbook({SHARED: table, SHEET: _sheet(rows)})


def deep_xml(depth: int = 200_000) -> bytes:
    deep = b'<row r="2"><c r="A2" t="inlineStr"><is>' + b"<r>" * depth + b"</r>" * depth
    return workbook({SHEET: _sheet(deep + b"</is></c></row>")})


def entity_bomb() -> bytes:
    entities = b'<!ENTITY a "lollollollollollollollollollol">'
    for previous, name in zip(b"abcdefgh", b"bcdefghi", strict=False):
        refs = (b"&" + bytes([previous]) + b";") * 10
        entities += b"<!ENTITY " + bytes([name]) + b' "' + refs + b'">'
    sheet = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE worksheet [' + entities + b"]>"
        b'<worksheet xmlns="'
        + MAIN.encode()
        + b'"><sheetData>'
        + _header_row()
        + b'<row r="2"><c r="A2" t="inlineStr"><is><t>&i;</t></is></c></row>'
        + b"</sheetData></worksheet>"
    )
    return workbook({SHEET: sheet})


def huge_part(megabytes: int = 120) -> bytes:
    """A workbook with one extra part that unzips to `megabytes` MB (about 0.1 % on disk)."""
    return workbook({}, {"xl/media/padding.bin": b"\0" * (megabytes * MEGABYTE)})


def huge_sheet(megabytes: int = 110) -> bytes:
    """The sheet itself unzipping to `megabytes` MB of whitespace inside a cell."""
    rows = b'<row r="2"><c r="A2" t="inlineStr"><is><t>' + b" " * (megabytes * MEGABYTE)
    return workbook({SHEET: _sheet(rows + b"</t></is></c></row>")})


def many_members(count: int = 15_000) -> bytes:
    return workbook({}, {f"xl/media/m{i}.bin": b"" for i in range(count)})


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXCEL_BOMBS: dict[str, Callable[[], bytes]] = {
    "many cells (112 000)": many_cells,
    "shared strings (400 000)": shared_string_bomb,
    "long shared strings (2 × 1 MB × 3 000 cells)": long_shared_strings,
    "deep XML (200 000 levels)": deep_xml,
    "XML entity bomb": entity_bomb,
    "part unzipping to 120 MB": huge_part,
    "sheet unzipping to 110 MB": huge_sheet,
    "15 000 zip members": many_members,
}
QUICK_EXCEL = ("many cells (112 000)", "shared strings (400 000)", "part unzipping to 120 MB")


@functools.cache
def excel_bomb(name: str) -> bytes:
    return EXCEL_BOMBS[name]()


def family_excel(quick: bool = False) -> list[Attack]:
    """Workbook bombs at the wizard's people import (field `people_file`)."""
    names = QUICK_EXCEL if quick else tuple(EXCEL_BOMBS)
    attacks = []
    for name in names:
        for path in (
            ("/nieuw/personen-inlezen",)
            if quick
            else (
                "/nieuw/personen-inlezen",
                "/en/new/import-people",
            )
        ):
            attacks.append(
                Attack(
                    "excel",
                    f"{name} {path}",
                    "POST",
                    path,
                    data={"draft": DRAFT, "step": "3"},
                    files={"people_file": ("bomb.xlsx", excel_bomb(name), XLSX_TYPE)},
                    names=("Excel",),
                )
            )
    return attacks


# --- Big documents ----------------------------------------------------------------------------


def many_people(count: int) -> dict[str, Any]:
    document = bik()
    person = document["people"][0]
    document["people"] = [{**person, "id": f"p{i}"} for i in range(count)]
    return document


@functools.cache
def _people_texts(count: int) -> tuple[str, str]:
    """The document of `count` people as compact JSON and as block YAML (the YAML written
    person by person from one dumped person: dumping 10 000 takes seconds)."""
    document = many_people(count)
    rest = {key: value for key, value in document.items() if key != "people"}
    person = yaml.safe_dump([{**document["people"][0], "id": "@@id@@"}], sort_keys=False)
    people = "".join(person.replace("@@id@@", f"p{i}") for i in range(count))
    as_yaml = yaml.safe_dump(rest, sort_keys=False) + "people:\n" + people
    return json.dumps(document, separators=(",", ":")), as_yaml


def family_big(quick: bool = False) -> list[Attack]:
    """Documents past the counts of the limits table: people, horizon, portfolio, ranking."""
    attacks: list[Attack] = []
    counts = (10_000, 201) if quick else (10_000, 1_000, 201)
    for count in counts:
        as_json, as_yaml = _people_texts(count)
        attacks += [
            Attack(
                "big",
                f"{count} people JSON /plan",
                "POST",
                "/plan",
                data={"text": as_json},
                names=("people",),
            ),
            Attack(
                "big",
                f"{count} people YAML /plan",
                "POST",
                "/plan",
                data={"text": as_yaml},
                names=("people",),
            ),
            Attack(
                "big",
                f"{count} people /api/plan",
                "POST",
                "/api/plan",
                content=('{"initiative":' + as_json + "}").encode(),
                headers={"content-type": "application/json"},
                names=("people",),
            ),
            Attack(
                "big",
                f"{count} people /plan/export/pdf",
                "POST",
                "/plan/export/pdf",
                data={"text": as_json},
                names=("people",),
            ),
            Attack(
                "big",
                f"{count} people /nieuw document",
                "POST",
                "/nieuw",
                data={"document": as_json},
                names=("people", "personen"),
            ),
        ]
    # The duplicate-key check of pasted JSON was quadratic (60 000 keys: 58 s).
    keys = "{" + ",".join(f'"k{i}":0' for i in range(60_000)) + "}"
    attacks += [
        Attack("big", "60 000 keys JSON /plan", "POST", "/plan", data={"text": keys}),
        Attack(
            "big",
            "60 000 keys JSON /api/plan",
            "POST",
            "/api/plan",
            content=('{"initiative":' + keys + "}").encode(),
            headers={"content-type": "application/json"},
        ),
    ]
    long = bik()
    long["horizon"]["months"] = 100_000
    attacks += [
        Attack(
            "big",
            "horizon 100 000 months /api/plan",
            "POST",
            "/api/plan",
            json_body={"initiative": long},
            names=("months",),
        ),
        Attack(
            "big",
            "months 100 000 override /api/plan",
            "POST",
            "/api/plan",
            json_body={"initiative": bik(), "months": 100_000},
            names=("months",),
        ),
        Attack(
            "big",
            "horizon 100 000 months /plan",
            "POST",
            "/plan",
            data={"text": json.dumps(long)},
            names=("months",),
        ),
    ]
    for key, item in (
        ("activities", "activities"),
        ("grants", "grants"),
        ("agreements", "agreements"),
    ):
        document = bik()
        first = document[item][0]
        document[item] = [
            {**first, **({"id": f"a{i}"} if "id" in first else {})} for i in range(5_000)
        ]
        attacks.append(
            Attack(
                "big",
                f"5 000 {key} /api/plan",
                "POST",
                "/api/plan",
                json_body={"initiative": document},
                names=(key,),
            )
        )
    small = bik()
    small["people"] = small["people"][:1]
    initiatives = [{**small, "id": f"i{i}"} for i in range(2_001)]
    attacks.append(
        Attack(
            "big",
            "portfolio of 2 001 initiatives",
            "POST",
            "/api/portfolio",
            json_body={"initiatives": initiatives},
            names=("initiatives",),
        )
    )
    heavy = many_people(12)
    heavy["horizon"]["months"] = 240
    attacks.append(
        Attack(
            "big",
            "portfolio of 1 000 × 12 people × 240 months",
            "POST",
            "/api/portfolio",
            json_body={"initiatives": [{**heavy, "id": f"h{i}"} for i in range(1_000)]},
            names=("initiatives", "person-months", "person"),
        )
    )
    rows = _ranking_csv(10_000)
    attacks += [
        Attack(
            "big",
            "10 000 ranking rows /api/rank",
            "POST",
            "/api/rank",
            json_body={"csv": rows},
            names=("csv", "rows", "1000"),
        ),
        Attack(
            "big",
            "10 000 ranking rows /rangschikking",
            "POST",
            "/rangschikking",
            data={"source": "own", "csv": rows},
            names=("csv", "1000", "1 000", "1.000"),
        ),
        Attack(
            "big",
            "10 000 people in the wizard draft",
            "POST",
            "/nieuw/resultaat",
            data={"draft": _draft_with_people(10_000), "step": "3"},
            refuse=False,
        ),
    ]
    return attacks


def _draft_with_people(count: int) -> str:
    person = {"values": {"id": "p", "fte": "1", "unemployed_months": "12"}, "defaults": []}
    return json.dumps({"top": {}, "defaults": [], "lists": {"people": [person] * count}})


FAMILIES: dict[str, Callable[[bool], list[Attack]]] = {
    "alias": family_alias,
    "numbers": family_numbers,
    "unicode": family_unicode,
    "form_bodies": family_form_bodies,
    "excel": family_excel,
    "big": family_big,
}
