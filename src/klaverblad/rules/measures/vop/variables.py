"""Vlaamse ondersteuningspremie, VOP (RULEBOOK v1.2 §3.10): a VDAB premium for a worker with a
work-related disability, a percentage of the wage cost (capped at 2 × GGMMI × FTE) by calendar
quarter index q, for applications from 2008-10-01 to 2023-06-30; a running VOP continues."""

import numpy
from openfisca_core.periods import ETERNITY
from openfisca_core.variables import Variable

from klaverblad.rules.dated import at_start, in_force, pay
from klaverblad.rules.entities import Worker, WorkerMonth

VOP_PAGE = "vlaanderen.be — VOP: bedrag en duur; werk.be — VOP subsidie"


def _by_decision(decision, node, leaf, otherwise):
    """The value `leaf` of the person's VOP decision under `node`; `otherwise` without one."""
    decisions = decision.possible_values
    return numpy.select(
        [decision == decisions.onbepaald, decision == decisions.bepaald],
        [getattr(node.onbepaald, leaf), getattr(node.bepaald, leaf)],
        otherwise,
    )


class vop_start_window_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "Employment (the application) starts from 2008-10-01 to 2023-06-30"
    reference = VOP_PAGE

    def formula(worker, period):
        return at_start(worker, period).vop.start_window


class vop_employer_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = (
        "The employer is a vzw, cooperative or company, or a municipality or OCMW with an "
        "indefinite contract; not an intercommunale, not a maatwerkbedrijf"
    )
    reference = VOP_PAGE

    def formula(worker, period):
        legal_form = worker("legal_form", period)
        forms = legal_form.possible_values
        # '+' is a vectorial 'or', '*' an 'and'.
        private = (
            (legal_form == forms.vzw)
            + (legal_form == forms.cooperatie)
            + (legal_form == forms.bedrijf)
        )
        local = (legal_form == forms.gemeente) + (legal_form == forms.ocmw)
        indefinite = worker("contract_indefinite", period)
        return (private + local * indefinite) * ~worker("recognised_maatwerkbedrijf", period)


class vop_decision_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = "VDAB granted a VOP (of indefinite or fixed duration)"
    reference = VOP_PAGE

    def formula(worker, period):
        decision = worker("vop", period)
        return decision != decision.possible_values.geen


class vop_quarters(Variable):
    value_type = int
    entity = Worker
    definition_period = ETERNITY
    unit = "quarter"
    label = "Calendar quarters of the VOP from the quarter of hire: 20 (onbepaald) or 8 (bepaald)"
    reference = VOP_PAGE

    def formula(worker, period):
        rule = at_start(worker, period).vop
        quarters = _by_decision(worker("vop", period), rule, "quarters", 0)
        # No value before the window opens (2008-10): 0 quarters (not eligible anyway).
        return numpy.nan_to_num(quarters).astype(numpy.int64)


class vop_premie(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "VOP: a percentage of the monthly wage cost, at most 2 × GGMMI × FTE, by quarter"
    reference = VOP_PAGE

    def formula(row, period):
        """pct % × min(monthly wage cost, cap × GGMMI × FTE), the GGMMI of the row's month (no
        cap before its first value), each employed month of the decision's quarters; pct by
        quarter q: onbepaald 40 / 30 / 20 in q 1–5, 6–9, 10–20; bepaald 20 in q 1–8."""
        in_month = in_force(row, period)
        rule = in_month.vop
        decision = row.worker("vop", period)
        quarter = row("quarter_of_employment", period)
        percentage = numpy.where(
            quarter <= rule.early_quarters,
            _by_decision(decision, rule, "pct_early", 0.0),
            numpy.where(
                quarter <= rule.middle_quarters,
                _by_decision(decision, rule, "pct_middle", 0.0),
                _by_decision(decision, rule, "pct_late", 0.0),
            ),
        )
        cap = rule.premie_cap * in_month.ggmmi.full_time * row.worker("fte", period)
        # fmin ignores a NaN cap: before the GGMMI's first value the cap is not applied (L).
        base = numpy.fmin(row.worker("monthly_wage_cost", period), cap)
        within = quarter <= row.worker("vop_quarters", period)
        due = row.worker("vop_eligible", period) * row("employed", period) * within
        return pay(due, percentage * base / 100)
