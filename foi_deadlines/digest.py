r"""A daily digest: what is overdue, what is due soon, and what needs a look.

:func:`daily_digest` reads cases, or the records of a tracker
(:func:`foi_deadlines.batch.read_tracker`), as they stand on a day and returns a
:class:`Digest` of five lists:

* **overdue**: responses and reviews past their deadline, the most working days
  overdue first;
* **due soon**: responses and reviews due within ``within_working_days`` working
  days (0 is today), the soonest first;
* **review windows closing**: answered cases whose requester's window to ask for a
  review closes within ``within_working_days`` working days, after which the case
  can be put away;
* **stopped clocks**: requests whose clock has been stopped, awaiting
  clarification or a fee from the requester, for more than
  ``stopped_working_days`` working days: time to chase, or to close;
* **unreadable rows**: tracker rows that could not be read, with the reason.

The statuses and working days are the ones the tracker fill and ``Case.status``
give, so the digest, the filled tracker and the calendar export agree.

A digest renders as plain ASCII text (:meth:`Digest.to_text`, for a terminal or a
mail body), Markdown (:meth:`Digest.to_markdown`) and JSON-ready data
(:meth:`Digest.to_dict`). The library sends no mail: run
``foi-deadlines digest`` from a scheduled job and mail its output with whatever the
office already uses.

>>> from datetime import date
>>> from foi_deadlines import Case
>>> cases = [
...     Case.received(date(2025, 1, 6), reference="FOI-1"),
...     Case.received(date(2024, 12, 2), reference="FOI-2"),
... ]
>>> print(daily_digest(cases, as_of=date(2025, 1, 29)).to_text())
FOI deadlines digest for Wednesday 29 January 2025
2 cases read.
<BLANKLINE>
Overdue, most overdue first (1):
  FOI-2  response  due Fri 3 Jan 2025  overdue by 18 working days
<BLANKLINE>
Due within 5 working days (1):
  FOI-1  response  due Mon 3 Feb 2025  3 working days left
<BLANKLINE>
Review windows closing within 5 working days: none.
<BLANKLINE>
Clocks stopped for more than 20 working days: none.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Final

import attrs

from foi_deadlines._dates import long_day, short_day, to_uk_date
from foi_deadlines._text import to_ascii
from foi_deadlines.batch import TrackerRecord
from foi_deadlines.cases import Case, CaseStatus, StatusCode
from foi_deadlines.errors import InvalidInputError
from foi_deadlines.portfolio import due_within, overdue
from foi_deadlines.reminders import (
    DeadlineKind,
    LiveDeadline,
    counting_calendar,
    live_deadlines,
)
from foi_deadlines.rules import Regime

__all__ = [
    "DEFAULT_STOPPED_WORKING_DAYS",
    "DEFAULT_WITHIN_WORKING_DAYS",
    "Digest",
    "DigestEntry",
    "StoppedEntry",
    "daily_digest",
]

#: Deadlines this many working days away or fewer are listed, by default.
DEFAULT_WITHIN_WORKING_DAYS: Final = 5
#: Clocks stopped for more working days than this are listed, by default.
DEFAULT_STOPPED_WORKING_DAYS: Final = 20
_WIDTH: Final = 78
_REVIEW_CODES: Final = frozenset({StatusCode.REVIEW_OPEN, StatusCode.REVIEW_OVERDUE})
_AWAITING: Final = frozenset(
    {StatusCode.AWAITING_CLARIFICATION, StatusCode.AWAITING_FEE}
)
_MARKDOWN_SPECIAL: Final = "\\`*_[]<>|"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _working_days(count: int) -> str:
    return _plural(count, "working day")


@attrs.frozen(kw_only=True)
class DigestEntry:
    """A case in one of the digest's deadline lists.

    Attributes:
        reference: The case reference (``""`` if it has none).
        row: The tracker row it was read from, if it came from a tracker.
        regime: The regime.
        kind: Which deadline: the response, the extended response, the review, or
            the requester's review request window.
        due: The deadline's last day.
        working_days: Working days overdue (in the overdue list), or left (0 on
            the day itself).
        citation: The deadline's legal source.
        status: The case's status in a few words, as the tracker fill gives it.
    """

    reference: str
    row: int | None
    regime: Regime
    kind: DeadlineKind
    due: date
    working_days: int
    citation: str
    status: str

    @property
    def name(self) -> str:
        """The reference, or the tracker row where there is none."""
        return _name(self.reference, self.row)

    def to_dict(self) -> dict[str, Any]:
        """The entry as JSON-ready data."""
        return {
            "reference": self.reference,
            "row": self.row,
            "regime": self.regime.value,
            "deadline": self.kind.value,
            "due": self.due.isoformat(),
            "working_days": self.working_days,
            "citation": self.citation,
            "status": self.status,
        }


@attrs.frozen(kw_only=True)
class StoppedEntry:
    """A request whose clock is stopped, waiting for the requester.

    Attributes:
        reference: The case reference (``""`` if it has none).
        row: The tracker row it was read from, if it came from a tracker.
        regime: The regime.
        awaiting: What it waits for: ``"clarification"`` or ``"fee"``.
        since: The day the clock stopped.
        working_days: Working days from then to the digest's day.
        detail: Why it stopped, with the law.
    """

    reference: str
    row: int | None
    regime: Regime
    awaiting: str
    since: date
    working_days: int
    detail: str

    @property
    def name(self) -> str:
        """The reference, or the tracker row where there is none."""
        return _name(self.reference, self.row)

    def to_dict(self) -> dict[str, Any]:
        """The entry as JSON-ready data."""
        return {
            "reference": self.reference,
            "row": self.row,
            "regime": self.regime.value,
            "awaiting": self.awaiting,
            "since": self.since.isoformat(),
            "working_days": self.working_days,
            "detail": self.detail,
        }


def _name(reference: str, row: int | None) -> str:
    if reference:
        return reference
    return "(no reference)" if row is None else f"row {row}"


@attrs.frozen(kw_only=True)
class Digest:
    """What needs attention on a day, in five lists.

    Attributes:
        as_of: The day.
        within_working_days: How near a deadline must be to be listed as due soon.
        stopped_working_days: How long a clock must have been stopped to be listed.
        cases: How many cases were read.
        overdue: Responses and reviews past their deadline, most overdue first.
        due_soon: Responses and reviews due within ``within_working_days``,
            soonest first.
        review_windows: Answered cases whose review request window closes within
            ``within_working_days``, soonest first.
        stopped: Clocks stopped awaiting the requester for more than
            ``stopped_working_days``, longest first.
        unreadable: Tracker rows that could not be read.
    """

    as_of: date
    within_working_days: int
    stopped_working_days: int
    cases: int
    overdue: tuple[DigestEntry, ...]
    due_soon: tuple[DigestEntry, ...]
    review_windows: tuple[DigestEntry, ...]
    stopped: tuple[StoppedEntry, ...]
    unreadable: tuple[TrackerRecord, ...]

    def to_dict(self) -> dict[str, Any]:
        """The digest as JSON-ready data (dates as ISO strings)."""
        return {
            "as_of": self.as_of.isoformat(),
            "within_working_days": self.within_working_days,
            "stopped_working_days": self.stopped_working_days,
            "cases": self.cases,
            "overdue": [entry.to_dict() for entry in self.overdue],
            "due_soon": [entry.to_dict() for entry in self.due_soon],
            "review_windows": [entry.to_dict() for entry in self.review_windows],
            "stopped": [entry.to_dict() for entry in self.stopped],
            "unreadable": [
                {"row": r.row, "reference": r.reference, "error": r.error}
                for r in self.unreadable
            ],
        }

    # -- plain text ---------------------------------------------------------------

    def to_text(self) -> str:
        """The digest as plain ASCII text, for a terminal or a mail body.

        Lines are at most 78 characters where the data allows; typographic
        punctuation is written as ASCII and any other character outside ASCII as
        its unaccented letter or ``?``.
        """
        lines = [
            f"FOI deadlines digest for {long_day(self.as_of)}",
            self._counts(),
        ]
        for section in self._sections():
            lines.append("")
            if not section.rows:
                lines.append(f"{section.heading}: none.")
                continue
            lines.append(f"{section.heading} ({len(section.rows)}):")
            lines += _aligned(
                [
                    [
                        f"{before}{cell}"
                        for before, cell in zip(section.text, row, strict=True)
                    ]
                    for row in section.rows
                ]
            )
        if self.unreadable:
            lines += ["", f"Rows that could not be read ({len(self.unreadable)}):"]
            for record in self.unreadable:
                label = f"row {record.row}" + (
                    f" ({record.reference})" if record.reference else ""
                )
                lines += textwrap.wrap(
                    f"{label}: {record.error}",
                    _WIDTH,
                    initial_indent="  ",
                    subsequent_indent="      ",
                    break_on_hyphens=False,
                )
        return to_ascii("\n".join(lines))

    def _counts(self) -> str:
        text = f"{_plural(self.cases, 'case')} read"
        if self.unreadable:
            text += f"; {_plural(len(self.unreadable), 'row')} could not be read"
        return text + "."

    def _sections(self) -> list[_Section]:
        within = _working_days(self.within_working_days)
        stopped = _working_days(self.stopped_working_days)
        return [
            _Section(
                "Overdue, most overdue first",
                ("Case", "Deadline", "Due", "Overdue by"),
                ("", "", "due ", "overdue by "),
                [
                    [
                        e.name,
                        e.kind.label,
                        short_day(e.due),
                        _working_days(e.working_days),
                    ]
                    for e in self.overdue
                ],
            ),
            _Section(
                f"Due within {within}",
                ("Case", "Deadline", "Due", "Left"),
                ("", "", "due ", ""),
                [
                    [e.name, e.kind.label, short_day(e.due), _left(e)]
                    for e in self.due_soon
                ],
            ),
            _Section(
                f"Review windows closing within {within}",
                ("Case", "Closes", "Left"),
                ("", "closes ", ""),
                [[e.name, short_day(e.due), _left(e)] for e in self.review_windows],
            ),
            _Section(
                f"Clocks stopped for more than {stopped}",
                ("Case", "Awaiting", "Since", "Stopped for"),
                ("", "awaiting ", "since ", ""),
                [
                    [
                        e.name,
                        e.awaiting,
                        short_day(e.since),
                        _working_days(e.working_days),
                    ]
                    for e in self.stopped
                ],
            ),
        ]

    # -- Markdown -------------------------------------------------------------------

    def to_markdown(self) -> str:
        """The digest as Markdown: a heading, then a table for each list."""
        lines = [
            f"# FOI deadlines digest for {long_day(self.as_of)}",
            "",
            self._counts(),
        ]
        for section in self._sections():
            lines += ["", f"## {section.heading} ({len(section.rows)})", ""]
            if not section.rows:
                lines.append("None.")
                continue
            lines += _table(section.header, section.rows)
        lines += ["", f"## Rows that could not be read ({len(self.unreadable)})", ""]
        if not self.unreadable:
            lines.append("None.")
        else:
            lines += _table(
                ("Row", "Reference", "Problem"),
                [[str(r.row), r.reference, r.error or ""] for r in self.unreadable],
            )
        return "\n".join(lines)


@attrs.frozen
class _Section:
    """One list of the digest, as rendered: its cells, and its words in text."""

    heading: str
    header: tuple[str, ...]
    text: tuple[str, ...]
    rows: list[list[str]]


def _left(entry: DigestEntry) -> str:
    if entry.working_days == 0:
        return "due today" if entry.kind.authority_duty else "closes today"
    return f"{_working_days(entry.working_days)} left"


def _aligned(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return [
        "  "
        + "  ".join(
            [
                *(cell.ljust(width) for cell, width in zip(row, widths, strict=False)),
                row[-1],
            ]
        )
        for row in rows
    ]


def _markdown(text: str) -> str:
    escaped = "".join(f"\\{c}" if c in _MARKDOWN_SPECIAL else c for c in text)
    return " ".join(escaped.split())


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join(" --- " for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(_markdown(cell) for cell in row) + " |" for row in rows]
    return lines


# -- building it --------------------------------------------------------------------


@attrs.frozen
class _Item:
    case: Case
    row: int | None


def _whole_number(value: object, param: str) -> int:
    if type(value) is not int or value < 0:
        raise InvalidInputError(param, value, "a whole number, 0 or more")
    return value


def daily_digest(
    cases: Iterable[Case | TrackerRecord],
    *,
    as_of: date,
    within_working_days: int = DEFAULT_WITHIN_WORKING_DAYS,
    stopped_working_days: int = DEFAULT_STOPPED_WORKING_DAYS,
) -> Digest:
    """The digest of ``cases`` on ``as_of``.

    Args:
        cases: Cases, or the records of a tracker (blank rows are passed over, and
            rows that could not be read are listed as such).
        as_of: The day; the library never reads the clock. Each case is read as
            it stood that day; a case received after it is left out.
        within_working_days: Deadlines this many working days away or fewer are
            listed (0 lists those due today).
        stopped_working_days: Clocks stopped for more working days than this are
            listed.

    Returns:
        The digest.

    Raises:
        InvalidInputError: A count that is not a whole number of 0 or more, or an
            item that is neither a case nor a tracker record.
    """
    day = to_uk_date(as_of, "as_of")
    within = _whole_number(within_working_days, "within_working_days")
    stopped_after = _whole_number(stopped_working_days, "stopped_working_days")
    items: list[_Item] = []
    unreadable: list[TrackerRecord] = []
    for item in cases:
        if isinstance(item, TrackerRecord):
            if item.error is not None:
                unreadable.append(item)
            elif item.case is not None:
                items.append(_Item(item.case, item.row))
        elif isinstance(item, Case):
            items.append(_Item(item, None))
        else:
            raise InvalidInputError("cases", item, "Case or TrackerRecord objects")
    items = [item for item in items if item.case.received_on <= day]
    rows = {id(item.case): item.row for item in items}
    known = [item.case for item in items]
    late = [
        _entry(case, rows[id(case)], status, day, late=True)
        for case, status in overdue(known, day)
    ]
    soon = [
        _entry(case, rows[id(case)], status, day, late=False)
        for case, status in due_within(known, day, within)
    ]
    windows = []
    waiting = []
    for case in known:
        for live in live_deadlines(case, as_of=day):
            if live.kind is DeadlineKind.REVIEW_REQUEST:
                left = live.working_days_left(day)
                if left <= within:
                    summary = case.status(day).summary
                    windows.append(_window(live, rows[id(case)], left, summary))
        entry = _stopped(case, rows[id(case)], day)
        if entry is not None and entry.working_days > stopped_after:
            waiting.append(entry)
    return Digest(
        as_of=day,
        within_working_days=within,
        stopped_working_days=stopped_after,
        cases=len(items),
        overdue=tuple(sorted(late, key=lambda e: (-e.working_days, e.due, e.name))),
        due_soon=tuple(sorted(soon, key=lambda e: (e.working_days, e.due, e.name))),
        review_windows=tuple(sorted(windows, key=lambda e: (e.due, e.name))),
        stopped=tuple(
            sorted(waiting, key=lambda e: (-e.working_days, e.since, e.name))
        ),
        unreadable=tuple(unreadable),
    )


def _entry(
    case: Case, row: int | None, status: CaseStatus, day: date, *, late: bool
) -> DigestEntry:
    deadline = status.deadline
    assert deadline is not None
    kind = DeadlineKind.REVIEW
    if status.code not in _REVIEW_CODES:
        kinds = [live.kind for live in live_deadlines(case, as_of=day)]
        kind = (
            DeadlineKind.EXTENDED_RESPONSE
            if DeadlineKind.EXTENDED_RESPONSE in kinds
            else DeadlineKind.RESPONSE
        )
    count = status.working_days_overdue if late else status.working_days_left
    return DigestEntry(
        reference=case.reference,
        row=row,
        regime=case.regime,
        kind=kind,
        due=deadline.due,
        working_days=count or 0,
        citation=deadline.citation,
        status=status.summary,
    )


def _window(live: LiveDeadline, row: int | None, left: int, status: str) -> DigestEntry:
    case = live.case
    return DigestEntry(
        reference=case.reference,
        row=row,
        regime=case.regime,
        kind=live.kind,
        due=live.due,
        working_days=left,
        citation=live.deadline.citation,
        status=status,
    )


def _stopped(case: Case, row: int | None, day: date) -> StoppedEntry | None:
    status = case.status(day)
    if status.code not in _AWAITING:
        return None
    stage = case.known_on(day).deadlines().response
    stopped = None if stage is None else stage.stopped
    if stopped is None:  # pragma: no cover - an awaiting status has a stopped clock
        return None
    calendar = counting_calendar(case)
    return StoppedEntry(
        reference=case.reference,
        row=row,
        regime=case.regime,
        awaiting=stopped.awaiting
        or status.code.label.lower().removeprefix("awaiting "),
        since=stopped.on,
        working_days=calendar.working_days_between(stopped.on, day, warn=False),
        detail=stopped.reason,
    )
