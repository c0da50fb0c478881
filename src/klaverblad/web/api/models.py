"""The request envelopes of the JSON API: strict (no unknown fields, no "1" for 1 or "false"
for false), and the initiative kept as an object that `parse_initiative` validates so that its
problems carry the contract's field paths (`initiative.people[2].fte`)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from klaverblad.model.months import parse_month

Lang = Literal["nl", "en"]
MAX_PORTFOLIO = 2000


def _month(text: str) -> str:
    parse_month(text)  # its ValueError says "'2006-13' is not a month in the form YYYY-MM"
    return text


Month = Annotated[
    str,
    AfterValidator(_month),
    Field(pattern=r"^\d{4}-\d{2}$", description="A month, YYYY-MM", examples=["2006-01"]),
]
HorizonMonths = Annotated[int, Field(ge=1, le=240, description="Horizon length in months")]
InitiativeObject = Annotated[
    dict[str, Any],
    Field(description="An initiative exactly as an initiative file holds it (CONTRACT §2)"),
]
ReformNames = Annotated[
    list[str],
    Field(
        description="Named reforms, applied in order: sine-uitbreiding, lde-koppeling-sine",
        examples=[["sine-uitbreiding"]],
    ),
]
ParameterChanges = Annotated[
    list[str],
    Field(
        alias="set",
        description="Parameter changes PARAMETER=VALUE@YYYY-MM, as `--set` of the command line",
        examples=[["sine.activeringsuitkering.amount=600@2006-07"]],
    ),
]


def _amount(value: object) -> object:
    # One plain message instead of one per member of the union below.
    if value is not None and (isinstance(value, bool) or not isinstance(value, str | int | float)):
        raise ValueError("must be an amount in euros, e.g. '25000' or 25000.50")
    return value


Amount = Annotated[str | int | float | None, BeforeValidator(_amount)]
LangField = Annotated[Lang, Field(description="Language of messages: nl (default) or en")]


class Envelope(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=False)


class RulesEnvelope(Envelope):
    reforms: ReformNames = []
    changes: ParameterChanges = []
    lang: LangField = "nl"


class PlanRequest(RulesEnvelope):
    """`POST /api/plan`: the plan of one initiative, as `klaverblad plan --format json`."""

    initiative: InitiativeObject
    start: Month | None = Field(None, description="Overrides horizon.start")
    months: HorizonMonths | None = Field(None, description="Overrides horizon.months")


class ExplainRequest(RulesEnvelope):
    """`POST /api/explain`: exactly one of `person`, `line` or `lines: true`."""

    initiative: InitiativeObject
    person: str | None = Field(None, description="Id of the person to explain")
    line: Annotated[int, Field(ge=0)] | None = Field(
        None, description="Explain plan line N (0 = the first)"
    )
    lines: bool = Field(False, description="Explain every plan line")
    measure: str | None = Field(None, description="With person: only this wage statute")
    month: Month | None = Field(None, description="With person: the month of the amounts")


class PortfolioRequest(RulesEnvelope):
    """`POST /api/portfolio`: many initiatives; with reforms or set, baseline against reform."""

    initiatives: list[InitiativeObject] = Field(
        description=f"The initiatives (at most {MAX_PORTFOLIO}), each as an initiative file"
    )


class RankRequest(Envelope):
    """`POST /api/rank`: exactly one of `csv` (the text of the CSV file) or `rows`."""

    csv: str | None = Field(
        None,
        description="The CSV text: municipality, youth_unemployment_rate, "
        "general_unemployment_rate (percent), optional population; ',' or ';' separated",
    )
    rows: list[dict[str, Any]] | None = Field(
        None,
        description="The same as objects with the CSV's column names, one per municipality",
    )
    weights: dict[str, Any] | None = Field(
        None,
        description="Weights summing to 1 (numbers, or texts such as '1/3'); "
        "default youth 0.5, general 0.5",
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
    max_positions: dict[str, Any] = Field(
        default_factory=dict,
        description="At most N people on a wage statute, e.g. {'sine': 1}",
        examples=[{"sine": 1}],
    )
    budget_cap: dict[str, Any] = Field(
        default_factory=dict,
        description="At most this many euros of wage-statute funding from a funder over the "
        "horizon, e.g. {'federaal': '15000'}",
    )
    fixed: dict[str, Any] = Field(
        default_factory=dict, description="People kept on a statute, e.g. {'w2': 'art60'}"
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
