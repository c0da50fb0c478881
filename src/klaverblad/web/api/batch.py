"""The API endpoints over many things at once or over choices: portfolio, rank, optimise."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Response

from klaverblad.model import Initiative
from klaverblad.model.echo import echo
from klaverblad.model.limits import HORIZON_MONTHS, PORTFOLIO_PERSON_MONTHS, RANKING_ROWS
from klaverblad.model.number_reader import NumberError, bounded, read_decimal
from klaverblad.plan.deadline import check_deadline
from klaverblad.web.api.common import (
    initiative_or_problems,
    json_response,
    refuse_if,
    rules_or_problems,
    whole_number,
)
from klaverblad.web.api.models import (
    MAX_PORTFOLIO,
    MONEY_MAX_EUROS,
    OptimiseRequest,
    PortfolioRequest,
    RankRequest,
)
from klaverblad.web.errors import WHOLE_BODY, ApiError, Problem
from klaverblad.web.examples import example_csv, example_initiative, request_examples


def _spaced(number: int) -> str:
    """336000 → '336 000'."""
    return f"{number:,}".replace(",", " ")


def _declared_person_months(data: Any) -> int:
    """People × horizon months as a raw initiative object declares them (0 where it does not
    say: its validation will)."""
    if not isinstance(data, dict):
        return 0
    people, horizon = data.get("people"), data.get("horizon")
    months = horizon.get("months") if isinstance(horizon, dict) else None
    if not isinstance(people, list) or isinstance(months, bool) or not isinstance(months, int):
        return 0
    return len(people) * max(0, min(months, HORIZON_MONTHS))


def _too_many_person_months(person_months: int) -> Problem:
    return Problem(
        "initiatives",
        f"has {_spaced(person_months)} person-months (people × horizon months, "
        f"summed); at most {_spaced(PORTFOLIO_PERSON_MONTHS)} are allowed per request: "
        "split the portfolio into several requests, or run `klaverblad portfolio`",
    )


def portfolio(body: PortfolioRequest) -> Response:
    """Many initiatives in one vectorised simulation: totals per initiative, funder, leaf and
    year; with `reforms` or `set`, baseline, reform and difference, and who gains or loses —
    the `klaverblad.portfolio/1` document of `klaverblad portfolio FILE... --format json`.
    At most 2 000 initiatives per request (else 413), and at most 300 000 people × horizon
    months in all (else 422, before anything is computed)."""
    from klaverblad.advice.portfolio import compute_portfolio
    from klaverblad.report.portfolio_output import portfolio_to_dict
    from klaverblad.rules import baseline_system

    count = len(body.initiatives)
    if count > MAX_PORTFOLIO:
        message = (
            f"has {count} initiatives; at most {MAX_PORTFOLIO} are allowed per request: "
            "split the portfolio into several requests"
        )
        raise ApiError([Problem("initiatives", message)], 413)
    problems: list[Problem] = []
    if not body.initiatives:
        problems.append(Problem("initiatives", "is empty; give at least one initiative"))
    # Counted on the raw objects first: a portfolio past the limit costs no validation.
    person_months = sum(_declared_person_months(data) for data in body.initiatives)
    if person_months > PORTFOLIO_PERSON_MONTHS:
        refuse_if([_too_many_person_months(person_months)])
    initiatives = unique_initiatives(body.initiatives, problems)
    person_months = sum(len(i.people) * i.horizon.months for i in initiatives)
    if person_months > PORTFOLIO_PERSON_MONTHS:
        problems.append(_too_many_person_months(person_months))
    rules, rule_problems = rules_or_problems(body.reforms, body.changes)
    refuse_if(problems + rule_problems)
    assert rules is not None
    system, reforms = rules
    result = compute_portfolio(initiatives, baseline_system(), system if reforms else None, reforms)
    return json_response(portfolio_to_dict(result))


def _bounded_number(value: int | float | str) -> None:
    """Raise `NumberError` for a number (or a number as text, `a/b` allowed) that the bounded
    reader refuses: exponents, NaN, infinities, too many digits (klaverblad.model.number_reader).
    """
    if isinstance(value, str):
        for part in value.split("/", 1) if value.count("/") == 1 else [value]:
            read_decimal(part.strip().removesuffix("%"), decimal_comma=True)
    else:
        bounded(value)


def _weights_text(weights: dict[str, Any] | None, problems: list[Problem]) -> str | None:
    """The weights object as the `--weights` text (`youth=0.7;general=0.3`); each value read by
    the bounded number reader first, so that no weight is slow to convert."""
    if weights is None:
        return None
    items = []
    for name, value in weights.items():
        path = f"weights.{name}"
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            problems.append(Problem(path, "must be a number, e.g. 0.5"))
            continue
        if isinstance(value, str) and (";" in value or "=" in value):
            problems.append(Problem(path, f"{echo(value)} is not a number, e.g. 0.5 or '1/3'"))
            continue
        try:
            _bounded_number(value)
        except NumberError as error:
            problems.append(Problem(path, str(error)))
            continue
        items.append(f"{name}={value}")
    return ";".join(items)


def _budget_text(budget: str | int | float | None, problems: list[Problem]) -> str | None:
    """The budget as the `--budget` text, read by the bounded number reader first and refused
    above 999 999 999.99 euros (the largest amount of any field)."""
    if budget is None:
        return None
    try:
        number = (
            read_decimal(budget, decimal_comma=True) if isinstance(budget, str) else bounded(budget)
        )
    except NumberError as error:
        problems.append(Problem("budget", str(error)))
        return None
    if number >= MONEY_MAX_EUROS + 1:
        problems.append(Problem("budget", "is too large (at most 999 999 999.99 euros)"))
        return None
    return budget if isinstance(budget, str) else str(number)


def _rows_csv(rows: list[dict[str, Any]], problems: list[Problem]) -> str:
    """Row objects as the CSV text `read_csv_text` reads: header on line 1, rows[k] on k+2."""
    from klaverblad.advice.ranking_input import COLUMNS, REQUIRED_COLUMNS

    present = {key for row in rows for key in row}
    columns = [
        *REQUIRED_COLUMNS,
        *(c for c in COLUMNS if c in present and c not in REQUIRED_COLUMNS),
    ]
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            problems.append(Problem(f"rows[{index}]", "must be an object (a mapping of fields)"))
            continue
        if not any(value not in (None, "") for value in row.values()):
            problems.append(Problem(f"rows[{index}]", "is empty"))
        for key, value in row.items():
            path = f"rows[{index}].{key}"
            if key not in COLUMNS:
                known = ", ".join(REQUIRED_COLUMNS) + " and optionally population"
                problems.append(Problem(path, f"is not a known column; the columns are {known}"))
            elif isinstance(value, dict | list):
                problems.append(Problem(path, "must be a number or text"))
            elif isinstance(value, str) and ("\n" in value or "\r" in value):
                problems.append(Problem(path, "must be one line of text"))
            elif isinstance(value, int | float) and not isinstance(value, bool):
                try:
                    bounded(value)
                except NumberError as error:
                    problems.append(Problem(path, str(error)))
            elif key == "municipality" and str(value).lstrip().startswith("#"):
                problems.append(Problem(path, "must not start with '#'"))
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else str(row.get(c)) for c in columns])
    return text.getvalue()


def rank(body: RankRequest) -> Response:
    """The need ranking of municipalities by youth and general unemployment, beside the
    youth-only ranking, and a budget split in proportion to need — the `klaverblad.rank/1`
    document of `klaverblad rank CSV --format json` (CONTRACT §5). Give the municipalities as
    `csv` (the file's text) or as `rows` (objects with the CSV's column names)."""
    from klaverblad.advice.ranking import rank_municipalities, ranking_to_dict
    from klaverblad.advice.ranking_input import (
        RankingInputError,
        parse_budget,
        parse_weights,
        read_csv_text,
    )

    problems: list[Problem] = []
    if (body.csv is None) == (body.rows is None):
        problems.append(Problem(WHOLE_BODY, "give exactly one of csv (the CSV text) or rows"))
    weights = budget = rows = None
    number_problems: list[Problem] = []
    weights_text = _weights_text(body.weights, number_problems)
    budget_text = _budget_text(body.budget, number_problems)
    problems += number_problems
    if not any(p.path.startswith("weights") for p in number_problems):
        try:
            weights = parse_weights(weights_text)
        except RankingInputError as error:
            problems += [Problem("weights", p.message) for p in error.problems]
    if not any(p.path == "budget" for p in number_problems):
        try:
            budget = parse_budget(budget_text)
        except RankingInputError as error:
            problems += [Problem("budget", p.message) for p in error.problems]
    if body.rows is not None and len(body.rows) > RANKING_ROWS:
        problems.append(
            Problem(
                "rows",
                f"has {len(body.rows)} municipalities; at most {RANKING_ROWS} are allowed",
            )
        )
    elif body.rows is not None and body.csv is None:
        shape_problems: list[Problem] = []
        text = _rows_csv(body.rows, shape_problems)
        problems += shape_problems
        if not shape_problems:
            try:
                rows = read_csv_text(text, source="rows")
            except RankingInputError as error:
                for p in error.problems:
                    path = "rows" if p.line is None or p.line < 2 else f"rows[{p.line - 2}]"
                    path += f".{p.column}" if p.column else ""
                    problems.append(Problem(path, p.message))
    elif body.csv is not None and body.rows is None:
        try:
            rows = read_csv_text(body.csv, source="csv")
        except RankingInputError as error:
            problems += [
                Problem("csv", p.text().removeprefix("csv: "), p.line, p.column)
                for p in error.problems
            ]
    refuse_if(problems)
    assert weights is not None and rows is not None
    return json_response(ranking_to_dict(rank_municipalities(rows, weights, budget)))


def optimise(body: OptimiseRequest) -> Response:
    """The wage statute per person that minimises the gap under the stated constraints (an
    exact MILP), current against proposed with the gain per person and per year — the
    `klaverblad.optimise/1` document of `klaverblad optimise FILE --format json`."""
    from klaverblad.advice.optimise import optimise as run_optimise
    from klaverblad.advice.optimise_constraints import ConstraintError, parse_constraints
    from klaverblad.report.optimise_json import optimise_to_dict

    initiative, problems = initiative_or_problems(body.initiative, "initiative")
    rules, rule_problems = rules_or_problems(body.reforms, body.changes)
    refuse_if(problems + rule_problems)
    assert initiative is not None and rules is not None
    system, _ = rules
    positions = {name: whole_number(count) for name, count in body.max_positions.items()}
    stated = {"max_positions": positions, "budget_cap": body.budget_cap}
    try:
        constraints = parse_constraints({**stated, "fixed": body.fixed}, initiative)
        result = run_optimise(initiative, constraints, body.start, body.months, system)
    except ConstraintError as error:
        raise ApiError(
            [
                Problem(WHOLE_BODY if p.option == "constraints" else p.option, p.text)
                for p in error.problems
            ]
        ) from None
    return json_response(optimise_to_dict(result))


def add_routes(
    router: APIRouter, responses: Callable[[str], dict[int | str, dict[str, Any]]]
) -> None:
    bik = example_initiative()
    table = example_csv()
    router.add_api_route(
        "/portfolio",
        portfolio,
        methods=["POST"],
        tags=["portfolios"],
        summary="Many initiatives, with or without a reform",
        responses=responses("klaverblad.portfolio/1"),
        openapi_extra=request_examples(
            {
                "reform": (
                    "vzw BIK under the SINE extension",
                    {"initiatives": [bik], "reforms": ["sine-uitbreiding"]} if bik else None,
                )
            }
        ),
    )
    router.add_api_route(
        "/rank",
        rank,
        methods=["POST"],
        tags=["portfolios"],
        summary="Need ranking of municipalities and a budget split",
        responses=responses("klaverblad.rank/1"),
        openapi_extra=request_examples(
            {
                "csv": (
                    "The illustrative centrumsteden CSV, 25 000 euros",
                    {"csv": table, "budget": "25000"} if table else None,
                ),
                "rows": (
                    "Two municipalities as rows, weights 0.7/0.3",
                    {
                        "rows": [
                            {
                                "municipality": "Gent",
                                "youth_unemployment_rate": 18.0,
                                "general_unemployment_rate": 9.5,
                            },
                            {
                                "municipality": "Aalst",
                                "youth_unemployment_rate": 14.0,
                                "general_unemployment_rate": 7.0,
                            },
                        ],
                        "weights": {"youth": 0.7, "general": 0.3},
                        "budget": 10000,
                    },
                ),
            }
        ),
    )
    router.add_api_route(
        "/optimise",
        optimise,
        methods=["POST"],
        tags=["plans"],
        summary="The statute per person that minimises the gap",
        responses=responses("klaverblad.optimise/1"),
        openapi_extra=request_examples(
            {
                "max-sine": (
                    "vzw BIK with at most one person on SINE",
                    {"initiative": bik, "max_positions": {"sine": 1}} if bik else None,
                )
            }
        ),
    )


def unique_initiatives(raw: list[Any], problems: list[Problem]) -> list[Initiative]:
    """The valid initiatives of a request's `initiatives`, each problem (a bad field, an id
    given twice) added to `problems` with its path."""
    initiatives: list[Initiative] = []
    seen: dict[str, int] = {}
    for index, data in enumerate(raw):
        check_deadline()
        initiative, found = initiative_or_problems(data, f"initiatives[{index}]")
        problems += found
        if initiative is None:
            continue
        if initiative.id in seen:
            problems.append(
                Problem(
                    f"initiatives[{index}].id",
                    f"'{initiative.id}' is also the id of initiatives[{seen[initiative.id]}]",
                )
            )
            continue
        seen[initiative.id] = index
        initiatives.append(initiative)
    return initiatives
