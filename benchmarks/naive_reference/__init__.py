"""A naive reference implementation of RULEBOOK v1.2 §1–5, for the speed baseline of issue 12:
plain Python, `Decimal`, plain loops, person by person and month by month; the parameter
values read from the project's YAML files with a tiny loader of its own (`parameters.py`),
nothing of `klaverblad.rules`, OpenFisca or numpy. It reads the parsed `Initiative` (so input
parsing is not what a timing compares) and gives the plan's lines, memo lines, totals, leaves,
years, statute choice and break-even price; not the alerts.

    >>> from klaverblad.model import load_initiative
    >>> text = naive_plan_json(load_initiative("examples/bik-klusjesdienst.yaml"))

`tests/test_naive_reference.py` checks it equal to `compute_plan` to the cent on the examples
and on generated initiatives.
"""

from benchmarks.naive_reference.json_output import naive_plan_json, plan_dict
from benchmarks.naive_reference.plan import NaivePlan, naive_plan

__all__ = ["NaivePlan", "naive_plan", "naive_plan_json", "plan_dict"]
