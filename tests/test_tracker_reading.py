"""Reading trackers as officers keep them: headings, regimes, dates and CSV files."""

from __future__ import annotations

import codecs
import csv
import os
import signal
from datetime import date, timedelta
from pathlib import Path
from typing import TextIO

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from foi_deadlines import InvalidInputError, TrackerFileError, response_due
from foi_deadlines._coerce import parse_date_text
from foi_deadlines.batch import OUTPUT_COLUMNS, fill_tracker, read_tracker
from foi_deadlines.rules import Regime
from foi_deadlines.tracker import (
    HEADING_SEARCH_ROWS,
    HEADINGS,
    REGIME_WORDS,
    TrackerRow,
    find_columns,
    normalise_heading,
)

AS_OF = date(2025, 6, 2)


# -- headings -------------------------------------------------------------------------


class TestFindColumns:
    def test_title_and_blank_rows_above(self) -> None:
        """The heading row is the first with a received-date heading."""
        rows: list[list[object]] = [
            ["FOI requests 2024/25", None, None],
            [],
            [None, None, None],
            ["Ref", "Date received", "Response sent"],
            ["A", "2025-01-06", None],
        ]
        found = find_columns(rows)
        assert found.header_row == 4
        assert dict(found.columns) == {"reference": 0, "received": 1, "responded": 2}

    @pytest.mark.parametrize(
        ("field", "wording"),
        [(field, wording) for field, words in HEADINGS.items() for wording in words],
    )
    def test_every_listed_wording(self, field: str, wording: str) -> None:
        """Each documented wording finds its field, in any case and punctuation."""
        received = "Arrived" if field == "received" else "Date received"
        columns = {"received": received} if field != "received" else None
        shouted = f" {wording.upper()}: "
        found = find_columns([[received, shouted]], columns=columns)
        assert found.columns[field] == 1

    def test_wordings_are_unique(self) -> None:
        """No wording is listed for two fields, once normalised."""
        keys = [normalise_heading(w) for words in HEADINGS.values() for w in words]
        assert len(keys) == len(set(keys))

    def test_explicit_column_wins(self) -> None:
        """A heading named for a field wins over the usual wordings."""
        found = find_columns(
            [["Date received", "Logged"]], columns={"received": "logged"}
        )
        assert found.columns["received"] == 1
        assert "Date received" in found.unused

    def test_first_listed_wording_wins(self) -> None:
        """Two headings for one field: the one listed first is used, with a note."""
        found = find_columns([["Received", "Date received"]])
        assert found.columns["received"] == 1
        assert found.unused == ("Received",)
        assert any("'Received' is also a heading" in w for w in found.warnings)

    def test_near_miss_warns(self) -> None:
        """A heading that looks like a field but is not known is reported, not used."""
        found = find_columns(
            [["Date received", "Date of clarification", "Fee (£)", "Notes"]]
        )
        assert found.unused == ("Date of clarification", "Fee (£)", "Notes")
        text = " ".join(found.warnings)
        assert "'Date of clarification' looks like clarification_sought or" in text
        assert "--column clarification_sought='Date of clarification'" in text
        assert "'Fee (£)' looks like fee_notice or fee_paid" in text
        assert "Notes" not in text

    def test_no_warning_for_fields_found(self) -> None:
        """A second fee column is not a near miss once both fee fields are found."""
        found = find_columns(
            [["Date received", "Fee notice", "Fee paid", "Fee amount"]]
        )
        assert found.warnings == ()

    def test_header_row_named(self) -> None:
        """header_row names the row outright, even below the search limit."""
        rows: list[list[object]] = [["x"]] * (HEADING_SEARCH_ROWS + 5)
        rows = [*rows, ["Date received"]]
        with pytest.raises(InvalidInputError, match="first 30 rows"):
            find_columns(rows)
        assert find_columns(rows, header_row=len(rows)).header_row == len(rows)

    @pytest.mark.parametrize("header_row", [0, -1, 3, True, 1.0])
    def test_bad_header_row(self, header_row: object) -> None:
        with pytest.raises(InvalidInputError, match="header_row"):
            find_columns([["Date received"], ["x"]], header_row=header_row)  # type: ignore[arg-type]

    def test_header_row_without_received(self) -> None:
        with pytest.raises(InvalidInputError, match="row 1 of"):
            find_columns([["Ref"], ["Date received"]], header_row=1)

    def test_no_received_heading_shows_the_likeliest_row(self) -> None:
        """The message shows the fullest row, the likeliest headings."""
        rows: list[list[object]] = [["Title"], [], ["Ref", "Arrived", "Notes"]]
        with pytest.raises(InvalidInputError) as caught:
            find_columns(rows, source="log.csv")
        message = str(caught.value)
        assert "log.csv" in message
        assert "row 3" in message
        assert "['Ref', 'Arrived', 'Notes']" in message
        assert "--column received=" in message

    def test_heading_twice(self) -> None:
        with pytest.raises(InvalidInputError, match="not 2 times"):
            find_columns([["Date received", "date received"]])

    @pytest.mark.parametrize(
        "columns",
        [
            {"recieved": "Date"},
            {"received": ""},
            {"received": "A", "responded": "a"},
            {"received": "Missing"},
        ],
    )
    def test_bad_columns(self, columns: dict[str, str]) -> None:
        with pytest.raises(InvalidInputError, match="columns"):
            find_columns([["Date received", "A"]], columns=columns)

    def test_report(self) -> None:
        found = find_columns([["Ref", "Date received", "Fee?", "Notes"]])
        assert found.report().splitlines() == [
            "Headings in row 1:",
            "  received             <- 'Date received'",
            "  reference            <- 'Ref'",
            "  not used: 'Fee?', 'Notes'",
            "  warning: 'Fee?' looks like fee_notice or fee_paid but is not a heading "
            "the fill knows; if it is, name it with --column fee_notice='Fee?'",
        ]


class TestRegimeWords:
    @pytest.mark.parametrize(
        ("word", "regime"),
        [
            (word, regime)
            for regime, words in REGIME_WORDS.items()
            for word in (regime.value, *words)
        ],
    )
    def test_each_word(self, word: str, regime: Regime) -> None:
        """What trackers write reads as the regime, in any case."""
        assert TrackerRow.read_cell("regime", word) is regime
        assert TrackerRow.read_cell("regime", f" {word.lower()} ") is regime

    def test_no_word_names_two_regimes(self) -> None:
        seen: dict[str, Regime] = {}
        for regime, words in REGIME_WORDS.items():
            for word in (regime.value, *words):
                assert seen.setdefault(normalise_heading(word), regime) is regime

    def test_unknown(self) -> None:
        with pytest.raises(InvalidInputError) as caught:
            TrackerRow.read_cell("regime", "Email")
        assert "FOI, EIR, FOISA, EISR, SAR" in str(caught.value)
        assert "'Email'" in str(caught.value)

    def test_blank_is_the_default(self) -> None:
        assert TrackerRow.read_cell("regime", "  ") is None
        row = TrackerRow.from_cells(
            {"received": "2025-01-06", "regime": ""}, regime="eir"
        )
        assert row is not None
        assert row.regime is Regime.EIR


# -- dates as officers type them ----------------------------------------------------

_MONTHS = (
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
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _forms(day: date) -> list[str]:
    month = _MONTHS[day.month - 1]
    weekday = _DAYS[day.weekday()]
    return [
        day.isoformat(),
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"{day.day}/{day.month}/{day.year}",
        f"{day.day}.{day.month}.{day.year}",
        f"{day.day:02d}-{day.month:02d}-{day.year}",
        f"{day.day} {month} {day.year}",
        f"{day.day} {month[:3]} {day.year}",
        f"{day.day}-{month[:3]}-{day.year}",
        f"{day.day:02d} {month.lower()} {day.year}",
        f"{weekday} {day.day} {month} {day.year}",
        f"{weekday[:3]}, {day.day} {month[:3]} {day.year}",
        f"{day.day}{'th' if 4 <= day.day <= 20 else 'st'} {month} {day.year}",
    ]


class TestDateText:
    @given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
    def test_every_form_reads_back(self, day: date) -> None:
        """Every accepted form of a day reads as that day."""
        for text in _forms(day)[:-1]:
            assert parse_date_text(text) == day, text

    def test_ordinals(self) -> None:
        assert parse_date_text("1st May 2024") == date(2024, 5, 1)
        assert parse_date_text("22nd May 2024") == date(2024, 5, 22)
        assert parse_date_text("3rd Sept 2024") == date(2024, 9, 3)

    @pytest.mark.parametrize(
        ("text", "says"),
        [
            ("12/19/2024", "month-first US dates are not read"),
            ("19/12/24", "four-digit year"),
            ("19.12.24", "four-digit year"),
            ("Fri 19 Dec 2024", "19 December 2024 is a Thursday"),
            ("9 Mayo 2024", "19 Dec 2024"),
            ("9 May-2024", "19 Dec 2024"),
            ("19/12-2024", "19 Dec 2024"),
            ("31 Feb 2024", "naming a day that exists"),
            ("next Tuesday", "four-digit year"),
        ],
    )
    def test_refused(self, text: str, says: str) -> None:
        """Ambiguous, US and short forms are refused, saying what is accepted."""
        with pytest.raises(InvalidInputError) as caught:
            parse_date_text(text, "received")
        assert says in str(caught.value)
        assert repr(text) in str(caught.value)


# -- CSV files -------------------------------------------------------------------------


def _fill(
    source: Path, delimiter: str = ",", **options: object
) -> tuple[list[list[str]], Path]:
    target = source.with_name("out" + source.suffix)
    fill_tracker(source, target, as_of=AS_OF, **options)  # type: ignore[arg-type]
    encoding = str(options.get("encoding") or "utf-8-sig")
    with target.open(newline="", encoding=encoding) as stream:
        return list(csv.reader(stream, delimiter=delimiter)), target


def _due(received: date) -> str:
    return response_due(received).due.isoformat()


class TestCsvFiles:
    @pytest.mark.parametrize("delimiter", [";", "\t", ","])
    def test_delimiter_kept(self, tmp_path: Path, delimiter: str) -> None:
        """Semicolons and tabs are detected, and the output uses the same."""
        source = tmp_path / "t.csv"
        with source.open("w", newline="", encoding="utf-8") as stream:
            writer = csv.writer(stream, delimiter=delimiter)
            writer.writerow(["Ref", "Date received", "Notes"])
            writer.writerow(["A", "19/12/2024", "x, y; z"])
        rows, target = _fill(source, delimiter)
        assert rows[1][:4] == ["A", "19/12/2024", "x, y; z", _due(date(2024, 12, 19))]
        assert (
            target.read_text(encoding="utf-8")
            .splitlines()[0]
            .startswith("Ref" + delimiter + "Date received")
        )

    def test_utf16_with_bom(self, tmp_path: Path) -> None:
        """UTF-16 with a byte-order mark is read, and written back as UTF-16."""
        source = tmp_path / "t.csv"
        source.write_bytes(
            codecs.BOM_UTF16_LE
            + "Ref\tDate received\r\nCafé\t19/12/2024\r\n".encode("utf-16-le")
        )
        target = tmp_path / "o.csv"
        fill_tracker(source, target, as_of=AS_OF)
        text = target.read_bytes().decode("utf-16")
        assert text.splitlines()[1].startswith("Café\t19/12/2024\t2025-01-22")

    def test_not_utf8_is_refused_with_a_hint(self, tmp_path: Path) -> None:
        source = tmp_path / "t.csv"
        source.write_bytes("Ref,Date received\nCafé,19/12/2024\n".encode("cp1252"))
        with pytest.raises(TrackerFileError) as caught:
            fill_tracker(source, tmp_path / "o.csv", as_of=AS_OF)
        assert "not UTF-8 text (byte 0xE9" in str(caught.value)
        assert "--encoding cp1252" in str(caught.value)
        assert not (tmp_path / "o.csv").exists()

    @pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
    def test_named_encoding(self, tmp_path: Path, encoding: str) -> None:
        """A named encoding reads the file, and the output keeps it."""
        source = tmp_path / "t.csv"
        source.write_bytes("Ref,Date received\nCafé £,19/12/2024\n".encode(encoding))
        rows, _ = _fill(source, encoding=encoding)
        assert rows[1][:3] == ["Café £", "19/12/2024", "2025-01-22"]

    def test_unknown_encoding(self, tmp_path: Path) -> None:
        source = tmp_path / "t.csv"
        source.write_text("Date received\n19/12/2024\n", encoding="utf-8")
        with pytest.raises(InvalidInputError, match="encoding"):
            fill_tracker(source, tmp_path / "o.csv", as_of=AS_OF, encoding="klingon")

    def test_serial_numbers_in_a_numeric_column(self, tmp_path: Path) -> None:
        """A date column of whole numbers holds Excel serial numbers."""
        source = tmp_path / "t.csv"
        source.write_text(
            "Ref,Date received,Date responded\nA,45645,45680\nB,45646,\n",
            encoding="utf-8",
        )
        rows, _ = _fill(source)
        assert rows[1][3] == "2025-01-22"  # 45645 is 19 December 2024
        assert rows[1][6] == "Responded late"
        assert rows[2][3] == _due(date(2024, 12, 20))

    def test_number_in_a_text_column_is_refused(self, tmp_path: Path) -> None:
        """In a column of text dates, a bare number is a mistake, not a serial."""
        source = tmp_path / "t.csv"
        source.write_text(
            "Ref,Date received\nA,19/12/2024\nB,45646\n", encoding="utf-8"
        )
        rows, _ = _fill(source)
        assert rows[1][2] == "2025-01-22"
        assert rows[2][2] == ""
        assert rows[2][-1].startswith("Date received must be a date")
        assert "'45646'" in rows[2][-1]

    def test_line_breaks_inside_cells(self, tmp_path: Path) -> None:
        """Unusual line breaks inside a cell never split a row."""
        source = tmp_path / "t.csv"
        notes = ["a\u2028b", "c\x85d", "e\x0cf", "g\x0bh", "i\r\nj", "k\u2029l"]
        with source.open("w", newline="", encoding="utf-8") as stream:
            writer = csv.writer(stream)
            writer.writerow(["Date received", "Notes"])
            writer.writerows(["19/12/2024", note] for note in notes)
        rows, _ = _fill(source)
        assert [row[1] for row in rows[1:]] == notes
        assert all(row[2] == "2025-01-22" for row in rows[1:])

    def test_field_too_long(self, tmp_path: Path) -> None:
        source = tmp_path / "t.csv"
        source.write_text(
            'Date received,Notes\n19/12/2024,"' + "x" * 200_000 + "\n",
            encoding="utf-8",
        )
        with pytest.raises(TrackerFileError, match="quote mark that is never closed"):
            fill_tracker(source, tmp_path / "o.csv", as_of=AS_OF)

    def test_limits(self, tmp_path: Path) -> None:
        """A file over the size or row limit is refused, saying how to raise it."""
        source = tmp_path / "t.csv"
        source.write_text("Date received\n" + "19/12/2024\n" * 50, encoding="utf-8")
        with pytest.raises(TrackerFileError, match="--max-rows"):
            fill_tracker(source, tmp_path / "o.csv", as_of=AS_OF, max_rows=10)
        with pytest.raises(TrackerFileError, match="--max-size"):
            fill_tracker(source, tmp_path / "o.csv", as_of=AS_OF, max_bytes=100)
        summary = fill_tracker(source, tmp_path / "o.csv", as_of=AS_OF, max_rows=50)
        assert summary.filled == 50

    @pytest.mark.parametrize("limit", [0, -1, 1.5, True])
    def test_bad_limit(self, tmp_path: Path, limit: object) -> None:
        source = tmp_path / "t.csv"
        source.write_text("Date received\n19/12/2024\n", encoding="utf-8")
        with pytest.raises(InvalidInputError, match="max_rows"):
            fill_tracker(source, tmp_path / "o.csv", as_of=AS_OF, max_rows=limit)  # type: ignore[arg-type]


class TestNothingLost:
    def source(self, tmp_path: Path) -> Path:
        source = tmp_path / "t.csv"
        source.write_text("Date received\n19/12/2024\n", encoding="utf-8")
        return source

    def test_existing_output_is_refused(self, tmp_path: Path) -> None:
        """An existing output is left byte for byte, unless overwrite is asked for."""
        target = tmp_path / "o.csv"
        target.write_bytes(b"precious")
        with pytest.raises(TrackerFileError, match="already exists"):
            fill_tracker(self.source(tmp_path), target, as_of=AS_OF)
        assert target.read_bytes() == b"precious"
        fill_tracker(self.source(tmp_path), target, as_of=AS_OF, overwrite=True)
        assert target.read_text(encoding="utf-8").startswith("Date received,Response")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["o.csv", "t.csv"]

    @pytest.mark.parametrize("interruption", [KeyboardInterrupt, OSError])
    def test_interrupted_fill_leaves_nothing(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        interruption: type[BaseException],
    ) -> None:
        """Ctrl-C or a failure half way leaves no output and no temporary file."""
        source = tmp_path / "t.csv"
        source.write_text("Date received\n" + "19/12/2024\n" * 2000, encoding="utf-8")
        calls = [0]
        real = csv.writer

        class Failing:
            def __init__(self, stream: TextIO, dialect: type[csv.Dialect]) -> None:
                self.writer = real(stream, dialect)

            def writerow(self, row: list[object]) -> object:
                calls[0] += 1
                if calls[0] == 1000:
                    raise interruption
                return self.writer.writerow(row)

            def writerows(self, rows: list[list[object]]) -> None:
                for row in rows:
                    self.writerow(row)

        monkeypatch.setattr(csv, "writer", Failing)
        with pytest.raises(interruption):
            fill_tracker(source, tmp_path / "o.csv", as_of=AS_OF)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["t.csv"]

    def test_new_file_mode(self, tmp_path: Path) -> None:
        """The output gets the permissions of any new file, not a private mode."""
        target = tmp_path / "o.csv"
        fill_tracker(self.source(tmp_path), target, as_of=AS_OF)
        mask = os.umask(0)
        os.umask(mask)
        assert target.stat().st_mode & 0o777 == 0o666 & ~mask

    def test_output_headings_never_clash(self, tmp_path: Path) -> None:
        """A tracker's own Status and Error columns are kept; ours are renamed."""
        source = tmp_path / "t.csv"
        source.write_text(
            "Date received,Status,Error,Status (calculated)\n19/12/2024,Open,,x\n",
            encoding="utf-8",
        )
        rows, _ = _fill(source)
        added = rows[0][4:]
        assert added == [
            "Response due",
            "Working days left",
            "Working days overdue",
            "Status (calculated 2)",
            "Status code",
            "Error (calculated)",
        ]
        assert rows[1][:4] == ["19/12/2024", "Open", "", "x"]
        assert len(added) == len(OUTPUT_COLUMNS)


def test_sigint_handler_is_default() -> None:
    """Ctrl-C reaches the fill as KeyboardInterrupt (the CLI turns it into 130)."""
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_dates_around_the_year(tmp_path: Path) -> None:
    """Mixed forms in one column fill alike."""
    day = date(2024, 12, 19)
    source = tmp_path / "t.csv"
    forms = _forms(day)
    source.write_text(
        "Date received\n" + "".join(f'"{form}"\n' for form in forms), encoding="utf-8"
    )
    rows, _ = _fill(source)
    assert {row[1] for row in rows[1:]} == {_due(day)}
    assert day + timedelta(days=34) == date.fromisoformat(_due(day))


class TestReadTracker:
    def test_reads_as_the_fill_does(self, tmp_path: Path) -> None:
        """Each record has the status and error the fill writes for its row."""
        from tests.trackers import council_tracker  # noqa: PLC0415

        source = tmp_path / "log.xlsx"
        council_tracker(source)
        as_of = date(2025, 1, 6)
        table = read_tracker(source, as_of=as_of)
        fill_tracker(source, tmp_path / "out.xlsx", as_of=as_of)
        sheet = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True).active
        assert sheet is not None
        header = [c.value for c in sheet[table.columns.header_row]]
        code, error = header.index("Status code"), header.index("Error")
        for record in table.records:
            cells = [c.value for c in sheet[record.row]]
            if record.case is not None:
                assert record.error is None
                assert cells[code] == record.case.status(as_of).code.value
            else:
                assert cells[code] is None
                assert cells[error] == record.error
        assert len(table.cases()) == 53
        assert all(c.reference for c in table.cases())

    def test_csv_records(self, tmp_path: Path) -> None:
        source = tmp_path / "t.csv"
        source.write_text(
            "Title\nRef,Date received,Date responded\nA,19/12/2024,22/01/2025\n"
            ",,\nC,2025-01-06,nope\n",
            encoding="utf-8",
        )
        table = read_tracker(source, as_of=AS_OF)
        assert [(r.row, r.reference) for r in table.records] == [
            (3, "A"),
            (4, ""),
            (5, "C"),
        ]
        first = table.records[0].case
        assert first is not None
        assert first.reference == "A"
        assert first.status(AS_OF).code == "responded_in_time"
        assert table.records[1].case is None
        assert table.records[1].error is None
        assert str(table.records[2].error).startswith("Date responded must be")
        assert len(table.cases()) == 1
