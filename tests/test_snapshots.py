"""Every non-working weekday 2000-2101, per calendar, against committed snapshots.

The snapshots in tests/golden/snapshots are written by scripts/make_snapshots.py. A
change to the holiday data, or an upgrade of the ``holidays`` package that moves or
renames a day, fails here until the snapshots are regenerated and the diff reviewed.
"""

from __future__ import annotations

import json
import warnings
from datetime import date
from pathlib import Path

import pytest

from foi_deadlines import CALENDAR_NAMES, ProvisionalDateWarning, get_calendar

SNAPSHOTS = Path(__file__).parent / "golden" / "snapshots"
REGENERATE = (
    "run `python scripts/make_snapshots.py` and review the diff of "
    "tests/golden/snapshots before committing it"
)
SHOWN = 15


def current_days(name: str) -> dict[str, str]:
    """The calendar's non-working weekdays now, as the snapshot records them."""
    calendar = get_calendar(name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalDateWarning)
        listed = calendar.non_working_days(
            calendar.first_day, calendar.last_day, include_weekends=False
        )
    return {nwd.day.isoformat(): nwd.describe().partition(": ")[2] for nwd in listed}


def committed(name: str) -> dict[str, object]:
    """The committed snapshot of a calendar."""
    path = SNAPSHOTS / f"{name}.json"
    if not path.exists():
        pytest.fail(f"{path} is missing: {REGENERATE}")
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def describe_changes(old: dict[str, str], new: dict[str, str]) -> list[str]:
    """One line per date that was added, removed or given a different reason."""
    lines = []
    for day in sorted(old.keys() | new.keys()):
        if day not in new:
            lines.append(f"  - {day}: no longer a holiday (was {old[day]!r})")
        elif day not in old:
            lines.append(f"  + {day}: now a holiday ({new[day]!r})")
        elif old[day] != new[day]:
            lines.append(f"  ~ {day}: {old[day]!r} -> {new[day]!r}")
    return lines


class TestSnapshots:
    def test_one_file_per_calendar(self) -> None:
        """There is a snapshot for every calendar, and for nothing else."""
        files = {path.stem for path in SNAPSHOTS.glob("*.json")}
        assert files == set(CALENDAR_NAMES), REGENERATE

    @pytest.mark.parametrize("name", CALENDAR_NAMES)
    def test_days_and_reasons_match(self, name: str) -> None:
        """The calendar's non-working weekdays and reasons are those committed."""
        snapshot = committed(name)
        assert snapshot["calendar"] == name
        old = snapshot["days"]
        assert isinstance(old, dict)
        new = current_days(name)
        if old != new:
            changes = describe_changes(old, new)
            shown = "\n".join(changes[:SHOWN])
            more = (
                f"\n  ... and {len(changes) - SHOWN} more"
                if len(changes) > SHOWN
                else ""
            )
            pytest.fail(
                f"calendar {name!r} differs from tests/golden/snapshots/{name}.json "
                f"(written with holidays {snapshot['holidays_version']}) on "
                f"{len(changes)} day(s):\n{shown}{more}\nIf the change is intended, "
                f"{REGENERATE}.",
                pytrace=False,
            )

    @pytest.mark.parametrize("name", CALENDAR_NAMES)
    def test_only_weekdays(self, name: str) -> None:
        """A snapshot lists weekdays only: weekends are never recorded."""
        old = committed(name)["days"]
        assert isinstance(old, dict)
        assert old
        assert all(date.fromisoformat(day).weekday() < 5 for day in old)


class TestDescribeChanges:
    def test_lists_each_kind_of_change(self) -> None:
        """Added, removed and renamed days are each reported, in date order."""
        old = {"2030-01-01": "A", "2030-05-06": "B", "2030-12-25": "C"}
        new = {"2030-01-01": "A", "2030-05-13": "B", "2030-12-25": "C2"}
        assert describe_changes(old, new) == [
            "  - 2030-05-06: no longer a holiday (was 'B')",
            "  + 2030-05-13: now a holiday ('B')",
            "  ~ 2030-12-25: 'C' -> 'C2'",
        ]
