"""The words of the "Waarom dit statuut?" panel of the plan page: per person, each wage
statute's conditions met or not, and what the other statutes would bring."""

from __future__ import annotations

from klaverblad.messages import N_, words

WHY_STATUTE_WORDS = words(
    N_("why_statute.title"),
    N_("why_statute.intro"),
    N_("why_statute.person"),
    N_("why_statute.chosen_best"),
    N_("why_statute.chosen_file"),
    N_("why_statute.chosen_regular"),
    N_("why_statute.regular"),
    N_("why_statute.summary"),
    N_("why_statute.summary_person"),
    N_("why_statute.eligible"),
    N_("why_statute.not_eligible"),
    N_("why_statute.applied"),
    N_("why_statute.met"),
    N_("why_statute.not_met"),
    N_("why_statute.reference"),
    N_("why_statute.brings"),
    N_("why_statute.runners_up"),
    N_("why_statute.runner_up"),
    N_("why_statute.no_runners_up"),
)
