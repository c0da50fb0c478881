"""`POST /api/multi-year-plan`: a municipality's multi-year plan 2026-2031 from a portfolio of
initiatives, mapped to the BBC 2020 structure — the `klaverblad.multi-year-plan/1` document of
`klaverblad multi-year-plan FILE... --municipality NAME --format json`, or its CSV or workbook
(docs/multi-year-plan.md, docs/api.md).

The initiatives are validated as `/api/portfolio` validates them (paths `initiatives[i]…`),
with the same limits; each is planned over the 72 months of the period, so the person-months
are counted as people × 72. A municipality with no initiative is refused naming
`municipality`.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Response
from pydantic import Field

from klaverblad.model import Initiative
from klaverblad.model.limits import PORTFOLIO_PERSON_MONTHS, TEXT_CHARACTERS
from klaverblad.web.api.batch import unique_initiatives
from klaverblad.web.api.common import json_response, refuse_if
from klaverblad.web.api.models import MAX_PORTFOLIO, Envelope, InitiativeObject, Lang
from klaverblad.web.errors import ApiError, Problem
from klaverblad.web.examples import request_examples

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class MultiYearPlanRequest(Envelope):
    """`POST /api/multi-year-plan`: the portfolio, the municipality and the format."""

    initiatives: list[InitiativeObject] = Field(
        description=f"The initiatives of the portfolio (at most {MAX_PORTFOLIO}); those of other "
        "municipalities are left out and counted",
        json_schema_extra={"maxItems": MAX_PORTFOLIO, "minItems": 1},
    )
    municipality: str = Field(
        description="The municipality, as the initiatives' promoter.municipality names it "
        "(case does not matter)",
        min_length=1,
        max_length=TEXT_CHARACTERS,
    )
    format: Literal["json", "csv", "xlsx"] = Field(
        "json", description="json (default), csv (Dutch style for nl) or xlsx"
    )
    lang: Lang = Field("nl", description="Language of the CSV style and the workbook's words")


def _person_months(data: Any) -> int:
    people = data.get("people") if isinstance(data, dict) else None
    return len(people) * 72 if isinstance(people, list) else 0


def _initiatives(body: MultiYearPlanRequest) -> list[Initiative]:
    count = len(body.initiatives)
    if count > MAX_PORTFOLIO:
        message = f"has {count} initiatives; at most {MAX_PORTFOLIO} are allowed per request"
        raise ApiError([Problem("initiatives", message)], 413)
    problems: list[Problem] = []
    if not body.initiatives:
        problems.append(Problem("initiatives", "is empty; give at least one initiative"))
    person_months = sum(_person_months(data) for data in body.initiatives)
    if person_months > PORTFOLIO_PERSON_MONTHS:
        problems.append(
            Problem(
                "initiatives",
                f"has {person_months} person-months (people × 72 months of 2026-2031); at "
                f"most {PORTFOLIO_PERSON_MONTHS} are allowed per request",
            )
        )
        refuse_if(problems)
    if not body.municipality.strip():
        problems.append(Problem("municipality", "give the name of a municipality"))
    initiatives = unique_initiatives(body.initiatives, problems)
    refuse_if(problems)
    return initiatives


def multi_year_plan(body: MultiYearPlanRequest) -> Response:
    """The municipality's amounts per year 2026-2031 per beleidsveld, algemene rekening,
    funder and leaf — subsidies received by the gemeente/OCMW or paid to third-party
    promoters — with what is left out and the sum of the plan lines they reconcile with."""
    from klaverblad.advice.multi_year_plan import UnknownMunicipalityError, compute_multi_year_plan
    from klaverblad.report.bbc_export import multi_year_to_csv, multi_year_to_dict

    initiatives = _initiatives(body)
    try:
        result = compute_multi_year_plan(initiatives, body.municipality)
    except UnknownMunicipalityError as error:
        known = ", ".join(error.known)
        raise ApiError(
            [
                Problem(
                    "municipality",
                    f"no initiative of '{error.name}' in the portfolio; its municipalities: "
                    f"{known}",
                )
            ]
        ) from None
    name = f"meerjarenplan-{result.municipality.casefold().replace(' ', '-')}"
    if body.format == "csv":
        return Response(
            multi_year_to_csv(result, body.lang),
            media_type="text/csv; charset=utf-8",
            headers={"content-disposition": f'attachment; filename="{name}.csv"'},
        )
    if body.format == "xlsx":
        from klaverblad.report.bbc_xlsx import multi_year_xlsx

        return Response(
            multi_year_xlsx(result, body.lang),
            media_type=XLSX_TYPE,
            headers={"content-disposition": f'attachment; filename="{name}.xlsx"'},
        )
    return json_response(multi_year_to_dict(result))


def _with_files(responses: dict[int | str, dict[str, Any]]) -> dict[int | str, dict[str, Any]]:
    """The 200 answer in its three formats: JSON, CSV (`format: csv`) or a workbook."""
    answer = dict(responses[200])
    answer["content"] = {"application/json": {}, "text/csv": {}, XLSX_TYPE: {}}
    return {**responses, 200: answer}


def add_route(router: APIRouter, responses: Any, initiatives: list[dict[str, Any]]) -> None:
    router.add_api_route(
        "/multi-year-plan",
        multi_year_plan,
        methods=["POST"],
        tags=["portfolios"],
        summary="A municipality's multi-year plan 2026-2031 (BBC 2020)",
        responses=_with_files(responses("klaverblad.multi-year-plan/1")),
        openapi_extra=request_examples(
            {
                "aalst": (
                    "The example initiatives, municipality Aalst",
                    {"initiatives": initiatives, "municipality": "Aalst"} if initiatives else None,
                )
            }
        ),
    )


AALST_EXAMPLES = ("dgv-groendienst-2025.yaml", "ocmw-art60-2006.yaml")


def example_portfolio() -> list[dict[str, Any]]:
    """The two example initiatives of Aalst (empty without the examples folder)."""
    from klaverblad.web.examples import example_initiative

    found = [example_initiative(name) for name in AALST_EXAMPLES]
    return [data for data in found if data is not None]
