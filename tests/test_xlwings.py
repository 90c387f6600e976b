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
                "#ERROR invalid-input: received must be a date written as YYYY-MM-DD "
                "or DD/MM/YYYY, naming a day that exists (got '31/02/2026')",
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
