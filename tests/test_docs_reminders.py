"""The reminders page: its command output and its month view agree with the library."""

from __future__ import annotations

import importlib.util
import re
import shlex
import shutil
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from foi_deadlines.cli import main
from tests import ics

DOCS = Path(__file__).parents[1] / "docs"
PAGE = DOCS / "reminders.md"
SAMPLE = DOCS / "_static" / "reminders-tracker.csv"


def load_month_view() -> ModuleType:
    """The docs' month view module, from the extensions folder."""
    spec = importlib.util.spec_from_file_location(
        "month_view", DOCS / "_ext" / "month_view.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("month_view", module)
    spec.loader.exec_module(module)
    return module


month_view = load_month_view()


def shown_command(prefix: str) -> tuple[list[str], str]:
    """The page's ``$ foi-deadlines PREFIX ...`` line, and the lines after it."""
    for block in re.findall(r"```text\n(.*?)```", PAGE.read_text("utf-8"), re.S):
        if block.startswith(f"$ foi-deadlines {prefix} "):
            command, _, output = block.partition("\n")
            return shlex.split(command.removeprefix("$ foi-deadlines ")), output
    raise AssertionError(f"no '{prefix}' example on the page")


def test_the_calendar_command_prints_what_the_page_shows(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The export of the sample prints the page's note and summary, in that order."""
    shutil.copy(SAMPLE, tmp_path / "reminders-tracker.csv")
    monkeypatch.chdir(tmp_path)
    argv, expected = shown_command("calendar")
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert err + out == expected


def test_the_month_view_shows_the_export(tmp_path: Path) -> None:
    """Every event and reminder of February is drawn on its own day."""
    data = month_view.export(SAMPLE, date(2025, 2, 10))
    days = month_view.month_days(data, 2025, 2)
    expected: dict[date, list[str]] = {}
    for event in ics.read(data).all("VEVENT"):
        on = event.get("DTSTART").date
        if on.month == 2:
            expected.setdefault(on, []).append(event.get("SUMMARY").text)
    assert {day: [t for t, _ in d.events] for day, d in days.items() if d.events} == (
        expected
    )
    assert days[date(2025, 2, 14)].events == [
        ("FOI 2025/008: review request window closes", False)
    ]
    assert days[date(2025, 2, 10)].reminders == ["FOI 2025/003"]
    assert days[date(2025, 2, 24)].reminders == ["EIR 2025/005", "FOI 2025/012"]
    svg = month_view.month_svg(data, 2025, 2, date(2025, 2, 10))
    root = ET.fromstring(svg)
    texts = "".join(root.itertext())
    assert "FOI 2025/002" in texts
    assert "review due" in texts


def test_the_page_draws_the_sample() -> None:
    """The page's month view is of the sample tracker, on the day of its examples."""
    page = PAGE.read_text("utf-8")
    assert (
        "```{foi-month} _static/reminders-tracker.csv\n:as-of: 2025-02-10\n"
        ":month: 2025-02\n```" in page
    )
    assert "```{literalinclude} _static/reminders-tracker.csv" in page
