"""The limits table: every bound on what one request or one file may hold and cost, in one place.

Each limit is far above what a real initiative needs (the `why` of each says by how much), and
low enough that no single request can exhaust the server: readers check them *before* the
expensive step (size before parsing, counts before computing). `docs/limits.md` is this table
in words and the API's OpenAPI schema states the same numbers; a test keeps all three equal.

>>> LIMITS["people"].value
200
>>> PEOPLE == LIMITS["people"].value
True
"""

from __future__ import annotations

from dataclasses import dataclass

KILOBYTE = 1024
MEGABYTE = 1024 * KILOBYTE


@dataclass(frozen=True)
class Limit:
    """One bound: its value, the unit it counts, what it bounds, and why it is safe."""

    value: int
    unit: str
    bounds: str
    why: str


LIMITS: dict[str, Limit] = {
    "document_bytes": Limit(
        1 * MEGABYTE,
        "bytes",
        "one initiative file or pasted document (YAML or JSON), before it is parsed",
        "the report's cases are 2-3 kB; 200 people with every field are about 70 kB",
    ),
    "nesting_depth": Limit(
        20,
        "levels",
        "how deeply mappings and lists nest in any document (initiative, backup, API body)",
        "an initiative nests 4 deep (people → person → field), a portfolio body 6",
    ),
    "mapping_keys": Limit(
        100,
        "keys",
        "fields of one mapping of an initiative (checked before any field is validated)",
        "a person, the largest mapping, has 16 fields",
    ),
    "yaml_aliases": Limit(
        0,
        "aliases",
        "YAML aliases (*name) and merge keys (<<: *name): refused with a message",
        "no initiative needs them; each can multiply the document (an 'alias bomb')",
    ),
    "people": Limit(
        200,
        "people",
        "people of one initiative",
        "the LDE norm was 5 target FTE and 132 of the 226 LDE companies were below it at the end "
        "of 2016 (research/domain-facts.md); the report's cases have 4 and 6 people. Larger "
        "employers plan per initiative; a portfolio gathers them",
    ),
    "activities": Limit(
        50, "activities", "activities of one initiative", "the report's cases have 1-4"
    ),
    "agreements": Limit(
        100, "agreements", "agreements of one initiative", "the report's cases have 0-3"
    ),
    "grants": Limit(100, "grants", "grants of one initiative", "the report's cases have 1-4"),
    "degression_factors": Limit(
        20,
        "factors",
        "degression factors of one grant (one per year)",
        "a horizon is at most 20 years",
    ),
    "horizon_months": Limit(
        240, "months", "the horizon of one plan (CONTRACT §2)", "20 years of planning"
    ),
    "text_characters": Limit(
        100,
        "characters",
        "ids and names (initiative, promoter, municipality, funder, person, activity)",
        "ids name things; a longer text is a paste gone wrong",
    ),
    "number_characters": Limit(
        40,
        "characters",
        "one number written as text, in any reader (forms, wizard, Excel, CSV, command line)",
        "€ 999.999.999,99 has 16",
    ),
    "significant_digits": Limit(
        30,
        "digits",
        "significant digits of one number; exponents (1e5), NaN and Infinity are refused",
        "money has at most 11 digits (999 999 999.99), factors 5",
    ),
    "portfolio_initiatives": Limit(
        2000,
        "initiatives",
        "initiatives in one portfolio request",
        "Flanders counted 226 LDE companies at the end of 2016 (research/domain-facts.md)",
    ),
    "portfolio_person_months": Limit(
        300_000,
        "person-months",
        "people × horizon months summed over one portfolio request",
        "226 initiatives of 20 people over 5 years are 271 200; 500 000 cost 0.7 s and 92 MB "
        "(measured), so larger analyses are split over requests or run with `klaverblad "
        "portfolio`, which has no such limit",
    ),
    "ranking_rows": Limit(
        1000,
        "rows",
        "municipalities in one ranking (CSV, form or API)",
        "Belgium has 565 municipalities, Flanders 285",
    ),
    "form_bytes": Limit(
        2 * MEGABYTE,
        "bytes",
        "one form body of any page, uploads included (413 before it is read further)",
        "a document of the size above plus the form's other fields",
    ),
    "form_fields": Limit(
        5000,
        "fields",
        "fields of one form (the wizard posts about 20 per person)",
        "200 people × 20 fields and the rest",
    ),
    "api_body_bytes": Limit(
        2 * MEGABYTE,
        "bytes",
        "one JSON body of the API (413 before it is read further)",
        "one initiative is a few kB",
    ),
    "portfolio_body_bytes": Limit(
        16 * MEGABYTE,
        "bytes",
        "the JSON body of POST /api/portfolio",
        "2000 initiatives of 8 kB",
    ),
    "excel_bytes": Limit(
        2 * MEGABYTE,
        "bytes",
        "an uploaded Excel workbook (the people template), compressed",
        "the template with 200 people is about 20 kB",
    ),
    "excel_uncompressed_bytes": Limit(
        20 * MEGABYTE,
        "bytes",
        "the workbook's parts once unzipped, summed (checked before any part is read)",
        "the template with 200 people unzips to about 150 kB",
    ),
    "excel_cells": Limit(
        20_000,
        "cells",
        "cells with a value in the people sheet",
        "200 people × 16 columns = 3 200",
    ),
    "shared_strings": Limit(
        20_000,
        "strings",
        "entries of the workbook's shared-string table",
        "at most one per cell",
    ),
    "xml_elements": Limit(
        200_000,
        "elements",
        "XML elements of each part of an uploaded workbook, empty cells and rows included "
        "(openpyxl pays for them as for filled ones)",
        "the template filled with 200 people has 10 730",
    ),
    "backup_bytes": Limit(
        500 * MEGABYTE,
        "bytes",
        "the backup document `klaverblad import-all` reads (an administrator's command)",
        "an initiative version is 3-70 kB: this holds some 10 000 versions of the largest",
    ),
    "plan_seconds": Limit(
        10,
        "seconds",
        "the time one plan, comparison or portfolio may compute and render before it is "
        "stopped with 503 (the worker goes on serving others)",
        "the largest allowed plan (200 people × 240 months) renders in about 3 s",
    ),
}


def shown(item: Limit) -> str:
    """A limit's value as docs/limits.md and the OpenAPI description write it.

    >>> shown(LIMITS["document_bytes"]), shown(LIMITS["people"])
    ('1 MB', '200 people')
    """
    if item.unit == "bytes" and item.value % MEGABYTE == 0:
        return f"{item.value // MEGABYTE} MB"
    return f"{item.value:,}".replace(",", " ") + f" {item.unit}"


def limits_markdown() -> str:
    """The limits table as Markdown rows (name, value, what it bounds), for the API's
    description; docs/limits.md holds the same rows with the reasons."""
    rows = ["| limit | value | what it bounds |", "|---|---|---|"]
    rows += [f"| `{name}` | {shown(item)} | {item.bounds} |" for name, item in LIMITS.items()]
    return "\n".join(rows)


def limit(name: str) -> int:
    """The value of one limit by its name in the table."""
    return LIMITS[name].value


DOCUMENT_BYTES = limit("document_bytes")
NESTING_DEPTH = limit("nesting_depth")
MAPPING_KEYS = limit("mapping_keys")
PEOPLE = limit("people")
ACTIVITIES = limit("activities")
AGREEMENTS = limit("agreements")
GRANTS = limit("grants")
DEGRESSION_FACTORS = limit("degression_factors")
HORIZON_MONTHS = limit("horizon_months")
TEXT_CHARACTERS = limit("text_characters")
NUMBER_CHARACTERS = limit("number_characters")
SIGNIFICANT_DIGITS = limit("significant_digits")
PORTFOLIO_INITIATIVES = limit("portfolio_initiatives")
PORTFOLIO_PERSON_MONTHS = limit("portfolio_person_months")
RANKING_ROWS = limit("ranking_rows")
FORM_BYTES = limit("form_bytes")
FORM_FIELDS = limit("form_fields")
API_BODY_BYTES = limit("api_body_bytes")
PORTFOLIO_BODY_BYTES = limit("portfolio_body_bytes")
EXCEL_BYTES = limit("excel_bytes")
EXCEL_UNCOMPRESSED_BYTES = limit("excel_uncompressed_bytes")
EXCEL_CELLS = limit("excel_cells")
SHARED_STRINGS = limit("shared_strings")
XML_ELEMENTS = limit("xml_elements")
BACKUP_BYTES = limit("backup_bytes")
PLAN_SECONDS = limit("plan_seconds")
