"""Write foi_deadlines/data/standing-rules.json from the ``holidays`` package.

The calendars count every day from 2000 to 2101; for the years no official gov.uk
list covers, the bank holidays come from the standing rules, which the
``holidays`` package computes. Importing the package and computing a century of
years costs a tenth of a second or more (seconds in Pyodide), so the dates are
generated here once, at release, and shipped as data. ``tests/test_standing_rules.py``
regenerates them with the installed package and compares, so that a change in the
package's rules fails the tests until this script is run again and the diff
reviewed::

    python scripts/make_standing_rules.py
"""

from __future__ import annotations

import json
from pathlib import Path

from foi_deadlines.bank_holidays import (
    FIRST_SUPPORTED_DAY,
    LAST_CALENDAR_DAY,
    Division,
    computed_standing_rules,
    computed_standing_rules_version,
)

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "foi_deadlines" / "data" / "standing-rules.json"


def standing_rules() -> dict[str, object]:
    """The file's content: what computed it, the years, and the dates by division."""
    years = range(FIRST_SUPPORTED_DAY.year, LAST_CALENDAR_DAY.year + 1)
    return {
        "generator": computed_standing_rules_version(),
        "first_year": years[0],
        "last_year": years[-1],
        "divisions": {
            division.value: {
                day.isoformat(): names
                for day, names in computed_standing_rules(division, years).items()
            }
            for division in Division
        },
    }


def main() -> None:
    text = json.dumps(standing_rules(), indent=1, ensure_ascii=False) + "\n"
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
