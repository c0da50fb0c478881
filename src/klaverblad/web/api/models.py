"""The request envelopes of the JSON API: strict (no unknown fields, no "1" for 1 or "false"
for false), and the initiative kept as an object that `parse_initiative` validates so that its
problems carry the contract's field paths (`initiative.people[2].fte`).

The OpenAPI schema of that object is nevertheless the real one: `initiative_schema()` is the
schema of `klaverblad.model.Initiative` with the ranges and patterns its validators check
(amounts, FTE, factors, hours, dates and months between 1900 and 2200, ids), so that a client —
or a fuzzer — generating requests from the schema reaches the computation. The rules that relate
fields to each other (unique ids, a birth date before the start date, references to activities)
cannot be stated in JSON Schema; the `description` of the initiative names them.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from klaverblad.model.initiative import STATUTES
from klaverblad.model.limits import (
    HORIZON_MONTHS,
    PORTFOLIO_INITIATIVES,
    PORTFOLIO_PERSON_MONTHS,
    RANKING_ROWS,
    TEXT_CHARACTERS,
)
from klaverblad.model.months import parse_month
from klaverblad.web.api.initiative_schema import (
    FIRST_YEAR,
    LAST_YEAR,
    MONEY_MAX_EUROS,
    MONEY_SCHEMA,
    MONTH_PATTERN,
    initiative_schema,
)

Lang = Literal["nl", "en"]
MAX_PORTFOLIO = PORTFOLIO_INITIATIVES


def _month(text: str) -> str:
    index = parse_month(text)  # its ValueError says "'2006-13' is not a month in the form YYYY-MM"
    if not FIRST_YEAR * 12 <= index < (LAST_YEAR + 1) * 12:
        raise ValueError(f"must lie between the years {FIRST_YEAR} and {LAST_YEAR}")
    return text


Month = Annotated[
    str,
    AfterValidator(_month),
    Field(
        description=f"A month, YYYY-MM, in the years {FIRST_YEAR} to {LAST_YEAR}",
        examples=["2006-01"],
        json_schema_extra={"pattern": MONTH_PATTERN},
    ),
]


def _whole(value: object) -> object:
    # 24.0 is the integer 24 in JSON Schema; 24.5 stays refused.
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


HorizonMonths = Annotated[
    int,
    BeforeValidator(_whole),
    Field(ge=1, le=HORIZON_MONTHS, description="Horizon length in months"),
]
# Validated by `parse_initiative` (its problems name the contract's paths), described by the
# real schema.
InitiativeObject = Annotated[dict[str, Any], WithJsonSchema(initiative_schema())]
ReformName = Literal["sine-uitbreiding", "lde-koppeling-sine"]
ReformNames = Annotated[
    list[str],
    Field(
        description="Named reforms, applied in order: sine-uitbreiding, lde-koppeling-sine",
        examples=[["sine-uitbreiding"]],
    ),
    WithJsonSchema(
        {
            "type": "array",
            "items": {"type": "string", "enum": list(get_args(ReformName))},
            "uniqueItems": True,
            "maxItems": 2,
        }
    ),
]
ParameterChanges = Annotated[
    list[str],
    Field(
        alias="set",
        description="Parameter changes PARAMETER=VALUE@YYYY-MM, as `--set` of the command line",
        examples=[["sine.herinschakelingsuitkering.amount=600@2006-07"]],
    ),
    WithJsonSchema(
        {
            "type": "array",
            "items": {"type": "string", "pattern": r"^[a-z0-9_.]+=[^@]+@\d{4}-\d{2}$"},
            "maxItems": 0,
            "description": "Parameter changes PARAMETER=VALUE@YYYY-MM, as `--set` of the command "
            "line (the schema gives none: a generated parameter name is never one)",
        }
    ),
]


def _amount(value: object) -> object:
    # One plain message instead of one per member of the union below.
    if value is not None and (isinstance(value, bool) or not isinstance(value, str | int | float)):
        raise ValueError("must be an amount in euros, e.g. '25000' or 25000.50")
    return value


Amount = Annotated[
    str | int | float | None,
    BeforeValidator(_amount),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0, "maximum": MONEY_MAX_EUROS},
                {"type": "string", "pattern": r"^(0|[1-9]\d{0,8})([.,]\d{1,2})?$"},
                {"type": "null"},
            ]
        }
    ),
]
LangField = Annotated[Lang, Field(description="Language of messages: nl (default) or en")]


class Envelope(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=False)


class RulesEnvelope(Envelope):
    reforms: ReformNames = []
    changes: ParameterChanges = []
    lang: LangField = "nl"


def _known_on_day(text: str) -> str:
    from klaverblad.rules.known_on import parse_day

    return parse_day(text).isoformat()  # its KnownOnError (a ValueError) says what is wrong


# Step 9 part 4 (docs/as-known-on.md): only the rules known on this date.
KnownOnDay = Annotated[
    str,
    AfterValidator(_known_on_day),
    Field(
        description="Only the rules known on this date, YYYY-MM-DD, not after today "
        "(as `--as-known-on` of the command line; docs/as-known-on.md)",
        examples=["2006-06-30"],
        json_schema_extra={"pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date"},
    ),
]


class PlanRequest(RulesEnvelope):
    """`POST /api/plan`: the plan of one initiative, as `klaverblad plan --format json`."""

    initiative: InitiativeObject
    as_known_on: KnownOnDay | None = None
    start: Month | None = Field(None, description="Overrides horizon.start")
    months: HorizonMonths | None = Field(None, description="Overrides horizon.months")


PersonId = Annotated[
    str, Field(description="Id of the person to explain", min_length=1, max_length=TEXT_CHARACTERS)
]


class ExplainRequest(RulesEnvelope):
    """`POST /api/explain`: exactly one of `person`, `line` or `lines: true`."""

    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [
                {"required": ["person"], "properties": {"person": {"type": "string"}}},
                {"required": ["line"], "properties": {"line": {"type": "integer"}}},
                {"required": ["lines"], "properties": {"lines": {"const": True}}},
            ]
        }
    )

    initiative: InitiativeObject
    person: PersonId | None = Field(None, description="Id of the person to explain")
    line: Annotated[int, BeforeValidator(_whole), Field(ge=0)] | None = Field(
        None, description="Explain plan line N (0 = the first)"
    )
    lines: bool = Field(False, description="Explain every plan line")
    measure: Annotated[
        str | None,
        WithJsonSchema({"anyOf": [{"type": "string", "enum": list(STATUTES)}, {"type": "null"}]}),
    ] = Field(None, description="With person: only this wage statute")
    month: Month | None = Field(None, description="With person: the month of the amounts")


class PortfolioRequest(RulesEnvelope):
    """`POST /api/portfolio`: many initiatives; with reforms or set, baseline against reform."""

    initiatives: list[InitiativeObject] = Field(
        description=f"The initiatives (at most {MAX_PORTFOLIO}, and at most "
        f"{PORTFOLIO_PERSON_MONTHS:_} people × horizon months in all), each as an initiative "
        "file".replace("_", " "),
        json_schema_extra={"maxItems": MAX_PORTFOLIO, "minItems": 1},
    )


RankingRow = Annotated[
    dict[str, Any],
    WithJsonSchema(
        {
            "type": "object",
            "additionalProperties": False,
            "required": ["municipality", "youth_unemployment_rate", "general_unemployment_rate"],
            "properties": {
                "municipality": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": TEXT_CHARACTERS,
                    "pattern": r"^[^#\s\r\n][^\r\n]*$",
                },
                "youth_unemployment_rate": {"type": "number", "minimum": 0, "maximum": 100},
                "general_unemployment_rate": {"type": "number", "minimum": 0, "maximum": 100},
                "population": {"type": "integer", "minimum": 1, "maximum": 100_000_000},
            },
        }
    ),
]


class RankRequest(Envelope):
    """`POST /api/rank`: exactly one of `csv` (the text of the CSV file) or `rows`."""

    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [
                {"required": ["csv"], "properties": {"csv": {"type": "string"}}},
                {"required": ["rows"], "properties": {"rows": {"type": "array"}}},
            ]
        }
    )

    csv: str | None = Field(
        None,
        description="The CSV text: municipality, youth_unemployment_rate, "
        "general_unemployment_rate (percent), optional population; ',' or ';' separated; "
        f"at most {RANKING_ROWS} municipalities",
    )
    rows: (
        Annotated[list[RankingRow], Field(json_schema_extra={"maxItems": RANKING_ROWS})] | None
    ) = Field(
        None,
        description="The same as objects with the CSV's column names, one per municipality",
    )
    weights: Annotated[
        dict[str, Any] | None,
        WithJsonSchema(
            {
                "anyOf": [
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["youth", "general"],
                        "properties": {
                            name: {
                                "anyOf": [
                                    {"type": "number", "minimum": 0, "maximum": 1},
                                    {"type": "string", "pattern": r"^(0|1)?(\.\d{1,6})?$"},
                                ]
                            }
                            for name in ("youth", "general")
                        },
                    },
                    {"type": "null"},
                ]
            }
        ),
    ] = Field(
        None,
        description="Weights youth and general, summing to 1 (numbers, or texts such as "
        "'1/3'); default youth 0.5, general 0.5",
        examples=[{"youth": 0.5, "general": 0.5}],
    )
    budget: Amount = Field(
        None, description="Euros to split in proportion to need, e.g. '25000' or 25000.50"
    )
    lang: LangField = "nl"


class OptimiseRequest(RulesEnvelope):
    """`POST /api/optimise`: the statute per person that minimises the gap, as
    `klaverblad optimise --format json`."""

    initiative: InitiativeObject
    max_positions: Annotated[
        dict[str, Any],
        WithJsonSchema(
            {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    name: {"type": "integer", "minimum": 0, "maximum": 100_000} for name in STATUTES
                },
            }
        ),
    ] = Field(
        default_factory=dict,
        description="At most N people on a wage statute, e.g. {'sine': 1}",
        examples=[{"sine": 1}],
    )
    budget_cap: Annotated[
        dict[str, Any],
        WithJsonSchema(
            {
                "type": "object",
                "properties": {"federaal": MONEY_SCHEMA, "Vlaams": MONEY_SCHEMA},
                "additionalProperties": MONEY_SCHEMA,
            }
        ),
    ] = Field(
        default_factory=dict,
        description="At most this many euros of wage-statute funding from a funder over the "
        "horizon, e.g. {'federaal': '15000'}: federaal, Vlaams, or the funder of one of the "
        "initiative's WEP+ grants",
    )
    fixed: Annotated[
        dict[str, Any],
        WithJsonSchema(
            {
                "type": "object",
                "propertyNames": {"minLength": 1, "maxLength": TEXT_CHARACTERS},
                "additionalProperties": {"type": "string", "enum": [*STATUTES, "regular"]},
            }
        ),
    ] = Field(
        default_factory=dict,
        description="People (ids of the initiative's people) kept on a statute, "
        "e.g. {'w2': 'art60'}",
    )
    start: Month | None = Field(None, description="Overrides horizon.start")
    months: HorizonMonths | None = Field(None, description="Overrides horizon.months")


class ErrorEntry(BaseModel):
    path: str = Field(
        description="The field of the request body (`initiative.people[0].fte`, `reforms[0]`), "
        "the query parameter, or `(the body)`"
    )
    message: str = Field(description="What is wrong, in plain words")
    line: int | None = Field(None, description="rank: the CSV line (from 1), when it is one")
    column: str | None = Field(None, description="rank: the CSV column, when it is one")


class ErrorBody(BaseModel):
    """Every refusal: one entry per problem."""

    errors: list[ErrorEntry]
