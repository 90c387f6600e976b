"""Tests for the workbook tools: holiday export and tracker filling."""

from __future__ import annotations

import csv
import os
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from foi_deadlines import (
    InvalidInputError,
    TrackerFileError,
    UnknownCalendarError,
    get_calendar,
    response_due,
)
from foi_deadlines.batch import (
    DEFAULT_COLUMNS,
    HOLIDAYS_NAME,
    HOLIDAYS_SHEET,
    OUTPUT_COLUMNS,
    FillSummary,
    export_holidays,
    fill_tracker,
)

AS_OF = date(2025, 6, 2)
HEADINGS = [
    "Ref",
    "Date received",
    "Clarification sought",
    "Clarification received",
    "Date responded",
    "Notes",
]
# (reference, received, clarification sought, clarification received, responded)
ROWS: list[list[object]] = [
    ["good", "2025-01-06", "", "", ""],
    ["uk-text", "19/12/2024", "", "", "2025-01-21"],
    ["bad-day", "31/02/2025", "", "", ""],
    ["no-sought", "2025-01-06", "", "2025-01-10", ""],
    ["blank", "", "", "", ""],
    ["clarified", "2025-01-06", "2025-01-08", "2025-01-20", ""],
]


def d(text: str) -> date:
    return date.fromisoformat(text)


def write_csv(
    path: Path, headings: Sequence[str], rows: Sequence[Sequence[object]]
) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(headings)
        writer.writerows([*row, "a note"] for row in rows)
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as stream:
        return list(csv.DictReader(stream))


def write_xlsx(
    path: Path,
    headings: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    epoch: datetime | None = None,
) -> Path:
    book = openpyxl.Workbook()
    if epoch is not None:
        book.epoch = epoch
    sheet = book.active
    assert sheet is not None
    sheet.title = "Cases"
    sheet.append(list(headings))
    for row in rows:
        sheet.append([*(None if v == "" else v for v in row), "a note"])
    other = book.create_sheet("Lookups")
    other["A1"] = "kept"
    book.save(path)
    return path


def as_day(value: object) -> object:
    """A date cell's day (openpyxl reads date cells as naive datetimes)."""
    return value.date() if isinstance(value, datetime) else value


def by_ref(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {row["Ref"]: row for row in rows}


class TestExportHolidaysCsv:
    def test_dates_equal_the_calendar(self, tmp_path: Path) -> None:
        """The CSV lists every non-working weekday of the calendar, ISO dated."""
        path = tmp_path / "hols.csv"
        written = export_holidays(path, 2025, 2026)
        expected = get_calendar("uk").non_working_days(
            d("2025-01-01"), d("2026-12-31"), include_weekends=False
        )
        rows = read_csv(path)
        assert written == len(rows) == len(expected)
        assert [r["date"] for r in rows] == [day.day.isoformat() for day in expected]
        assert list(rows[0]) == ["date", "weekday", "reasons"]

    def test_weekday_and_reasons(self, tmp_path: Path) -> None:
        """Each date has its weekday name and the reasons, naming the divisions."""
        path = tmp_path / "hols.csv"
        export_holidays(path, 2025, 2025)
        rows = {r["date"]: r for r in read_csv(path)}
        assert rows["2025-01-02"]["weekday"] == "Thursday"
        assert rows["2025-01-02"]["reasons"] == "2nd January (Scotland)"
        assert "Northern Ireland" in rows["2025-03-17"]["reasons"]

    def test_plain_csv(self, tmp_path: Path) -> None:
        """The file has no comment lines: every line after the header is a date."""
        path = tmp_path / "hols.csv"
        export_holidays(path, 2025, 2025)
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0] == "date,weekday,reasons"
        assert all(line[:4] == "2025" for line in lines[1:])

    def test_scotland(self, tmp_path: Path) -> None:
        """FOISA's calendar has St Andrew's Day and not St Patrick's Day."""
        path = tmp_path / "hols.csv"
        export_holidays(path, 2025, 2025, calendar="scotland")
        dates = {r["date"] for r in read_csv(path)}
        assert "2025-12-01" in dates
        assert "2025-03-17" not in dates

    def test_provisional_days_marked_without_warning(self, tmp_path: Path) -> None:
        """Days beyond the confirmed data say so in the reasons; nothing warns."""
        path = tmp_path / "hols.csv"
        export_holidays(path, 2030, 2030)
        assert all(r["reasons"].endswith("[provisional]") for r in read_csv(path))


class TestExportHolidaysXlsx:
    def test_defined_name_covers_only_dates(self, tmp_path: Path) -> None:
        """FOI_Holidays is a workbook name over A2:An, every cell a date."""
        path = tmp_path / "hols.xlsx"
        written = export_holidays(path, 2024, 2026)
        book = openpyxl.load_workbook(path)
        name = book.defined_names[HOLIDAYS_NAME]
        assert name.attr_text == f"'{HOLIDAYS_SHEET}'!$A$2:$A${written + 1}"
        (sheet_title, cells), *rest = list(name.destinations)
        assert not rest
        assert sheet_title == HOLIDAYS_SHEET
        values = [row[0].value for row in book[HOLIDAYS_SHEET][cells.replace("$", "")]]
        assert all(isinstance(v, datetime) for v in values)
        expected = get_calendar("uk").non_working_days(
            d("2024-01-01"), d("2026-12-31"), include_weekends=False
        )
        assert [v.date() for v in values if isinstance(v, datetime)] == [
            day.day for day in expected
        ]

    def test_header_outside_the_range(self, tmp_path: Path) -> None:
        """The header row is above the named range, and dates show as dd/mm/yyyy."""
        path = tmp_path / "hols.xlsx"
        export_holidays(path, 2025, 2025)
        sheet = openpyxl.load_workbook(path)[HOLIDAYS_SHEET]
        assert (sheet["A1"].value, sheet["B1"].value) == ("Date", "Reasons")
        assert sheet["A2"].number_format == "dd/mm/yyyy"
        assert sheet["B2"].value.startswith("New Year")

    def test_about_sheet(self, tmp_path: Path) -> None:
        """A second sheet names the calendar, the data version and the law."""
        path = tmp_path / "hols.xlsx"
        export_holidays(path, 2025, 2025, calendar="scotland")
        book = openpyxl.load_workbook(path)
        assert book.sheetnames == [HOLIDAYS_SHEET, "About"]
        text = " ".join(
            str(cell.value) for row in book["About"].iter_rows() for cell in row
        )
        calendar = get_calendar("scotland")
        assert calendar.data_version in text
        assert "scotland" in text
        assert "s10(6)" in text
        assert "any part of the UK" in text

    def test_no_formula_text(self, tmp_path: Path) -> None:
        """No cell holds a formula: the export is data only."""
        path = tmp_path / "hols.xlsx"
        export_holidays(path, 2025, 2025)
        book = openpyxl.load_workbook(path)
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                assert all(cell.data_type != "f" for cell in row)


class TestExportHolidaysRefuses:
    @pytest.mark.parametrize("name", ["hols.txt", "hols.xls", "hols"])
    def test_other_suffixes(self, tmp_path: Path, name: str) -> None:
        """Only .csv and .xlsx are written; nothing else is created."""
        with pytest.raises(InvalidInputError, match=r"\.csv or \.xlsx"):
            export_holidays(tmp_path / name, 2025, 2025)
        assert not list(tmp_path.iterdir())

    @pytest.mark.parametrize(
        ("first", "last"), [(1999, 2025), (2025, 2101), (2026, 2025), (True, 2025)]
    )
    def test_years(self, tmp_path: Path, first: int, last: int) -> None:
        """Years must be from 2000 to 2100 and in order."""
        with pytest.raises(InvalidInputError, match="year"):
            export_holidays(tmp_path / "hols.csv", first, last)
        assert not list(tmp_path.iterdir())

    def test_unknown_calendar(self, tmp_path: Path) -> None:
        """An unknown calendar is the library's error."""
        with pytest.raises(UnknownCalendarError):
            export_holidays(tmp_path / "hols.csv", 2025, 2025, calendar="wales")

    def test_without_openpyxl(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without openpyxl an .xlsx says which extra to install; CSV still works."""
        monkeypatch.setitem(sys.modules, "openpyxl", None)
        with pytest.raises(ImportError, match=r"foi-deadlines\[xlsx\]"):
            export_holidays(tmp_path / "hols.xlsx", 2025, 2025)
        assert export_holidays(tmp_path / "hols.csv", 2025, 2025) > 0


class TestFillCsv:
    def fill(self, tmp_path: Path, **options: object) -> tuple[FillSummary, Path]:
        source = write_csv(tmp_path / "tracker.csv", HEADINGS, ROWS)
        out = tmp_path / "out.csv"
        return fill_tracker(source, out, as_of=AS_OF, **options), out  # type: ignore[arg-type]

    def test_summary(self, tmp_path: Path) -> None:
        """The summary counts filled, failed and blank rows; they add up."""
        summary, out = self.fill(tmp_path)
        assert (summary.rows, summary.filled, summary.failed, summary.blank) == (
            6,
            3,
            2,
            1,
        )
        assert summary.destination == out

    def test_no_row_dropped(self, tmp_path: Path) -> None:
        """Every row and column of the input is in the output, in order."""
        _, out = self.fill(tmp_path)
        rows = read_csv(out)
        assert [r["Ref"] for r in rows] == [row[0] for row in ROWS]
        assert all(r["Notes"] == "a note" for r in rows)
        assert list(rows[0]) == [*HEADINGS, *OUTPUT_COLUMNS]

    def test_good_rows(self, tmp_path: Path) -> None:
        """Good rows get the due date (ISO), the working days and the status."""
        _, out = self.fill(tmp_path)
        rows = by_ref(read_csv(out))
        assert rows["good"]["Response due"] == "2025-02-03"
        assert rows["good"]["Status"] == "Overdue by 80 working days"
        assert rows["good"]["Status code"] == "overdue"
        assert rows["good"]["Working days overdue"] == "80"
        assert rows["good"]["Working days left"] == ""
        assert rows["good"]["Error"] == ""
        assert rows["uk-text"]["Response due"] == "2025-01-22"
        assert rows["uk-text"]["Status"] == "Responded in time"
        assert rows["uk-text"]["Status code"] == "responded_in_time"
        assert rows["clarified"]["Response due"] == "2025-02-17"

    def test_due_dates_equal_the_library(self, tmp_path: Path) -> None:
        """The due date is the library's response_due for the same dates."""
        _, out = self.fill(tmp_path)
        rows = by_ref(read_csv(out))
        expected = response_due(
            d("2025-01-06"),
            clarification_sought_on=d("2025-01-08"),
            clarified_on=d("2025-01-20"),
        )
        assert rows["clarified"]["Response due"] == expected.due.isoformat()

    def test_bad_rows(self, tmp_path: Path) -> None:
        """A bad row gets the reason, naming the column and the value, and no dates."""
        _, out = self.fill(tmp_path)
        rows = by_ref(read_csv(out))
        bad = rows["bad-day"]
        assert bad["Error"].startswith("Date received must be a date")
        assert "'31/02/2025'" in bad["Error"]
        assert bad["Response due"] == bad["Status"] == ""
        orphan = rows["no-sought"]["Error"]
        assert orphan.startswith("Clarification received (2025-01-10): ")
        assert "no request for clarification open" in orphan

    def test_blank_rows(self, tmp_path: Path) -> None:
        """A row with no received date gets nothing, not even an error."""
        _, out = self.fill(tmp_path)
        blank = by_ref(read_csv(out))["blank"]
        assert all(blank[name] == "" for name in OUTPUT_COLUMNS)

    def test_event_after_as_of(self, tmp_path: Path) -> None:
        """A date after as_of is an error naming its column."""
        source = write_csv(
            tmp_path / "t.csv", HEADINGS, [["late", "2025-01-06", "", "", "2025-07-01"]]
        )
        summary = fill_tracker(source, tmp_path / "o.csv", as_of=AS_OF)
        error = read_csv(tmp_path / "o.csv")[0]["Error"]
        assert summary.failed == 1
        assert error.startswith("Date responded (2025-07-01): it is after as_of")

    def test_trailing_empty_rows_not_counted(self, tmp_path: Path) -> None:
        """Empty rows at the end are kept, not counted; one in the middle is blank."""
        source = tmp_path / "t.csv"
        source.write_text(
            "Ref,Date received\na,2025-01-06\n,\nb,2025-01-07\n,\n,\n", encoding="utf-8"
        )
        summary = fill_tracker(source, tmp_path / "o.csv", as_of=AS_OF)
        assert (summary.rows, summary.filled, summary.blank) == (3, 2, 1)
        assert len(read_csv(tmp_path / "o.csv")) == 5

    def test_byte_order_mark_kept(self, tmp_path: Path) -> None:
        """A CSV saved by Excel (UTF-8 with a BOM) is read, and written the same way."""
        source = tmp_path / "t.csv"
        source.write_bytes(b"\xef\xbb\xbfDate received\r\n06/01/2025\r\n")
        fill_tracker(source, tmp_path / "o.csv", as_of=AS_OF)
        written = (tmp_path / "o.csv").read_bytes()
        assert written.startswith(b"\xef\xbb\xbfDate received,Response due")

    def test_refill_keeps_earlier_outputs(self, tmp_path: Path) -> None:
        """Filling a filled tracker again overwrites nothing: new columns are added."""
        _, out = self.fill(tmp_path)
        again = tmp_path / "again.csv"
        summary = fill_tracker(out, again, as_of=date(2025, 1, 27))
        renamed = tuple(f"{name} (calculated)" for name in OUTPUT_COLUMNS)
        assert summary.headings == renamed
        rows = by_ref(read_csv(again))
        assert list(rows["good"]) == [*HEADINGS, *OUTPUT_COLUMNS, *renamed]
        assert rows["good"]["Status code"] == "overdue"  # the first fill's, kept
        assert rows["good"]["Status code (calculated)"] == "due_soon"
        assert rows["good"]["Working days left (calculated)"] == "5"
        assert rows["good"]["Working days overdue (calculated)"] == ""

    def test_progress(self, tmp_path: Path) -> None:
        """The progress callback starts at 0 and ends at the row count."""
        calls: list[tuple[int, int]] = []
        self.fill(tmp_path, progress=lambda done, total: calls.append((done, total)))
        assert calls[0] == (0, 6)
        assert calls[-1] == (6, 6)


class TestColumnsAndRegimes:
    def test_configurable_headings(self, tmp_path: Path) -> None:
        """Fields are found under the headings given, whatever their case."""
        source = tmp_path / "t.csv"
        source.write_text(
            "Case,DATE OF RECEIPT,answered on\nx,2025-01-06,2025-01-31\n",
            encoding="utf-8",
        )
        summary = fill_tracker(
            source,
            tmp_path / "o.csv",
            as_of=AS_OF,
            columns={"received": "Date of receipt", "responded": "Answered on"},
        )
        assert summary.filled == 1
        assert read_csv(tmp_path / "o.csv")[0]["Status code"] == "responded_in_time"

    def test_headings_matched_without_case(self, tmp_path: Path) -> None:
        """The default headings match in any case and with spaces around them."""
        source = tmp_path / "t.csv"
        source.write_text(" date RECEIVED \n2025-01-06\n", encoding="utf-8")
        assert fill_tracker(source, tmp_path / "o.csv", as_of=AS_OF).filled == 1

    def test_missing_received_column(self, tmp_path: Path) -> None:
        """With no received-date column, the error lists the headings found."""
        source = tmp_path / "t.csv"
        source.write_text("Ref,Arrived\nx,2025-01-06\n", encoding="utf-8")
        with pytest.raises(InvalidInputError, match=r"'Ref', 'Arrived'"):
            fill_tracker(source, tmp_path / "o.csv", as_of=AS_OF)
        assert not (tmp_path / "o.csv").exists()

    @pytest.mark.parametrize(
        "columns",
        [
            {"recieved": "Date"},
            {"received": ""},
            {"received": "Date received", "responded": " DATE received"},
            {"received": "Date of receipt"},
        ],
    )
    def test_bad_mapping(self, tmp_path: Path, columns: dict[str, str]) -> None:
        """Unknown fields, empty, shared or absent headings are refused."""
        source = write_csv(tmp_path / "t.csv", HEADINGS, ROWS)
        with pytest.raises(InvalidInputError, match="columns"):
            fill_tracker(source, tmp_path / "o.csv", as_of=AS_OF, columns=columns)

    def test_regime_column_and_default(self, tmp_path: Path) -> None:
        """A Regime cell wins; a blank one falls back to the regime argument."""
        source = tmp_path / "t.csv"
        source.write_text(
            "Ref,Date received,Regime,Extended\n"
            "eir,2025-01-06,EIR,yes\n"
            "default,2025-01-06,,\n"
            "bad,2025-01-06,Email,\n",
            encoding="utf-8",
        )
        summary = fill_tracker(source, tmp_path / "o.csv", as_of=AS_OF, regime="eisr")
        rows = by_ref(read_csv(tmp_path / "o.csv"))
        assert (
            rows["eir"]["Response due"]
            == response_due(
                d("2025-01-06"), regime="eir", extended=True
            ).due.isoformat()
        )
        assert (
            rows["default"]["Response due"]
            == response_due(d("2025-01-06"), regime="eisr").due.isoformat()
        )
        assert rows["bad"]["Error"].startswith("Regime must be a regime such as FOI")
        assert summary.failed == 1

    def test_unknown_regime_argument(self, tmp_path: Path) -> None:
        """The regime argument is checked before anything is read."""
        with pytest.raises(InvalidInputError, match="regime"):
            fill_tracker(
                tmp_path / "missing.csv", tmp_path / "o.csv", as_of=AS_OF, regime="x"
            )

    @pytest.mark.parametrize(
        ("regime", "extended", "estimate", "expected"),
        [
            ("foia", "maybe", "", "Extended must be yes or no"),
            ("foisa", "TRUE", "", "Extended (TRUE): FOISA"),
            ("eir", "", "2025-03-01", "Public interest estimate (2025-03-01): "),
        ],
    )
    def test_extensions_refused(
        self, tmp_path: Path, regime: str, extended: str, estimate: str, expected: str
    ) -> None:
        """An extension the regime does not have is an error naming the column."""
        source = tmp_path / "t.csv"
        source.write_text(
            "Date received,Regime,Extended,Public interest estimate\n"
            f"2025-01-06,{regime},{extended},{estimate}\n",
            encoding="utf-8",
        )
        fill_tracker(source, tmp_path / "o.csv", as_of=AS_OF)
        assert read_csv(tmp_path / "o.csv")[0]["Error"].startswith(expected)

    def test_foia_extended_without_estimate(self, tmp_path: Path) -> None:
        """A FOIA extension with no estimate runs to the limit of policy P5."""
        source = tmp_path / "t.csv"
        source.write_text("Date received,Extended\n2025-01-06,yes\n", encoding="utf-8")
        fill_tracker(source, tmp_path / "o.csv", as_of=date(2025, 2, 10))
        row = read_csv(tmp_path / "o.csv")[0]
        assert (row["Response due"], row["Status code"], row["Error"]) == (
            "2025-03-03",
            "in_time",
            "",
        )

    def test_public_interest_estimate(self, tmp_path: Path) -> None:
        """Under FOIA the estimated decision date is the response due date."""
        source = tmp_path / "t.csv"
        source.write_text(
            "Date received,Extended,Public interest estimate\n"
            "2025-02-03,yes,2025-04-01\n",
            encoding="utf-8",
        )
        fill_tracker(source, tmp_path / "o.csv", as_of=date(2025, 3, 3))
        row = read_csv(tmp_path / "o.csv")[0]
        assert (row["Response due"], row["Error"]) == ("2025-04-01", "")

    def test_defaults_cover_the_fields(self) -> None:
        """Every field has a default heading; received is the first."""
        assert next(iter(DEFAULT_COLUMNS)) == "received"
        assert DEFAULT_COLUMNS["extended"] == "Extended"


class TestNeverInPlace:
    def test_same_path(self, tmp_path: Path) -> None:
        """The source as destination is refused before reading; it is unchanged."""
        source = write_csv(tmp_path / "t.csv", HEADINGS, ROWS)
        before = source.read_bytes()
        with pytest.raises(InvalidInputError, match="never written to"):
            fill_tracker(source, source, as_of=AS_OF)
        assert source.read_bytes() == before

    def test_other_spelling(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A relative or roundabout path to the source is the same file."""
        source = write_csv(tmp_path / "t.csv", HEADINGS, ROWS)
        monkeypatch.chdir(tmp_path)
        with pytest.raises(InvalidInputError, match="destination"):
            fill_tracker(source, Path("sub/../t.csv"), as_of=AS_OF)

    def test_hard_link(self, tmp_path: Path) -> None:
        """Another name for the same file is refused too."""
        source = write_csv(tmp_path / "t.csv", HEADINGS, ROWS)
        link = tmp_path / "link.csv"
        os.link(source, link)
        with pytest.raises(InvalidInputError, match="destination"):
            fill_tracker(source, link, as_of=AS_OF)

    @pytest.mark.parametrize("error", [OSError, NotImplementedError])
    def test_where_hard_links_cannot_be_made(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: type[Exception]
    ) -> None:
        """A share with no hard links (OSError), or Python 3.13+ in Pyodide
        (UnsupportedOperation, a NotImplementedError): the fill still writes, and
        still refuses to overwrite."""

        def no_links(self: Path, target: Path) -> None:
            raise error("no hard links here")

        monkeypatch.setattr(Path, "hardlink_to", no_links)
        source = write_csv(tmp_path / "t.csv", HEADINGS, ROWS)
        destination = tmp_path / "filled.csv"
        fill_tracker(source, destination, as_of=AS_OF)
        assert destination.read_text(encoding="utf-8").startswith(HEADINGS[0])
        with pytest.raises(TrackerFileError, match="already exists"):
            fill_tracker(source, destination, as_of=AS_OF)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["filled.csv", "t.csv"]

    def test_missing_source_checked_first(self, tmp_path: Path) -> None:
        """Refused as in place even when the file cannot be read."""
        path = tmp_path / "missing.xlsx"
        with pytest.raises(InvalidInputError, match="never written to"):
            fill_tracker(path, path, as_of=AS_OF)

    @pytest.mark.parametrize(
        ("source", "destination"),
        [("t.csv", "o.xlsx"), ("t.csv", "o.txt"), ("t.ods", "o.ods")],
    )
    def test_suffixes(self, tmp_path: Path, source: str, destination: str) -> None:
        """Only .csv and .xlsx, and the destination of the same kind as the source."""
        with pytest.raises(InvalidInputError):
            fill_tracker(tmp_path / source, tmp_path / destination, as_of=AS_OF)


class TestFillXlsx:
    def fill(
        self, tmp_path: Path, rows: Sequence[Sequence[object]] = ROWS
    ) -> tuple[FillSummary, openpyxl.Workbook]:
        source = write_xlsx(tmp_path / "tracker.xlsx", HEADINGS, rows)
        out = tmp_path / "out.xlsx"
        summary = fill_tracker(source, out, as_of=AS_OF)
        return summary, openpyxl.load_workbook(out)

    def test_summary_and_values(self, tmp_path: Path) -> None:
        """The same rows give the same counts and outputs as the CSV."""
        summary, book = self.fill(tmp_path)
        assert (summary.rows, summary.filled, summary.failed, summary.blank) == (
            6,
            3,
            2,
            1,
        )
        sheet = book["Cases"]
        header = [c.value for c in sheet[1]]
        assert header == [*HEADINGS, *OUTPUT_COLUMNS]
        good = {h: c.value for h, c in zip(header, sheet[2], strict=True)}
        assert as_day(good["Response due"]) == date(2025, 2, 3)
        assert good["Working days overdue"] == 80
        assert good["Status"] == "Overdue by 80 working days"
        assert good["Status code"] == "overdue"
        assert good["Error"] is None
        assert sheet.cell(row=2, column=len(HEADINGS) + 1).number_format == "dd/mm/yyyy"

    def test_bad_and_blank_rows_kept(self, tmp_path: Path) -> None:
        """Bad rows keep their cells and get an error; blank rows get nothing."""
        _, book = self.fill(tmp_path)
        sheet = book["Cases"]
        error = len(HEADINGS) + len(OUTPUT_COLUMNS)
        assert sheet.cell(row=4, column=1).value == "bad-day"
        assert sheet.cell(row=4, column=2).value == "31/02/2025"
        assert "'31/02/2025'" in str(sheet.cell(row=4, column=error).value)
        assert str(sheet.cell(row=5, column=error).value).startswith(
            "Clarification received"
        )
        assert all(
            sheet.cell(row=6, column=c).value is None for c in range(7, error + 1)
        )
        assert sheet.cell(row=6, column=6).value == "a note"

    def test_other_sheets_kept(self, tmp_path: Path) -> None:
        """Sheets after the first are saved as they were."""
        _, book = self.fill(tmp_path)
        assert book.sheetnames == ["Cases", "Lookups"]
        assert book["Lookups"]["A1"].value == "kept"

    def test_cells_of_every_kind(self, tmp_path: Path) -> None:
        """Date cells, datetimes, serial numbers and text are all read as dates."""
        rows: list[list[object]] = [
            ["date", date(2025, 1, 6), None, None, None],
            ["datetime", datetime(2025, 1, 6, 15, 30), None, None, None],  # noqa: DTZ001 - cells are naive
            ["serial", 45663, None, None, None],
            ["text", "06/01/2025", None, None, None],
        ]
        summary, book = self.fill(tmp_path, rows)
        assert summary.filled == 4
        due = [row[0].value for row in book["Cases"].iter_rows(min_row=2, min_col=7)]
        assert [as_day(v) for v in due] == [date(2025, 2, 3)] * 4

    def test_refill_adds_columns(self, tmp_path: Path) -> None:
        """Refilling a filled workbook keeps the first fill's cells, adding new ones."""
        source = write_xlsx(tmp_path / "t.xlsx", HEADINGS, ROWS)
        first = tmp_path / "first.xlsx"
        fill_tracker(source, first, as_of=AS_OF)
        book = openpyxl.load_workbook(first)
        book["Cases"]["B2"] = None  # the good row becomes blank
        book["Cases"]["B4"] = "2025-01-06"  # the bad row is corrected
        book.save(first)
        fill_tracker(first, tmp_path / "second.xlsx", as_of=AS_OF)
        sheet = openpyxl.load_workbook(tmp_path / "second.xlsx")["Cases"]
        width = len(HEADINGS) + len(OUTPUT_COLUMNS)
        assert sheet.cell(row=1, column=width + 1).value == "Response due (calculated)"
        assert as_day(sheet.cell(row=2, column=7).value) == date(2025, 2, 3)  # kept
        assert [c.value for c in sheet[2][width:]] == [None] * len(OUTPUT_COLUMNS)
        assert as_day(sheet.cell(row=4, column=width + 1).value) == date(2025, 2, 3)
        assert sheet.cell(row=4, column=width + len(OUTPUT_COLUMNS)).value is None

    def test_1904_workbook(self, tmp_path: Path) -> None:
        """A 1904-system workbook's serials and date cells read as the same days."""
        rows: list[list[object]] = [
            ["cell", date(2025, 1, 6), None, None, None],
            ["serial", 44201, None, None, None],  # 2025-01-06 in the 1904 system
        ]
        source = write_xlsx(
            tmp_path / "t.xlsx", HEADINGS, rows, epoch=CALENDAR_MAC_1904
        )
        summary = fill_tracker(source, tmp_path / "o.xlsx", as_of=AS_OF)
        assert summary.filled == 2
        book = openpyxl.load_workbook(tmp_path / "o.xlsx")
        assert book.epoch == CALENDAR_MAC_1904
        due = [row[0].value for row in book["Cases"].iter_rows(min_row=2, min_col=7)]
        assert [as_day(v) for v in due] == [date(2025, 2, 3)] * 2

    def test_provisional_counted_without_warning(self, tmp_path: Path) -> None:
        """A due date beyond the confirmed data is counted, and nothing warns."""
        rows: list[list[object]] = [["late", date(2028, 12, 20), None, None, None]]
        source = write_xlsx(tmp_path / "t.xlsx", HEADINGS, rows)
        summary = fill_tracker(source, tmp_path / "o.xlsx", as_of=date(2029, 1, 2))
        assert (summary.filled, summary.provisional) == (1, 1)

    def test_empty_workbook(self, tmp_path: Path) -> None:
        """A first sheet with nothing on it is refused."""
        source = tmp_path / "t.xlsx"
        openpyxl.Workbook().save(source)
        with pytest.raises(TrackerFileError, match="empty"):
            fill_tracker(source, tmp_path / "o.xlsx", as_of=AS_OF)

    def test_without_openpyxl(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An .xlsx tracker is read and filled with the standard library alone."""
        source = write_xlsx(tmp_path / "t.xlsx", HEADINGS, ROWS)
        monkeypatch.setitem(sys.modules, "openpyxl", None)
        summary = fill_tracker(source, tmp_path / "o.xlsx", as_of=AS_OF)
        assert (summary.filled, summary.failed) == (3, 2)
