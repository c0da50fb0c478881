"""Time facts shared by every measure (RULEBOOK §1): months, age, quarters, employment.

Months are counted as integers since year 0 (`year * 12 + month - 1`), so that calendar
quarters are `month_index // 3` and the last month of a quarter has `month_index % 3 == 2`.
"""

import numpy
from openfisca_core.periods import ETERNITY
from openfisca_core.variables import Variable

from klaverblad.rules.entities import Worker, WorkerMonth

RULEBOOK_TIME = "Klaverblad rulebook v1, §1 (time and money semantics)"


def month_index_of(dates: numpy.ndarray) -> numpy.ndarray:
    """Months since year 0 of each date: 2006-03-15 -> 2006 * 12 + 2."""
    return dates.astype("datetime64[M]").astype(numpy.int64) + 1970 * 12


def day_of_month(dates: numpy.ndarray) -> numpy.ndarray:
    return (dates - dates.astype("datetime64[M]")).astype(numpy.int64) + 1


def fte_at_least(worker, period, threshold):
    """FTE ≥ `threshold` (a parameter read per worker), compared in exact basis points."""
    return worker("fte_basis_points", period) >= numpy.rint(threshold * 10_000)


class month_index(Variable):
    value_type = int
    entity = WorkerMonth
    definition_period = ETERNITY
    label = "The row's month, counted in months since year 0"
    reference = RULEBOOK_TIME
    documentation = "Computed from `month` in YAML tests; the plan sets it directly."

    def formula(row, period):
        return month_index_of(row("month", period))


class start_month_index(Variable):
    value_type = int
    entity = Worker
    definition_period = ETERNITY
    label = "Month of the start of employment, in months since year 0"
    reference = RULEBOOK_TIME

    def formula(worker, period):
        return month_index_of(worker("start_date", period))


class end_month_index(Variable):
    value_type = int
    entity = Worker
    definition_period = ETERNITY
    label = "Month of the end of employment, in months since year 0"
    reference = RULEBOOK_TIME

    def formula(worker, period):
        return month_index_of(worker("end_date", period))


class age_at_start(Variable):
    value_type = int
    entity = Worker
    definition_period = ETERNITY
    label = "Age in completed years on the first day of the start month"
    reference = RULEBOOK_TIME

    def formula(worker, period):
        birth = worker("birth_date", period)
        months = worker("start_month_index", period) - month_index_of(birth)
        # In the birthday month itself, the birthday is not reached on day 1 unless born on day 1.
        not_yet = (months % 12 == 0) * (day_of_month(birth) > 1)
        return months // 12 - not_yet


class fte_basis_points(Variable):
    value_type = int
    entity = Worker
    definition_period = ETERNITY
    label = "FTE in basis points (1.0 = 10 000), for exact integer durations"
    reference = RULEBOOK_TIME

    def formula(worker, period):
        return numpy.rint(worker("fte", period) * 10_000).astype(numpy.int64)


class low_skilled(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "Low-skilled: at most lager secundair onderwijs"
    reference = "Klaverblad rulebook v1, §2"

    def formula(worker, period):
        diploma = worker("diploma", period)
        # `possible_values` names the enum without importing it: '+' is a vectorial 'or'.
        levels = diploma.possible_values
        return (
            (diploma == levels.geen)
            + (diploma == levels.lager)
            + (diploma == levels.lager_secundair)
        )


class employed(Variable):
    value_type = bool
    entity = WorkerMonth
    definition_period = ETERNITY
    label = "Employed in the row's month (whole months, no day pro-rating)"
    reference = RULEBOOK_TIME

    def formula(row, period):
        month = row("month_index", period)
        employed = row.worker("start_month_index", period) <= month
        # In place: over millions of rows each new array costs more than the comparison.
        employed &= month <= row.worker("end_month_index", period)
        return employed


class month_of_employment(Variable):
    value_type = int
    entity = WorkerMonth
    definition_period = ETERNITY
    label = "Month of employment n: 1 in the start month, counted from the real start"
    reference = RULEBOOK_TIME

    def formula(row, period):
        month = row("month_index", period) - row.worker("start_month_index", period)
        month += 1
        return month


class quarter_of_employment(Variable):
    value_type = int
    entity = WorkerMonth
    definition_period = ETERNITY
    label = "Calendar quarter index k: 1 for the quarter that holds the start date"
    reference = RULEBOOK_TIME

    def formula(row, period):
        quarter = row("month_index", period) // 3
        quarter -= row.worker("start_month_index", period) // 3
        quarter += 1
        return quarter


class quarter_forfait_due(Variable):
    value_type = bool
    entity = WorkerMonth
    definition_period = ETERNITY
    label = "Last month of a calendar quarter in which the worker was employed at least one month"
    reference = RULEBOOK_TIME

    def formula(row, period):
        month = row("month_index", period)
        # `month // 3 * 3` is `month - month % 3`: over millions of rows numpy divides by a
        # constant quickly and takes the remainder slowly.
        quarter_first = month // 3
        quarter_first *= 3
        quarter_last = quarter_first + 2
        due = row.worker("start_month_index", period) <= quarter_last
        due &= row.worker("end_month_index", period) >= quarter_first
        due &= month == quarter_last
        return due


# Read by the aanwervingsincentive and the doelgroepvermindering zonder werkervaring (§3.7, §3.9).
class age_at_end_of_hiring_quarter(Variable):
    value_type = int
    entity = Worker
    definition_period = ETERNITY
    label = "Age in completed years on the last day of the calendar quarter that holds the start"
    reference = RULEBOOK_TIME

    def formula(worker, period):
        birth = worker("birth_date", period)
        born = month_index_of(birth)
        quarter_end = worker("start_month_index", period) // 3 * 3 + 2
        # The last day of the quarter: 31 March, 30 June, 30 September or 31 December.
        end_month = quarter_end % 12 + 1
        end_day = numpy.where((end_month == 3) + (end_month == 12), 31, 30)
        birth_month = born % 12 + 1
        reached = (birth_month < end_month) + (
            (birth_month == end_month) * (day_of_month(birth) <= end_day)
        )
        return quarter_end // 12 - born // 12 - 1 + reached
