"""Tracker files for the batch fill's tests and benchmarks: good, awkward and bad.

* :func:`council_tracker` writes an ``.xlsx`` as a council's FOI office keeps it:
  a merged title, headings on row 3 in the office's own words, received dates in
  every form officers type them (and formulas with stored values), blank rows,
  validation, conditional formatting and a lookups sheet. It returns what the
  fill should make of each data row, with the dates written here as literals.
* :func:`bad_files` writes one file of each kind of broken tracker input, named by
  kind; :data:`EXPECTATIONS` says what the command line should do with each.
* :func:`phantom_rows_csv` writes a CSV whose cells hold characters that some line
  splitters take for line ends; the fill must see exactly the rows written.

Nothing here asks the library to read a date: every expected date is a literal.
"""

from __future__ import annotations

import codecs
import io
import random
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Final, Literal

import openpyxl
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from foi_deadlines.rules import Regime

__all__ = [
    "AS_OF",
    "COUNCIL_HEADINGS",
    "ENCODED_NOTES",
    "EXPECTATIONS",
    "SAMPLE_DUE",
    "SAMPLE_RECEIVED",
    "Expectation",
    "ExpectedRow",
    "PhantomRows",
    "bad_files",
    "council_tracker",
    "excel_serial",
    "phantom_rows_csv",
]

#: The day the tests fill trackers for (``--as-of``); every date here is before it.
AS_OF: Final = date(2025, 1, 6)
#: The received date of the one data row of the small trackers, and its FOIA due
#: date (20 working days, skipping Christmas, Boxing Day, 1 and 2 January).
SAMPLE_RECEIVED: Final = date(2024, 12, 19)
SAMPLE_DUE: Final = date(2025, 1, 22)

_EXCEL_EPOCH: Final = date(1899, 12, 30)
_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def excel_serial(day: date) -> int:
    """The Excel (1900 system) serial number of ``day``, as a cell stores it."""
    return (day - _EXCEL_EPOCH).days


# -- the council tracker ---------------------------------------------------------------

#: The council tracker's headings on row 3, columns A to N.
COUNCIL_HEADINGS: Final = (
    "Ref",
    "Date received",
    "Requester type",
    "Request type",
    "Clarification requested",
    "Clarification received",
    "Fee notice issued",
    "Fee paid",
    "Extension",
    "Date responded",
    "IR requested",
    "Internal review completed",
    "Status",
    "Notes",
)
_TITLE: Final = "Freedom of Information requests 2024/25"
_HEADING_ROW: Final = 3
_FIRST_DATA_ROW: Final = 4
_COLUMN: Final = {heading: index for index, heading in enumerate(COUNCIL_HEADINGS, 1)}
_REQUEST_TYPES: Final = {
    "FOI": Regime.FOIA,
    "foi": Regime.FOIA,
    "Freedom of Information": Regime.FOIA,
    "EIR": Regime.EIR,
    "EIRs": Regime.EIR,
    "SAR": Regime.SAR,
}
_REQUESTERS: Final = (
    "Member of the public",
    "Journalist",
    "Company",
    "Campaign group",
    "Councillor",
    "Solicitor",
)

Outcome = Literal["fill", "fail", "blank"]
Cell = str | int | date | None


@dataclass(frozen=True)
class ExpectedRow:
    """What the fill should make of one data row of the council tracker.

    ``row`` is the sheet's row number (1-based). For a row that fills, the
    response due date is ``response_due(received, regime=regime, ...)`` with the
    modifier dates below, which are keyword arguments of
    :func:`foi_deadlines.responses.response_due`. A row that fails gets a one-line
    reason in the error column containing ``reason`` (any case). A blank row gets
    neither. ``written`` says how the received date was put in the sheet.
    """

    row: int
    outcome: Outcome
    written: str
    received: date | None = None
    regime: Regime | None = None
    clarification_sought_on: date | None = None
    clarified_on: date | None = None
    fee_notice_on: date | None = None
    fee_paid_on: date | None = None
    extended: bool = False
    reason: str | None = None
    officer_status: str | None = None


@dataclass
class _Row:
    """One data row to write, and what it should give."""

    cells: dict[str, Cell]
    expected: ExpectedRow
    formula_cache: int | None = None  # the stored value of a received formula
    formula: bool = False


@dataclass
class _Plan:
    rows: list[_Row] = field(default_factory=list)

    @property
    def next_row(self) -> int:
        return _FIRST_DATA_ROW + len(self.rows)


def _day_form(index: int, day: date) -> tuple[Cell, str]:
    """``day`` written in one of the forms officers type, chosen by ``index``."""
    month = _MONTHS[day.month - 1]
    forms: tuple[tuple[Cell, str], ...] = (
        (day, "a date cell"),
        (f"{day.day} {month} {day.year}", "text, day month year"),
        (f"{day.day}-{month[:3]}-{day.year}", "text, d-Mon-yyyy"),
        (f"{day.day:02d}.{day.month:02d}.{day.year}", "text, dd.mm.yyyy"),
        (day.isoformat(), "text, ISO"),
        (f"{day.day:02d}/{day.month:02d}/{day.year}", "text, dd/mm/yyyy"),
    )
    return forms[index % len(forms)]


def _fill_row(
    plan: _Plan,
    received: Cell,
    written: str,
    day: date,
    request_type: str,
    *,
    sought: date | None = None,
    clarified: date | None = None,
    fee_notice: date | None = None,
    fee_paid: date | None = None,
    extended: bool = False,
    responded: Cell = None,
    review: tuple[date, date | None] | None = None,
    status: str = "Open",
    notes: str = "",
    formula_cache: int | None = None,
) -> None:
    """Add a row that should fill, with ``day`` its received date."""
    number = plan.next_row
    cells: dict[str, Cell] = {
        "Ref": f"FOI-{number:04d}",
        "Date received": received,
        "Requester type": _REQUESTERS[number % len(_REQUESTERS)],
        "Request type": request_type,
        "Clarification requested": sought,
        "Clarification received": clarified,
        "Fee notice issued": fee_notice,
        "Fee paid": fee_paid,
        "Extension": "Yes" if extended else None,
        "Date responded": responded,
        "IR requested": None if review is None else review[0],
        "Internal review completed": None if review is None else review[1],
        "Status": status,
        "Notes": notes or None,
    }
    expected = ExpectedRow(
        row=number,
        outcome="fill",
        written=written,
        received=day,
        regime=_REQUEST_TYPES[request_type],
        clarification_sought_on=sought,
        clarified_on=clarified,
        fee_notice_on=fee_notice,
        fee_paid_on=fee_paid,
        extended=extended,
        officer_status=status,
    )
    plan.rows.append(
        _Row(
            cells,
            expected,
            formula_cache=formula_cache,
            formula=isinstance(received, str) and received.startswith("="),
        )
    )


def _fail_row(
    plan: _Plan, received: str, written: str, reason: str, notes: str
) -> None:
    """Add a row whose received cell cannot be read: its reason names ``reason``."""
    number = plan.next_row
    cells: dict[str, Cell] = {
        "Ref": f"FOI-{number:04d}",
        "Date received": received,
        "Requester type": "Member of the public",
        "Request type": "FOI",
        "Status": "Open",
        "Notes": notes,
    }
    expected = ExpectedRow(
        row=number,
        outcome="fail",
        written=written,
        reason=reason,
        officer_status="Open",
    )
    plan.rows.append(
        _Row(cells, expected, formula=received.startswith("="), formula_cache=None)
    )


def _blank_row(plan: _Plan) -> None:
    number = plan.next_row
    plan.rows.append(
        _Row({}, ExpectedRow(row=number, outcome="blank", written="an empty row"))
    )


def _special_rows(plan: _Plan) -> None:
    """The rows every council tracker has, with literal dates, from row 4."""
    # Row 4: a date cell, answered in time.
    _fill_row(
        plan,
        date(2024, 4, 2),
        "a date cell",
        date(2024, 4, 2),
        "FOI",
        responded=date(2024, 4, 25),
        status="Closed",
    )
    # Row 5: text as an officer types it.
    _fill_row(
        plan,
        "9 May 2024",
        "text '9 May 2024'",
        date(2024, 5, 9),
        "Freedom of Information",
        responded="04/06/2024",
        status="Closed",
    )
    # Row 6: a date cell that row 8's formula refers to.
    _fill_row(
        plan,
        date(2024, 5, 21),
        "a date cell",
        date(2024, 5, 21),
        "EIR",
        responded=date(2024, 6, 14),
        review=(date(2024, 6, 20), date(2024, 7, 15)),
        status="Closed",
        notes="IR upheld",
    )
    # Row 7: a formula with its stored value.
    _fill_row(
        plan,
        "=DATE(2024,6,3)",
        "formula =DATE(2024,6,3), value stored",
        date(2024, 6, 3),
        "foi",
        status="Open",
        formula_cache=excel_serial(date(2024, 6, 3)),
    )
    # Row 8: a formula on another row's date cell, with its stored value.
    _fill_row(
        plan,
        "=B6+14",
        "formula =B6+14, value stored",
        date(2024, 6, 4),
        "EIRs",
        extended=True,
        status="Extended",
        notes="reg 7: complex and voluminous",
        formula_cache=excel_serial(date(2024, 6, 4)),
    )
    # Row 9: day-Mon-year text, a subject access request.
    _fill_row(
        plan,
        "9-May-2024",
        "text '9-May-2024'",
        date(2024, 5, 9),
        "SAR",
        responded=date(2024, 6, 7),
        status="Closed",
    )
    # Row 10: blank.
    _blank_row(plan)
    # Row 11: dotted text, over Christmas.
    _fill_row(
        plan,
        "19.12.2024",
        "text '19.12.2024'",
        date(2024, 12, 19),
        "FOI",
        status="Open",
    )
    # Row 12: ISO text, with clarification.
    _fill_row(
        plan,
        "2024-06-03",
        "text '2024-06-03'",
        date(2024, 6, 3),
        "FOI",
        sought=date(2024, 6, 5),
        clarified=date(2024, 6, 12),
        responded=date(2024, 7, 5),
        status="Closed",
        notes="asked which financial years",
    )
    # Row 13: UK day-first text, with a fees notice paid.
    _fill_row(
        plan,
        "03/06/2024",
        "text '03/06/2024'",
        date(2024, 6, 3),
        "FOI",
        fee_notice=date(2024, 6, 10),
        fee_paid=date(2024, 6, 20),
        responded=date(2024, 7, 10),
        status="Closed",
        notes="fee £18.40 paid by card",
    )
    # Row 14: a formula whose value was never stored.
    _fail_row(
        plan,
        "=B4+7",
        "formula =B4+7, no value stored",
        "save",
        "typed by the import macro",
    )
    # Row 15: words, not a date.
    _fail_row(plan, "next Tuesday", "text 'next Tuesday'", "next Tuesday", "chase Sam")
    # Row 16: a US month-first date: refused, never read as 12 July or guessed.
    _fail_row(
        plan, "12/19/2024", "text '12/19/2024'", "12/19/2024", "from the US office"
    )
    # Row 17: a subject access request extended by two months.
    _fill_row(
        plan,
        date(2024, 9, 2),
        "a date cell",
        date(2024, 9, 2),
        "SAR",
        extended=True,
        status="Extended",
        notes="complex: 2 more months",
    )
    # Row 18: a FOIA public interest extension.
    _fill_row(
        plan,
        "16/09/2024",
        "text '16/09/2024'",
        date(2024, 9, 16),
        "FOI",
        extended=True,
        status="PIT extension",
    )
    # Row 19: blank.
    _blank_row(plan)


def _filler_rows(plan: _Plan, count: int) -> None:
    """Ordinary rows, received April to December 2024 in every form."""
    types = ("FOI", "FOI", "EIR", "Freedom of Information", "SAR", "foi", "EIRs")
    for index in range(count):
        if index % 17 == 16:
            _blank_row(plan)
            continue
        day = date(2024, 4, 1) + timedelta(days=(index * 37) % 262)
        received, form = _day_form(index, day)
        written = form if isinstance(received, date) else f"{form} {received!r}"
        request_type = types[index % len(types)]
        regime = _REQUEST_TYPES[request_type]
        options: dict[str, date | None] = {}
        kind = index % 10
        last = day
        if kind == 0 and regime is not Regime.SAR:
            options = {
                "sought": day + timedelta(days=4),
                "clarified": day + timedelta(days=11),
            }
            last = day + timedelta(days=11)
        elif kind == 3 and regime is Regime.FOIA:
            options = {
                "fee_notice": day + timedelta(days=6),
                "fee_paid": day + timedelta(days=16),
            }
            last = day + timedelta(days=16)
        extended = kind == 6
        responded = last + timedelta(days=18)
        answered = index % 3 != 1 and responded <= AS_OF - timedelta(days=2)
        review = None
        asked = responded + timedelta(days=9)
        if answered and regime is not Regime.SAR and index % 5 == 2 and asked <= AS_OF:
            done = asked + timedelta(days=20)
            review = (asked, done if done <= AS_OF else None)
        _fill_row(
            plan,
            received,
            written,
            day,
            request_type,
            sought=options.get("sought"),
            clarified=options.get("clarified"),
            fee_notice=options.get("fee_notice"),
            fee_paid=options.get("fee_paid"),
            extended=extended,
            responded=(
                (responded if index % 2 else f"{responded:%d/%m/%Y}")
                if answered
                else None
            ),
            review=review,
            status="Closed" if answered else ("On hold" if kind == 3 else "Open"),
        )


def _style_sheet(sheet: Worksheet, last_row: int) -> None:
    """Title, headings, widths, panes, validation and conditional formatting."""
    last_column = len(COUNCIL_HEADINGS)
    sheet["A1"] = _TITLE
    sheet["A1"].font = Font(size=16, bold=True)
    sheet.merge_cells("A1:L1")
    sheet.row_dimensions[1].height = 24
    thin = Side(style="thin", color="808080")
    for column, heading in enumerate(COUNCIL_HEADINGS, 1):
        cell = sheet.cell(row=_HEADING_ROW, column=column, value=heading)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill(fill_type="solid", start_color="1F4E78")
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[_HEADING_ROW].height = 32
    widths = (11, 13, 20, 20, 14, 14, 12, 11, 10, 13, 12, 14, 12, 32)
    for column, width in enumerate(widths, 1):
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = f"B{_FIRST_DATA_ROW}"

    def span(heading: str) -> str:
        letter = get_column_letter(_COLUMN[heading])
        return f"{letter}{_FIRST_DATA_ROW}:{letter}{last_row}"

    types = DataValidation(
        type="list",
        formula1="Lookups!$A$2:$A$7",
        allow_blank=True,
        showErrorMessage=False,
    )
    types.add(span("Request type"))
    sheet.add_data_validation(types)
    extension = DataValidation(type="list", formula1='"Yes,No"', allow_blank=True)
    extension.add(span("Extension"))
    sheet.add_data_validation(extension)
    responded = get_column_letter(_COLUMN["Date responded"])
    sheet.conditional_formatting.add(
        span("Date responded"),
        FormulaRule(  # type: ignore[no-untyped-call]
            formula=[f"ISBLANK(${responded}{_FIRST_DATA_ROW})"],
            fill=PatternFill(
                fill_type="solid", start_color="FFC7CE", end_color="FFC7CE"
            ),
            font=Font(color="9C0006"),
        ),
    )
    last = get_column_letter(last_column)
    sheet.auto_filter.ref = f"A{_HEADING_ROW}:{last}{last_row}"


def _lookups(sheet: Worksheet) -> None:
    sheet.title = "Lookups"
    columns = {
        "Request types": list(_REQUEST_TYPES),
        "Requester types": list(_REQUESTERS),
        "Status": ["Open", "On hold", "Extended", "PIT extension", "Closed"],
    }
    for column, (heading, values) in enumerate(columns.items(), 1):
        sheet.cell(row=1, column=column, value=heading).font = Font(bold=True)
        for row, value in enumerate(values, 2):
            sheet.cell(row=row, column=column, value=value)


def council_tracker(path: Path, *, rows: int = 60) -> list[ExpectedRow]:
    """Write a council's FOI log as an ``.xlsx``; return each data row's outcome.

    ``rows`` data rows from row 4 (at least the 16 rows every such log here has).
    Formula cells carry stored values, except the one row meant to fail for the
    lack of one.
    """
    plan = _Plan()
    _special_rows(plan)
    if rows < len(plan.rows):
        raise ValueError(f"rows must be at least {len(plan.rows)}, not {rows}")
    _filler_rows(plan, rows - len(plan.rows))
    last_row = plan.next_row - 1

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "FOI log"
    _style_sheet(sheet, last_row)
    caches: dict[str, int | None] = {}
    for planned in plan.rows:
        number = planned.expected.row
        for heading, value in planned.cells.items():
            if value is None:
                continue
            cell = sheet.cell(row=number, column=_COLUMN[heading], value=value)
            if isinstance(value, date) or (
                heading == "Date received" and planned.formula
            ):
                cell.number_format = "dd/mm/yyyy"
        if planned.formula:
            caches[f"B{number}"] = planned.formula_cache
    _lookups(book.create_sheet())
    book.save(path)
    _store_formula_values(path, caches)
    return [planned.expected for planned in plan.rows]


def _store_formula_values(path: Path, caches: dict[str, int | None]) -> None:
    """Give formula cells the stored value Excel keeps (``None``: keep none).

    openpyxl writes a formula with an empty ``<v/>``; Excel and LibreOffice write
    the last computed value there. The zip is written anew with the new sheet.
    """
    name = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info.filename)) for info in source.infolist()]
    rewritten = []
    for info, data in entries:
        if info.filename != name:
            rewritten.append((info, data))
            continue
        text = data.decode("utf-8")
        for reference, serial in caches.items():
            pattern = re.compile(rf'(<c r="{reference}"[^>]*>)(<f>[^<]*</f>)<v\s*/>')
            stored = "" if serial is None else f"<v>{serial}</v>"
            text, found = pattern.subn(rf"\g<1>\g<2>{stored}", text)
            if found != 1:
                raise RuntimeError(f"formula cell {reference} not found in {name}")
        rewritten.append((info, text.encode("utf-8")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in rewritten:
            target.writestr(info.filename, data)
    path.write_bytes(buffer.getvalue())


# -- the bad files ---------------------------------------------------------------------


@dataclass(frozen=True)
class Expectation:
    """What the command line should do with one kind of file.

    Without options it is refused (exit 1, one line on stderr, no output file, no
    traceback) unless ``accepted`` is true. ``accepted_with`` holds options with
    which the fill succeeds instead, if any.
    """

    accepted: bool = False
    accepted_with: tuple[str, ...] = ()


_SMALL_CSV: Final = (
    f"Ref,Date received,Notes\r\nA1,{SAMPLE_RECEIVED:%d/%m/%Y},{{note}}\r\n"
)
#: The note written in each encoding's file: it must come out unchanged.
ENCODED_NOTES: Final = {
    "latin1": "Café: fee £25 quoted",
    "cp1252": "Requester’s MP copied in",
    "utf16-nobom": "Café: fee £25 quoted",
    "utf16-bom": "Café: fee £25 quoted",
}

#: Each kind of file :func:`bad_files` writes, and what the command line should do.
EXPECTATIONS: Final[dict[str, Expectation]] = {
    "latin1": Expectation(accepted_with=("--encoding", "latin-1")),
    "cp1252": Expectation(accepted_with=("--encoding", "cp1252")),
    "utf16-nobom": Expectation(accepted_with=("--encoding", "utf-16-le")),
    "utf16-bom": Expectation(accepted=True),
    "long-field": Expectation(),
    "not-a-zip": Expectation(),
    "truncated": Expectation(),
    "no-content-types": Expectation(),
    "merged-outputs": Expectation(),
    "billion-laughs": Expectation(),
    "encrypted": Expectation(),
    "empty": Expectation(),
    "blank-lines": Expectation(),
    "directory": Expectation(),
    "no-received-column": Expectation(),
    "empty-first-sheet": Expectation(),
}


def _good_xlsx() -> bytes:
    """A small, valid tracker workbook."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "FOI log"
    sheet.append(["Ref", "Date received", "Notes"])
    for number in range(1, 41):
        sheet.append([f"A{number}", SAMPLE_RECEIVED, f"request number {number}"])
        sheet.cell(row=number + 1, column=2).number_format = "dd/mm/yyyy"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _merged_outputs_xlsx() -> bytes:
    """A tracker filled before, with a merged note across its output columns.

    Rows 3 and 4 have merged blocks over "Response due" and the columns to its
    right, where a fill must write the rows' results.
    """
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "FOI log"
    sheet.append(["Ref", "Date received", "Notes", "Response due"])
    for number in range(1, 7):
        sheet.append([f"A{number}", SAMPLE_RECEIVED, None, None])
        sheet.cell(row=number + 1, column=2).number_format = "dd/mm/yyyy"
    sheet["D3"] = "Withdrawn - see email of 2 Jan"
    sheet.merge_cells("D3:H4")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _empty_first_sheet_xlsx() -> bytes:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Summary"
    log = book.create_sheet("FOI log")
    log.append(["Ref", "Date received"])
    log.append(["A1", SAMPLE_RECEIVED])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rezip(good: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """``good`` with each member changed by ``change`` (``None`` leaves it out)."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(good)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = change(info.filename, source.read(info.filename))
            if data is not None:
                target.writestr(info.filename, data)
    return buffer.getvalue()


_LAUGHS: Final = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    "<!DOCTYPE worksheet [\n"
    '  <!ENTITY lol "lol">\n'
    + "".join(
        f'  <!ENTITY lol{level} "{f"&lol{level - 1};" if level > 1 else "&lol;"}'
        f'{(f"&lol{level - 1};" if level > 1 else "&lol;") * 9}">\n'
        for level in range(1, 10)
    )
    + "]>\n"
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<sheetData>"
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Ref</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Date received</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>Notes</t></is></c></row>'
    f'<row r="2"><c r="A2" t="inlineStr"><is><t>A1</t></is></c>'
    f'<c r="B2"><v>{excel_serial(SAMPLE_RECEIVED)}</v></c>'
    '<c r="C2" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    "</sheetData></worksheet>"
)


def _encrypted() -> bytes:
    """What Excel writes for a password-protected workbook: an OLE compound file."""
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[24:26] = (0x003E).to_bytes(2, "little")  # minor version
    header[26:28] = (0x0003).to_bytes(2, "little")  # major version
    header[28:30] = b"\xfe\xff"  # byte order
    header[30:32] = (9).to_bytes(2, "little")  # 512-byte sectors
    header[32:34] = (6).to_bytes(2, "little")  # 64-byte mini sectors
    junk = random.Random(20_250_106).randbytes(7 * 512)
    return bytes(header) + junk


def bad_files(directory: Path) -> dict[str, Path]:
    """Write one tracker input of each kind in :data:`EXPECTATIONS`, named by kind.

    The CSVs hold one data row received on :data:`SAMPLE_RECEIVED`, with the note
    :data:`ENCODED_NOTES` gives for the encodings. ``"directory"`` is a directory
    named ``tracker.csv``.
    """
    directory.mkdir(parents=True, exist_ok=True)
    good = _good_xlsx()
    files: dict[str, Path] = {}

    def put(kind: str, suffix: str, data: bytes) -> None:
        path = directory / f"{kind}{suffix}"
        path.write_bytes(data)
        files[kind] = path

    def small(kind: str) -> str:
        return _SMALL_CSV.format(note=ENCODED_NOTES[kind])

    put("latin1", ".csv", small("latin1").encode("latin-1"))
    put("cp1252", ".csv", small("cp1252").encode("cp1252"))
    put("utf16-nobom", ".csv", small("utf16-nobom").encode("utf-16-le"))
    put(
        "utf16-bom",
        ".csv",
        codecs.BOM_UTF16_LE + small("utf16-bom").encode("utf-16-le"),
    )
    put(
        "long-field",
        ".csv",
        (
            "Ref,Date received,Notes\r\n"
            f"A1,{SAMPLE_RECEIVED:%d/%m/%Y},{'x' * 140_000}\r\n"
        ).encode(),
    )
    put("not-a-zip", ".xlsx", small("latin1").encode("utf-8"))
    put("truncated", ".xlsx", good[: len(good) // 2])
    put(
        "no-content-types",
        ".xlsx",
        _rezip(
            good, lambda name, data: None if name == "[Content_Types].xml" else data
        ),
    )
    put("merged-outputs", ".xlsx", _merged_outputs_xlsx())
    put(
        "billion-laughs",
        ".xlsx",
        _rezip(
            good,
            lambda name, data: (
                _LAUGHS.encode() if name == "xl/worksheets/sheet1.xml" else data
            ),
        ),
    )
    put("encrypted", ".xlsx", _encrypted())
    put("empty", ".csv", b"")
    put("blank-lines", ".csv", b"\r\n\r\n\r\n\r\n")
    folder = directory / "directory" / "tracker.csv"
    folder.mkdir(parents=True, exist_ok=True)
    files["directory"] = folder
    put(
        "no-received-column",
        ".csv",
        b"Ref,Requester,Subject,Notes\r\nA1,Journalist,bins,chased twice\r\n",
    )
    put("empty-first-sheet", ".xlsx", _empty_first_sheet_xlsx())
    missing = set(EXPECTATIONS) ^ set(files)
    if missing:
        raise RuntimeError(f"kinds written and expected differ: {sorted(missing)}")
    return files


# -- phantom rows ----------------------------------------------------------------------


@dataclass(frozen=True)
class PhantomRows:
    """What :func:`phantom_rows_csv` wrote: the data rows' notes, in order."""

    notes: tuple[str, ...]
    received: date = SAMPLE_RECEIVED

    @property
    def rows(self) -> int:
        """The number of data rows written."""
        return len(self.notes)


_PHANTOM_NOTES: Final = (
    "line\u2028separator",
    "next\x85line",
    "form\x0cfeed",
    "vertical\x0btab",
    "two\r\nlines",
    "paragraph\u2029separator",
    "plain",
)


def phantom_rows_csv(path: Path) -> PhantomRows:
    """A UTF-8 CSV whose notes hold characters that are line ends to some readers.

    Every note is a quoted field; the last row also has the separator characters
    outside quotes, as Excel writes them (it quotes only commas, quotes and line
    feeds). Each row is received on :data:`SAMPLE_RECEIVED`.
    """
    received = f"{SAMPLE_RECEIVED:%d/%m/%Y}"
    lines = ["Ref,Date received,Notes\r\n"]
    notes = list(_PHANTOM_NOTES)
    for number, note in enumerate(notes, 1):
        lines.append(f'P{number},{received},"{note}"\r\n')
    unquoted = "unquoted\u2028\x85\x0c\x0bend"
    notes.append(unquoted)
    lines.append(f"P{len(notes)},{received},{unquoted}\r\n")
    path.write_bytes("".join(lines).encode("utf-8"))
    return PhantomRows(notes=tuple(notes))
