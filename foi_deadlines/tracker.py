"""A tracker row as officers keep it, turned into a case: one converter for all.

An FOI office's tracker has a row per request and a column per date: received,
clarification sought and received, fees notice and payment, extended, response,
review. :class:`TrackerRow` holds one such row; :meth:`TrackerRow.from_cells` reads
it from cells as a spreadsheet or a CSV gives them, and :meth:`TrackerRow.to_case`
makes the :class:`~foi_deadlines.cases.Case` whose status every surface reports.
The spreadsheet function ``FOI_STATUS``, the batch fill and ``foi-deadlines
status`` all go through here, so the same dates give the same status everywhere.

The *extended* column means the same everywhere: time was extended under the
regime's own extension (a FOIA public interest extension, an EIR or EISR reg 7
extension, two more months of subject access). It may hold a date, the day the
extension was notified, which is then checked against its window; "yes" means it
was notified in time, on the day the clock last started. Under FOIA the estimate
of the public interest decision is a column of its own; without one, the decision
is due by the limit of policy P5.

>>> from datetime import date
>>> row = TrackerRow.from_cells(
...     {"received": "06/01/2025", "extended": "yes"}, as_of=date(2025, 2, 10)
... )
>>> row.to_case().status(date(2025, 2, 10)).code
<StatusCode.IN_TIME: 'in_time'>
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from numbers import Real
from types import MappingProxyType
from typing import Final

import attrs

from foi_deadlines._coerce import to_date
from foi_deadlines._text import normalise_word
from foi_deadlines.calendars import supported_day
from foi_deadlines.cases import Case
from foi_deadlines.errors import (
    FoiDeadlinesError,
    InvalidInputError,
    NotApplicableError,
    TimelineError,
)
from foi_deadlines.rules import Policies, Regime, rule_set
from foi_deadlines.timeline import CaseEvent, CaseEventKind

__all__ = [
    "DATE_FIELDS",
    "FIELDS",
    "HEADINGS",
    "HEADING_SEARCH_ROWS",
    "REGIME_WORDS",
    "TrackerColumns",
    "TrackerRow",
    "find_columns",
    "normalise_heading",
]

#: Each dated field of a tracker row, with the event it records.
DATE_FIELDS: Final[Mapping[str, CaseEventKind]] = MappingProxyType(
    {
        "clarification_sought": CaseEventKind.CLARIFICATION_SOUGHT,
        "clarified": CaseEventKind.CLARIFICATION_RECEIVED,
        "identity_confirmed": CaseEventKind.IDENTITY_CONFIRMED,
        "fee_notice": CaseEventKind.FEES_NOTICE,
        "fee_paid": CaseEventKind.FEE_PAID,
        "responded": CaseEventKind.RESPONSE_SENT,
        "review_requested": CaseEventKind.REVIEW_REQUESTED,
        "review_completed": CaseEventKind.REVIEW_OUTCOME,
        "withdrawn": CaseEventKind.WITHDRAWN,
    }
)
#: Every field of a tracker row, in the order a tracker usually has them.
FIELDS: Final = (
    "received",
    "regime",
    "clarification_sought",
    "clarified",
    "identity_confirmed",
    "fee_notice",
    "fee_paid",
    "extended",
    "public_interest_estimate",
    "responded",
    "review_requested",
    "review_completed",
    "withdrawn",
)
#: The headings each field is found under, as trackers word them. Headings are
#: compared with :func:`normalise_heading`: case, spaces and punctuation do not
#: count. Where a tracker has more than one, the wording listed first wins.
HEADINGS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "reference": (
            "Reference",
            "Ref",
            "Ref no",
            "Reference number",
            "Case reference",
            "Case ref",
            "Case number",
            "Case no",
            "Request reference",
            "Request ID",
            "Request number",
            "FOI reference",
            "FOI ref",
            "FOI number",
            "Our reference",
            "ID",
        ),
        "received": (
            "Date received",
            "Received",
            "Received on",
            "Received date",
            "Date request received",
            "Date of request",
            "Request date",
            "Request received",
            "Date of receipt",
            "Receipt date",
        ),
        "regime": (
            "Regime",
            "Request type",
            "Type of request",
            "Legislation",
            "Access regime",
            "FOI/EIR",
            "FOI or EIR",
        ),
        "clarification_sought": (
            "Clarification sought",
            "Clarification requested",
            "Date clarification sought",
            "Date clarification requested",
            "Clarification request sent",
            "Clarification asked for",
        ),
        "clarified": (
            "Clarification received",
            "Date clarification received",
            "Clarified",
            "Clarified on",
        ),
        "identity_confirmed": (
            "Identity confirmed",
            "ID confirmed",
            "Identity received",
            "ID received",
            "Proof of identity received",
            "Identity verified",
            "ID verified",
        ),
        "fee_notice": (
            "Fees notice",
            "Fee notice",
            "Fees notice issued",
            "Fee notice issued",
            "Fees notice sent",
            "Fee notice sent",
            "Date fees notice issued",
            "Date fee notice issued",
        ),
        "fee_paid": (
            "Fee paid",
            "Fees paid",
            "Fee received",
            "Date fee paid",
            "Date fee received",
            "Payment received",
        ),
        "extended": (
            "Extended",
            "Extension",
            "Extension applied",
            "Extension notified",
            "Time extended",
            "PIT extension",
            "Public interest extension",
        ),
        "public_interest_estimate": (
            "Public interest estimate",
            "PIT estimate",
            "Estimated PIT date",
            "Public interest decision due",
        ),
        "responded": (
            "Date responded",
            "Responded",
            "Responded on",
            "Response sent",
            "Date response sent",
            "Response date",
            "Date of response",
            "Date replied",
            "Replied",
        ),
        "review_requested": (
            "Review requested",
            "Internal review requested",
            "IR requested",
            "Date IR requested",
            "Date review requested",
            "Date internal review requested",
            "Internal review received",
            "IR received",
        ),
        "review_completed": (
            "Review completed",
            "Internal review completed",
            "IR completed",
            "Date IR completed",
            "Date review completed",
            "IR response sent",
            "Internal review response sent",
            "Review outcome sent",
        ),
        "withdrawn": ("Withdrawn", "Date withdrawn", "Withdrawn on"),
    }
)
#: What a regime cell may say, by regime (compared without regard to case, spaces
#: or punctuation), beyond the regime's own value such as ``foia``: its
#: :attr:`~foi_deadlines.rules.Regime.words`.
REGIME_WORDS: Final[Mapping[Regime, tuple[str, ...]]] = MappingProxyType(
    {regime: regime.words for regime in Regime}
)
# Words that suggest a heading means a field, for a warning when a heading of the
# tracker matched none: the normalised word, and the fields it suggests.
_HINTS: Final = (
    ("receiv", ("received",)),
    ("clarif", ("clarification_sought", "clarified")),
    ("fee", ("fee_notice", "fee_paid")),
    ("payment", ("fee_paid",)),
    ("extens", ("extended",)),
    ("extend", ("extended",)),
    ("publicinterest", ("public_interest_estimate", "extended")),
    ("respon", ("responded",)),
    ("repl", ("responded",)),
    ("review", ("review_requested", "review_completed")),
    ("withdr", ("withdrawn",)),
    ("identity", ("identity_confirmed",)),
    ("regime", ("regime",)),
    ("legislation", ("regime",)),
    ("type", ("regime",)),
)
#: How far down a sheet the heading row is looked for, below titles and blanks.
HEADING_SEARCH_ROWS: Final = 30


def normalise_heading(text: object) -> str:
    """A heading as it is compared: lower case, letters and digits only.

    >>> normalise_heading(" Date  Received: ")
    'datereceived'
    """
    return normalise_word(str(text)) if text is not None else ""


# A tracker records that something happened, not how it came out; these outcomes
# change no deadline.
_OUTCOMES: Final = {
    CaseEventKind.RESPONSE_SENT: "provided",
    CaseEventKind.REVIEW_OUTCOME: "upheld",
}
_FIELD_OF_KIND: Final = {
    CaseEventKind.RECEIVED: "received",
    CaseEventKind.PUBLIC_INTEREST_EXTENSION: "extended",
    CaseEventKind.EXTENSION: "extended",
    **{kind: name for name, kind in DATE_FIELDS.items()},
}
_YES: Final = frozenset({"yes", "y", "true", "1"})
_NO: Final = frozenset({"no", "n", "false", "0"})
_EVENT_PARAM: Final = re.compile(r"events\[(\d+)\]")


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@attrs.frozen(kw_only=True)
class TrackerRow:
    """One request as a tracker row holds it: a date in each column that applies.

    Attributes:
        received: The day the request was received.
        regime: The regime it falls under.
        clarification_sought: The day clarification was asked for.
        clarified: The day the clarification was received.
        identity_confirmed: Subject access: the day identity evidence arrived.
        fee_notice: The day a fees notice was given.
        fee_paid: The day the fee was received.
        extended: Whether time was extended (``True``: in time, on the day the
            clock last started), or the day the extension was notified.
        public_interest_estimate: FOIA: the date the refusal notice gave for the
            public interest decision.
        responded: The day the response was sent.
        review_requested: The day a review was asked for.
        review_completed: The day the review outcome was sent.
        withdrawn: The day the request was withdrawn.
        reference: The row's reference, kept on the case.
    """

    received: date
    regime: Regime = Regime.FOIA
    clarification_sought: date | None = None
    clarified: date | None = None
    identity_confirmed: date | None = None
    fee_notice: date | None = None
    fee_paid: date | None = None
    extended: bool | date = False
    public_interest_estimate: date | None = None
    responded: date | None = None
    review_requested: date | None = None
    review_completed: date | None = None
    withdrawn: date | None = None
    reference: str = ""

    @classmethod
    def from_cells(
        cls,
        cells: Mapping[str, object],
        *,
        regime: Regime | str = Regime.FOIA,
        date1904: bool = False,
        as_of: date | None = None,
    ) -> TrackerRow | None:
        """A row from cells as a spreadsheet or CSV gives them; ``None`` if blank.

        Args:
            cells: The cells by field (see :data:`FIELDS`); missing or blank cells
                are empty. Dates may be dates, Excel serial numbers or text
                (``YYYY-MM-DD``, ``DD/MM/YYYY``); ``extended`` may also be yes or
                no (true/false, 1/0); ``regime`` is a regime's name.
            regime: The regime of a row whose ``regime`` cell is blank.
            date1904: Read serial numbers in Excel's 1904 date system.
            as_of: The day the tracker is read on: a date after it cannot have
                happened yet and is refused as a mistake.

        Returns:
            The row, or ``None`` when the received date is blank.

        Raises:
            InvalidInputError: A cell that cannot be read; ``param`` is its field.
            TimelineError: A date after ``as_of``.
        """
        received = _day(cells.get("received"), "received", date1904=date1904)
        if received is None:
            return None
        raw_regime = cells.get("regime")
        values = {
            name: cls.read_cell(name, cells.get(name), date1904=date1904)
            for name in (*DATE_FIELDS, "public_interest_estimate", "extended")
        }
        reference = cells.get("reference")
        row = cls(
            received=received,
            regime=_regime(regime if _blank(raw_regime) else raw_regime),
            reference="" if _blank(reference) else str(reference),
            **values,  # type: ignore[arg-type]
        )
        if as_of is not None:
            row.check_as_of(as_of)
        return row

    @staticmethod
    def read_cell(field: str, value: object, *, date1904: bool = False) -> object:
        """What one cell of ``field`` holds, read as :meth:`from_cells` reads it.

        A date for a dated field (``None`` if blank), a
        :class:`~foi_deadlines.rules.Regime` (``None`` if blank), ``True``,
        ``False`` or a date for ``extended``, and text for ``reference``.

        Raises:
            InvalidInputError: A cell that cannot be read; ``param`` is its field.

        >>> TrackerRow.read_cell("regime", "EIRs")
        <Regime.EIR: 'eir'>
        >>> TrackerRow.read_cell("extended", "y"), TrackerRow.read_cell("fee_paid", "")
        (True, None)
        """
        if field == "extended":
            return _extended(value, date1904=date1904)
        if field == "regime":
            return None if _blank(value) else _regime(value)
        if field == "reference":
            return "" if _blank(value) else str(value)
        if (
            field == "received"
            or field in DATE_FIELDS
            or field == ("public_interest_estimate")
        ):
            return _day(value, field, date1904=date1904)
        raise InvalidInputError("field", field, "one of " + ", ".join(FIELDS))

    def check_as_of(self, as_of: date) -> None:
        """Refuse a date after ``as_of``, naming its field: it cannot have happened.

        Raises:
            TimelineError: A date after ``as_of``; ``param`` is its field.
        """
        for name in ("received", *DATE_FIELDS, "extended"):
            value = getattr(self, name)
            if isinstance(value, date) and value > as_of:
                raise TimelineError(
                    name,
                    value,
                    f"it is after as_of ({as_of}); an event cannot be in the future",
                )

    def events(self) -> tuple[CaseEvent, ...]:
        """The row's dates as the events of a timeline."""
        events = [CaseEvent(kind=CaseEventKind.RECEIVED, on=self.received)]
        for name, kind in DATE_FIELDS.items():
            on = getattr(self, name)
            if on is not None:
                events.append(CaseEvent(kind=kind, on=on, outcome=_OUTCOMES.get(kind)))
        extension = self._extension()
        if extension is not None:
            events.append(extension)
        return tuple(events)

    def _extension(self) -> CaseEvent | None:
        estimate = self.public_interest_estimate
        if self.extended is False and estimate is None:
            return None
        rules = rule_set(self.regime, self.received)
        kind = rules.extension_kind
        takes_estimate = kind is CaseEventKind.PUBLIC_INTEREST_EXTENSION
        if kind is None or (estimate is not None and not takes_estimate):
            param = "extended" if kind is None else "public_interest_estimate"
            key = "extension" if kind is None else "public_interest_extension"
            reason = rules.refusal(key) or f"it is not a {rules.label} rule"
            raise NotApplicableError(param, rules.label, reason)
        if isinstance(self.extended, date):
            on = self.extended
        else:
            # Notified in time: on the day the clock last started.
            on = max(self.received, self.clarified or self.received)
        return CaseEvent(
            kind=kind, on=on, estimate=estimate if takes_estimate else None
        )

    def to_case(
        self, *, policies: Policies | None = None, policy: object = None
    ) -> Case:
        """The case this row records.

        Raises:
            TimelineError: The dates cannot all be true under the regime's rules;
                ``param`` is the field of the date at fault.
            FoiDeadlinesError: Another refusal, naming the field.
        """
        events = self.events()
        try:
            return Case(
                events=events,
                regime=self.regime,
                reference=self.reference,
                policies=policies,
                policy=policy,
            )
        except TimelineError as error:
            raise self._named(error) from None

    def _named(self, error: TimelineError) -> FoiDeadlinesError:
        """``error`` with the tracker's field in place of the case's event index."""
        match = _EVENT_PARAM.fullmatch(error.param)
        if match is None:
            return error
        kind_text, _, on = str(error.value).partition(" on ")
        field = _FIELD_OF_KIND.get(CaseEventKind(kind_text), "received")
        value: object = getattr(self, field) if field != "extended" else on
        return type(error)(field, value, error.problem)


_REGIME_OF: Final[Mapping[str, Regime]] = MappingProxyType(
    {
        normalise_heading(word): regime
        for regime in Regime
        for word in (regime.value, *REGIME_WORDS[regime])
    }
)


def _regime(value: object) -> Regime:
    if isinstance(value, Regime):
        return value
    found = _REGIME_OF.get(normalise_heading(value)) if isinstance(value, str) else None
    if found is None:
        words = ", ".join(REGIME_WORDS[regime][0] for regime in Regime)
        raise InvalidInputError(
            "regime", value, f"a regime such as {words} (any case), or blank"
        )
    return found


def _day(value: object, param: str, *, date1904: bool) -> date | None:
    day = to_date(value, param, date1904=date1904)
    return None if day is None else supported_day(day, param)


def _extended(value: object, *, date1904: bool) -> bool | date:
    """A yes/no cell, or a date: the day the extension was notified."""
    if _blank(value):
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        text = value.strip().casefold()
        if text in _YES:
            return True
        if text in _NO:
            return False
    elif isinstance(value, Real) and value in (0, 1):  # exact: no float overflow
        return bool(value)
    try:
        day = _day(value, "extended", date1904=date1904)
    except InvalidInputError:
        day = None
    if day is None:
        raise InvalidInputError(
            "extended",
            value,
            "yes or no (true/false, 1/0), the date the extension was notified, or "
            "blank",
        )
    return day


# -- finding a tracker's columns ------------------------------------------------------


@attrs.frozen(kw_only=True)
class TrackerColumns:
    """Where a tracker keeps each field: what :func:`find_columns` found.

    Attributes:
        header_row: The heading row, counted from 1 as a spreadsheet does.
        columns: Each field found, with its column (counted from 0).
        headings: Each field found, with its heading as the tracker words it.
        unused: The headings of the other columns, which the fill leaves alone.
        warnings: Headings that look like a field but matched none, or a second
            heading for a field already found; each in a sentence.
    """

    header_row: int
    columns: Mapping[str, int]
    headings: Mapping[str, str]
    unused: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    def report(self) -> str:
        """The mapping in lines a person can check before trusting a fill.

        >>> found = find_columns([["Ref", "Date received", "Notes"]])
        >>> print(found.report())
        Headings in row 1:
          received             <- 'Date received'
          reference            <- 'Ref'
          not used: 'Notes'
        """
        lines = [f"Headings in row {self.header_row}:"]
        lines += [
            f"  {field:<20} <- {self.headings[field]!r}"
            for field in sorted(self.columns, key=_FIELD_ORDER.__getitem__)
        ]
        if self.unused:
            lines.append("  not used: " + ", ".join(repr(h) for h in self.unused))
        lines += [f"  warning: {text}" for text in self.warnings]
        return "\n".join(lines)


_FIELD_ORDER: Final = {field: n for n, field in enumerate((*FIELDS, "reference"))}
_FIELD_OF_HEADING: Final[Mapping[str, str]] = MappingProxyType(
    {
        normalise_heading(heading): field
        for field, headings in HEADINGS.items()
        for heading in headings
    }
)
_RANK: Final[Mapping[str, int]] = MappingProxyType(
    {
        normalise_heading(heading): rank
        for headings in HEADINGS.values()
        for rank, heading in enumerate(headings)
    }
)


def _chosen(columns: Mapping[str, str] | None) -> dict[str, str]:
    """The explicit headings, by field, checked."""
    if columns is None:
        return {}
    if not isinstance(columns, Mapping):
        raise InvalidInputError("columns", columns, "a mapping of field to heading")
    chosen: dict[str, str] = {}
    for field, heading in columns.items():
        if field not in HEADINGS:
            raise InvalidInputError(
                "columns", field, "keyed by fields among " + ", ".join(HEADINGS)
            )
        if not isinstance(heading, str) or not normalise_heading(heading):
            raise InvalidInputError(f"columns[{field!r}]", heading, "a heading text")
        chosen[field] = heading.strip()
    seen: dict[str, str] = {}
    for field, heading in chosen.items():
        key = normalise_heading(heading)
        if key in seen:
            raise InvalidInputError(
                f"columns[{field!r}]",
                heading,
                f"a heading not also used for {seen[key]!r}",
            )
        seen[key] = field
    return chosen


def _row_text(row: Sequence[object]) -> list[str]:
    return ["" if value is None else str(value).strip() for value in row]


def _finds_received(row: Sequence[object], chosen: Mapping[str, str]) -> bool:
    keys = {normalise_heading(value) for value in row if not _blank(value)}
    if "received" in chosen:
        return normalise_heading(chosen["received"]) in keys
    return any(_FIELD_OF_HEADING.get(key) == "received" for key in keys)


def find_columns(
    rows: Sequence[Sequence[object]],
    *,
    columns: Mapping[str, str] | None = None,
    header_row: int | None = None,
    source: str = "the tracker",
) -> TrackerColumns:
    """Find a tracker's heading row and the column of each field, as a person would.

    The heading row is the first of the first :data:`HEADING_SEARCH_ROWS` rows with
    a received-date heading (titles and blank rows above it are passed over), or
    the row ``header_row``. Each heading is matched against :data:`HEADINGS`
    without regard to case, spaces or punctuation; ``columns`` names a field's
    heading outright and wins over the list.

    Args:
        rows: The tracker's first rows, cell values as read.
        columns: Headings by field, such as ``{"received": "Date in"}``.
        header_row: The heading row, from 1; ``None`` to look for it.
        source: The tracker's name, for messages.

    Returns:
        The fields found, the columns left unused, and warnings for headings that
        look like a field but matched none.

    Raises:
        InvalidInputError: No received-date heading, a heading found twice, a
            ``header_row`` beyond ``rows``, or a bad ``columns`` mapping.

    >>> found = find_columns(
    ...     [["FOI log 2024"], [], ["Ref", "DATE RECEIVED", "Response sent", "IR?"]]
    ... )
    >>> found.header_row, dict(found.columns)
    (3, {'reference': 0, 'received': 1, 'responded': 2})
    """
    chosen = _chosen(columns)
    if header_row is not None:
        if type(header_row) is not int or not 1 <= header_row <= max(len(rows), 1):
            raise InvalidInputError(
                "header_row",
                header_row,
                f"a row number from 1 to {max(len(rows), 1)} of {source}",
            )
        index = header_row - 1
    else:
        index = next(
            (
                n
                for n, row in enumerate(rows[:HEADING_SEARCH_ROWS])
                if _finds_received(row, chosen)
            ),
            -1,
        )
    if index < 0 or index >= len(rows) or not _finds_received(rows[index], chosen):
        where = (
            f"row {header_row}"
            if header_row is not None
            else f"the first {HEADING_SEARCH_ROWS} rows"
        )
        wanted = (
            repr(chosen["received"])
            if "received" in chosen
            else ", ".join(repr(h) for h in HEADINGS["received"][:4]) + " or the like"
        )
        shown = (
            index if 0 <= index < len(rows) else _fullest(rows[:HEADING_SEARCH_ROWS])
        )
        seen = _row_text(rows[shown]) if shown >= 0 else []
        raise InvalidInputError(
            "columns['received']",
            [h for h in seen if h],
            f"a heading in {where} of {source}, such as {wanted}; name it with "
            "--column received=HEADING, and its row with --header-row N (the "
            + (
                f"headings seen are in row {shown + 1}"
                if shown >= 0
                else "file is empty"
            )
            + ")",
        )
    return _match(_row_text(rows[index]), chosen, index + 1, source)


def _fullest(rows: Sequence[Sequence[object]]) -> int:
    """The row with the most cells filled (the likeliest headings), or -1."""
    counts = [sum(not _blank(v) for v in row) for row in rows]
    best = max(counts, default=0)
    return counts.index(best) if best else -1


def _match(
    headings: list[str], chosen: Mapping[str, str], header_row: int, source: str
) -> TrackerColumns:
    explicit = {normalise_heading(h): field for field, h in chosen.items()}
    places: dict[str, list[int]] = {}
    for column, heading in enumerate(headings):
        key = normalise_heading(heading)
        if key:
            places.setdefault(key, []).append(column)
    found: dict[str, tuple[int, int]] = {}  # field -> (rank, column)
    used: set[int] = set()
    notes: list[str] = []
    for key, at in places.items():
        if len(at) > 1 and (key in explicit or key in _FIELD_OF_HEADING):
            twice = explicit.get(key) or _FIELD_OF_HEADING[key]
            raise InvalidInputError(
                f"columns[{twice!r}]",
                headings[at[0]],
                f"a heading found once in row {header_row} of {source}, not "
                f"{len(at)} times",
            )
    for column, heading in enumerate(headings):
        key = normalise_heading(heading)
        if key in explicit:
            found[explicit[key]] = (-1, column)
            used.add(column)
    for column, heading in enumerate(headings):
        key = normalise_heading(heading)
        field = _FIELD_OF_HEADING.get(key)
        if column in used or field is None or field in chosen:
            continue
        rank = _RANK[key]
        if field in found:
            kept_rank, kept = found[field]
            first, second = (column, kept) if rank < kept_rank else (kept, column)
            notes.append(
                f"{headings[second]!r} is also a heading for {field}: "
                f"{headings[first]!r} was used"
            )
            if rank >= kept_rank:
                continue
            used.discard(kept)
        found[field] = (rank, column)
        used.add(column)
    missing = [field for field in chosen if field not in found]
    if missing:
        field = missing[0]
        raise InvalidInputError(
            f"columns[{field!r}]",
            chosen[field],
            f"a heading in row {header_row} of {source} (found: "
            + (", ".join(repr(h) for h in headings if h) or "nothing")
            + ")",
        )
    unused = tuple(h for n, h in enumerate(headings) if h and n not in used)
    notes += _near_misses(unused, found)
    return TrackerColumns(
        header_row=header_row,
        columns={field: column for field, (_, column) in found.items()},
        headings={field: headings[column] for field, (_, column) in found.items()},
        unused=unused,
        warnings=tuple(notes),
    )


def _near_misses(unused: Sequence[str], found: Mapping[str, object]) -> list[str]:
    """A warning for each unused heading that looks like a field not found."""
    notes = []
    for heading in unused:
        key = normalise_heading(heading)
        hinted = [
            field
            for word, fields in _HINTS
            if word in key
            for field in fields
            if field not in found
        ]
        if hinted:
            notes.append(
                f"{heading!r} looks like {' or '.join(dict.fromkeys(hinted))} but "
                "is not a heading the fill knows; if it is, name it with "
                f"--column {hinted[0]}='{heading}'"
            )
    return notes
