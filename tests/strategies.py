"""Hypothesis strategies for VALID initiative documents (CONTRACT §2).

`initiative_documents()` draws the data of an initiative file — the dict that YAML or JSON
gives — that `klaverblad.model.parse_initiative` accepts: every cross-field rule of
`klaverblad.model.consistency` holds (unique ids, birth before start, end after start, `lde`
only for a non-commercial promoter, a price unless paid with dienstencheques, an agreement
with exactly one amount and a known activity, `overig` grants with a leaf, from ≤ until).

Sizes are small (at most 4 people, 3 activities, 2 agreements, 3 grants, 36 months) so that a
plan takes milliseconds; values are spread so that every wage statute can be eligible: people
with and without a statute, fte, dates before, inside and after the horizon (also before the
rules' first parameter values, where lines are `not_computable`), every payment type and client
group, degressive grants with windows. Amounts are JSON numbers (int or float with at most 2
decimals; fte and factors at most 4), dates and months text, as a client writes them.
`initiative_documents(huge=True)` also draws amounts and hours up to the model's limits and
horizons of 240 months.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, get_args

from hypothesis import strategies as st

from klaverblad.model.consistency import LDE_LEGAL_FORMS
from klaverblad.model.initiative import (
    ActivityKind,
    Begeleiding,
    ClientGroup,
    Diploma,
    Domain,
    GrantMeasure,
    Leaf,
    LegalForm,
    Payment,
    Recognition,
    Role,
    Status,
    Statute,
)
from klaverblad.model.months import month_index, month_label

Data = dict[str, Any]

# The horizon starts between these years: before the first parameter value of most measures
# (1990s), through the 2014 regionalisation and the 2017 and 2023 reforms, into the future.
FIRST_YEAR, LAST_YEAR = 1995, 2032
MAX_MONTHS = 36
# The largest amount and number of hours the model accepts (klaverblad.model.fields).
MAX_MONEY = 999_999_999.99
MAX_HUNDREDTHS_OF_HOURS = 100_000 * 100
NAMES = ("vzw BIK", "OCMW Aalst", "Stad Antwerpen", "Kind en Gezin", "Vlaams", "Wijk-werken")


def _choice(literal: Any) -> st.SearchStrategy[str]:
    return st.sampled_from(get_args(literal))


def _decimal_number(units: int, places: int) -> int | float:
    """`units` / 10**places as the JSON number a person would write (2100 or 2100.5)."""
    scale = 10**places
    return units // scale if units % scale == 0 else units / scale


def money(max_euros: int) -> st.SearchStrategy[int | float]:
    """An amount in euros with at most 2 decimals, from 0 to `max_euros`."""
    return st.integers(0, max_euros * 100).map(lambda cents: _decimal_number(cents, 2))


def amounts(typical_euros: int, huge: bool) -> st.SearchStrategy[int | float]:
    """Money up to `typical_euros`; with `huge`, also the model's largest amount and anything
    up to it."""
    if not huge:
        return money(typical_euros)
    return st.one_of(money(typical_euros), st.just(MAX_MONEY), money(10**9 - 1))


def text_names() -> st.SearchStrategy[str]:
    """A non-blank free-text name (funder, promoter, municipality), at most 30 characters."""
    written = st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
        min_size=1,
        max_size=30,
    ).filter(lambda text: bool(text.strip()))
    return st.one_of(st.sampled_from(NAMES), written)


def _day(first: date, last: date) -> st.SearchStrategy[date]:
    return st.integers(0, (last - first).days).map(lambda days: first + timedelta(days=days))


@st.composite
def people(
    draw: st.DrawFn, horizon_start: date, horizon_end: date, huge: bool = False
) -> list[Data]:
    """0..4 people with unique ids, starting up to 3 years before the horizon and up to half a
    year after it, some with an end date."""
    identifiers = draw(
        st.lists(st.sampled_from(["w1", "w2", "w3", "s1", "h1", "a-4"]), max_size=4, unique=True)
    )
    result = []
    for identifier in identifiers:
        start = draw(_day(horizon_start - timedelta(days=3 * 365), horizon_end + timedelta(183)))
        age_days = draw(st.integers(16 * 365, 68 * 365))
        person: Data = {
            "id": identifier,
            "role": draw(_choice(Role)),
            "birth_date": (start - timedelta(days=age_days)).isoformat(),
            "diploma": draw(_choice(Diploma)),
            "status": draw(_choice(Status)),
            "unemployed_months": draw(st.one_of(st.integers(0, 72), st.sampled_from([0, 1200]))),
            "start_date": start.isoformat(),
            "fte": draw(st.integers(1, 10_000).map(lambda units: _decimal_number(units, 4))),
            "monthly_wage_cost": draw(amounts(6000, huge)),
        }
        if draw(st.booleans()):
            person["end_date"] = draw(_day(start, start + timedelta(days=4 * 365))).isoformat()
        if draw(st.booleans()):
            person["statute"] = draw(_choice(Statute))
        for flag in ("placed_by_ocmw", "gesco_verhoogd", "wep_verlengd"):
            if draw(st.booleans()):
                person[flag] = draw(st.booleans())
        if draw(st.booleans()):
            person["maatwerk_loonpremie_pct"] = draw(st.sampled_from(range(20, 80, 5)))
        if draw(st.booleans()):
            person["maatwerk_begeleiding"] = draw(_choice(Begeleiding))
        result.append(person)
    return result


@st.composite
def activities(draw: st.DrawFn, huge: bool = False) -> list[Data]:
    """0..3 activities with unique ids; a price unless paid with dienstencheques (then
    sometimes one anyway, which the model allows)."""
    identifiers = draw(
        st.lists(st.sampled_from(["klussen", "strijk", "vervoer", "a1"]), max_size=3, unique=True)
    )
    result = []
    for identifier in identifiers:
        payment = draw(_choice(Payment))
        hundredths = MAX_HUNDREDTHS_OF_HOURS if huge else 50_000
        activity: Data = {
            "id": identifier,
            "kind": draw(_choice(ActivityKind)),
            "hours_per_month": draw(
                st.integers(0, hundredths).map(lambda h: _decimal_number(h, 2))
            ),
            "payment": payment,
            "client_group": draw(_choice(ClientGroup)),
        }
        if payment != "dienstencheque" or draw(st.booleans()):
            # PWA prices around the legal range [4.95, 7.45] so that some months allow them.
            prices = st.one_of(amounts(40, huge), st.sampled_from([4.95, 7.45]))
            activity["price_per_hour"] = draw(prices)
        result.append(activity)
    return result


@st.composite
def agreements(draw: st.DrawFn, activity_ids: list[str], huge: bool = False) -> list[Data]:
    """0..2 agreements, each with either a yearly amount or an hourly amount for an activity."""
    result = []
    for _ in range(draw(st.integers(0, 2))):
        agreement: Data = {"funder": draw(text_names()), "domain": draw(_choice(Domain))}
        per_hour = draw(st.booleans())
        if activity_ids and per_hour:
            agreement["amount_per_hour"] = draw(amounts(20, huge))
            agreement["activity"] = draw(st.sampled_from(activity_ids))
        else:
            agreement["amount_per_year"] = draw(amounts(20_000, huge))
        result.append(agreement)
    return result


@st.composite
def grants(
    draw: st.DrawFn, first_month: int, months: int, count: int | None = None, huge: bool = False
) -> list[Data]:
    """0..3 grants (or exactly `count`): degression, windows from two years before the horizon
    to one year after it, a leaf where required (and sometimes where not)."""
    result = []
    for _ in range(draw(st.integers(0, 3)) if count is None else count):
        measure = draw(_choice(GrantMeasure))
        grant: Data = {
            "measure": measure,
            "funder": draw(text_names()),
            "amount_per_year": draw(amounts(50_000, huge)),
        }
        if measure == "overig" or draw(st.booleans()):
            grant["leaf"] = draw(_choice(Leaf))
        if draw(st.booleans()):
            factors = st.integers(0, 10_000).map(lambda units: _decimal_number(units, 4))
            grant["degression"] = draw(st.lists(factors, min_size=1, max_size=4))
        window = st.integers(first_month - 24, first_month + months + 12)
        bounds = sorted(draw(st.lists(window, min_size=2, max_size=2)))
        if draw(st.booleans()):
            grant["from"] = month_label(bounds[0])
        if draw(st.booleans()):
            grant["until"] = month_label(bounds[1])
        if draw(st.booleans()):
            grant["component"] = draw(st.sampled_from(["werkingsmiddelen", "omkadering", "x_1"]))
        result.append(grant)
    return result


@st.composite
def initiative_documents(draw: st.DrawFn, huge: bool = False) -> Data:
    """The data of a valid initiative file (see the module's docstring). With `huge`, amounts
    and hours reach the model's limits and the horizon its 240 months."""
    recognitions = draw(st.lists(_choice(Recognition), max_size=3, unique=True))
    legal_forms = LDE_LEGAL_FORMS if "lde" in recognitions else get_args(LegalForm)
    year = draw(st.integers(FIRST_YEAR, LAST_YEAR))
    month = draw(st.integers(1, 12))
    months = draw(
        st.one_of(st.integers(1, MAX_MONTHS), st.just(240)) if huge else st.integers(1, MAX_MONTHS)
    )
    first = month_index(year, month)
    horizon_start = date(year, month, 1)
    horizon_end = date((first + months) // 12, (first + months) % 12 + 1, 1) - timedelta(1)
    document: Data = {
        "id": draw(st.from_regex(r"[a-z0-9-]{1,20}", fullmatch=True)),
        "name": draw(text_names()),
        "promoter": {
            "name": draw(text_names()),
            "legal_form": draw(st.sampled_from(legal_forms)),
            "municipality": draw(text_names()),
        },
        "horizon": {"start": month_label(first), "months": months},
    }
    always = draw(st.booleans())  # an empty list too, sometimes
    if recognitions or always:
        document["recognitions"] = recognitions
    staff = draw(people(horizon_start, horizon_end, huge))
    if staff or always:
        document["people"] = staff
    services = draw(activities(huge))
    if services:
        document["activities"] = services
    deals = draw(agreements([activity["id"] for activity in services], huge))
    if deals:
        document["agreements"] = deals
    funding = draw(grants(first, months, huge=huge))
    if funding:
        document["grants"] = funding
    if draw(st.booleans()):
        document["costs"] = {"operating_per_year": draw(amounts(100_000, huge))}
    return document
