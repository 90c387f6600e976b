"""Write tests/golden/snapshots/<calendar>.json: every non-working weekday, 2000-2101.

Each file lists, for one calendar, every weekday that is not a working day, with
the reasons as :meth:`foi_deadlines.NonWorkingDay.describe` gives them (without the
date). ``tests/test_snapshots.py`` compares the library against these files, so that
a change in the holiday data, or an upgrade of the ``holidays`` package that moves a
date, shows up as a diff to review. After such a change, run::

    python scripts/make_snapshots.py

and review the diff before committing it.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

from holidays.version import __version__ as holidays_version

from foi_deadlines import CALENDAR_NAMES, ProvisionalDateWarning, get_calendar

SNAPSHOTS = Path(__file__).resolve().parents[1] / "tests" / "golden" / "snapshots"


def snapshot(name: str) -> dict[str, object]:
    """The snapshot of one calendar, as written to its JSON file."""
    calendar = get_calendar(name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalDateWarning)
        listed = calendar.non_working_days(
            calendar.first_day, calendar.last_day, include_weekends=False
        )
    return {
        "calendar": name,
        "holidays_version": holidays_version,
        "days": {
            nwd.day.isoformat(): nwd.describe().partition(": ")[2] for nwd in listed
        },
    }


def render(data: dict[str, object]) -> str:
    """The text of a snapshot file."""
    return json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def main() -> int:
    """Write one snapshot file per calendar and say which ones changed."""
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)
    for name in CALENDAR_NAMES:
        path = SNAPSHOTS / f"{name}.json"
        text = render(snapshot(name))
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old == text:
            print(f"{path}: unchanged")
            continue
        with path.open("w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        print(f"{path}: {'written' if old is None else 'updated'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
