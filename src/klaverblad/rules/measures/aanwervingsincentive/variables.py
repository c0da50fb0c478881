"""Aanwervingsincentive langdurig werkzoekenden (RULEBOOK v1.2 §3.7): two one-off premiums,
after 3 and after 12 months of employment, higher from FTE 0.80, for hires from 2017-01-01 to
2023-09-30."""

import numpy
from openfisca_core.periods import ETERNITY
from openfisca_core.variables import Variable

from klaverblad.rules.dated import at_start, in_force, pay
from klaverblad.rules.entities import Worker, WorkerMonth
from klaverblad.rules.variables.shared import fte_at_least

INCENTIVE = (
    "https://www.dvo.be/artikel/56260-premie-voor-aanwerving-langdurig-werklozen/; "
    "prato.be — Vlaamse aanwervingsincentive"
)


def one_off_premium(row, period, rule):
    """The premium's amount in its month of employment, if the worker is still employed: the
    full amount from FTE 0.80, the reduced one below."""
    due = (
        row.worker("aanwervingsincentive_eligible", period)
        * row("employed", period)
        * (row("month_of_employment", period) == rule.month_of_employment)
    )
    full = row.worker("aanwervingsincentive_full_amount", period)
    return pay(due, numpy.where(full, rule.amount, rule.amount_reduced))


class aanwervingsincentive_start_window_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "Employment starts between 2017-01-01 and 2023-09-30"
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
    label = (
        "Age at the end of the hiring quarter at least 25 and at most 54 (starts to 2019-12-31) "
        "or 55 (from 2020-01-01)"
    )
    reference = INCENTIVE

    def formula(worker, period):
        rule = at_start(worker, period).aanwervingsincentive
        age = worker("age_at_end_of_hiring_quarter", period)
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


class aanwervingsincentive_contract_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "An indefinite contract (or successive fixed-term contracts where customary)"
    reference = INCENTIVE

    def formula(worker, period):
        return worker("contract_indefinite", period)


class aanwervingsincentive_fte_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "Employed at FTE 0.30 or more"
    reference = INCENTIVE

    def formula(worker, period):
        return fte_at_least(worker, period, at_start(worker, period).aanwervingsincentive.min_fte)


class aanwervingsincentive_full_amount(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "Employed at FTE 0.80 or more: the full amounts of the aanwervingsincentive"
    reference = INCENTIVE

    def formula(worker, period):
        rule = at_start(worker, period).aanwervingsincentive
        return fte_at_least(worker, period, rule.full_amount_fte)


class aanwervingsincentive_premie_3m(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = (
        "Aanwervingsincentive after 3 months: booked in month of employment 4 if still employed, "
        "the full amount from FTE 0.80"
    )
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
