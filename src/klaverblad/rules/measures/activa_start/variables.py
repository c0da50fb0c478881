"""Activa Start (RULEBOOK v1.2 §3.4.1): a werkuitkering for young low-skilled people, a monthly
amount × FTE for a fixed number of months of employment. The RSZ part is not modelled."""

import numpy
from openfisca_core.periods import ETERNITY
from openfisca_core.variables import Variable

from klaverblad.rules.dated import at_start, in_force, pay
from klaverblad.rules.entities import Worker, WorkerMonth

ACTIVA_START = "news.belgium.be — Activa Start (werkuitkering 350 euro per maand)"


class activa_start_start_window_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "Employment starts between 2006-04-01 and 2016-06-30"
    reference = ACTIVA_START

    def formula(worker, period):
        return at_start(worker, period).activa_start.start_window


class activa_start_age_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "Age at start below 26"
    reference = ACTIVA_START

    def formula(worker, period):
        age = worker("age_at_start", period)
        return age < at_start(worker, period).activa_start.below_age


class activa_start_low_skilled(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "The person is low-skilled (at most lager secundair onderwijs)"
    reference = ACTIVA_START

    def formula(worker, period):
        return worker("low_skilled", period)


class activa_start_months(Variable):
    value_type = int
    entity = Worker
    definition_period = ETERNITY
    label = "Months of employment with an Activa Start werkuitkering"
    reference = ACTIVA_START

    def formula(worker, period):
        months = at_start(worker, period).activa_start.months
        return numpy.nan_to_num(months).astype(numpy.int64)


class activa_start_werkuitkering(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Activa Start werkuitkering: a monthly amount × FTE for its months of employment"
    reference = ACTIVA_START

    def formula(row, period):
        within = row("month_of_employment", period) <= row.worker("activa_start_months", period)
        due = row.worker("activa_start_eligible", period) * row("employed", period) * within
        amount = in_force(row, period).activa_start.werkuitkering
        return pay(due, amount * row.worker("fte", period))
