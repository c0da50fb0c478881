"""An alert: a problem of the plan, for whom, in Dutch and English, with machine details."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from klaverblad.locale import Language

Severity = Literal["info", "warning", "error"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Alert:
    code: str
    severity: Severity
    subject: str
    messages: dict[str, str]
    details: dict[str, object] = field(default_factory=dict)

    def message(self, language: Language) -> str:
        return self.messages[language]
