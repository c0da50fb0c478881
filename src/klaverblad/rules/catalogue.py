"""What each measure is, as data: leaf, funder, conditions, components and their parameters.

The plan books components from it, `explain` walks its conditions and `measures` lists it, so
that no screen describes a rule by hand. Names are those of RULEBOOK §3–4 and CONTRACT §4.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Rhythm = Literal["monthly", "quarterly", "one_off"]
# `by_role`: leaf II for a target worker, I for a supervisor (RULEBOOK §3).
LeafRule = Literal["by_role", "I", "II", "III", "IV"]
# `regionalised`: federaal until 2014-06-30, Vlaams from 2014-07-01 (RULEBOOK §1, funders).
REGIONALISED = "regionalised"
REGIONALISATION_PARAMETER = "regionalisation.activation_measures_flemish"


@dataclass(frozen=True)
class Component:
    """A component of a statute; its lines carry the statute's measure and funder unless
    `measure` / `funder` say otherwise (a reform's extra line, say)."""

    name: str
    variable: str
    rhythm: Rhythm
    leaf: LeafRule
    parameters: tuple[str, ...]
    measure: str | None = None
    funder: str | None = None


@dataclass(frozen=True)
class Measure:
    name: str
    label: str
    leaf: str
    funder: str
    parameter_node: str
    conditions: tuple[str, ...] = ()
    eligible: str | None = None
    duration: str | None = None
    components: tuple[Component, ...] = ()
    reference: str = ""
    # Its window (RULEBOOK §6.1), as the boolean parameters that make it: `start_window` is
    # judged at a person's start month; the measure yields in a month while one of `paid` is
    # true. Dates, references and grades are those of the parameters; the successors are in
    # the metadata of `parameter_node` (`advice.measure_windows` reads both).
    start_window: str | None = None
    paid: tuple[str, ...] = ()


def _statute(
    name: str,
    label: str,
    funder: str,
    conditions: tuple[str, ...],
    components: tuple[Component, ...],
    duration: str | None = None,
    reference: str = "",
    paid: tuple[str, ...] = (),
    start_window: str | None = "start_window",
) -> Measure:
    return Measure(
        name=name,
        label=label,
        leaf="II (I for a supervisor)",
        funder=funder,
        parameter_node=name,
        conditions=conditions,
        eligible=f"{name}_eligible",
        duration=duration,
        components=components,
        reference=reference,
        start_window=f"{name}.{start_window}" if start_window else None,
        paid=paid,
    )


STATUTE_MEASURES: tuple[Measure, ...] = (
    _statute(
        "sine",
        "SINE — sociale inschakelingseconomie",
        REGIONALISED,
        (
            "sine_start_window_ok",
            "sine_employer_ok",
            "sine_status_ok",
            "sine_low_skilled",
            "sine_unemployment_ok",
        ),
        (
            Component(
                "doelgroepvermindering",
                "sine_doelgroepvermindering",
                "quarterly",
                "by_role",
                ("sine.doelgroepvermindering.amount", "sine.doelgroepvermindering.booked"),
            ),
            Component(
                "herinschakelingsuitkering",
                "sine_herinschakelingsuitkering",
                "monthly",
                "by_role",
                (
                    "sine.herinschakelingsuitkering.amount",
                    "sine.herinschakelingsuitkering.paid",
                    "sine.herinschakelingsuitkering.months_under_age",
                ),
            ),
        ),
        duration="sine_allowance_months",
        reference="KB 3 mei 1999 (SINE)",
        paid=("sine.herinschakelingsuitkering.paid", "sine.doelgroepvermindering.booked"),
    ),
    _statute(
        "art60",
        "Artikel 60 §7 OCMW-wet",
        "federaal",
        ("art60_start_window_ok", "art60_employer_ok", "art60_status_ok"),
        (
            Component(
                "staatstoelage",
                "art60_staatstoelage",
                "monthly",
                "by_role",
                ("art60.leefloon_cat3", "art60.paid"),
            ),
        ),
        duration="art60_duration_months",
        reference="Organieke wet OCMW 8 juli 1976, art. 60 §7",
        paid=("art60.paid",),
    ),
    _statute(
        "twe",
        "Tijdelijke Werkervaring (art. 60-route)",
        "Vlaams",
        ("twe_start_window_ok", "twe_employer_ok", "twe_status_ok"),
        (
            Component(
                "inspanningsvergoeding",
                "twe_inspanningsvergoeding",
                "monthly",
                "by_role",
                ("twe.inspanningsvergoeding", "twe.inspanningsvergoeding_months"),
            ),
            Component(
                "compensatievergoeding",
                "twe_compensatievergoeding",
                "monthly",
                "by_role",
                ("twe.compensatievergoeding",),
            ),
            Component(
                "compensatievergoeding_deel3",
                "twe_compensatievergoeding_deel3",
                "monthly",
                "by_role",
                ("twe.compensatievergoeding_deel3", "twe.inspanningsvergoeding_months"),
            ),
            Component(
                "federale_staatstoelage",
                "twe_federale_staatstoelage",
                "monthly",
                "by_role",
                ("twe.federale_staatstoelage", "art60.leefloon_cat3"),
                funder="federaal",
            ),
        ),
        # The art. 60 duration (RULEBOOK v1.2 §3.2).
        duration="art60_duration_months",
        reference="vdab.be Tijdelijke werkervaring",
    ),
    _statute(
        "gesco",
        "GESCO — gesubsidieerde contractuelen",
        "Vlaams",
        ("gesco_employer_ok", "gesco_target_group_ok"),
        (
            Component(
                "premie",
                "gesco_premie",
                "monthly",
                "by_role",
                (
                    "gesco.premie.basis",
                    "gesco.premie.verhoogd_tot_secundair",
                    "gesco.premie.verhoogd_hoger",
                ),
            ),
        ),
        reference="Programmawet 30 december 1988; BVR 27 oktober 1993",
        # Only a gemeente's or OCMW's hire has a start window (`gesco_employer_ok`).
        start_window=None,
    ),
    _statute(
        "activa",
        "Activa — werkuitkering",
        REGIONALISED,
        ("activa_start_window_ok", "activa_status_ok", "activa_band_ok"),
        (
            Component(
                "werkuitkering",
                "activa_werkuitkering",
                "monthly",
                "by_role",
                ("activa.werkuitkering",),
            ),
        ),
        duration="activa_band_months",
        reference="KB 19 december 2001 (Activa)",
    ),
    _statute(
        "wep_plus",
        "WEP+ — werkervaringsplan",
        "Vlaams + federaal",
        ("wep_plus_start_window_ok", "wep_plus_employer_ok", "wep_plus_target_group_ok"),
        (),
        duration="wep_plus_duration_months",
        reference="BVR 17 juni 1997; BVR 10 juli 2008 betreffende werkervaring",
        paid=("wep_plus.paid",),
    ),
    _statute(
        "aanwervingsincentive",
        "Aanwervingsincentive langdurig werkzoekenden",
        "Vlaams",
        (
            "aanwervingsincentive_start_window_ok",
            "aanwervingsincentive_employer_ok",
            "aanwervingsincentive_age_ok",
            "aanwervingsincentive_unemployment_ok",
        ),
        (
            Component(
                "premie_3m",
                "aanwervingsincentive_premie_3m",
                "one_off",
                "by_role",
                ("aanwervingsincentive.premie_3m.amount",),
            ),
            Component(
                "premie_12m",
                "aanwervingsincentive_premie_12m",
                "one_off",
                "by_role",
                ("aanwervingsincentive.premie_12m.amount",),
            ),
        ),
        reference="dvo.be, premie voor aanwerving langdurig werklozen (2017)",
    ),
    _statute(
        "maatwerk",
        "Individueel maatwerk",
        "Vlaams",
        ("maatwerk_start_window_ok", "maatwerk_decision_ok"),
        (
            Component("loonpremie", "maatwerk_loonpremie", "monthly", "by_role", ()),
            Component(
                "begeleidingspremie_vast",
                "maatwerk_begeleidingspremie_vast",
                "quarterly",
                "I",
                (
                    "maatwerk.begeleidingspremie_vast.initial_amount",
                    "maatwerk.begeleidingspremie_vast.later_amount",
                ),
            ),
            Component(
                "begeleidingspremie_variabel",
                "maatwerk_begeleidingspremie_variabel",
                "quarterly",
                "I",
                (
                    "maatwerk.begeleidingspremie_variabel.laag",
                    "maatwerk.begeleidingspremie_variabel.midden",
                    "maatwerk.begeleidingspremie_variabel.hoog",
                ),
            ),
        ),
        reference="Decreet individueel maatwerk 14 januari 2022",
    ),
)

STATUTES = {measure.name: measure for measure in STATUTE_MEASURES}

INITIATIVE_MEASURES: tuple[Measure, ...] = (
    Measure(
        "dienstencheque",
        "Dienstencheques (leaf III: user price and public part)",
        "III",
        REGIONALISED + " (overheid) / gebruikers",
        "dienstencheque",
        reference="Wet 20 juli 2001; KB 12 december 2001 (dienstencheques)",
    ),
    Measure(
        "pwa",
        "PWA- en wijk-werkcheques (leaf II, as in the 2006 report)",
        "II",
        "gebruikers (PWA)",
        "pwa",
        reference="rva.be infoblad G2; wijk-werken from 2018",
    ),
    Measure(
        "klantbijdrage", "Client payments in cash or by invoice", "III", "gebruikers / lokaal", ""
    ),
    Measure("beleidsdomein", "Agreements with other policy domains", "IV", "(the agreement)", ""),
    Measure(
        "lde",
        "Vlaamse LDE-ondersteuning (entered grant)",
        "I",
        "Vlaams",
        "lde",
        paid=("lde.valid",),
    ),
    Measure("swp", "Sociale werkplaats (entered grant)", "I", "Vlaams", "swp", paid=("swp.valid",)),
    Measure("lokaal_actieplan", "Lokaal actieplan (entered grant)", "I", "lokaal", ""),
    Measure("art60_verhoogd", "Art. 60 verhoogde toelage (entered grant)", "II", "federaal", ""),
    Measure("overig", "Other grant (entered, any leaf)", "(the grant)", "(the grant)", ""),
)


def components_of(statute: str, system: object) -> tuple[Component, ...]:
    """The statute's components in `system`: the catalogue's, plus those a reform in the
    system's chain adds (`extra_components` on the reform class)."""
    extra: list[Component] = []
    current: object | None = system
    while current is not None:
        extra += getattr(type(current), "extra_components", {}).get(statute, ())
        current = vars(current).get("baseline")
    return STATUTES[statute].components + tuple(extra)


# Every measure by name: the statutes and the initiative-level ones (a `wep_plus` grant is the
# statute's money, so it shares the statute's window).
MEASURES = {measure.name: measure for measure in (*STATUTE_MEASURES, *INITIATIVE_MEASURES)}
