"""The two entities of the klaverblad rules (design C of the timeline spike).

A `worker` is the real person: it holds the inputs and the start-date rules (eligibility,
durations), computed once per person. A `worker_month` is one worker in one month of the
horizon: it holds the timeline (amounts per month). Every variable is ETERNITY and is asked
for with the sentinel period `SENTINEL_PERIOD`, so that a formula that wrongly reads
`parameters(period)` fails loudly instead of reading some arbitrary date.
"""

from openfisca_core.entities import build_entity

SENTINEL_PERIOD = "1000-01"

WorkerMonth = build_entity(
    key="worker_month",
    plural="worker_months",
    label="One worker in one month of the horizon",
    doc="A row of the timeline: the month is an input of the row.",
    is_person=True,
)

Worker = build_entity(
    key="worker",
    plural="workers",
    label="Worker (the real person)",
    doc="A person employed by the initiative, with the months of the horizon as members.",
    roles=[{"key": "month", "plural": "months", "label": "Month row"}],
)

entities = [WorkerMonth, Worker]
