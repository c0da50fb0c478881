"""Individueel maatwerk (RULEBOOK §3.8): a loonpremie (a VDAB percentage of the wage cost) and
two begeleidingspremies per calendar quarter, from 2023-07-01."""

import numpy
from openfisca_core.periods import ETERNITY
from openfisca_core.variables import Variable

from klaverblad.rules.dated import at_start, in_force, pay
from klaverblad.rules.entities import Worker, WorkerMonth

MAATWERK = "Decreet individueel maatwerk 14 januari 2022; BVR 15 juli 2022"
HERWIN_FAQ = "herwin.be FAQ individueel maatwerk (subsidies)"


class maatwerk_start_window_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "Employment starts on or after 2023-07-01"
    reference = MAATWERK

    def formula(worker, period):
        return at_start(worker, period).maatwerk.start_window


class maatwerk_decision_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "VDAB decided a loonpremie percentage: 20 to 75, a multiple of 5"
    reference = MAATWERK

    def formula(worker, period):
        allowed = at_start(worker, period).maatwerk.loonpremie_pct
        percentage = worker("maatwerk_loonpremie_pct", period)
        return (
            (allowed.min <= percentage)
            * (percentage <= allowed.max)
            * (percentage % allowed.step.astype(numpy.int64) == 0)
        )


class maatwerk_loonpremie(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Maatwerk loonpremie: the decided percentage of the monthly wage cost"
    reference = HERWIN_FAQ

    def formula(row, period):
        share = row.worker("maatwerk_loonpremie_pct", period) / 100
        due = row.worker("maatwerk_eligible", period) * row("employed", period)
        return pay(due, share * row.worker("monthly_wage_cost", period))


class maatwerk_begeleidingspremie_vast(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Maatwerk begeleidingspremie (vast): per quarter, higher in the first five quarters"
    reference = HERWIN_FAQ

    def formula(row, period):
        rule = in_force(row, period).maatwerk.begeleidingspremie_vast
        early = row("quarter_of_employment", period) <= rule.initial_quarters
        amount = numpy.where(early, rule.initial_amount, rule.later_amount)
        due = row.worker("maatwerk_eligible", period) * row("quarter_forfait_due", period)
        return pay(due, amount)


class maatwerk_begeleidingspremie_variabel(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Maatwerk begeleidingspremie (variabel): per quarter by level laag / midden / hoog"
    reference = HERWIN_FAQ

    def formula(row, period):
        rule = in_force(row, period).maatwerk.begeleidingspremie_variabel
        level = row.worker("maatwerk_begeleiding", period)
        levels = level.possible_values
        amount = numpy.select(
            [level == levels.laag, level == levels.midden, level == levels.hoog],
            [rule.laag, rule.midden, rule.hoog],
            0.0,
        )
        due = row.worker("maatwerk_eligible", period) * row("quarter_forfait_due", period)
        return pay(due, amount)
