"""The words of the login page and of "Mijn plannen", in Dutch and English (the same keys in
both, checked in tests/web/test_accounts.py)."""

from __future__ import annotations

from klaverblad.messages import N_, words

# Keyed by language ("nl", "en"); typed by `str` as `render(words=…)` takes it.
ACCOUNT_WORDS = words(
    N_("accounts.login_title"),
    N_("accounts.pending_notice"),
    N_("accounts.resume_title"),
    N_("accounts.resume_intro"),
    N_("accounts.resume_text"),
    N_("accounts.resume_submit"),
    N_("accounts.resume_cancel"),
    N_("accounts.login_intro"),
    N_("accounts.logged_in_as"),
    N_("accounts.email"),
    N_("accounts.password"),
    N_("accounts.login_submit"),
    N_("accounts.login_errors"),
    N_("accounts.login_failed"),
    N_("accounts.email_missing"),
    N_("accounts.password_missing"),
    N_("accounts.too_many_title"),
    N_("accounts.too_many"),
    N_("accounts.mine_title"),
    N_("accounts.mine_scope_promoter"),
    N_("accounts.mine_scope_municipality"),
    N_("accounts.mine_scope_all"),
    N_("accounts.mine_caption"),
    N_("accounts.col_plan"),
    N_("accounts.col_id"),
    N_("accounts.col_promoter"),
    N_("accounts.col_version"),
    N_("accounts.col_changed"),
    N_("accounts.col_author"),
    N_("accounts.col_downloads"),
    N_("accounts.pdf_of"),
    N_("accounts.mine_empty"),
    N_("accounts.new_title"),
    N_("accounts.new_intro"),
    N_("accounts.document_label"),
    N_("accounts.note_label"),
    N_("accounts.new_submit"),
    N_("accounts.save_errors"),
    N_("accounts.save_errors_intro"),
    N_("accounts.id_exists"),
    N_("accounts.open_existing"),
    N_("accounts.id_taken"),
    N_("accounts.cannot_save"),
    N_("accounts.cannot_save_title"),
)
