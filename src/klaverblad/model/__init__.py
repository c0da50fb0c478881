"""The initiative as pure data: pydantic models, exact money, months, loading with clear errors."""

from klaverblad.model.consistency import Problem
from klaverblad.model.initiative import STATUTES, Initiative
from klaverblad.model.loading import InitiativeError, load_initiative, parse_initiative

__all__ = [
    "STATUTES",
    "Initiative",
    "InitiativeError",
    "Problem",
    "load_initiative",
    "parse_initiative",
]
