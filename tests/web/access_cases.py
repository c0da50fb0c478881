"""The access matrix's table: for every route of the app (method and path template), the
request that exercises it and the answer each role gets, and the helpers that send a row's
request and check its answer. No tests of its own: test_access_matrix.py runs the table and
checks that it names every route of the app.

The roles: an anonymous visitor; Anna, promoter of organisation A (vzw BIK, Kortrijk), whose
saved plan the routes with `{initiative_id}` open; Bert, promoter of organisation B (vzw
Ander, Gent); the municipality of A's plan (Kortrijk) and another one (Gent); an analyst; an
admin. The expected answers follow docs/storage.md (roles) and the module docs of
web/routes/saved.py, mine.py and exports.py: a saved plan is read by its organisation,
its municipality, analysts and admins (anyone else gets the 404 of a missing plan), edited by
its organisation, analysts and admins (its municipality gets 403), and every computing page
is open to all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from httpx import Response
from starlette.routing import Mount

from klaverblad.locale import Language

Role = Literal[
    "anonymous",
    "promoter_a",
    "promoter_b",
    "municipality_a",
    "municipality_other",
    "analyst",
    "admin",
]
ROLES: tuple[Role, ...] = (
    "anonymous",
    "promoter_a",
    "promoter_b",
    "municipality_a",
    "municipality_other",
    "analyst",
    "admin",
)
# 303 to the login page of the request's language (with `next` back to the route).
LOGIN: Literal["login"] = "login"
# 401 with the login form itself, which carries the posted save through the login
# (pending_save.py): a save sent without a valid login is not lost.
LOGIN_FORM: Literal["login-form"] = "login-form"
Expected = int | Literal["login", "login-form"]

OPEN: dict[Role, Expected] = dict.fromkeys(ROLES, 200)
SIGNED_IN: dict[Role, Expected] = {**OPEN, "anonymous": LOGIN}
READ: dict[Role, Expected] = {**SIGNED_IN, "promoter_b": 404, "municipality_other": 404}
EDIT: dict[Role, Expected] = {
    "anonymous": LOGIN,
    "promoter_a": 303,
    "promoter_b": 404,
    "municipality_a": 403,
    "municipality_other": 404,
    "analyst": 303,
    "admin": 303,
}
SAVE_VERSION: dict[Role, Expected] = {**EDIT, "anonymous": LOGIN_FORM}
SAVE_NEW: dict[Role, Expected] = {
    **dict.fromkeys(ROLES, 303),
    "anonymous": LOGIN_FORM,
    "municipality_a": 403,
    "municipality_other": 403,
}
REDIRECTED: dict[Role, Expected] = dict.fromkeys(ROLES, 303)
# Who sees A's plan in a list (Mijn plannen, the portfolio): the roles that may read it.
SEES_A: frozenset[Role] = frozenset({"promoter_a", "municipality_a", "analyst", "admin"})

# A small initiative (one SINE worker, one activity, one grant): cheap to compute on every
# route; written out so that the roles' answers do not depend on an example's changes.
PLAN_FILE = """\
id: {id}
name: {name}
promoter: {{name: {promoter}, legal_form: vzw, municipality: {municipality}}}
recognitions: [lde]
horizon: {{start: 2006-01, months: 12}}
people:
  - {{id: w1, role: target, birth_date: 1968-03-15, diploma: lager_secundair, status: uvw,
     unemployed_months: 30, start_date: 2006-01-01, fte: 1.0, monthly_wage_cost: 2100.00,
     statute: sine}}
activities:
  - {{id: klussen, kind: klusjes, hours_per_month: 60, payment: pwa_cheque,
     price_per_hour: 4.95, client_group: kansarm}}
grants:
  - {{measure: lde, funder: Vlaams, amount_per_year: 8000.00}}
"""


def plan_file(plan_id: str, name: str, promoter: str = "vzw BIK", town: str = "Kortrijk") -> str:
    return PLAN_FILE.format(id=plan_id, name=name, promoter=promoter, municipality=town)


EXAMPLE = "maatwerk-strijkatelier-2024"  # the smallest example: cheap to compute
REFORM = "lde-koppeling-sine"


@dataclass(frozen=True)
class Body:
    """What a request sends besides its path."""

    params: dict[str, str] | None = None
    data: dict[str, str] | None = None
    json: Any = None
    files: dict[str, tuple[str, bytes, str]] | None = None


@dataclass
class World:
    """The saved data the requests use, filled in by the test module's fixture."""

    app: FastAPI
    plan_id: str  # A's saved plan (two versions at the start)
    plan_name: str  # a name no example has: it shows where A's plan is shown
    share_token: str
    plan_text: str  # A's initiative file
    initiative: dict[str, Any]  # the same, as the JSON object a client sends
    draft: dict[str, str]  # the wizard's hidden draft and step of A's plan (its review)
    people_xlsx: bytes  # the wizard's people template with one more worker
    ranking_csv: str
    emails: dict[Role, str]
    password: str
    current_version: Callable[[], int]


Build = Callable[[World, Role, Language], Body]


def _none(world: World, role: Role, language: Language) -> Body:
    return Body()


def _query(**params: str) -> Build:
    return lambda world, role, language: Body(params=params)


def _plan_json(world: World, role: Role, language: Language) -> Body:
    return Body(json={"initiative": world.initiative})


def _text(**extra: str) -> Build:
    return lambda world, role, language: Body(data={"text": world.plan_text, **extra})


def _document(world: World, role: Role, language: Language) -> Body:
    return Body(data={"document": world.plan_text})


def _draft(world: World, role: Role, language: Language) -> Body:
    return Body(data=world.draft)


def _people(world: World, role: Role, language: Language) -> Body:
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Body(data=world.draft, files={"people_file": ("mensen.xlsx", world.people_xlsx, xlsx)})


def _number_typed(world: World, role: Role, language: Language) -> Body:
    """A wage typed in the wizard, asked what it is read as (the live echo)."""
    return Body(
        data={"field": "people[0].monthly_wage_cost", "people[0].monthly_wage_cost": "3000"}
    )


def _ranking(world: World, role: Role, language: Language) -> Body:
    decimal = "0,5" if language == "nl" else "0.5"
    return Body(data={"source": "example", "youth": decimal, "general": decimal, "budget": "25000"})


def _credentials(world: World, role: Role, language: Language) -> Body:
    """The role's own account (the anonymous visitor logs in as promoter A)."""
    email = world.emails["promoter_a" if role == "anonymous" else role]
    return Body(data={"email": email, "password": world.password})


def _save_version(world: World, role: Role, language: Language) -> Body:
    expected = str(world.current_version())
    return Body(data={"document": world.plan_text, "expected_version": expected, "note": role})


def _restore(world: World, role: Role, language: Language) -> Body:
    return Body(data={"version": "1", "expected_version": str(world.current_version())})


def _share(world: World, role: Role, language: Language) -> Body:
    return Body(data={"action": "share"})


def _new_plan(world: World, role: Role, language: Language) -> Body:
    plan_id = f"nieuw-{language}-{role.replace('_', '-')}"
    return Body(data={"document": plan_file(plan_id, f"Nieuw plan {role}")})


@dataclass(frozen=True)
class Case:
    """One route (its Dutch and English templates, or one path) and its answers per role."""

    method: str
    paths: tuple[str, ...]
    expected: Mapping[Role, Expected]
    build: Build = _none
    fmt: str = ""  # the {fmt} of an export route
    csrf: bool = False  # a form that changes state: sent with the role's token
    writes: bool = False  # changes the store on success (checked before and after)
    fresh_session: bool = False  # logs in or out: a client of its own per request
    lists_plans: bool = False  # a 200 shows A's plan exactly to the roles in SEES_A

    def path(self, template: str, world: World) -> str:
        return template.format(
            initiative_id=world.plan_id,
            token=world.share_token,
            example=EXAMPLE,
            fmt=self.fmt,
            table="leaves",
            parameter="art60.leefloon_cat3",
            reform="sine-uitbreiding",
            path="klaverblad.css",
        )


def _explain(world: World, role: Role, language: Language) -> Body:
    return Body(json={"initiative": world.initiative, "line": 0})


def _portfolio(world: World, role: Role, language: Language) -> Body:
    return Body(json={"initiatives": [world.initiative]})


def _multi_year_plan(world: World, role: Role, language: Language) -> Body:
    municipality = world.initiative["promoter"]["municipality"]
    return Body(json={"initiatives": [world.initiative], "municipality": municipality})


def _rank(world: World, role: Role, language: Language) -> Body:
    return Body(json={"csv": world.ranking_csv, "budget": "25000"})


def _optimise(world: World, role: Role, language: Language) -> Body:
    return Body(json={"initiative": world.initiative, "max_positions": {"sine": 1}})


def _compare(world: World, role: Role, language: Language) -> Body:
    return Body(json={"initiative": world.initiative, "reforms": ["sine-uitbreiding"]})


# The (Dutch, English) templates of the routes that take parameters or are used twice.
EXAMPLE_PLAN = ("/plan/voorbeeld/{example}", "/en/plan/example/{example}")
WIZARD = ("/nieuw", "/en/new")
WIZARD_RESULT = ("/nieuw/resultaat", "/en/new/result")
WIZARD_TEMPLATE = ("/nieuw/personen-sjabloon.xlsx", "/en/new/people-template.xlsx")
WIZARD_IMPORT = ("/nieuw/personen-inlezen", "/en/new/import-people")
WIZARD_CSV = ("/nieuw/tabel/{table}.csv", "/en/new/table/{table}.csv")
WIZARD_NUMBER = ("/nieuw/gelezen-als", "/en/new/read-as")
LOGIN_PAGE = ("/aanmelden", "/en/login")
MINE = ("/mijn-plannen", "/en/my-plans")
SAVED = ("/plannen/{initiative_id}", "/en/plans/{initiative_id}")
RESTORE = ("/plannen/{initiative_id}/herstellen", "/en/plans/{initiative_id}/restore")
SHARE = ("/plannen/{initiative_id}/delen", "/en/plans/{initiative_id}/share")
SHARED = ("/gedeeld/{token}", "/en/shared/{token}")
EXAMPLE_EXPORT = (
    "/plan/voorbeeld/{example}/export/{fmt}",
    "/en/plan/example/{example}/export/{fmt}",
)
SAVED_EXPORT = ("/plannen/{initiative_id}/export/{fmt}", "/en/plans/{initiative_id}/export/{fmt}")
SHARED_EXPORT = ("/gedeeld/{token}/export/{fmt}", "/en/shared/{token}/export/{fmt}")
CASHFLOW_EXAMPLE = (
    "/plan/voorbeeld/{example}/kasstroom",
    "/en/plan/example/{example}/cash-flow",
    "/plan/voorbeeld/{example}/kasstroom/csv",
    "/en/plan/example/{example}/cash-flow/csv",
)
CASHFLOW_SAVED = (
    "/plannen/{initiative_id}/kasstroom",
    "/en/plans/{initiative_id}/cash-flow",
    "/plannen/{initiative_id}/kasstroom/csv",
    "/en/plans/{initiative_id}/cash-flow/csv",
)
CASHFLOW_SHARED = (
    "/gedeeld/{token}/kasstroom",
    "/en/shared/{token}/cash-flow",
    "/gedeeld/{token}/kasstroom/csv",
    "/en/shared/{token}/cash-flow/csv",
)
CASHFLOW_POSTED = (
    "/plan/kasstroom",
    "/en/plan/cash-flow",
    "/plan/kasstroom/csv",
    "/en/plan/cash-flow/csv",
)
COMPARE = ("/vergelijken", "/en/compare")
COMPARE_CSV = ("/vergelijken/csv", "/en/compare/csv")
PORTFOLIO = ("/portefeuille", "/en/portfolio")
PORTFOLIO_CSV = ("/portefeuille/csv", "/en/portfolio/csv")
MULTI_YEAR = ("/portefeuille/meerjarenplan", "/en/portfolio/multi-year-plan")
MULTI_YEAR_DOWNLOADS = (
    "/portefeuille/meerjarenplan.xlsx",
    "/en/portfolio/multi-year-plan.xlsx",
    "/portefeuille/meerjarenplan.csv",
    "/en/portfolio/multi-year-plan.csv",
)
# A's municipality in the portfolio of each role: the examples hold Kortrijk too (BIK).
KORTRIJK_IN_PORTFOLIO: dict[Role, Expected] = {
    **OPEN,
    "promoter_b": 404,
    "municipality_other": 404,
}
PARAMETER_CSV = (
    "/maatregelen/parameters/{parameter}.csv",
    "/en/measures/parameters/{parameter}.csv",
)
REFORM_CSV = ("/maatregelen/hervormingen/{reform}.csv", "/en/measures/reforms/{reform}.csv")
RANKING = ("/rangschikking", "/en/ranking")
RANKING_CSV = ("/rangschikking.csv", "/en/ranking.csv")

CASES: tuple[Case, ...] = (
    # The JSON API and its description: computing only, open to all.
    Case("GET", ("/api/openapi.json",), OPEN),
    Case("GET", ("/api/docs",), OPEN),
    Case("GET", ("/docs/oauth2-redirect",), OPEN),
    Case("POST", ("/api/plan",), OPEN, _plan_json),
    Case("POST", ("/api/explain",), OPEN, _explain),
    Case("GET", ("/api/measures",), OPEN),
    Case("POST", ("/api/portfolio",), OPEN, _portfolio),
    Case("POST", ("/api/rank",), OPEN, _rank),
    Case("POST", ("/api/optimise",), OPEN, _optimise),
    Case("POST", ("/api/compare",), OPEN, _compare),
    Case("POST", ("/api/multi-year-plan",), OPEN, _multi_year_plan),
    Case("POST", ("/api/cashflow",), OPEN, _plan_json),
    # The start page, the examples and a posted file's plan.
    Case("GET", ("/", "/en/"), OPEN),
    Case("GET", EXAMPLE_PLAN, OPEN),
    Case("POST", ("/plan", "/en/plan"), OPEN, _text()),
    # The wizard.
    Case("GET", WIZARD, OPEN),
    Case("POST", WIZARD, OPEN, _document),
    Case("POST", WIZARD_RESULT, OPEN, _draft),
    Case("GET", WIZARD_TEMPLATE, OPEN),
    Case("POST", WIZARD_IMPORT, OPEN, _people),
    Case("POST", WIZARD_CSV, OPEN, _draft),
    Case("GET", WIZARD_NUMBER, OPEN, _query(kind="money", value="2.950")),
    Case("POST", WIZARD_NUMBER, OPEN, _number_typed),
    # Accounts.
    Case("GET", LOGIN_PAGE, OPEN),
    Case("POST", LOGIN_PAGE, REDIRECTED, _credentials, csrf=True, fresh_session=True),
    Case("POST", ("/afmelden", "/en/logout"), REDIRECTED, csrf=True, fresh_session=True),
    Case("GET", MINE, SIGNED_IN, lists_plans=True),
    Case("GET", ("/mijn-plannen/csv", "/en/my-plans/csv"), SIGNED_IN, lists_plans=True),
    # A's saved plan: read, shared, exported (PDF takes seconds: the other formats here).
    Case("GET", SAVED, READ),
    Case("GET", SHARED, OPEN),
    Case("GET", EXAMPLE_EXPORT, OPEN, fmt="csv"),
    Case("GET", SAVED_EXPORT, READ, fmt="yaml"),
    Case("GET", SAVED_EXPORT, READ, fmt="xlsx"),
    Case("GET", SAVED_EXPORT, READ, _query(table="history"), fmt="csv"),
    Case("GET", SHARED_EXPORT, OPEN, fmt="yaml"),
    Case("POST", ("/plan/export/{fmt}", "/en/plan/export/{fmt}"), OPEN, _text(), fmt="xlsx"),
    # The cash flow of a plan and its CSV: the plan's own access (web/routes/cashflow.py).
    Case("GET", CASHFLOW_EXAMPLE, OPEN, _query(beginsaldo="5000", dagen="60")),
    Case("GET", CASHFLOW_SAVED, READ),
    Case("GET", CASHFLOW_SHARED, OPEN),
    Case("POST", CASHFLOW_POSTED, OPEN, _text(dagen="60")),
    # Comparing, the portfolio, the measures, the examples, the ranking, static files.
    Case("GET", COMPARE, OPEN, _query(example=EXAMPLE, reform=REFORM)),
    Case("POST", COMPARE, OPEN, _text(reform=REFORM)),
    Case("GET", COMPARE_CSV, OPEN, _query(example=EXAMPLE, reform=REFORM, table="leaves")),
    Case("POST", COMPARE_CSV, OPEN, _text(reform=REFORM, table="leaves")),
    Case("GET", PORTFOLIO, OPEN, lists_plans=True),
    Case("GET", PORTFOLIO_CSV, OPEN, _query(table="initiatives"), lists_plans=True),
    Case("GET", MULTI_YEAR, OPEN, lists_plans=True),
    Case("GET", MULTI_YEAR_DOWNLOADS, KORTRIJK_IN_PORTFOLIO, _query(municipality="Kortrijk")),
    Case("GET", ("/maatregelen", "/en/measures"), OPEN),
    Case("GET", ("/maatregelen/parameters.csv", "/en/measures/parameters.csv"), OPEN),
    Case("GET", PARAMETER_CSV, OPEN),
    Case("GET", REFORM_CSV, OPEN),
    Case("GET", ("/voorbeelden", "/en/examples"), OPEN),
    Case("GET", ("/voorbeelden/{example}.csv", "/en/examples/{example}.csv"), OPEN),
    Case("GET", RANKING, OPEN, _query(budget="25000")),
    Case("POST", RANKING, OPEN, _ranking),
    Case("GET", RANKING_CSV, OPEN, _query(budget="25000")),
    Case("POST", RANKING_CSV, OPEN, _ranking),
    Case("GET", ("/static/{path}",), OPEN),
    # The source of the running version (AGPL-3.0 §13): open to all.
    Case("GET", ("/broncode", "/en/source"), OPEN),
    Case("GET", ("/broncode/klaverblad.tar.gz", "/en/source/klaverblad.tar.gz"), OPEN),
    # Writing, last: the portfolios above then compute only the fixture's two plans.
    Case("POST", SAVED, SAVE_VERSION, _save_version, csrf=True, writes=True),
    Case("POST", RESTORE, EDIT, _restore, csrf=True, writes=True),
    # Sharing A's plan again keeps its link (the matrix's share link stays valid throughout).
    Case("POST", SHARE, EDIT, _share, csrf=True),
    Case("POST", MINE, SAVE_NEW, _new_plan, csrf=True, writes=True),
)


def app_routes(app: FastAPI) -> set[tuple[str, str]]:
    """(method, path template) of every route the app serves (HEAD left out: it follows GET);
    a mounted folder is ("GET", "<mount>/{path}")."""
    found: set[tuple[str, str]] = set()
    for context in iter_route_contexts(app.routes):
        if isinstance(context.original_route, Mount):
            found.add(("GET", f"{context.path}/{{path}}"))
            continue
        assert context.path is not None, context
        for method in context.methods or ():
            if method != "HEAD":
                found.add((method, context.path))
    return found


def table_routes(cases: Iterable[Case] = CASES) -> set[tuple[str, str]]:
    return {(case.method, path) for case in cases for path in case.paths}


def case_id(case: Case, template: str) -> str:
    """`GET /plannen/{initiative_id}/export/yaml`: the method and template, the format filled."""
    return f"{case.method} {template.replace('{fmt}', case.fmt) if case.fmt else template}"


def language_of(template: str) -> Language:
    return "en" if template.startswith("/en/") else "nl"


def login_path(language: Language) -> str:
    return "/aanmelden" if language == "nl" else "/en/login"


def send(
    client: TestClient, case: Case, template: str, world: World, role: Role, token: str | None
) -> Response:
    body = case.build(world, role, language_of(template))
    data = dict(body.data or {})
    if token is not None:
        data["csrf"] = token
    return client.request(
        case.method,
        case.path(template, world),
        params=body.params,
        data=data or None,
        json=body.json,
        files=body.files,
        follow_redirects=False,
    )


def assert_answer(response: Response, expected: Expected, language: Language) -> None:
    location = response.headers.get("location", "")
    if expected == LOGIN_FORM:
        assert response.status_code == 401, response.text[:300]
        assert f'action="{login_path(language)}"' in response.text
        return
    if expected == LOGIN:
        assert response.status_code == 303, response.text[:300]
        assert location.startswith(f"{login_path(language)}?next=/"), location
        return
    assert response.status_code == expected, response.text[:300]
    if expected == 303:  # done (saved, logged in or out), not sent to log in
        assert not location.startswith(login_path(language)), location
