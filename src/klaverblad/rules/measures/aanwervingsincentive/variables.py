"""Aanwervingsincentive langdurig werkzoekenden (RULEBOOK §3.7): two one-off premiums, after
3 and after 12 months of employment."""

from openfisca_core.periods import ETERNITY
from openfisca_core.variables import Variable

from klaverblad.rules.dated import at_start, in_force, pay
from klaverblad.rules.entities import Worker, WorkerMonth

INCENTIVE = "https://www.dvo.be/artikel/56260-premie-voor-aanwerving-langdurig-werklozen/"


def one_off_premium(row, period, rule):
    """The premium's amount in its month of employment, if the worker is still employed."""
    due = (
        row.worker("aanwervingsincentive_eligible", period)
        * row("employed", period)
        * (row("month_of_employment", period) == rule.month_of_employment)
    )
    return pay(due, rule.amount)


class aanwervingsincentive_start_window_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "Employment starts on or after 2017-01-01"
    reference = INCENTIVE

    def formula(worker, period):
        return at_start(worker, period).aanwervingsincentive.start_window


class aanwervingsincentive_employer_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "The employer holds no LDE, SWP, maatwerkbedrijf or inschakelingsbedrijf recognition"
    reference = INCENTIVE

    def formula(worker, period):
        social_economy = (
            worker("recognised_lde", period)
            + worker("recognised_swp", period)
            + worker("recognised_maatwerkbedrijf", period)
            + worker("recognised_inschakelingsbedrijf", period)
        )
        return ~social_economy


class aanwervingsincentive_age_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "Age at start at least 25 and below 55"
    reference = INCENTIVE

    def formula(worker, period):
        rule = at_start(worker, period).aanwervingsincentive
        age = worker("age_at_start", period)
        return (rule.min_age <= age) * (age < rule.below_age)


class aanwervingsincentive_unemployment_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "At least 24 months unemployed before hire"
    reference = INCENTIVE

    def formula(worker, period):
        rule = at_start(worker, period).aanwervingsincentive
        return worker("unemployed_months", period) >= rule.min_unemployed_months


class aanwervingsincentive_premie_3m(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Aanwervingsincentive after 3 months: booked in month of employment 4 if still employed"
    reference = INCENTIVE

    def formula(row, period):
        return one_off_premium(row, period, in_force(row, period).aanwervingsincentive.premie_3m)


class aanwervingsincentive_premie_12m(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = (
        "Aanwervingsincentive after 12 months: booked in month of employment 13 if still employed"
    )
    reference = INCENTIVE

    def formula(row, period):
        return one_off_premium(row, period, in_force(row, period).aanwervingsincentive.premie_12m)
