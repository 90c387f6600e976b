"""LibreOffice Calc as an independent check of the due dates and the holiday export.

A workbook made with openpyxl holds a start date in each row and
``=WORKDAY(A2,20,FOI_Holidays)`` beside it, where ``FOI_Holidays`` is the range
that :func:`~foi_deadlines.batch.export_holidays` writes. Headless LibreOffice
recalculates it (``soffice --convert-to xlsx`` with a private profile that forces
recalculation on load), and openpyxl reads the results back. CI installs
``libreoffice-calc-nogui``; elsewhere the test is skipped when it is absent.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from foi_deadlines import get_calendar, response_due
from foi_deadlines._coerce import to_date
from foi_deadlines.batch import HOLIDAYS_NAME, HOLIDAYS_SHEET, export_holidays

SOFFICE = shutil.which("soffice")
FIRST = date(2024, 1, 1)
LAST = date(2025, 12, 31)

# Recalculate every formula when a file is loaded, even one with cached results
# (LibreOffice's default keeps the cached values of files saved by Excel).
RECALC_ON_LOAD = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop>
</item>
</oor:items>
"""

pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed"
)


def recalculate(workbook: Path, work: Path) -> Path:
    """The workbook as LibreOffice saves it after recalculating every formula."""
    assert SOFFICE is not None
    profile = work / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(
        RECALC_ON_LOAD, encoding="utf-8"
    )
    out = work / "out"
    result = subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            "--nolockcheck",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(workbook),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    converted = out / workbook.name
    assert result.returncode == 0, result.stderr
    assert converted.is_file(), f"no output: {result.stdout} {result.stderr}"
    return converted


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    """The check workbook, recalculated by LibreOffice, with its results.

    Sheet ``Check`` has every start date in A and ``WORKDAY(A, 20, FOI_Holidays)``
    in B; C2 uses the same range with its header cell, which must fail.
    """
    work = tmp_path_factory.mktemp("libreoffice")
    holidays = work / "in" / "check.xlsx"
    holidays.parent.mkdir()
    # The due dates of late 2025 fall in 2026: export a year beyond the starts.
    export_holidays(holidays, FIRST.year, LAST.year + 1)
    book = openpyxl.load_workbook(holidays)
    sheet = book.create_sheet("Check")
    sheet.append(["Received", "WORKDAY"])
    starts = [FIRST + timedelta(days=n) for n in range((LAST - FIRST).days + 1)]
    for row, start in enumerate(starts, start=2):
        sheet.cell(row=row, column=1, value=start).number_format = "dd/mm/yyyy"
        formula = f"=WORKDAY(A{row},20,{HOLIDAYS_NAME})"
        sheet.cell(row=row, column=2, value=formula).number_format = "dd/mm/yyyy"
    last_row = book[HOLIDAYS_SHEET].max_row
    sheet["C2"] = f"=WORKDAY(A2,20,'{HOLIDAYS_SHEET}'!$A$1:$A${last_row})"
    book.save(holidays)
    return openpyxl.load_workbook(recalculate(holidays, work), data_only=True)


@pytest.fixture(scope="module")
def workday_results(recalculated: openpyxl.Workbook) -> dict[date, date]:
    """LibreOffice's WORKDAY(start, 20, FOI_Holidays) for every start date."""
    results: dict[date, date] = {}
    for received, workday in recalculated["Check"].iter_rows(
        min_row=2, max_col=2, values_only=True
    ):
        start = to_date(received, "Received")
        end = to_date(workday, "WORKDAY")
        assert start is not None
        assert end is not None, f"no WORKDAY result for {start}: {workday!r}"
        results[start] = end
    assert len(results) == 731
    return results


class TestWorkday:
    def test_working_day_starts_agree(self, workday_results: dict[date, date]) -> None:
        """For every working-day receipt, WORKDAY gives the library's FOIA due date."""
        calendar = get_calendar("uk")
        compared = {
            start: end
            for start, end in workday_results.items()
            if calendar.is_working_day(start)
        }
        mismatches = {
            start: (end, response_due(start).due)
            for start, end in compared.items()
            if end != response_due(start).due
        }
        assert not mismatches
        # 731 days of 2024-25, of which 497 are working days on calendar "uk".
        assert len(compared) == 497

    def test_non_working_starts_agree_too(
        self, workday_results: dict[date, date]
    ) -> None:
        """Starting on a weekend or holiday, WORKDAY also agrees with the library.

        WORKDAY never counts its start date, and the library takes the day of
        receipt as day 0 whatever day it is, so both count 20 working days after it.
        """
        calendar = get_calendar("uk")
        compared = {
            start: end
            for start, end in workday_results.items()
            if not calendar.is_working_day(start)
        }
        mismatches = {
            start: (end, response_due(start).due)
            for start, end in compared.items()
            if end != response_due(start).due
        }
        assert not mismatches
        assert len(compared) == 731 - 497

    @pytest.mark.parametrize(
        ("received", "due"),
        [
            (date(2025, 1, 4), date(2025, 1, 31)),  # a Saturday
            (date(2025, 1, 1), date(2025, 1, 30)),  # New Year's Day; 2 Jan skipped
            (date(2025, 1, 2), date(2025, 1, 30)),  # 2nd January (Scotland)
            (date(2024, 12, 25), date(2025, 1, 27)),  # Christmas Day
        ],
    )
    def test_named_starts(
        self, workday_results: dict[date, date], received: date, due: date
    ) -> None:
        """Non-working receipt days, including Scotland's 2 January, as in the docs."""
        assert workday_results[received] == response_due(received).due == due


class TestHolidayRange:
    def test_defined_name_survives(self, recalculated: openpyxl.Workbook) -> None:
        """LibreOffice keeps FOI_Holidays as a workbook-level name."""
        assert HOLIDAYS_NAME in recalculated.defined_names

    def test_header_inside_the_range_fails(
        self, recalculated: openpyxl.Workbook
    ) -> None:
        """A range that takes in the "Date" heading makes WORKDAY an error."""
        value = recalculated["Check"]["C2"].value
        assert isinstance(value, str)
        assert value.startswith(("#", "Err:"))
