"""The multi-year plan 2026-2031 of one municipality (gemeente + OCMW): the money of its
initiatives per year, mapped to the BBC 2020 structure (`report/bbc_mapping.py`), in cents.

Whose money (docs/multi-year-plan.md, "Direction"): an initiative belongs to the municipality
of `promoter.municipality`. When the promoter IS the local government (`legal_form` gemeente or
ocmw), what others fund is a subsidy **received**, and what the municipality itself pays (its
own grants and agreements, the city as a client) is **internal**: gemeente and OCMW keep one
plan, so it is left out. When the promoter is a third party (vzw, cooperatie, intercommunale,
bedrijf), what the municipality pays it is **paid**; what others fund it passes **outside** the
municipality's accounts. Each plan covers the whole period, whatever the file's own horizon.
Every year, received + paid + internal + outside = the sum of the plans' lines, to the cent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from klaverblad.advice.portfolio import CHUNK
from klaverblad.model import Initiative
from klaverblad.model.months import parse_month
from klaverblad.plan.financing_plan import Horizon, compute_plans
from klaverblad.plan.ledger import Line
from klaverblad.report.bbc_mapping import MAPPING, Entry
from klaverblad.rules import baseline_system

SCHEMA = "klaverblad.multi-year-plan/1"
PERIOD_START = "2026-01"
YEARS = tuple(range(2026, 2032))
PERIOD_MONTHS = 12 * len(YEARS)
LOCAL_GOVERNMENT = ("gemeente", "ocmw")
# Who a line's funder is (RULEBOOK §1 funders): the budget owners, the client groups, and
# free text naming a local government.
CLIENTS = ("particulier", "kansarm", "bedrijf")
_LOCAL_WORDS = re.compile(r"\b(stad|gemeente|ocmw|lokaal bestuur)\b", re.IGNORECASE)


class UnknownMunicipalityError(ValueError):
    """No initiative of the portfolio belongs to the municipality asked for."""

    def __init__(self, name: str, known: list[str]) -> None:
        self.name = name
        self.known = known
        super().__init__(name)


def funder_kind(funder: str, municipality: str) -> str:
    """`federal`, `flemish`, `local` (this municipality: `lokaal`, the client group `stad`, or
    a text naming a stad/gemeente/OCMW and this municipality), `other_local` (a text naming
    another local government), `clients` or `other`.

    >>> funder_kind("Stad Aalst (milieudienst)", "Aalst"), funder_kind("Stad Gent", "Aalst")
    ('local', 'other_local')
    >>> funder_kind("federaal", "Aalst"), funder_kind("kansarm", "Aalst")
    ('federal', 'clients')
    """
    if funder == "federaal":
        return "federal"
    if funder == "Vlaams":
        return "flemish"
    if funder in ("lokaal", "stad"):
        return "local"
    if funder in CLIENTS:
        return "clients"
    if _LOCAL_WORDS.search(funder):
        return "local" if municipality.casefold() in funder.casefold() else "other_local"
    return "other"


def direction(initiative: Initiative, kind: str) -> str:
    """received, paid, internal or outside (the module's rules)."""
    own = initiative.promoter.legal_form in LOCAL_GOVERNMENT
    if kind == "local":
        return "internal" if own else "paid"
    return "received" if own else "outside"


@dataclass
class Row:
    """One row of the export: a mapping entry, a funder and a leaf, cents per year."""

    entry: Entry
    funder: str
    kind: str
    leaf: str
    cents: dict[int, int] = field(default_factory=lambda: dict.fromkeys(YEARS, 0))
    initiatives: set[str] = field(default_factory=set)

    @property
    def total(self) -> int:
        return sum(self.cents.values())


@dataclass
class MultiYearPlan:
    municipality: str
    initiatives: list[Initiative]
    rows: list[Row]
    # Per year: the money left out (internal; outside the municipality's accounts) and the sum
    # of all the plans' lines, with which rows + internal + outside reconcile.
    internal: dict[int, int]
    outside: dict[int, int]
    plan_totals: dict[int, int]
    # Lines whose amount the rules cannot compute (amount unknown): initiative, measure, year.
    unknown: list[tuple[str, str, int]]
    other_municipalities: int
    rules_version: str

    def year_total(self, year: int, direction: str) -> int:
        return sum(r.cents[year] for r in self.rows if r.entry.direction == direction)


def _municipality_of(initiatives: list[Initiative], name: str) -> tuple[str, list[Initiative]]:
    wanted = name.strip().casefold()
    own = [i for i in initiatives if i.promoter.municipality.strip().casefold() == wanted]
    if not own:
        known = sorted({i.promoter.municipality for i in initiatives}, key=str.casefold)
        raise UnknownMunicipalityError(name, known)
    return own[0].promoter.municipality, own


def compute_multi_year_plan(
    initiatives: list[Initiative], municipality: str, system: TaxBenefitSystem | None = None
) -> MultiYearPlan:
    """The multi-year plan of `municipality` from the initiatives of a portfolio (those of
    other municipalities are left out and counted); raises `UnknownMunicipalityError`."""
    name, own = _municipality_of(initiatives, municipality)
    system = system or baseline_system()
    horizon = Horizon(parse_month(PERIOD_START), PERIOD_MONTHS)
    rows: dict[tuple[str, str, str], Row] = {}
    internal = dict.fromkeys(YEARS, 0)
    outside = dict.fromkeys(YEARS, 0)
    totals = dict.fromkeys(YEARS, 0)
    unknown: list[tuple[str, str, int]] = []
    version = ""
    for offset in range(0, len(own), CHUNK):
        chunk = own[offset : offset + CHUNK]
        for plan in compute_plans([(i, horizon) for i in chunk], system):
            version = plan.rules_version
            for line in plan.lines:
                _book(plan.initiative, line, name, rows, internal, outside, totals, unknown)
    order = {entry.id: index for index, entry in enumerate(MAPPING.entries)}
    return MultiYearPlan(
        municipality=name,
        initiatives=own,
        rows=sorted(rows.values(), key=lambda r: (order[r.entry.id], r.leaf, r.funder)),
        internal=internal,
        outside=outside,
        plan_totals=totals,
        unknown=unknown,
        other_municipalities=len(initiatives) - len(own),
        rules_version=version,
    )


def _book(
    initiative: Initiative,
    line: Line,
    municipality: str,
    rows: dict[tuple[str, str, str], Row],
    internal: dict[int, int],
    outside: dict[int, int],
    totals: dict[int, int],
    unknown: list[tuple[str, str, int]],
) -> None:
    totals[line.year] += line.cents
    if line.status == "not_computable":
        unknown.append((initiative.id, line.measure, line.year))
    kind = funder_kind(line.funder, municipality)
    way = direction(initiative, kind)
    if way == "internal":
        internal[line.year] += line.cents
        return
    if way == "outside":
        outside[line.year] += line.cents
        return
    entry = MAPPING.entry(way, line.leaf, line.component)
    key = (entry.id, line.funder, line.leaf)
    row = rows.get(key)
    if row is None:
        row = rows[key] = Row(entry, line.funder, kind, line.leaf)
    row.cents[line.year] += line.cents
    row.initiatives.add(initiative.id)
