"""Tests for the xlwings Excel functions, as plain Python and through xlwings' server.

The server tests run xlwings' own argument and result conversion (the code xlwings
Lite and xlwings Server use) on Office.js-shaped payloads, in a subprocess because
xlwings chooses its decorators when it is imported.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

xlwings = pytest.importorskip("xlwings")

from foi_deadlines import spreadsheet, xlwings_udfs  # noqa: E402
from foi_deadlines.xlwings_udfs import (  # noqa: E402
    foi_add_working_days,
    foi_bank_holidays,
    foi_is_working_day,
    foi_response_due,
    foi_response_due_range,
    foi_review_due,
    foi_review_request_due,
    foi_status,
    foi_working_days,
)

ROOT = Path(__file__).parents[1]
PLAIN_MODE = os.environ.get(
    "XLWINGS_ON_SERVER"
) != "true" and not sys.platform.startswith("win")
#: 19 December 2024 and its FOIA due date, 22 January 2025, as Excel serials.
RECEIVED, DUE = 45645, 45679
#: The same days as serials of Excel's 1904 date system, 1,462 lower.
RECEIVED_1904, DUE_1904 = 44183, 44217


class TestPlainPython:
    def test_functions_are_plain(self) -> None:
        """Outside Windows and server mode, the decorators leave the functions alone."""
        if not PLAIN_MODE:
            pytest.skip("xlwings is in classic or server mode here")
        for name in xlwings_udfs.__all__:
            assert not hasattr(getattr(xlwings_udfs, name), "__xlfunc__")

    @pytest.mark.parametrize(
        "received",
        [RECEIVED, float(RECEIVED), "2024-12-19", "19/12/2024", [[RECEIVED]]],
    )
    def test_response_due(self, received: object) -> None:
        """A serial, text, or a one-cell range gives the date itself."""
        assert foi_response_due(received) == date(2025, 1, 22)

    def test_each_function(self) -> None:
        """Each Excel function gives the spreadsheet function's answer."""
        assert foi_response_due(datetime(2024, 3, 28, 9, tzinfo=UTC), "FOISA") == date(
            2024, 4, 26
        )
        assert foi_review_request_due("19/12/2024") == date(2025, 2, 19)
        assert foi_review_due("14/04/2025", "foia", True) == date(2025, 6, 13)
        assert foi_status("19/12/2024", None, "20/01/2025") == "due_soon"
        assert foi_working_days(RECEIVED, DUE) == 20
        assert foi_add_working_days("28/12/2024", 20) == date(2025, 1, 28)
        assert foi_is_working_day("02/01/2025") is False
        assert foi_bank_holidays(2025, 2026) == spreadsheet.bank_holidays(2025, 2026)

    def test_blank_is_empty(self) -> None:
        """A blank required input gives None, an empty cell."""
        assert foi_response_due(None) is None
        assert foi_status("", None, None) is None
        assert foi_bank_holidays("") is None

    @pytest.mark.parametrize(
        ("call", "message"),
        [
            (lambda: foi_response_due(60), "received must be a real date"),
            (lambda: foi_response_due("31/02/2026"), "'31/02/2026'"),
            (lambda: foi_response_due([[60]]), "serial 60"),
            (lambda: foi_status(RECEIVED, None, None), r"pass TODAY\(\)"),
            (lambda: foi_working_days(RECEIVED, DUE, "wales"), "calendar must be"),
            (lambda: foi_bank_holidays(1999), "first_year must be a year"),
            (lambda: foi_review_due(RECEIVED, "eir", "yes"), "complex does not apply"),
        ],
    )
    def test_error_raises_xlwings_error(self, call: Any, message: str) -> None:
        """Bad input in a single cell raises XlwingsError with the readable message."""
        with pytest.raises(xlwings.XlwingsError, match=message) as caught:
            call()
        assert spreadsheet.is_error(str(caught.value))

    def test_column_keeps_errors_in_place(self) -> None:
        """In a spilled range, a bad cell shows its error text and the rest stay."""
        result = foi_response_due_range([[RECEIVED], [None], ["junk"], [46004]])
        assert result[0] == [date(2025, 1, 22)]
        assert result[1] == [None]
        assert spreadsheet.is_error(result[2][0])
        assert "received must be" in result[2][0]
        assert result[3] == [date(2026, 1, 15)]

    def test_1904_flag_in_plain_python(self) -> None:
        """Outside Excel a 1904 serial in gives the real date out."""
        if not PLAIN_MODE:
            pytest.skip("xlwings is in classic or server mode here")
        due = foi_response_due(RECEIVED_1904, date1904=True)
        assert due == date(2025, 1, 22)
        assert foi_bank_holidays(2025, None, "uk", True) == foi_bank_holidays(2025)

    def test_bank_holidays_refuses_a_bad_flag(self) -> None:
        """FOI_BANK_HOLIDAYS checks its date1904 flag like the other functions."""
        with pytest.raises(xlwings.XlwingsError, match="date1904 must be TRUE"):
            foi_bank_holidays(2025, None, "uk", "maybe")

    def test_long_value_error_is_short(self) -> None:
        """An error for a huge cell stays within 255 characters."""
        with pytest.raises(xlwings.XlwingsError) as caught:
            foi_response_due("x" * 1_000_000)
        assert len(str(caught.value)) <= spreadsheet.MAX_ERROR_LENGTH
        assert str(caught.value).endswith("(1,000,000 characters))")

    def test_row_is_not_unwrapped(self) -> None:
        """A one-row range of several cells stays a row."""
        assert foi_is_working_day([[45659, 45660]]) == [[False, True]]

    def test_missing_xlwings(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without xlwings, importing the module says which extra to install."""
        monkeypatch.setitem(sys.modules, "xlwings", None)
        path = Path(xlwings_udfs.__file__)
        spec = importlib.util.spec_from_file_location("_udfs_without_xlwings", path)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        with pytest.raises(
            ImportError, match=r"pip install 'foi-deadlines\[xlwings\]'"
        ):
            spec.loader.exec_module(module)

    def test_classic_server_needs_windows(self) -> None:
        """The classic COM server is Windows-only, so only the functions are tested."""
        if not PLAIN_MODE:
            pytest.skip("xlwings is in classic or server mode here")
        with pytest.raises(ImportError, match="pywin32"):
            xlwings.serve()


class TestDatesForTheWorkbook:
    """How dates are handed to xlwings Lite and Server for a 1904 workbook."""

    def test_shifted_for_office_js(self) -> None:
        """A date goes over 1,462 days early, so its 1900 serial is its 1904 one."""
        shifted = xlwings_udfs._for_workbook(date(2025, 1, 22), True, office_js=True)
        assert isinstance(shifted, date)
        assert spreadsheet.to_serial(shifted) == DUE_1904
        assert spreadsheet.to_serial(date(2025, 1, 22), date1904=True) == DUE_1904

    @pytest.mark.parametrize("flag", [False, None, "", "no", [[False]]])
    def test_1900_workbook_unchanged(self, flag: object) -> None:
        """Without the 1904 flag, dates are handed over as they are."""
        result = [[date(2025, 1, 22)], [None], ["#ERROR x: y"]]
        assert xlwings_udfs._for_workbook(result, flag, office_js=True) == result

    def test_classic_unchanged(self) -> None:
        """Classic xlwings hands Excel COM dates, which Excel converts itself."""
        result = [[date(2025, 1, 22)]]
        assert xlwings_udfs._for_workbook(result, True, office_js=False) == result

    def test_flags_cell_by_cell(self) -> None:
        """A range of flags of the result's shape is read cell by cell."""
        result = [[date(2025, 1, 22)], [date(2025, 1, 22)], [3]]
        flags = [[True], ["no"], [True]]
        assert xlwings_udfs._for_workbook(result, flags, office_js=True) == [
            [date(2021, 1, 21)],
            [date(2025, 1, 22)],
            [3],
        ]

    def test_junk_flag_leaves_result(self) -> None:
        """Where the flag is not a flag the result is already an error, left alone."""
        result = [[date(2025, 1, 22)]]
        assert xlwings_udfs._for_workbook(result, "maybe", office_js=True) == result
        assert xlwings_udfs._for_workbook(result, [1, 2], office_js=True) == result


# The child process: import the package, check that the core did not pull in xlwings,
# then load the functions as xlwings Lite does (a star import into ``main``) and call
# them as the Office.js add-in would.
CHILD = textwrap.dedent(
    """
    import asyncio, json, sys, types

    import foi_deadlines, foi_deadlines.spreadsheet
    core_imports_xlwings = "xlwings" in sys.modules

    import xlwings
    import xlwings.server

    main = types.ModuleType("main")
    exec("from foi_deadlines.xlwings_udfs import *", main.__dict__)

    def call(name, *args, runtime="1.4"):
        data = {
            "func_name": name,
            "args": list(args),
            "version": xlwings.__version__,
            "client": "Office.js",
            "runtime": runtime,
            "culture_info_name": "en-GB",
            "date_format": "dd/mm/yyyy",
        }
        try:
            return asyncio.run(xlwings.server.custom_functions_call(data, main))
        except Exception as exc:
            return {"raised": type(exc).__name__, "message": str(exc)}

    meta = xlwings.server.custom_functions_meta(main)
    results = {
        "core_imports_xlwings": core_imports_xlwings,
        "functions": {
            f["name"]: [[p["name"], p.get("optional", False)] for p in f["parameters"]]
            for f in meta["functions"]
        },
        "serial": call("foi_response_due", [[45645]]),
        "serial_float": call("foi_response_due", [[45645.0]], None),
        "uk_text": call("foi_response_due", [["19/12/2024"]]),
        "blank": call("foi_response_due", [[None]]),
        "empty_text": call("foi_response_due", [[""]]),
        "zero": call("foi_response_due", [[0]]),
        "bad": call("foi_response_due", [["31/02/2026"]]),
        "serial_60": call("foi_response_due", [[60]]),
        "regime": call("foi_response_due", [[45379]], [["FOISA"]]),
        "column": call("foi_response_due_range", [[45645], [None], [46004]]),
        "column_with_junk": call("foi_response_due", [[45645], ["junk"]]),
        "status": call("foi_status", [[45645]], None, [[45677]]),
        "working_days": call("foi_working_days", [["19/12/2024"]], [[45679]]),
        "is_working_day": call("foi_is_working_day", [[45659]]),
        "holidays": call("foi_bank_holidays", [[2025]], [[2026]]),
        "old_runtime": call("foi_response_due", [[45645]], runtime="1.2"),
        "serial_1904": call("foi_response_due", [[44183]], *[None] * 10, [[True]]),
        "text_1904": call("foi_response_due", [["19/12/2024"]], *[None] * 10, [[1]]),
        "column_1904": call(
            "foi_response_due_range", [[44183], [None], [44542]], None, [["TRUE"]]
        ),
        "review_request_1904": call(
            "foi_review_request_due", [[44183]], *[None] * 4, [[True]]
        ),
        "review_1904": call("foi_review_due", [[44183]], *[None] * 3, [[True]]),
        "add_1904": call("foi_add_working_days", [[44183]], [[20]], None, [[True]]),
        "working_days_1904": call(
            "foi_working_days", [[44183]], [[44217]], None, [[True]]
        ),
        "is_working_day_1904": call(
            "foi_is_working_day", [[44197]], None, [[True]]
        ),
        "holidays_1904": call("foi_bank_holidays", [[2025]], None, None, [[True]]),
        "holidays_bad_flag": call(
            "foi_bank_holidays", [[2025]], None, None, [["maybe"]]
        ),
        "old_runtime_1904": call(
            "foi_response_due", [[44183]], *[None] * 10, [[True]], runtime="1.2"
        ),
        "long_value": call("foi_response_due", [["x" * 100_000]]),
    }
    print(json.dumps(results))
    """
)


def date_cell(serial: float) -> dict[str, Any]:
    """A date as xlwings returns it to Office.js: a formatted number."""
    return {
        "type": "FormattedNumber",
        "basicValue": serial,
        "numberFormat": "dd/mm/yyyy",
    }


@pytest.fixture(scope="module")
def server() -> dict[str, Any]:
    """The results of the child process, in xlwings' server mode."""
    env = dict(
        os.environ,
        XLWINGS_ON_SERVER="true",
        XLWINGS_LICENSE_KEY="noncommercial",
        PYTHONPATH=os.pathsep.join(
            filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])
        ),
    )
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    results: dict[str, Any] = json.loads(done.stdout)
    return results


class TestServerMode:
    def test_core_does_not_import_xlwings(self, server: dict[str, Any]) -> None:
        """Importing the package and the spreadsheet layer leaves xlwings alone."""
        assert server["core_imports_xlwings"] is False

    def test_registered(self, server: dict[str, Any]) -> None:
        """Every function is registered under its FOI_ name, options optional."""
        functions = server["functions"]
        assert set(functions) == {name.upper() for name in xlwings_udfs.__all__}
        assert functions["FOI_RESPONSE_DUE"][:2] == [
            ["received", False],
            ["regime", True],
        ]
        assert functions["FOI_STATUS"][2] == ["as_of", True]
        assert functions["FOI_BANK_HOLIDAYS"] == [
            ["first_year", False],
            ["last_year", True],
            ["calendar", True],
            ["date1904", True],
        ]

    @pytest.mark.parametrize("case", ["serial", "serial_float", "uk_text"])
    def test_date_in_date_out(self, server: dict[str, Any], case: str) -> None:
        """A serial or UK text gives a date cell, formatted as a date."""
        assert server[case] == [[date_cell(DUE)]]

    @pytest.mark.parametrize("case", ["blank", "empty_text", "zero"])
    def test_blank(self, server: dict[str, Any], case: str) -> None:
        """A blank cell gives an empty cell."""
        assert server[case] == [[""]]

    @pytest.mark.parametrize(
        ("case", "message"),
        [
            (
                "bad",
                "#ERROR invalid-input: received must be a date, day first with a "
                "four-digit year (19/12/2024, 19.12.2024, 19 Dec 2024) or as "
                "2024-12-19, naming a day that exists (got '31/02/2026')",
            ),
            (
                "serial_60",
                "#ERROR invalid-input: received must be a real date: serial 60 is "
                "Excel's 29 February 1900, a day that never existed (got 60)",
            ),
        ],
    )
    def test_bad_value(self, server: dict[str, Any], case: str, message: str) -> None:
        """A bad value raises XlwingsError, shown as #VALUE! with the message."""
        assert server[case] == {"raised": "XlwingsError", "message": message}

    def test_option(self, server: dict[str, Any]) -> None:
        """A text option is read in any case."""
        assert server["regime"] == [[date_cell(45408)]]  # 28/03/2024 -> 26/04/2024

    def test_spilled_column(self, server: dict[str, Any]) -> None:
        """A column spills as a column, with an empty cell for a blank."""
        assert server["column"] == [[date_cell(DUE)], [""], [date_cell(46037)]]

    def test_spilled_column_keeps_errors_in_place(self, server: dict[str, Any]) -> None:
        """A bad cell in a column shows its error text; the rest are dates."""
        first, second = server["column_with_junk"]
        assert first == [date_cell(DUE)]
        assert second[0].startswith("#ERROR invalid-input: received must be")

    def test_other_results(self, server: dict[str, Any]) -> None:
        """Statuses are text, counts numbers, and answers TRUE or FALSE."""
        assert server["status"] == [["due_soon"]]
        assert server["working_days"] == [[20]]
        assert server["is_working_day"] == [[False]]

    def test_bank_holidays_spill(self, server: dict[str, Any]) -> None:
        """The holiday list spills as one column of date cells."""
        column = spreadsheet.bank_holidays(2025, 2026)
        assert isinstance(column, list)
        expected = [[date_cell(spreadsheet.to_serial(row[0]))] for row in column]
        assert server["holidays"] == expected

    def test_old_runtime_gets_serials(self, server: dict[str, Any]) -> None:
        """Below Office.js runtime 1.4 a date comes back as a bare serial."""
        assert server["old_runtime"] == [[DUE]]


class TestServerMode1904:
    """A 1904 workbook through xlwings' own Office.js conversion (Lite, Server)."""

    @pytest.mark.parametrize(
        ("case", "serial"),
        [
            ("serial_1904", DUE_1904),  # 19/12/2024 -> 22/01/2025
            ("text_1904", DUE_1904),
            ("review_request_1904", DUE_1904 + 28),  # 19/12/2024 -> 19/02/2025
            ("review_1904", DUE_1904),
            ("add_1904", DUE_1904),
        ],
    )
    def test_date_out_in_1904_system(
        self, server: dict[str, Any], case: str, serial: int
    ) -> None:
        """A date comes back as its 1904 serial, formatted as a date."""
        assert server[case] == [[date_cell(serial)]]

    def test_not_four_years_out(self, server: dict[str, Any]) -> None:
        """The serial Excel gets is 22 January 2025 in the 1904 system."""
        serial = server["serial_1904"][0][0]["basicValue"]
        assert spreadsheet.to_date(serial, date1904=True) == date(2025, 1, 22)

    def test_column(self, server: dict[str, Any]) -> None:
        """A spilled column is in the 1904 system too, blanks kept."""
        assert server["column_1904"] == [
            [date_cell(DUE_1904)],
            [""],
            [date_cell(46037 - 1462)],
        ]

    def test_counts_and_answers_unchanged(self, server: dict[str, Any]) -> None:
        """Counts and TRUE/FALSE answers are not dates and are not shifted."""
        assert server["working_days_1904"] == [[20]]
        assert server["is_working_day_1904"] == [[False]]  # 2 January 2025

    def test_bank_holidays(self, server: dict[str, Any]) -> None:
        """The holiday list spills as 1904 serials, for WORKDAY in that workbook."""
        column = spreadsheet.bank_holidays(2025)
        assert isinstance(column, list)
        expected = [
            [date_cell(spreadsheet.to_serial(row[0], date1904=True))] for row in column
        ]
        assert server["holidays_1904"] == expected

    def test_bank_holidays_bad_flag(self, server: dict[str, Any]) -> None:
        """A bad date1904 flag is an error, not a silent 1900 list."""
        assert server["holidays_bad_flag"]["raised"] == "XlwingsError"
        assert server["holidays_bad_flag"]["message"].startswith(
            "#ERROR invalid-input: date1904 must be TRUE or FALSE"
        )

    def test_old_runtime(self, server: dict[str, Any]) -> None:
        """Below Office.js runtime 1.4 the 1904 serial comes back bare."""
        assert server["old_runtime_1904"] == [[DUE_1904]]

    def test_long_value_error(self, server: dict[str, Any]) -> None:
        """A huge cell gives a #VALUE! error whose message is at most 255 long."""
        assert server["long_value"]["raised"] == "XlwingsError"
        message = server["long_value"]["message"]
        assert len(message) <= spreadsheet.MAX_ERROR_LENGTH
        assert message.endswith("… (100,000 characters))")
