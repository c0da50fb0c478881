"""An alert: a problem of the plan, for whom, in Dutch and English, with machine details."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from klaverblad.locale import Language

Severity = Literal["info", "warning", "error"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

# What each alert is called on a page, instead of its code (the code stays in the JSON).
TITLES: dict[str, dict[Language, str]] = {
    "statute_not_eligible": {"nl": "Statuut past niet", "en": "Statute does not fit"},
    "voucher_not_allowed": {"nl": "Cheque niet toegelaten", "en": "Voucher not allowed"},
    "sine_not_eligible": {"nl": "Geen overstap naar SINE", "en": "No switch to SINE"},
    "voucher_unsuitable_for_low_income": {
        "nl": "Dienstencheques ongeschikt voor kansarme klanten",
        "en": "Service vouchers unsuitable for low-income clients",
    },
    "affordability": {
        "nl": "Te duur voor kansarme klanten",
        "en": "Too dear for low-income clients",
    },
    "supervision_ratio": {"nl": "Te weinig omkadering", "en": "Too little supervision"},
    "double_classification": {"nl": "Dubbele erkenning", "en": "Double recognition"},
    "funding_cliff": {
        "nl": "Subsidie stopt tijdens de tewerkstelling",
        "en": "Subsidy stops during employment",
    },
    "amount_unknown": {"nl": "Bedrag onbekend", "en": "Amount unknown"},
    "policy_domain_funder_missing": {
        "nl": "Financier uit een ander beleidsdomein ontbreekt",
        "en": "Funder from another policy domain missing",
    },
    "fragmentation": {"nl": "Versnipperd initiatief", "en": "Fragmented initiative"},
    "measure_closed": {"nl": "Maatregel gesloten", "en": "Measure closed"},
}


@dataclass(frozen=True)
class Alert:
    code: str
    severity: Severity
    subject: str
    messages: dict[str, str]
    details: dict[str, object] = field(default_factory=dict)

    def message(self, language: Language) -> str:
        return self.messages[language]

    def title(self, language: Language) -> str:
        return TITLES[self.code][language]
