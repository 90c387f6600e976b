"""Smoke test of the installed wheel in Pyodide: run by run.mjs before the suite.

Checks that the package comes from the wheel (not the checkout), that a deadline,
a spreadsheet function and an aware datetime read as its UK date give the known
answers, that Europe/London comes from zoneinfo (the tzdata wheel), and that
numpy is absent, as it is in the suite run that follows.
"""

from __future__ import annotations

import importlib.util
import sys
import zoneinfo
from datetime import UTC, date, datetime

import foi_deadlines
from foi_deadlines import _dates, spreadsheet


def check(ok: object, what: str) -> None:
    """Fail with ``what`` unless ``ok``."""
    if not ok:
        raise SystemExit(f"pyodide smoke test failed: {what}")


def main() -> None:
    """Run the checks; print one line when they all pass."""
    check(sys.platform == "emscripten", f"not in Pyodide: {sys.platform}")
    check(
        "site-packages" in str(foi_deadlines.__file__),
        f"foi_deadlines not imported from the wheel: {foi_deadlines.__file__}",
    )
    check(importlib.util.find_spec("numpy") is None, "numpy is installed")

    due = foi_deadlines.response_due(date(2024, 12, 19)).due
    check(due == date(2025, 1, 22), f"response_due(2024-12-19).due is {due}")
    calendar = foi_deadlines.get_calendar("uk")
    check(
        calendar.add_working_days(date(2024, 12, 19), 20) == date(2025, 1, 22),
        "get_calendar('uk').add_working_days(2024-12-19, 20)",
    )

    # A spreadsheet function, with the inputs a cell gives: text and a serial.
    for cell in ("19/12/2024", "2024-12-19", spreadsheet.to_serial(date(2024, 12, 19))):
        got = spreadsheet.response_due(cell)
        check(got == date(2025, 1, 22), f"spreadsheet.response_due({cell!r}) is {got}")
    bad = spreadsheet.response_due("31/02/2026")
    check(spreadsheet.is_error(bad), f"spreadsheet.response_due('31/02/2026') is {bad}")

    # An e-mail at 00:30 BST on Monday 2 June 2025 (23:30 UTC on Sunday) arrived
    # on the Monday: its deadline is Monday's, not Sunday's.
    zone = _dates.london()
    check(
        isinstance(zone, zoneinfo.ZoneInfo) and zone.key == "Europe/London",
        f"Europe/London resolved to {zone!r}, not zoneinfo (is tzdata installed?)",
    )
    aware = datetime(2025, 6, 1, 23, 30, tzinfo=UTC)
    check(_dates.to_uk_date(aware) == date(2025, 6, 2), "aware datetime's UK date")
    monday = foi_deadlines.response_due(date(2025, 6, 2)).due
    sunday = foi_deadlines.response_due(date(2025, 6, 1)).due
    got = foi_deadlines.response_due(aware).due
    check(
        got == monday != sunday,
        f"response_due(2025-06-01 23:30 UTC) is {got}; Monday's is {monday}",
    )

    print(
        f"pyodide smoke: ok (Python {sys.version.split()[0]}, "
        f"foi_deadlines {foi_deadlines.__version__}, due {due})"
    )


main()
