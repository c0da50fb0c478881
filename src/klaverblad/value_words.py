"""The values of the initiative file in words (activity kinds, payments, client groups,
recognitions, policy domains, statutes, roles, benefit statuses, diplomas, grant measures …):
one list for the wizard's choices, the alerts, the explanations and the downloads. The code
keeps the values (`klusjes`), the catalogues keep the words ("klusjes", "odd jobs").

>>> value_name("kind", "tuin", "nl"), value_name("payment", "pwa_cheque", "en")
('tuinonderhoud', 'PWA cheques')
"""

from __future__ import annotations

from klaverblad.locale import Language
from klaverblad.messages import N_, words
from klaverblad.rules.measures import measure_words

VALUE_WORDS = words(
    N_("value.legal_form_vzw"),
    N_("value.legal_form_ocmw"),
    N_("value.legal_form_gemeente"),
    N_("value.legal_form_intercommunale"),
    N_("value.legal_form_cooperatie"),
    N_("value.legal_form_bedrijf"),
    N_("value.recognitions_lde"),
    N_("value.recognitions_swp"),
    N_("value.recognitions_inschakelingsbedrijf"),
    N_("value.recognitions_dienstencheque_onderneming"),
    N_("value.recognitions_pwa"),
    N_("value.recognitions_maatwerkbedrijf"),
    N_("value.kind_huishoudhulp"),
    N_("value.kind_strijk"),
    N_("value.kind_boodschappen"),
    N_("value.kind_maaltijden"),
    N_("value.kind_vervoer_beperkte_mobiliteit"),
    N_("value.kind_klusjes"),
    N_("value.kind_tuin"),
    N_("value.kind_kinderopvang"),
    N_("value.kind_huiswerkbegeleiding"),
    N_("value.kind_begeleiding_zieken_ouderen"),
    N_("value.kind_administratieve_hulp"),
    N_("value.kind_milieu"),
    N_("value.kind_groenonderhoud"),
    N_("value.kind_andere"),
    N_("value.payment_dienstencheque"),
    N_("value.payment_pwa_cheque"),
    N_("value.payment_cash"),
    N_("value.payment_invoice"),
    N_("value.client_group_particulier"),
    N_("value.client_group_kansarm"),
    N_("value.client_group_bedrijf"),
    N_("value.client_group_stad"),
    N_("value.role_target"),
    N_("value.role_supervisor"),
    N_("value.statute_regular"),
    N_("value.diploma_geen"),
    N_("value.diploma_lager"),
    N_("value.diploma_lager_secundair"),
    N_("value.diploma_hoger_secundair"),
    N_("value.diploma_hoger"),
    N_("value.status_uvw"),
    N_("value.status_wachtuitkering"),
    N_("value.status_leefloon"),
    N_("value.status_financiele_hulp"),
    N_("value.status_nwwz"),
    N_("value.status_geen"),
    N_("value.maatwerk_begeleiding_laag"),
    N_("value.maatwerk_begeleiding_midden"),
    N_("value.maatwerk_begeleiding_hoog"),
    N_("value.maatwerk_pakket_2j"),
    N_("value.maatwerk_pakket_5j_loonpremie"),
    N_("value.maatwerk_pakket_5j_verhoogd"),
    N_("value.maatwerk_pakket_5j_mwb"),
    N_("value.vop_onbepaald"),
    N_("value.vop_bepaald"),
    N_("value.domain_welzijn"),
    N_("value.domain_kinderopvang"),
    N_("value.domain_jeugd"),
    N_("value.domain_milieu"),
    N_("value.domain_wonen"),
    N_("value.domain_cultuur"),
    N_("value.domain_toerisme"),
    N_("value.domain_mobiliteit"),
    N_("value.domain_onderwijs"),
    N_("value.domain_werk"),
    # Statutes and grant measures: their names are in their folders (`Measure.words`).
    *measure_words("value."),
)


def value_name(field: str, value: str, language: Language) -> str:
    """`value` of `field` (its last name part, `people[0].status` → `status`) in words; a value
    without words (free text such as a funder's name) is shown as it is."""
    return VALUE_WORDS[language].get(f"{field.rsplit('.', 1)[-1]}_{value}", value)


def code_name(code: str, language: Language) -> str:
    """A code of the file whose field is not known (a list value of a parameter such as the
    activity kinds a cheque allows) in words: the words of the first field that has it."""
    for key, text in VALUE_WORDS[language].items():
        if key.endswith(f"_{code}") and key[: -len(code) - 1] in FIELDS:
            return text
    return code


# The fields of the file whose values have words, in the order `code_name` tries them.
FIELDS = ("kind", "payment", "client_group", "recognitions", "domain", "statute", "measure")
