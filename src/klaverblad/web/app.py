"""The web application: the JSON API under /api and the first pages, with its OpenAPI description.

Run it with `uvicorn --factory klaverblad.web.app:create_app`. Building the app reads the
example files for the OpenAPI page and nothing else: the rules are loaded on the first request
that needs them.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from klaverblad.model.limits import limits_markdown
from klaverblad.store import make_engine, session_factory
from klaverblad.web.api.limits import API_PREFIX, ApiBodyMiddleware
from klaverblad.web.api.routes import api_router
from klaverblad.web.errors import install_error_handlers
from klaverblad.web.form_limits import FormBodyMiddleware
from klaverblad.web.headers import install_outer_layers
from klaverblad.web.render import STATIC_DIRECTORY
from klaverblad.web.routes.accounts import accounts_router
from klaverblad.web.routes.cases import cases_router
from klaverblad.web.routes.cashflow import cashflow_router
from klaverblad.web.routes.compare import compare_router
from klaverblad.web.routes.exports import exports_router
from klaverblad.web.routes.measures import measures_router
from klaverblad.web.routes.mine import mine_router
from klaverblad.web.routes.multi_year_plan import multi_year_router
from klaverblad.web.routes.plans import pages_router
from klaverblad.web.routes.portfolio import portfolio_router
from klaverblad.web.routes.ranking import ranking_router
from klaverblad.web.routes.saved import saved_router
from klaverblad.web.routes.source import source_router
from klaverblad.web.settings import Settings
from klaverblad.web.time_budget import TimeBudgetMiddleware
from klaverblad.web.wizard.routes import wizard_router

DESCRIPTION = """\
Plans and explains the financing of Flemish *lokale diensteneconomie* initiatives with the
klaverbladmodel (four leaves: I the initiative's own recognition, II the people's wage
statutes, III the clients, IV the policy domains served).

Every endpoint answers with the JSON document the command line prints with `--format json`
(`klaverblad.plan/1`, `klaverblad.explain/1`, `klaverblad.portfolio/1`, `klaverblad.rank/1`,
`klaverblad.optimise/1`). An initiative is sent as the JSON object of an initiative file.

Bad input is refused with a 4xx status and one entry per problem, the path naming the field of
the request: `{"errors": [{"path": "initiative.people[0].fte", "message": "must be more than 0
and at most 1"}]}` — 400 malformed JSON, 413 too large, 415 not JSON, 422 anything else.
"""


LIMITS_SECTION = f"""

## Limits

What one request may hold and cost (docs/limits.md gives the reasons); past a limit the
answer is 413 (a body too large) or 422 naming the field, and a computation past its time
budget 503 with Retry-After.

{limits_markdown()}
"""


def _version() -> str:
    try:
        return version("klaverblad")
    except PackageNotFoundError:
        return "0+unknown"


def create_app(settings: Settings | None = None) -> FastAPI:
    """The FastAPI application: the pages, the /api routes, their error shape and the body
    limits, on the database of `settings` (default: `Settings.from_env()`).

    The database must have been migrated (`klaverblad serve` does it; see docs/storage.md).
    """
    settings = settings or Settings.from_env()
    app = FastAPI(
        title="Klaverblad",
        summary="Financing plans for lokale diensteneconomie initiatives (klaverbladmodel)",
        description=DESCRIPTION + LIMITS_SECTION,
        version=_version(),
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
    )
    engine = make_engine(settings.database_url)
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessions = session_factory(engine)
    install_error_handlers(app)
    app.add_middleware(ApiBodyMiddleware)
    # Each request's deadline for plan computations (503 past it; web/time_budget.py).
    app.add_middleware(TimeBudgetMiddleware, seconds=getattr(settings, "plan_seconds", None))
    app.add_middleware(FormBodyMiddleware)
    # Outside everything else (error pages, 413s and 503s of other middlewares included).
    install_outer_layers(app, settings)
    app.include_router(api_router())
    app.include_router(pages_router())
    # page routers (one line per area of pages)
    app.include_router(wizard_router())
    app.include_router(accounts_router())
    app.include_router(mine_router())
    app.include_router(saved_router())
    app.include_router(exports_router())
    app.include_router(cashflow_router())
    app.include_router(compare_router())
    app.include_router(portfolio_router())
    app.include_router(multi_year_router())
    app.include_router(measures_router())
    app.include_router(cases_router())
    app.include_router(ranking_router())
    app.include_router(source_router())
    app.mount("/static", StaticFiles(directory=STATIC_DIRECTORY), name="static")
    return app
