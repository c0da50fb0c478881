"""Tijdelijke Werkervaring, the art. 60 route (RULEBOOK v1.2 §3.2): for the art. 60 duration
(ceil(base / FTE) months of employment, no 24-month stop) VDAB pays the OCMW a
compensatievergoeding each month, an inspanningsvergoeding in months 1–24 and a
compensatievergoeding deel 3 from month 25 (445.00 a month in all, not pro rata FTE); the
federal staatstoelage only when `twe.federale_staatstoelage` is switched on (an open question,
§9)."""

import numpy
from openfisca_core.periods import ETERNITY
from openfisca_core.variables import Variable

from klaverblad.rules.dated import at_start, in_force, pay
from klaverblad.rules.entities import Worker, WorkerMonth
from klaverblad.rules.measures.art60.variables import leefloon_or_aid, ocmw_employer

TWE_FINANCING = "https://www.vdab.be/tijdelijkewerkervaring/draaiboek-twe-ocmw/financiering"


class twe_start_window_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "Employment starts on or after 2017-01-01 (TWE replaces the federal Art. 60)"
    reference = TWE_FINANCING

    def formula(worker, period):
        return at_start(worker, period).twe.start_window


class twe_employer_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "The OCMW is the employer or placed the person (placed_by_ocmw)"
    reference = TWE_FINANCING

    def formula(worker, period):
        return ocmw_employer(worker, period)


class twe_status_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "The person receives leefloon or financial social aid"
    reference = TWE_FINANCING

    def formula(worker, period):
        return leefloon_or_aid(worker, period)


class twe_paying(Variable):
    value_type = bool
    entity = WorkerMonth
    definition_period = ETERNITY
    label = "TWE is paid this month: eligible, employed, within the art. 60 duration"
    reference = TWE_FINANCING

    def formula(row, period):
        within = row("month_of_employment", period) <= row.worker("art60_duration_months", period)
        return row.worker("twe_eligible", period) * row("employed", period) * within


def _first_months(row, period):
    """Months of employment 1–24 (the inspanningsvergoeding's), else from 25 (deel 3's)."""
    months = in_force(row, period).twe.inspanningsvergoeding_months
    return row("month_of_employment", period) <= months


class twe_inspanningsvergoeding(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "TWE inspanningsvergoeding per month (not pro rata FTE)"
    reference = TWE_FINANCING

    def formula(row, period):
        amount = in_force(row, period).twe.inspanningsvergoeding
        return pay(row("twe_paying", period) * _first_months(row, period), amount)


class twe_compensatievergoeding(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "TWE compensatievergoeding per month (not pro rata FTE)"
    reference = TWE_FINANCING

    def formula(row, period):
        amount = in_force(row, period).twe.compensatievergoeding
        return pay(row("twe_paying", period), amount)


class twe_compensatievergoeding_deel3(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "TWE compensatievergoeding deel 3 per month from month 25 (not pro rata FTE)"
    reference = "https://www.vvsg.be"

    def formula(row, period):
        amount = in_force(row, period).twe.compensatievergoeding_deel3
        later = numpy.logical_not(_first_months(row, period))
        return pay(row("twe_paying", period) * later, amount)


class twe_federale_staatstoelage(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Federal art. 60 §7 staatstoelage during TWE: leefloon cat. 3 × FTE (when switched on)"
    reference = "https://primabook.mi-is.be"

    def formula(row, period):
        rules = in_force(row, period)
        paying = row("twe_paying", period) * rules.twe.federale_staatstoelage
        return pay(paying, rules.art60.leefloon_cat3 * row.worker("fte", period))
