"""A calendar month view of a calendar export, drawn as SVG.

The tracker is read and exported by the library, the ``.ics`` bytes are parsed
back with ``icalendar`` (as a calendar client would), and each event and reminder
is drawn on its day. Weekends and bank holidays (on the ``uk`` calendar) are
shaded, and the export's ``as_of`` day is outlined. Nothing is fetched and no
external tool runs.
"""

from __future__ import annotations

import calendar
import textwrap
from dataclasses import dataclass, field
from datetime import date
from html import escape
from pathlib import Path

import attrs
import icalendar
from dateutil import tz

from foi_deadlines import Case, get_calendar
from foi_deadlines.batch import read_tracker
from foi_deadlines.ical import calendar_events, to_ics
from foi_deadlines.reminders import DeadlineKind

CELL_WIDTH = 136
HEADER = 44
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
LINE = 13
WRAP = 18
DUTY = "#2b6cb0"
WINDOW = "#b7791f"
LONDON = tz.gettz("Europe/London")


@dataclass
class Day:
    """What one day of the month shows."""

    events: list[tuple[str, bool]] = field(default_factory=list)
    reminders: list[str] = field(default_factory=list)


def export(tracker: Path, as_of: date) -> bytes:
    """The calendar file the command line writes for ``tracker`` on ``as_of``."""
    cases: list[Case] = []
    for record in read_tracker(tracker, as_of=as_of).records:
        if record.case is not None:
            reference = record.case.reference or f"row {record.row}"
            cases.append(attrs.evolve(record.case, reference=reference))
    return to_ics(calendar_events(cases, as_of=as_of))


def month_days(data: bytes, year: int, month: int) -> dict[date, Day]:
    """The events (title, whether the authority must act) and reminders by day."""
    days = {
        date(year, month, n): Day()
        for n in range(1, calendar.monthrange(year, month)[1] + 1)
    }
    for event in icalendar.Calendar.from_ical(data).walk("VEVENT"):
        if str(event.get("STATUS")) == "CANCELLED":
            continue
        title = str(event["SUMMARY"])
        kind = str(event["UID"]).partition("@")[0].rpartition(".")[2]
        start = event.decoded("DTSTART")
        if start in days:
            days[start].events.append((title, DeadlineKind(kind).authority_duty))
        reference = title.partition(": ")[0]
        for alarm in event.walk("VALARM"):
            when = alarm.decoded("TRIGGER").astimezone(LONDON).date()
            if when in days:
                days[when].reminders.append(reference)
    return days


def _lines(text: str) -> tuple[str, list[str]]:
    """A title as its reference and the rest, wrapped to fit a chip."""
    reference, _, what = text.partition(": ")
    return reference, textwrap.wrap(what, WRAP)


def _chip_height(text: str) -> int:
    return (1 + len(_lines(text)[1])) * LINE + 4


def _chip(x: float, y: float, text: str, *, duty: bool) -> list[str]:
    reference, what = _lines(text)
    colour = DUTY if duty else WINDOW
    parts = [
        f'<rect x="{x + 4}" y="{y}" width="{CELL_WIDTH - 8}" '
        f'height="{_chip_height(text)}" rx="3" fill="{colour}">'
        f"<title>{escape(text)}</title></rect>",
        f'<text x="{x + 8}" y="{y + LINE - 1}" fill="#fff" font-weight="bold">'
        f"{escape(reference)}</text>",
    ]
    for index, line in enumerate(what, 2):
        parts.append(
            f'<text x="{x + 8}" y="{y + index * LINE - 1}" fill="#fff">'
            f"{escape(line)}</text>"
        )
    return parts


def month_svg(data: bytes, year: int, month: int, as_of: date) -> str:
    """The month of the export ``data`` as SVG markup."""
    days = month_days(data, year, month)
    uk = get_calendar("uk")
    weeks = calendar.Calendar().monthdatescalendar(year, month)
    heights = [
        max(
            24
            + sum(_chip_height(title) + 4 for title, _ in days[d].events)
            + LINE * len(days[d].reminders)
            if d in days
            else 24
            for d in week
        )
        + 6
        for week in weeks
    ]
    heights = [max(height, 60) for height in heights]
    width = 7 * CELL_WIDTH
    height = HEADER + sum(heights) + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width + 2} {height}" '
        f'role="img" aria-label="The calendar export in a month view, '
        f'{calendar.month_name[month]} {year}" '
        'style="max-width:100%;font-family:sans-serif;font-size:11px">',
        f'<text x="4" y="16" font-size="15" font-weight="bold">'
        f"{calendar.month_name[month]} {year}</text>",
    ]
    for index, name in enumerate(DAY_NAMES):
        parts.append(
            f'<text x="{index * CELL_WIDTH + CELL_WIDTH / 2}" y="{HEADER - 8}" '
            f'text-anchor="middle" fill="#555">{name}</text>'
        )
    y = HEADER
    for week, row_height in zip(weeks, heights, strict=True):
        for column, day in enumerate(week):
            x = column * CELL_WIDTH + 1
            outside = day.month != month
            working = uk.is_working_day(day, warn=False)
            fill = "#fff" if working else "#eef0f3"
            stroke = (
                'stroke="#1a365d" stroke-width="2.5"'
                if day == as_of
                else 'stroke="#c5ccd6"'
            )
            parts.append(
                f'<rect x="{x}" y="{y}" width="{CELL_WIDTH}" height="{row_height}" '
                f'fill="{fill}" {stroke}>'
                f"<title>{day:%A} {day.day} {day:%B %Y}</title></rect>"
            )
            colour = "#aaa" if outside else "#222"
            label = f"{day.day}" + (" (as of)" if day == as_of else "")
            parts.append(
                f'<text x="{x + 5}" y="{y + 14}" fill="{colour}">{escape(label)}</text>'
            )
            if outside:
                continue
            top = y + 22
            for title, duty in days[day].events:
                parts += _chip(x, top, title, duty=duty)
                top += _chip_height(title) + 4
            for reference in days[day].reminders:
                parts.append(
                    f'<circle cx="{x + 10}" cy="{top + 5}" r="3.5" fill="#718096"/>'
                )
                parts.append(
                    f'<text x="{x + 17}" y="{top + 9}" fill="#4a5568">'
                    f"{escape(reference)}</text>"
                )
                top += LINE
        y += row_height
    legend = y + 18
    parts += [
        f'<rect x="2" y="{legend - 9}" width="10" height="10" fill="{DUTY}"/>',
        f'<text x="16" y="{legend}">the authority must act</text>',
        f'<rect x="160" y="{legend - 9}" width="10" height="10" fill="{WINDOW}"/>',
        f'<text x="174" y="{legend}">a requester\'s window closes</text>',
        f'<circle cx="350" cy="{legend - 4}" r="3.5" fill="#718096"/>',
        f'<text x="358" y="{legend}">a reminder (09:00 UK time)</text>',
        f'<rect x="530" y="{legend - 9}" width="10" height="10" fill="#eef0f3" '
        'stroke="#c5ccd6"/>',
        f'<text x="544" y="{legend}">not a working day</text>',
        "</svg>",
    ]
    return "\n".join(parts)
