"""WEP+ — werkervaring (RULEBOOK §3.6). Its amounts are not known: the rules say in which months
a person applies WEP+; the plan books the initiative's entered `wep_plus` grant in those months,
or a `not_computable` line."""

import numpy
from openfisca_core.periods import ETERNITY
from openfisca_core.variables import Variable

from klaverblad.rules.dated import at_start, in_force
from klaverblad.rules.entities import Worker, WorkerMonth

WEP_BVR = "BVR 17 juni 1997 (WEP); BVR 10 juli 2008 betreffende werkervaring"
WEP_PAGE = "https://www.werk.be/online-diensten/tewerkstelling-en-sociale-economie/werkervaringsprojecten-wep-plus"


class wep_plus_start_window_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "Employment starts between 1997-06-17 and 2015-03-31"
    reference = WEP_PAGE

    def formula(worker, period):
        return at_start(worker, period).wep_plus.start_window


class wep_plus_employer_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "The employer is non-commercial: vzw, gemeente, OCMW or intercommunale"
    reference = WEP_BVR

    def formula(worker, period):
        legal_form = worker("legal_form", period)
        forms = legal_form.possible_values
        return (
            (legal_form == forms.vzw)
            + (legal_form == forms.gemeente)
            + (legal_form == forms.ocmw)
            + (legal_form == forms.intercommunale)
        )


class wep_plus_target_group_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "At least 24 months unemployed (12 on wachtuitkering)"
    reference = WEP_BVR

    def formula(worker, period):
        rule = at_start(worker, period).wep_plus
        status = worker("status", period)
        values = status.possible_values
        months = worker("unemployed_months", period)
        long_term = ((status == values.uvw) + (status == values.nwwz)) * (
            months >= rule.min_unemployed_months
        )
        school_leaver = (status == values.wachtuitkering) * (
            months >= rule.min_unemployed_months_wachtuitkering
        )
        return long_term + school_leaver


class wep_plus_duration_months(Variable):
    value_type = int
    entity = Worker
    definition_period = ETERNITY
    label = "Months of employment under WEP+: 12, or 18 when extended"
    reference = WEP_PAGE

    def formula(worker, period):
        rule = at_start(worker, period).wep_plus
        # A start before WEP+'s first value reads no duration (nan): 0 months, as the other
        # statutes' durations (the start window refuses such a start anyway).
        months = numpy.where(
            worker("wep_verlengd", period), rule.duration_months_verlengd, rule.duration_months
        )
        return numpy.nan_to_num(months).astype(numpy.int64)


class wep_plus_applies(Variable):
    value_type = bool
    entity = WorkerMonth
    definition_period = ETERNITY
    label = (
        "The worker applies WEP+ this month: eligible, employed, within the duration, "
        "not after 2015-09"
    )
    reference = WEP_PAGE

    def formula(row, period):
        within = row("month_of_employment", period) <= row.worker(
            "wep_plus_duration_months", period
        )
        return (
            row.worker("wep_plus_eligible", period)
            * row("employed", period)
            * within
            * in_force(row, period).wep_plus.paid
        )
