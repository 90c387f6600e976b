"""The engine over columns: many requests at once, as arrays of days.

Days are numpy ``int64`` counts of days since 1970-01-01 (numpy's
``datetime64[D]`` epoch), with :data:`NULL_DAY` (the value of ``NaT``) where there
is none. numpy is needed only here, and only when columns are used.

:func:`response_arrays` gives, for every row, what the scalar engine gives for the
same request (:func:`~foi_deadlines.responses.response_deadlines`), three ways:

* a request nothing has happened to is one look-up in a table of the unmoved
  deadline for every day of receipt the library accepts, made once per rule set
  and circumstances with numpy from the calendar's tables, where the rule set's
  period is plain working days after day 0;
* the common single-modifier shapes (a clarification, a fees notice and its
  payment) are worked out with numpy from the same tables, reading the rule set's
  step for the event (its effect and window), where the step and the policies
  are of the shape the arithmetic assumes;
* every other row goes to the scalar engine, once per distinct row, and the
  answer is scattered back to every row like it.
"""

from __future__ import annotations

import enum
import functools
import warnings
from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Final, cast

import attrs

from foi_deadlines._coerce import member_of
from foi_deadlines._dates import EPOCH_ORDINAL, NULL_DAY, epoch_day, from_epoch_day
from foi_deadlines._text import normalise_word
from foi_deadlines.bank_holidays import (
    FIRST_SUPPORTED_DAY,
    LAST_SUPPORTED_DAY,
    Division,
    HolidayData,
)
from foi_deadlines.calendars import WorkingDayCalendar, _numpy_tables
from foi_deadlines.clocks import circumstances_of, period_end, policies_of
from foi_deadlines.clocks._counting import (
    DEFAULT_CIRCUMSTANCES,
    Circumstances,
    holiday_key,
)
from foi_deadlines.clocks._response import _plan_for
from foi_deadlines.errors import (
    FoiDeadlinesError,
    InvalidInputError,
    OutsideCalendarRangeError,
    ProvisionalDateWarning,
    ignored,
)
from foi_deadlines.responses import _Call, _walk_of
from foi_deadlines.rules import (
    RULE_SETS,
    ClockRule,
    End,
    Modifier,
    Policies,
    Regime,
    RuleSet,
    Step,
    Unit,
    Window,
)
from foi_deadlines.rules._policies import FeePause, ProclaimedHolidays, SarPause
from foi_deadlines.timeline import CaseEventKind

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "DATE_OPTIONS",
    "FIRST_DAY",
    "LAST_DAY",
    "NULL_DAY",
    "REGIMES",
    "REGIME_CODES",
    "ClockState",
    "ResponseArrays",
    "response_arrays",
    "warn_provisional",
]


class ClockState(enum.IntEnum):
    """Where each request's response clock stands, as a small integer."""

    #: A response deadline is running (``final_due`` is set).
    RUNNING = 0
    #: Stopped, awaiting clarification.
    AWAITING_CLARIFICATION = 1
    #: Stopped, awaiting a fee (``fee_due`` is the day it must be paid by).
    AWAITING_FEE = 2
    #: The fee was not paid in time: the request lapsed on ``lapsed_on``.
    LAPSED = 3
    #: Treated as closed on ``abandoned_on`` (policy P17).
    ABANDONED = 4
    #: The row was refused (see the error messages).
    INVALID = 5
    #: No date of receipt.
    NULL = 6


@attrs.frozen(eq=False)
class ResponseArrays:
    """The response stage of many requests, one entry per row.

    Every array is as long as the input. Days are ``int64`` epoch days, with
    :data:`NULL_DAY` where there is none.

    Attributes:
        base_due: The time for complying (the walk's ``base_due``).
        final_due: The response deadline, extended where an extension took
            effect (the walk's ``final_due``).
        state: A :class:`ClockState` per row (``int8``).
        fee_due: The day a fee must be paid by, where a fees notice is in force
            (``ResponseDeadlines.fee_payment``).
        lapsed_on: ``ResponseDeadlines.lapsed_on``.
        abandoned_on: ``ResponseDeadlines.abandoned_on``.
        calendar: An index into ``calendars``: the calendar of the final
            deadline (``Deadline.calendar``), ``-1`` where it has none (``int8``).
        calendars: The calendars the indexes name.
        errors: For each row refused, its position and the message.
    """

    base_due: npt.NDArray[np.int64]
    final_due: npt.NDArray[np.int64]
    state: npt.NDArray[np.int8]
    fee_due: npt.NDArray[np.int64]
    lapsed_on: npt.NDArray[np.int64]
    abandoned_on: npt.NDArray[np.int64]
    calendar: npt.NDArray[np.int8]
    calendars: tuple[WorkingDayCalendar | None, ...]
    errors: tuple[tuple[int, str], ...] = ()


#: The regimes, in the order their codes index them.
REGIMES: Final[tuple[Regime, ...]] = tuple(Regime)


def _regime_codes() -> dict[str, int]:
    table: dict[str, int] = {}
    for code, regime in enumerate(REGIMES):
        for word in (regime.value, *regime.words):
            table[word] = code
            table.setdefault(normalise_word(word), code)
    return table


#: Each regime's code by its value and by the words trackers use for it (as
#: ``_text.normalise_word`` makes them): an index into
#: :data:`REGIMES`.
REGIME_CODES: Final[Mapping[str, int]] = _regime_codes()

#: The first and last day of receipt the library accepts, as epoch days.
FIRST_DAY: Final = epoch_day(FIRST_SUPPORTED_DAY)
LAST_DAY: Final = epoch_day(LAST_SUPPORTED_DAY)
_SPAN: Final = LAST_DAY - FIRST_DAY + 1

#: The modifier columns :func:`response_arrays` takes, in the order of their bits.
DATE_OPTIONS: Final = (
    "clarification_sought_on",
    "clarified_on",
    "fee_notice_on",
    "fee_paid_on",
    "identity_confirmed_on",
    "extended_on",
    "public_interest_estimate",
)
_BIT: Final = {name: 1 << position for position, name in enumerate(DATE_OPTIONS)}
_EXTENDED_BIT: Final = 1 << len(DATE_OPTIONS)
_CLARIFICATION: Final = _BIT["clarification_sought_on"] | _BIT["clarified_on"]
_FEES: Final = _BIT["fee_notice_on"] | _BIT["fee_paid_on"]
_ALL_BITS: Final = (_EXTENDED_BIT << 1) - 1

#: The awaited thing of a stopped clock, as a state.
_AWAITING: Final = {
    "clarification": ClockState.AWAITING_CLARIFICATION,
    "fee": ClockState.AWAITING_FEE,
}


def response_arrays(
    received: npt.NDArray[np.int64],
    regime: npt.NDArray[np.int8],
    *,
    clarification_sought_on: npt.NDArray[np.int64] | None = None,
    clarified_on: npt.NDArray[np.int64] | None = None,
    fee_notice_on: npt.NDArray[np.int64] | None = None,
    fee_paid_on: npt.NDArray[np.int64] | None = None,
    identity_confirmed_on: npt.NDArray[np.int64] | None = None,
    extended_on: npt.NDArray[np.int64] | None = None,
    public_interest_estimate: npt.NDArray[np.int64] | None = None,
    division: Division | str = Division.ENGLAND_AND_WALES,
    policies: Policies | None = None,
    data: HolidayData | None = None,
    extended: npt.NDArray[np.bool_] | None = None,
) -> ResponseArrays:
    """The response stage of many requests, each as the scalar engine gives it.

    Args:
        received: The days of receipt (:data:`NULL_DAY` for none).
        regime: Each row's regime, as an index into :data:`REGIMES` (a single
            code, or one per row); a code outside it is a refused row.
        clarification_sought_on: The days clarification was sought, or ``None``
            for no such column; and so for each date option of
            :func:`~foi_deadlines.responses.response_due`.
        clarified_on: See ``clarification_sought_on``.
        fee_notice_on: See ``clarification_sought_on``.
        fee_paid_on: See ``clarification_sought_on``.
        identity_confirmed_on: See ``clarification_sought_on``.
        extended_on: The day an extension was notified; :data:`NULL_DAY` for no
            extension (unless ``extended`` says there is one).
        public_interest_estimate: See ``clarification_sought_on``.
        division: As for :func:`~foi_deadlines.responses.response_due`.
        policies: As for :func:`~foi_deadlines.responses.response_due`.
        data: As for :func:`~foi_deadlines.responses.response_due`.
        extended: Where ``True``, an extension taken as notified in time (the
            scalar ``extended=True``); ``None`` for none.

    Returns:
        One entry per row. The arrays are read-only; where a field is null on
        every row it may be one value broadcast.

    Raises:
        InvalidInputError: ``division``, ``policies`` or ``data`` is not one the
            scalar API accepts (for every row alike), or a column is not as long
            as ``received``.
    """
    import numpy as np  # noqa: PLC0415 - optional, only for columns

    days = np.asarray(received, dtype=np.int64)
    n = days.size
    codes = np.broadcast_to(np.asarray(regime, dtype=np.int8), (n,))
    circumstances = _circumstances(division, policies, data)
    columns: dict[str, npt.NDArray[np.int64]] = {}
    for name, column in (
        ("clarification_sought_on", clarification_sought_on),
        ("clarified_on", clarified_on),
        ("fee_notice_on", fee_notice_on),
        ("fee_paid_on", fee_paid_on),
        ("identity_confirmed_on", identity_confirmed_on),
        ("extended_on", extended_on),
        ("public_interest_estimate", public_interest_estimate),
    ):
        if column is not None:
            columns[name] = _same_length(np.asarray(column, dtype=np.int64), n, name)
    flags = None
    if extended is not None:
        flags = _same_length(np.asarray(extended, dtype=np.bool_), n, "extended")
        if not flags.any():
            flags = None
    call = _Columns(
        received=days,
        codes=codes,
        dates=columns,
        extended=flags,
        division=division,
        policies=policies,
        data=data,
        circumstances=circumstances,
    )
    return call.run()


def _same_length(array: npt.NDArray[Any], n: int, name: str) -> npt.NDArray[Any]:
    if array.shape != (n,):
        raise InvalidInputError(
            name, f"{array.size} rows", f"a column as long as received ({n} rows)"
        )
    return array


def _circumstances(
    division: Division | str, policies: Policies | None, data: HolidayData | None
) -> Circumstances:
    """The circumstances the scalar API makes of the same arguments."""
    if policies is None and data is None and division is Division.ENGLAND_AND_WALES:
        return DEFAULT_CIRCUMSTANCES
    if data is not None and not isinstance(data, HolidayData):
        raise InvalidInputError("data", data, "a foi_deadlines.HolidayData or None")
    return circumstances_of(
        policies=policies_of(policies),
        data=data,
        division=member_of(Division, division, "division"),
    )


@functools.lru_cache(maxsize=64)
def _unmoved_table(
    edition: RuleSet,
    circumstances: Circumstances,
    _holidays: HolidayData | None,
) -> npt.NDArray[np.int64] | None:
    """The unmoved deadline for every day of receipt, or ``None``.

    ``None`` unless the plan is plain (no body, no receipt deemed to be on another
    day) on one calendar for every day (policy P6 ``latest_known``): the table is
    then the end of the base period from each day, made with numpy from the
    calendar's tables (:func:`_period_ends`).
    """
    plan = _plain_plan(edition, circumstances)
    if plan is None:
        return None
    return _period_ends(plan.base, plan.calendar)[0]


def _plain_plan(edition: RuleSet, circumstances: Circumstances) -> Any:
    """The edition's plan, if one plan serves every day and it is plain."""
    if (
        circumstances.policies.proclaimed_holidays
        is ProclaimedHolidays.AS_KNOWN_AT_RECEIPT
    ):
        return None
    plan = _plan_for(edition, circumstances, FIRST_SUPPORTED_DAY)
    return plan if plan.plain else None


@functools.lru_cache(maxsize=64)
def _period_ends(
    rule: ClockRule, calendar: WorkingDayCalendar | None
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """``period_end(rule, day, calendar)`` for every day of the span, and unrolled.

    The same arithmetic as :func:`~foi_deadlines.clocks.period_end` with no pauses,
    over every day at once: working days from the calendar's tables; calendar days
    and months (the corresponding date, or the month's last day) with numpy's
    month arithmetic; a period that rolls moved to the next working day. The tests
    compare both with the engine on every day.
    """
    import numpy as np  # noqa: PLC0415 - optional, only for columns

    days = np.arange(FIRST_DAY, LAST_DAY + 1, dtype=np.int64)
    if rule.unit is Unit.WORKING_DAYS:
        assert calendar is not None
        counts, working = _numpy_tables(calendar)
        index = days - FIRST_DAY
        if rule.end is End.BEGINNING_WITH:
            # Day 0 is the first day: count from the day before it.
            index = index - 1
        before = np.where(index >= 0, counts[np.maximum(index, 0)], 0)
        end = working[before + (rule.length - 1)]
        unrolled = end
    else:
        if rule.unit is Unit.CALENDAR_DAYS:
            end = days + rule.length
        else:
            end = days
            for months in rule.chain or (rule.length,):
                end = _add_months(end, months)
        if rule.end is End.BEGINNING_WITH:
            end = end - 1
        unrolled = end
        if rule.rolls and calendar is not None:
            end = _rolled(end, calendar)
    end.flags.writeable = False
    unrolled.flags.writeable = False
    return end, unrolled


def _add_months(days: npt.NDArray[np.int64], months: int) -> npt.NDArray[np.int64]:
    """The corresponding date ``months`` later, or that month's last day."""
    import numpy as np  # noqa: PLC0415 - optional, only for columns

    as_days = days.view("datetime64[D]")
    month = as_days.astype("datetime64[M]")
    day_of_month = as_days - month.astype("datetime64[D]")
    target = month + np.timedelta64(months, "M")
    last = (target + np.timedelta64(1, "M")).astype("datetime64[D]") - np.timedelta64(
        1, "D"
    )
    found = np.minimum(target.astype("datetime64[D]") + day_of_month, last)
    result: npt.NDArray[np.int64] = found.view(np.int64)
    return result


def _rolled(
    days: npt.NDArray[np.int64], calendar: WorkingDayCalendar
) -> npt.NDArray[np.int64]:
    """Each day, or the next working day if it is not one."""
    counts, working = _numpy_tables(calendar)
    # The working days before each day index the first working day on or after it.
    before = counts[days - FIRST_DAY - 1]
    return working[before]


def _extension_step(edition: RuleSet, plan: Any) -> Step | None:
    """The edition's extension step, if the fast path can take it as it is.

    Not where the extended time needs an estimate the row cannot give (FOIA's
    public interest under a policy with no cap): the engine refuses that.
    """
    kind = edition.extension_kind
    step = None if kind is None else edition.step(kind)
    if step is None or step.effect is not Modifier.EXTENSION:
        return None
    declared = edition.rule(step.extends_to)
    if (
        declared.length_policy
        and getattr(plan.policies, declared.length_policy) is None
    ):
        return None
    return step


def _paired_step(
    edition: RuleSet,
    opens: CaseEventKind,
    closes: CaseEventKind,
    effect: Modifier,
    windows: tuple[Window, ...],
) -> Step | None:
    """The step ``opens`` starts and ``closes`` ends, if it is as a fast path assumes.

    It has ``effect``, a window among ``windows``, and ``closes`` is its closing
    event and nothing else (no step of its own, no other step it closes).
    """
    step = edition.step(opens)
    if (
        step is None
        or step.effect is not effect
        or step.closed_by is not closes
        or step.window not in windows
        or edition.step(closes) is not None
        or edition.step_closed_by(closes) is not step
    ):
        return None
    return step


def _restart_step(edition: RuleSet) -> Step | None:
    """The clarification step, if it restarts the clock as the fast path assumes."""
    return _paired_step(
        edition,
        CaseEventKind.CLARIFICATION_SOUGHT,
        CaseEventKind.CLARIFICATION_RECEIVED,
        Modifier.RESTART,
        (Window.BASE,),
    )


def _pause_step(edition: RuleSet) -> Step | None:
    """The fees step, if it pauses the clock as the fast path assumes."""
    step = _paired_step(
        edition,
        CaseEventKind.FEES_NOTICE,
        CaseEventKind.FEE_PAID,
        Modifier.PAUSE,
        (Window.BASE, Window.CURRENT),
    )
    return step if step is not None and step.fee_rule else None


def _month_pause_step(edition: RuleSet, plan: Any) -> Step | None:
    """The clarification step, if it pauses a period of days or months."""
    step = _paired_step(
        edition,
        CaseEventKind.CLARIFICATION_SOUGHT,
        CaseEventKind.CLARIFICATION_RECEIVED,
        Modifier.PAUSE,
        (Window.BASE, Window.CURRENT),
    )
    if step is None or step.fee_rule or plan.base.unit is Unit.WORKING_DAYS:
        return None
    return step


def _as_date(day: int, param: str) -> date | None:
    """An epoch day as a date, ``None`` for :data:`NULL_DAY`.

    Raises:
        OutsideCalendarRangeError: A day no ``date`` can hold.
    """
    if day == NULL_DAY:
        return None
    ordinal = day + EPOCH_ORDINAL
    if not date.min.toordinal() <= ordinal <= date.max.toordinal():
        import numpy as np  # noqa: PLC0415 - optional, only for columns

        raise OutsideCalendarRangeError(
            param,
            str(np.datetime64(day, "D")),
            FIRST_SUPPORTED_DAY,
            LAST_SUPPORTED_DAY,
            "any",
        )
    return date.fromordinal(ordinal)


class _Columns:
    """One call of :func:`response_arrays`: its inputs and the results so far."""

    def __init__(
        self,
        *,
        received: npt.NDArray[np.int64],
        codes: npt.NDArray[np.int8],
        dates: dict[str, npt.NDArray[np.int64]],
        extended: npt.NDArray[np.bool_] | None,
        division: Division | str,
        policies: Policies | None,
        data: HolidayData | None,
        circumstances: Circumstances,
    ) -> None:
        import numpy as np  # noqa: PLC0415 - optional, only for columns

        self.np = np
        self.received = received
        self.codes = codes
        self.dates = dates
        self.extended = extended
        self.division = division
        self.policies = policies
        self.data = data
        self.circumstances = circumstances
        self.n = n = received.size
        self.calendars: dict[int, tuple[int, WorkingDayCalendar]] = {}
        self.errors: list[tuple[int, str]] = []
        self.base_due = np.full(n, NULL_DAY, dtype=np.int64)
        self.final_due = self.base_due
        self.state = np.full(n, ClockState.NULL, dtype=np.int8)
        self.calendar = np.full(n, -1, dtype=np.int8)
        self.fee_due: npt.NDArray[np.int64] | None = None
        self.lapsed_on: npt.NDArray[np.int64] | None = None
        self.abandoned_on: npt.NDArray[np.int64] | None = None

    # -- the parts ---------------------------------------------------------------

    def calendar_index(self, calendar: WorkingDayCalendar | None) -> int:
        if calendar is None:
            return -1
        found = self.calendars.get(id(calendar))
        if found is None:
            found = self.calendars[id(calendar)] = (len(self.calendars), calendar)
        return found[0]

    def extra(self, name: str) -> npt.NDArray[np.int64]:
        """A field that is null on most rows, made when first written."""
        found: npt.NDArray[np.int64] | None = getattr(self, name)
        if found is None:
            found = self.np.full(self.n, NULL_DAY, dtype=self.np.int64)
            setattr(self, name, found)
        return found

    def in_span(self, days: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        """Whether each day is a day the library accepts (never a null)."""
        np = self.np
        with np.errstate(over="ignore"):
            offset = days - FIRST_DAY
        return offset.view(np.uint64) < _SPAN  # type: ignore[no-any-return]

    # -- the call ----------------------------------------------------------------

    def run(self) -> ResponseArrays:
        np = self.np
        days = self.received
        todo = days != NULL_DAY
        if self.n and (self.dates or self.extended is not None):
            bits = np.zeros(self.n, dtype=np.uint16)
            for name, column in self.dates.items():
                bits |= (column != NULL_DAY).astype(np.uint16) * _BIT[name]
            if self.extended is not None:
                bits |= self.extended.astype(np.uint16) * _EXTENDED_BIT
        else:
            bits = None
        if bits is None and self.n and self.all_plain():
            return self.result()
        if self.n:
            self.fast(todo, bits)
            if todo.any():
                self.walk_each(np.flatnonzero(todo))
        return self.result()

    def all_plain(self) -> bool:
        """The common case at its cheapest: one regime, one table, every row in it.

        Whether it applied.
        """
        np = self.np
        codes = self.codes
        if codes.strides != (0,) or not 0 <= codes[0] < len(REGIMES):
            return False
        editions = RULE_SETS[REGIMES[int(codes[0])]]
        edition = editions[0]
        if len(editions) > 1 or edition.in_force_from or edition.in_force_to:
            return False
        table = _unmoved_table(
            edition, self.circumstances, holiday_key(self.circumstances.data)
        )
        if table is None:
            return False
        with np.errstate(over="ignore"):
            offset = self.received - FIRST_DAY
        if not (offset.view(np.uint64) < _SPAN).all():
            return False
        plan = _plan_for(edition, self.circumstances, FIRST_SUPPORTED_DAY)
        # The offsets are this call's own: gather into them.
        self.final_due = self.base_due = np.take(table, offset, out=offset, mode="clip")
        self.state = np.broadcast_to(np.int8(ClockState.RUNNING), (self.n,))
        self.calendar = np.broadcast_to(
            np.int8(self.calendar_index(plan.calendar)), (self.n,)
        )
        return True

    def fast(
        self, todo: npt.NDArray[np.bool_], bits: npt.NDArray[np.uint16] | None
    ) -> None:
        """The rows the tables answer, by regime and edition; ``todo`` is updated."""
        np = self.np
        codes = self.codes
        uniform = codes.strides == (0,) or bool((codes == codes[0]).all())
        present = [int(codes[0])] if uniform else np.unique(codes).tolist()
        for code in present:
            if not 0 <= code < len(REGIMES):
                continue
            editions = RULE_SETS[REGIMES[code]]
            for edition in editions:
                rows = todo if uniform else todo & (codes == code)
                if len(editions) > 1 or edition.in_force_from or edition.in_force_to:
                    rows = rows & self.in_force(edition)
                self.edition(edition, rows, todo, bits)

    def in_force(self, edition: RuleSet) -> npt.NDArray[np.bool_]:
        days = self.received
        rows: npt.NDArray[np.bool_] = days != NULL_DAY
        if edition.in_force_from is not None:
            rows &= days >= epoch_day(edition.in_force_from)
        if edition.in_force_to is not None:
            rows &= days <= epoch_day(edition.in_force_to)
        return rows

    def edition(
        self,
        edition: RuleSet,
        rows: npt.NDArray[np.bool_],
        todo: npt.NDArray[np.bool_],
        bits: npt.NDArray[np.uint16] | None,
    ) -> None:
        table = _unmoved_table(
            edition, self.circumstances, holiday_key(self.circumstances.data)
        )
        if table is None:
            return
        np = self.np
        plan = _plan_for(edition, self.circumstances, FIRST_SUPPORTED_DAY)
        calendar = self.calendar_index(plan.calendar)
        rows = rows & self.in_span(self.received)
        plain = rows if bits is None else rows & (bits == 0)
        if plain.all():
            self.final_due = self.base_due = table[self.received - FIRST_DAY]
            self.state = np.zeros(self.n, dtype=np.int8)
            self.calendar = np.full(self.n, calendar, dtype=np.int8)
            todo[:] = False
            return
        if plain.any():
            self.running(plain, table[self.received[plain] - FIRST_DAY], calendar)
            todo &= ~plain
        if bits is not None:
            self.modified(edition, plan, table, rows, todo, bits)

    def modified(  # noqa: PLR0917 - the rows and what the edition fixes
        self,
        edition: RuleSet,
        plan: Any,
        table: npt.NDArray[np.int64],
        rows: npt.NDArray[np.bool_],
        todo: npt.NDArray[np.bool_],
        bits: npt.NDArray[np.uint16],
    ) -> None:
        """The rows with one kind of modifier that the fast paths take."""
        calendar = self.calendar_index(plan.calendar)
        policies = self.circumstances.policies
        by_day_zero = edition.edition_policy and (
            str(getattr(policies, edition.edition_policy))
            == edition.edition_by_day_zero
        )
        if policies.clarification_lapse_months is not None or by_day_zero:
            return
        step = _restart_step(edition)
        if step is not None:
            shaped = rows & ((bits & (_ALL_BITS ^ _CLARIFICATION)) == 0) & (bits != 0)
            if shaped.any():
                self.restarts(step, table, shaped, todo, calendar)
            dated = _BIT["extended_on"]
            shaped = (
                rows
                & ((bits & (_ALL_BITS ^ _CLARIFICATION ^ dated)) == 0)
                & ((bits & _CLARIFICATION) != 0)
                & ((bits & dated) != 0)
            )
            if shaped.any():
                self.restarted_extensions(edition, plan, step, table, shaped, todo)
        step = _pause_step(edition)
        if step is not None:
            shaped = (
                rows
                & ((bits & (_ALL_BITS ^ _FEES)) == 0)
                & ((bits & _BIT["fee_notice_on"]) != 0)
            )
            if shaped.any():
                self.pauses(edition, step, table, shaped, todo, calendar)
        step = _month_pause_step(edition, plan)
        if step is not None:
            shaped = rows & ((bits & (_ALL_BITS ^ _CLARIFICATION)) == 0) & (bits != 0)
            if shaped.any():
                self.month_pauses(plan, step, shaped, todo, calendar)
        for flag, taken in (
            (_EXTENDED_BIT, self.extensions),
            (_BIT["extended_on"], self.dated_extensions),
        ):
            shaped = rows & (bits == flag)
            if shaped.any():
                taken(edition, plan, table, shaped, todo)

    def running(
        self, rows: npt.NDArray[Any], due: npt.NDArray[np.int64], calendar: int
    ) -> None:
        """Rows whose deadline ``due`` is running, with no extension."""
        self.base_due[rows] = due
        if self.final_due is not self.base_due:
            self.final_due[rows] = due
        self.state[rows] = ClockState.RUNNING
        self.calendar[rows] = calendar

    def column(self, name: str, rows: npt.NDArray[np.bool_]) -> npt.NDArray[np.int64]:
        found = self.dates.get(name)
        if found is None:
            return self.np.full(int(rows.sum()), NULL_DAY, dtype=self.np.int64)
        return found[rows]

    def clarifications(
        self, step: Step, rows: npt.NDArray[np.bool_]
    ) -> tuple[npt.NDArray[np.intp], ...]:
        """The rows with clarification dates the engine would accept, and those dates.

        The positions, then the days of receipt, clarification sought and
        clarification received (:data:`NULL_DAY` where not given), for the rows
        whose dates are in order and in the span; any other row is left to the
        engine, which refuses it.
        """
        np = self.np
        received = self.received[rows]
        sought = self.column("clarification_sought_on", rows)
        clarified = self.column("clarified_on", rows)
        has_sought = sought != NULL_DAY
        has_clarified = clarified != NULL_DAY
        valid = (
            (~has_sought | ((sought >= received) & self.in_span(sought)))
            & (~has_clarified | ((clarified >= received) & self.in_span(clarified)))
            & (~(has_sought & has_clarified) | (clarified >= sought))
        )
        if step.needs_opening:
            valid &= has_sought
        where = np.flatnonzero(rows)[valid]
        return where, received[valid], sought[valid], clarified[valid]

    def restarts(
        self,
        step: Step,
        table: npt.NDArray[np.int64],
        rows: npt.NDArray[np.bool_],
        todo: npt.NDArray[np.bool_],
        calendar: int,
    ) -> None:
        """Clarification sought and received: day 0 becomes the day it arrived."""
        where, received, sought, clarified = self.clarifications(step, rows)
        has_sought, has_clarified = sought != NULL_DAY, clarified != NULL_DAY
        base = table[received - FIRST_DAY]
        # A request sought with no day is taken as sought in time.
        opened = ~has_sought | (sought <= base)
        restarted = opened & has_clarified
        due = base.copy()
        due[restarted] = table[clarified[restarted] - FIRST_DAY]
        running = ~opened | has_clarified
        self.running(where[running], due[running], calendar)
        self.state[where[~running]] = ClockState.AWAITING_CLARIFICATION
        todo[where] = False

    def pauses(  # noqa: PLR0917 - the rows and what the edition fixes
        self,
        edition: RuleSet,
        step: Step,
        table: npt.NDArray[np.int64],
        rows: npt.NDArray[np.bool_],
        todo: npt.NDArray[np.bool_],
        calendar: int,
    ) -> None:
        """A fees notice in time, and its payment: the days between disregarded."""
        np = self.np
        plan = _plan_for(edition, self.circumstances, FIRST_SUPPORTED_DAY)
        if plan.policies.fee_pause not in (
            FeePause.LITERAL,
            FeePause.NOTICE_DAY_COUNTS,
        ):
            return
        if plan.base.unit is not Unit.WORKING_DAYS or plan.calendar is None:
            return
        received = self.received[rows]
        notice = self.column("fee_notice_on", rows)
        paid = self.column("fee_paid_on", rows)
        has_paid = paid != NULL_DAY
        valid = (
            (notice >= received)
            & self.in_span(notice)
            & (~has_paid | ((paid >= notice) & self.in_span(paid)))
        )
        where = np.flatnonzero(rows)[valid]
        received, notice, paid = received[valid], notice[valid], paid[valid]
        has_paid = has_paid[valid]
        todo[where] = False
        base = table[received - FIRST_DAY]
        inside = notice <= base
        # A notice after its window has no effect, nor has its payment.
        self.running(where[~inside], base[~inside], calendar)
        where, received, notice, paid = (
            where[inside],
            received[inside],
            notice[inside],
            paid[inside],
        )
        has_paid = has_paid[inside]
        rule = plan.rule(step.fee_rule)
        fee_calendar = plan.calendar_of(rule)
        policies = plan.policies

        def window(day: date) -> date:
            return period_end(rule, day, fee_calendar, (), policies)[0]

        fee_due = _per_distinct_day(notice, window)
        lapsed = fee_due + 1
        self.extra("fee_due")[where] = fee_due
        late = has_paid & (paid > fee_due)
        stopped = ~has_paid
        self.extra("lapsed_on")[where[late | stopped]] = lapsed[late | stopped]
        self.state[where[late]] = ClockState.LAPSED
        self.state[where[stopped]] = ClockState.AWAITING_FEE
        paused = has_paid & ~late
        if not paused.any():
            return
        where, received, notice, paid = (
            where[paused],
            received[paused],
            notice[paused],
            paid[paused],
        )
        counts, working = _numpy_tables(plan.calendar)
        length = plan.base.length
        at_notice = counts[notice - FIRST_DAY]
        before = at_notice - counts[received - FIRST_DAY]
        if not plan.first_counts:
            # The notice day itself is disregarded, when it is a working day.
            before -= at_notice - counts[notice - FIRST_DAY - 1]
        before[notice <= received] = 0
        due = table[received - FIRST_DAY].copy()
        resumed = before < length
        due[resumed] = working[
            counts[paid[resumed] - FIRST_DAY] + (length - before[resumed]) - 1
        ]
        self.running(where, due, calendar)

    def month_pauses(
        self,
        plan: Any,
        step: Step,
        rows: npt.NDArray[np.bool_],
        todo: npt.NDArray[np.bool_],
        calendar: int,
    ) -> None:
        """Clarification of a period of days or months: the days waited added."""
        np = self.np
        end, unrolled = _period_ends(plan.base, plan.calendar)
        where, received, sought, clarified = self.clarifications(step, rows)
        has_sought, has_clarified = sought != NULL_DAY, clarified != NULL_DAY
        rolled = end[received - FIRST_DAY]
        opened = ~has_sought | (sought <= rolled)
        paused = opened & has_clarified
        start = np.where(has_sought, sought, clarified)
        span = clarified - start
        exclusive = plan.policies.sar_pause is SarPause.EXCLUSIVE
        added = np.maximum(span - 1, 0) if exclusive else span + 1
        added[~paused | (start > rolled)] = 0
        rolls = plan.base.rolls and plan.calendar is not None
        due = np.where(
            (added > 0) & rolls & (plan.policies.sar_pause is SarPause.ROLL_FIRST),
            rolled,
            unrolled[received - FIRST_DAY],
        )
        due = due + added
        fits = np.ones(due.size, dtype=np.bool_)
        if rolls:
            # An end past the calendar's last working day is the engine's to refuse.
            fits = due <= _numpy_tables(plan.calendar)[1][-1]
            due[fits] = _rolled(due[fits], plan.calendar)
        running = (~opened | has_clarified) & fits
        self.running(where[running], due[running], calendar)
        stopped = opened & ~has_clarified
        self.state[where[stopped]] = ClockState.AWAITING_CLARIFICATION
        self.calendar[where[stopped]] = -1
        todo[where[fits | stopped]] = False

    def extensions(
        self,
        edition: RuleSet,
        plan: Any,
        table: npt.NDArray[np.int64],
        rows: npt.NDArray[np.bool_],
        todo: npt.NDArray[np.bool_],
    ) -> None:
        """An extension taken as notified in time (``extended=True``, no day)."""
        step = _extension_step(edition, plan)
        if step is not None:
            self.extend(plan, step, table, self.np.flatnonzero(rows), todo)

    def dated_extensions(
        self,
        edition: RuleSet,
        plan: Any,
        table: npt.NDArray[np.int64],
        rows: npt.NDArray[np.bool_],
        todo: npt.NDArray[np.bool_],
    ) -> None:
        """An extension notified on a day: in force if the day is in its window.

        The window is the step's: the time for complying (``Window.BASE``) or the
        time for the notice (``Window.NOTICE``), from the day of receipt. A day
        before receipt is left to the engine, which refuses it.
        """
        np = self.np
        step = _extension_step(edition, plan)
        if step is None:
            return
        where = np.flatnonzero(rows)
        received = self.received[where]
        on = self.dates["extended_on"][where]
        limit = self.window_ends(step, plan, table, received)
        readable = (on >= received) & self.in_span(on) & (limit != NULL_DAY)
        inside = readable & (on <= limit)
        self.extend(plan, step, table, where[inside], todo)
        outside = where[readable & ~inside]
        # Notified too late: no effect, and the time for complying runs as before.
        self.running(
            outside,
            table[self.received[outside] - FIRST_DAY],
            self.calendar_index(plan.calendar),
        )
        todo[outside] = False

    def restarted_extensions(  # noqa: PLR0917 - the rows and what the edition fixes
        self,
        edition: RuleSet,
        plan: Any,
        step: Step,
        table: npt.NDArray[np.int64],
        rows: npt.NDArray[np.bool_],
        todo: npt.NDArray[np.bool_],
    ) -> None:
        """Clarification and an extension notified on a day, as the walk takes them.

        The walk takes events by day, and on one day in the order events happen
        (:data:`~foi_deadlines.timeline.RANK`: clarification before an
        extension). An extension notified while the clock is stopped for
        clarification is in time; before the stop, its window runs from the day
        of receipt; after the clarification arrived, from that day. Wherever it
        falls, the extended time counts from day 0 as it finally is.
        """
        np = self.np
        extension = _extension_step(edition, plan)
        if extension is None:
            return
        where, received, sought, clarified = self.clarifications(step, rows)
        on = self.dates["extended_on"][where]
        readable = (on >= received) & self.in_span(on)
        where, received, sought, clarified, on = (
            where[readable],
            received[readable],
            sought[readable],
            clarified[readable],
            on[readable],
        )
        has_sought, has_clarified = sought != NULL_DAY, clarified != NULL_DAY
        base = table[received - FIRST_DAY]
        opened = ~has_sought | (sought <= base)
        restarted = opened & has_clarified
        awaiting = opened & ~has_clarified
        day_zero = np.where(restarted, clarified, received)
        after = restarted & (on >= clarified)
        limit = self.window_ends(
            extension, plan, table, np.where(after, clarified, received)
        )
        # Notified while the clock was stopped for clarification: in time.
        stopped = restarted & (~has_sought | (on >= sought)) & (on < clarified)
        known = limit != NULL_DAY
        inside = known & ~awaiting & (stopped | (on <= limit))
        outside = known & ~awaiting & ~inside
        self.extend(plan, extension, table, where[inside], todo, day_zero[inside])
        self.running(
            where[outside],
            table[day_zero[outside] - FIRST_DAY],
            self.calendar_index(plan.calendar),
        )
        self.state[where[awaiting]] = ClockState.AWAITING_CLARIFICATION
        todo[where[outside | awaiting]] = False

    def window_ends(
        self,
        step: Step,
        plan: Any,
        table: npt.NDArray[np.int64],
        day_zero: npt.NDArray[np.int64],
    ) -> npt.NDArray[np.int64]:
        """The end of an extension step's window from each day 0 (in the span).

        :data:`NULL_DAY` for every row where the window is not one the fast path
        knows.
        """
        index = day_zero - FIRST_DAY
        if step.window is Window.BASE:
            return table[index]
        if step.window is Window.NOTICE and step.notice_rule:
            notice = plan.rule(step.notice_rule)
            return _period_ends(notice, plan.calendar_of(notice))[0][index]
        return cast("npt.NDArray[np.int64]", self.np.full(index.size, NULL_DAY))

    def extend(  # noqa: PLR0917 - the rows and what the edition fixes
        self,
        plan: Any,
        step: Step,
        table: npt.NDArray[np.int64],
        where: npt.NDArray[np.intp],
        todo: npt.NDArray[np.bool_],
        day_zero: npt.NDArray[np.int64] | None = None,
    ) -> None:
        """Rows ``where`` with an extension in force from day 0.

        Day 0 is the day of receipt, or ``day_zero`` (one per row of ``where``)
        where the clock restarted.
        """
        policies = plan.policies
        rule = plan.rule(step.extends_to)
        rule_calendar = plan.calendar_of(rule)
        received = self.received[where] if day_zero is None else day_zero
        base = table[received - FIRST_DAY]
        if rule.unit is Unit.WORKING_DAYS:
            if rule_calendar is None:
                return
            length = rule.length
            if rule.length_policy:
                length = getattr(policies, rule.length_policy)
            extra = max(length - plan.standard.length, 0)
            due = base
            if extra:
                counts, working = _numpy_tables(rule_calendar)
                due = working[counts[base - FIRST_DAY] + (extra - 1)]
        else:
            due = _period_ends(rule, rule_calendar)[0][received - FIRST_DAY]
        if self.final_due is self.base_due:
            self.final_due = self.base_due.copy()
        self.base_due[where] = base
        self.final_due[where] = due
        self.state[where] = ClockState.RUNNING
        self.calendar[where] = self.calendar_index(rule_calendar)
        todo[where] = False

    def walk_each(  # noqa: PLR0912, PLR0915 - one field of the stage each
        self, rows: npt.NDArray[np.intp]
    ) -> None:
        """The scalar engine for each distinct row left, scattered back."""
        np = self.np
        names = list(self.dates)
        parts = [self.received[rows], self.codes[rows].astype(np.int64)]
        parts += [self.dates[name][rows] for name in names]
        if self.extended is not None:
            parts.append(self.extended[rows].astype(np.int64))
        keys = np.stack(parts, axis=1)
        distinct, inverse = np.unique(keys, axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
        k = len(distinct)
        base = np.full(k, NULL_DAY, dtype=np.int64)
        final = base.copy()
        fee = base.copy()
        lapsed = base.copy()
        abandoned = base.copy()
        state = np.full(k, ClockState.INVALID, dtype=np.int8)
        calendar = np.full(k, -1, dtype=np.int8)
        messages: dict[int, str] = {}
        for index, key in enumerate(distinct.tolist()):
            try:
                walk = _walk_of(self.call_of(key, names))
                stage = walk.deadlines()
            except FoiDeadlinesError as error:
                messages[index] = str(error)
                continue
            final_deadline = walk.final_deadline()
            if final_deadline is not None:
                state[index] = ClockState.RUNNING
                assert walk.base_due is not None
                assert walk.final_due is not None
                base[index] = epoch_day(walk.base_due)
                final[index] = epoch_day(walk.final_due)
                calendar[index] = self.calendar_index(final_deadline.calendar)
            elif stage.stopped is not None:
                state[index] = _AWAITING[stage.stopped.awaiting]
            elif stage.lapsed_on is not None:
                state[index] = ClockState.LAPSED
            else:
                state[index] = ClockState.ABANDONED
            if stage.fee_payment is not None:
                fee[index] = epoch_day(stage.fee_payment.due)
            if stage.lapsed_on is not None:
                lapsed[index] = epoch_day(stage.lapsed_on)
            if stage.abandoned_on is not None:
                abandoned[index] = epoch_day(stage.abandoned_on)
        if self.final_due is self.base_due:
            self.final_due = self.base_due.copy()
        self.base_due[rows] = base[inverse]
        self.final_due[rows] = final[inverse]
        self.state[rows] = state[inverse]
        self.calendar[rows] = calendar[inverse]
        for name, values in (
            ("fee_due", fee),
            ("lapsed_on", lapsed),
            ("abandoned_on", abandoned),
        ):
            if (values != NULL_DAY).any():
                self.extra(name)[rows] = values[inverse]
        if messages:
            refused = np.flatnonzero(state[inverse] == ClockState.INVALID)
            self.errors.extend(
                (int(rows[at]), messages[int(inverse[at])]) for at in refused
            )

    def call_of(self, key: list[int], names: list[str]) -> _Call:
        """The scalar call for one distinct row."""
        code = key[1]
        regime: Regime | None = REGIMES[code] if 0 <= code < len(REGIMES) else None
        options = {
            name: _as_date(day, name) for name, day in zip(names, key[2:], strict=False)
        }
        return _Call(
            received=_as_date(key[0], "received"),  # type: ignore[arg-type]
            regime=regime,  # type: ignore[arg-type]
            clarified_on=options.get("clarified_on"),
            clarification_sought_on=options.get("clarification_sought_on"),
            fee_notice_on=options.get("fee_notice_on"),
            fee_paid_on=options.get("fee_paid_on"),
            extended=self.extended is not None and bool(key[-1]),
            public_interest_estimate=options.get("public_interest_estimate"),
            body=None,
            school_days=None,
            commissioner_day=None,
            identity_confirmed_on=options.get("identity_confirmed_on"),
            division=self.division,
            policies=self.policies,
            data=self.data,
            extended_on=options.get("extended_on"),
        )

    def result(self) -> ResponseArrays:
        np = self.np
        nothing = np.broadcast_to(np.int64(NULL_DAY), (self.n,))
        fields: dict[str, Any] = {
            "base_due": self.base_due,
            "final_due": self.final_due,
            "state": self.state,
            "fee_due": nothing if self.fee_due is None else self.fee_due,
            "lapsed_on": nothing if self.lapsed_on is None else self.lapsed_on,
            "abandoned_on": nothing if self.abandoned_on is None else self.abandoned_on,
            "calendar": self.calendar,
        }
        for array in fields.values():
            if array.flags.writeable:
                array.flags.writeable = False
        ordered = sorted(self.calendars.values(), key=lambda pair: pair[0])
        return ResponseArrays(
            **fields,
            calendars=tuple(calendar for _, calendar in ordered),
            errors=tuple(sorted(self.errors)),
        )


def _per_distinct_day(
    days: npt.NDArray[np.int64], function: Callable[[date], date]
) -> npt.NDArray[np.int64]:
    """``function`` of each day, worked out once per distinct day."""
    import numpy as np  # noqa: PLC0415 - optional, only for columns

    distinct, inverse = np.unique(days, return_inverse=True)
    values = np.fromiter(
        (epoch_day(function(from_epoch_day(day))) for day in distinct.tolist()),
        dtype=np.int64,
        count=len(distinct),
    )
    return values[inverse]


def warn_provisional(arrays: ResponseArrays, *, stacklevel: int = 2) -> None:
    """One :class:`~foi_deadlines.errors.ProvisionalDateWarning` for a whole call.

    Given where any running deadline is after its calendar's confirmed holiday
    data (``Deadline.provisional``), naming how many and the first; nothing is
    worked out when such warnings are ignored.
    """
    import numpy as np  # noqa: PLC0415 - optional, only for columns

    if not arrays.calendars or ignored(ProvisionalDateWarning):
        return
    for index, calendar in enumerate(arrays.calendars):
        assert calendar is not None
        limit = epoch_day(calendar.confirmed_until)
        late = (arrays.final_due > limit) & (arrays.calendar == index)
        count = int(np.count_nonzero(late))
        if count:
            first = int(np.argmax(late))
            due = from_epoch_day(int(arrays.final_due[first]))
            warnings.warn(
                f"{count} of {late.size} deadlines (the first in row {first}, due "
                f"{due}) depend on days after {calendar.confirmed_until}, the end of "
                f"the confirmed holiday data of calendar {calendar.name!r}: later "
                "bank holidays follow the standing rules and may still be changed "
                "by proclamation (Deadline.provisional)",
                ProvisionalDateWarning,
                stacklevel=stacklevel + 1,
            )
            return
