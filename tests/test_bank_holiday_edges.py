"""Edge cases of foi_deadlines.bank_holidays: the supported span, which source is
the word on a year, announcement dates, and custom holiday data.

Dates of bank holidays are from the gov.uk lists, or for years gov.uk does not list
from the Banking and Financial Dealings Act 1971 Schedule 1.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from foi_deadlines import Division, HolidayData, HolidayDataError
from foi_deadlines.bank_holidays import (
    FIRST_SUPPORTED_DAY,
    LAST_CALENDAR_DAY,
    LAST_SUPPORTED_DAY,
    LATE_ANNOUNCEMENTS,
)
from tests.holiday_files import official_list, standing_events


def one_list(division: str, *events: tuple[str, str]) -> dict[str, Any]:
    """A gov.uk-format object with one division's (date, title) events."""
    return {
        division: {
            "division": division,
            "events": [
                {"title": title, "date": day, "notes": "", "bunting": True}
                for day, title in events
            ],
        }
    }


# -- the supported span --------------------------------------------------------------


def test_span_constants() -> None:
    """Inputs run from 2000 to 2100, and the calendars count one year further."""
    assert date(2000, 1, 1) == FIRST_SUPPORTED_DAY
    assert date(2100, 12, 31) == LAST_SUPPORTED_DAY
    assert date(2101, 12, 31) == LAST_CALENDAR_DAY


@pytest.mark.parametrize("day", [date(2000, 1, 1), date(2100, 12, 31)])
def test_proclaimed_day_on_the_ends_of_the_span(day: date) -> None:
    """A day may be proclaimed on the first or the last supported day."""
    data = HolidayData().with_proclaimed(day, "Special day", divisions=["scotland"])
    assert data.proclaimed[-1].day == day
    replacing = HolidayData().with_proclaimed(
        date(2050, 6, 6), "Moved", divisions=["scotland"], replaces=day
    )
    assert replacing.proclaimed[-1].replaces == day


@pytest.mark.parametrize("day", [date(1999, 12, 31), date(2101, 1, 1)])
def test_proclaimed_day_just_outside_the_span(day: date) -> None:
    """A day one past either end of the span is refused, as a day or as replaced."""
    with pytest.raises(HolidayDataError, match="outside the supported span") as info:
        HolidayData().with_proclaimed(day, "Special day", divisions=["scotland"])
    assert info.value.path == "day"
    with pytest.raises(HolidayDataError, match="outside the supported span") as info:
        HolidayData().with_proclaimed(
            date(2050, 6, 6), "Moved", divisions=["scotland"], replaces=day
        )
    assert info.value.path == "replaces"


def test_official_list_on_the_ends_of_the_span() -> None:
    """An official list may hold the first and the last supported day.

    Northern Ireland's full 2000 and 2100, with the two end days added, kept as a
    partial file: the years between and the other divisions are left out.
    """
    file = one_list(
        "northern-ireland",
        ("2000-01-01", "New Year's Day"),
        ("2100-12-31", "Last day"),
    )
    file["northern-ireland"]["events"] += [
        *standing_events(Division.NORTHERN_IRELAND, 2000),
        *standing_events(Division.NORTHERN_IRELAND, 2100),
    ]
    data = HolidayData().with_govuk_data(file, source="edges", partial=True)
    (official,) = data.official
    days = sorted(h.day for h in official.holidays)
    assert (days[0], days[-1]) == (date(2000, 1, 1), date(2100, 12, 31))
    assert official.coverage == (
        (Division.NORTHERN_IRELAND, 2000, 2000),
        (Division.NORTHERN_IRELAND, 2100, 2100),
    )
    assert data.confirmed_until(Division.NORTHERN_IRELAND) == date(2000, 12, 31)


@pytest.mark.parametrize("day", ["1999-12-31", "2101-01-01"])
def test_official_list_just_outside_the_span(day: str) -> None:
    """An official list with a day one past either end is refused."""
    with pytest.raises(HolidayDataError, match="outside the supported span") as info:
        HolidayData().with_govuk_data(
            one_list("scotland", ("2020-01-01", "New Year's Day"), (day, "x")),
            source="edges",
        )
    assert info.value.path == "scotland.events[1].date"


def test_events_must_be_a_list() -> None:
    """Events given as anything but a list are refused at the events themselves."""
    for events in ("2026-01-01", {"title": "x", "date": "2026-01-01"}, None):
        with pytest.raises(HolidayDataError, match="non-empty list") as info:
            HolidayData().with_govuk_data(
                {"scotland": {"division": "scotland", "events": events}},
                source="edges",
            )
        assert info.value.path == "scotland.events"


# -- which source is the word on a year ----------------------------------------------


def test_coverage_includes_the_first_and_last_year() -> None:
    """The bundled list is the word on 2012 to 2028, both included."""
    (official,) = HolidayData.bundled().official
    for division in Division:
        assert not official.covers(division, 2011)
        assert official.covers(division, 2012)
        assert official.covers(division, 2028)
        assert not official.covers(division, 2029)


def test_one_year_list_is_the_word_on_that_year() -> None:
    """A list of a single year replaces the standing rules for that year.

    The Scottish standing rules for 2030 include 2 January (a Wednesday); a
    Scottish list for 2030 that leaves it out is followed.
    """
    rules = HolidayData().holidays_by_day(Division.SCOTLAND, 2030, 2030)
    assert date(2030, 1, 2) in rules
    data = HolidayData(
        official=(
            official_list(
                "2030 list", Division.SCOTLAND, ("2030-01-01", "New Year's Day")
            ),
        )
    )
    assert data.official[0].covers(Division.SCOTLAND, 2030)
    listed = data.holidays_by_day(Division.SCOTLAND, 2030, 2030)
    assert list(listed) == [date(2030, 1, 1)]
    assert listed[date(2030, 1, 1)][0].source == "2030 list"
    # Other years still follow the standing rules.
    assert date(2031, 1, 2) in data.holidays_by_day(Division.SCOTLAND, 2031, 2031)


def test_standing_rules_for_years_without_an_official_list() -> None:
    """Years no official list covers follow the standing rules.

    England and Wales in 2030 (1971 Act Sch 1 para 1 and the usual proclamations):
    New Year's Day 1 January, Good Friday 19 April, Easter Monday 22 April, early
    May 6 May, spring 27 May, summer 26 August, Christmas Day and Boxing Day.
    """
    data = HolidayData.bundled()
    days = data.holidays_by_day(Division.ENGLAND_AND_WALES, 2030, 2030)
    assert list(days) == [
        date(2030, 1, 1),
        date(2030, 4, 19),
        date(2030, 4, 22),
        date(2030, 5, 6),
        date(2030, 5, 27),
        date(2030, 8, 26),
        date(2030, 12, 25),
        date(2030, 12, 26),
    ]
    assert all(h.source.startswith("standing rules") for h in days[date(2030, 5, 27)])
    # Before the bundled list begins, too: the royal wedding of 29 April 2011.
    assert date(2011, 4, 29) in data.holidays_by_day(
        Division.ENGLAND_AND_WALES, 2011, 2011
    )


def test_nothing_is_confirmed_without_an_official_list() -> None:
    """With no official list, the confirmed data ends before the span begins."""
    data = HolidayData()
    for division in Division:
        assert data.confirmed_until(division) == date(1999, 12, 31)


# -- announcements -------------------------------------------------------------------


def test_a_day_announced_on_the_day_given_is_known() -> None:
    """as_known_on leaves out only the days announced after the day given.

    The bank holiday for the state funeral of Queen Elizabeth II (19 September
    2022) was announced on 10 September 2022.
    """
    bundled = HolidayData.bundled()
    assert bundled.as_known_on(date(2022, 9, 10)).unannounced == (
        date(2023, 5, 8),
        date(2026, 6, 15),
    )
    assert bundled.as_known_on(date(2022, 9, 9)).unannounced == (
        date(2022, 9, 19),
        date(2023, 5, 8),
        date(2026, 6, 15),
    )
    # The coronation bank holiday was announced on 6 November 2022.
    assert bundled.as_known_on(date(2022, 11, 6)).unannounced == (date(2026, 6, 15),)


def test_bundled_proclamations_match_the_announcements() -> None:
    """Each bundled proclaimed day is a late announcement, with the same date."""
    announced = {(a.day, a.announced_on) for a in LATE_ANNOUNCEMENTS}
    proclaimed = HolidayData.bundled().proclaimed
    assert proclaimed
    for day in proclaimed:
        assert day.announced_on is not None
        assert (day.day, day.announced_on) in announced


def test_holiday_data_takes_keywords_only() -> None:
    """Holiday data cannot be built from positional arguments."""
    with pytest.raises(TypeError):
        HolidayData(())  # type: ignore[call-arg]
