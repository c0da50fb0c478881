"""The statutes a VDAB decision opens: individueel maatwerk (RULEBOOK §3.8) and the Vlaamse
ondersteuningspremie (§3.10), written line by line. Both pay a percentage of the wage cost,
capped at 2 × GGMMI × FTE, by calendar quarter index q."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from benchmarks.naive_reference.facts import ZERO, Amounts, Facts, P, Statute, monthly

# The folders of the maatwerk start packages in the parameters.
PACKAGES = {
    "2j": "twee_jaar",
    "5j_loonpremie": "vijf_jaar_loonpremie",
    "5j_verhoogd": "vijf_jaar_verhoogd",
    "5j_mwb": "vijf_jaar_mwb",
}
HUNDRED = Decimal(100)


def _capped_wage(
    facts: Facts, cap: str, month: int, without_ggmmi: Decimal | None
) -> Decimal | None:
    """min(wage cost, cap × GGMMI × FTE) with the month's GGMMI; before its first value,
    `without_ggmmi`."""
    ggmmi = P.at("ggmmi.full_time", month)
    if ggmmi is None:
        return without_ggmmi
    return min(facts.wage, P.at(cap, month) * ggmmi * facts.fte)


def _by_quarter(node: str, quarter: int, month: int, prefix: str) -> Decimal:
    """pct_early for q ≤ early_quarters, pct_middle for q ≤ middle_quarters, else pct_late."""
    if quarter <= P.at(f"{prefix}.early_quarters", month):
        return P.at(f"{node}.pct_early", month)
    if quarter <= P.at(f"{prefix}.middle_quarters", month):
        return P.at(f"{node}.pct_middle", month)
    return P.at(f"{node}.pct_late", month)


def maatwerk_eligible(facts: Facts) -> bool:
    if not facts.open_at_start("maatwerk"):
        return False
    if facts.legal_form not in {"vzw", "cooperatie", "bedrijf", "gemeente", "ocmw"}:
        return False
    if facts.person.maatwerk_pakket is not None:
        return True
    percentage = facts.person.maatwerk_loonpremie_pct
    if percentage is None:
        return False
    rule = "maatwerk.loonpremie_pct."
    return (
        facts.at_start(rule + "min") <= percentage <= facts.at_start(rule + "max")
        and percentage % facts.at_start(rule + "step") == 0
    )


def maatwerk_quarters(facts: Facts) -> int:
    """8 quarters for the 2j package, else 20 (also a decided percentage without package)."""
    package = facts.person.maatwerk_pakket
    if package is None:
        return int(facts.at_start("maatwerk.loonpremie_pct.quarters"))
    return int(facts.at_start(f"maatwerk.pakket.{PACKAGES[package]}.quarters"))


def maatwerk_amounts(facts: Facts, months: Sequence[int]) -> dict[str, Amounts]:
    """loonpremie: pct % × the capped wage cost each employed month of the quarters; pct the
    decided one, else by package and q. begeleidingspremies, only with a begeleiding level:
    vast 1 200 per quarter for q ≤ 5 then 600, variabel by level × FTE, both booked in the
    quarter's last month."""
    person = facts.person
    quarters = maatwerk_quarters(facts)
    package = PACKAGES.get(person.maatwerk_pakket or "")
    level = person.maatwerk_begeleiding
    job = facts.job
    result: dict[str, Amounts] = {
        "loonpremie": [],
        "begeleidingspremie_vast": [],
        "begeleidingspremie_variabel": [],
    }
    for month in months:
        quarter = job.quarter_index(month)
        within = quarter <= quarters
        loonpremie: Decimal | None = ZERO
        if within and job.employed(month):
            if person.maatwerk_loonpremie_pct is not None:
                percentage = Decimal(person.maatwerk_loonpremie_pct)
            else:
                node = f"maatwerk.pakket.{package}"
                percentage = _by_quarter(node, quarter, month, "maatwerk.pakket")
            base = _capped_wage(facts, "maatwerk.loonpremie_cap", month, None)
            loonpremie = None if base is None else monthly(base, percentage / HUNDRED)
        vast: Decimal | None = ZERO
        variabel: Decimal | None = ZERO
        if within and job.forfait_due(month) and level is not None:
            rule = "maatwerk.begeleidingspremie_vast."
            early = quarter <= P.at(rule + "initial_quarters", month)
            vast = monthly(P.at(rule + ("initial_amount" if early else "later_amount"), month))
            variabel = monthly(
                P.at(f"maatwerk.begeleidingspremie_variabel.{level}", month), facts.fte
            )
        result["loonpremie"].append(loonpremie)
        result["begeleidingspremie_vast"].append(vast)
        result["begeleidingspremie_variabel"].append(variabel)
    return result


def vop_eligible(facts: Facts) -> bool:
    if not facts.open_at_start("vop") or facts.person.vop is None:
        return False
    if "maatwerkbedrijf" in facts.recognitions:
        return False
    if facts.legal_form in {"vzw", "cooperatie", "bedrijf"}:
        return True
    return facts.legal_form in {"gemeente", "ocmw"} and facts.person.contract_indefinite


def vop_amounts(facts: Facts, months: Sequence[int]) -> dict[str, Amounts]:
    """pct % × the capped wage cost (no cap before the GGMMI's first value), each employed
    month of the decision's quarters: onbepaald 40 / 30 / 20 in q 1–5, 6–9, 10–20; bepaald 20
    in q 1–8."""
    decision = f"vop.{facts.person.vop}"
    quarters = facts.at_start(decision + ".quarters")
    job = facts.job
    premie: Amounts = []
    for month in months:
        quarter = job.quarter_index(month)
        if not (job.employed(month) and quarter <= quarters):
            premie.append(ZERO)
            continue
        percentage = _by_quarter(decision, quarter, month, "vop")
        base = _capped_wage(facts, "vop.premie_cap", month, facts.wage)
        premie.append(monthly(base, percentage / HUNDRED))
    return {"premie": premie}


MAATWERK = Statute(
    "maatwerk",
    "Vlaams",
    maatwerk_eligible,
    maatwerk_amounts,
    # The section names every leaf (RULEBOOK §3.8; §3: "unless the section names the leaf"):
    # the loonpremie is leaf II also for a supervisor, where Klaverblad books leaf I.
    fixed_leaf={
        "loonpremie": "II",
        "begeleidingspremie_vast": "I",
        "begeleidingspremie_variabel": "I",
    },
)
VOP = Statute("vop", "Vlaams", vop_eligible, vop_amounts)
