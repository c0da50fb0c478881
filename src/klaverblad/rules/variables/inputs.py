"""Inputs: what the initiative file says about each worker and its employer.

The plan sets every one of these for every worker (see `klaverblad.plan.situation`); nothing
falls back silently on OpenFisca's default of 0 or False.
"""

from datetime import date

from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import ETERNITY
from openfisca_core.variables import Variable

from klaverblad.rules.entities import Worker, WorkerMonth

NO_END_DATE = date(2999, 12, 31)


class Status(Enum):
    uvw = "uitkeringsgerechtigd volledig werkloos"
    wachtuitkering = "wachtuitkering (school-leaver benefit)"
    leefloon = "leefloon"
    financiele_hulp = "financiële maatschappelijke hulp"
    nwwz = "niet-werkende werkzoekende zonder uitkering"
    geen = "none of these"


class Diploma(Enum):
    geen = "geen diploma"
    lager = "lager onderwijs"
    lager_secundair = "lager secundair onderwijs"
    hoger_secundair = "hoger secundair onderwijs"
    hoger = "hoger onderwijs"


class LegalForm(Enum):
    vzw = "vzw"
    ocmw = "OCMW"
    gemeente = "gemeente"
    intercommunale = "intercommunale"
    cooperatie = "coöperatie met sociaal oogmerk"
    bedrijf = "bedrijf"


class MaatwerkPakket(Enum):
    geen = "geen pakket"
    twee_jaar = "2j"
    vijf_jaar_loonpremie = "5j_loonpremie"
    vijf_jaar_verhoogd = "5j_verhoogd"
    vijf_jaar_mwb = "5j_mwb"


# The file's package codes ("2j", …) are not Python names: the member whose value is the code.
MAATWERK_PAKKET_MEMBER = {member.value: member.name for member in MaatwerkPakket}


class VopBeslissing(Enum):
    geen = "geen VOP-beslissing"
    onbepaald = "onbepaald"
    bepaald = "bepaald"


class Begeleiding(Enum):
    geen = "geen variabele begeleidingspremie"
    laag = "laag"
    midden = "midden"
    hoog = "hoog"


def _input(name: str, value_type: type, entity: object, label: str, **extra: object) -> type:
    return type(
        name,
        (Variable,),
        {
            "value_type": value_type,
            "entity": entity,
            "definition_period": ETERNITY,
            "label": label,
            "reference": "Klaverblad contract v1, §2 (the initiative file)",
            **extra,
        },
    )


month = _input("month", date, WorkerMonth, "First day of the row's month")
start_date = _input("start_date", date, Worker, "Start of employment")
end_date = _input(
    "end_date",
    date,
    Worker,
    "End of employment (2999-12-31: open-ended)",
    default_value=NO_END_DATE,
)
birth_date = _input("birth_date", date, Worker, "Date of birth")
fte = _input("fte", float, Worker, "Working time as a fraction of full time, in (0, 1]")
monthly_wage_cost = _input(
    "monthly_wage_cost", float, Worker, "Employer's total monthly cost at this FTE (EUR)"
)
unemployed_months = _input(
    "unemployed_months", int, Worker, "Months of registered unemployment right before hire"
)
status = _input(
    "status", Enum, Worker, "Status at hire", possible_values=Status, default_value=Status.geen
)
diploma = _input(
    "diploma",
    Enum,
    Worker,
    "Highest diploma",
    possible_values=Diploma,
    default_value=Diploma.geen,
)
legal_form = _input(
    "legal_form",
    Enum,
    Worker,
    "Legal form of the employer (the promoter)",
    possible_values=LegalForm,
    default_value=LegalForm.vzw,
)
placed_by_ocmw = _input("placed_by_ocmw", bool, Worker, "Placed by an OCMW under Art. 60 §7")
gesco_verhoogd = _input(
    "gesco_verhoogd", bool, Worker, "Ministerial authorisation for the higher GESCO premium"
)
wep_verlengd = _input("wep_verlengd", bool, Worker, "WEP+ extended to 18 months")
maatwerk_loonpremie_pct = _input(
    "maatwerk_loonpremie_pct",
    int,
    Worker,
    "Loonpremie percentage of individueel maatwerk decided by VDAB (0: none)",
)
maatwerk_begeleiding = _input(
    "maatwerk_begeleiding",
    Enum,
    Worker,
    "Level of the variable begeleidingspremie of individueel maatwerk",
    possible_values=Begeleiding,
    default_value=Begeleiding.geen,
)
maatwerk_pakket = _input(
    "maatwerk_pakket",
    Enum,
    Worker,
    "Start package of individueel maatwerk decided by VDAB (RULEBOOK v1.2 §3.8)",
    possible_values=MaatwerkPakket,
    default_value=MaatwerkPakket.geen,
)
vop = _input(
    "vop",
    Enum,
    Worker,
    "VDAB decision on the Vlaamse ondersteuningspremie (RULEBOOK v1.2 §3.10)",
    possible_values=VopBeslissing,
    default_value=VopBeslissing.geen,
)
gesco_post = _input("gesco_post", bool, Worker, "An allocated GESCO post (RULEBOOK v1.2 §3.5)")
contract_indefinite = _input(
    "contract_indefinite",
    bool,
    Worker,
    "An indefinite contract (RULEBOOK v1.2 §3.7, §3.10)",
    default_value=True,
)
gross_quarterly_wage = _input(
    "gross_quarterly_wage",
    float,
    Worker,
    "Gross wage per quarter (0: not entered; RULEBOOK v1.2 §3.9)",
)

RECOGNITIONS = (
    "lde",
    "swp",
    "inschakelingsbedrijf",
    "dienstencheque_onderneming",
    "pwa",
    "maatwerkbedrijf",
)
for _recognition in RECOGNITIONS:
    globals()[f"recognised_{_recognition}"] = _input(
        f"recognised_{_recognition}",
        bool,
        Worker,
        f"The employer holds the recognition '{_recognition}'",
    )
