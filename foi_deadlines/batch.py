r"""Workbook tools: holidays for WORKDAY, and a tracker filled with deadlines.

:func:`export_holidays` writes a calendar's non-working weekdays as CSV, or as an
``.xlsx`` whose workbook-level name ``FOI_Holidays`` covers only the date cells, so
that ``=WORKDAY(C2,20,FOI_Holidays)`` works in Excel and LibreOffice.

:func:`fill_tracker` reads a tracker of cases (CSV, or the first sheet of an
``.xlsx``), works out each row's response due date, working days left or overdue
and status, and writes a new file. A row with bad data keeps its cells and gets the
reason in an ``Error`` column; no row is dropped. The input is never written to.

Filling a tracker needs only the standard library, for CSV and ``.xlsx`` alike.
Exporting holidays to ``.xlsx`` needs the ``xlsx`` extra
(``pip install 'foi-deadlines[xlsx]'``), imported only then.

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
>>> heading, row = written.splitlines()
>>> heading.split(",")[2:]  # the columns added
['Response due', 'Working days left', 'Working days overdue', 'Status', 'Status code',
 'Error']
>>> print(row)
A,19/12/2024,2025-01-22,12,,In time: 12 working days left,in_time,
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import operator
import os
import re
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

import attrs

from foi_deadlines import _xlsx
from foi_deadlines._coerce import member_of
from foi_deadlines._dates import EPOCH_ORDINAL, NULL_DAY, from_epoch_day, to_uk_date
from foi_deadlines._files import exists_error as _exists
from foi_deadlines._files import write_atomically as _write_atomically
from foi_deadlines._xlsx import FormulaWithoutValue
from foi_deadlines.bank_holidays import FIRST_SUPPORTED_DAY, LAST_SUPPORTED_DAY
from foi_deadlines.calendars import (
    NonWorkingDay,
    WorkingDayCalendar,
    get_calendar,
)
from foi_deadlines.cases import Case, StatusCode
from foi_deadlines.errors import (
    FoiDeadlinesError,
    InvalidInputError,
    NotApplicableError,
    ProvisionalDateWarning,
    TimelineError,
    TrackerFileError,
)
from foi_deadlines.rules import Regime
from foi_deadlines.tracker import (
    DATE_FIELDS,
    HEADING_SEARCH_ROWS,
    HEADINGS,
    TrackerColumns,
    TrackerRow,
    find_columns,
    normalise_heading,
)

if TYPE_CHECKING:
    from foi_deadlines._columnar_status import StatusArrays

__all__ = [
    "DEFAULT_COLUMNS",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_ROWS",
    "HOLIDAYS_NAME",
    "HOLIDAYS_SHEET",
    "OUTPUT_COLUMNS",
    "FillSummary",
    "TrackerRecord",
    "TrackerTable",
    "export_holidays",
    "fill_tracker",
    "read_tracker",
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

#: The first wording of each field's heading; :data:`~foi_deadlines.tracker.HEADINGS`
#: lists the others that :func:`fill_tracker` recognises.
DEFAULT_COLUMNS: Final[Mapping[str, str]] = MappingProxyType(
    {field: wordings[0] for field, wordings in HEADINGS.items() if field != "reference"}
)

#: The columns :func:`fill_tracker` adds, in order, after the last used column; a
#: heading the tracker already has gets " (calculated)" after it.
OUTPUT_COLUMNS: Final = (
    "Response due",
    "Working days left",
    "Working days overdue",
    "Status",
    "Status code",
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

#: The most rows a tracker may have unless the caller raises it (Excel's own limit).
DEFAULT_MAX_ROWS: Final = 1_048_576
#: The largest tracker file, in bytes (unpacked, for an .xlsx), unless raised.
DEFAULT_MAX_BYTES: Final = 256 * 1024 * 1024
_SUFFIX_IF_TAKEN: Final = " (calculated)"
_NUMBER: Final = re.compile(r"\s*\d+(?:\.\d+)?\s*")
_STATUS_COLUMN: Final = 4
# The statuses whose deadline is the response due date.
_RESPONSE_STATUSES: Final = frozenset(
    {
        StatusCode.IN_TIME,
        StatusCode.DUE_SOON,
        StatusCode.OVERDUE,
        StatusCode.RESPONDED_IN_TIME,
        StatusCode.RESPONDED_WITHIN_EXTENSION,
        StatusCode.RESPONDED_LATE,
    }
)
_HIGHLIGHTS: Final = (
    (StatusCode.OVERDUE.value, StatusCode.REVIEW_OVERDUE.value),
    (StatusCode.DUE_SOON.value,),
)


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
        columns: Where the fill found each field: the heading row, the column
            of each field and the columns it left alone.
        headings: The headings of the columns the fill added, in order.
    """

    rows: int
    filled: int
    failed: int
    blank: int
    destination: Path
    provisional: int = 0
    columns: TrackerColumns | None = None
    headings: tuple[str, ...] = OUTPUT_COLUMNS


@attrs.frozen
class _Result:
    """One row's outputs."""

    due: date | None = None
    left: int | None = None
    overdue: int | None = None
    status: str | None = None
    code: str | None = None
    error: str | None = None
    provisional: bool = False

    def values(self) -> tuple[date | int | str | None, ...]:
        return (self.due, self.left, self.overdue, self.status, self.code, self.error)


_BLANK: Final = _Result()


@attrs.frozen
class _Plan:
    """How to read each row: the fields' columns, and what to do with them."""

    found: TrackerColumns
    fields: tuple[str, ...]
    indexes: tuple[int, ...]
    default_regime: Regime
    date1904: bool
    as_of: date


def _message(error: FoiDeadlinesError, plan: _Plan, cells: Mapping[str, object]) -> str:
    """The library's message, naming the tracker's column where it can."""
    if isinstance(error, InvalidInputError) and error.param == "formula":
        return error.expected
    param = getattr(error, "param", None)
    heading = plan.found.headings.get(param) if isinstance(param, str) else None
    if heading is None:
        return str(error)
    if isinstance(error, TimelineError):
        return f"{heading} ({error.value}): {error.problem}"
    if isinstance(error, NotApplicableError):
        return f"{heading} ({cells.get(param)}): {error.reason}"  # type: ignore[arg-type]
    if isinstance(error, InvalidInputError):
        return f"{heading} must be {error.expected} (got {error.value!r})"
    return f"{heading}: {error}"


def _unsaved(plan: _Plan, cells: Mapping[str, object]) -> str | None:
    for field, value in cells.items():
        if isinstance(value, FormulaWithoutValue):
            return (
                f"{plan.found.headings[field]} holds a formula with no saved result "
                f"({value}): open the workbook in Excel or LibreOffice, save it, and "
                "fill it again"
            )
    return None


def _row(read: Mapping[str, object], plan: _Plan) -> TrackerRow | None:
    """The row whose cells were read as ``read`` (see ``TrackerRow.read_cell``)."""
    if read.get("received") is None:
        return None
    values = {k: v for k, v in read.items() if v is not None}
    values.setdefault("regime", plan.default_regime)
    row = TrackerRow(**values)  # type: ignore[arg-type]
    row.check_as_of(plan.as_of)
    return row


def _case(
    cells: Mapping[str, object],
    plan: _Plan,
    read: Mapping[str, object] | None = None,
) -> tuple[TrackerRow, Case] | None:
    """A row's case, from its cells (or what they were ``read`` as); None if blank.

    Raises:
        FoiDeadlinesError: The row's dates cannot be read, or cannot all be true.
    """
    unsaved = _unsaved(plan, cells)
    if unsaved is not None:
        raise InvalidInputError("formula", cells, unsaved)
    if read is None:
        row = TrackerRow.from_cells(
            cells,
            regime=plan.default_regime,
            date1904=plan.date1904,
            as_of=plan.as_of,
        )
    else:
        row = _row(read, plan)
    return None if row is None else (row, row.to_case())


def _fill_row(
    cells: Mapping[str, object],
    plan: _Plan,
    read: Mapping[str, object] | None = None,
) -> _Result:
    """One row's result, from its cells (or from what they were ``read`` as)."""
    try:
        found = _case(cells, plan, read)
        if found is None:
            return _BLANK
        case = found[1]
        status = case.status(plan.as_of)
        if status.code in _RESPONSE_STATUSES:
            # Open or answered: the status is measured against the response due.
            due = status.deadline
        else:
            response = case.deadlines().response
            due = None if response is None else response.response
    except FoiDeadlinesError as error:
        return _Result(error=_message(error, plan, cells))
    return _Result(
        due=None if due is None else due.due,
        left=status.working_days_left,
        overdue=status.working_days_overdue,
        status=status.summary,
        code=status.code.value,
        provisional=due is not None and due.provisional,
    )


class _Filler:
    """Fills rows, once for each distinct set of cells, and counts the outcomes."""

    def __init__(
        self, plan: _Plan, total: int, progress: Callable[[int, int], None] | None
    ) -> None:
        self.plan = plan
        self.total = total
        self.progress = progress
        self.done = self.filled = self.failed = self.provisional = 0
        # Results by the cells as written, and by what they read as: "FOI" and
        # "foia", or "19/12/2024" and "2024-12-19", give the same result.
        self.seen: dict[tuple[object, ...], _Result] = {}
        self.indexes = plan.indexes
        self.last = max(plan.indexes)
        pick = operator.itemgetter(*plan.indexes)
        # itemgetter gives a bare value, not a 1-tuple, for one column.
        self.pick: Callable[[Sequence[object]], tuple[object, ...]] = (
            pick if len(plan.indexes) > 1 else lambda values: (pick(values),)
        )
        self.by_value: dict[tuple[object, ...], _Result] = {}
        self.cells: dict[tuple[str, object], object] = {}
        if progress is not None:
            progress(0, total)

    def key(self, values: Sequence[object]) -> tuple[object, ...]:
        """A row's cells in the fields' order: what its result depends on."""
        if len(values) > self.last:
            return self.pick(values)
        return tuple(values[i] if i < len(values) else None for i in self.indexes)

    def prepare(self, rows: Iterable[Sequence[object]]) -> None:
        """Work out many rows' results at once, over columns, before the fill.

        Where numpy is installed and there are enough distinct rows to repay it,
        the rows whose cells read as dates go through
        :func:`~foi_deadlines._columnar_status.status_arrays`, which gives what
        ``Case.status`` gives for each; :meth:`fill` then finds their results
        made. A row it refuses, or whose cells cannot be read, is left to
        :meth:`fill`, which gives its message.
        """
        try:
            import numpy as np  # noqa: PLC0415 - optional: the fill works without
        except ImportError:
            return
        found: dict[tuple[object, ...], dict[str, object]] = {}
        skipped: set[tuple[object, ...]] = set()
        for values in rows:
            key = self.key(values)
            if key in found or key in skipped or key in self.seen:
                continue
            read = self._readable(key)
            if read is None:
                skipped.add(key)
            else:
                found[key] = read
        if len(found) < _COLUMNS_FROM:
            return
        arrays = _status_columns(np, list(found.values()), self.plan)
        for index, key in enumerate(found):
            code = int(arrays.code[index])
            if code < 0:
                continue
            self.seen[key] = _columns_result(arrays, index, code)

    def _readable(self, key: tuple[object, ...]) -> dict[str, object] | None:
        """The fields a row's cells read as, if every one reads and it is a request."""
        cells = dict(zip(self.plan.fields, key, strict=True))
        if _unsaved(self.plan, cells) is not None:
            return None
        try:
            read = {field: self._read(field, value) for field, value in cells.items()}
        except FoiDeadlinesError:
            return None
        if read.get("received") is None:
            return None
        return read

    def fill(self, values: Sequence[object]) -> _Result:
        key = self.key(values)
        result = self.seen.get(key)
        if result is None:
            result = self.seen[key] = self._fill(key)
        self.done += 1
        if result.error is not None:
            self.failed += 1
        elif result.code is not None:
            self.filled += 1
            self.provisional += result.provisional
        if self.progress is not None and (
            self.done % _PROGRESS_EVERY == 0 or self.done == self.total
        ):
            self.progress(self.done, self.total)
        return result

    def _fill(self, key: tuple[object, ...]) -> _Result:
        """The result for cells not seen before: shared by cells that read alike."""
        cells = dict(zip(self.plan.fields, key, strict=True))
        try:
            read = tuple(self._read(field, value) for field, value in cells.items())
        except FoiDeadlinesError:
            return _fill_row(cells, self.plan)  # which names the cell at fault
        result = self.by_value.get(read)
        if result is None:
            values = dict(zip(self.plan.fields, read, strict=True))
            result = _fill_row(cells, self.plan, values)
            if result.error is None:  # an error quotes the cells as written
                self.by_value[read] = result
        return result

    def _read(self, field: str, value: object) -> object:
        try:
            return self.cells[field, value]
        except KeyError:
            read = TrackerRow.read_cell(field, value, date1904=self.plan.date1904)
            self.cells[field, value] = read
            return read
        except TypeError:  # an unhashable cell cannot occur in a table; read it
            return TrackerRow.read_cell(field, value, date1904=self.plan.date1904)


#: How many distinct rows repay reading them over columns (numpy's import and the
#: tables cost about a tenth of a second; one row alone, about 50 microseconds).
_COLUMNS_FROM: Final = 2000
#: The date fields of a tracker row, as :func:`status_arrays` names them.
_COLUMN_DATES: Final = (*DATE_FIELDS, "public_interest_estimate")


def _status_columns(
    np: Any, rows: list[dict[str, object]], plan: _Plan
) -> StatusArrays:
    """The status of rows read from a tracker, over columns."""
    from foi_deadlines._columnar import REGIMES  # noqa: PLC0415
    from foi_deadlines._columnar_status import (  # noqa: PLC0415 - needs numpy
        status_arrays,
    )

    def days(values: Iterable[object]) -> Any:
        return np.fromiter(
            (
                v.toordinal() - EPOCH_ORDINAL if isinstance(v, date) else NULL_DAY
                for v in values
            ),
            dtype=np.int64,
            count=len(rows),
        )

    code: dict[object, int] = {regime: index for index, regime in enumerate(REGIMES)}
    extended = [row.get("extended") for row in rows]
    return status_arrays(
        days(row["received"] for row in rows),
        np.fromiter(
            (code[row.get("regime") or plan.default_regime] for row in rows),
            dtype=np.int8,
            count=len(rows),
        ),
        **{name: days(row.get(name) for row in rows) for name in _COLUMN_DATES},
        extended=np.fromiter((v is True for v in extended), dtype=bool),
        extended_on=days(extended),
        as_of=plan.as_of,
    )


def _columns_result(arrays: StatusArrays, index: int, code: int) -> _Result:
    """One row's outputs from the status over columns, as :func:`_fill_row` gives."""
    from foi_deadlines._columnar_status import (  # noqa: PLC0415 - needs numpy
        NO_COUNT,
        STATUS_CODES,
    )

    status = STATUS_CODES[code]
    left = int(arrays.working_days_left[index])
    overdue = int(arrays.working_days_overdue[index])
    due = int(arrays.response_due[index])
    return _Result(
        due=None if due == NULL_DAY else from_epoch_day(due),
        left=None if left == NO_COUNT else left,
        overdue=None if overdue == NO_COUNT else overdue,
        status=status.summary(
            working_days_left=None if left == NO_COUNT else left,
            working_days_overdue=None if overdue == NO_COUNT else overdue,
        ),
        code=status.value,
        provisional=bool(arrays.response_provisional[index]),
    )


def _is_empty(values: Iterable[object]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def _data_end(rows: Sequence[Sequence[object]], start: int) -> int:
    """The index after the last non-empty row from ``start``."""
    end = len(rows)
    while end > start and _is_empty(rows[end - 1]):
        end -= 1
    return end


def _same_file(source: Path, destination: Path) -> bool:
    if source.resolve() == destination.resolve():
        return True
    try:
        return destination.exists() and source.samefile(destination)
    except OSError:
        return False


def _limit(value: object, param: str) -> int:
    if type(value) is not int or value < 1:
        raise InvalidInputError(param, value, "a whole number, 1 or more")
    return value


def _output_headings(existing: Iterable[object]) -> tuple[str, ...]:
    """The fill's headings, renamed where the tracker already has one."""
    taken = {normalise_heading(value) for value in existing}
    chosen = []
    for name in OUTPUT_COLUMNS:
        candidates = itertools.chain(
            (name, name + _SUFFIX_IF_TAKEN),
            (f"{name} (calculated {n})" for n in itertools.count(2)),
        )
        heading = next(c for c in candidates if normalise_heading(c) not in taken)
        taken.add(normalise_heading(heading))
        chosen.append(heading)
    return tuple(chosen)


def fill_tracker(
    source: str | os.PathLike[str],
    destination: str | os.PathLike[str],
    *,
    as_of: date,
    columns: Mapping[str, str] | None = None,
    regime: Regime | str = "foia",
    progress: Callable[[int, int], None] | None = None,
    header_row: int | None = None,
    overwrite: bool = False,
    encoding: str | None = None,
    max_rows: int = DEFAULT_MAX_ROWS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    report: Callable[[TrackerColumns], None] | None = None,
) -> FillSummary:
    """Fill a tracker of cases with due dates and statuses, into a new file.

    The heading row is found as a person would find it (see
    :func:`~foi_deadlines.tracker.find_columns`): below any title rows, with
    headings in the tracker's own words ("Date received", "Response sent", "IR
    requested", ...). Each row below it is a case: its received date and the
    dates of what happened since become a :class:`~foi_deadlines.cases.Case`,
    whose status on ``as_of`` is written in new columns after the last used one:
    ``Response due`` (a date), ``Working days left``, ``Working days overdue``,
    ``Status`` (in words, such as "Overdue by 3 working days"), ``Status code``
    (a :class:`~foi_deadlines.cases.StatusCode` value, for machines) and
    ``Error``. A column of the tracker is never overwritten: where it already
    has one of these headings, the new column is headed ``Status (calculated)``
    and so on.

    A date cell can hold a date, an Excel serial number (in a CSV, where the
    column holds only numbers), or text written day first (``19/12/2024``,
    ``19.12.2024``, ``19 Dec 2024``) or as ``2024-12-19``. A row with bad data
    keeps its cells, gets the reason in ``Error`` (naming the column and the
    value) and counts as failed. A row with no received date counts as blank.

    Nothing is written until the whole file is ready: the output is written to
    a temporary file beside it and renamed when complete, so an interrupted fill
    leaves nothing behind. The input is never written to.

    An ``.xlsx`` is read from its first sheet; formula cells give the result
    saved with the workbook. The copy keeps everything in the workbook (other
    sheets, formulas, validation, charts and images); the new columns get real
    date cells shown as dd/mm/yyyy, widths to fit, the style of the tracker's
    own headings, red and amber highlighting for overdue and due-soon rows, and
    the tracker's first columns (to the reference column) and headings repeat on
    every printed page. CSV is read as UTF-8 (with or without a byte-order mark)
    or UTF-16 (by its byte-order mark), or in ``encoding``; the delimiter
    (comma, semicolon or tab) is detected, and the output keeps both.

    Args:
        source: The tracker: a ``.csv``, or an ``.xlsx`` (its first sheet).
        destination: The file to write, of the same kind; never ``source``.
        as_of: The day to report for; the library never reads the clock.
        columns: Headings to use for fields, such as
            ``{"received": "Date in"}``; they win over the usual wordings.
        regime: The regime of rows with no regime cell.
        progress: Called as ``progress(done, total)`` as rows are filled.
        header_row: The heading row, from 1; by default it is looked for.
        overwrite: Replace ``destination`` if it exists (otherwise refused).
        encoding: A CSV's text encoding, such as ``"cp1252"`` or ``"latin-1"``.
        max_rows: Refuse a tracker with more data rows than this.
        max_bytes: Refuse a file larger than this (unpacked, for an ``.xlsx``).
        report: Called with the columns found, before any row is filled.

    Returns:
        How many rows were filled, failed and blank, and the columns found.

    Raises:
        InvalidInputError: ``destination`` is ``source`` (checked before reading),
            a suffix other than ``.csv``/``.xlsx`` or two different ones, a bad
            option, or no received-date heading.
        TrackerFileError: A file that cannot be read (not a workbook, encrypted,
            damaged, in another encoding, over a limit) or an existing
            ``destination`` without ``overwrite``. Nothing is written.
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
    options = _Options(
        as_of=to_uk_date(as_of, "as_of"),
        columns=columns,
        regime=regime if isinstance(regime, Regime) else _regime(regime, "regime"),
        header_row=header_row,
        overwrite=overwrite,
        max_rows=_limit(max_rows, "max_rows"),
        max_bytes=_limit(max_bytes, "max_bytes"),
        progress=progress,
        report=report,
    )
    if target.exists() and not overwrite:
        raise _exists(target)
    _readable(source_path)
    with warnings.catch_warnings():
        # Provisional due dates are counted in the summary instead.
        warnings.simplefilter("ignore", ProvisionalDateWarning)
        if suffix == ".xlsx":
            return _fill_xlsx(source_path, target, options)
        return _fill_csv(source_path, target, options, encoding)


def _readable(source: Path) -> None:
    """Refuse a source that is not a file, before anything is read."""
    if not source.is_file():
        problem = "is a folder, not a file" if source.is_dir() else "not found"
        raise TrackerFileError(str(source), problem)


@attrs.frozen(kw_only=True)
class TrackerRecord:
    """One data row of a tracker, read into a case.

    Attributes:
        row: The row's number in the sheet or file, from 1 (the heading row
            counts, as a spreadsheet shows it).
        reference: The row's reference cell, or ``""``.
        case: The case the row records; ``None`` when the row is blank or bad.
        error: Why the row could not be read, naming the column and the value, as
            the fill's ``Error`` column gives it; ``None`` otherwise.
    """

    row: int
    reference: str
    case: Case | None
    error: str | None = None


@attrs.frozen(kw_only=True)
class TrackerTable:
    """A tracker read through the same mapping and converter as the fill.

    Attributes:
        source: The file read.
        columns: Where each field was found.
        records: Every data row, blank and bad ones included, in order.
    """

    source: Path
    columns: TrackerColumns
    records: tuple[TrackerRecord, ...]

    def cases(self) -> tuple[Case, ...]:
        """The cases of the rows that could be read."""
        return tuple(r.case for r in self.records if r.case is not None)


def read_tracker(
    source: str | os.PathLike[str],
    *,
    as_of: date,
    columns: Mapping[str, str] | None = None,
    regime: Regime | str = "foia",
    header_row: int | None = None,
    encoding: str | None = None,
    max_rows: int = DEFAULT_MAX_ROWS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> TrackerTable:
    r"""Read a tracker's rows into cases, exactly as :func:`fill_tracker` reads them.

    For programs that want the cases themselves (a calendar of deadlines, a daily
    digest): the heading row and columns are found, and each row converted, by the
    same code as the fill, so a row reads the same here as in the filled copy.
    The arguments are those of :func:`fill_tracker`.

    Raises:
        InvalidInputError: A bad option, or no received-date heading.
        TrackerFileError: A file that cannot be read.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     tracker = Path(tmp, "log.csv")
    ...     _ = tracker.write_text(
    ...         "Ref,Received,Type\nA,19/12/2024,FOI\nB,,\nC,31/02/2025,EIR\n",
    ...         encoding="utf-8",
    ...     )
    ...     table = read_tracker(tracker, as_of=date(2025, 1, 6))
    >>> [(r.row, r.reference, r.case is not None, r.error) for r in table.records][:2]
    [(2, 'A', True, None), (3, 'B', False, None)]
    >>> table.records[2].error
    "Received must be a date, ... (got '31/02/2025')"
    """
    source_path = Path(source)
    suffix = _suffix(source_path, "source")
    options = _Options(
        as_of=to_uk_date(as_of, "as_of"),
        columns=columns,
        regime=regime if isinstance(regime, Regime) else _regime(regime, "regime"),
        header_row=header_row,
        overwrite=False,
        max_rows=_limit(max_rows, "max_rows"),
        max_bytes=_limit(max_bytes, "max_bytes"),
        progress=None,
        report=None,
    )
    _readable(source_path)
    loaded = (
        _load_xlsx(source_path, options)[0]
        if suffix == ".xlsx"
        else _load_csv(source_path, options, encoding)[0]
    )
    plan = loaded.plan
    reference = plan.found.columns.get("reference")
    records = []
    for index in range(loaded.start, loaded.end):
        values = loaded.rows[index]
        cells = {
            field: values[i] if i < len(values) else None
            for field, i in zip(plan.fields, plan.indexes, strict=True)
        }
        label = (
            values[reference]
            if reference is not None and reference < len(values)
            else None
        )
        text = "" if label is None else str(label).strip()
        try:
            found = _case(cells, plan)
        except FoiDeadlinesError as error:
            records.append(
                TrackerRecord(
                    row=index + 1,
                    reference=text,
                    case=None,
                    error=_message(error, plan, cells),
                )
            )
            continue
        case = None if found is None else attrs.evolve(found[1], reference=text)
        records.append(TrackerRecord(row=index + 1, reference=text, case=case))
    return TrackerTable(source=source_path, columns=plan.found, records=tuple(records))


def _regime(value: object, param: str) -> Regime:
    try:
        return member_of(Regime, value, param)
    except InvalidInputError:
        valid = ", ".join(r.value for r in Regime)
        raise InvalidInputError(
            param, value, f"one of {valid} (any case), or blank"
        ) from None


@attrs.frozen(kw_only=True)
class _Options:
    as_of: date
    columns: Mapping[str, str] | None
    regime: Regime
    header_row: int | None
    overwrite: bool
    max_rows: int
    max_bytes: int
    progress: Callable[[int, int], None] | None
    report: Callable[[TrackerColumns], None] | None


def _plan(
    rows: Sequence[Sequence[object]], options: _Options, *, date1904: bool, name: str
) -> _Plan:
    found = find_columns(
        rows if options.header_row is not None else rows[:HEADING_SEARCH_ROWS],
        columns=options.columns,
        header_row=options.header_row,
        source=name,
    )
    if options.report is not None:
        options.report(found)
    # The reference changes no date: rows that differ only there share a result.
    fields = tuple(f for f in found.columns if f != "reference")
    return _Plan(
        found=found,
        fields=fields,
        indexes=tuple(found.columns[f] for f in fields),
        default_regime=options.regime,
        date1904=date1904,
        as_of=options.as_of,
    )


def _summary(
    filler: _Filler, target: Path, plan: _Plan, headings: tuple[str, ...]
) -> FillSummary:
    return FillSummary(
        rows=filler.total,
        filled=filler.filled,
        failed=filler.failed,
        blank=filler.total - filler.filled - filler.failed,
        destination=target,
        provisional=filler.provisional,
        columns=plan.found,
        headings=headings,
    )


# -- CSV ----------------------------------------------------------------------------


class _Semicolons(csv.excel):
    delimiter = ";"


_DELIMITERS: Final = (",", ";", "\t")
_DIALECTS: Final[Mapping[str, type[csv.Dialect]]] = MappingProxyType(
    {",": csv.excel, ";": _Semicolons, "\t": csv.excel_tab}
)


@attrs.frozen
class _Text:
    """A CSV's text, and how to write it back the same way."""

    text: str
    encoding: str


def _decode(raw: bytes, source: Path, encoding: str | None) -> _Text:
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InvalidInputError(
                "encoding", encoding, "a text encoding such as utf-8, cp1252 or latin-1"
            ) from None
        try:
            return _Text(raw.decode(encoding), encoding)
        except UnicodeDecodeError as error:
            raise TrackerFileError(
                str(source),
                f"cannot be read as {encoding} ({error.reason} at byte {error.start})",
            ) from None
    if raw.startswith(codecs.BOM_UTF8):
        chosen = "utf-8-sig"
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        chosen = "utf-16"
    else:
        chosen = "utf-8"
    try:
        text = raw.decode(chosen)
    except UnicodeDecodeError as error:
        byte = raw[error.start : error.start + 1].hex().upper()
        raise TrackerFileError(
            str(source),
            f"is not UTF-8 text (byte 0x{byte} at position {error.start}): if it was "
            "saved by Excel as CSV (not CSV UTF-8), name its encoding with "
            "--encoding cp1252 (or latin-1), or save it again as CSV UTF-8",
        ) from None
    if "\x00" in text:
        raise TrackerFileError(
            str(source),
            "holds NUL characters, as UTF-16 text without a byte-order mark does: "
            "name its encoding with --encoding utf-16-le (or utf-16-be), or save it "
            "again as CSV UTF-8",
        )
    return _Text(text, chosen)


def _read_csv(
    source: Path, options: _Options, encoding: str | None
) -> tuple[list[list[object]], _Text, type[csv.Dialect]]:
    size = source.stat().st_size
    if size > options.max_bytes:
        raise TrackerFileError(
            str(source),
            f"too large: {size:,} bytes, over the limit of {options.max_bytes:,}; "
            "raise it with --max-size if the file is right",
        )
    decoded = _decode(source.read_bytes(), source, encoding)
    if not decoded.text.strip():
        raise TrackerFileError(str(source), "is empty: a tracker needs a heading row")
    dialect = _dialect(decoded.text, options)
    reader = csv.reader(io.StringIO(decoded.text, newline=""), dialect)
    rows: list[list[object]] = []
    try:
        for row in reader:
            rows.append(row)  # type: ignore[arg-type]  # cells of text are objects
            if len(rows) > options.max_rows + HEADING_SEARCH_ROWS:
                raise TrackerFileError(
                    str(source),
                    f"has more than {options.max_rows:,} rows; raise the limit with "
                    "--max-rows if the file is right",
                )
    except csv.Error as error:
        raise TrackerFileError(
            str(source),
            f"cannot be read as CSV at line {reader.line_num} ({error}); a very long "
            "field usually means a quote mark that is never closed",
        ) from None
    return rows, decoded, dialect


def _dialect(text: str, options: _Options) -> type[csv.Dialect]:
    """Comma, semicolon or tab: the one that makes a received-date heading a cell.

    Failing that, the one that splits the first rows most evenly into most
    cells; a comma when nothing tells them apart.
    """
    sample = text[:65_536]
    widths: dict[str, int] = {}
    for delimiter in _DELIMITERS:
        rows = list(
            itertools.islice(
                csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter),
                HEADING_SEARCH_ROWS,
            )
        )
        try:
            find_columns(rows, columns=options.columns, header_row=options.header_row)
        except (FoiDeadlinesError, csv.Error):
            counts = [len(row) for row in rows if row]
            common = max(set(counts), key=counts.count) if counts else 1
            widths[delimiter] = common if counts.count(common) > 1 else 1
            continue
        return _DIALECTS[delimiter]
    best = max(_DELIMITERS, key=lambda d: widths[d])
    return _DIALECTS[best if widths[best] > 1 else ","]


def _filled_text(row: Sequence[object], index: int) -> str | None:
    value = row[index] if index < len(row) else None
    return value if isinstance(value, str) and value.strip() else None


def _numbers_as_serials(
    rows: list[list[object]], start: int, end: int, plan: _Plan
) -> None:
    """A CSV date column holding only numbers holds serial numbers: read them so."""
    for field, index in zip(plan.fields, plan.indexes, strict=True):
        if field == "regime":
            continue
        found = False
        for row in rows[start:end]:
            cell = _filled_text(row, index)
            if cell is None:
                continue
            if not _NUMBER.fullmatch(cell):
                break  # a column of text: a number in it is refused, not guessed
            found = True
        else:
            if found:
                for row in rows[start:end]:
                    if _filled_text(row, index) is not None:
                        row[index] = float(str(row[index]))


@attrs.frozen
class _Loaded:
    """A tracker read and planned: its rows and where the data rows are."""

    rows: list[list[object]]
    plan: _Plan
    start: int  # index of the first data row
    end: int  # index after the last non-empty data row

    @property
    def header_index(self) -> int:
        return self.start - 1

    @property
    def total(self) -> int:
        return self.end - self.start


def _loaded(
    source: Path, rows: list[list[object]], options: _Options, *, date1904: bool
) -> _Loaded:
    plan = _plan(rows, options, date1904=date1904, name=source.name)
    start = plan.found.header_row
    end = _data_end(rows, start)
    if end - start > options.max_rows:
        raise TrackerFileError(
            str(source),
            f"has {end - start:,} rows, over the limit of {options.max_rows:,}; raise "
            "it with --max-rows if the file is right",
        )
    return _Loaded(rows=rows, plan=plan, start=start, end=end)


def _load_csv(
    source: Path, options: _Options, encoding: str | None
) -> tuple[_Loaded, _Text, type[csv.Dialect]]:
    rows, decoded, dialect = _read_csv(source, options, encoding)
    loaded = _loaded(source, rows, options, date1904=False)
    _numbers_as_serials(rows, loaded.start, loaded.end, loaded.plan)
    return loaded, decoded, dialect


def _fill_csv(
    source: Path, target: Path, options: _Options, encoding: str | None
) -> FillSummary:
    loaded, decoded, dialect = _load_csv(source, options, encoding)
    rows, plan, start, end = loaded.rows, loaded.plan, loaded.start, loaded.end
    header_index = loaded.header_index
    width = max(len(row) for row in rows)
    headings = _output_headings(rows[header_index])
    filler = _Filler(plan, loaded.total, options.progress)
    filler.prepare(itertools.islice(rows, start, end))
    texts: dict[int, list[str]] = {}  # each distinct result's cells, as text

    def write(path: Path) -> None:
        errors = "strict" if decoded.encoding.startswith("utf") else "replace"
        with path.open(
            "w", newline="", encoding=decoded.encoding, errors=errors
        ) as out:
            writer = csv.writer(out, dialect)
            writer.writerows(rows[:header_index])
            writer.writerow(_padded(rows[header_index], width) + list(headings))
            for values in itertools.islice(rows, start, end):
                result = filler.fill(values)
                cells = texts.get(id(result))
                if cells is None:
                    cells = texts[id(result)] = list(map(_csv_text, result.values()))
                writer.writerow(_padded(values, width) + cells)
            writer.writerows(rows[end:])

    _write_atomically(target, write, overwrite=options.overwrite)
    return _summary(filler, target, plan, headings)


def _padded(values: list[object], width: int) -> list[object]:
    """``values`` with blanks up to ``width`` cells (a new list)."""
    short = width - len(values)
    return values + [""] * short if short else values[:]


def _csv_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


# -- .xlsx --------------------------------------------------------------------------


def _load_xlsx(source: Path, options: _Options) -> tuple[_Loaded, _xlsx.Sheet]:
    sheet = _xlsx.read_first_sheet(
        source,
        max_bytes=options.max_bytes,
        max_rows=options.max_rows + HEADING_SEARCH_ROWS,
    )
    if not sheet.rows:
        raise TrackerFileError(
            str(source),
            f"its first sheet {sheet.name!r} is empty: a tracker needs a heading row",
        )
    return _loaded(source, sheet.rows, options, date1904=sheet.date1904), sheet


def _fill_xlsx(source: Path, target: Path, options: _Options) -> FillSummary:
    loaded, sheet = _load_xlsx(source, options)
    rows, plan, start, end = loaded.rows, loaded.plan, loaded.start, loaded.end
    header_index, total = loaded.header_index, loaded.total
    headings = _output_headings(rows[header_index])
    first = sheet.last_column + 1
    last = first + len(headings) - 1
    if last > _xlsx.MAX_COLUMNS:
        raise TrackerFileError(
            str(source), "has no room for the new columns: its last column is used"
        )
    for top, left, bottom, right in sheet.merged:
        if right >= first and left <= last and bottom >= plan.found.header_row:
            letters = _xlsx.column_letters
            where = f"{letters(left)}{top}:{letters(right)}{bottom}"
            raise TrackerFileError(
                str(source),
                f"has merged cells ({where}) where the new columns go "
                f"({_xlsx.column_letters(first)} to {_xlsx.column_letters(last)}): "
                "unmerge them, or move them, and fill again",
            )
    filler = _Filler(plan, total, options.progress)
    filler.prepare(rows[start:end])
    values = {}
    for number in range(start, end):
        result = filler.fill(rows[number])
        if result is not _BLANK:
            values[number + 1] = result.values()
    received = plan.found.columns["received"] + 1
    anchor = plan.found.columns.get("reference", 0) + 1
    new = _xlsx.NewColumns(
        first=first,
        headings=headings,
        widths=_widths(headings, values.values()),
        header_row=plan.found.header_row,
        heading_style=sheet.styles.get((plan.found.header_row, received), "0"),
        values=values,
        dates=frozenset({0}),
        highlight=(_STATUS_COLUMN, *_HIGHLIGHTS),
        print_columns=anchor,
        last_row=end,
    )
    _write_atomically(
        target,
        lambda path: _xlsx.patch_workbook(
            source, path, sheet, new, max_bytes=options.max_bytes
        ),
        overwrite=options.overwrite,
    )
    return _summary(filler, target, plan, headings)


def _widths(
    headings: Sequence[str], rows: Iterable[Sequence[object]]
) -> tuple[float, ...]:
    """Widths that fit each column's heading and values, up to a limit."""
    longest = [len(h) for h in headings]
    seen: set[int] = set()
    for values in rows:
        if id(values) in seen:
            continue
        seen.add(id(values))
        for n, value in enumerate(values):
            if value is None:
                continue
            size = 10 if isinstance(value, date) else len(str(value))
            longest[n] = max(longest[n], size)
    return tuple(min(size, 60) + 2.0 for size in longest)
