"""GESCO — gesubsidieerde contractuelen (RULEBOOK v1.2 §3.5): a Flemish yearly premium per FTE,
paid monthly and capped at the wage cost, without duration limit inside its window, for an
allocated post (`gesco_post`)."""

import numpy
from openfisca_core.periods import ETERNITY
from openfisca_core.variables import Variable

from klaverblad.rules.dated import at_start, choose, in_force, pay_computed
from klaverblad.rules.entities import Worker, WorkerMonth

GESCO_PREMIE = (
    "https://www.werk.be/online-diensten/tewerkstelling-en-sociale-economie/"
    "klassieke-tewerkstellings-programmas/gesco/de-premie"
)
GESCO_LAW = "Programmawet 30 december 1988; BVR 27 oktober 1993 (veralgemening GESCO)"


def _local_authority(worker, period):
    """A gemeente, OCMW or intercommunale: the employers whose GESCO window closed first."""
    legal_form = worker("legal_form", period)
    forms = legal_form.possible_values
    local = legal_form == forms.gemeente
    # In place ('|=' is '+' of booleans): a plan may have millions of rows.
    local |= legal_form == forms.ocmw
    local |= legal_form == forms.intercommunale
    return local


class gesco_employer_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "The employer is a vzw, gemeente, OCMW or intercommunale"
    reference = "werk.be GESCO 'wie'"

    def formula(worker, period):
        legal_form = worker("legal_form", period)
        return (legal_form == legal_form.possible_values.vzw) + _local_authority(worker, period)


class gesco_start_window_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = (
        "Employment starts while GESCO is open to new hires: before 2015-04-01 for a gemeente, "
        "OCMW or intercommunale, before 2016-01-01 for others"
    )
    reference = (
        "vlaanderen.be: regularisatiepremies contingent-gesco's (1 april 2015); "
        "decreetscvw.fov.be: ex-gesco-middelen (1 januari 2016)"
    )

    def formula(worker, period):
        rule = at_start(worker, period).gesco
        return numpy.where(
            _local_authority(worker, period), rule.lokaal_bestuur.start_window, rule.start_window
        )


class gesco_post_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "A GESCO post has been allocated (an allocated post, not an entitlement)"
    reference = GESCO_LAW

    def formula(worker, period):
        return worker("gesco_post", period)


class gesco_target_group_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "At least 6 months unemployed (on benefit or registered), or leefloon / financial aid"
    reference = "werk.be GESCO 'wie'"

    def formula(worker, period):
        status = worker("status", period)
        values = status.possible_values
        unemployed = (
            (status == values.uvw) + (status == values.wachtuitkering) + (status == values.nwwz)
        )
        long_enough = (
            worker("unemployed_months", period)
            >= at_start(worker, period).gesco.min_unemployed_months
        )
        aid = (status == values.leefloon) + (status == values.financiele_hulp)
        return unemployed * long_enough + aid


class gesco_premium_level(Variable):
    value_type = int
    entity = Worker
    definition_period = ETERNITY
    label = (
        "Which GESCO premium applies: 0 basic, 1 higher up to hoger secundair, "
        "2 higher for hoger onderwijs"
    )
    reference = GESCO_PREMIE

    def formula(worker, period):
        diploma = worker("diploma", period)
        higher_education = diploma == diploma.possible_values.hoger
        raised = numpy.where(higher_education, 2, 1)
        return numpy.where(worker("gesco_verhoogd", period), raised, 0)


class gesco_premie(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "GESCO premie: the yearly premium / 12 × FTE, capped at the month's wage cost"
    reference = GESCO_PREMIE

    def formula(row, period):
        """Basic premium; with `gesco_verhoogd` the higher premium for the diploma (up to hoger
        secundair, or hoger onderwijs); no amounts after 2015-03 for a gemeente, OCMW or
        intercommunale, after 2015-12 for other employers."""
        rule = in_force(row, period).gesco.premie
        yearly = choose(
            row.worker("gesco_premium_level", period),
            [rule.basis, rule.verhoogd_tot_secundair, rule.verhoogd_hoger],
        )
        # min(yearly / 12 × FTE, wage cost), in the array `choose` made: over millions of rows
        # each new array costs more than the arithmetic.
        monthly = yearly
        monthly /= 12
        monthly *= row.worker("fte", period)
        numpy.minimum(monthly, row.worker("monthly_wage_cost", period), out=monthly)
        rule = in_force(row, period).gesco
        paid = numpy.where(
            _local_authority(row.worker, period), rule.lokaal_bestuur.paid, rule.paid
        )
        due = row.worker("gesco_eligible", period) & row("employed", period)
        due &= paid
        return pay_computed(due, monthly)
