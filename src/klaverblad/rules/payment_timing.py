"""When a measure's money arrives, as data: `rules/measures/<name>/payment.yaml`, per component
(or `default` for every component of the measure), with its label, reference and grade
(docs/cashflow.md). Not an OpenFisca file: the parameters' loader never reads it.

A timing shifts the month in which a line's amount is earned (the plan's month) to the month
in which the money arrives (`klaverblad.plan.cashflow`):

- `monthly`: the month earned + `delay_months`;
- `quarterly_in_arrears`: the last month of the calendar quarter + `delay_months`;
- `half_yearly`: the last month of the calendar half-year + `delay_months`;
- `yearly`: December of the year + `delay_months`;
- `after_traject`: the person's last month of the component + `delay_months`;
- `refund`: the month earned + `delay_months` (a voucher's refund by its issuer);
- `client_terms`: the initiative's own terms (its `cash:` block): cash in the month itself,
  an invoice after the payment term.

Where no source gives the moment, `timing_known` is false and the money is assumed to arrive
in the month earned; every output says so.

>>> timing_of("sine", "doelgroepvermindering").rhythm
'quarterly_in_arrears'
>>> timing_of("lde", "toelage").timing_known
False
"""

from __future__ import annotations

from functools import cache
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from klaverblad.rules.measures import MEASURE_NAMES, folder_of

PaymentRhythm = Literal[
    "monthly",
    "quarterly_in_arrears",
    "half_yearly",
    "yearly",
    "after_traject",
    "refund",
    "client_terms",
]
Grade = Literal["H", "M", "L"]
PAYMENT_FILE = "payment.yaml"
DEFAULT = "default"


class Timing(BaseModel):
    """When one component's money arrives, with its source."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rhythm: PaymentRhythm
    delay_months: int = Field(ge=0, le=24)
    timing_known: bool
    label_nl: str = Field(min_length=1)
    label_en: str = Field(min_length=1)
    reference: str = Field(min_length=1)
    grade: Grade
    note: str = ""


class PaymentFile(BaseModel):
    """A measure's `payment.yaml`: its components' timings (`default`: every other one)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    components: dict[str, Timing] = Field(min_length=1)


@cache
def payment_file(measure: str) -> PaymentFile:
    """The validated `payment.yaml` of `measure`'s folder (a ValidationError names the field)."""
    text = (folder_of(measure) / PAYMENT_FILE).read_text(encoding="utf-8")
    return PaymentFile.model_validate(yaml.safe_load(text))


# What a component without a timing of its own gets (a reform's extra measure, say).
UNKNOWN = Timing(
    rhythm="monthly",
    delay_months=0,
    timing_known=False,
    label_nl="betaalmoment niet gekend; verondersteld in de maand zelf",
    label_en="payment moment not known; assumed in the month earned",
    reference="none",
    grade="L",
)


def timing_of(measure: str, component: str) -> Timing:
    """The timing of `component` of `measure`: its own, else the measure's `default`, else
    `UNKNOWN` (a measure the catalogue does not know)."""
    if measure not in MEASURE_NAMES:
        return UNKNOWN
    timings = payment_file(measure).components
    return timings.get(component) or timings.get(DEFAULT) or UNKNOWN
