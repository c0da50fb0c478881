"""The words of the login page and of "Mijn plannen", in Dutch and English (the same keys in
both, checked in tests/web/test_accounts.py)."""

from __future__ import annotations

# Keyed by language ("nl", "en"); typed by `str` as `render(words=…)` takes it.
ACCOUNT_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "login_title": "Aanmelden",
        "pending_notice": (
            "Je bent niet (meer) aangemeld, dus er is nog niets bewaard. Je tekst is niet "
            "verloren: meld je aan en bevestig daarna het bewaren."
        ),
        "resume_title": "Bewaren bevestigen",
        "resume_intro": (
            "Je bent aangemeld. Dit is de tekst die je wilde bewaren; druk op de knop om hem "
            "nu te bewaren."
        ),
        "resume_text": "Initiatiefbestand (YAML of JSON)",
        "resume_submit": "Bewaar nu",
        "resume_cancel": "Niet bewaren, naar Mijn plannen",
        "login_intro": (
            "Met een account bewaar je plannen, met al hun versies, en deel je ze met een link. "
            "Een plan berekenen kan ook zonder account."
        ),
        "logged_in_as": "Je bent aangemeld als {name}.",
        "email": "E-mailadres",
        "password": "Wachtwoord",
        "login_submit": "Aanmelden",
        "login_errors": "Aanmelden is niet gelukt",
        "login_failed": (
            "Dit e-mailadres en wachtwoord horen niet bij een actief account. Controleer ze en "
            "probeer opnieuw."
        ),
        "email_missing": "vul je e-mailadres in",
        "password_missing": "vul je wachtwoord in",
        "too_many_title": "Te veel mislukte pogingen",
        "too_many": (
            "Er waren te veel mislukte aanmeldpogingen voor dit e-mailadres of vanaf dit "
            "netwerk. Probeer opnieuw over {minutes} minuten (om {time})."
        ),
        "mine_title": "Mijn plannen",
        "mine_scope_promoter": "De bewaarde plannen van {organisation}.",
        "mine_scope_municipality": "De bewaarde plannen van promotoren in {municipality}.",
        "mine_scope_all": "Alle bewaarde plannen.",
        "mine_caption": "Bewaarde plannen die je kunt lezen",
        "col_plan": "Plan",
        "col_id": "Id",
        "col_promoter": "Promotor",
        "col_version": "Versie",
        "col_changed": "Laatste wijziging",
        "col_author": "Door",
        "col_downloads": "Downloads",
        "pdf_of": "PDF van {name}",
        "mine_empty": "Er zijn nog geen bewaarde plannen die je kunt lezen.",
        "new_title": "Een nieuw plan bewaren",
        "new_intro": (
            "Plak een initiatiefbestand (YAML of JSON, zoals de voorbeelden). Het wordt versie 1 "
            "van een nieuw plan; het id in het bestand wordt het adres van het plan. Je kunt ook "
            "een berekend plan bewaren met de knop onder het plan."
        ),
        "document_label": "Initiatiefbestand (YAML of JSON)",
        "note_label": "Notitie bij deze versie (niet verplicht)",
        "new_submit": "Bewaar als nieuw plan",
        "save_errors": "Het plan kan niet bewaard worden",
        "save_errors_intro": "Verbeter deze velden en probeer opnieuw:",
        "id_exists": (
            "er is al een bewaard plan met dit id; open het en bewaar daar een nieuwe versie"
        ),
        "open_existing": "Open het bewaarde plan '{id}'",
        "id_taken": "dit id is al in gebruik door een andere organisatie; kies een ander id",
        "cannot_save": (
            "Je account kan plannen lezen maar niet bewaren. Er is niets bewaard; je tekst staat "
            "hieronder."
        ),
        "cannot_save_title": "Dit account kan geen plannen bewaren",
    },
    "en": {
        "login_title": "Log in",
        "pending_notice": (
            "You are not (or no longer) logged in, so nothing has been saved yet. Your text is "
            "not lost: log in, then confirm the save."
        ),
        "resume_title": "Confirm the save",
        "resume_intro": (
            "You are logged in. This is the text you wanted to save; press the button to save "
            "it now."
        ),
        "resume_text": "Initiative file (YAML or JSON)",
        "resume_submit": "Save now",
        "resume_cancel": "Do not save, go to My plans",
        "login_intro": (
            "With an account you save plans, with all their versions, and share them with a "
            "link. Anyone can compute a plan without an account."
        ),
        "logged_in_as": "You are logged in as {name}.",
        "email": "E-mail address",
        "password": "Password",
        "login_submit": "Log in",
        "login_errors": "Logging in did not work",
        "login_failed": (
            "This e-mail address and password do not belong to an active account. Check them "
            "and try again."
        ),
        "email_missing": "enter your e-mail address",
        "password_missing": "enter your password",
        "too_many_title": "Too many failed attempts",
        "too_many": (
            "There were too many failed login attempts for this e-mail address or from this "
            "network. Try again in {minutes} minutes (at {time})."
        ),
        "mine_title": "My plans",
        "mine_scope_promoter": "The saved plans of {organisation}.",
        "mine_scope_municipality": "The saved plans of promoters in {municipality}.",
        "mine_scope_all": "Every saved plan.",
        "mine_caption": "Saved plans you can read",
        "col_plan": "Plan",
        "col_id": "Id",
        "col_promoter": "Promoter",
        "col_version": "Version",
        "col_changed": "Last change",
        "col_author": "By",
        "col_downloads": "Downloads",
        "pdf_of": "PDF of {name}",
        "mine_empty": "There are no saved plans you can read yet.",
        "new_title": "Save a new plan",
        "new_intro": (
            "Paste an initiative file (YAML or JSON, like the examples). It becomes version 1 of "
            "a new plan; the id in the file becomes the plan's address. You can also save a "
            "computed plan with the button under the plan."
        ),
        "document_label": "Initiative file (YAML or JSON)",
        "note_label": "Note on this version (optional)",
        "new_submit": "Save as a new plan",
        "save_errors": "The plan cannot be saved",
        "save_errors_intro": "Correct these fields and try again:",
        "id_exists": (
            "there is already a saved plan with this id; open it and save a new version there"
        ),
        "open_existing": "Open the saved plan '{id}'",
        "id_taken": "this id is already used by another organisation; choose another id",
        "cannot_save": (
            "Your account can read plans but not save them. Nothing was saved; your text is below."
        ),
        "cannot_save_title": "This account cannot save plans",
    },
}
