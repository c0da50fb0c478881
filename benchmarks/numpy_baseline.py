"""A hand-written numpy version of SINE, GESCO and Art. 60 (RULEBOOK v1.2 §1, 3.1, 3.3, 3.5).

This is the benchmark's yardstick, written from the rulebook and independent of the rules
package: it shares no code with `klaverblad.rules` and does not read its YAML. The numbers are
the rulebook's, hard-coded below; the first dates of the undated amounts and windows are those
of the parameter files (SINE from 1999-05-03, Art. 60 from 1976-07-08, GESCO from 1989-01-01),
and thresholds, ages and durations hold at any date (the parameter files date them from 1970, so
that each condition is judged on its own).

Layout: person-level facts are 1-d arrays (one value per worker), computed once; monthly
amounts live on an (n, months) float64 grid. A dated value applies from the first month whose
first day is on or after its start date (RULEBOOK §1), so a value from 1999-05-03 applies from
1999-06. Per month of the horizon a dated parameter is one scalar (one column of the grid).

Outputs (n, months), float64, in EUR:
- `sine_doelgroepvermindering`: 1000 × FTE in the last month of a calendar quarter with at least one
  employed month, for an eligible worker, while the quarter's index k is inside the band (21
  quarters below 45 after long unemployment, 11 for others below 45, no limit from 45); booked
  up to 2023-06 by a promoter recognised as LDE, up to 2025-06 by any other;
- `sine_herinschakelingsuitkering`: 500 × FTE per employed month whose quarter k is inside the
  band; paid up to 2023-06 by a promoter recognised as LDE, maatwerkbedrijf or sociale
  werkplaats, up to 2025-06 by any other;
- `gesco_premie`: min(yearly / 12 × FTE, wage cost) per employed month, with an allocated post
  (`gesco_post`), no duration limit; gemeente, OCMW, intercommunale: starts before 2015-04-01,
  nothing after 2015-03; vzw: starts before 2016-01-01, nothing after 2015-12;
- `art60_staatstoelage`: leefloon category 3 of the month × FTE for ceil(base / FTE) months of
  employment, not after 2018-12; NaN (not computable) in a paying month before 2005-08.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy

Grid = numpy.ndarray

AMOUNTS = (
    "sine_doelgroepvermindering",
    "sine_herinschakelingsuitkering",
    "gesco_premie",
    "art60_staatstoelage",
)


def month_number(year: int, month: int) -> int:
    """Months since year 0: January of year y is 12 y."""
    return year * 12 + month - 1


def months_of(dates: numpy.ndarray) -> numpy.ndarray:
    """Months since year 0 of each `datetime64` value."""
    return dates.astype("datetime64[M]").astype(numpy.int64) + 1970 * 12


# --- the rulebook's numbers (month numbers are the first month a value applies) -------------

SINE_FROM = month_number(1999, 6)  # values dated 1999-05-03
SINE_LAST_START = month_number(2023, 6)  # §3.3: starts until 2023-06-30
# §3.3 transition, first case that applies: a promoter recognised as `lde` stops both
# components after 2023-06; `maatwerkbedrijf` or `swp` stops the allowance after 2023-06 and
# books the reduction to 2025-06; any other employer pays both to 2025-06 at the latest.
SINE_TRANSITION = month_number(2023, 6)
SINE_LAST_MONTH = month_number(2025, 6)
SINE_RSZ_PER_QUARTER = 1000.00  # §3.3 doelgroepvermindering, per calendar quarter × FTE
SINE_ALLOWANCE_PER_MONTH = 500.00  # §3.3 herinschakelingsuitkering, per month × FTE
SINE_OLDER_FROM_AGE = 45
# §3.3 eligibility, unemployment months required: (on benefit, on aid) below 45 and from 45
SINE_THRESHOLDS_UNDER_45 = (12, 6)
SINE_THRESHOLDS_FROM_45 = (6, 3)
# §3.3 band: below 45 with at least (24 on benefit, 12 on aid) months → 21 quarters (RSZ code
# 3241), others below 45 → 11 quarters (3240), from 45 → no limit (3250).
SINE_LONG_BAND_MONTHS = (24, 12)
SINE_LONG_BAND_QUARTERS = 21
SINE_SHORT_BAND_QUARTERS = 11

ART60_FROM = month_number(1976, 8)  # values dated 1976-07-08
ART60_LAST_START = month_number(2016, 12)
ART60_LAST_PAID = month_number(2018, 12)
LEEFLOON_CAT3 = (  # (first month, EUR per month)
    (month_number(2005, 8), 834.14),
    (month_number(2006, 10), 859.31),
    (month_number(2007, 4), 876.50),
    (month_number(2008, 1), 911.93),
    (month_number(2013, 9), 1089.82),
    (month_number(2017, 6), 1179.65),
    (month_number(2017, 9), 1190.27),
    (month_number(2020, 1), 1270.51),
    (month_number(2024, 5), 1741.29),
)

GESCO_FROM = month_number(1989, 1)
GESCO_EMPLOYERS = ("vzw", "gemeente", "ocmw", "intercommunale")  # §3.5 employer
GESCO_LOCAL_AUTHORITIES = ("gemeente", "ocmw", "intercommunale")
# §3.5 window: gemeente, OCMW, intercommunale start before 2015-04-01 and get nothing after
# 2015-03; the others (vzw) start before 2016-01-01 and get nothing after 2015-12.
GESCO_LOCAL_LAST_MONTH = month_number(2015, 3)
GESCO_OTHER_LAST_MONTH = month_number(2015, 12)
GESCO_MIN_UNEMPLOYED_MONTHS = 6
GESCO_BASIS = 5035.01
GESCO_VERHOOGD_TOT_SECUNDAIR = 13163.15
GESCO_VERHOOGD_HOGER = 21492.37

LOW_SKILLED = ("geen", "lager", "lager_secundair")


def leefloon_cat3(months: numpy.ndarray) -> numpy.ndarray:
    """The leefloon in force in each month; NaN before the first known value."""
    value = numpy.full(months.shape, numpy.nan)
    for first, amount in LEEFLOON_CAT3:  # ascending: later values overwrite earlier ones
        value[months >= first] = amount
    return value


def age_at_start(birth: numpy.ndarray, start: numpy.ndarray) -> numpy.ndarray:
    """Completed years on the first day of the start month."""
    birth_month = months_of(birth)
    start_month = months_of(start)
    birth_day = (birth - birth.astype("datetime64[M]")).astype(numpy.int64) + 1
    by, bm = numpy.divmod(birth_month, 12)
    sy, sm = numpy.divmod(start_month, 12)
    # Birthday not yet reached on the 1st of the start month: a later month of the year, or the
    # same month with a birthday after the 1st.
    before_birthday = (sm < bm) | ((sm == bm) & (birth_day > 1))
    return sy - by - before_birthday


def art60_duration(age: numpy.ndarray, fte: numpy.ndarray) -> numpy.ndarray:
    """ceil(base / FTE) months, base 12 / 18 / 24 by age at start, in exact fractions.

    (In floats 12 / 0.3 is 40.000000000000004, which would give 41.) The few distinct FTEs are
    turned into fractions once, and each (base, FTE) pair is looked up in a small table.
    """
    bases = (12, 18, 24)
    base_index = numpy.where(age < 36, 0, numpy.where(age < 50, 1, 2))
    ftes, fte_index = numpy.unique(fte, return_inverse=True)
    table = numpy.array(
        [
            [math.ceil(Fraction(base) / Fraction(float(f)).limit_denominator(10_000)) for f in ftes]
            for base in bases
        ],
        dtype=numpy.int64,
    )
    return table[base_index, fte_index.reshape(-1)]


def compute(data: dict[str, numpy.ndarray], horizon: numpy.ndarray) -> dict[str, Grid]:
    """The four amounts on the (n, months) grid; `horizon` holds the first day of each month."""
    start = months_of(data["start_date"])
    end = months_of(data["end_date"])
    age = age_at_start(data["birth_date"], data["start_date"])
    fte = data["fte"]
    status = data["status"]
    unemployed = data["unemployed_months"]
    legal_form = data["legal_form"]
    ocmw = legal_form == "ocmw"

    # Grid coordinates: rows are workers, columns are months.
    m = months_of(horizon)[None, :]
    s = start[:, None]
    employed = (s <= m) & (m <= end[:, None])
    month_of_employment = m - s + 1

    on_benefit = (status == "uvw") | (status == "wachtuitkering")
    on_aid = (status == "leefloon") | (status == "financiele_hulp")

    # --- SINE (§3.3) ---------------------------------------------------------------------
    older = age >= SINE_OLDER_FROM_AGE
    required = numpy.where(
        older,
        numpy.where(on_benefit, SINE_THRESHOLDS_FROM_45[0], SINE_THRESHOLDS_FROM_45[1]),
        numpy.where(on_benefit, SINE_THRESHOLDS_UNDER_45[0], SINE_THRESHOLDS_UNDER_45[1]),
    )
    sine_employer = (
        data["recognised_lde"]
        | data["recognised_swp"]
        | data["recognised_inschakelingsbedrijf"]
        | data["recognised_pwa"]
        | data["recognised_maatwerkbedrijf"]
        | ocmw
    )
    sine_eligible = (
        (start >= SINE_FROM)
        & (start <= SINE_LAST_START)
        & sine_employer
        & (on_benefit | on_aid)
        & numpy.isin(data["diploma"], LOW_SKILLED)
        & (unemployed >= required)
    )
    # Band of quarters (0: no limit) and calendar quarter index k of each month (§1, §3.3).
    long_unemployed = (on_benefit & (unemployed >= SINE_LONG_BAND_MONTHS[0])) | (
        on_aid & (unemployed >= SINE_LONG_BAND_MONTHS[1])
    )
    band = numpy.where(
        older, 0, numpy.where(long_unemployed, SINE_LONG_BAND_QUARTERS, SINE_SHORT_BAND_QUARTERS)
    )
    k = m // 3 - s // 3 + 1
    within_band = (band[:, None] == 0) | (k <= band[:, None])
    # Transition (§3.3): the last month of each component, by employer, first case first.
    lde = data["recognised_lde"]
    last_rsz = numpy.where(lde, SINE_TRANSITION, SINE_LAST_MONTH)
    stops_allowance = lde | data["recognised_maatwerkbedrijf"] | data["recognised_swp"]
    last_allowance = numpy.where(stops_allowance, SINE_TRANSITION, SINE_LAST_MONTH)
    # Quarter forfait: last month of a calendar quarter, employed in one of its three months.
    quarter_end = m % 3 == 2
    employed_in_quarter = (s <= m) & (end[:, None] >= m - 2)
    rsz = numpy.where(
        sine_eligible[:, None]
        & quarter_end
        & employed_in_quarter
        & within_band
        & (m <= last_rsz[:, None]),
        SINE_RSZ_PER_QUARTER * fte[:, None],
        0.0,
    )
    allowance = numpy.where(
        sine_eligible[:, None] & employed & within_band & (m <= last_allowance[:, None]),
        SINE_ALLOWANCE_PER_MONTH * fte[:, None],
        0.0,
    )

    # --- GESCO (§3.5) --------------------------------------------------------------------
    local_authority = numpy.isin(legal_form, GESCO_LOCAL_AUTHORITIES)
    gesco_last = numpy.where(local_authority, GESCO_LOCAL_LAST_MONTH, GESCO_OTHER_LAST_MONTH)
    # Starts before 2015-04-01 (2016-01-01): the start month is at most the last paid month.
    gesco_window = (start >= GESCO_FROM) & (start <= gesco_last)
    gesco_employer = numpy.isin(legal_form, GESCO_EMPLOYERS)
    unemployed_target = (on_benefit | (status == "nwwz")) & (
        unemployed >= GESCO_MIN_UNEMPLOYED_MONTHS
    )
    gesco_eligible = (
        data["gesco_post"] & gesco_employer & gesco_window & (unemployed_target | on_aid)
    )
    yearly = numpy.where(
        data["gesco_verhoogd"],
        numpy.where(data["diploma"] == "hoger", GESCO_VERHOOGD_HOGER, GESCO_VERHOOGD_TOT_SECUNDAIR),
        GESCO_BASIS,
    )
    monthly_premie = numpy.minimum(yearly / 12 * fte, data["monthly_wage_cost"])
    # No premium is known before 1989-01: such a month is not computable (NaN).
    premie_of_month = numpy.where(m >= GESCO_FROM, monthly_premie[:, None], numpy.nan)
    gesco_paid = m <= gesco_last[:, None]
    gesco = numpy.where(gesco_eligible[:, None] & employed & gesco_paid, premie_of_month, 0.0)

    # --- Art. 60 §7 (§3.1) ---------------------------------------------------------------
    art60_eligible = (
        (start >= ART60_FROM)
        & (start <= ART60_LAST_START)
        & (ocmw | data["placed_by_ocmw"])
        & on_aid
    )
    duration = art60_duration(age, fte)
    paying = (
        art60_eligible[:, None]
        & employed
        & (month_of_employment <= duration[:, None])
        & (m <= ART60_LAST_PAID)
    )
    art60 = numpy.where(paying, leefloon_cat3(m) * fte[:, None], 0.0)

    return {
        "sine_doelgroepvermindering": rsz,
        "sine_herinschakelingsuitkering": allowance,
        "gesco_premie": gesco,
        "art60_staatstoelage": art60,
    }
