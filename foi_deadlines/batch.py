r"""Workbook tools: holidays for WORKDAY, and a tracker filled with deadlines.

:func:`export_holidays` writes a calendar's non-working weekdays as CSV, or as an
``.xlsx`` whose workbook-level name ``FOI_Holidays`` covers only the date cells, so
that ``=WORKDAY(C2,20,FOI_Holidays)`` works in Excel and LibreOffice.

:func:`fill_tracker` reads a tracker of cases (CSV, or the first sheet of an
``.xlsx``), works out each row's response due date, working days left or overdue
and status, and writes a new file. A row with bad data keeps its cells and gets the
reason in an ``Error`` column; no row is dropped. The input is never written to.

CSV needs only the standard library; ``.xlsx`` needs the ``xlsx`` extra
(``pip install 'foi-deadlines[xlsx]'``), imported only when an ``.xlsx`` is read or
written.

>>> import csv, tempfile
>>> from datetime import date
>>> from pathlib import Path
>>> with tempfile.TemporaryDirectory() as tmp:
...     tracker = Path(tmp, "tracker.csv")
...     _ = tracker.write_text("Ref,Date received\nA,19/12/2024\n", encoding="utf-8")
...     summary = fill_tracker(tracker, Path(tmp, "out.csv"), as_of=date(2025, 1, 6))
...     written = Path(tmp, "out.csv").read_text(encoding="utf-8")
>>> summary.filled, summary.failed, summary.blank
(1, 0, 0)
>>> print(written)
Ref,Date received,Response due,Working days left,Working days overdue,Status,Error
A,19/12/2024,2025-01-22,12,,in_time,
<BLANKLINE>
"""

from __future__ import annotations

import csv
import os
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import attrs

from foi_deadlines._coerce import member_of
from foi_deadlines._dates import to_uk_date
from foi_deadlines.bank_holidays import FIRST_SUPPORTED_DAY, LAST_SUPPORTED_DAY
from foi_deadlines.calendars import (
    NonWorkingDay,
    WorkingDayCalendar,
    get_calendar,
)
from foi_deadlines.errors import (
    FoiDeadlinesError,
    InvalidInputError,
    NotApplicableError,
    ProvisionalDateWarning,
    TimelineError,
)
from foi_deadlines.rules import Regime
from foi_deadlines.tracker import TrackerRow

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "DEFAULT_COLUMNS",
    "HOLIDAYS_NAME",
    "HOLIDAYS_SHEET",
    "OUTPUT_COLUMNS",
    "FillSummary",
    "export_holidays",
    "fill_tracker",
]

#: The workbook-level name that :func:`export_holidays` gives the holiday dates.
HOLIDAYS_NAME: Final = "FOI_Holidays"
#: The sheet that :func:`export_holidays` writes the holidays on.
HOLIDAYS_SHEET: Final = "FOI bank holidays"
_ABOUT_SHEET: Final = "About"
_DATE_FORMAT: Final = "dd/mm/yyyy"
_INSTALL: Final = "pip install 'foi-deadlines[xlsx]'"
_FIRST_YEAR: Final = FIRST_SUPPORTED_DAY.year
_LAST_YEAR: Final = LAST_SUPPORTED_DAY.year
_WEEKDAYS: Final = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)

#: The column headings :func:`fill_tracker` looks for, by field; matched without
#: regard to case or surrounding spaces. Only ``received`` is required.
DEFAULT_COLUMNS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "received": "Date received",
        "clarification_sought": "Clarification sought",
        "clarified": "Clarification received",
        "fee_notice": "Fees notice",
        "fee_paid": "Fee paid",
        "extended": "Extended",
        "public_interest_estimate": "Public interest estimate",
        "responded": "Date responded",
        "review_requested": "Review requested",
        "review_completed": "Review completed",
        "regime": "Regime",
    }
)

#: The columns :func:`fill_tracker` writes, in order; existing columns with these
#: headings are overwritten, the others are added after the last used column.
OUTPUT_COLUMNS: Final = (
    "Response due",
    "Working days left",
    "Working days overdue",
    "Status",
    "Error",
)

_PROGRESS_EVERY: Final = 500


def _require_openpyxl() -> None:
    try:
        import openpyxl  # noqa: F401, PLC0415 - only when an .xlsx is asked for
    except ImportError as exc:  # pragma: no cover - the test extra installs it
        raise ImportError(_INSTALL) from exc


def _suffix(path: Path, param: str) -> str:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InvalidInputError(param, str(path), "a file name ending in .csv or .xlsx")
    return suffix


# -- holidays ---------------------------------------------------------------------


def _year(value: object, param: str) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not _FIRST_YEAR <= value <= _LAST_YEAR
    ):
        raise InvalidInputError(
            param, value, f"a year from {_FIRST_YEAR} to {_LAST_YEAR}"
        )
    return value


def _reasons(day: NonWorkingDay) -> str:
    text = "; ".join(reason.describe() for reason in day.reasons)
    return f"{text} [provisional]" if day.provisional else text


def export_holidays(
    path: str | os.PathLike[str],
    first_year: int,
    last_year: int,
    *,
    calendar: str = "uk",
) -> int:
    """Write a calendar's non-working weekdays, for a spreadsheet's ``WORKDAY``.

    The days are the bank holidays, Christmas Day and Good Friday that fall on a
    weekday (``WORKDAY`` skips weekends itself). FOIA s10(6) and EIR reg 2(1) leave
    out bank holidays in *any* part of the UK: use calendar ``"uk"`` (the
    default) for them, and ``"scotland"`` for FOISA and EISR. The England-and-Wales
    list that gov.uk offers for download gives dates that are too early for FOIA.

    Args:
        path: A ``.csv`` file (columns ``date``, ``weekday``, ``reasons``; ISO
            dates) or an ``.xlsx`` file (sheet ``FOI bank holidays``, header row
            ``Date``/``Reasons``, dates from A2 as date cells shown dd/mm/yyyy, the
            workbook-level name ``FOI_Holidays`` covering only the date cells, and
            an ``About`` sheet with the calendar, the law and the data version).
        first_year: The first year, from 2000.
        last_year: The last year, up to 2100.
        calendar: ``"uk"``, ``"scotland"``, ``"england-and-wales"`` or
            ``"northern-ireland"``.

    Returns:
        The number of dates written.

    Raises:
        InvalidInputError: Another suffix, or a year out of range or out of order.
        UnknownCalendarError: An unknown calendar.
        ImportError: An ``.xlsx`` without the ``xlsx`` extra installed.

    Days after the confirmed holiday data are marked ``[provisional]`` in the
    reasons: they follow the standing rules and may still change by proclamation.
    """
    target = Path(path)
    suffix = _suffix(target, "path")
    first = _year(first_year, "first_year")
    last = _year(last_year, "last_year")
    if last < first:
        raise InvalidInputError(
            "last_year", last_year, f"a year from first_year ({first}) to {_LAST_YEAR}"
        )
    chosen = get_calendar(calendar)
    days = chosen.non_working_days(
        date(first, 1, 1), date(last, 12, 31), include_weekends=False
    )
    if suffix == ".csv":
        with target.open("w", newline="", encoding="utf-8") as stream:
            writer = csv.writer(stream)
            writer.writerow(["date", "weekday", "reasons"])
            writer.writerows(
                [day.day.isoformat(), _WEEKDAYS[day.day.weekday()], _reasons(day)]
                for day in days
            )
    else:
        _write_holidays_xlsx(target, days, chosen, first, last)
    return len(days)


def _write_holidays_xlsx(
    target: Path,
    days: Sequence[NonWorkingDay],
    calendar: WorkingDayCalendar,
    first: int,
    last: int,
) -> None:
    _require_openpyxl()
    from openpyxl import Workbook  # noqa: PLC0415
    from openpyxl.styles import Font  # noqa: PLC0415
    from openpyxl.utils import quote_sheetname  # noqa: PLC0415
    from openpyxl.workbook.defined_name import DefinedName  # noqa: PLC0415

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = HOLIDAYS_SHEET
    sheet.append(["Date", "Reasons"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row, day in enumerate(days, start=2):
        sheet.cell(row=row, column=1, value=day.day).number_format = _DATE_FORMAT
        sheet.cell(row=row, column=2, value=_reasons(day))
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 70
    sheet.freeze_panes = "A2"
    if days:
        reference = f"{quote_sheetname(HOLIDAYS_SHEET)}!$A$2:$A${len(days) + 1}"
        book.defined_names[HOLIDAYS_NAME] = DefinedName(
            HOLIDAYS_NAME, attr_text=reference
        )

    definition = calendar.definition
    about = book.create_sheet(_ABOUT_SHEET)
    for label, text in (
        ("Calendar", f"{calendar.name}: {definition.title}"),
        ("Years", f"{first} to {last}"),
        ("Not working days", definition.excludes),
        ("Law", definition.citation),
        ("Holiday data", calendar.data_version),
        (
            "Confirmed until",
            f"{calendar.confirmed_until.isoformat()}; later days follow the standing "
            "rules and are marked [provisional]",
        ),
        (
            "Which calendar",
            "FOIA s10(6) and EIR reg 2(1) leave out bank holidays in any part of the "
            "UK: use calendar 'uk'. FOISA s73 and EISR reg 2(1) leave out Scotland's: "
            "use 'scotland'. The gov.uk England-and-Wales list is wrong for FOIA: it "
            "misses 2 January and St Andrew's Day (Scotland), and St Patrick's Day "
            "and the Battle of the Boyne (Northern Ireland).",
        ),
        (
            "Use",
            f"WORKDAY(C2,20,{HOLIDAYS_NAME}) gives the 20th working day after the "
            f"date in C2. Only dates are in {HOLIDAYS_NAME}: a heading inside the "
            "range would make WORKDAY fail. WORKDAY knows nothing of clarification, "
            "fees or extensions.",
        ),
    ):
        about.append([label, text])
        about.cell(row=about.max_row, column=1).font = Font(bold=True)
    about.column_dimensions["A"].width = 18
    about.column_dimensions["B"].width = 100
    book.save(target)


# -- trackers ---------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class FillSummary:
    """What :func:`fill_tracker` did.

    Attributes:
        rows: The data rows below the heading row (trailing empty rows are not
            counted); ``rows == filled + failed + blank``.
        filled: Rows given a status.
        failed: Rows with bad data: the reason is in their ``Error`` cell.
        blank: Rows with no received date, left as they are.
        destination: The file written.
        provisional: Filled rows whose response due date is after the confirmed
            holiday data (it may still move if a holiday is proclaimed).
    """

    rows: int
    filled: int
    failed: int
    blank: int
    destination: Path
    provisional: int = 0


@attrs.frozen
class _Layout:
    """Where each field is in a tracker: 0-based column indexes."""

    headers: dict[str, str]  # field -> the heading looked for, as given
    columns: dict[str, int]  # field -> column index, for the fields present
    outputs: tuple[int, ...]  # the output columns' indexes, in OUTPUT_COLUMNS order
    default_regime: Regime
    date1904: bool


@attrs.frozen
class _Result:
    """One row's outputs."""

    due: date | None = None
    left: int | None = None
    overdue: int | None = None
    status: str | None = None
    error: str | None = None
    provisional: bool = False

    def values(self) -> tuple[date | int | str | None, ...]:
        return (self.due, self.left, self.overdue, self.status, self.error)


_BLANK: Final = _Result()


def _mapping(columns: Mapping[str, str] | None) -> dict[str, str]:
    chosen = dict(DEFAULT_COLUMNS)
    if columns is None:
        return chosen
    if not isinstance(columns, Mapping):
        raise InvalidInputError("columns", columns, "a mapping of field to heading")
    for field, heading in columns.items():
        if field not in DEFAULT_COLUMNS:
            raise InvalidInputError(
                "columns", field, "keyed by fields among " + ", ".join(DEFAULT_COLUMNS)
            )
        if not isinstance(heading, str) or not heading.strip():
            raise InvalidInputError(f"columns[{field!r}]", heading, "a heading text")
        chosen[field] = heading.strip()
    seen: dict[str, str] = {}
    outputs = {name.casefold() for name in OUTPUT_COLUMNS}
    for field, heading in chosen.items():
        key = heading.casefold()
        if key in seen:
            raise InvalidInputError(
                f"columns[{field!r}]",
                heading,
                f"a heading not also used for {seen[key]!r}",
            )
        if key in outputs:
            raise InvalidInputError(
                f"columns[{field!r}]",
                heading,
                "a heading other than the output columns " + ", ".join(OUTPUT_COLUMNS),
            )
        seen[key] = field
    return chosen


def _layout(
    header: Sequence[object],
    width: int,
    mapping: Mapping[str, str],
    default_regime: Regime,
    *,
    date1904: bool,
    source: Path,
) -> _Layout:
    """Find the fields' columns in the heading row, and place the output columns."""
    found: dict[str, list[int]] = {}
    for index, value in enumerate(header):
        if value is not None and str(value).strip():
            found.setdefault(str(value).strip().casefold(), []).append(index)
    headings = [str(v).strip() for v in header if v is not None and str(v).strip()]
    columns: dict[str, int] = {}
    for field, heading in mapping.items():
        places = found.get(heading.casefold(), [])
        if len(places) > 1:
            raise InvalidInputError(
                f"columns[{field!r}]",
                heading,
                f"a heading found once in the first row of {source.name}, not "
                f"{len(places)} times",
            )
        if places:
            columns[field] = places[0]
    if "received" not in columns:
        raise InvalidInputError(
            "columns['received']",
            mapping["received"],
            f"a heading in the first row of {source.name} (found: "
            + (", ".join(repr(h) for h in headings) or "nothing")
            + ")",
        )
    outputs = []
    next_free = width
    for name in OUTPUT_COLUMNS:
        places = found.get(name.casefold(), [])
        if places:
            outputs.append(places[0])
        else:
            outputs.append(next_free)
            next_free += 1
    return _Layout(
        headers=dict(mapping),
        columns=columns,
        outputs=tuple(outputs),
        default_regime=default_regime,
        date1904=date1904,
    )


def _regime(value: object, param: str) -> Regime:
    try:
        return member_of(Regime, value, param)
    except InvalidInputError:
        valid = ", ".join(r.value for r in Regime)
        raise InvalidInputError(
            param, value, f"one of {valid} (any case), or blank"
        ) from None


def _message(
    error: FoiDeadlinesError, layout: _Layout, cells: Mapping[str, object]
) -> str:
    """The library's message, naming the tracker's column where it can."""
    param = getattr(error, "param", None)
    if not isinstance(param, str):
        return str(error)
    heading = layout.headers.get(param)
    if heading is None:
        return str(error)
    if isinstance(error, TimelineError):
        return f"{heading} ({error.value}): {error.problem}"
    if isinstance(error, NotApplicableError):
        return f"{heading} ({cells.get(param)}): {error.reason}"
    if isinstance(error, InvalidInputError):
        return f"{heading} must be {error.expected} (got {error.value!r})"
    return f"{heading}: {error}"


def _fill_row(values: Sequence[object], layout: _Layout, as_of: date) -> _Result:
    cells = {
        field: values[index] if index < len(values) else None
        for field, index in layout.columns.items()
    }
    try:
        row = TrackerRow.from_cells(
            cells,
            regime=layout.default_regime,
            date1904=layout.date1904,
            as_of=as_of,
        )
        if row is None:
            return _BLANK
        case = row.to_case()
        status = case.status(as_of)
        deadlines = case.deadlines()
    except FoiDeadlinesError as error:
        return _Result(error=_message(error, layout, cells))
    stage = deadlines.response
    response = None if stage is None else stage.response
    return _Result(
        due=None if response is None else response.due,
        left=status.working_days_left,
        overdue=status.working_days_overdue,
        status=status.code.value,
        provisional=response is not None and response.provisional,
    )


def _is_empty(values: Iterable[object]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def _same_file(source: Path, destination: Path) -> bool:
    if source.resolve() == destination.resolve():
        return True
    try:
        return destination.exists() and source.samefile(destination)
    except OSError:
        return False


def fill_tracker(
    source: str | os.PathLike[str],
    destination: str | os.PathLike[str],
    *,
    as_of: date,
    columns: Mapping[str, str] | None = None,
    regime: Regime | str = "foia",
    progress: Callable[[int, int], None] | None = None,
) -> FillSummary:
    """Fill a tracker of cases with due dates and statuses, into a new file.

    Each row below the heading row is a case. Its received date and the dates of
    what happened since (clarification, fees, response, review) become a
    :class:`~foi_deadlines.cases.Case`, whose status on ``as_of`` is written in the
    columns ``Response due`` (a date), ``Working days left``, ``Working days
    overdue``, ``Status`` (a :class:`~foi_deadlines.cases.StatusCode` value) and
    ``Error``. Existing columns with those headings are overwritten; the others
    are added after the last used column. Every other cell is kept.

    A cell can hold a date, an Excel serial number, or text as ``YYYY-MM-DD`` or
    ``DD/MM/YYYY`` (day first). A row with bad data keeps its cells, gets the
    reason in ``Error`` (naming the column and the value) and counts as failed. A
    row with no received date counts as blank and gets nothing.

    Args:
        source: The tracker: a ``.csv``, or an ``.xlsx`` (its first sheet).
        destination: The file to write, of the same kind; never ``source``.
        as_of: The day to report for; the library never reads the clock.
        columns: Headings to use instead of :data:`DEFAULT_COLUMNS`, by field,
            such as ``{"received": "Date of receipt"}``.
        regime: The regime of rows with no ``Regime`` cell.
        progress: Called as ``progress(done, total)`` as rows are filled.

    Returns:
        How many rows were filled, failed and blank.

    Raises:
        InvalidInputError: ``destination`` is ``source`` (checked before reading),
            a suffix other than ``.csv``/``.xlsx`` or two different ones, a bad
            ``columns`` mapping or ``regime``, or no received-date column.
        ImportError: An ``.xlsx`` without the ``xlsx`` extra installed.
    """
    source_path = Path(source)
    target = Path(destination)
    if _same_file(source_path, target):
        raise InvalidInputError(
            "destination",
            str(target),
            "a new file: the tracker given as source is never written to",
        )
    suffix = _suffix(source_path, "source")
    if _suffix(target, "destination") != suffix:
        raise InvalidInputError(
            "destination", str(target), f"a {suffix} file, like the source"
        )
    day = to_uk_date(as_of, "as_of")
    default_regime = regime if isinstance(regime, Regime) else _regime(regime, "regime")
    mapping = _mapping(columns)
    fill = _fill_xlsx if suffix == ".xlsx" else _fill_csv
    with warnings.catch_warnings():
        # Provisional due dates are counted in the summary instead.
        warnings.simplefilter("ignore", ProvisionalDateWarning)
        counts = fill(
            source_path,
            target,
            as_of=day,
            mapping=mapping,
            default_regime=default_regime,
            progress=progress,
        )
    rows, filled, failed, provisional = counts
    return FillSummary(
        rows=rows,
        filled=filled,
        failed=failed,
        blank=rows - filled - failed,
        destination=target,
        provisional=provisional,
    )


class _Counter:
    """Counts outcomes and reports progress."""

    def __init__(self, total: int, progress: Callable[[int, int], None] | None):
        self.total = total
        self.progress = progress
        self.done = self.filled = self.failed = self.provisional = 0
        if progress is not None:
            progress(0, total)

    def add(self, result: _Result) -> None:
        self.done += 1
        if result.error is not None:
            self.failed += 1
        elif result.status is not None:
            self.filled += 1
            self.provisional += result.provisional
        if self.progress is not None and (
            self.done % _PROGRESS_EVERY == 0 or self.done == self.total
        ):
            self.progress(self.done, self.total)

    def counts(self) -> tuple[int, int, int, int]:
        return self.total, self.filled, self.failed, self.provisional


def _data_rows(rows: Sequence[Sequence[object]]) -> int:
    """How many rows after the heading, leaving out trailing empty rows."""
    count = len(rows)
    while count > 1 and _is_empty(rows[count - 1]):
        count -= 1
    return count - 1 if rows else 0


def _fill_csv(
    source: Path,
    target: Path,
    *,
    as_of: date,
    mapping: Mapping[str, str],
    default_regime: Regime,
    progress: Callable[[int, int], None] | None,
) -> tuple[int, int, int, int]:
    raw = source.read_bytes()
    encoding = "utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8"
    text = raw.decode(encoding)
    table: list[list[object]] = [
        list(row) for row in csv.reader(text.splitlines(keepends=True))
    ]
    if not table:
        raise InvalidInputError("source", str(source), "a CSV with a heading row")
    width = max(len(row) for row in table)
    layout = _layout(
        table[0], width, mapping, default_regime, date1904=False, source=source
    )
    total = _data_rows(table)
    out_width = max(width, max(layout.outputs) + 1)
    header = [*table[0], *[""] * (out_width - len(table[0]))]
    for index, name in zip(layout.outputs, OUTPUT_COLUMNS, strict=True):
        header[index] = name
    counter = _Counter(total, progress)
    with target.open("w", newline="", encoding=encoding) as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        for number, values in enumerate(table[1:], start=1):
            row = [*values, *[""] * (out_width - len(values))]
            if number <= total:
                result = _fill_row(values, layout, as_of)
                counter.add(result)
                for index, value in zip(layout.outputs, result.values(), strict=True):
                    row[index] = _csv_text(value)
            writer.writerow(row)
    return counter.counts()


def _csv_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _fill_xlsx(
    source: Path,
    target: Path,
    *,
    as_of: date,
    mapping: Mapping[str, str],
    default_regime: Regime,
    progress: Callable[[int, int], None] | None,
) -> tuple[int, int, int, int]:
    _require_openpyxl()
    import openpyxl  # noqa: PLC0415
    from openpyxl.styles import Font  # noqa: PLC0415
    from openpyxl.utils.datetime import CALENDAR_MAC_1904  # noqa: PLC0415

    book = openpyxl.load_workbook(source)
    sheet: Worksheet = book.worksheets[0]
    table = [list(row) for row in sheet.iter_rows(values_only=True)]
    if not table:
        raise InvalidInputError(
            "source", str(source), "a workbook whose first sheet has a heading row"
        )
    width = max(
        (
            max((i + 1 for i, v in enumerate(row) if v is not None), default=0)
            for row in table
        ),
        default=0,
    )
    layout = _layout(
        table[0],
        width,
        mapping,
        default_regime,
        date1904=book.epoch == CALENDAR_MAC_1904,
        source=source,
    )
    received_heading = sheet.cell(row=1, column=layout.columns["received"] + 1)
    for index, name in zip(layout.outputs, OUTPUT_COLUMNS, strict=True):
        cell = sheet.cell(row=1, column=index + 1, value=name)
        cell.font = Font(bold=received_heading.font.bold)
    total = _data_rows(table)
    due_column = layout.outputs[0] + 1
    counter = _Counter(total, progress)
    for number in range(1, total + 1):
        result = _fill_row(table[number], layout, as_of)
        counter.add(result)
        for index, value in zip(layout.outputs, result.values(), strict=True):
            # cell(value=None) would leave an old value in place: assign instead.
            sheet.cell(row=number + 1, column=index + 1).value = value
        if result.due is not None:
            sheet.cell(row=number + 1, column=due_column).number_format = _DATE_FORMAT
    book.save(target)
    return counter.counts()
