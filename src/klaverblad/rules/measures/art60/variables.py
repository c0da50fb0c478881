"""Artikel 60 §7 OCMW-wet (RULEBOOK §3.1): the federal state subsidy for an OCMW that employs
a leefloon beneficiary until they open unemployment rights."""

import numpy
from openfisca_core.periods import ETERNITY
from openfisca_core.variables import Variable

from klaverblad.rules.dated import at_start, in_force, pay_computed
from klaverblad.rules.entities import Worker, WorkerMonth

ART60_LAW = "Organieke wet betreffende de OCMW's van 8 juli 1976, art. 60 §7"
ART60_DMFA = (
    "https://www.socialsecurity.be/employer/instructions/dmfappl/nl/2017-4/instructions/"
    "deductions_employementmeasures/targetgroupreductions/article60/general.html"
)


def ocmw_employer(worker, period):
    """The OCMW is the employer, or placed the person under Art. 60 §7."""
    legal_form = worker("legal_form", period)
    return (legal_form == legal_form.possible_values.ocmw) + worker("placed_by_ocmw", period)


def leefloon_or_aid(worker, period):
    status = worker("status", period)
    return (status == status.possible_values.leefloon) + (
        status == status.possible_values.financiele_hulp
    )


class art60_start_window_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "Employment starts while Art. 60 §7 is federal (1976 to 2016-12-31; later: TWE)"
    reference = (
        "vdab.be Tijdelijke Werkervaring: art. 60 §7 in TWE voor nieuwe contracten "
        "vanaf 1 januari 2017"
    )

    def formula(worker, period):
        return at_start(worker, period).art60.start_window


class art60_employer_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "The OCMW is the employer or placed the person (placed_by_ocmw)"
    reference = ART60_LAW

    def formula(worker, period):
        return ocmw_employer(worker, period)


class art60_status_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "The person receives leefloon or financial social aid"
    reference = ART60_DMFA

    def formula(worker, period):
        return leefloon_or_aid(worker, period)


class art60_duration_months(Variable):
    value_type = int
    entity = Worker
    definition_period = ETERNITY
    label = "Months of employment under Art. 60: ceil(base by age at start / FTE)"
    reference = ART60_DMFA

    def formula(worker, period):
        """A base duration by age band at start, divided by the FTE and rounded up, in integer
        basis points (in floats, 12 / 0.3 is 40.000000000000004)."""
        rule = at_start(worker, period).art60.duration
        age = worker("age_at_start", period)
        base = numpy.select(
            [age < rule.middle_from_age, age < rule.older_from_age],
            [rule.base_months_young, rule.base_months_middle],
            rule.base_months_older,
        ).astype(numpy.int64)
        basis_points = numpy.maximum(worker("fte_basis_points", period), 1)
        return -(-(base * 10_000) // basis_points)


class art60_paying(Variable):
    value_type = bool
    entity = WorkerMonth
    definition_period = ETERNITY
    label = "Art. 60 is paid this month: eligible, employed, within the duration, not after 2018-12"
    reference = ART60_DMFA

    def formula(row, period):
        paying = row("month_of_employment", period) <= row.worker("art60_duration_months", period)
        # In place ('&=' is '*' of booleans): a plan may have millions of rows.
        paying &= row.worker("art60_eligible", period)
        paying &= row("employed", period)
        paying &= in_force(row, period).art60.paid
        return paying


class art60_staatstoelage(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Art. 60 staatstoelage: the leefloon (category 3) in force that month × FTE"
    reference = (
        "https://primabook.mi-is.be/nl/recht-op-maatschappelijke-integratie/bedragen-leefloon"
    )

    def formula(row, period):
        """NaN (not computable) in a paying month before the first known leefloon."""
        leefloon = in_force(row, period).art60.leefloon_cat3
        return pay_computed(row("art60_paying", period), leefloon * row.worker("fte", period))
