"""Individueel maatwerk (RULEBOOK v1.2 §3.8): a loonpremie (a VDAB percentage of the wage cost,
capped at 2 × GGMMI × FTE) and two begeleidingspremies per calendar quarter, from 2023-07-01,
for the quarters of the VDAB's start package (8 for `2j`, else 20)."""

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


class maatwerk_employer_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = (
        "The employer is a vzw, cooperative, company, municipality or OCMW (not an intercommunale)"
    )
    reference = MAATWERK

    def formula(worker, period):
        legal_form = worker("legal_form", period)
        forms = legal_form.possible_values
        # '+' is a vectorial 'or'; an intercommunale is none of these (L, RULEBOOK §3.8).
        return (
            (legal_form == forms.vzw)
            + (legal_form == forms.cooperatie)
            + (legal_form == forms.bedrijf)
            + (legal_form == forms.gemeente)
            + (legal_form == forms.ocmw)
        )


def _flat_percentage_ok(worker, period):
    """A v1.1 decision: a loonpremie percentage from 20 to 75, a multiple of 5."""
    allowed = at_start(worker, period).maatwerk.loonpremie_pct
    percentage = worker("maatwerk_loonpremie_pct", period)
    return (
        (allowed.min <= percentage)
        * (percentage <= allowed.max)
        # A start before the rule's first value reads nan (min and max then fail): step 1.
        * (percentage % numpy.nan_to_num(allowed.step, nan=1).astype(numpy.int64) == 0)
    )


def _by_package(pakket, node, leaf, otherwise):
    """The value `leaf` of the person's start package under `node`; `otherwise` without one."""
    packages = pakket.possible_values
    return numpy.select(
        [
            pakket == packages.twee_jaar,
            pakket == packages.vijf_jaar_loonpremie,
            pakket == packages.vijf_jaar_verhoogd,
            pakket == packages.vijf_jaar_mwb,
        ],
        [
            getattr(node.twee_jaar, leaf),
            getattr(node.vijf_jaar_loonpremie, leaf),
            getattr(node.vijf_jaar_verhoogd, leaf),
            getattr(node.vijf_jaar_mwb, leaf),
        ],
        otherwise,
    )


class maatwerk_decision_ok(Variable):
    value_type = bool
    entity = Worker
    definition_period = ETERNITY
    label = (
        "VDAB decided a start package (2j, 5j_loonpremie, 5j_verhoogd, 5j_mwb) or a loonpremie "
        "percentage (20 to 75, a multiple of 5)"
    )
    reference = MAATWERK

    def formula(worker, period):
        pakket = worker("maatwerk_pakket", period)
        # '+' is a vectorial 'or'
        return (pakket != pakket.possible_values.geen) + _flat_percentage_ok(worker, period)


class maatwerk_quarters(Variable):
    value_type = int
    entity = Worker
    definition_period = ETERNITY
    unit = "quarter"
    label = "Calendar quarters of individueel maatwerk from the quarter of hire: 8 for 2j, else 20"
    reference = "vlaanderen.be — individueel maatwerk (duur)"

    def formula(worker, period):
        rule = at_start(worker, period).maatwerk
        pakket = worker("maatwerk_pakket", period)
        quarters = _by_package(pakket, rule.pakket, "quarters", rule.loonpremie_pct.quarters)
        # No value before the window opens (2023-07): 0 quarters (not eligible anyway).
        return numpy.nan_to_num(quarters).astype(numpy.int64)


class maatwerk_within_duration(Variable):
    value_type = bool
    entity = WorkerMonth
    definition_period = ETERNITY
    label = "The row's calendar quarter index q is within the person's maatwerk quarters"
    reference = "vlaanderen.be — individueel maatwerk (duur)"

    def formula(row, period):
        return row("quarter_of_employment", period) <= row.worker("maatwerk_quarters", period)


class maatwerk_loonpremie_percentage(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "percent"
    label = "Maatwerk loonpremie percentage: the decided one, else by start package and quarter q"
    reference = HERWIN_FAQ

    def formula(row, period):
        rule = in_force(row, period).maatwerk.pakket
        pakket = row.worker("maatwerk_pakket", period)
        quarter = row("quarter_of_employment", period)
        early = _by_package(pakket, rule, "pct_early", 0.0)
        middle = _by_package(pakket, rule, "pct_middle", 0.0)
        late = _by_package(pakket, rule, "pct_late", 0.0)
        by_quarter = numpy.where(
            quarter <= rule.early_quarters,
            early,
            numpy.where(quarter <= rule.middle_quarters, middle, late),
        )
        flat = row.worker("maatwerk_loonpremie_pct", period)
        return numpy.where(flat > 0, flat, by_quarter)


class maatwerk_loonpremie(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Maatwerk loonpremie: the percentage of the monthly wage cost, at most 2 × GGMMI × FTE"
    reference = "vdab.be — referteloon; " + HERWIN_FAQ

    def formula(row, period):
        """pct % × min(monthly wage cost, cap × GGMMI × FTE), the GGMMI of the row's month, each
        employed month of the person's quarters; pct by start package and quarter q (40/30/20,
        55/50/40, 45/45/40 in q 1–5, 6–9, 10–20; 20 for 2j), or the decided flat percentage."""
        in_month = in_force(row, period)
        cap = (
            in_month.maatwerk.loonpremie_cap * in_month.ggmmi.full_time * row.worker("fte", period)
        )
        # A month before the GGMMI's first value gives NaN: a not_computable line.
        base = numpy.minimum(row.worker("monthly_wage_cost", period), cap)
        percentage = row("maatwerk_loonpremie_percentage", period)
        due = (
            row.worker("maatwerk_eligible", period)
            * row("employed", period)
            * row("maatwerk_within_duration", period)
        )
        return pay(due, percentage * base / 100)


class maatwerk_begeleidingspremie_vast(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = (
        "Maatwerk begeleidingspremie (vast): per quarter, higher in the first five quarters, "
        "with a begeleiding level"
    )
    reference = HERWIN_FAQ

    def formula(row, period):
        rule = in_force(row, period).maatwerk.begeleidingspremie_vast
        early = row("quarter_of_employment", period) <= rule.initial_quarters
        amount = numpy.where(early, rule.initial_amount, rule.later_amount)
        level = row.worker("maatwerk_begeleiding", period)
        due = (
            row.worker("maatwerk_eligible", period)
            * row("quarter_forfait_due", period)
            * row("maatwerk_within_duration", period)
            * (level != level.possible_values.geen)
        )
        return pay(due, amount)


class maatwerk_begeleidingspremie_variabel(Variable):
    value_type = float
    entity = WorkerMonth
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = (
        "Maatwerk begeleidingspremie (variabel): per quarter by level laag / midden / hoog × FTE"
    )
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
        due = (
            row.worker("maatwerk_eligible", period)
            * row("quarter_forfait_due", period)
            * row("maatwerk_within_duration", period)
        )
        return pay(due, amount * row.worker("fte", period))
