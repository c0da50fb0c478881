"""The words the wizard says at a field: accepting a default ("Klopt"), a grant that does not
count until its amount is filled in, and a voucher that cannot pay for an activity, with
the reason (`wizard/accept.py`, `wizard/voucher_notes.py`). The same keys in both languages.
"""

from __future__ import annotations

from klaverblad.messages import N_, words

FIELD_WORDS = words(
    N_("wizard_field.accept"),
    N_("wizard_field.accept_field"),
    N_("wizard_field.accept_step"),
    N_("wizard_field.grant_waiting"),
    N_("wizard_field.voucher_dienstencheque"),
    N_("wizard_field.voucher_pwa_cheque"),
    N_("wizard_field.voucher_months"),
    N_("wizard_field.voucher_month"),
    N_("wizard_field.voucher_kind"),
    N_("wizard_field.voucher_client_group_dienstencheque"),
    N_("wizard_field.voucher_client_group_pwa_cheque"),
    N_("wizard_field.voucher_recognition"),
    N_("wizard_field.voucher_price"),
    N_("wizard_field.or"),
)
