"""Activa (RULEBOOK §3.4): the unemployment benefit activated as a werkuitkering, for a number
of months that depends on the age at start and the months of unemployment, in the table of the
start date: that of 2002–2006 (KB 19-12-2001) or that of c. 2013 for starts from 2007 (the band
parameters are dated; a band a table lacks gives 0 months)."""

import numpy
from openfisca_core.periods import ETERNITY
from openfisca_core.variables import Variable

from klaverblad.rules.dated import at_start, in_force, pay
from klaverblad.rules.entities import Worker, WorkerMonth

ACTIVA_KB = "KB 19 december 2001 (Activa); werk.belgie.be A-Z id=994"
ACTIVA_TABLE = (
    "KB 19 december 2001 (starts 2002–2006); "
    "ACLVB-brochure 'Arme werkgevers…' p. 31 (werkuitkeringstabel c. 2013, starts from 2007)"
)
BANDS = ("young_12", "under_45_24", "under_45_36", "under_45_60", "from_45_18")


class activa_start_window_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "Employment starts between 2002-01-01 and 2016-12-31"
    reference = (
        "rva.be infoblad T1: Activa afgeschaft in Vlaanderen voor aanwervingen vanaf 1 januari 2017"
    )

    def formula(worker, period):
        return at_start(worker, period).activa.start_window


class activa_status_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "The person has a benefit to activate: unemployment benefit or leefloon"
    reference = ACTIVA_KB

    def formula(worker, period):
        status = worker("status", period)
        values = status.possible_values
        return (
            (status == values.uvw) + (status == values.wachtuitkering) + (status == values.leefloon)
        )


class activa_band_months(Variable):
    value_type = int
    entity = Worker
    definition_period = ETERNITY
    label = (
        "Months of werkuitkering of the longest Activa band the person fits, in the table of the "
        "start date (0: none)"
    )
    reference = ACTIVA_TABLE

    def formula(worker, period):
        bands = at_start(worker, period).activa.bands
        age = worker("age_at_start", period)
        unemployed = worker("unemployed_months", period)
        longest = numpy.zeros(len(age), dtype=numpy.int64)
        for name in BANDS:
            band = getattr(bands, name)
            fits = (
                (band.min_age <= age)
                * (age < band.below_age)
                * (unemployed >= band.min_unemployed_months)
            )
            longest = numpy.maximum(longest, numpy.where(fits, band.months, 0).astype(numpy.int64))
        return longest


class activa_band_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "Age at start and months of unemployment fit an Activa band"
    reference = ACTIVA_TABLE

    def formula(worker, period):
        return worker("activa_band_months", period) > 0


class activa_werkuitkering(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Activa werkuitkering: a monthly amount × FTE for the band's months of employment"
    reference = ACTIVA_TABLE

    def formula(row, period):
        within = row("month_of_employment", period) <= row.worker("activa_band_months", period)
        due = row.worker("activa_eligible", period) * row("employed", period) * within
        return pay(due, in_force(row, period).activa.werkuitkering * row.worker("fte", period))
