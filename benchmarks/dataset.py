"""A fixed-seed synthetic population of LDE workers, as plain numpy arrays.

One entry per worker. Dates are `datetime64[D]`; enumerations are arrays of the enum names
(`str`), exactly as `Simulation.set_input` accepts them; an open-ended contract has the end
date 2999-12-31 (the `end_date` default of the rules).

The mix is meant to exercise every branch of SINE, GESCO and Art. 60 (RULEBOOK §3.1, 3.3, 3.5)
with realistic weights:
- age at start 18–64, with birthdays on the first of the month and in the start month;
- starts from 6 years before the horizon to its last month, on any day of the month;
- about 30 % with an end date (some before the horizon, some inside it);
- FTE mostly 1.0 / 0.8 / 0.5, some 0.3, 0.25 and 0.7 (0.3 gives Art. 60 the exact-ceil case
  12 / 0.3 = 40, and 0.25 gives half-cent amounts such as 834.14 × 0.25);
- every status, diploma and legal form, with LDE recognitions only for the legal forms that
  may hold them, and unemployment durations clustered around the thresholds (SINE's
  eligibility and its 11/21-quarter bands, GESCO's 6 months);
- every case of the SINE transition of 2023 (§3.3, first case that applies): recognition `lde`
  (alone or with others), `maatwerkbedrijf` or `swp` without `lde`, another SINE recognition
  only (`inschakelingsbedrijf`, `pwa`), and an OCMW without recognition;
- a GESCO post (`gesco_post`, §3.5) for about half of the people;
- about 5 % of very low wage costs, so that the GESCO cap binds.
"""

from __future__ import annotations

import numpy

NO_END_DATE = numpy.datetime64("2999-12-31", "D")

STATUSES = ("uvw", "wachtuitkering", "leefloon", "financiele_hulp", "nwwz", "geen")
STATUS_WEIGHTS = (0.33, 0.10, 0.25, 0.10, 0.12, 0.10)
DIPLOMAS = ("geen", "lager", "lager_secundair", "hoger_secundair", "hoger")
DIPLOMA_WEIGHTS = (0.15, 0.20, 0.30, 0.25, 0.10)
LEGAL_FORMS = ("vzw", "ocmw", "gemeente", "intercommunale", "cooperatie", "bedrijf")
LEGAL_FORM_WEIGHTS = (0.45, 0.20, 0.10, 0.05, 0.10, 0.10)
FTES = (1.0, 0.8, 0.5, 0.3, 0.25, 0.7)
FTE_WEIGHTS = (0.40, 0.20, 0.25, 0.05, 0.05, 0.05)
RECOGNITIONS = (
    "lde",
    "swp",
    "inschakelingsbedrijf",
    "dienstencheque_onderneming",
    "pwa",
    "maatwerkbedrijf",
)
# Inputs the four benchmarked amount variables read (a subset of `variables/inputs.py`).
WORKER_INPUTS = (
    "start_date",
    "end_date",
    "birth_date",
    "fte",
    "monthly_wage_cost",
    "unemployed_months",
    "status",
    "diploma",
    "legal_form",
    "placed_by_ocmw",
    "gesco_verhoogd",
    "gesco_post",
    *(f"recognised_{name}" for name in RECOGNITIONS),
)

Population = dict[str, numpy.ndarray]


def horizon_months(start: str | numpy.datetime64, months: int) -> numpy.ndarray:
    """The first day of each month of the horizon (`start` is any day of its first month)."""
    first = numpy.asarray(start).astype("datetime64[M]")
    return (first + numpy.arange(months)).astype("datetime64[D]")


def population(
    n: int, horizon_start: numpy.datetime64, months: int, seed: int = 20060701
) -> Population:
    """`n` workers for a horizon of `months` months from `horizon_start` (a month's first day)."""
    rng = numpy.random.default_rng(seed)
    first = numpy.asarray(horizon_start).astype("datetime64[M]")

    # Start: any month from 72 months before the horizon to its last month, any day (1–28).
    start_month = first - 72 + rng.integers(0, 72 + months, n)
    start_date = start_month.astype("datetime64[D]") + rng.integers(0, 28, n)

    # Age at start 18–64; birth month anywhere, and a quarter of the births on the 1st.
    age_years = rng.integers(18, 65, n)
    birth_month = start_month - 12 * age_years - rng.integers(0, 12, n)
    birth_day = numpy.where(rng.random(n) < 0.25, 0, rng.integers(0, 28, n))
    birth_date = birth_month.astype("datetime64[D]") + birth_day

    # End: 30 % have one, 1–60 months after the start (some fall before the horizon).
    has_end = rng.random(n) < 0.30
    end_month = start_month + rng.integers(0, 60, n)
    end_date = numpy.where(
        has_end,
        (end_month + 1).astype("datetime64[D]") - rng.integers(1, 29, n),
        NO_END_DATE,
    ).astype("datetime64[D]")

    fte = rng.choice(numpy.array(FTES), n, p=FTE_WEIGHTS)
    per_fte = rng.uniform(1700.0, 4200.0, n)
    per_fte = numpy.where(rng.random(n) < 0.05, rng.uniform(50.0, 600.0, n), per_fte)
    monthly_wage_cost = numpy.round(per_fte * fte, 2)

    # Unemployment: a long tail, with a fifth exactly at or just below a threshold.
    tail = rng.geometric(1 / 18, n) - 1
    at_threshold = rng.choice(numpy.array([2, 3, 5, 6, 11, 12, 23, 24]), n)
    unemployed_months = numpy.where(rng.random(n) < 0.2, at_threshold, tail).astype(numpy.int64)

    status = rng.choice(numpy.array(STATUSES), n, p=STATUS_WEIGHTS)
    diploma = rng.choice(numpy.array(DIPLOMAS), n, p=DIPLOMA_WEIGHTS)
    legal_form = rng.choice(numpy.array(LEGAL_FORMS), n, p=LEGAL_FORM_WEIGHTS)

    # Recognitions: weights such that each case of the SINE transition (§3.3) has hundreds of
    # eligible workers among 10 000: `lde` (about 40 % of those that may hold it),
    # `maatwerkbedrijf` / `swp` (about 15 % each, a part of them without `lde`), another SINE
    # recognition, and none (an OCMW is a SINE employer by its legal form).
    may_hold_lde = legal_form != "bedrijf"
    recognised = {
        "lde": may_hold_lde & (rng.random(n) < 0.40),
        "swp": rng.random(n) < 0.15,
        "inschakelingsbedrijf": rng.random(n) < 0.10,
        "dienstencheque_onderneming": rng.random(n) < 0.15,
        "pwa": rng.random(n) < 0.08,
        "maatwerkbedrijf": rng.random(n) < 0.15,
    }
    on_aid = (status == "leefloon") | (status == "financiele_hulp")
    placed_by_ocmw = (legal_form != "ocmw") & on_aid & (rng.random(n) < 0.4)
    gesco_verhoogd = rng.random(n) < 0.3
    gesco_post = rng.random(n) < 0.5

    data: Population = {
        "start_date": start_date,
        "end_date": end_date,
        "birth_date": birth_date,
        "fte": fte.astype(numpy.float64),
        "monthly_wage_cost": monthly_wage_cost,
        "unemployed_months": unemployed_months,
        "status": status,
        "diploma": diploma,
        "legal_form": legal_form,
        "placed_by_ocmw": placed_by_ocmw,
        "gesco_verhoogd": gesco_verhoogd,
        "gesco_post": gesco_post,
    }
    for name, flags in recognised.items():
        data[f"recognised_{name}"] = flags
    return data
