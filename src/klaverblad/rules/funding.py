"""How a statute's money is found, when it is not the amounts of its components.

A statute paid by its components (the default, `Measure.funding` None) needs nothing here. A
statute whose amounts are not known declares `SharedGrant` (RULEBOOK §3.6, WEP+): its money is
an entered grant of its own measure (`grant.measure` = the statute's name), which belongs to the
initiative and is booked in every month in which at least one person applies the statute; the
month's grant is shared by those people. Without such a grant each person's line is
`not_computable` and an `amount_unknown` alert says so.

The plan, the alerts, the line sums and the optimiser read the statutes with a `SharedGrant`
from the catalogue (`klaverblad.plan.shared_grants`), so that none of them names the statute.

>>> shape = SharedGrant("x_applies", unknown="alert.x_unknown", rule="line_rule.x_grant")
>>> shape.component
'toelage'
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SharedGrant:
    """The statute's money is an entered grant of its own measure, shared by its persons.

    - `applies`: the boolean WorkerMonth variable that says in which months a person applies
      the statute (eligible, employed, within its duration, while it pays);
    - `component`: the component of the person's `not_computable` line without a grant (and
      of the grant's line, the default grant component);
    - `unknown`: the id of the `amount_unknown` alert's message (marked `N_` in the measure's
      `spec.py`; its fields `{person}` and `{months}`);
    - `rule`: the id of the sentence that explains the grant's line (`line_rule.*`, marked `N_`
      in the measure's `spec.py`).
    """

    applies: str
    unknown: str
    rule: str
    component: str = "toelage"


# What a measure's `funding` may be: None (its components pay) or a shared grant.
Funding = SharedGrant | None
