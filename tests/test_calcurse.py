"""A real calendar client imports the export: calcurse, run headless.

calcurse (the Debian package; ``.ci/run`` installs it) imports the file written by
``foi-deadlines calendar`` for the docs' sample tracker into an empty data folder,
then lists the events day by day. Each live deadline must be on its own day, under
its own title, and nowhere else.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from foi_deadlines.cli import main
from tests import ics

SAMPLE = Path(__file__).parents[1] / "docs" / "_static" / "reminders-tracker.csv"
CALCURSE = shutil.which("calcurse")

pytestmark = pytest.mark.skipif(
    CALCURSE is None,
    reason="calcurse is not installed (apt-get install calcurse; .ci/run installs it)",
)


def calcurse(folder: Path, *argv: str) -> str:
    assert CALCURSE is not None
    result = subprocess.run(
        [CALCURSE, "-D", str(folder), *argv],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={"HOME": str(folder), "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"},
    )
    return result.stdout


def listed(folder: Path, first: date, days: int) -> dict[date, list[str]]:
    """calcurse's events from ``first`` for ``days`` days, by day."""
    out = calcurse(
        folder,
        "--input-datefmt",
        "4",
        "--output-datefmt",
        "%Y-%m-%d",
        "-Q",
        "--filter-type",
        "event",
        "--from",
        first.isoformat(),
        "--days",
        str(days),
        "--format-event",
        " * %m\\n",
    )
    found: dict[date, list[str]] = defaultdict(list)
    day = None
    for line in out.splitlines():
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}:", line):
            day = date.fromisoformat(line[:-1])
        elif line.startswith(" * "):
            assert day is not None, out
            found[day].append(line[3:])
    return dict(found)


def test_calcurse_imports_the_events_on_their_days(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every event of the sample's export is listed on its day, and only there."""
    export = tmp_path / "deadlines.ics"
    assert (
        main(["calendar", str(SAMPLE), "-o", str(export), "--as-of", "2025-02-10"]) == 0
    )
    capsys.readouterr()
    expected: dict[date, list[str]] = defaultdict(list)
    for event in ics.read(export.read_bytes()).all("VEVENT"):
        expected[event.get("DTSTART").date].append(event.get("SUMMARY").text)
    folder = tmp_path / "calcurse"
    folder.mkdir()
    report = calcurse(folder, "-i", str(export))
    counts = re.search(
        r"(\d+) apps / (\d+) events? / (\d+) todos / (\d+) skipped", report
    )
    assert counts is not None, report
    assert [int(n) for n in counts.groups()] == [0, 11, 0, 0], report
    found = listed(folder, date(2025, 1, 1), 150)
    assert {day: sorted(titles) for day, titles in found.items()} == {
        day: sorted(titles) for day, titles in expected.items()
    }
    assert found[date(2025, 2, 10)] == ["FOI 2025/002: response due"]
    assert found[date(2025, 4, 28)] == ["FOI 2025/011: fee payment window closes"]
