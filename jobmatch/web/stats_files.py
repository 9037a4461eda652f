"""How statistics cells read: on pages (numbers in the reader's format, each hidden cell with the mark of its reason),
and in files: CSV of plain numbers, and XLSX workbooks of numeric cells with number formats behind a cover sheet."""
import csv
import io

from flask import Response
from flask_babel import format_decimal, format_percent, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from openpyxl import Workbook
from openpyxl.styles import Font

from jobmatch import labels
from jobmatch.rules.clock import vietnam_today
from jobmatch.rules.stats import PRIMARY, SECONDARY, SMALL_BASE

# Each reason a cell is hidden has its own mark, explained beside every table and on every workbook's cover.
MARKS = {PRIMARY: "<5", SECONDARY: "x", SMALL_BASE: "n<5"}
MARK_MEANINGS = {
    PRIMARY: _l("from 1 to 4 people: hidden to protect them"),
    SECONDARY: _l("hidden so that another cell cannot be worked out"),
    SMALL_BASE: _l("a share or median of fewer than 5 people: hidden"),
}
INTERNAL = _l("Internal — not for publication")
# In a CSV file numbers are written plainly, whatever the reader's language: a point before decimals, no thousands
# separator, a share as a fraction of 1 (0.088 is 8.8 %), a gap between shares likewise; hidden cells carry their mark.
CSV_NOTE = _l("CSV: plain numbers, “.” before decimals, no thousands separator; a share is a fraction of 1 (0.088 = 8.8 %); "
              "hidden cells carry their mark.")
NUMBER_FORMATS = {"count": "#,##0", "rate": "0.0%", "points": "+0.0%;-0.0%;0.0%", "days": "0.0", "ratio": "0.00"}
CSV_DECIMALS = {"rate": 4, "points": 4, "days": 1, "ratio": 3}
PERIOD_FORMATS = {"day": "dd/mm/yyyy", "week": "dd/mm/yyyy", "month": "mm/yyyy", "year": "yyyy"}


def figure_text(cell):
    """A cell on a page: its mark when hidden, "–" when there is no figure, else the number in the reader's format."""
    if cell.mark:
        return MARKS[cell.mark]
    if cell.value is None:
        return "–"
    if cell.kind == "rate":
        return format_percent(cell.value, "#,##0.0%")
    if cell.kind == "points":
        return f"{cell.value * 100:+.1f}".replace(".", "," if str(get_locale()) == "vi" else ".")
    if cell.kind == "days":
        return format_decimal(round(cell.value, 1))
    if cell.kind == "ratio":
        return format_decimal(round(cell.value, 2))
    return format_decimal(cell.value)


def csv_value(cell):
    """A cell in a CSV file: a plain number ("1102", "0.0880"), its mark when hidden, nothing when there is none."""
    if cell.mark:
        return MARKS[cell.mark]
    if cell.value is None:
        return ""
    if cell.kind in CSV_DECIMALS:
        return f"{cell.value:.{CSV_DECIMALS[cell.kind]}f}"
    return str(int(cell.value))


def csv_response(table, *, row_label, filename, internal):
    """One table as CSV (UTF-8 with BOM, so spreadsheet programs read Vietnamese); an internal one says so first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if internal:
        writer.writerow([str(INTERNAL)])
    writer.writerow(["", *(str(labels.STAT_COLUMNS[column]) for column in table.columns)])
    for key, cells in table.rows:
        writer.writerow([_inert(row_label(table.row_kind, key)),
                         *(csv_value(cells[column]) if column in cells else "" for column in table.columns)])
    return Response("\ufeff" + buffer.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}-{table.name}.csv"'})


def xlsx_response(tables, *, row_label, table_title, filename, period, unit, internal):
    """Every table on a sheet of its own after a cover sheet (unit, period, date made, how cells are hidden): numbers
    as numbers with number formats, periods as dates, hidden cells as their marks."""
    workbook = Workbook()
    _cover(workbook.active, period=period, unit=unit, internal=internal)
    for table in tables:
        sheet = workbook.create_sheet(table.name[:31])
        sheet.append([table_title(table), period.label, str(INTERNAL) if internal else None])
        sheet["A1"].font = Font(bold=True)
        sheet.append(["", *(str(labels.STAT_COLUMNS[column]) for column in table.columns)])
        for key, cells in table.rows:
            sheet.append([_row_key(table, key, row_label), *(_xlsx_value(cells.get(column)) for column in table.columns)])
            row = sheet.max_row
            if table.row_kind == "period":
                sheet.cell(row, 1).number_format = PERIOD_FORMATS[key.kind]
            for offset, column in enumerate(table.columns, start=2):
                cell = cells.get(column)
                if cell is not None and cell.value is not None and not cell.mark:
                    sheet.cell(row, offset).number_format = NUMBER_FORMATS[cell.kind]
        sheet.column_dimensions["A"].width = 40
    buffer = io.BytesIO()
    workbook.save(buffer)
    return Response(buffer.getvalue(), mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": f'attachment; filename="{filename}.xlsx"'})


def _cover(sheet, *, period, unit, internal):
    sheet.title = _("Cover")[:31]
    sheet.append([_("Statistics of the job exchange")])
    sheet["A1"].font = Font(bold=True, size=14)
    if internal:
        sheet.append([str(INTERNAL)])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True, color="C62828")
    sheet.append([_("Unit"), unit])
    sheet.append([_("Period"), f"{labels.PERIOD_KINDS[period.kind]} {period.label}"])
    for caption, day in ((_("From"), period.start), (_("To"), period.end), (_("Date made"), vietnam_today())):
        sheet.append([caption, day])
        sheet.cell(sheet.max_row, 2).number_format = "dd/mm/yyyy"
    sheet.append([])
    if internal:
        sheet.append([_("Suppression"), _("None: a centre's own figures, whole, for its officers and administrators.")])
    else:
        sheet.append([_("Suppression"), _("Counts of people from 1 to 4 and every cell that would reveal one (also by "
                                          "subtracting months from their year) are hidden.")])
        for mark, meaning in MARK_MEANINGS.items():
            sheet.append([MARKS[mark], str(meaning)])
    sheet.append([_("Numbers"), _("Cells hold numbers: shares formatted as percentages, periods and days as dates.")])
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 80


def _xlsx_value(cell):
    if cell is None:
        return None
    if cell.mark:
        return MARKS[cell.mark]
    return cell.value


def _row_key(table, key, row_label):
    """A row's first cell: a period as its first day (a date the spreadsheet can sort and chart), else its label."""
    if table.row_kind == "period":
        return key.start
    return _inert(row_label(table.row_kind, key))


def _inert(text):
    """A label a spreadsheet will not run as a formula (an employer's sector is free text: "=HYPERLINK(…)")."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
