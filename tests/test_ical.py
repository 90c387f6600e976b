"""The calendar export: events, reminders, stable ids, updates and cancellations.

Every file is parsed back twice: with ``icalendar``, and with the independent
reader of ``tests/ics.py``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import icalendar
import pytest

from foi_deadlines import Case, CaseEvent, InvalidInputError, get_calendar
from foi_deadlines._dates import london
from foi_deadlines.ical import (
    CANCELLED_KEPT_DAYS,
    PRODID,
    CalendarEvent,
    calendar_events,
    is_deadline_calendar,
    to_ics,
)
from foi_deadlines.reminders import DeadlineKind
from tests import ics

AS_OF = date(2025, 1, 20)


def event(kind: str, on: date, **fields: object) -> CaseEvent:
    return CaseEvent(kind=kind, on=on, **fields)  # type: ignore[arg-type]


def open_case(reference: str = "FOI 2025/123") -> Case:
    """A FOIA request received on Monday 6 January 2025: due Monday 3 February."""
    return Case.received(date(2025, 1, 6), reference=reference)


def answered_case() -> Case:
    """Answered on 20 January: the requester may ask for a review until 18 March."""
    return Case.received(date(2025, 1, 6), reference="FOI 2025/7").with_event(
        event("response_sent", date(2025, 1, 20), outcome="refused")
    )


def one(events: list[CalendarEvent]) -> CalendarEvent:
    assert len(events) == 1, events
    return events[0]


def vevents(data: bytes) -> list[ics.Component]:
    return ics.read(data).all("VEVENT")


class TestEvents:
    def test_one_event_for_an_open_request(self) -> None:
        """An open request has one event, its response, on the due day."""
        found = one(calendar_events([open_case()], as_of=AS_OF))
        assert (found.kind, found.on, found.sequence) == (
            DeadlineKind.RESPONSE,
            date(2025, 2, 3),
            0,
        )

    def test_title_reads_in_a_month_view(self) -> None:
        """The title is the reference, then what is due."""
        found = one(calendar_events([open_case()], as_of=AS_OF))
        assert found.summary == "FOI 2025/123: response due"

    def test_description_has_rule_source_and_explanation(self) -> None:
        """The description names the rule and the law, then explains the date."""
        found = one(calendar_events([open_case()], as_of=AS_OF))
        first, blank, *rest = found.description.split("\n")
        assert first == (
            "Rule: Response to a request (FOIA 2000). Legal source: Freedom of "
            "Information Act 2000 s10(1)."
        )
        assert blank == ""
        assert rest[0] == (
            "Response to a request (FOIA 2000): due by Monday 3 February 2025."
        )
        assert "Days not counted after day 0: 8 weekend days." in rest

    def test_guidance_is_marked(self) -> None:
        """A window set by guidance says it is not statute."""
        found = one(calendar_events([answered_case()], as_of=AS_OF))
        assert found.kind is DeadlineKind.REVIEW_REQUEST
        assert found.summary == "FOI 2025/7: review request window closes"
        assert "(guidance, not statute)." in found.description.split("\n")[0]

    def test_extended_response_replaces_response(self) -> None:
        """Once time is extended, the extended response is the event."""
        case = Case.received(date(2025, 1, 6), regime="eir", reference="EIR 1")
        case = case.with_event(event("extension", date(2025, 1, 20)))
        found = one(calendar_events([case], as_of=date(2025, 1, 21)))
        assert (found.kind, found.on) == (
            DeadlineKind.EXTENDED_RESPONSE,
            date(2025, 3, 3),
        )
        assert found.summary == "EIR 1: extended response due"

    def test_events_in_date_order(self) -> None:
        """Events come in date order, whatever the order of the cases."""
        later = Case.received(date(2025, 1, 13), reference="B")
        found = calendar_events([later, open_case("A")], as_of=AS_OF)
        assert [(e.reference, e.on) for e in found] == [
            ("A", date(2025, 2, 3)),
            ("B", date(2025, 2, 10)),
        ]

    @pytest.mark.parametrize(
        "closing",
        [
            event("withdrawn", date(2025, 1, 9)),
            event("transferred", date(2025, 1, 9)),
        ],
    )
    def test_closed_case_has_no_event(self, closing: CaseEvent) -> None:
        """A withdrawn or transferred case gets no event."""
        assert calendar_events([open_case().with_event(closing)], as_of=AS_OF) == []

    def test_lapsed_case_has_no_event(self) -> None:
        """A request lapsed for want of its fee gets no event."""
        case = open_case().with_event(event("fees_notice", date(2025, 1, 8)))
        assert [e.kind for e in calendar_events([case], as_of=AS_OF)] == [
            DeadlineKind.FEE_PAYMENT
        ]
        assert calendar_events([case], as_of=date(2025, 4, 30)) == []

    def test_later_events_are_left_out(self) -> None:
        """A case is read as it stood on as_of: a later withdrawal is not seen."""
        case = open_case().with_event(event("withdrawn", date(2025, 1, 30)))
        assert len(calendar_events([case], as_of=AS_OF)) == 1

    def test_case_received_after_as_of_has_no_event(self) -> None:
        """A case that did not exist yet on as_of has no event."""
        assert calendar_events([open_case()], as_of=date(2025, 1, 2)) == []


class TestReminders:
    def test_working_days_before_the_deadline(self) -> None:
        """Reminders are 5 and 1 working days before, past Christmas and 2 January."""
        case = Case.received(date(2024, 12, 2), reference="X")
        found = one(calendar_events([case], as_of=date(2024, 12, 2)))
        assert found.on == date(2025, 1, 3)
        assert [(r.at, r.working_days) for r in found.reminders] == [
            (datetime(2024, 12, 23, 9, tzinfo=UTC), 5),
            (datetime(2024, 12, 31, 9, tzinfo=UTC), 1),
        ]

    def test_nine_in_the_morning_uk_time_in_summer(self) -> None:
        """In British Summer Time, 09:00 UK time is written as 08:00 UTC."""
        case = Case.received(date(2025, 6, 2), reference="S")
        found = one(calendar_events([case], as_of=date(2025, 6, 2)))
        assert found.reminders[0].at == datetime(2025, 6, 23, 8, tzinfo=UTC)
        local = found.reminders[0].at.astimezone(london())
        assert (local.date(), local.time()) == (date(2025, 6, 23), time(9))

    def test_configurable_counts_and_time(self) -> None:
        """Counts are given once each, most working days first; the time is chosen."""
        found = one(
            calendar_events(
                [open_case()],
                as_of=AS_OF,
                reminders=[2, 10, 2],
                reminder_time=time(7, 30),
            )
        )
        assert [(r.at, r.working_days) for r in found.reminders] == [
            (datetime(2025, 1, 20, 7, 30, tzinfo=UTC), 10),
            (datetime(2025, 1, 30, 7, 30, tzinfo=UTC), 2),
        ]

    def test_no_reminders(self) -> None:
        """An empty list of counts gives events without reminders."""
        found = one(calendar_events([open_case()], as_of=AS_OF, reminders=()))
        assert found.reminders == ()
        assert not vevents(to_ics([found]))[0].all("VALARM")

    def test_reminders_before_as_of_are_left_out(self) -> None:
        """A reminder day already gone is not written: importing sets off nothing."""
        found = one(calendar_events([open_case()], as_of=date(2025, 1, 28)))
        assert [r.working_days for r in found.reminders] == [1]

    def test_calendar_month_regime_counts_on_the_division(self) -> None:
        """Subject access reminders fall on working days of the controller's part."""
        case = Case.received(
            date(2025, 11, 3), regime="sar", reference="SAR 1", division="scotland"
        )
        found = one(calendar_events([case], as_of=date(2025, 11, 3)))
        assert found.on == date(2025, 12, 3)
        scotland = get_calendar("scotland")
        days = [r.at.astimezone(london()).date() for r in found.reminders]
        # St Andrew's Day (Monday 1 December, substitute) is skipped in Scotland.
        assert days == [date(2025, 11, 25), date(2025, 12, 2)]
        assert all(scotland.is_working_day(day) for day in days)

    @pytest.mark.parametrize("bad", [[0], [-1], [1.5], "5,1", [True], None])
    def test_bad_counts_refused(self, bad: object) -> None:
        """Counts must be whole numbers of working days, 1 or more."""
        with pytest.raises(InvalidInputError, match="reminders"):
            calendar_events([open_case()], as_of=AS_OF, reminders=bad)  # type: ignore[arg-type]

    def test_reminder_time_must_be_local(self) -> None:
        """A reminder time with a time zone is refused: it is UK time."""
        with pytest.raises(InvalidInputError, match="reminder_time"):
            calendar_events(
                [open_case()], as_of=AS_OF, reminder_time=time(9, tzinfo=UTC)
            )


class TestFile:
    def test_icalendar_reads_it_back(self) -> None:
        """icalendar reads all-day dates, a day-long span, the text and the triggers."""
        data = to_ics(calendar_events([open_case(), answered_case()], as_of=AS_OF))
        calendar = icalendar.Calendar.from_ical(data)
        assert str(calendar["PRODID"]) == PRODID
        assert str(calendar["METHOD"]) == "PUBLISH"
        events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
        assert set(events) == {
            "FOI 2025/123: response due",
            "FOI 2025/7: review request window closes",
        }
        response = events["FOI 2025/123: response due"]
        assert response.decoded("DTSTART") == date(2025, 2, 3)
        assert response.decoded("DTEND") == date(2025, 2, 4)
        assert type(response.decoded("DTSTART")) is date
        assert "Freedom of Information Act 2000 s10(1)" in str(response["DESCRIPTION"])
        triggers = [a.decoded("TRIGGER") for a in response.walk("VALARM")]
        assert triggers == [
            datetime(2025, 1, 27, 9, tzinfo=UTC),
            datetime(2025, 1, 31, 9, tzinfo=UTC),
        ]

    def test_the_independent_reader_agrees(self) -> None:
        """The minimal reader finds the same all-day events, text and triggers."""
        events = calendar_events([open_case(), answered_case()], as_of=AS_OF)
        data = to_ics(events)
        found = vevents(data)
        assert len(found) == len(events)
        for written, read in zip(events, found, strict=True):
            start, end = read.get("DTSTART"), read.get("DTEND")
            assert start.params == end.params == {"VALUE": "DATE"}
            assert (start.date, end.date) == (
                written.on,
                written.on + timedelta(days=1),
            )
            assert read.get("UID").text == written.uid
            assert read.get("SEQUENCE").value == "0"
            assert read.get("SUMMARY").text == written.summary
            assert read.get("DESCRIPTION").text == written.description
            assert read.get("STATUS").value == "CONFIRMED"
            assert read.get("TRANSP").value == "TRANSPARENT"
            assert read.get("DTSTAMP").utc == datetime(2025, 1, 20, tzinfo=UTC)
            alarms = read.all("VALARM")
            assert [a.get("TRIGGER").params for a in alarms] == [
                {"VALUE": "DATE-TIME"}
            ] * len(written.reminders)
            assert [a.get("TRIGGER").utc for a in alarms] == [
                r.at for r in written.reminders
            ]
            assert all(a.get("ACTION").value == "DISPLAY" for a in alarms)
            assert all(a.get("DESCRIPTION").text for a in alarms)

    def test_lines_are_folded_at_75_octets(self) -> None:
        """Every physical line is 75 octets or fewer, even with non-ASCII text."""
        case = Case.received(date(2024, 12, 19), reference="Ré’f")
        data = to_ics(calendar_events([case], as_of=date(2024, 12, 20)))
        assert all(len(line) <= 75 for line in ics.physical_lines(data))
        assert "New Year’s Day" in vevents(data)[0].get("DESCRIPTION").text

    def test_calendar_header(self) -> None:
        """The calendar says who wrote it, the version, PUBLISH and its name."""
        calendar = ics.read(to_ics([], name="Team deadlines"))
        assert calendar.get("PRODID").value == PRODID
        assert calendar.get("VERSION").value == "2.0"
        assert calendar.get("METHOD").value == "PUBLISH"
        assert calendar.get("X-WR-CALNAME").text == "Team deadlines"

    def test_same_input_same_bytes(self) -> None:
        """The same cases on the same day give byte-identical files."""
        cases = [open_case(), answered_case()]
        first = to_ics(calendar_events(cases, as_of=AS_OF))
        second = to_ics(calendar_events(cases, as_of=AS_OF, previous=first))
        assert second == first
        assert to_ics(calendar_events(list(reversed(cases)), as_of=AS_OF)) == first

    def test_uid_from_reference_and_kind(self) -> None:
        """The UID is the escaped reference, the kind and the domain."""
        found = one(calendar_events([open_case()], as_of=AS_OF))
        assert found.uid == "FOI%202025%2F123.response@foi-deadlines.invalid"
        other = one(
            calendar_events(
                [open_case()], as_of=date(2025, 1, 27), uid_domain="foi.example.org"
            )
        )
        assert other.uid == "FOI%202025%2F123.response@foi.example.org"

    def test_recognises_its_own_files(self) -> None:
        """A file it wrote is known by its PRODID; another calendar is not."""
        assert is_deadline_calendar(to_ics([]))
        other = b"BEGIN:VCALENDAR\r\nPRODID:-//Other//EN\r\nEND:VCALENDAR\r\n"
        assert not is_deadline_calendar(other)
        assert not is_deadline_calendar(b"not a calendar")


class TestUpdates:
    def test_unchanged_event_keeps_its_sequence(self) -> None:
        """An event that has not changed keeps its SEQUENCE from one day to the next."""
        first = to_ics(calendar_events([open_case()], as_of=AS_OF))
        again = one(
            calendar_events([open_case()], as_of=date(2025, 1, 27), previous=first)
        )
        assert again.sequence == 0

    def test_moved_deadline_keeps_uid_with_higher_sequence(self) -> None:
        """A clarification moves the deadline: same UID, SEQUENCE one higher."""
        first = to_ics(calendar_events([open_case()], as_of=AS_OF))
        clarified = open_case().with_event(
            event("clarification_sought", date(2025, 1, 8))
        )
        clarified = clarified.with_event(
            event("clarification_received", date(2025, 1, 21))
        )
        second = to_ics(
            calendar_events([clarified], as_of=date(2025, 1, 21), previous=first)
        )
        old, new = vevents(first)[0], vevents(second)[0]
        assert len(vevents(second)) == 1
        assert new.get("UID").value == old.get("UID").value
        assert (old.get("DTSTART").date, new.get("DTSTART").date) == (
            date(2025, 2, 3),
            date(2025, 2, 18),
        )
        assert int(new.get("SEQUENCE").value) == int(old.get("SEQUENCE").value) + 1
        third = to_ics(
            calendar_events([clarified], as_of=date(2025, 1, 22), previous=second)
        )
        assert vevents(third)[0].get("SEQUENCE").value == "1"

    def test_closed_case_gives_a_cancellation(self) -> None:
        """A case withdrawn since the last export cancels its event."""
        first = to_ics(calendar_events([open_case()], as_of=AS_OF))
        withdrawn = open_case().with_event(event("withdrawn", date(2025, 1, 22)))
        events = calendar_events([withdrawn], as_of=date(2025, 1, 22), previous=first)
        cancelled = one(events)
        assert cancelled.cancelled
        assert cancelled.summary == "Cancelled: FOI 2025/123: response due"
        assert cancelled.description == (
            "Cancelled on Wed 22 Jan 2025: the case is closed: closed: withdrawn on "
            "2025-01-22."
        )
        read = vevents(to_ics(events))[0]
        old = vevents(first)[0]
        assert read.get("STATUS").value == "CANCELLED"
        assert read.get("UID").value == old.get("UID").value
        assert read.get("DTSTART").date == date(2025, 2, 3)
        assert read.get("SEQUENCE").value == "1"
        assert not read.all("VALARM")
        parsed = icalendar.Calendar.from_ical(to_ics(events)).walk("VEVENT")[0]
        assert str(parsed["STATUS"]) == "CANCELLED"

    def test_met_deadline_is_cancelled(self) -> None:
        """The response sent: its event is cancelled, the review window appears."""
        first = to_ics(calendar_events([open_case()], as_of=AS_OF))
        sent = open_case().with_event(
            event("response_sent", date(2025, 1, 21), outcome="provided")
        )
        events = calendar_events([sent], as_of=date(2025, 1, 21), previous=first)
        assert [(e.kind, e.cancelled, e.sequence) for e in events] == [
            (DeadlineKind.RESPONSE, True, 1),
            (DeadlineKind.REVIEW_REQUEST, False, 0),
        ]
        assert events[0].description.startswith(
            "Cancelled on Tue 21 Jan 2025: no longer a live deadline on 2025-01-21: "
            "responded on 2025-01-21"
        )

    def test_case_gone_from_the_input_is_cancelled(self) -> None:
        """A case no longer exported (a row deleted) cancels its events."""
        first = to_ics(calendar_events([open_case(), answered_case()], as_of=AS_OF))
        events = calendar_events([answered_case()], as_of=AS_OF, previous=first)
        gone = [e for e in events if e.cancelled]
        assert [e.reference for e in gone] == ["FOI 2025/123"]
        assert gone[0].description.endswith(
            "the case is no longer among the cases exported."
        )

    def test_cancellation_is_kept_then_dropped(self) -> None:
        """A cancellation is written unchanged while recent, then left out."""
        first = to_ics(calendar_events([open_case()], as_of=AS_OF))
        withdrawn = [open_case().with_event(event("withdrawn", date(2025, 1, 22)))]
        second = calendar_events(withdrawn, as_of=date(2025, 1, 22), previous=first)
        third = calendar_events(
            withdrawn, as_of=date(2025, 1, 23), previous=to_ics(second)
        )
        assert [(e.uid, e.sequence, e.description) for e in third] == [
            (e.uid, e.sequence, e.description) for e in second
        ]
        last_kept = date(2025, 2, 3) + timedelta(days=CANCELLED_KEPT_DAYS - 1)
        kept = calendar_events(withdrawn, as_of=last_kept, previous=to_ics(third))
        assert len(kept) == 1
        dropped = calendar_events(
            withdrawn, as_of=last_kept + timedelta(days=1), previous=to_ics(kept)
        )
        assert dropped == []

    def test_event_back_after_a_cancellation_is_renumbered(self) -> None:
        """An event that comes back after its cancellation gets a higher SEQUENCE."""
        first = to_ics(calendar_events([open_case()], as_of=AS_OF))
        second = to_ics(calendar_events([], as_of=AS_OF, previous=first))
        back = one(calendar_events([open_case()], as_of=AS_OF, previous=second))
        assert (back.cancelled, back.sequence) == (False, 2)

    def test_another_calendar_is_refused_as_previous(self) -> None:
        """Only a calendar this module wrote can be the previous export."""
        other = b"BEGIN:VCALENDAR\r\nPRODID:-//Other//EN\r\nEND:VCALENDAR\r\n"
        with pytest.raises(InvalidInputError, match="previous"):
            calendar_events([open_case()], as_of=AS_OF, previous=other)
        with pytest.raises(InvalidInputError, match="previous"):
            calendar_events([open_case()], as_of=AS_OF, previous="text")  # type: ignore[arg-type]


class TestRefused:
    def test_case_without_reference(self) -> None:
        """Event ids are made from the reference: a case needs one."""
        with pytest.raises(InvalidInputError, match="reference"):
            calendar_events([open_case("  ")], as_of=AS_OF)

    def test_two_cases_with_one_reference(self) -> None:
        """Two cases with one reference would share ids: refused."""
        with pytest.raises(InvalidInputError, match="two cases have it"):
            calendar_events(
                [open_case("A"), answered_case(), open_case("A")], as_of=AS_OF
            )

    @pytest.mark.parametrize("domain", ["", "a b", "x@y", 3])
    def test_bad_uid_domain(self, domain: object) -> None:
        """The UID domain is a plain domain name."""
        with pytest.raises(InvalidInputError, match="uid_domain"):
            calendar_events([open_case()], as_of=AS_OF, uid_domain=domain)  # type: ignore[arg-type]

    def test_not_a_case(self) -> None:
        """Only cases are exported."""
        with pytest.raises(InvalidInputError, match="cases"):
            calendar_events(["FOI-1"], as_of=AS_OF)  # type: ignore[list-item]
