"""SINE — sociale inschakelingseconomie (RULEBOOK §3.3).

RSZ target-group reduction per calendar quarter plus an activation allowance per month, for
low-skilled long-term unemployed people hired by a social-economy employer.
"""

import numpy
from openfisca_core.periods import ETERNITY
from openfisca_core.variables import Variable

from klaverblad.rules.dated import at_start, in_force, pay
from klaverblad.rules.entities import Worker, WorkerMonth

SINE_KB = "KB 3 mei 1999 (SINE), art. 7 §1, 3de lid, m, besluitwet 28 december 1944"
SINE_PAGE = "https://www.vlaanderen.be/sociale-inschakelingseconomie-sine"


class sine_start_window_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "Employment starts while SINE is open to new hires (until 2023-06-30)"
    reference = "rva.be infoblad E13: SINE afgeschaft in Vlaanderen vanaf 1 juli 2023"

    def formula(worker, period):
        return at_start(worker, period).sine.start_window


class sine_employer_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = (
        "The employer is a SINE employer (LDE, sociale werkplaats, inschakelingsbedrijf, PWA, "
        "maatwerkbedrijf or OCMW)"
    )
    reference = "socialsecurity.be DmfAPPL 2018/4, doelgroepvermindering SINE: werkgevers"

    def formula(worker, period):
        legal_form = worker("legal_form", period)
        # '+' is a vectorial 'or'
        return (
            worker("recognised_lde", period)
            + worker("recognised_swp", period)
            + worker("recognised_inschakelingsbedrijf", period)
            + worker("recognised_pwa", period)
            + worker("recognised_maatwerkbedrijf", period)
            + (legal_form == legal_form.possible_values.ocmw)
        )


class sine_status_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = (
        "At hire the person is unemployed on benefit, or receives leefloon or financial social aid"
    )
    reference = SINE_KB

    def formula(worker, period):
        status = worker("status", period)
        values = status.possible_values
        return (
            (status == values.uvw)
            + (status == values.wachtuitkering)
            + (status == values.leefloon)
            + (status == values.financiele_hulp)
        )


class sine_low_skilled(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = (
        "The person is low-skilled (no diploma of hoger secundair onderwijs), if SINE requires it"
    )
    reference = SINE_PAGE

    def formula(worker, period):
        required = at_start(worker, period).sine.low_skilled_required
        return worker("low_skilled", period) + ~required


class sine_unemployment_months_required(Variable):
    value_type = int
    entity = Worker
    definition_period = ETERNITY
    label = "Months of unemployment SINE requires, by age at start and status"
    reference = SINE_KB

    def formula(worker, period):
        rule = at_start(worker, period).sine.unemployment_months
        status = worker("status", period)
        on_benefit = (status == status.possible_values.uvw) + (
            status == status.possible_values.wachtuitkering
        )
        older = worker("age_at_start", period) >= rule.older_from_age
        young_threshold = numpy.where(on_benefit, rule.benefit_under_age, rule.aid_under_age)
        older_threshold = numpy.where(on_benefit, rule.benefit_from_age, rule.aid_from_age)
        return numpy.where(older, older_threshold, young_threshold).astype(numpy.int64)


class sine_unemployment_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "The person was unemployed long enough before hire (by age and status)"
    reference = SINE_KB

    def formula(worker, period):
        return worker("unemployed_months", period) >= worker(
            "sine_unemployment_months_required", period
        )


class sine_allowance_months(Variable):
    value_type = int
    entity = Worker
    definition_period = ETERNITY
    label = "Months of employment with the activation allowance (0: unlimited, age at start 45+)"
    reference = "rva.be infoblad E13 (45-minners: beperkte duur; 45-plussers: onbeperkt)"

    def formula(worker, period):
        rule = at_start(worker, period).sine.herinschakelingsuitkering
        unlimited = worker("age_at_start", period) >= rule.unlimited_from_age
        return numpy.where(unlimited, 0, rule.months_under_age).astype(numpy.int64)


class sine_doelgroepvermindering(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = (
        "SINE doelgroepvermindering: a forfait per calendar quarter × FTE, booked in the quarter's "
        "last month"
    )
    reference = SINE_PAGE

    def formula(row, period):
        """The quarterly forfait × FTE, no duration limit, while it is still booked (the
        transition to maatwerk ends it)."""
        rule = in_force(row, period).sine.doelgroepvermindering
        due = row.worker("sine_eligible", period) * row("quarter_forfait_due", period) * rule.booked
        return pay(due, rule.amount * row.worker("fte", period))


class sine_herinschakelingsuitkering(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "SINE herinschakelingsuitkering: a monthly allowance × FTE, for 24 months below age 45"
    reference = SINE_PAGE

    def formula(row, period):
        """The monthly allowance × FTE; a limited number of months of employment below the
        age limit at start, unlimited from it; while it is still paid."""
        rule = in_force(row, period).sine.herinschakelingsuitkering
        months = row.worker("sine_allowance_months", period)
        within_duration = (months == 0) + (row("month_of_employment", period) <= months)
        due = row.worker("sine_eligible", period) * row("employed", period) * within_duration
        return pay(due * rule.paid, rule.amount * row.worker("fte", period))
