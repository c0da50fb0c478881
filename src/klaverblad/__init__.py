"""Klaverblad: financing plans for lokale diensteneconomie initiatives."""
