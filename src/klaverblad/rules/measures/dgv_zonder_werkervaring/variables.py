"""Doelgroepvermindering zonder recente, duurzame werkervaring (RULEBOOK v1.2 §3.9): a Flemish
target-group reduction, a forfait per calendar quarter for the first four quarters (the quarter
of hire included), for hires from 2023-10-01 of people at least 24 months unemployed.

The age is that at the end of the hiring quarter (`age_at_end_of_hiring_quarter`, defined with
the aanwervingsincentive)."""

import numpy
from openfisca_core.periods import ETERNITY
from openfisca_core.variables import Variable

from klaverblad.rules.dated import at_start, in_force, pay
from klaverblad.rules.entities import Worker, WorkerMonth
from klaverblad.rules.variables.shared import fte_at_least

DGV = "herwin.be — doelgroepvermindering zonder recente, duurzame werkervaring"


class dgv_zonder_werkervaring_start_window_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "Employment starts on or after 2023-10-01"
    reference = DGV

    def formula(worker, period):
        return at_start(worker, period).dgv_zonder_werkervaring.start_window


class dgv_zonder_werkervaring_unemployment_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "At least 24 months registered as unemployed before hire"
    reference = DGV

    def formula(worker, period):
        rule = at_start(worker, period).dgv_zonder_werkervaring
        return worker("unemployed_months", period) >= rule.min_unemployed_months


class dgv_zonder_werkervaring_age_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = (
        "Age at the end of the hiring quarter at least 25 and below 58 (starts to 2024-06-30), "
        "then at least 18 and below the legal pension age (65; 66 for starts from 2025-02-01)"
    )
    reference = DGV

    def formula(worker, period):
        rule = at_start(worker, period).dgv_zonder_werkervaring
        age = worker("age_at_end_of_hiring_quarter", period)
        return (rule.min_age <= age) * (age < rule.below_age)


class dgv_zonder_werkervaring_wage_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "Gross quarterly wage below 10 000 (not entered: counted as met)"
    reference = DGV

    def formula(worker, period):
        rule = at_start(worker, period).dgv_zonder_werkervaring
        wage = worker("gross_quarterly_wage", period)
        return (wage <= 0) + (wage < rule.quarterly_wage_below)


class dgv_zonder_werkervaring_fte_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "Employed at FTE 0.275 or more"
    reference = DGV

    def formula(worker, period):
        rule = at_start(worker, period).dgv_zonder_werkervaring
        return fte_at_least(worker, period, rule.min_fte)


class dgv_zonder_werkervaring_quarters(Variable):
    value_type = int
    entity = Worker
    definition_period = ETERNITY
    unit = "quarter"
    label = "Calendar quarters with a doelgroepvermindering, the quarter of hire included"
    reference = DGV

    def formula(worker, period):
        rule = at_start(worker, period).dgv_zonder_werkervaring.doelgroepvermindering
        return numpy.nan_to_num(rule.quarters).astype(numpy.int64)


class dgv_zonder_werkervaring_doelgroepvermindering(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = (
        "Doelgroepvermindering zonder werkervaring: a forfait per calendar quarter for quarters "
        "1 to 4, in full from FTE 0.80, else × FTE / 0.80, booked in the quarter's last month"
    )
    reference = DGV

    def formula(row, period):
        """The quarterly forfait in the last month of each of the first four calendar quarters
        with employment, × FTE / 0.80 below FTE 0.80."""
        rule = in_force(row, period).dgv_zonder_werkervaring.doelgroepvermindering
        quarters = row.worker("dgv_zonder_werkervaring_quarters", period)
        within = row("quarter_of_employment", period) <= quarters
        due = (
            row.worker("dgv_zonder_werkervaring_eligible", period)
            * row("quarter_forfait_due", period)
            * within
        )
        fte = row.worker("fte", period)
        full = fte_at_least(row.worker, period, rule.full_amount_fte)
        share = numpy.where(full, 1.0, fte / rule.full_amount_fte)
        return pay(due, rule.amount * share)
