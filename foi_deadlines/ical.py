r"""Calendar files: each live deadline as an all-day event, with working-day reminders.

:func:`calendar_events` makes one event for each live deadline of each case (see
:mod:`foi_deadlines.reminders` for what "live" means), and :func:`to_ics` writes them
as an iCalendar file (RFC 5545) that Outlook, Google Calendar, Thunderbird, Apple
Calendar and calcurse import. It needs the ``ical`` extra
(``pip install 'foi-deadlines[ical]'``, the ``icalendar`` package); nothing else
in the package imports this module.

* **All-day events.** ``DTSTART;VALUE=DATE`` is the last day and ``DTEND`` the day
  after it, with no time and no time zone, so a deadline shows on its own day in
  every client, wherever it is. The title reads in a month view:
  ``FOI 2025/123: response due``. The description gives the rule, its legal source
  and the library's explanation of the date.
* **Reminders.** One ``VALARM`` for each count in ``reminders`` (by default 5 and 1
  working days before), each on a working day of the deadline's calendar. A
  reminder is an absolute trigger at ``reminder_time`` (09:00 by default) UK time,
  written in UTC as RFC 5545 requires of an absolute trigger (``08:00Z`` in
  summer, ``09:00Z`` in winter). Reminders before ``as_of`` are left out, so that
  importing the file does not set off reminders for days gone by.
* **Stable ids.** An event's ``UID`` is made from the case reference and the kind of
  deadline (``FOI%202025%2F123.response@foi-deadlines.invalid``), so importing a new
  file updates the events of the last one instead of adding copies. Keep the
  ``uid_domain`` the same from one export to the next.
* **SEQUENCE without a database.** Pass the previous export as ``previous``: an
  event whose day, title or description has changed since (a clarification, an
  extension, a newly proclaimed bank holiday) gets the previous ``SEQUENCE`` plus
  one, and an unchanged event keeps its number, so the same input gives the same
  bytes. Without a previous export every event starts at 0.
* **Cancellations.** An event of the previous export whose deadline is no longer
  live (the case closed, the response was sent, the window passed, the row left the
  tracker) is written once more with ``STATUS:CANCELLED`` and a higher
  ``SEQUENCE``, so that a client that imported it removes or strikes it out. A
  cancellation is kept in later exports while its day is less than
  :data:`CANCELLED_KEPT_DAYS` days before ``as_of``, then dropped.

``DTSTAMP`` is midnight UTC at the start of ``as_of``: the file depends on its
inputs only, never on the clock.

>>> from datetime import date
>>> from foi_deadlines import Case
>>> case = Case.received(date(2025, 1, 6), reference="FOI 2025/1")
>>> events = calendar_events([case], as_of=date(2025, 1, 20))
>>> [(e.summary, e.on, e.sequence) for e in events]
[('FOI 2025/1: response due', datetime.date(2025, 2, 3), 0)]
>>> [str(r.at) for r in events[0].reminders]
['2025-01-27 09:00:00+00:00', '2025-01-31 09:00:00+00:00']
>>> text = to_ics(events).decode()
>>> print("\n".join(line for line in text.splitlines() if line[:2] in ("DT", "UI")))
DTSTART;VALUE=DATE:20250203
DTEND;VALUE=DATE:20250204
DTSTAMP:20250120T000000Z
UID:FOI%202025%2F1.response@foi-deadlines.invalid
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from typing import Final
from urllib.parse import quote, unquote

import attrs

try:
    import icalendar
except ImportError as exc:  # pragma: no cover - the extra is installed for the tests
    raise ImportError(
        "calendar files need icalendar: pip install 'foi-deadlines[ical]'"
    ) from exc

from foi_deadlines._dates import london, short_day, to_uk_date
from foi_deadlines.cases import Case
from foi_deadlines.errors import InvalidInputError
from foi_deadlines.reminders import (
    DEFAULT_REMINDERS,
    DeadlineKind,
    LiveDeadline,
    is_closed,
    live_deadlines,
    reminder_working_days,
)

__all__ = [
    "CANCELLED_KEPT_DAYS",
    "DEFAULT_REMINDER_TIME",
    "DEFAULT_UID_DOMAIN",
    "PRODID",
    "CalendarEvent",
    "Reminder",
    "calendar_events",
    "is_deadline_calendar",
    "to_ics",
]

#: The ``PRODID`` of every file :func:`to_ics` writes; a previous export is known
#: by it.
PRODID: Final = "-//foi-deadlines//FOI deadlines//EN"
#: The domain part of every ``UID``, by default (``.invalid`` is reserved: it is
#: nobody's domain). An office may use its own.
DEFAULT_UID_DOMAIN: Final = "foi-deadlines.invalid"
#: The time of day, UK time, that reminders go off, by default.
DEFAULT_REMINDER_TIME: Final = time(9, 0)
#: Calendar days after its day that a cancelled event is still written out.
CANCELLED_KEPT_DAYS: Final = 28
_ONE_DAY: Final = timedelta(days=1)
_CANCELLED: Final = "Cancelled: "
_KINDS: Final = frozenset(kind.value for kind in DeadlineKind)
_PREVIOUS: Final = (
    f"the bytes of a calendar written by foi_deadlines.ical.to_ics (PRODID {PRODID})"
)


@attrs.frozen(kw_only=True)
class Reminder:
    """One reminder of an event.

    Attributes:
        at: When it goes off, in UTC.
        working_days: How many working days before the deadline it is.
    """

    at: datetime
    working_days: int


@attrs.frozen(kw_only=True)
class CalendarEvent:
    """One all-day event: a live deadline, or the cancellation of one.

    Attributes:
        uid: The stable id, from the case reference and the kind of deadline.
        sequence: The revision: higher than the previous export's when the event
            changed since.
        reference: The case reference.
        kind: Which deadline.
        on: The deadline's day (for a cancellation, the day the event was on).
        summary: The title, such as ``"FOI 2025/1: response due"``.
        description: The rule, its legal source and the explanation (for a
            cancellation, why).
        reminders: The reminders, earliest first; none for a cancellation.
        cancelled: Whether this cancels an event of a previous export.
        stamp: ``DTSTAMP``: midnight UTC at the start of ``as_of``.
    """

    uid: str
    sequence: int
    reference: str
    kind: DeadlineKind
    on: date
    summary: str
    description: str
    reminders: tuple[Reminder, ...] = ()
    cancelled: bool = False
    stamp: datetime

    @property
    def content(self) -> tuple[date, str, str]:
        """The day, title and description, whose change bumps ``SEQUENCE``."""
        return self.on, self.summary, self.description


def calendar_events(
    cases: Iterable[Case],
    *,
    as_of: date,
    reminders: Iterable[int] = DEFAULT_REMINDERS,
    previous: bytes | None = None,
    reminder_time: time = DEFAULT_REMINDER_TIME,
    uid_domain: str = DEFAULT_UID_DOMAIN,
) -> list[CalendarEvent]:
    """One event for each live deadline of each case, and the cancellations due.

    Args:
        cases: The cases; each needs a reference of its own, which the event ids
            are made from.
        as_of: The day the export is for; the library never reads the clock.
        reminders: Working days before each deadline to be reminded on.
        previous: The bytes of the previous export, for ``SEQUENCE`` numbers and
            cancellations.
        reminder_time: The time of day, UK time, that reminders go off.
        uid_domain: The domain part of every ``UID``.

    Returns:
        The events, in date order, then by id.

    Raises:
        InvalidInputError: A case without a reference, two cases with one
            reference, a bad reminder count, or a ``previous`` that is not a
            calendar written by :func:`to_ics`.

    >>> from foi_deadlines import Case, CaseEvent
    >>> case = Case.received(date(2025, 1, 6), reference="A")
    >>> first = to_ics(calendar_events([case], as_of=date(2025, 1, 7)))
    >>> later = case.with_event(CaseEvent(kind="withdrawn", on=date(2025, 1, 8)))
    >>> [(e.summary, e.sequence, e.cancelled) for e in calendar_events(
    ...     [later], as_of=date(2025, 1, 9), previous=first)]
    [('Cancelled: A: response due', 1, True)]
    """
    day = to_uk_date(as_of, "as_of")
    counts = reminder_working_days(reminders)
    if type(reminder_time) is not time or reminder_time.tzinfo is not None:
        raise InvalidInputError(
            "reminder_time", reminder_time, "a datetime.time with no time zone"
        )
    domain = _domain(uid_domain)
    stamp = datetime.combine(day, time(0), tzinfo=UTC)
    before = _previous_events(previous)
    by_reference: dict[str, Case] = {}
    events: dict[str, CalendarEvent] = {}
    for case in cases:
        _add_reference(case, by_reference)
        for live in live_deadlines(case, as_of=day):
            event = _event(live, day, counts, reminder_time, domain, stamp)
            events[event.uid] = _numbered(event, before.get(event.uid))
    for uid, old in before.items():
        if uid in events:
            continue
        if not old.cancelled:
            why = _why_not_live(by_reference.get(old.reference), day)
            events[uid] = _cancellation(old, day, why, stamp)
        elif (day - old.on).days < CANCELLED_KEPT_DAYS:
            events[uid] = attrs.evolve(old, stamp=stamp)
    return sorted(events.values(), key=lambda e: (e.on, e.uid))


def to_ics(events: Iterable[CalendarEvent], *, name: str = "FOI deadlines") -> bytes:
    """``events`` as an iCalendar file (RFC 5545): UTF-8, CRLF lines, folded.

    The same events give the same bytes.

    Args:
        events: The events, as :func:`calendar_events` gives them.
        name: The calendar's name, which clients show (``X-WR-CALNAME``).
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(_component(event))
    return bytes(calendar.to_ical())


def is_deadline_calendar(data: bytes) -> bool:
    r"""Whether ``data`` is a calendar written by :func:`to_ics`, known by its PRODID.

    >>> is_deadline_calendar(to_ics([]))
    True
    >>> is_deadline_calendar(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    False
    """
    try:
        _previous_events(data)
    except InvalidInputError:
        return False
    return True


# -- making events ---------------------------------------------------------------


def _domain(value: object) -> str:
    if (
        not isinstance(value, str)
        or not value
        or any(c.isspace() or c in "@;:," for c in value)
    ):
        raise InvalidInputError(
            "uid_domain", value, "a domain name such as foi.example.gov.uk"
        )
    return value


def _add_reference(case: Case, seen: dict[str, Case]) -> None:
    if not isinstance(case, Case):
        raise InvalidInputError("cases", case, "Case objects")
    reference = case.reference.strip()
    if not reference:
        raise InvalidInputError(
            "reference",
            case.reference,
            f"a case reference, from which the event ids are made (the case "
            f"received on {case.received_on})",
        )
    if reference in seen:
        raise InvalidInputError(
            "reference",
            reference,
            "a reference of one case only: two cases have it, and their events "
            "would share ids",
        )
    seen[reference] = case


def _uid(reference: str, kind: DeadlineKind, domain: str) -> str:
    return f"{quote(reference.strip(), safe='')}.{kind.value}@{domain}"


def _title(reference: str, kind: DeadlineKind) -> str:
    return f"{reference.strip()}: {kind.phrase}"


def _event(  # noqa: PLR0917 - one event's inputs
    live: LiveDeadline,
    day: date,
    counts: tuple[int, ...],
    at: time,
    domain: str,
    stamp: datetime,
) -> CalendarEvent:
    deadline = live.deadline
    rule = deadline.rule
    title = _title(live.reference, live.kind)
    source = rule.citation + ("" if rule.statutory else " (guidance, not statute)")
    description = (
        f"Rule: {rule.title} ({rule.regime.label}). Legal source: {source}.\n\n"
        f"{deadline.explain()}"
    )
    reminders = []
    for count in counts:
        when = live.reminder_days((count,))
        if when and when[0] >= day:
            moment = datetime.combine(when[0], at, tzinfo=london()).astimezone(UTC)
            reminders.append(Reminder(at=moment, working_days=count))
    return CalendarEvent(
        uid=_uid(live.reference, live.kind, domain),
        sequence=0,
        reference=live.reference.strip(),
        kind=live.kind,
        on=live.due,
        summary=title,
        description=description,
        reminders=tuple(sorted(reminders, key=lambda r: r.at)),
        stamp=stamp,
    )


def _numbered(event: CalendarEvent, old: CalendarEvent | None) -> CalendarEvent:
    if old is None:
        return event
    if old.cancelled or old.content != event.content:
        return attrs.evolve(event, sequence=old.sequence + 1)
    return attrs.evolve(event, sequence=old.sequence)


def _why_not_live(case: Case | None, day: date) -> str:
    if case is None:
        return "the case is no longer among the cases exported"
    if day < case.received_on:
        return f"the case was received after {day}"
    status = case.status(day)
    if is_closed(case, status):
        return f"the case is closed: {status.detail}"
    return f"no longer a live deadline on {day}: {status.detail}"


def _cancellation(
    old: CalendarEvent, day: date, why: str, stamp: datetime
) -> CalendarEvent:
    return attrs.evolve(
        old,
        sequence=old.sequence + 1,
        summary=_CANCELLED + old.summary,
        description=f"Cancelled on {short_day(day)}: {why}.",
        reminders=(),
        cancelled=True,
        stamp=stamp,
    )


def _component(event: CalendarEvent) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", event.uid)
    component.add("dtstamp", event.stamp)
    component.add("sequence", event.sequence)
    component.add("dtstart", event.on)
    component.add("dtend", event.on + _ONE_DAY)
    component.add("summary", event.summary)
    component.add("description", event.description)
    component.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    component.add("transp", "TRANSPARENT")
    component.add("categories", ["FOI deadline"])
    for reminder in event.reminders:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        days = reminder.working_days
        alarm.add(
            "description",
            f"{event.summary} in {days} working day{'' if days == 1 else 's'}, "
            f"on {short_day(event.on)}",
        )
        alarm.add("trigger", reminder.at, parameters={"VALUE": "DATE-TIME"})
        component.add_component(alarm)
    return component


# -- reading a previous export -----------------------------------------------------


def _previous_events(data: bytes | None) -> Mapping[str, CalendarEvent]:
    """The events of a previous export, by ``UID``."""
    if data is None:
        return {}
    if not isinstance(data, bytes):
        raise InvalidInputError("previous", type(data).__name__, _PREVIOUS)
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except ValueError:
        calendar = None
    if (
        not isinstance(calendar, icalendar.Calendar)
        or str(calendar.get("prodid", "")) != PRODID
    ):
        raise InvalidInputError("previous", data[:60], _PREVIOUS)
    found = {}
    for component in calendar.walk("VEVENT"):
        event = _read_event(component)
        if event is not None:
            found[event.uid] = event
    return found


def _read_event(component: icalendar.Component) -> CalendarEvent | None:
    uid = str(component.get("uid", ""))
    quoted = uid.partition("@")[0]
    reference, _, kind = quoted.rpartition(".")
    start = component.decoded("dtstart", None)
    if kind not in _KINDS or type(start) is not date:
        return None
    return CalendarEvent(
        uid=uid,
        sequence=int(component.get("sequence", 0)),
        reference=unquote(reference),
        kind=DeadlineKind(kind),
        on=start,
        summary=str(component.get("summary", "")),
        description=str(component.get("description", "")),
        cancelled=str(component.get("status", "")).upper() == "CANCELLED",
        stamp=datetime.combine(start, time(0), tzinfo=UTC),
    )
