"""The initiative file (CONTRACT §2) as pydantic models: pure data, no I/O.

Shape and types are checked here; rules that relate fields to each other (unique ids,
references, date order) are in `klaverblad.model.consistency`, so that each problem names
the exact field.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from klaverblad.model.fields import (
    Day,
    Factor,
    Fte,
    Hours,
    Id,
    MaatwerkPercentage,
    Money,
    Month,
    StrictBool,
    StrictInt,
)
from klaverblad.model.limits import (
    ACTIVITIES,
    AGREEMENTS,
    DEGRESSION_FACTORS,
    GRANTS,
    HORIZON_MONTHS,
    PEOPLE,
)

LegalForm = Literal["vzw", "ocmw", "gemeente", "intercommunale", "cooperatie", "bedrijf"]
Recognition = Literal[
    "lde", "swp", "inschakelingsbedrijf", "dienstencheque_onderneming", "pwa", "maatwerkbedrijf"
]
Role = Literal["target", "supervisor"]
Diploma = Literal["geen", "lager", "lager_secundair", "hoger_secundair", "hoger"]
Status = Literal["uvw", "wachtuitkering", "leefloon", "financiele_hulp", "nwwz", "geen"]
# The wage statutes of RULEBOOK §3, in the order that breaks ties in the best-statute choice.
WageStatute = Literal[
    "sine",
    "art60",
    "twe",
    "gesco",
    "activa",
    "activa_start",
    "wep_plus",
    "aanwervingsincentive",
    "dgv_zonder_werkervaring",
    "maatwerk",
    "vop",
]
STATUTES: tuple[str, ...] = get_args(WageStatute)
# What a person's `statute` may say: a wage statute, or `regular` (no subsidy).
Statute = Literal[WageStatute, "regular"]
ActivityKind = Literal[
    "huishoudhulp",
    "strijk",
    "boodschappen",
    "maaltijden",
    "vervoer_beperkte_mobiliteit",
    "klusjes",
    "tuin",
    "kinderopvang",
    "huiswerkbegeleiding",
    "begeleiding_zieken_ouderen",
    "administratieve_hulp",
    "milieu",
    "groenonderhoud",
    "andere",
]
Payment = Literal["dienstencheque", "pwa_cheque", "cash", "invoice"]
ClientGroup = Literal["particulier", "kansarm", "bedrijf", "stad"]
Domain = Literal[
    "welzijn",
    "kinderopvang",
    "jeugd",
    "milieu",
    "wonen",
    "cultuur",
    "toerisme",
    "mobiliteit",
    "onderwijs",
    "werk",
]
GrantMeasure = Literal[
    "lde",
    "swp",
    "lokaal_actieplan",
    "art60_verhoogd",
    "wep_plus",
    "overig",
    # v1.2 (RULEBOOK §4.1)
    "lde_tijdelijke_vergoeding",
    "ald_werkingssubsidie",
    "gesco_regularisatie",
]
Leaf = Literal["I", "II", "III", "IV"]
Begeleiding = Literal["laag", "midden", "hoog"]
# The VDAB's start package of individueel maatwerk (RULEBOOK v1.2 §3.8).
MaatwerkPakket = Literal["2j", "5j_loonpremie", "5j_verhoogd", "5j_mwb"]
# The VDAB decision on the Vlaamse ondersteuningspremie (RULEBOOK v1.2 §3.10).
VopBeslissing = Literal["onbepaald", "bepaald"]


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Promoter(StrictModel):
    name: Id
    legal_form: LegalForm
    municipality: Id


class Horizon(StrictModel):
    start: Month
    months: StrictInt = Field(ge=1, le=HORIZON_MONTHS)


class Person(StrictModel):
    id: Id
    # Optional (an extension of the contract): what pages, alerts and downloads call the person
    # ("Ahmed", "klusjesman 1"); the id stays the key. Personal data: a share link shows the id.
    name: Id | None = None
    role: Role
    birth_date: Day
    diploma: Diploma
    status: Status
    unemployed_months: StrictInt = Field(ge=0, le=1200)
    start_date: Day
    end_date: Day | None = None
    fte: Fte
    monthly_wage_cost: Money
    statute: Statute | None = None
    placed_by_ocmw: StrictBool = False
    gesco_verhoogd: StrictBool = False
    wep_verlengd: StrictBool = False
    maatwerk_loonpremie_pct: MaatwerkPercentage | None = None
    maatwerk_begeleiding: Begeleiding | None = None
    # v1.2 (CONTRACT §2): decisions and contract facts, all optional.
    maatwerk_pakket: MaatwerkPakket | None = None
    vop: VopBeslissing | None = None
    gesco_post: StrictBool = False
    contract_indefinite: StrictBool = True
    gross_quarterly_wage: Money | None = Field(default=None, gt=0)

    @property
    def label(self) -> str:
        """The person as pages and alerts call them: the name, else the id."""
        return self.name or self.id


class Activity(StrictModel):
    id: Id
    # Optional (an extension of the contract): what pages, alerts and downloads call it.
    name: Id | None = None
    kind: ActivityKind
    hours_per_month: Hours
    payment: Payment
    price_per_hour: Money | None = None
    client_group: ClientGroup

    @property
    def label(self) -> str:
        """The activity as pages and alerts call it: the name, else the id."""
        return self.name or self.id


class Agreement(StrictModel):
    funder: Id
    domain: Domain
    amount_per_year: Money | None = None
    amount_per_hour: Money | None = None
    activity: Id | None = None


class Grant(StrictModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)

    measure: GrantMeasure
    funder: Id
    leaf: Leaf | None = None
    amount_per_year: Money
    degression: tuple[Factor, ...] = Field(default=(), max_length=DEGRESSION_FACTORS)
    # Optional extension of the contract: the plan line's component (default `toelage`), so
    # that two grants of one measure and funder stay apart (BIK's werkingsmiddelen and
    # omkadering in the 2006 report).
    component: str | None = Field(default=None, strict=True, pattern=r"^[a-z0-9_]+$", max_length=60)
    from_month: Month | None = Field(default=None, alias="from")
    until_month: Month | None = Field(default=None, alias="until")


class Costs(StrictModel):
    operating_per_year: Money = Decimal(0)


class Cash(StrictModel):
    """Optional (an extension of the contract, docs/cashflow.md): the money at hand at the
    start of the horizon and the days clients take to pay an invoice (`payment: invoice`)."""

    opening_balance: Money = Decimal(0)
    # 30 days: the statutory term when none is agreed (Wet van 2 augustus 2002 betreffende de
    # bestrijding van de betalingsachterstand bij handelstransacties, art. 4).
    invoice_payment_days: StrictInt = Field(default=30, ge=0, le=365)


class Initiative(StrictModel):
    id: str = Field(strict=True, pattern=r"^[a-z0-9-]+$", min_length=1, max_length=100)
    name: Id
    promoter: Promoter
    recognitions: tuple[Recognition, ...] = ()
    horizon: Horizon
    people: tuple[Person, ...] = Field(default=(), max_length=PEOPLE)
    activities: tuple[Activity, ...] = Field(default=(), max_length=ACTIVITIES)
    agreements: tuple[Agreement, ...] = Field(default=(), max_length=AGREEMENTS)
    grants: tuple[Grant, ...] = Field(default=(), max_length=GRANTS)
    costs: Costs = Costs()
    cash: Cash | None = None
