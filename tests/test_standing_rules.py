"""The standing-rule bank holidays shipped as data, against the ``holidays`` package.

The dates for 2000 to 2101 are generated from the package at release
(``scripts/make_standing_rules.py``) so that a first deadline need not import it.
These tests compute them afresh with the installed package: any drift fails here
until the script is run again and its diff reviewed.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from foi_deadlines import bank_holidays
from foi_deadlines.bank_holidays import (
    CORRECTIONS,
    FIRST_SUPPORTED_DAY,
    LAST_CALENDAR_DAY,
    Division,
    HolidayData,
    computed_standing_rules,
    computed_standing_rules_version,
    standing_rules_version,
)

YEARS = range(FIRST_SUPPORTED_DAY.year, LAST_CALENDAR_DAY.year + 1)


def shipped() -> dict[str, object]:
    path = bank_holidays._DATA / bank_holidays._STANDING_FILE
    content: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return content


@pytest.mark.parametrize("division", list(Division), ids=str)
def test_every_year_equals_what_the_package_computes(division: Division) -> None:
    """Every date and name, in every year the calendars count, in every division."""
    divisions = shipped()["divisions"]
    assert isinstance(divisions, dict)
    fresh = {
        day.isoformat(): names
        for day, names in computed_standing_rules(division, YEARS).items()
    }
    assert divisions[division.value] == fresh


def test_the_file_covers_the_calendars_span() -> None:
    content = shipped()
    assert (content["first_year"], content["last_year"]) == (YEARS[0], YEARS[-1])
    divisions = content["divisions"]
    assert isinstance(divisions, dict)
    assert set(divisions) == {d.value for d in Division}
    assert standing_rules_version() == content["generator"]
    assert standing_rules_version().startswith("holidays ")


def test_the_version_in_results_names_the_generator() -> None:
    assert f"standing rules: {standing_rules_version()}" in HolidayData().version


def test_a_year_outside_the_file_is_computed_by_the_package() -> None:
    """The package stays the fallback, with the same corrections applied."""
    bank_holidays._standing_rules.cache_clear()
    try:
        computed = bank_holidays._standing_rules(Division.SCOTLAND, (1999, 2000))
    finally:
        bank_holidays._standing_rules.cache_clear()
    by_year = {h.day.year for h in computed}
    assert by_year == {1999, 2000}
    sources = {h.day.year: h.source for h in computed}
    assert sources[1999] == f"standing rules ({computed_standing_rules_version()})"
    assert sources[2000] == f"standing rules ({standing_rules_version()})"
    assert date(1999, 12, 25) in {h.day for h in computed}
    assert [h.day for h in computed] == sorted(h.day for h in computed)


def test_corrections_still_apply_to_the_shipped_dates() -> None:
    for correction in CORRECTIONS:
        holidays = bank_holidays._standing_rules(
            correction.division, (correction.day.year,)
        )
        assert correction.day not in {h.day for h in holidays}
