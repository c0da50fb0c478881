"""The shape of a measure as data: leaf, funder, conditions, components and their parameters.

Each folder of `klaverblad.rules.measures` states one measure in these terms (`spec.py`);
`klaverblad.rules.catalogue` gathers them. Names are those of RULEBOOK §3–4 and CONTRACT §4.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from klaverblad.rules.funding import SharedGrant, Voucher

Rhythm = Literal["monthly", "quarterly", "one_off"]
# The shape of the sum behind a component's plan line (`advice.line_sum_shapes`): a monthly
# amount (× FTE), a quarterly forfait (× FTE, or × FTE ÷ the FTE of the full amount), a yearly
# amount ÷ 12 × FTE (capped at the wage cost), a one-off premium, or a percentage × the wage
# cost (capped at a multiple of the GGMMI × FTE).
SumShape = Literal[
    "monthly",
    "monthly_fte",
    "quarterly",
    "quarterly_fte",
    "quarterly_fte_share",
    "yearly_fte",
    "yearly_fte_capped",
    "one_off",
    "percent_of_capped_wage",
]
# `by_role`: leaf II for a target worker, I for a supervisor (RULEBOOK §3).
LeafRule = Literal["by_role", "I", "II", "III", "IV"]
# `regionalised`: federaal until 2014-06-30, Vlaams from 2014-07-01 (RULEBOOK §1, funders).
REGIONALISED = "regionalised"
REGIONALISATION_PARAMETER = "regionalisation.activation_measures_flemish"


@dataclass(frozen=True)
class Component:
    """A component of a statute; its lines carry the statute's measure and funder unless
    `measure` / `funder` say otherwise (a reform's extra line, say)."""

    name: str
    variable: str
    rhythm: Rhythm
    leaf: LeafRule
    parameters: tuple[str, ...]
    measure: str | None = None
    funder: str | None = None
    # The shape of its line's sum; None: shown by its rhythm (a monthly, quarterly or one-off
    # amount).
    shape: SumShape | None = None


@dataclass(frozen=True)
class Measure:
    name: str
    label: str
    leaf: str
    funder: str
    parameter_node: str
    conditions: tuple[str, ...] = ()
    eligible: str | None = None
    duration: str | None = None
    components: tuple[Component, ...] = ()
    reference: str = ""
    # Its window (RULEBOOK §6.1), as the boolean parameters that make it: `start_window` is
    # judged at a person's start month; the measure yields in a month while one of `paid` is
    # true. Dates, references and grades are those of the parameters; the successors are in
    # the metadata of `parameter_node` (`advice.measure_windows` reads both).
    start_window: str | None = None
    paid: tuple[str, ...] = ()
    # The catalogue messages the measure owns, marked `N_` in its `spec.py` so that
    # `make catalogues` extracts them: its name as a value of the file (`value.statute_<name>`,
    # `value.measure_<name>`), its conditions (`condition.<variable>`) and the sentences of its
    # amount rules (`rule.<variable>`). `value_words` and `condition_labels` gather them.
    words: tuple[str, ...] = ()
    # Where its money comes from when not from its components: a `SharedGrant` (the
    # initiative's entered grant of this measure, shared by the persons who apply it that
    # month, RULEBOOK §3.6), a `Voucher` (the clients' vouchers of the activities with its
    # payment, §4.2); None for a measure paid by its components (`rules.funding`).
    funding: SharedGrant | Voucher | None = None


def statute(
    name: str,
    label: str,
    funder: str,
    conditions: tuple[str, ...],
    components: tuple[Component, ...],
    duration: str | None = None,
    reference: str = "",
    paid: tuple[str, ...] = (),
    start_window: str | None = "start_window",
    words: tuple[str, ...] = (),
) -> Measure:
    return Measure(
        name=name,
        label=label,
        leaf="II (I for a supervisor)",
        funder=funder,
        parameter_node=name,
        conditions=conditions,
        eligible=f"{name}_eligible",
        duration=duration,
        components=components,
        reference=reference,
        start_window=f"{name}.{start_window}" if start_window else None,
        paid=paid,
        words=words,
    )
