"""An alert: a problem of the plan, for whom, in Dutch and English, with machine details."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from klaverblad.locale import Language
from klaverblad.messages import N_, words

Severity = Literal["info", "warning", "error"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

# What each alert is called on a page, instead of its code (the code stays in the JSON).
TITLES = words(
    N_("alert_title.statute_not_eligible"),
    N_("alert_title.voucher_not_allowed"),
    N_("alert_title.sine_not_eligible"),
    N_("alert_title.voucher_unsuitable_for_low_income"),
    N_("alert_title.affordability"),
    N_("alert_title.supervision_ratio"),
    N_("alert_title.double_classification"),
    N_("alert_title.funding_cliff"),
    N_("alert_title.amount_unknown"),
    N_("alert_title.policy_domain_funder_missing"),
    N_("alert_title.fragmentation"),
    N_("alert_title.measure_closed"),
    N_("alert_title.not_known_then"),
)


@dataclass(frozen=True)
class Alert:
    code: str
    severity: Severity
    subject: str
    # Per language (`messages.PerLanguage`: each rendered when first read, or a dictionary).
    messages: Mapping[str, str]
    details: dict[str, object] = field(default_factory=dict)

    def message(self, language: Language) -> str:
        return self.messages[language]

    def title(self, language: Language) -> str:
        return TITLES[language][self.code]
