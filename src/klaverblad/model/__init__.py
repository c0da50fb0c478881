"""The initiative as pure data: pydantic models, exact money, months, loading with clear errors."""

from klaverblad.model.initiative import STATUTES, Initiative
from klaverblad.model.loading import InitiativeError, load_initiative, parse_initiative
from klaverblad.model.problems import Problem

__all__ = [
    "STATUTES",
    "Initiative",
    "InitiativeError",
    "Problem",
    "load_initiative",
    "parse_initiative",
]
