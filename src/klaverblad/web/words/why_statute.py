"""The words of the "Waarom dit statuut?" panel of the plan page: per person, each wage
statute's conditions met or not, and what the other statutes would bring."""

from __future__ import annotations

from klaverblad.locale import Language

WHY_STATUTE_WORDS: dict[Language, dict[str, str]] = {
    "nl": {
        "title": "Waarom dit statuut?",
        "intro": (
            "Per persoon: de voorwaarden van elk loonstatuut, voldaan of niet, met de "
            "regelgeving waarop ze steunen."
        ),
        "person": "Persoon {person}: {statute}",
        "chosen_best": "het beste statuut waarvoor de persoon in aanmerking komt",
        "chosen_file": "zo gekozen in het plan",
        "chosen_regular": "geen loonsubsidie: de persoon komt voor geen statuut in aanmerking",
        "regular": "gewoon contract (geen loonsubsidie)",
        "summary": "Waarom dit statuut?",
        "summary_person": "voor persoon {person}",
        "eligible": "in aanmerking",
        "not_eligible": "niet in aanmerking",
        "applied": "toegepast",
        "met": "voldaan",
        "not_met": "niet voldaan",
        "reference": "Bron",
        "brings": "Brengt over de looptijd van het plan: {amount}",
        "runners_up": "De andere statuten waarvoor de persoon in aanmerking komt",
        "runner_up": "{statute}: {amount} over de looptijd van het plan",
        "no_runners_up": "Geen ander statuut waarvoor de persoon in aanmerking komt.",
    },
    "en": {
        "title": "Why this statute?",
        "intro": (
            "Per person: the conditions of each wage statute, met or not, with the rules "
            "they rest on."
        ),
        "person": "Person {person}: {statute}",
        "chosen_best": "the best statute the person is eligible for",
        "chosen_file": "chosen so in the plan",
        "chosen_regular": "no wage subsidy: the person is eligible for no statute",
        "regular": "ordinary contract (no wage subsidy)",
        "summary": "Why this statute?",
        "summary_person": "for person {person}",
        "eligible": "eligible",
        "not_eligible": "not eligible",
        "applied": "applied",
        "met": "met",
        "not_met": "not met",
        "reference": "Source",
        "brings": "Brings over the plan's horizon: {amount}",
        "runners_up": "The other statutes the person is eligible for",
        "runner_up": "{statute}: {amount} over the plan's horizon",
        "no_runners_up": "No other statute the person is eligible for.",
    },
}
