"""Outputs of a plan: the contract JSON, a terminal table, CSV."""
