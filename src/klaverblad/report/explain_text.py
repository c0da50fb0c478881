"""`klaverblad explain` as readable text.

A plan line's sum (`advice.line_sums`) is printed as its plain arithmetic, the same in every
language (the numbers as the JSON gives them; the words are the web page's):

>>> sum_arithmetic({"terms": [[{"kind": "per_month", "value": "500"},
...     {"kind": "months", "value": "12"}, {"kind": "fte", "value": "1.0"}]]}, "6000.00")
'Σ 500 × 12 × 1.0 = 6000.00'
"""

from __future__ import annotations

from typing import Any

from klaverblad.locale import Language
from klaverblad.messages import N_, words

# Factors that divide what comes before them (`advice.line_sum_shapes.DIVIDING`).
DIVIDING = ("twelfth", "full_fte")

WORDS = words(
    N_("explain_text.person"),
    N_("explain_text.month"),
    N_("explain_text.applied"),
    N_("explain_text.eligible"),
    N_("explain_text.not_eligible"),
    N_("explain_text.met"),
    N_("explain_text.not_met"),
    N_("explain_text.duration"),
    N_("explain_text.duration_quarters"),
    N_("explain_text.not_computable"),
    N_("explain_text.grade"),
    N_("explain_text.since"),
    N_("explain_text.leaf"),
    N_("explain_text.inputs"),
)


def render_explanation(result: dict[str, Any], language: Language) -> str:
    words = WORDS[language]
    out = [
        f"{words['person']} {result['person']} ({result['initiative']}), {words['month']} "
        f"{result['month']}: {words['applied']} {result['statute']} ({result['chosen_by']})"
    ]
    for measure in result["measures"]:
        status = words["eligible"] if measure["eligible"] else words["not_eligible"]
        out.append("")
        out.append(f"{measure['label']} [{measure['measure']}] — {status}; {measure['reference']}")
        for condition in measure["conditions"]:
            mark = "✔" if condition["met"] else "✘"
            met = words["met"] if condition["met"] else words["not_met"]
            out.append(
                f"  {mark} {condition['label']} — {met}  ({_reference(condition['reference'])})"
            )
        if "duration_months" in measure:
            out.append(f"  {words['duration']}: {measure['duration_months']}")
        if "duration_quarters" in measure:
            out.append(f"  {words['duration_quarters']}: {measure['duration_quarters']}")
        for component in measure["components"]:
            amount = (
                component["amount"] if component["amount"] is not None else words["not_computable"]
            )
            out.append(f"  • {component['component']}: {amount} — {component['label']}")
            for parameter in component["parameters"]:
                out.append(
                    f"      {parameter['parameter']} = {parameter['value']} ({words['since']} "
                    f"{parameter['since']}, {words['grade']} {parameter['grade']})"
                )
    return "\n".join(out)


def _reference(reference: object) -> str:
    """OpenFisca keeps a variable's reference as a list of strings."""
    if isinstance(reference, list | tuple):
        return "; ".join(str(item) for item in reference)
    return str(reference)


def _factor(factor: dict[str, Any]) -> str:
    if factor["kind"] in DIVIDING:
        return f"÷ {factor['value']}"
    if factor["kind"] == "percent":
        return f"{factor['value']}%"
    if factor.get("minus") is not None:
        return f"({factor['value']} − {factor['minus']})"
    return str(factor["value"])


def sum_arithmetic(line_sum: dict[str, Any], amount: str) -> str:
    """A line's sum as plain arithmetic ending with the line's amount; "Σ amount" for a
    line without terms (not computable)."""
    terms = []
    for term in line_sum.get("terms") or []:
        text = ""
        for factor in term:
            part = _factor(factor)
            joiner = " " if factor["kind"] in DIVIDING else " × "
            text = f"{text}{joiner}{part}" if text else part
        terms.append(text)
    return f"Σ {' + '.join(terms)} = {amount}" if terms else f"Σ {amount}"


def render_line_explanations(explained: list[dict[str, Any]], language: Language) -> str:
    """Each line: what it is, the rule in words, the inputs, the parameters and the grade."""
    words = WORDS[language]
    out: list[str] = []
    for entry in explained:
        line = entry["line"]
        who = line["person"] or line["activity"] or ""
        out.append(
            f"[{entry['index']}] {line['year']} {words['leaf']} {line['leaf']} "
            f"{line['measure']}/{line['component']} {who} — {line['funder']} ({line['status']})"
        )
        out.append(f"    {entry['rule']}")
        if "sum" in entry:
            out.append(f"    {sum_arithmetic(entry['sum'], line['amount'])}")
        if entry["inputs"]:
            out.append(f"    {words['inputs']}: {entry['inputs']}")
        for parameter in entry["parameters"]:
            out.append(
                f"    {parameter['parameter']} = {parameter['value']} ({words['since']} "
                f"{parameter['since']}, {words['grade']} {parameter['grade']})"
            )
        out.append(f"    {words['grade']}: {entry['grade']}; {_reference(entry['references'])}")
    return "\n".join(out)
