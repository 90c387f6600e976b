"""Tests for foi_deadlines.bank_holidays: the data, its sources and updates."""

from __future__ import annotations

import json
import warnings
from datetime import date
from pathlib import Path
from typing import Any

import holidays
import pytest

from foi_deadlines import (
    Division,
    HolidayData,
    HolidayDataError,
    ProvisionalDateWarning,
    get_calendar,
)
from foi_deadlines.bank_holidays import (
    BUNDLED_SOURCE,
    CORRECTIONS,
    KNOWN_DIFFERENCES,
    standing_rules_version,
)
from tests.holiday_files import bundled_json, complete_file, with_event

SUBDIVISIONS = {
    Division.ENGLAND_AND_WALES: "ENG",
    Division.SCOTLAND: "SCT",
    Division.NORTHERN_IRELAND: "NIR",
}
CALENDAR_OF = {
    Division.ENGLAND_AND_WALES: "england-and-wales",
    Division.SCOTLAND: "scotland",
    Division.NORTHERN_IRELAND: "northern-ireland",
}


class TestBundledData:
    def test_version_names_sources(self) -> None:
        """The data version names the gov.uk copy, proclaimed days and rules."""
        version = HolidayData.bundled().version
        assert BUNDLED_SOURCE in version
        assert "1 proclaimed day" in version
        assert f"standing rules: {standing_rules_version()}" in version

    def test_confirmed_until_end_of_official_data(self) -> None:
        """The data is confirmed to the end of the last year gov.uk lists."""
        data = HolidayData.bundled()
        for division in Division:
            assert data.confirmed_until(division) == date(2028, 12, 31)

    def test_official_coverage(self) -> None:
        """The bundled gov.uk copy covers 2012 to 2028 for each division."""
        (official,) = HolidayData.bundled().official
        assert sorted(official.coverage) == sorted(
            (div, 2012, 2028) for div in Division
        )

    def test_wales_is_england(self) -> None:
        """The holidays package gives Wales the same days as England."""
        years = range(2000, 2101)
        assert set(holidays.country_holidays("GB", subdiv="WLS", years=years)) == set(
            holidays.country_holidays("GB", subdiv="ENG", years=years)
        )


class TestSourcesAgree:
    """The bundled gov.uk copy against the holidays package, weekday by weekday."""

    @staticmethod
    def differences() -> set[tuple[date, Division, bool, bool]]:
        found = set()
        (official,) = HolidayData.bundled().official
        for division, first, last in official.coverage:
            from_govuk = {
                h.day
                for h in official.holidays
                if h.division is division and h.day.weekday() < 5
            }
            from_rules = {
                day
                for day in holidays.country_holidays(
                    "GB", subdiv=SUBDIVISIONS[division], years=range(first, last + 1)
                )
                if day.weekday() < 5
            }
            found |= {(day, division, True, False) for day in from_govuk - from_rules}
            found |= {(day, division, False, True) for day in from_rules - from_govuk}
        return found

    def test_every_difference_is_known(self) -> None:
        """Each disagreement is listed, with an explanation, and no more."""
        known = {
            (k.day, k.division, k.in_official, k.in_standing_rules)
            for k in KNOWN_DIFFERENCES
        }
        assert self.differences() == known
        assert all(k.explanation for k in KNOWN_DIFFERENCES)

    def test_calendars_give_the_right_answer(self) -> None:
        """Every calendar follows the listed right answer for each difference."""
        for known in KNOWN_DIFFERENCES:
            calendar = get_calendar(CALENDAR_OF[known.division])
            assert calendar.is_working_day(known.day) is not known.is_bank_holiday
            assert (
                get_calendar("uk").is_working_day(known.day)
                is not known.is_bank_holiday
            )

    def test_corrections_applied(self) -> None:
        """Days the holidays package lists wrongly are working days here."""
        for correction in CORRECTIONS:
            assert correction.reason
            assert get_calendar(CALENDAR_OF[correction.division]).is_working_day(
                correction.day
            )


class TestLoadingNewerData:
    def test_newer_file_adds_a_holiday(self, tmp_path: Path) -> None:
        """A newer gov.uk file brings in a day proclaimed after the bundled copy."""
        newer = bundled_json()
        newer["northern-ireland"]["events"].append(
            {"title": "Special day", "date": "2027-06-07", "notes": "", "bunting": True}
        )
        path = tmp_path / "bank-holidays.json"
        path.write_text(json.dumps(newer), encoding="utf-8")
        data = HolidayData.bundled().with_govuk_file(path)
        uk = get_calendar("uk", data=data)
        assert not uk.is_working_day(date(2027, 6, 7))
        assert get_calendar("uk").is_working_day(date(2027, 6, 7))
        assert uk.add_working_days(date(2027, 6, 1), 20) == date(2027, 6, 30)
        assert get_calendar("uk").add_working_days(date(2027, 6, 1), 20) == date(
            2027, 6, 29
        )
        assert "bank-holidays.json" in uk.data_version

    def test_newer_file_replaces_covered_years(self) -> None:
        """For a year a loaded file covers, its list replaces what was known."""
        # A file in which Scotland's 2 January 2025 is moved to the 3rd (as a
        # proclamation could): 2 January becomes a working day.
        moved = bundled_json()
        for event in moved["scotland"]["events"]:
            if event["date"] == "2025-01-02":
                event["date"] = "2025-01-03"
        data = HolidayData.bundled().with_govuk_data(moved, source="test file")
        scotland = get_calendar("scotland", data=data)
        assert scotland.is_working_day(date(2025, 1, 2))
        assert not scotland.is_working_day(date(2025, 1, 3))
        assert not scotland.is_working_day(date(2025, 12, 25))
        # Other years and divisions are untouched.
        assert not scotland.is_working_day(date(2024, 1, 2))
        assert not get_calendar("uk", data=data).is_working_day(date(2025, 12, 26))

    def test_file_extends_confirmed_data(self) -> None:
        """Official data for a later year moves the confirmed horizon."""
        later = complete_file(2029)
        data = HolidayData.bundled().with_govuk_data(later, source="2029 list")
        assert get_calendar("uk", data=data).confirmed_until == date(2029, 12, 31)
        scotland_only = {"scotland": later["scotland"]}
        partial = HolidayData.bundled().with_govuk_data(
            scotland_only, source="2029 Scotland", partial=True
        )
        assert get_calendar("scotland", data=partial).confirmed_until == date(
            2029, 12, 31
        )
        assert get_calendar("uk", data=partial).confirmed_until == date(2028, 12, 31)

    def test_loading_does_not_change_the_original(self) -> None:
        """Holiday data is immutable: loading returns a new value."""
        before = HolidayData.bundled()
        before.with_govuk_data(
            with_event(bundled_json(), "scotland", "2027-06-07", "x"), source="t"
        )
        assert HolidayData.bundled() == before
        assert get_calendar("scotland").is_working_day(date(2027, 6, 7))

    def test_unreadable_file(self, tmp_path: Path) -> None:
        """A missing file is refused, naming it."""
        with pytest.raises(HolidayDataError, match=r"missing\.json.*cannot be read"):
            HolidayData.bundled().with_govuk_file(tmp_path / "missing.json")

    def test_bad_json(self, tmp_path: Path) -> None:
        """A file that is not JSON is refused with the line and column."""
        path = tmp_path / "bad.json"
        path.write_text('{"scotland": {"events": [}\n', encoding="utf-8")
        with pytest.raises(HolidayDataError, match="at line 1 column 26"):
            HolidayData.bundled().with_govuk_file(path)

    @pytest.mark.parametrize(
        ("data", "where", "problem"),
        [
            ([], "", "expected a JSON object keyed by division"),
            ({}, "", "expected a JSON object keyed by division"),
            ({"wales": {"events": []}}, "wales", "unknown division"),
            ({"scotland": []}, "scotland", "expected an object"),
            (
                {"scotland": {"division": "england-and-wales", "events": []}},
                "scotland.division",
                "does not match",
            ),
            ({"scotland": {"events": []}}, "scotland.events", "non-empty list"),
            (
                {"scotland": {"events": ["x"]}},
                r"scotland.events\[0\]",
                "expected an object",
            ),
            (
                {"scotland": {"events": [{"date": "2025-01-01"}]}},
                r"scotland.events\[0\].title",
                "non-empty string",
            ),
            (
                {"scotland": {"events": [{"title": "x", "date": "2026-02-30"}]}},
                r"scotland.events\[0\].date",
                "YYYY-MM-DD",
            ),
            (
                {"scotland": {"events": [{"title": "x", "date": "20260101"}]}},
                r"scotland.events\[0\].date",
                "YYYY-MM-DD",
            ),
            (
                {"scotland": {"events": [{"title": "x", "date": 20260101}]}},
                r"scotland.events\[0\].date",
                "YYYY-MM-DD",
            ),
            (
                {"scotland": {"events": [{"title": "x", "date": "2101-01-03"}]}},
                r"scotland.events\[0\].date",
                "outside the supported span",
            ),
            (
                {
                    "scotland": {
                        "events": [{"title": "x", "date": "2026-01-01", "notes": 3}]
                    }
                },
                r"scotland.events\[0\].notes",
                "expected a string",
            ),
            (
                {
                    "scotland": {
                        "events": [
                            {"title": "x", "date": "2026-01-01"},
                            {"title": "y", "date": "2026-01-01"},
                        ]
                    }
                },
                r"scotland.events\[1\].date",
                "listed twice",
            ),
        ],
    )
    def test_malformed_data_is_refused_whole(
        self, data: object, where: str, problem: str
    ) -> None:
        """Malformed data is refused with where and what; nothing is loaded."""
        pattern = f"from test.json refused{' at ' + where if where else ''}.*{problem}"
        with pytest.raises(HolidayDataError, match=pattern):
            HolidayData.bundled().with_govuk_data(data, source="test.json")

    def test_one_bad_event_refuses_everything(self) -> None:
        """A file with one bad event among good ones loads nothing at all."""
        data = bundled_json()
        data["northern-ireland"]["events"][5]["date"] = "not a date"
        with pytest.raises(
            HolidayDataError, match=r"northern-ireland.events\[5\].date"
        ):
            HolidayData.bundled().with_govuk_data(data, source="t")


class TestProclaimedDays:
    def test_proclaimed_day_moves_deadline(self) -> None:
        """A day proclaimed by hand moves every deadline that spans it."""
        data = HolidayData.bundled().with_proclaimed(
            date(2027, 6, 7), "Special bank holiday", divisions=["northern-ireland"]
        )
        uk = get_calendar("uk", data=data)
        assert not uk.is_working_day(date(2027, 6, 7))
        assert get_calendar("scotland", data=data).is_working_day(date(2027, 6, 7))
        assert uk.add_working_days(date(2027, 6, 1), 20) == date(2027, 6, 30)

    def test_proclaimed_move_replaces_a_day(self) -> None:
        """A proclamation that moves a holiday makes the old day a working day."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            data = HolidayData.bundled().with_proclaimed(
                date(2030, 6, 4),
                "Spring bank holiday (moved)",
                divisions=list(Division),
                replaces=date(2030, 5, 27),
            )
            uk = get_calendar("uk", data=data)
            assert uk.is_working_day(date(2030, 5, 27))
            assert not uk.is_working_day(date(2030, 6, 4))
            day = uk.non_working_day(date(2030, 6, 4))
        assert day is not None
        assert day.describe().startswith(
            "Tue 4 Jun 2030: Spring bank holiday (moved) ("
        )

    def test_already_listed_day_is_not_doubled(self) -> None:
        """Proclaiming a day the official list already has changes nothing."""
        data = HolidayData.bundled().with_proclaimed(
            date(2025, 12, 25), "Christmas", divisions=["scotland"]
        )
        day = get_calendar("scotland", data=data).non_working_day(date(2025, 12, 25))
        assert day is not None
        assert [r.name for r in day.reasons] == ["Christmas Day"]

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"divisions": ["wales"]}, "divisions must be one of"),
            ({"divisions": []}, "at least one division"),
            (
                {"divisions": ["scotland"], "replaces": "2027-01-01"},
                "replaces must be a datetime.date",
            ),
        ],
    )
    def test_bad_proclamation(self, kwargs: dict[str, Any], message: str) -> None:
        """A proclaimed day with a bad division or date is refused."""
        with pytest.raises(HolidayDataError, match=message):
            HolidayData.bundled().with_proclaimed(date(2027, 6, 7), "x", **kwargs)

    def test_proclamation_out_of_span(self) -> None:
        """A proclaimed day outside 2000-2100 is refused."""
        with pytest.raises(HolidayDataError, match="outside the supported span"):
            HolidayData.bundled().with_proclaimed(
                date(2101, 1, 3), "x", divisions=["scotland"]
            )

    def test_single_division_string(self) -> None:
        """A single division may be given as a plain string."""
        data = HolidayData.bundled().with_proclaimed(
            date(2027, 6, 7), "x", divisions="scotland"
        )
        assert data.proclaimed[-1].divisions == (Division.SCOTLAND,)
