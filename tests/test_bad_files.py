"""The batch fill on files as they come: broken, oddly encoded, interrupted, real.

Every run is ``python -m foi_deadlines batch FILE -o OUT --as-of 2025-01-06`` in a
child process whose working directory is a fresh folder, as an officer runs it. A
file the fill cannot use is refused with exit status 1 and one line on stderr
(``foi-deadlines: error: ...``), never a traceback, and nothing is left in the
output folder: no output file and no temporary file.

The output's columns are found by their headings (see :func:`output_columns`), so
the tests do not depend on the exact wording of the fill's headings.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import signal
import subprocess
import sys
import time
import warnings
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Final

import openpyxl
import pytest

from foi_deadlines.responses import response_due
from tests.trackers import (
    AS_OF,
    COUNCIL_HEADINGS,
    ENCODED_NOTES,
    EXPECTATIONS,
    SAMPLE_RECEIVED,
    ExpectedRow,
    bad_files,
    council_tracker,
    phantom_rows_csv,
)

ROOT: Final = Path(__file__).resolve().parents[1]
PREFIX: Final = "foi-deadlines: error:"
ENV: Final = dict(
    os.environ,
    PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
)
REFUSED: Final = sorted(kind for kind, e in EXPECTATIONS.items() if not e.accepted)
WITH_OPTIONS: Final = sorted(
    kind for kind, e in EXPECTATIONS.items() if e.accepted_with
)
SMALL_CSV: Final = (
    f"Ref,Date received,Notes\r\nA1,{SAMPLE_RECEIVED:%d/%m/%Y},first request\r\n"
)


# -- running the command line ----------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One finished run of the command line."""

    returncode: int
    stdout: str
    stderr: str
    output: Path

    @property
    def folder(self) -> Path:
        """The working directory the run had, which holds its output."""
        return self.output.parent

    def leftovers(self) -> list[str]:
        """What the run left in its folder."""
        return sorted(path.name for path in self.folder.iterdir())

    def describe(self) -> str:
        return (
            f"exit {self.returncode}\n--- stderr ---\n{self.stderr}"
            f"--- stdout ---\n{self.stdout}"
        )


def command(source: Path, output: Path, *options: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "foi_deadlines",
        "batch",
        str(source),
        "-o",
        output.name,
        "--as-of",
        AS_OF.isoformat(),
        *options,
    ]


def output_path(source: Path, folder: Path) -> Path:
    return folder / f"out{source.suffix}"


def run_cli(source: Path, folder: Path, *options: str) -> Run:
    """Fill ``source`` into ``folder/out.<suffix>``, with ``folder`` as cwd."""
    folder.mkdir(parents=True, exist_ok=True)
    output = output_path(source, folder)
    done = subprocess.run(
        command(source, output, *options),
        cwd=folder,
        env=ENV,
        capture_output=True,
        timeout=120,
        check=False,
    )
    return Run(
        returncode=done.returncode,
        stdout=done.stdout.decode("utf-8", "replace"),
        stderr=done.stderr.decode("utf-8", "replace"),
        output=output,
    )


def assert_no_traceback(run: Run) -> None:
    assert "Traceback" not in run.stderr + run.stdout, run.describe()


def assert_refused(run: Run, *, kept: Sequence[str] = ()) -> None:
    """Exit 1, one line on stderr, and nothing new in the output folder."""
    assert_no_traceback(run)
    assert run.returncode == 1, run.describe()
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.describe()
    assert lines[0].startswith(PREFIX), run.describe()
    assert lines[0][len(PREFIX) :].strip(), run.describe()
    assert run.leftovers() == sorted(kept), run.describe()


def assert_succeeded(run: Run) -> None:
    assert_no_traceback(run)
    assert run.returncode == 0, run.describe()
    assert run.output.is_file(), run.describe()
    assert run.leftovers() == [run.output.name], run.describe()


# -- reading the output ----------------------------------------------------------------

Table = list[list[object]]


def decode(raw: bytes, encoding: str | None = None) -> str:
    """An output CSV's text: UTF-16 or UTF-8 by BOM, else UTF-8, else ``encoding``."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    if encoding is not None and b"\x00" in raw:
        return raw.decode(encoding)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        if encoding is None:
            raise
        return raw.decode(encoding)


def read_table(path: Path, encoding: str | None = None) -> Table:
    """Every row of an output file (the first sheet of an ``.xlsx``), as values."""
    if path.suffix.lower() == ".xlsx":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, data_only=True)
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    text = decode(path.read_bytes(), encoding)
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""))]


@dataclass(frozen=True)
class Columns:
    """Where the fill put its results: 0-based indexes into a table."""

    heading_row: int
    due: int
    error: int
    headings: tuple[str, ...]

    def named(self, heading: str) -> list[int]:
        """The columns whose heading is ``heading``, in any case."""
        wanted = heading.casefold()
        return [i for i, text in enumerate(self.headings) if text.casefold() == wanted]


def output_columns(table: Table) -> Columns:
    """Find the heading row and the fill's due date and error columns.

    The heading row is the first with a heading containing "response due"; the due
    column is the one headed exactly so if there is one, else the first containing
    it; the error column's heading contains "error" or "problem".
    """
    for index, row in enumerate(table[:20]):
        headings = tuple("" if v is None else str(v).strip() for v in row)
        lowered = [text.casefold() for text in headings]
        due = [i for i, text in enumerate(lowered) if "response due" in text]
        if not due:
            continue
        exact = [i for i in due if lowered[i] == "response due"]
        errors = [
            i for i, text in enumerate(lowered) if "error" in text or "problem" in text
        ]
        assert errors, f"no error column among the headings {headings}"
        return Columns(
            heading_row=index,
            due=(exact or due)[0],
            error=errors[0],
            headings=headings,
        )
    raise AssertionError(f"no 'Response due' heading in the output: {table[:5]}")


def cell(row: Sequence[object], index: int) -> object:
    return row[index] if index < len(row) else None


def blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def as_day(value: object) -> object:
    """A due date cell as a date where it holds one (a date, ISO or UK text)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return datetime.strptime(text, "%d/%m/%Y").date()  # noqa: DTZ007
        except ValueError:
            return text
    return value


def one_line(value: object) -> bool:
    return (
        isinstance(value, str)
        and bool(value.strip())
        and "\n" not in value
        and "\r" not in value
    )


def plain_due(received: date) -> date:
    return response_due(received).due


# -- the corpus of bad files -----------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return bad_files(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def corpus_runs(
    corpus: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, bool], Run]:
    """Each kind run without options, and with its options where it has some.

    Keyed by (kind, with options); the runs go on side by side.
    """
    root = tmp_path_factory.mktemp("runs")
    jobs = [(kind, False) for kind in EXPECTATIONS] + [
        (kind, True) for kind in WITH_OPTIONS
    ]
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {
            (kind, options): pool.submit(
                run_cli,
                corpus[kind],
                root / (f"{kind}-with-options" if options else kind),
                *(EXPECTATIONS[kind].accepted_with if options else ()),
            )
            for kind, options in jobs
        }
    return {job: future.result() for job, future in futures.items()}


@pytest.mark.parametrize("kind", REFUSED)
def test_bad_file_is_refused_in_one_line(
    corpus_runs: dict[tuple[str, bool], Run], kind: str
) -> None:
    """Exit 1, one line on stderr, no traceback, nothing left in the output folder."""
    assert_refused(corpus_runs[kind, False])


def assert_sample_filled(run: Run, kind: str, encoding: str | None) -> None:
    """The one data row is filled and its note comes out unchanged."""
    assert_succeeded(run)
    table = read_table(run.output, encoding)
    columns = output_columns(table)
    rows = [row for row in table[columns.heading_row + 1 :] if not all(map(blank, row))]
    assert len(rows) == 1, table
    (notes,) = columns.named("Notes")
    assert cell(rows[0], notes) == ENCODED_NOTES[kind]
    assert as_day(cell(rows[0], columns.due)) == plain_due(SAMPLE_RECEIVED)
    assert blank(cell(rows[0], columns.error))


@pytest.mark.parametrize("kind", WITH_OPTIONS)
def test_encoding_named_is_accepted(
    corpus_runs: dict[tuple[str, bool], Run], kind: str
) -> None:
    """A CSV in another encoding fills when the encoding is named."""
    options = EXPECTATIONS[kind].accepted_with
    assert_sample_filled(corpus_runs[kind, True], kind, options[-1])


def test_utf16_with_bom_is_accepted_without_options(
    corpus_runs: dict[tuple[str, bool], Run],
) -> None:
    """Excel's "Unicode text" (UTF-16 with a BOM) needs no option."""
    assert_sample_filled(corpus_runs["utf16-bom", False], "utf16-bom", None)


# -- phantom rows, existing outputs ----------------------------------------------------


def test_line_separators_inside_cells_make_no_phantom_rows(tmp_path: Path) -> None:
    """U+2028, U+0085, form feed, vertical tab and CRLF in cells end no row."""
    source = tmp_path / "in" / "phantoms.csv"
    source.parent.mkdir()
    written = phantom_rows_csv(source)
    run = run_cli(source, tmp_path / "out")
    assert_succeeded(run)
    table = read_table(run.output)
    columns = output_columns(table)
    rows = table[columns.heading_row + 1 :]
    while rows and all(map(blank, rows[-1])):
        rows.pop()
    assert len(rows) == written.rows, rows
    (notes,) = columns.named("Notes")
    assert tuple(cell(row, notes) for row in rows) == written.notes
    due = plain_due(written.received)
    assert [as_day(cell(row, columns.due)) for row in rows] == [due] * written.rows


@pytest.fixture
def small_source(tmp_path: Path) -> Path:
    source = tmp_path / "in" / "tracker.csv"
    source.parent.mkdir()
    source.write_text(SMALL_CSV, encoding="utf-8", newline="")
    return source


OFFICERS_FILE: Final = b"Ref,Date received\r\nkeep,me\r\n"


def test_existing_output_is_refused_and_kept(
    small_source: Path, tmp_path: Path
) -> None:
    """Without --force an existing output is not touched: byte for byte the same."""
    folder = tmp_path / "out"
    folder.mkdir()
    existing = output_path(small_source, folder)
    existing.write_bytes(OFFICERS_FILE)
    run = run_cli(small_source, folder)
    assert_refused(run, kept=[existing.name])
    assert existing.read_bytes() == OFFICERS_FILE


def test_existing_output_is_replaced_with_force(
    small_source: Path, tmp_path: Path
) -> None:
    """With --force the existing output is replaced by the filled tracker."""
    folder = tmp_path / "out"
    folder.mkdir()
    existing = output_path(small_source, folder)
    existing.write_bytes(OFFICERS_FILE)
    run = run_cli(small_source, folder, "--force")
    assert_succeeded(run)
    table = read_table(existing)
    columns = output_columns(table)
    assert as_day(cell(table[columns.heading_row + 1], columns.due)) == plain_due(
        SAMPLE_RECEIVED
    )


# -- Ctrl-C ----------------------------------------------------------------------------


def large_csv(path: Path, rows: int) -> None:
    """A tracker of ``rows`` requests, received 2023-2024, FOIA, EIR and SAR."""
    start = date(2023, 1, 2)
    days = [f"{start + timedelta(days=n):%d/%m/%Y}" for n in range(700)]
    regimes = ("FOIA", "EIR", "FOIA", "SAR", "FOIA")
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.write("Ref,Date received,Regime,Requester,Notes\r\n")
        stream.writelines(
            f"R{n:06d},{days[n % 700]},{regimes[n % 5]},Member of the public,"
            "asked about missed bin collections on the estate\r\n"
            for n in range(rows)
        )


def wait_until_working(process: subprocess.Popen[bytes], source: Path) -> None:
    """Return once the child has the tracker open or has read as much as it holds."""
    size = source.stat().st_size
    wanted = str(source.resolve())
    proc = Path("/proc", str(process.pid))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, "the fill ended before it could be interrupted"
        try:
            links = [str(fd.readlink()) for fd in (proc / "fd").iterdir()]
            read = (proc / "io").read_text().split("\n", 1)[0]
        except OSError:
            links, read = [], "rchar: 0"
        if wanted in links or int(read.split(":")[1]) >= size:
            return
        time.sleep(0.002)
    raise AssertionError("the fill did not start reading the tracker within 60 s")


@pytest.mark.skipif(
    not Path("/proc/self/io").exists(), reason="watches the child through /proc"
)
def test_ctrl_c_leaves_nothing_behind(tmp_path: Path) -> None:
    """SIGINT during a fill: exit 130, no traceback, no output, no temporary file."""
    source = tmp_path / "in" / "large.csv"
    source.parent.mkdir()
    large_csv(source, 300_000)
    folder = tmp_path / "out"
    folder.mkdir()
    output = output_path(source, folder)
    process = subprocess.Popen(
        command(source, output),
        cwd=folder,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        wait_until_working(process, source)
        time.sleep(0.3)
        assert process.poll() is None, "the fill ended before it could be interrupted"
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    run = Run(
        returncode=process.returncode,
        stdout=stdout.decode("utf-8", "replace"),
        stderr=stderr.decode("utf-8", "replace"),
        output=output,
    )
    assert_no_traceback(run)
    assert run.returncode == 130, run.describe()
    assert run.leftovers() == [], run.describe()


# -- a council's tracker, as kept ------------------------------------------------------


@dataclass(frozen=True)
class CouncilFill:
    source: Path
    original: bytes
    expected: list[ExpectedRow]
    run: Run


@pytest.fixture(scope="module")
def council(tmp_path_factory: pytest.TempPathFactory) -> CouncilFill:
    folder = tmp_path_factory.mktemp("council")
    source = folder / "in" / "FOI log 2024-25.xlsx"
    source.parent.mkdir()
    expected = council_tracker(source)
    original = source.read_bytes()
    return CouncilFill(source, original, expected, run_cli(source, folder / "out"))


def test_council_tracker_stores_formula_values(council: CouncilFill) -> None:
    """The test file itself: formulas keep their stored values but one."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        formulas = openpyxl.load_workbook(council.source).worksheets[0]
        values = openpyxl.load_workbook(council.source, data_only=True).worksheets[0]
    for expected in council.expected:
        written = formulas.cell(row=expected.row, column=2).value
        stored = values.cell(row=expected.row, column=2).value
        if isinstance(written, str) and written.startswith("="):
            if expected.outcome == "fill":
                assert expected.received is not None
                assert isinstance(stored, datetime)
                assert stored.date() == expected.received
            else:
                assert stored is None


def test_council_tracker_fills_without_options(council: CouncilFill) -> None:
    """A council's own tracker needs no option: only the day to report for."""
    assert_succeeded(council.run)


def test_council_tracker_rows(council: CouncilFill) -> None:
    """Each row: the library's due date, a one-line reason, or nothing if blank."""
    assert_succeeded(council.run)
    table = read_table(council.run.output)
    columns = output_columns(table)
    assert columns.heading_row == 2, columns.headings
    problems = []
    for expected in council.expected:
        row = table[expected.row - 1] if expected.row <= len(table) else []
        due, error = cell(row, columns.due), cell(row, columns.error)
        where = f"row {expected.row} ({expected.written})"
        if expected.outcome == "fill":
            assert expected.received is not None
            assert expected.regime is not None
            want = response_due(
                expected.received,
                regime=expected.regime,
                clarification_sought_on=expected.clarification_sought_on,
                clarified_on=expected.clarified_on,
                fee_notice_on=expected.fee_notice_on,
                fee_paid_on=expected.fee_paid_on,
                extended=expected.extended,
            ).due
            if as_day(due) != want or not blank(error):
                problems.append(f"{where}: due {due!r}, error {error!r}; want {want}")
        elif expected.outcome == "fail":
            reason = (expected.reason or "").casefold()
            if (
                not blank(due)
                or not one_line(error)
                or reason not in str(error).casefold()
            ):
                problems.append(
                    f"{where}: due {due!r}, error {error!r}; want a one-line "
                    f"reason naming {expected.reason!r}"
                )
        elif not blank(due) or not blank(error):
            problems.append(f"{where}: due {due!r}, error {error!r}; want both blank")
    assert not problems, "\n".join(problems)


def test_council_tracker_keeps_the_officers_columns(council: CouncilFill) -> None:
    """The input is untouched; the title, headings and officer's Status are kept."""
    assert council.source.read_bytes() == council.original
    assert_succeeded(council.run)
    table = read_table(council.run.output)
    columns = output_columns(table)
    assert cell(table[0], 0) == "Freedom of Information requests 2024/25"
    assert columns.headings[: len(COUNCIL_HEADINGS)] == COUNCIL_HEADINGS
    (status,) = columns.named("Status")
    assert status == COUNCIL_HEADINGS.index("Status")
    kept = {
        expected.row: cell(table[expected.row - 1], status)
        for expected in council.expected
    }
    assert kept == {
        expected.row: expected.officer_status for expected in council.expected
    }
