"""The words of the plan view's downloads and actions, the saved plan page (versions, history,
restore, sharing), the shared plan page and the exports, in Dutch and English (the same keys
in both, checked in tests/web/test_accounts.py)."""

from __future__ import annotations

# Keyed by language ("nl", "en"); typed by `str` as `render(words=…)` takes it.
SAVED_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "downloads_title": "Downloaden en verder werken",
        "download_pdf": "Download het plan als PDF (voor financiers)",
        "download_xlsx": "Download het plan als Excel-bestand (XLSX, met formules)",
        "download_csv": "Download alle lijnen als CSV",
        "download_yaml": "Download het initiatiefbestand (YAML)",
        "table_csv": "Download deze tabel als CSV",
        "edit_wizard": "Bewerk dit plan in de wizard",
        "version_saved": "Versie {number} is bewaard.",
        "save_plan": "Bewaar dit plan bij mijn plannen",
        "login_to_save": "Meld je aan om dit plan te bewaren en te delen",
        "save_needs_account": (
            "Een plan berekenen kan zonder account; bewaren en delen vraagt een account."
        ),
        "saved_kicker": "Bewaard financieringsplan",
        "shared_kicker": "Gedeeld financieringsplan",
        "shared_notice": (
            "Je bekijkt dit plan via een deellink: alleen lezen. Het toont altijd de "
            "huidige versie."
        ),
        "open_saved": "Open dit plan in mijn plannen",
        "version": "Versie",
        "version_of": "versie {number} van {count}",
        "saved_at": "Bewaard op",
        "saved_by": "Door",
        "old_version": (
            "Je bekijkt versie {number}, een oudere versie (alleen lezen). De huidige versie "
            "is versie {current}."
        ),
        "to_current": "Naar de huidige versie",
        "share_title": "Delen",
        "share_intro": (
            "Dit plan is gedeeld. Iedereen met deze link kan het lezen, zonder account en "
            "zonder persoonsgegevens; wijzigen kan alleen met een account. De link toont "
            "altijd de huidige versie."
        ),
        "share_label": "Deellink van dit plan",
        "share_private": "Dit plan is niet gedeeld: alleen wie het met een account mag lezen, "
        "ziet het.",
        "share_warning": (
            "Iedereen met de link kan dit plan lezen, zonder persoonsgegevens: geen "
            "geboortedatum, diploma of uitkering, wel een leeftijdsgroep en doelgroep ja/nee."
        ),
        "share_button": "Deel dit plan",
        "shared_invalid": (
            "Dit gedeelde plan kan nu niet getoond worden: het bewaarde bestand klopt niet "
            "meer met de regels. Vraag wie het deelde om het na te kijken."
        ),
        "share_revoke": "Intrekken",
        "share_renew": "Nieuwe link",
        "share_actions_help": (
            "Intrekken: de link werkt niet meer en het plan is weer privé. Nieuwe link: de oude "
            "link werkt niet meer, de nieuwe wel."
        ),
        "shared_privacy": (
            "Zonder persoonsgegevens: van elke persoon zie je de rol, het statuut, de VTE, de "
            "loonkost, een leeftijdsgroep en of die tot een doelgroep behoort."
        ),
        "people_title": "Mensen",
        "people_caption": "De mensen van dit plan, zonder persoonsgegevens",
        "col_person": "Persoon",
        "col_role": "Rol",
        "col_statute": "Statuut",
        "col_fte": "VTE",
        "col_wage": "Loonkost per maand",
        "col_age_band": "Leeftijd bij de start",
        "col_target_group": "Doelgroep",
        "history_title": "Versies",
        "history_intro": (
            "Elke bewaring is een nieuwe versie; er wordt niets overschreven. Herstellen maakt "
            "een nieuwe versie met de inhoud van de oude."
        ),
        "history_caption": "Alle bewaarde versies van dit plan, oudste eerst",
        "col_version": "Versie",
        "col_time": "Bewaard op",
        "col_author": "Door",
        "col_note": "Notitie",
        "col_action": "Acties",
        "current_mark": "huidige versie",
        "viewing_mark": "bekeken",
        "view_version": "Bekijk versie {number}",
        "restore": "Herstel versie {number}",
        "save_title": "Een nieuwe versie bewaren",
        "save_intro": (
            "Pas het initiatiefbestand aan (YAML of JSON) en bewaar het als versie {next}. "
            "Het id blijft '{id}'."
        ),
        "document_label": "Initiatiefbestand (YAML of JSON)",
        "note_label": "Notitie bij deze versie (niet verplicht)",
        "save_version": "Bewaar als nieuwe versie",
        "read_only": "Je account mag dit plan lezen, maar niet wijzigen.",
        "not_found": (
            "Er is geen bewaard plan op dit adres dat je met dit account kunt openen. "
            "Je plannen staan bij Mijn plannen."
        ),
        "shared_not_found": (
            "Deze deellink bestaat niet. Controleer het adres of vraag wie hem deelde om de "
            "link opnieuw te sturen."
        ),
        "forbidden_title": "Dat mag dit account niet",
        "forbidden_edit": (
            "Je account mag dit plan lezen, maar niet wijzigen of herstellen. Er is niets "
            "gewijzigd."
        ),
        "to_plan": "Terug naar het plan",
        "conflict_title": "Iemand anders bewaarde eerst",
        "conflict_intro": (
            "{author} bewaarde versie {number} op {time}, nadat jij versie {expected} opende. "
            "Jouw wijziging is niet bewaard, maar ook niet verloren: ze staat hieronder."
        ),
        "conflict_intro_restore": (
            "{author} bewaarde versie {number} op {time}, nadat jij versie {expected} opende. "
            "Versie {restored} is niet hersteld."
        ),
        "conflict_theirs": "Versie {number}, bewaard door {author}",
        "conflict_theirs_label": "Inhoud van versie {number} (alleen lezen)",
        "conflict_view": "Bekijk het plan van versie {number}",
        "conflict_yours": "Jouw tekst",
        "conflict_yours_intro": (
            "Vergelijk met versie {number}, neem over wat je wilt behouden en bewaar jouw tekst "
            "als versie {next}."
        ),
        "conflict_save": "Bewaar jouw tekst als versie {next}",
        "conflict_restore": "Herstel versie {restored} toch, als versie {next}",
        "edit_title": "Nieuwe versie van {name}",
        "edit_intro": "Verbeter deze velden en bewaar opnieuw:",
        "save_errors": "De nieuwe versie kan niet bewaard worden",
        "stored_invalid": (
            "Deze bewaarde versie voldoet niet meer aan het huidige bestandsformaat. Verbeter "
            "de velden hieronder en bewaar het als een nieuwe versie."
        ),
        "id_must_stay": (
            "moet '{id}' blijven; een bestand met een ander id bewaar je als nieuw plan bij "
            "Mijn plannen"
        ),
        "version_path": "(de versie)",
        "bad_version": "is geen versienummer; herlaad het plan en probeer opnieuw",
        "export_not_found": (
            "Er is geen download '{name}' van dit plan. Kies PDF, XLSX, CSV of YAML."
        ),
        "table_not_found": "Er is geen tabel '{name}' in dit plan.",
        "export_errors_title": "Het bestand kan niet gelezen worden",
    },
    "en": {
        "downloads_title": "Download and continue",
        "download_pdf": "Download the plan as PDF (for funders)",
        "download_xlsx": "Download the plan as an Excel file (XLSX, with formulas)",
        "download_csv": "Download every line as CSV",
        "download_yaml": "Download the initiative file (YAML)",
        "table_csv": "Download this table as CSV",
        "edit_wizard": "Edit this plan in the wizard",
        "version_saved": "Version {number} has been saved.",
        "save_plan": "Save this plan to my plans",
        "login_to_save": "Log in to save and share this plan",
        "save_needs_account": (
            "Anyone can compute a plan without an account; saving and sharing need one."
        ),
        "saved_kicker": "Saved financing plan",
        "shared_kicker": "Shared financing plan",
        "shared_notice": (
            "You are viewing this plan through a share link: read only. It always shows the "
            "current version."
        ),
        "open_saved": "Open this plan in my plans",
        "version": "Version",
        "version_of": "version {number} of {count}",
        "saved_at": "Saved on",
        "saved_by": "By",
        "old_version": (
            "You are viewing version {number}, an older version (read only). The current "
            "version is version {current}."
        ),
        "to_current": "To the current version",
        "share_title": "Share",
        "share_intro": (
            "This plan is shared. Anyone with this link can read it, without an account and "
            "without personal data; changing it takes an account. The link always shows the "
            "current version."
        ),
        "share_label": "Share link of this plan",
        "share_private": "This plan is not shared: only those whose account may read it see it.",
        "share_warning": (
            "Anyone with the link can read this plan, without personal data: no birth date, "
            "diploma or benefit, but an age band and target group yes/no."
        ),
        "share_button": "Share this plan",
        "shared_invalid": (
            "This shared plan cannot be shown now: the saved file no longer fits the rules. "
            "Ask whoever shared it to check it."
        ),
        "share_revoke": "Revoke",
        "share_renew": "New link",
        "share_actions_help": (
            "Revoke: the link stops working and the plan is private again. New link: the old "
            "link stops working, the new one works."
        ),
        "shared_privacy": (
            "Without personal data: for each person you see the role, the statute, the FTE, the "
            "wage cost, an age band and whether they come from a target group."
        ),
        "people_title": "People",
        "people_caption": "The people of this plan, without personal data",
        "col_person": "Person",
        "col_role": "Role",
        "col_statute": "Statute",
        "col_fte": "FTE",
        "col_wage": "Wage cost per month",
        "col_age_band": "Age at the start",
        "col_target_group": "Target group",
        "history_title": "Versions",
        "history_intro": (
            "Every save is a new version; nothing is overwritten. Restoring makes a new version "
            "with the old one's content."
        ),
        "history_caption": "Every saved version of this plan, oldest first",
        "col_version": "Version",
        "col_time": "Saved on",
        "col_author": "By",
        "col_note": "Note",
        "col_action": "Actions",
        "current_mark": "current version",
        "viewing_mark": "viewed",
        "view_version": "View version {number}",
        "restore": "Restore version {number}",
        "save_title": "Save a new version",
        "save_intro": (
            "Change the initiative file (YAML or JSON) and save it as version {next}. The id "
            "stays '{id}'."
        ),
        "document_label": "Initiative file (YAML or JSON)",
        "note_label": "Note on this version (optional)",
        "save_version": "Save as a new version",
        "read_only": "Your account may read this plan but not change it.",
        "not_found": (
            "There is no saved plan at this address that you can open with this account. "
            "Your plans are under My plans."
        ),
        "shared_not_found": (
            "This share link does not exist. Check the address or ask whoever shared it to "
            "send the link again."
        ),
        "forbidden_title": "This account may not do that",
        "forbidden_edit": (
            "Your account may read this plan but not change or restore it. Nothing was changed."
        ),
        "to_plan": "Back to the plan",
        "conflict_title": "Someone else saved first",
        "conflict_intro": (
            "{author} saved version {number} on {time}, after you opened version {expected}. "
            "Your change is not saved, but it is not lost either: it is below."
        ),
        "conflict_intro_restore": (
            "{author} saved version {number} on {time}, after you opened version {expected}. "
            "Version {restored} was not restored."
        ),
        "conflict_theirs": "Version {number}, saved by {author}",
        "conflict_theirs_label": "Content of version {number} (read only)",
        "conflict_view": "View the plan of version {number}",
        "conflict_yours": "Your text",
        "conflict_yours_intro": (
            "Compare with version {number}, take over what you want to keep and save your text "
            "as version {next}."
        ),
        "conflict_save": "Save your text as version {next}",
        "conflict_restore": "Restore version {restored} anyway, as version {next}",
        "edit_title": "New version of {name}",
        "edit_intro": "Correct these fields and save again:",
        "save_errors": "The new version cannot be saved",
        "stored_invalid": (
            "This saved version no longer fits the current file format. Correct the fields "
            "below and save it as a new version."
        ),
        "id_must_stay": (
            "must stay '{id}'; save a file with another id as a new plan under My plans"
        ),
        "version_path": "(the version)",
        "bad_version": "is not a version number; reload the plan and try again",
        "export_not_found": (
            "There is no download '{name}' of this plan. Choose PDF, XLSX, CSV or YAML."
        ),
        "table_not_found": "There is no table '{name}' in this plan.",
        "export_errors_title": "The file cannot be read",
    },
}
