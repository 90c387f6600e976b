"""UK bank holiday data: the official gov.uk lists, standing rules, and proclamations.

Bank holidays are set per *division* of the UK by the Banking and Financial Dealings
Act 1971 (Schedule 1, and royal proclamations under section 1). The library holds them
in three layers, from most to least authoritative:

1. **Official lists** in gov.uk's ``bank-holidays.json`` format. A dated copy is
   bundled; newer files can be loaded with :meth:`HolidayData.with_govuk_file`,
   which first checks that every division and year in the file is complete against
   the standing rules (see :meth:`HolidayData.with_govuk_data`). For a year an
   official list covers, that list is the truth for its division.
2. **Proclaimed days** added by hand (:meth:`HolidayData.with_proclaimed`), for days
   proclaimed after the official copy was taken. One is bundled: Monday 15 June 2026
   in Scotland.
3. **Standing rules**: for years no official list covers, the ``holidays`` package's
   UK subdivisions, with the corrections in :data:`CORRECTIONS`. Days there beyond the
   official data are *provisional*: special days and substitutes depend on
   proclamations not yet made. The package's dates for every year the calendars
   count (2000 to 2101) are generated into ``data/standing-rules.json`` at release
   (``scripts/make_standing_rules.py``; a test regenerates them and compares, so the
   package stays the source of truth), and the package itself is imported only for
   a year outside them.

References:
    * Banking and Financial Dealings Act 1971, s1 and Schedule 1.
    * St Andrew's Day Bank Holiday (Scotland) Act 2007 (asp 2).
    * gov.uk bank holidays data: https://www.gov.uk/bank-holidays.json (Open
      Government Licence v3.0).
"""

from __future__ import annotations

import enum
import functools
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs

from foi_deadlines._dates import to_uk_date
from foi_deadlines.errors import HolidayDataError, InvalidInputError

if TYPE_CHECKING:
    from holidays import HolidayBase

__all__ = [
    "CORRECTIONS",
    "FIRST_SUPPORTED_DAY",
    "KNOWN_DIFFERENCES",
    "LAST_CALENDAR_DAY",
    "LAST_SUPPORTED_DAY",
    "LATE_ANNOUNCEMENTS",
    "MAY_BE_UNLISTED",
    "Announcement",
    "Correction",
    "Division",
    "Holiday",
    "HolidayData",
    "KnownDifference",
    "OfficialList",
    "ProclaimedDay",
    "Shortfall",
    "UnlistedDay",
]

#: The first day the library supports, for dates given to it and for every
#: calendar. FOIA and FOISA rights of access began on 1 January 2005; the earlier
#: years are there for completeness.
FIRST_SUPPORTED_DAY: Final = date(2000, 1, 1)
#: The last day the library accepts as an input (a date of receipt, an event, a day
#: to report for).
LAST_SUPPORTED_DAY: Final = date(2100, 12, 31)
#: The last day the calendars count to, a year after the last input day, so that
#: every deadline of a request received by then can be counted.
LAST_CALENDAR_DAY: Final = date(2101, 12, 31)


class Division(enum.StrEnum):
    """A part of the UK with its own bank holidays, named as gov.uk names it."""

    ENGLAND_AND_WALES = "england-and-wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"

    @property
    def label(self) -> str:
        """The division's name in prose, such as ``"England and Wales"``."""
        return _LABELS[self]


_LABELS: Final = {
    Division.ENGLAND_AND_WALES: "England and Wales",
    Division.SCOTLAND: "Scotland",
    Division.NORTHERN_IRELAND: "Northern Ireland",
}
# The ``holidays`` package's subdivision codes. Wales is the same as England there.
_SUBDIVISIONS: Final = {
    Division.ENGLAND_AND_WALES: "ENG",
    Division.SCOTLAND: "SCT",
    Division.NORTHERN_IRELAND: "NIR",
}


@attrs.frozen(kw_only=True)
class Holiday:
    """One bank holiday in one division.

    Attributes:
        day: The date.
        name: Its name, as the source gives it.
        division: Where it is a bank holiday.
        source: Where the library got it from.
    """

    day: date
    name: str
    division: Division
    source: str


@attrs.frozen(kw_only=True)
class Shortfall:
    """A division, or a division's year, that a gov.uk-format file does not cover.

    Attributes:
        division: The division.
        year: The year, or ``None`` when the division is missing from the file.
        listed: How many weekday bank holidays the file lists for that year.
        expected: How many the standing rules give for it (less the days of
            :data:`MAY_BE_UNLISTED`).
        missing: The standing rules' days that the file does not list.
    """

    division: Division
    year: int | None
    listed: int = 0
    expected: int = 0
    missing: tuple[Holiday, ...] = ()

    def describe(self) -> str:
        """The shortfall in prose, naming the division, the year and what is missing.

        >>> Shortfall(division=Division.SCOTLAND, year=2026, expected=9).describe()
        'scotland 2026: no events where the standing rules give 9'
        """
        if self.year is None:
            return f"{self.division.value}: missing from the file"
        head = f"{self.division.value} {self.year}: "
        if not self.listed:
            return f"{head}no events where the standing rules give {self.expected}"
        missing = ", ".join(f"{h.name} ({h.day})" for h in self.missing)
        return (
            f"{head}{self.listed} event{'s' if self.listed != 1 else ''} where the "
            f"standing rules give {self.expected}; missing {missing}"
        )


@attrs.frozen(kw_only=True)
class OfficialList:
    """Bank holidays loaded from one file in gov.uk's ``bank-holidays.json`` format.

    Attributes:
        source: A description of the file (its name and date).
        holidays: The holidays it lists, for the years it covers.
        coverage: Runs of years the file fully covers, as ``(division, first,
            last)``; a division can have more than one run when a partial file was
            kept (see :meth:`HolidayData.with_govuk_data`), and none when it is
            missing from such a file.
        shortfalls: What a file loaded as partial does not cover, and so was left
            out; empty for a complete file.
    """

    source: str
    holidays: tuple[Holiday, ...]
    coverage: tuple[tuple[Division, int, int], ...]
    shortfalls: tuple[Shortfall, ...] = ()

    def covers(self, division: Division, year: int) -> bool:
        """Whether this list is the official word on ``division`` in ``year``."""
        return any(
            div is division and first <= year <= last
            for div, first, last in self.coverage
        )

    def covered_years(self, division: Division) -> tuple[int, ...]:
        """Every year this list fully covers for ``division``, in order."""
        return tuple(
            sorted(
                {
                    year
                    for div, first, last in self.coverage
                    if div is division
                    for year in range(first, last + 1)
                }
            )
        )


@attrs.frozen(kw_only=True)
class ProclaimedDay:
    """A bank holiday proclaimed after the official data was taken.

    Attributes:
        day: The date of the bank holiday.
        name: Its name.
        divisions: The divisions it applies to.
        replaces: A bank holiday it moves, if any (such as the spring bank holiday
            moved for a jubilee); that day becomes a working day in those divisions.
        source: The proclamation or announcement, for the record.
        announced_on: When it was announced, if known; used by
            :meth:`HolidayData.as_known_on`.
    """

    day: date
    name: str
    divisions: tuple[Division, ...]
    replaces: date | None = None
    source: str = "added by hand"
    announced_on: date | None = None


@attrs.frozen(kw_only=True)
class Announcement:
    """A special bank holiday announced at short notice, and when.

    Attributes:
        day: The bank holiday.
        announced_on: The day it was announced.
        name: What it was for.
    """

    day: date
    announced_on: date
    name: str


@attrs.frozen(kw_only=True)
class Correction:
    """A day the ``holidays`` package lists that was not a bank holiday.

    Attributes:
        day: The date to remove.
        division: The division it is wrongly listed for.
        reason: Why it was not a bank holiday.
    """

    day: date
    division: Division
    reason: str


@attrs.frozen(kw_only=True)
class UnlistedDay:
    """A day the standing rules give that a correct official list may not list.

    A gov.uk-format file that lists fewer weekday bank holidays in a year than the
    standing rules give is refused (see :meth:`HolidayData.with_govuk_data`); a
    day here is not counted as expected, because a genuine gov.uk copy can lack it.

    Attributes:
        day: The date.
        division: The division.
        reason: Why a genuine copy can lack it, and how the library still counts it.
        reference: The published source of the day.
    """

    day: date
    division: Division
    reason: str
    reference: str


@attrs.frozen(kw_only=True)
class KnownDifference:
    """A weekday on which the bundled gov.uk copy and the standing rules disagree.

    Attributes:
        day: The date.
        division: The division.
        in_official: Whether the bundled gov.uk copy lists it.
        in_standing_rules: Whether the ``holidays`` package lists it.
        is_bank_holiday: The right answer, which the library's calendars give.
        explanation: Why they differ.
    """

    day: date
    division: Division
    in_official: bool
    in_standing_rules: bool
    is_bank_holiday: bool
    explanation: str


#: Days wrongly listed by the ``holidays`` package, removed from the standing rules.
CORRECTIONS: Final = (
    Correction(
        day=date(2006, 11, 30),
        division=Division.SCOTLAND,
        reason=(
            "the St Andrew's Day Bank Holiday (Scotland) Act 2007 received Royal "
            "Assent on 15 January 2007; the first such bank holiday was "
            "30 November 2007"
        ),
    ),
)

#: Days the standing rules give that a genuine gov.uk copy may not list. A test
#: checks that the bundled copy passes the completeness check with this list, and
#: fails it without each entry.
MAY_BE_UNLISTED: Final = (
    UnlistedDay(
        day=date(2026, 6, 15),
        division=Division.SCOTLAND,
        reason=(
            "proclaimed in February 2026 (announced on 5 February) for Scotland's "
            "participation in the FIFA World Cup; gov.uk copies taken before gov.uk "
            "listed it, such as the bundled copy of 2026-02-25, lack it, and the "
            "library adds it as a bundled proclaimed day"
        ),
        reference=(
            "Royal proclamation under the Banking and Financial Dealings Act 1971 "
            "s1(3), Privy Council Office, February 2026: https://web.archive.org/"
            "web/20260214143756/https://privycouncil.independent.gov.uk/wp-content/"
            "uploads/2026/02/Scotland-Bank-Holiday-Proclamation.pdf"
        ),
    ),
)

#: Days proclaimed after the bundled gov.uk copy was taken.
BUNDLED_PROCLAIMED: Final = (
    ProclaimedDay(
        day=date(2026, 6, 15),
        name="Special bank holiday (Scotland at the FIFA World Cup)",
        divisions=(Division.SCOTLAND,),
        source=(
            "royal proclamation under the Banking and Financial Dealings Act 1971 "
            "s1(3), February 2026"
        ),
        announced_on=date(2026, 2, 5),
    ),
)

#: Special bank holidays announced while requests were in progress. A deadline
#: computed "as known at receipt" (policy P6) leaves out the ones announced after
#: day 0; every other bank holiday was known years ahead.
LATE_ANNOUNCEMENTS: Final = (
    Announcement(
        day=date(2022, 9, 19),
        announced_on=date(2022, 9, 10),
        name="State funeral of Queen Elizabeth II",
    ),
    Announcement(
        day=date(2023, 5, 8),
        announced_on=date(2022, 11, 6),
        name="Coronation of King Charles III",
    ),
    Announcement(
        day=date(2026, 6, 15),
        announced_on=date(2026, 2, 5),
        name="Scotland at the FIFA World Cup",
    ),
)

#: Every weekday on which the bundled gov.uk copy and the ``holidays`` package
#: disagree, over the years both cover, with the right answer. A test keeps this
#: list complete.
KNOWN_DIFFERENCES: Final = (
    KnownDifference(
        day=date(2026, 6, 15),
        division=Division.SCOTLAND,
        in_official=False,
        in_standing_rules=True,
        is_bank_holiday=True,
        explanation=(
            "proclaimed in February 2026, after the bundled gov.uk copy was taken; "
            "the library adds it as a bundled proclaimed day"
        ),
    ),
)

#: The package's data files, read as plain files: importlib.resources would cost
#: more to import than the reading does, and the package is never zipped.
_DATA: Final = Path(__file__).with_name("data")
_BUNDLED_FILE: Final = "govuk-bank-holidays.json"
#: How the bundled gov.uk copy is described in every result that uses it.
BUNDLED_SOURCE: Final = "gov.uk bank-holidays.json, copy of 2026-02-25"


@attrs.frozen(kw_only=True, cache_hash=True)
class HolidayData:
    """The bank holidays a calendar is built from: immutable, and updatable by copy.

    Use :meth:`bundled` for the data shipped with the library, then
    :meth:`with_govuk_file` or :meth:`with_proclaimed` to bring it up to date
    without a new release. Each returns a new value; pass it to
    :func:`~foi_deadlines.calendars.get_calendar` as ``data=``. Without ``data=``,
    calendars use :func:`~foi_deadlines.holiday_store.default_data`: the bundled
    data with the user's installed update and proclaimed days.

    >>> from datetime import date
    >>> data = HolidayData.bundled().with_proclaimed(
    ...     date(2030, 6, 3), "Special bank holiday", divisions=("scotland",)
    ... )
    >>> data.version.split("; ")
    ['gov.uk bank-holidays.json, copy of 2026-02-25', '2 proclaimed days',
     'standing rules: holidays ...']

    Attributes:
        official: Official lists, oldest first; for a year two lists cover, the
            later one wins.
        proclaimed: Proclaimed days added on top.
        unannounced: Special days left out because they were announced after the
            day given to :meth:`as_known_on`.
    """

    official: tuple[OfficialList, ...] = ()
    proclaimed: tuple[ProclaimedDay, ...] = ()
    unannounced: tuple[date, ...] = ()

    @classmethod
    def bundled(cls) -> HolidayData:
        """The data shipped with the library: the gov.uk copy plus proclaimed days.

        Only what was shipped, whatever the user has installed: for the data
        calendars use by default, see
        :func:`~foi_deadlines.holiday_store.default_data`.
        """
        return _bundled()

    def with_govuk_file(
        self, path: str | os.PathLike[str], *, partial: bool = False
    ) -> HolidayData:
        """Return a copy that also has the official list in a gov.uk-format file.

        The file is checked as :meth:`with_govuk_data` describes.

        Args:
            path: A JSON file in the format of https://www.gov.uk/bank-holidays.json.
            partial: Keep an incomplete file for the years it fully covers instead
                of refusing it.

        Returns:
            New data in which, for each division and year the file covers, the file's
            list replaces what was known before.

        Raises:
            HolidayDataError: The file cannot be read, is malformed or (unless
                ``partial``) incomplete; nothing of it is loaded.
        """
        file = Path(path)
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise HolidayDataError(str(file), "", f"cannot be read: {exc}") from exc
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as exc:
            raise HolidayDataError(
                str(file), f"line {exc.lineno} column {exc.colno}", exc.msg
            ) from exc
        return self.with_govuk_data(parsed, source=file.name, partial=partial)

    def with_govuk_data(
        self, data: object, *, source: str, partial: bool = False
    ) -> HolidayData:
        """Return a copy that also has an official list already parsed from JSON.

        The list is checked per division and year before it is used. It must have
        all three divisions, and for every year from its first to its last (over
        all divisions), each division must list at least as many weekday bank
        holidays as the standing rules give for that year, less the days of
        :data:`MAY_BE_UNLISTED` (a moved day counts; a missing one does not).
        Otherwise it is refused, naming each division and year and the days
        missing.

        With ``partial``, an incomplete list is kept instead, for the years it
        fully covers in each division: a short year is left out (the data known
        before, or the standing rules, stay in force for it, and
        :meth:`confirmed_until` stops before it), and a missing division is left
        out in the same way. A list that covers no year fully is refused even so.

        >>> HolidayData().with_govuk_data(
        ...     {"scotland": {"events": [
        ...         {"title": "New Year’s Day", "date": "2029-01-01"}]}},
        ...     source="short.json",
        ... )
        Traceback (most recent call last):
        ...
        foi_deadlines.errors.HolidayDataError: holiday data from short.json refused:
        england-and-wales: missing from the file; northern-ireland: missing from the
        file; scotland 2029: 1 event where the standing rules give 9; missing New
        Year Holiday (2029-01-02), Good Friday (2029-03-30), ... Nothing of it is
        loaded; to keep only the years it fully covers, load it with partial=True
        (--partial on the command line)

        Args:
            data: The parsed JSON object, keyed by division.
            source: How to describe this data in results (a file name and date).
            partial: Keep an incomplete list for the years it fully covers instead
                of refusing it.

        Returns:
            New data, as for :meth:`with_govuk_file`.

        Raises:
            HolidayDataError: The data is malformed or (unless ``partial``)
                incomplete; nothing is loaded.
        """
        official = _parse_govuk(data, source, partial=partial)
        return attrs.evolve(self, official=(*self.official, official))

    def with_proclaimed(
        self,
        day: date,
        name: str,
        *,
        divisions: Iterable[Division | str],
        replaces: date | None = None,
        source: str = "added by hand",
        announced_on: date | None = None,
    ) -> HolidayData:
        """Return a copy with one more proclaimed bank holiday.

        Args:
            day: The date of the new bank holiday.
            name: Its name, shown when deadlines are explained.
            divisions: Where it applies: ``"england-and-wales"``, ``"scotland"``,
                ``"northern-ireland"``; all three for a UK-wide day.
            replaces: A bank holiday the proclamation moves, which becomes a working
                day in those divisions.
            source: The proclamation, for the record.
            announced_on: When it was announced, if known; used by
                :meth:`as_known_on`.

        Returns:
            New data.

        Raises:
            HolidayDataError: A date is outside the supported span, or no division
                or an unknown one is given.
        """
        where = f"proclaimed day {name!r}"
        try:
            proclaimed = ProclaimedDay(
                day=to_uk_date(day, "day"),
                name=name,
                divisions=_parse_divisions(divisions),
                replaces=None if replaces is None else to_uk_date(replaces, "replaces"),
                source=source,
                announced_on=(
                    None
                    if announced_on is None
                    else to_uk_date(announced_on, "announced_on")
                ),
            )
        except InvalidInputError as exc:
            raise HolidayDataError(where, exc.param, str(exc)) from exc
        for param, value in (
            ("day", proclaimed.day),
            ("replaces", proclaimed.replaces),
        ):
            if (
                value is not None
                and not FIRST_SUPPORTED_DAY <= value <= LAST_SUPPORTED_DAY
            ):
                raise HolidayDataError(
                    where,
                    param,
                    f"{value} is outside the supported span "
                    f"{FIRST_SUPPORTED_DAY} to {LAST_SUPPORTED_DAY}",
                )
        return attrs.evolve(self, proclaimed=(*self.proclaimed, proclaimed))

    def as_known_on(self, day: date) -> HolidayData:
        """The data as it stood on ``day``: special days announced later left out.

        For policy P6 ``as_known_at_receipt``: a deadline counted with the bank
        holidays known when the request arrived. The announcement dates are those of
        :data:`LATE_ANNOUNCEMENTS` and of proclaimed days that give one.

        >>> from datetime import date
        >>> known = HolidayData.bundled().as_known_on(date(2022, 9, 5))
        >>> [str(day) for day in known.unannounced]
        ['2022-09-19', '2023-05-08', '2026-06-15']
        """
        day = to_uk_date(day, "day")
        announced = [(a.day, a.announced_on) for a in LATE_ANNOUNCEMENTS]
        announced += [
            (p.day, p.announced_on)
            for p in self.proclaimed
            if p.announced_on is not None
        ]
        later = tuple(sorted({holiday for holiday, on in announced if on > day}))
        return attrs.evolve(self, unannounced=later)

    @property
    def version(self) -> str:
        """A short description of this data, recorded in every computed deadline."""
        parts = [official.source for official in self.official]
        if self.proclaimed:
            count = len(self.proclaimed)
            parts.append(f"{count} proclaimed day{'s' if count != 1 else ''}")
        parts.append(f"standing rules: {standing_rules_version()}")
        if self.unannounced:
            left_out = ", ".join(str(day) for day in self.unannounced)
            parts.append(f"leaving out {left_out} (announced later)")
        return "; ".join(parts)

    def confirmed_until(self, division: Division) -> date:
        """The last day of the last year the official data fully covers for a division.

        The years count from the first one an official list covers, without a
        gap: a year that no list fully covers (such as one left out of a partial
        file) ends the confirmed span before it. Days after it come from the
        standing rules and are provisional. Before the first official year the
        standing rules are history, not projection.

        >>> HolidayData.bundled().confirmed_until(Division.SCOTLAND)
        datetime.date(2028, 12, 31)
        """
        runs = sorted(
            (first, last)
            for official in self.official
            for div, first, last in official.coverage
            if div is division
        )
        if not runs:
            return date(FIRST_SUPPORTED_DAY.year - 1, 12, 31)
        end = runs[0][1]
        for first, last in runs[1:]:
            if first > end + 1:
                break
            end = max(end, last)
        return date(end, 12, 31)

    def _official_or_standing(
        self, division: Division, first_year: int, last_year: int
    ) -> dict[date, list[Holiday]]:
        """For each year, the latest official list covering it, else standing rules."""
        by_day: dict[date, list[Holiday]] = {}
        standing_years = []
        chosen: dict[int, OfficialList] = {}
        for year in range(first_year, last_year + 1):
            official = next(
                (o for o in reversed(self.official) if o.covers(division, year)), None
            )
            if official is None:
                standing_years.append(year)
            else:
                chosen[year] = official
        for official in {id(o): o for o in chosen.values()}.values():
            for holiday in official.holidays:
                if (
                    holiday.division is division
                    and chosen.get(holiday.day.year) is official
                ):
                    by_day.setdefault(holiday.day, []).append(holiday)
        for holiday in _standing_rules(division, tuple(standing_years)):
            by_day.setdefault(holiday.day, []).append(holiday)
        return by_day

    def holidays_by_day(
        self, division: Division, first_year: int, last_year: int
    ) -> dict[date, tuple[Holiday, ...]]:
        """Every bank holiday in ``division`` from ``first_year`` to ``last_year``.

        Weekend dates are included where a source lists them (the standing rules list
        the nominal date of a substituted holiday); they never change a count.
        """
        by_day = self._official_or_standing(division, first_year, last_year)
        for proclaimed in self.proclaimed:
            if division not in proclaimed.divisions:
                continue
            if not first_year <= proclaimed.day.year <= last_year:
                continue
            if proclaimed.replaces is not None:
                by_day.pop(proclaimed.replaces, None)
            if proclaimed.day in by_day:
                continue  # already listed, by the official data or another proclamation
            by_day[proclaimed.day] = [
                Holiday(
                    day=proclaimed.day,
                    name=proclaimed.name,
                    division=division,
                    source=proclaimed.source,
                )
            ]
        for day in self.unannounced:
            by_day.pop(day, None)
        return {day: tuple(by_day[day]) for day in sorted(by_day)}


@functools.cache
def _bundled() -> HolidayData:
    text = (_DATA / _BUNDLED_FILE).read_text(encoding="utf-8")
    official = _parse_govuk(json.loads(text), BUNDLED_SOURCE)
    return HolidayData(official=(official,), proclaimed=BUNDLED_PROCLAIMED)


_STANDING_FILE: Final = "standing-rules.json"


@functools.cache
def _standing_file() -> tuple[str, Mapping[str, Mapping[str, str]]]:
    """The bundled standing-rule dates: what generated them, and by division."""
    text = (_DATA / _STANDING_FILE).read_text(encoding="utf-8")
    content = json.loads(text)
    return content["generator"], content["divisions"]


def standing_rules_version() -> str:
    """What computed the standing-rule dates in use, such as ``"holidays 0.109"``."""
    return _standing_file()[0]


@functools.cache
def _bundled_standing(division: Division) -> dict[int, tuple[tuple[date, str], ...]]:
    """The bundled standing-rule dates of one division, by year."""
    by_year: dict[int, list[tuple[date, str]]] = {}
    for text, names in _standing_file()[1][division.value].items():
        day = date.fromisoformat(text)
        by_year.setdefault(day.year, []).append((day, names))
    return {year: tuple(days) for year, days in by_year.items()}


@functools.cache
def _uk_rules() -> type[HolidayBase]:
    """The ``holidays`` package's UK rules, for every year the calendars count on.

    The package stops at 2100 (its ``end_year``); the calendars count on to the end
    of 2101, so that a request received late in 2100 has a due date. The rules of
    the Banking and Financial Dealings Act 1971 are the same in 2101, so the same
    class is asked for one more year rather than the year left empty.
    """
    import holidays  # noqa: PLC0415 - slow to import; needed only to regenerate

    base = type(holidays.country_holidays("GB", years=()))
    if base.end_year >= LAST_CALENDAR_DAY.year:
        return base
    return type(base.__name__, (base,), {"end_year": LAST_CALENDAR_DAY.year})


def computed_standing_rules(
    division: Division, years: Iterable[int]
) -> dict[date, str]:
    """The standing-rule bank holidays the ``holidays`` package computes.

    What ``data/standing-rules.json`` holds for 2000 to 2101, computed afresh: the
    dates, in order, each with its names joined by ``"; "``, before
    :data:`CORRECTIONS`.
    """
    table = _uk_rules()(subdiv=_SUBDIVISIONS[division], years=years, expand=False)
    return dict(sorted(table.items()))


def computed_standing_rules_version() -> str:
    """The version of the ``holidays`` package installed, as the file records it."""
    from holidays.version import __version__  # noqa: PLC0415 - see _uk_rules

    return f"holidays {__version__}"


@functools.cache
def _standing_rules(division: Division, years: tuple[int, ...]) -> tuple[Holiday, ...]:
    if not years:
        return ()
    bundled = _bundled_standing(division)
    missing = [year for year in years if year not in bundled]
    computed: dict[int, list[tuple[date, str]]] = {}
    if missing:
        for day, names in computed_standing_rules(division, missing).items():
            computed.setdefault(day.year, []).append((day, names))
    sources = {
        year: standing_rules_version()
        if year in bundled
        else computed_standing_rules_version()
        for year in years
    }
    removed = {c.day for c in CORRECTIONS if c.division is division}
    return tuple(
        Holiday(
            day=day,
            name=name,
            division=division,
            source=f"standing rules ({sources[year]})",
        )
        for year in sorted(years)
        for day, names in bundled.get(year, computed.get(year, ()))
        if day not in removed
        for name in names.split("; ")
    )


def _parse_divisions(divisions: Iterable[Division | str]) -> tuple[Division, ...]:
    if isinstance(divisions, str):
        divisions = (divisions,)
    result = []
    for value in divisions:
        try:
            result.append(Division(value))
        except ValueError:
            valid = ", ".join(repr(d.value) for d in Division)
            raise InvalidInputError("divisions", value, f"one of {valid}") from None
    if not result:
        raise InvalidInputError("divisions", divisions, "at least one division")
    return tuple(dict.fromkeys(result))


#: How many shortfalls a refusal describes in full; the rest are counted.
_SHORTFALLS_DESCRIBED: Final = 6


def _parse_govuk(data: object, source: str, *, partial: bool = False) -> OfficialList:
    """Validate a parsed gov.uk ``bank-holidays.json`` object, all or nothing.

    The format is checked first, then the completeness of every division and
    year (see :meth:`HolidayData.with_govuk_data`).
    """
    holidays = _parse_govuk_events(data, source)
    years = [holiday.day.year for holiday in holidays]
    span = range(min(years), max(years) + 1)
    shortfalls = [
        *(
            Shortfall(division=division, year=None)
            for division in Division
            if not any(h.division is division for h in holidays)
        ),
        *(
            shortfall
            for division in Division
            if any(h.division is division for h in holidays)
            for shortfall in _shortfalls(division, span, holidays)
        ),
    ]
    if shortfalls and not partial:
        raise HolidayDataError(source, "", _refusal(shortfalls))
    short = {(s.division, s.year) for s in shortfalls}
    coverage = [
        (division, run[0], run[-1])
        for division in Division
        if (division, None) not in short
        for run in _runs([year for year in span if (division, year) not in short])
    ]
    if not coverage:
        raise HolidayDataError(
            source,
            "",
            "no division and year is complete, so nothing can be kept: "
            + _refusal(shortfalls, hint=False),
        )
    return OfficialList(
        source=source,
        holidays=tuple(h for h in holidays if (h.division, h.day.year) not in short),
        coverage=tuple(coverage),
        shortfalls=tuple(shortfalls),
    )


def _shortfalls(
    division: Division, span: range, holidays: Iterable[Holiday]
) -> Iterator[Shortfall]:
    """The years of ``span`` in which ``holidays`` list too few days for a division."""
    listed: dict[int, set[date]] = {year: set() for year in span}
    for holiday in holidays:
        if holiday.division is division and holiday.day.weekday() < 5:
            listed[holiday.day.year].add(holiday.day)
    unlisted = {u.day for u in MAY_BE_UNLISTED if u.division is division}
    expected: dict[int, dict[date, Holiday]] = {year: {} for year in span}
    for holiday in _standing_rules(division, tuple(span)):
        if holiday.day.weekday() < 5 and holiday.day not in unlisted:
            expected[holiday.day.year].setdefault(holiday.day, holiday)
    for year in span:
        if len(listed[year]) < len(expected[year]):
            yield Shortfall(
                division=division,
                year=year,
                listed=len(listed[year]),
                expected=len(expected[year]),
                missing=tuple(
                    holiday
                    for day, holiday in sorted(expected[year].items())
                    if day not in listed[year]
                ),
            )


def _runs(years: Iterable[int]) -> Iterator[list[int]]:
    """Consecutive runs of ``years``, which are in ascending order."""
    run: list[int] = []
    for year in years:
        if run and year != run[-1] + 1:
            yield run
            run = []
        run.append(year)
    if run:
        yield run


def _refusal(shortfalls: list[Shortfall], *, hint: bool = True) -> str:
    described = "; ".join(s.describe() for s in shortfalls[:_SHORTFALLS_DESCRIBED])
    more = len(shortfalls) - _SHORTFALLS_DESCRIBED
    if more > 0:
        described += f"; and {more} more division-year{'s' if more != 1 else ''}"
    if hint:
        described += (
            ". Nothing of it is loaded; to keep only the years it fully covers, "
            "load it with partial=True (--partial on the command line)"
        )
    return described


def _parse_govuk_events(data: object, source: str) -> list[Holiday]:
    """The events of a parsed gov.uk object, checked for format only."""
    fail = functools.partial(HolidayDataError, source)
    if not isinstance(data, Mapping) or not data:
        raise fail("", "expected a JSON object keyed by division")
    holidays: list[Holiday] = []
    for key, block in data.items():
        try:
            division = Division(key)
        except ValueError:
            valid = ", ".join(d.value for d in Division)
            raise fail(str(key), f"unknown division; expected one of {valid}") from None
        if not isinstance(block, Mapping):
            raise fail(key, "expected an object with 'division' and 'events'")
        if block.get("division", key) != key:
            raise fail(
                f"{key}.division", f"{block['division']!r} does not match {key!r}"
            )
        events = block.get("events")
        if not isinstance(events, list) or not events:
            raise fail(f"{key}.events", "expected a non-empty list of events")
        seen: set[date] = set()
        for index, event in enumerate(events):
            path = f"{key}.events[{index}]"
            day, name = _parse_event(event, path, source)
            if day in seen:
                raise fail(f"{path}.date", f"{day} is listed twice for {key}")
            seen.add(day)
            holidays.append(
                Holiday(day=day, name=name, division=division, source=source)
            )
    return holidays


def _parse_event(event: object, path: str, source: str) -> tuple[date, str]:
    fail = functools.partial(HolidayDataError, source)
    if not isinstance(event, Mapping):
        raise fail(path, "expected an object with 'title' and 'date'")
    title = event.get("title")
    if not isinstance(title, str) or not title.strip():
        raise fail(f"{path}.title", f"expected a non-empty string (got {title!r})")
    notes = event.get("notes", "")
    if not isinstance(notes, str):
        raise fail(f"{path}.notes", f"expected a string (got {notes!r})")
    raw = event.get("date")
    try:
        day = (
            date.fromisoformat(raw) if isinstance(raw, str) and len(raw) == 10 else None
        )
    except ValueError:
        day = None
    if day is None:
        raise fail(f"{path}.date", f"expected a date as YYYY-MM-DD (got {raw!r})")
    if not FIRST_SUPPORTED_DAY <= day <= LAST_SUPPORTED_DAY:
        raise fail(
            f"{path}.date",
            f"{day} is outside the supported span "
            f"{FIRST_SUPPORTED_DAY} to {LAST_SUPPORTED_DAY}",
        )
    name = f"{title} ({notes.lower()})" if notes.strip() else title
    return day, name
