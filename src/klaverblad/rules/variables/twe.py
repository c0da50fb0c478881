"""Tijdelijke Werkervaring, the art. 60 route (RULEBOOK §3.2): VDAB pays the OCMW an
inspanningsvergoeding and a compensatievergoeding per month, for 24 months."""

from openfisca_core.periods import ETERNITY
from openfisca_core.variables import Variable

from klaverblad.rules.dated import at_start, in_force, pay
from klaverblad.rules.entities import Worker, WorkerMonth
from klaverblad.rules.variables.art60 import leefloon_or_aid, ocmw_employer

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


class twe_eligible(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "Eligible for TWE (art. 60 route) at the start of employment"
    reference = TWE_FINANCING

    def formula(worker, period):
        return (
            worker("twe_start_window_ok", period)
            * worker("twe_employer_ok", period)
            * worker("twe_status_ok", period)
        )


class twe_paying(Variable):
    value_type = bool
    entity = WorkerMonth
    definition_period = ETERNITY
    label = "TWE is paid this month: eligible, employed, within 24 months of employment"
    reference = TWE_FINANCING

    def formula(row, period):
        months = in_force(row, period).twe.duration_months
        return (
            row.worker("twe_eligible", period)
            * row("employed", period)
            * (row("month_of_employment", period) <= months)
        )


class twe_inspanningsvergoeding(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "TWE inspanningsvergoeding per month (not pro rata FTE)"
    reference = TWE_FINANCING

    def formula(row, period):
        amount = in_force(row, period).twe.inspanningsvergoeding
        return pay(row("twe_paying", period), amount)


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
