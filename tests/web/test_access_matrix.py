"""Access control, proven: every route of the app × every role gets the answer of
access_cases.py (and a route without a row there fails the coverage test); state-changing forms
without the role's CSRF token are refused and change nothing; security headers on every GET
route; and what tests/web/test_accounts.py leaves out of the login rate limit and the session
(the window's edges, the countdown, expiry to the second, tokens after login and logout).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from types import SimpleNamespace

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import delete, select

from klaverblad.store import accounts, create_user, get_initiative, transaction
from klaverblad.store.models import Initiative, LoginFailure
from klaverblad.web import security
from klaverblad.web.login_limits import (
    ACCOUNT_FAILURES,
    ACCOUNT_FIRST_DELAY,
    ADDRESS_FAILURES,
    LoginLimiter,
)
from klaverblad.web.words.accounts import ACCOUNT_WORDS
from tests.web.access_cases import (
    CASES,
    ROLES,
    SEES_A,
    Case,
    Role,
    World,
    app_routes,
    assert_answer,
    case_id,
    language_of,
    plan_file,
    send,
    table_routes,
)
from tests.web.conftest import RANKING_CSV, example_body
from tests.web.test_accounts_support import (
    ANALYST,
    ANNA,
    BERT,
    GENT,
    KORTRIJK,
    PASSWORD,
    csrf_token,
    log_in,
    logged_in,
    make_app,
    new_client,
    save_new,
    share_plan,
)
from tests.web.test_wizard_people import WORKER, filled_template

ADMIN = "admin@klaverblad.be"
EMAILS: dict[Role, str] = {
    "promoter_a": ANNA,
    "promoter_b": BERT,
    "municipality_a": KORTRIJK,
    "municipality_other": GENT,
    "analyst": ANALYST,
    "admin": ADMIN,
}
PLAN_A, PLAN_B = "matrixplan-a", "matrixplan-b"
NAME_A = "Matrixplan van organisatie A"
# A second worker for the wizard's people import (w1 is in the plan already), in its horizon.
IMPORTED = {**WORKER, "id": "w2", "start_date": date(2006, 1, 1)}


@pytest.fixture(scope="module")
def cheap_hashes() -> Iterator[None]:
    """Argon2 with its smallest parameters while this module runs: these tests are about who
    may do what, and they log in some fifty times (the default costs half a second each)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            accounts, "_HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
        )
        yield


def _hidden(body: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]*)"', body)
    assert found is not None, f"no hidden field {name}"
    return html.unescape(found.group(1))


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, cheap_hashes: None) -> World:
    """The app with the accounts of test_accounts_support and an admin; A's plan saved by Anna
    in two versions, B's plan saved by Bert (so that B and Gent have a portfolio of their own)."""
    directory = tmp_path_factory.mktemp("access-matrix")
    app = make_app(directory)
    with transaction(app.state.sessions) as session:
        create_user(session, email=ADMIN, display_name="Ad Min", role="admin", password=PASSWORD)
    anna = logged_in(app, ANNA)
    text = plan_file(PLAN_A, NAME_A)
    assert save_new(anna, text).status_code == 303
    assert share_plan(anna, PLAN_A).status_code == 303  # saving alone shares nothing
    second = {"document": text, "expected_version": "1", "csrf": csrf_token(anna)}
    assert anna.post(f"/plannen/{PLAN_A}", data=second, follow_redirects=False).status_code == 303
    bert_text = plan_file(PLAN_B, "Matrixplan van organisatie B", "vzw Ander", "Gent")
    assert save_new(logged_in(app, BERT), bert_text).status_code == 303
    (directory / f"{PLAN_A}.yaml").write_text(text, encoding="utf-8")
    review = anna.post("/nieuw", data={"document": text})
    assert review.status_code == 200

    def plan_a() -> Initiative:
        with transaction(app.state.sessions) as session:
            return get_initiative(session, PLAN_A)

    return World(
        app=app,
        plan_id=PLAN_A,
        plan_name=NAME_A,
        share_token=plan_a().share_token,
        plan_text=text,
        initiative=example_body(directory / f"{PLAN_A}.yaml"),
        draft={"draft": _hidden(review.text, "draft"), "step": _hidden(review.text, "step")},
        people_xlsx=filled_template(anna, [IMPORTED]),
        ranking_csv=RANKING_CSV.read_text(encoding="utf-8"),
        emails=EMAILS,
        password=PASSWORD,
        current_version=lambda: plan_a().current_version,
    )


@pytest.fixture(scope="module")
def clients(world: World) -> dict[Role, TestClient]:
    """One browser per role, logged in for all but the anonymous visitor."""
    made: dict[Role, TestClient] = {"anonymous": new_client(world.app)}
    for role, email in EMAILS.items():
        made[role] = logged_in(world.app, email)
    return made


@pytest.fixture(scope="module")
def tokens(clients: dict[Role, TestClient]) -> dict[Role, str]:
    """Each role's CSRF token (renewed when a logout cell ends the role's sessions)."""
    return {role: csrf_token(client, "/aanmelden") for role, client in clients.items()}


def snapshot(world: World) -> list[tuple[str, int]]:
    """What a write changes: every saved initiative's id and current version."""
    with transaction(world.app.state.sessions) as session:
        rows = session.execute(select(Initiative.id, Initiative.current_version))
        return sorted((initiative_id, version) for initiative_id, version in rows)


MATRIX = [
    pytest.param(case, template, role, id=f"{case_id(case, template)}-{role}")
    for case in CASES
    for template in case.paths
    for role in ROLES
]


def test_every_route_of_the_app_has_a_row_in_the_matrix(world: World) -> None:
    served, listed = app_routes(world.app), table_routes()
    assert served - listed == set(), "routes without expected answers in access_cases.py"
    assert listed - served == set(), "rows of access_cases.py for routes the app lacks"
    # 41 pages and downloads in two languages, 7 API routes, 3 of its docs, the static files.
    # + 2: sharing a saved plan (share, revoke, renew), in two languages.
    # + 4: what a typed number of the wizard is read as (GET and POST), in two languages.
    # + 1: POST /api/cashflow.
    # + 16: a plan's cash-flow page and its CSV (example, saved, shared, posted), in two
    # languages.
    # + 7: a municipality's multi-year plan (page, XLSX, CSV) in two languages, and
    # POST /api/multi-year-plan.
    assert len(served) == 41 * 2 + 7 + 3 + 1 + 2 + 4 + 1 + 16 + 7


@pytest.mark.parametrize(("case", "template", "role"), MATRIX)
def test_each_role_gets_the_expected_answer_on_each_route(
    world: World,
    clients: dict[Role, TestClient],
    tokens: dict[Role, str],
    case: Case,
    template: str,
    role: Role,
) -> None:
    if case.fresh_session:  # logging in or out: a browser of its own in the role's state
        client = (
            new_client(world.app) if role == "anonymous" else logged_in(world.app, EMAILS[role])
        )
        token: str | None = csrf_token(client, "/aanmelden")
    else:
        client = clients[role]
        token = tokens[role] if case.csrf else None
    before = snapshot(world)
    response = send(client, case, template, world, role, token)
    if case.fresh_session and role != "anonymous":
        # A logout ends the account's sessions in every browser: log the shared one in again.
        clients[role] = logged_in(world.app, EMAILS[role])
        tokens[role] = csrf_token(clients[role], "/aanmelden")
    expected = case.expected[role]
    assert_answer(response, expected, language_of(template))
    written = snapshot(world) != before
    assert written == (case.writes and expected == 303)
    if response.status_code in (403, 404) and role not in SEES_A:  # nothing of A's plan shows
        assert world.plan_name not in response.text
        assert world.share_token not in response.text
    if case.lists_plans and response.status_code == 200:  # by name (pages) or id (CSV)
        shown = world.plan_name in response.text or world.plan_id in response.text
        assert shown == (role in SEES_A)


FORGED = [
    pytest.param(case, template, role, kind, id=f"{case_id(case, template)}-{role}-{kind}")
    for case in CASES
    if case.csrf
    for template in case.paths
    for role in ROLES
    for kind in ("no-token", "another-visitors-token")
]


@pytest.mark.parametrize(("case", "template", "role", "kind"), FORGED)
def test_a_state_changing_form_without_the_roles_own_token_is_refused_and_changes_nothing(
    world: World,
    clients: dict[Role, TestClient],
    tokens: dict[Role, str],
    case: Case,
    template: str,
    role: Role,
    kind: str,
) -> None:
    other: Role = "promoter_a" if role == "anonymous" else "anonymous"
    token = None if kind == "no-token" else tokens[other]
    before = snapshot(world)
    response = send(clients[role], case, template, world, role, token)
    assert response.status_code == 403
    assert snapshot(world) == before
    if case.fresh_session:  # neither logged in nor out
        mine = clients[role].get("/mijn-plannen", follow_redirects=False)
        assert mine.status_code == (303 if role == "anonymous" else 200)


GET_ROUTES = [
    pytest.param(case, template, id=case_id(case, template))
    for case in CASES
    if case.method == "GET"
    for template in case.paths
]


@pytest.mark.parametrize(("case", "template"), GET_ROUTES)
def test_every_get_route_forbids_framing_and_sends_no_path_to_other_sites(
    world: World, clients: dict[Role, TestClient], case: Case, template: str
) -> None:
    # Promoter A: every GET route answers 200 for A (READ and OPEN rows), so these are the
    # headers of the real page or file, not of a redirect.
    response = send(clients["promoter_a"], case, template, world, "promoter_a", None)
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    assert "base-uri 'none'" in policy and "object-src 'none'" in policy
    if template != "/api/docs":  # Swagger UI's page may load its CDN (test_headers.py)
        assert "script-src 'self';" in policy and "'unsafe-inline'" not in policy
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert response.headers["x-content-type-options"] == "nosniff"


# The login rate limit, beyond tests/web/test_accounts.py and test_accounts_login_limits.py.
START = 1_000_000.0


StateSetter = Callable[[str, object], None]


@pytest.fixture
def set_state(world: World) -> Iterator[StateSetter]:
    """Sets attributes of `app.state` for one test and puts the old values back after it
    (pytest's monkeypatch cannot: State keeps its attributes outside `__dict__`)."""
    state = world.app.state
    old: dict[str, object] = {}

    def setter(name: str, value: object) -> None:
        old.setdefault(name, getattr(state, name))
        setattr(state, name, value)

    yield setter
    for name, value in old.items():
        setattr(state, name, value)


def limiter_clock(set_state: StateSetter, world: World) -> list[float]:
    """A new limiter on the app whose clock the test moves (seconds; starts at START), with
    no failure of an earlier test left in the database."""
    with transaction(world.app.state.sessions) as session:
        session.execute(delete(LoginFailure))
    now = [START]
    set_state("login_limiter", LoginLimiter(clock=lambda: now[0]))
    return now


def from_address(world: World, address: str) -> TestClient:
    return TestClient(world.app, client=(address, 50000))


def test_five_failures_spread_over_more_than_15_minutes_do_not_block(
    world: World, set_state: StateSetter
) -> None:
    now = limiter_clock(set_state, world)
    client = from_address(world, "198.51.100.1")
    for minute in (0, 4, 8, 12, 16):
        now[0] = START + 60 * minute
        assert log_in(client, ANNA, password="fout-fout-fout").status_code == 422
    # At minute 16 the failure of minute 0 is 16 minutes old: four remain in the window.
    assert log_in(client, ANNA).status_code == 303


def test_the_block_counts_down_and_attempts_during_it_do_not_extend_it(
    world: World, set_state: StateSetter
) -> None:
    now = limiter_clock(set_state, world)
    client = from_address(world, "198.51.100.2")
    for _ in range(5):
        assert log_in(client, BERT, password="fout-fout-fout").status_code == 422
    # All five at minute 0: the block lifts at minute 15. At minute 5: 600 s to go.
    now[0] = START + 5 * 60
    for _ in range(3):  # refused attempts are not failures: they do not push the end out
        blocked = log_in(client, BERT)
        assert (blocked.status_code, blocked.headers["retry-after"]) == (429, "600")
    now[0] = START + 10 * 60
    assert log_in(client, BERT).headers["retry-after"] == "300"
    now[0] = START + 15 * 60
    assert log_in(client, BERT).status_code == 303


def test_a_successful_login_does_not_clear_the_failures_of_the_client_address(
    world: World, set_state: StateSetter
) -> None:
    limiter_clock(set_state, world)
    client = from_address(world, "198.51.100.3")
    for number in range(ADDRESS_FAILURES - 2):  # guesses at other accounts from this address
        assert log_in(client, f"gok{number}@nergens.be", "fout-fout-fout").status_code == 422
    assert log_in(client, ANNA, password="fout-fout-fout").status_code == 422
    assert log_in(client, ANNA).status_code == 303  # clears Anna's failure here, no other
    assert log_in(client, ANNA, password="fout-fout-fout").status_code == 422
    assert log_in(client, "gok@nergens.be", password="fout-fout-fout").status_code == 422
    # ADDRESS_FAILURES from this address now: every account is blocked from it …
    assert log_in(from_address(world, "198.51.100.3"), BERT).status_code == 429
    # … but not from another address.
    assert log_in(from_address(world, "198.51.100.4"), BERT).status_code == 303


def test_failures_for_one_e_mail_from_many_addresses_only_slow_it_down_in_both_languages(
    world: World, set_state: StateSetter
) -> None:
    now = limiter_clock(set_state, world)
    spellings = ("anna@bik.be", "ANNA@BIK.BE", " Anna@Bik.be ", "anna@BIK.be", "Anna@bik.BE")
    for number in range(ACCOUNT_FAILURES):  # one failure from each of many addresses
        client = from_address(world, f"203.0.113.{number + 1}")
        spelling = spellings[number % len(spellings)]
        assert log_in(client, spelling, password="fout-fout-fout").status_code == 422
    english = from_address(world, "203.0.113.99")
    data = {"email": ANNA, "password": PASSWORD, "csrf": csrf_token(english, "/en/login")}
    blocked = english.post("/en/login", data=data, follow_redirects=False)
    # A back-off of seconds, not a block of 15 minutes: the account is not locked out.
    assert blocked.status_code == 429 and blocked.headers["retry-after"] == "1"
    assert ACCOUNT_WORDS["en"]["too_many_title"] in html.unescape(blocked.text)
    assert log_in(from_address(world, "203.0.113.99"), BERT).status_code == 303
    now[0] = START + ACCOUNT_FIRST_DELAY
    assert log_in(from_address(world, "203.0.113.99"), ANNA).status_code == 303


# The session: expiry to the second, and the CSRF token around logging in and out.


def test_a_login_lasts_session_seconds_and_not_one_second_more(
    world: World, set_state: StateSetter, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_state("settings", replace(world.app.state.settings, session_seconds=60))
    clock = [START]
    monkeypatch.setattr(security, "time", SimpleNamespace(time=lambda: clock[0]))
    client = new_client(world.app)
    response = log_in(client, ANNA)  # logged in at START
    assert "max-age=60" in response.headers["set-cookie"].lower()  # the browser drops it too
    token, saved = csrf_token(client), f"/plannen/{PLAN_A}"
    clock[0] = START + 60
    assert client.get(saved, follow_redirects=False).status_code == 200
    clock[0] = START + 61
    expired = client.get(saved, follow_redirects=False)
    assert (expired.status_code, expired.headers["location"]) == (303, f"/aanmelden?next={saved}")
    before = snapshot(world)
    data = {"document": world.plan_text, "expected_version": "9", "csrf": token}
    refused = client.post(saved, data=data, follow_redirects=False)
    assert refused.status_code == 401  # the login form, carrying the save (pending_save.py)
    assert snapshot(world) == before
    clock[0] = START + 30  # the expired login was dropped from the cookie: it does not return
    assert client.get(saved, follow_redirects=False).status_code == 303


def test_logging_out_makes_the_token_of_before_worthless(world: World) -> None:
    client = logged_in(world.app, ANNA)
    before_logout = csrf_token(client)
    assert client.post("/afmelden", data={"csrf": before_logout}).status_code == 200
    assert csrf_token(client, "/aanmelden") != before_logout
    before = snapshot(world)
    for path, data in (
        ("/mijn-plannen", {"document": plan_file("na-afmelden", "Na het afmelden")}),
        (f"/plannen/{PLAN_A}", {"document": world.plan_text, "expected_version": "9"}),
        ("/aanmelden", {"email": ANNA, "password": PASSWORD}),
        ("/afmelden", {}),
    ):
        response = client.post(path, data={**data, "csrf": before_logout})
        assert response.status_code == 403, path
    assert snapshot(world) == before
    assert client.get("/mijn-plannen", follow_redirects=False).status_code == 303


def test_a_token_seen_before_login_is_refused_after_it(world: World) -> None:
    client = new_client(world.app)
    before_login = csrf_token(client, "/aanmelden")
    assert log_in(client, ANNA).status_code == 303
    before = snapshot(world)
    data = {"document": plan_file("na-aanmelden", "Na het aanmelden"), "csrf": before_login}
    assert client.post("/mijn-plannen", data=data).status_code == 403
    assert snapshot(world) == before


def test_a_session_cookie_copied_before_logout_is_refused_after_it(world: World) -> None:
    client = logged_in(world.app, ANNA)
    copied = client.cookies[security.COOKIE]
    assert client.post("/afmelden", data={"csrf": csrf_token(client)}).status_code == 200
    replay = new_client(world.app)
    replay.cookies.set(security.COOKIE, copied)
    assert replay.get("/mijn-plannen", follow_redirects=False).status_code == 303
