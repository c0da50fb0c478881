"""Advice on a plan: alerts (the 2006 report's problems) and explanations."""
