"""The plan as an Excel workbook (XlsxWriter) with live formulas, and the Excel template for
importing people (read back by `klaverblad.report.people_import`).

Sheets of the plan workbook (Dutch names; English in brackets):

* `Jaren` (`Years`): the initiative, horizon, rules version and export date, then a table with
  the leaves as rows and the years as columns. Each leaf cell is a SUMIFS over the lines sheet
  (by year and leaf), funding is a SUM of the leaves, costs are values and the gap is
  costs − funding; the last column sums the years. Promoters can change a line and see the
  totals follow.
* `Plan`: one row per plan line (year, leaf, measure, component, funder, person, activity,
  amount in euros as a number, status), as in the CSV.
* `Signalen` (`Alerts`): the alerts with what to do.
* `Bronnen` (`Sources`): the parameter values the lines used, their dates, grades, references.

Every formula carries its computed value, so a viewer that does not recalculate still shows
the amounts.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any, get_args

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from klaverblad.advice.alerts import Alert
from klaverblad.locale import Language, month_name
from klaverblad.model.initiative import Begeleiding, Diploma, Person, Role, Status, Statute
from klaverblad.plan.financing_plan import FinancingPlan
from klaverblad.plan.ledger import LEAVES
from klaverblad.report.plan_csv import COLUMNS
from klaverblad.report.plan_sources import (
    SEVERITY_WORDS,
    STATUS_WORDS,
    export_date,
    grade_text,
    plan_sources,
    value_text,
)
from klaverblad.report.plan_table import LEAF_NAMES

EURO_FORMAT = '"€ "#,##0.00;"€ -"#,##0.00'
DATE_FORMAT = "d/mm/yyyy"

WORDS = {
    "nl": {
        "years_sheet": "Jaren",
        "lines_sheet": "Plan",
        "alerts_sheet": "Signalen",
        "sources_sheet": "Bronnen",
        "plan": "Financieringsplan",
        "initiative": "Initiatief",
        "promoter": "Promotor",
        "horizon": "Horizon",
        "from": "vanaf",
        "months": "maanden",
        "rules": "Regelversie",
        "reforms": "Hervormingen",
        "exported": "Exportdatum",
        "leaf": "Blad",
        "name": "Naam",
        "total": "Totaal",
        "funding": "Financiering",
        "costs": "Kosten",
        "gap": "Tekort (+) / overschot (−)",
        "break_even": "Break-evenprijs per uur (contant/factuur)",
        "note": (
            "De bladen per jaar zijn formules (SOMMEN.ALS) over het blad Plan; "
            "tekort = kosten − financiering."
        ),
        "year": "Jaar",
        "measure": "Maatregel",
        "component": "Onderdeel",
        "funder": "Financier",
        "person": "Persoon",
        "activity": "Activiteit",
        "amount": "Bedrag",
        "status": "Status",
        "severity": "Ernst",
        "code": "Code",
        "subject": "Over",
        "message": "Wat en wat te doen",
        "no_alerts": "Geen signalen.",
        "parameter": "Parameter",
        "label": "Omschrijving",
        "value": "Waarde",
        "unit": "Eenheid",
        "since": "Sinds",
        "grade": "Betrouwbaarheid",
        "references": "Bronnen",
        "used_by": "Gebruikt voor",
        "no_sources": "Geen parameters gebruikt: alle bedragen zijn ingevoerd.",
    },
    "en": {
        "years_sheet": "Years",
        "lines_sheet": "Plan",
        "alerts_sheet": "Alerts",
        "sources_sheet": "Sources",
        "plan": "Financing plan",
        "initiative": "Initiative",
        "promoter": "Promoter",
        "horizon": "Horizon",
        "from": "from",
        "months": "months",
        "rules": "Rules version",
        "reforms": "Reforms",
        "exported": "Export date",
        "leaf": "Leaf",
        "name": "Name",
        "total": "Total",
        "funding": "Funding",
        "costs": "Costs",
        "gap": "Gap (+ shortfall, − surplus)",
        "break_even": "Break-even price per hour (cash/invoice)",
        "note": (
            "The leaves per year are formulas (SUMIFS) over the Plan sheet; gap = costs − funding."
        ),
        "year": "Year",
        "measure": "Measure",
        "component": "Component",
        "funder": "Funder",
        "person": "Person",
        "activity": "Activity",
        "amount": "Amount",
        "status": "Status",
        "severity": "Severity",
        "code": "Code",
        "subject": "Subject",
        "message": "What and what to do",
        "no_alerts": "No alerts.",
        "parameter": "Parameter",
        "label": "Description",
        "value": "Value",
        "unit": "Unit",
        "since": "Since",
        "grade": "Confidence",
        "references": "References",
        "used_by": "Used for",
        "no_sources": "No parameters used: every amount is entered.",
    },
}

# The lines sheet: column letters of the fields the year sheet's formulas read.
# The same columns, in the same order, as the CSV export.
LINE_COLUMNS = COLUMNS
YEAR_COLUMN = xl_col_to_name(LINE_COLUMNS.index("year"))
LEAF_COLUMN = xl_col_to_name(LINE_COLUMNS.index("leaf"))
AMOUNT_COLUMN = xl_col_to_name(LINE_COLUMNS.index("amount"))
# The year sheet: the header of the table is on this row (0-based), leaves right below it.
HEADER_ROW = 7
FIRST_YEAR_COLUMN = 2


def _euros(cents: int) -> float:
    return cents / 100


class _Formats:
    def __init__(self, workbook: Workbook) -> None:
        self.title = workbook.add_format({"bold": True, "font_size": 14})
        self.bold = workbook.add_format({"bold": True})
        self.header = workbook.add_format(
            {"bold": True, "bg_color": "#E8E8E8", "bottom": 1, "text_wrap": True, "valign": "top"}
        )
        self.euro = workbook.add_format({"num_format": EURO_FORMAT})
        self.euro_bold = workbook.add_format({"num_format": EURO_FORMAT, "bold": True})
        self.euro_total = workbook.add_format({"num_format": EURO_FORMAT, "bold": True, "top": 1})
        self.date = workbook.add_format({"num_format": DATE_FORMAT, "align": "left"})
        self.wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        self.italic = workbook.add_format({"italic": True, "font_color": "#595959"})
        self.year = workbook.add_format({"num_format": "0", "bold": True, "bg_color": "#E8E8E8"})


def plan_to_xlsx(
    plan: FinancingPlan,
    alerts: list[Alert],
    language: Language = "nl",
    exported: date | None = None,
) -> bytes:
    """The plan workbook as bytes (see the module's docstring for its sheets)."""
    words = WORDS[language]
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    workbook.set_properties(
        {
            "title": f"{words['plan']}: {plan.initiative.name}",
            "subject": plan.initiative.id,
            "comments": f"{words['rules']} {plan.rules_version}",
        }
    )
    formats = _Formats(workbook)
    years_sheet = workbook.add_worksheet(words["years_sheet"])
    lines_sheet = workbook.add_worksheet(words["lines_sheet"])
    _write_lines(lines_sheet, plan, language, formats)
    _write_years(years_sheet, plan, language, formats, export_date(exported))
    _write_alerts(workbook.add_worksheet(words["alerts_sheet"]), alerts, language, formats)
    _write_sources(workbook.add_worksheet(words["sources_sheet"]), plan, language, formats)
    years_sheet.activate()
    workbook.close()
    return buffer.getvalue()


def lines_range(column: str, count: int, sheet: str = "Plan") -> str:
    """An absolute range over the lines of the lines sheet (at least one row, so that a plan
    without lines still gives valid formulas that sum to 0)."""
    last = max(count, 1) + 1
    return f"'{sheet}'!${column}$2:${column}${last}"


def _write_lines(sheet: Worksheet, plan: FinancingPlan, language: Language, f: _Formats) -> None:
    words = WORDS[language]
    for column, name in enumerate(LINE_COLUMNS):
        sheet.write(0, column, words[name], f.header)
    for row, line in enumerate(plan.lines, start=1):
        sheet.write_number(row, 0, line.year)
        sheet.write_string(row, 1, line.leaf)
        sheet.write_string(row, 2, line.measure)
        sheet.write_string(row, 3, line.component)
        sheet.write_string(row, 4, line.funder)
        sheet.write_string(row, 5, line.person or "")
        sheet.write_string(row, 6, line.activity or "")
        sheet.write_number(row, 7, _euros(line.cents), f.euro)
        sheet.write_string(row, 8, STATUS_WORDS[language][line.status])
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(plan.lines), 1), len(LINE_COLUMNS) - 1)
    for column, width in enumerate((7, 6, 22, 22, 30, 10, 14, 15, 16)):
        sheet.set_column(column, column, width)


def _write_years(
    sheet: Worksheet, plan: FinancingPlan, language: Language, f: _Formats, exported: date
) -> None:
    words = WORDS[language]
    initiative = plan.initiative
    sheet.write(0, 0, f"{words['plan']}: {initiative.name}", f.title)
    sheet.write(1, 0, words["initiative"], f.bold)
    sheet.write(
        1,
        1,
        f"{initiative.id} — {words['promoter']}: {initiative.promoter.name}, "
        f"{initiative.promoter.municipality}",
    )
    sheet.write(2, 0, words["horizon"], f.bold)
    sheet.write(
        2,
        1,
        f"{words['from']} {month_name(plan.first_month, language)}, "
        f"{plan.months} {words['months']}",
    )
    sheet.write(3, 0, words["rules"], f.bold)
    rules = plan.rules_version
    if plan.reforms:
        rules += f"; {words['reforms'].lower()}: {', '.join(plan.reforms)}"
    sheet.write(3, 1, rules)
    sheet.write(4, 0, words["exported"], f.bold)
    sheet.write_datetime(4, 1, exported, f.date)
    sheet.write(5, 0, words["note"], f.italic)

    lines_name = WORDS[language]["lines_sheet"]
    count = len(plan.lines)
    amounts = lines_range(AMOUNT_COLUMN, count, lines_name)
    years_range = lines_range(YEAR_COLUMN, count, lines_name)
    leaves_range = lines_range(LEAF_COLUMN, count, lines_name)
    header = HEADER_ROW
    sheet.write(header, 0, words["leaf"], f.header)
    sheet.write(header, 1, words["name"], f.header)
    total_column = FIRST_YEAR_COLUMN + len(plan.years)
    for offset, year in enumerate(plan.years):
        sheet.write_number(header, FIRST_YEAR_COLUMN + offset, year.year, f.year)
    sheet.write(header, total_column, words["total"], f.header)
    funding_row = header + 1 + len(LEAVES)
    costs_row, gap_row = funding_row + 1, funding_row + 2
    for index, leaf in enumerate(LEAVES):
        row = header + 1 + index
        sheet.write_string(row, 0, leaf)
        sheet.write_string(row, 1, LEAF_NAMES[language][leaf])
        leaf_cell = xl_rowcol_to_cell(row, 0, col_abs=True)
        for offset, year in enumerate(plan.years):
            year_cell = xl_rowcol_to_cell(header, FIRST_YEAR_COLUMN + offset, row_abs=True)
            sheet.write_formula(
                row,
                FIRST_YEAR_COLUMN + offset,
                f"=SUMIFS({amounts},{years_range},{year_cell},{leaves_range},{leaf_cell})",
                f.euro,
                _euros(year.leaves[leaf]),
            )
    sheet.write(funding_row, 1, words["funding"], f.bold)
    sheet.write(costs_row, 1, words["costs"], f.bold)
    sheet.write(gap_row, 1, words["gap"], f.bold)
    for offset, year in enumerate(plan.years):
        column = FIRST_YEAR_COLUMN + offset
        first = xl_rowcol_to_cell(header + 1, column)
        last = xl_rowcol_to_cell(funding_row - 1, column)
        sheet.write_formula(
            funding_row,
            column,
            f"=SUM({first}:{last})",
            f.euro_total,
            _euros(year.totals.funding_cents),
        )
        sheet.write_number(costs_row, column, _euros(year.totals.costs_cents), f.euro)
        sheet.write_formula(
            gap_row,
            column,
            f"={xl_rowcol_to_cell(costs_row, column)}-{xl_rowcol_to_cell(funding_row, column)}",
            f.euro_bold,
            _euros(year.totals.gap_cents),
        )
    totals = [*(plan.leaves[leaf] for leaf in LEAVES), plan.totals.funding_cents]
    totals += [plan.totals.costs_cents]
    for row, cents in zip(range(header + 1, gap_row), totals, strict=True):
        first = xl_rowcol_to_cell(row, FIRST_YEAR_COLUMN)
        last = xl_rowcol_to_cell(row, total_column - 1)
        style = f.euro_total if row == funding_row else f.euro_bold
        sheet.write_formula(row, total_column, f"=SUM({first}:{last})", style, _euros(cents))
    sheet.write_formula(
        gap_row,
        total_column,
        f"={xl_rowcol_to_cell(costs_row, total_column)}"
        f"-{xl_rowcol_to_cell(funding_row, total_column)}",
        f.euro_bold,
        _euros(plan.totals.gap_cents),
    )
    if plan.break_even_cents is not None:
        sheet.write(gap_row + 2, 1, words["break_even"], f.bold)
        sheet.write_number(gap_row + 2, FIRST_YEAR_COLUMN, _euros(plan.break_even_cents), f.euro)
    sheet.set_column(0, 0, 14)
    sheet.set_column(1, 1, 34)
    sheet.set_column(FIRST_YEAR_COLUMN, total_column, 16)
    sheet.freeze_panes(header + 1, 2)


def _write_table(
    sheet: Worksheet, headers: list[str], widths: list[int], rows: list[list[Any]], f: _Formats
) -> None:
    for column, (header, width) in enumerate(zip(headers, widths, strict=True)):
        sheet.write(0, column, header, f.header)
        sheet.set_column(column, column, width, f.wrap)
    for row, values in enumerate(rows, start=1):
        for column, value in enumerate(values):
            sheet.write(row, column, value)
    sheet.freeze_panes(1, 0)


def _write_alerts(sheet: Worksheet, alerts: list[Alert], language: Language, f: _Formats) -> None:
    words = WORDS[language]
    rows = [
        [SEVERITY_WORDS[language][a.severity], a.code, a.subject, a.message(language)]
        for a in alerts
    ]
    headers = [words["severity"], words["code"], words["subject"], words["message"]]
    _write_table(sheet, headers, [13, 30, 20, 100], rows, f)
    if not alerts:
        sheet.write(1, 0, words["no_alerts"], f.italic)


def _write_sources(sheet: Worksheet, plan: FinancingPlan, language: Language, f: _Formats) -> None:
    words = WORDS[language]
    sources = plan_sources(plan, language)
    rows: list[list[Any]] = []
    for source in sources:
        value: Any = source.value
        if not isinstance(value, int | float) or isinstance(value, bool):
            value = value_text(value, language)
        references = "\n".join(
            f"{ref.title} — {ref.href}" if ref.href and ref.href != ref.title else ref.title
            for ref in source.references
        )
        rows.append(
            [
                source.parameter,
                source.label,
                value,
                source.unit or "",
                source.since or "",
                grade_text(source.grade, language),
                references,
                ", ".join(source.measures),
            ]
        )
    headers = [
        words[key]
        for key in ("parameter", "label", "value", "unit", "since", "grade", "references")
    ] + [words["used_by"]]
    _write_table(sheet, headers, [34, 40, 14, 12, 12, 22, 70, 22], rows, f)
    if not sources:
        sheet.write(1, 0, words["no_sources"], f.italic)


# --- The people template -------------------------------------------------------------------

# The columns are the person fields of the initiative file (CONTRACT §2), in its order.
PERSON_FIELDS: tuple[str, ...] = tuple(Person.model_fields)
REQUIRED_FIELDS = (
    "id",
    "role",
    "birth_date",
    "diploma",
    "status",
    "unemployed_months",
    "start_date",
    "fte",
    "monthly_wage_cost",
)
DATE_FIELDS = ("birth_date", "start_date", "end_date")
BOOLEAN_FIELDS = ("placed_by_ocmw", "gesco_verhoogd", "wep_verlengd")
INTEGER_FIELDS = ("unemployed_months", "maatwerk_loonpremie_pct")
NUMBER_FIELDS = ("fte", "monthly_wage_cost")
CHOICES: dict[str, tuple[str, ...]] = {
    "role": get_args(Role),
    "diploma": get_args(Diploma),
    "status": get_args(Status),
    "statute": tuple(value for item in get_args(Statute) for value in (get_args(item) or (item,))),
    "maatwerk_begeleiding": get_args(Begeleiding),
}
MAATWERK_PERCENTAGES = tuple(range(20, 80, 5))
BOOLEAN_WORDS = {"nl": ("ja", "nee"), "en": ("yes", "no")}
TEMPLATE_ROWS = 500
TEMPLATE_WORDS = {
    "nl": {
        "sheet": "Personen",
        "help_sheet": "Uitleg",
        "required": "verplicht",
        "optional": "optioneel",
        "field": "Kolom",
        "need": "Verplicht?",
        "meaning": "Betekenis en toegelaten waarden",
        "intro": (
            "Eén rij per persoon, vanaf rij 2. Laat de kopregel (rij 1) staan. Datums als datum "
            "(of JJJJ-MM-DD), bedragen in euro, ja/nee voor de vinkjes. Lege optionele cellen "
            "nemen de standaardwaarde."
        ),
    },
    "en": {
        "sheet": "People",
        "help_sheet": "Help",
        "required": "required",
        "optional": "optional",
        "field": "Column",
        "need": "Required?",
        "meaning": "Meaning and allowed values",
        "intro": (
            "One row per person, from row 2. Keep the header (row 1). Dates as dates (or "
            "YYYY-MM-DD), amounts in euros, yes/no for the flags. Empty optional cells take the "
            "default."
        ),
    },
}
FIELD_HELP = {
    "id": ("Unieke code van de persoon, bv. w1.", "Unique code of the person, e.g. w1."),
    "role": (
        "Doelgroepwerknemer (target) of omkadering (supervisor).",
        "Target-group worker (target) or supervisor (supervisor).",
    ),
    "birth_date": ("Geboortedatum.", "Date of birth."),
    "diploma": ("Hoogste diploma.", "Highest diploma."),
    "status": ("Statuut bij aanwerving (uitkering).", "Status at hiring (benefit)."),
    "unemployed_months": (
        "Maanden werkloos vóór de aanwerving (0..1200).",
        "Months unemployed before hiring (0..1200).",
    ),
    "start_date": ("Begindatum van de tewerkstelling.", "Start date of employment."),
    "end_date": ("Einddatum (leeg = loopt door).", "End date (empty = ongoing)."),
    "fte": (
        "Arbeidsduur als deel van voltijds, meer dan 0 en hoogstens 1 (bv. 0,8).",
        "Working time as a fraction of full time, more than 0 and at most 1 (e.g. 0.8).",
    ),
    "monthly_wage_cost": ("Loonkost per maand in euro.", "Wage cost per month in euros."),
    "statute": (
        "Tewerkstellingsmaatregel; leeg = de best passende.",
        "Employment measure; empty = the best eligible one.",
    ),
    "placed_by_ocmw": (
        "Door het OCMW ter beschikking gesteld (artikel 60).",
        "Placed by the OCMW (article 60).",
    ),
    "gesco_verhoogd": ("Verhoogde gesco-premie.", "Increased gesco premium."),
    "wep_verlengd": ("WEP+ verlengd.", "WEP+ extended."),
    "maatwerk_loonpremie_pct": (
        "Loonpremie maatwerk in %: 20 tot 75 in stappen van 5.",
        "Maatwerk wage premium in %: 20 to 75 in steps of 5.",
    ),
    "maatwerk_begeleiding": ("Begeleidingsniveau maatwerk.", "Maatwerk supervision level."),
}


def _allowed(field: str, language: Language) -> str:
    if field in CHOICES:
        return ", ".join(CHOICES[field])
    if field in BOOLEAN_FIELDS:
        return "/".join(BOOLEAN_WORDS[language])
    if field == "maatwerk_loonpremie_pct":
        return ", ".join(str(p) for p in MAATWERK_PERCENTAGES)
    return ""


def people_template_xlsx(language: Language = "nl") -> bytes:
    """The Excel template for importing people: one column per person field of CONTRACT §2
    (the field names as headers), a comment per header, data validation for the choices,
    dates, numbers and yes/no, and a help sheet."""
    words = TEMPLATE_WORDS[language]
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    header = workbook.add_format({"bold": True, "bg_color": "#E8E8E8", "bottom": 1})
    required_header = workbook.add_format(
        {"bold": True, "bg_color": "#D9E7F5", "bottom": 1, "font_color": "#1A1A1A"}
    )
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    text_format = workbook.add_format({"num_format": "@"})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    sheet = workbook.add_worksheet(words["sheet"])
    last = TEMPLATE_ROWS
    for column, field in enumerate(PERSON_FIELDS):
        required = field in REQUIRED_FIELDS
        sheet.write_string(0, column, field, required_header if required else header)
        meaning = FIELD_HELP[field][0 if language == "nl" else 1]
        allowed = _allowed(field, language)
        comment = f"{words['required'] if required else words['optional']}. {meaning}"
        if allowed:
            comment += f" ({allowed})"
        sheet.write_comment(0, column, comment, {"x_scale": 2, "y_scale": 1.2})
        width = max(len(field) + 2, 12)
        if field in DATE_FIELDS:
            sheet.set_column(column, column, width, date_format)
            sheet.data_validation(
                1,
                column,
                last,
                column,
                {
                    "validate": "date",
                    "criteria": "between",
                    "minimum": date(1900, 1, 1),
                    "maximum": date(2200, 12, 31),
                    "error_message": "JJJJ-MM-DD" if language == "nl" else "YYYY-MM-DD",
                },
            )
        elif field in CHOICES or field in BOOLEAN_FIELDS:
            values = list(CHOICES.get(field) or BOOLEAN_WORDS[language])
            sheet.set_column(column, column, width, text_format)
            sheet.data_validation(1, column, last, column, {"validate": "list", "source": values})
        elif field == "maatwerk_loonpremie_pct":
            sheet.set_column(column, column, width)
            sheet.data_validation(
                1,
                column,
                last,
                column,
                {"validate": "list", "source": [str(p) for p in MAATWERK_PERCENTAGES]},
            )
        elif field == "unemployed_months":
            sheet.set_column(column, column, width)
            sheet.data_validation(
                1,
                column,
                last,
                column,
                {"validate": "integer", "criteria": "between", "minimum": 0, "maximum": 1200},
            )
        elif field == "fte":
            sheet.set_column(column, column, width)
            sheet.data_validation(
                1,
                column,
                last,
                column,
                {"validate": "decimal", "criteria": "between", "minimum": 0.0001, "maximum": 1},
            )
        elif field == "monthly_wage_cost":
            sheet.set_column(column, column, width, workbook.add_format({"num_format": "0.00"}))
            sheet.data_validation(
                1,
                column,
                last,
                column,
                {"validate": "decimal", "criteria": ">=", "value": 0},
            )
        else:
            sheet.set_column(column, column, width, text_format)
    sheet.freeze_panes(1, 1)
    help_sheet = workbook.add_worksheet(words["help_sheet"])
    help_sheet.write(0, 0, words["intro"], wrap)
    help_sheet.write(2, 0, words["field"], header)
    help_sheet.write(2, 1, words["need"], header)
    help_sheet.write(2, 2, words["meaning"], header)
    for row, field in enumerate(PERSON_FIELDS, start=3):
        meaning = FIELD_HELP[field][0 if language == "nl" else 1]
        allowed = _allowed(field, language)
        help_sheet.write(row, 0, field)
        help_sheet.write(
            row, 1, words["required"] if field in REQUIRED_FIELDS else words["optional"]
        )
        help_sheet.write(row, 2, f"{meaning} {allowed}".strip(), wrap)
    help_sheet.set_column(0, 0, 26)
    help_sheet.set_column(1, 1, 12)
    help_sheet.set_column(2, 2, 90, wrap)
    workbook.close()
    return buffer.getvalue()
