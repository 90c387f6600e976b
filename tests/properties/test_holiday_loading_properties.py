"""Property tests for loading gov.uk files: a damaged file is refused or kept safely.

For any subset of the bundled file's events removed, loading either refuses the
file, or gives data that agrees with the full file for every year it calls
confirmed.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from foi_deadlines import Division, HolidayData, HolidayDataError, get_calendar
from tests.holiday_files import bundled_json, without_year
from tests.oracles import filled_tables

#: Every event of the bundled file, as (division, position).
EVENTS = tuple(
    (division, index)
    for division, block in bundled_json().items()
    for index in range(len(block["events"]))
)
YEARS = (2012, 2028)


@functools.cache
def full_data() -> HolidayData:
    """The bundled file, loaded alone."""
    return HolidayData().with_govuk_data(bundled_json(), source="full")


def weekday_holidays(
    data: HolidayData, division: Division, last_year: int
) -> frozenset[date]:
    """The weekday bank holidays of ``division`` from 2012 to ``last_year``."""
    return frozenset(
        day
        for day in data.holidays_by_day(division, YEARS[0], last_year)
        if day.weekday() < 5
    )


@st.composite
def damaged_files(draw: st.DrawFn) -> tuple[dict[str, Any], set[tuple[str, int]]]:
    """The bundled file with some events removed: single events and whole years.

    Returns the file and the (division, year) of every event removed. A division
    left with no events is removed from the file.
    """
    data = bundled_json()
    removed: set[tuple[str, int]] = set()
    for division, year in draw(
        st.sets(
            st.tuples(
                st.sampled_from([d.value for d in Division]),
                st.integers(*YEARS),
            ),
            max_size=3,
        )
    ):
        before = {e["date"] for e in data[division]["events"]}
        data = without_year(data, division, year)
        if before != {e["date"] for e in data[division]["events"]}:
            removed.add((division, year))
    singles = draw(st.sets(st.sampled_from(EVENTS), max_size=4))
    for division, index in sorted(singles, key=lambda s: -s[1]):
        events = data[division]["events"]
        if index < len(events):
            removed.add((division, int(events.pop(index)["date"][:4])))
    data = {key: block for key, block in data.items() if block["events"]}
    return data, removed


# Each example loads a whole file (about 10 ms): fewer than the profile's.
@settings(max_examples=100)
@given(damaged=damaged_files(), partial=st.booleans())
def test_refused_or_agrees_where_confirmed(
    damaged: tuple[dict[str, Any], set[tuple[str, int]]], partial: bool
) -> None:
    """A damaged file is refused, or agrees with the full file where confirmed."""
    data, removed = damaged
    try:
        loaded = HolidayData().with_govuk_data(data, source="damaged", partial=partial)
    except HolidayDataError:
        assert removed, "an intact file was refused"
        return
    (official,) = loaded.official
    for division in Division:
        until = loaded.confirmed_until(division).year
        if until >= YEARS[0]:
            assert weekday_holidays(loaded, division, until) == weekday_holidays(
                full_data(), division, until
            ), f"{division} differs on or before {until}"
        # Every year of the bundled file has exactly the days the standing rules
        # give, so no year that lost one is covered (kept only when whole years
        # at an end of the file went, which leaves a shorter, complete file).
        covered = set(official.covered_years(division))
        assert not {year for div, year in removed if div == division.value} & covered
    if not partial:
        assert official.shortfalls == ()


def test_partial_calendar_agrees_up_to_confirmed() -> None:
    """The issue's partial file: the Scottish calendar agrees to its confirmed day."""
    damaged = without_year(bundled_json(), "scotland", 2026)
    loaded = HolidayData().with_govuk_data(damaged, source="damaged", partial=True)
    partial = get_calendar("scotland", data=loaded)
    full = get_calendar("scotland", data=full_data())
    assert partial.confirmed_until == date(2025, 12, 31)
    cut = partial._counted(partial.confirmed_until)
    assert filled_tables(partial)[1][:cut] == filled_tables(full)[1][:cut]
