"""SINE — sociale inschakelingseconomie (RULEBOOK §3.3).

RSZ target-group reduction per calendar quarter plus an activation allowance per month, for
low-skilled long-term unemployed people hired by a social-economy employer.
"""

import numpy
from openfisca_core.periods import ETERNITY
from openfisca_core.variables import Variable

from klaverblad.rules.dated import at_start, in_force, pay_computed
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
        months = numpy.where(older, older_threshold, young_threshold)
        # A start before the thresholds' first values (1970) reads nan: 0 months, never a cast
        # of nan (the start window refuses such a start: SINE opened in 1999).
        return numpy.nan_to_num(months).astype(numpy.int64)


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


class sine_band_quarters(Variable):
    value_type = int
    entity = Worker
    definition_period = ETERNITY
    label = (
        "Calendar quarters with SINE support (k = 1 is the quarter of hire): 21 below 45 after "
        "long unemployment, 11 for others below 45, 0 (no limit) from 45"
    )
    reference = "herwin.be — SINE-doelgroepverminderingen (RSZ-codes 3240, 3241, 3250)"

    def formula(worker, period):
        band = at_start(worker, period).sine.band
        status = worker("status", period)
        values = status.possible_values
        on_benefit = (status == values.uvw) + (status == values.wachtuitkering)
        on_aid = (status == values.leefloon) + (status == values.financiele_hulp)
        months = worker("unemployed_months", period)
        long_unemployed = on_benefit * (months >= band.long_benefit_months) + on_aid * (
            months >= band.long_aid_months
        )
        limited = numpy.where(long_unemployed, band.long_quarters, band.short_quarters)
        unlimited = worker("age_at_start", period) >= band.unlimited_from_age
        return numpy.where(unlimited, 0, limited).astype(numpy.int64)


class sine_allowance_months(Variable):
    value_type = int
    entity = Worker
    definition_period = ETERNITY
    label = (
        "Months of employment inside the SINE band: the rest of the quarter of hire plus the "
        "band's other quarters (0: no limit, age at start 45+)"
    )
    reference = "rva.be infoblad E13 (45-minners: maximaal 10/20 kwartalen; 45-plussers: onbeperkt)"

    def formula(worker, period):
        quarters = worker("sine_band_quarters", period)
        rest_of_first_quarter = 3 - worker("start_month_index", period) % 3
        months = rest_of_first_quarter + 3 * (quarters - 1)
        return numpy.where(quarters == 0, 0, months).astype(numpy.int64)


class sine_within_band(Variable):
    value_type = bool
    entity = WorkerMonth
    definition_period = ETERNITY
    label = "The row's calendar quarter index k is inside the person's SINE band"
    reference = "herwin.be — SINE-doelgroepverminderingen"

    def formula(row, period):
        quarters = row.worker("sine_band_quarters", period)
        within = row("quarter_of_employment", period) <= quarters
        within |= quarters == 0
        return within


class sine_doelgroepvermindering(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = (
        "SINE doelgroepvermindering: a forfait per calendar quarter × FTE inside the band, booked "
        "in the quarter's last month"
    )
    reference = SINE_PAGE

    def formula(row, period):
        """The quarterly forfait × FTE for quarters k inside the band, while the employer still
        books it (the transition to individueel maatwerk: after 2023-06 for a promoter
        recognised as LDE, after 2025-06 at the latest for any other)."""
        rule = in_force(row, period).sine.doelgroepvermindering
        amount = rule.amount * row.worker("fte", period)
        lde = row.worker("recognised_lde", period)
        booked = numpy.where(lde, rule.booked_lde, rule.booked)
        # In place: over millions of rows each new array costs more than the 'and'.
        due = row.worker("sine_eligible", period) & row("quarter_forfait_due", period)
        due &= row("sine_within_band", period)
        due &= booked
        return pay_computed(due, amount)


class sine_herinschakelingsuitkering(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = (
        "SINE herinschakelingsuitkering: a monthly allowance × FTE in the months of employment "
        "inside the band"
    )
    reference = SINE_PAGE

    def formula(row, period):
        """The monthly allowance × FTE in months of employment whose quarter k is inside the
        band, while the employer still gets it (after 2023-06 no longer for a promoter
        recognised as LDE, maatwerkbedrijf or sociale werkplaats; after 2025-06 for none)."""
        rule = in_force(row, period).sine.herinschakelingsuitkering
        worker = row.worker
        amount = rule.amount * worker("fte", period)
        paid = numpy.where(
            worker("recognised_lde", period),
            rule.paid_lde,
            numpy.where(
                worker("recognised_maatwerkbedrijf", period) + worker("recognised_swp", period),
                rule.paid_maatwerkbedrijf_swp,
                rule.paid,
            ),
        )
        due = worker("sine_eligible", period) & row("employed", period)
        due &= row("sine_within_band", period)
        due &= paid
        return pay_computed(due, amount)
