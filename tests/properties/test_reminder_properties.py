"""Property tests for the calendar export: reminders and closed cases.

Cases come from the valid-timeline strategy of ``test_case_properties``. Working
days between a reminder and its deadline are counted one calendar day at a time,
and the calendar a deadline counts on is named from the regime, independently of
the code under test.
"""

from __future__ import annotations

from datetime import date, time, timedelta

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from foi_deadlines import Case, CaseEvent, StatusCode, TimelineError, get_calendar
from foi_deadlines._dates import london
from foi_deadlines.ical import calendar_events
from foi_deadlines.reminders import live_deadlines
from tests.oracles import provisional_ok
from tests.properties.test_case_properties import Scenario, valid_cases

ONE_DAY = timedelta(days=1)
#: The calendar each regime counts working days on; subject access counts on the
#: controller's part of the UK.
REGIME_CALENDAR = {"foia": "uk", "eir": "uk", "foisa": "scotland", "eisr": "scotland"}
counts = st.lists(st.integers(1, 30), max_size=3)


def named(case: Case) -> Case:
    return attrs.evolve(case, reference="P-1")


def working_days_strictly_between(name: str, first: date, last: date) -> int:
    """Working days after ``first`` and before ``last``, counted day by day."""
    calendar = get_calendar(name)
    day, found = first + ONE_DAY, 0
    with provisional_ok():
        while day < last:
            found += calendar.is_working_day(day)
            day += ONE_DAY
    return found


@given(valid_cases(), counts)
def test_every_reminder_is_a_working_day_before_its_deadline(
    scenario: Scenario, reminders: list[int]
) -> None:
    """Each reminder is on a working day, n working days before the deadline."""
    case, as_of = named(scenario.case), scenario.as_of
    events = calendar_events([case], as_of=as_of, reminders=reminders)
    calendars = {
        live.kind: live.deadline.calendar for live in live_deadlines(case, as_of=as_of)
    }
    for event in events:
        assert not event.cancelled
        own = calendars[event.kind]
        name = (
            own.name
            if own is not None
            else REGIME_CALENDAR.get(case.regime.value, case.division.value)
        )
        for reminder in event.reminders:
            local = reminder.at.astimezone(london())
            assert local.time() == time(9)
            day = local.date()
            assert as_of <= day < event.on
            with provisional_ok():
                assert get_calendar(name).is_working_day(day)
            between = working_days_strictly_between(name, day, event.on)
            assert between == reminder.working_days - 1


@given(
    valid_cases(stage="open"),
    st.sampled_from(["withdrawn", "transferred"]),
    st.integers(0, 60),
)
def test_no_event_for_a_closed_case(scenario: Scenario, kind: str, after: int) -> None:
    """A case withdrawn or transferred on or before as_of has no event."""
    closed_on = scenario.as_of
    try:
        case = named(scenario.case).with_event(CaseEvent(kind=kind, on=closed_on))
    except TimelineError:
        assume(False)
        return
    assert calendar_events([case], as_of=closed_on + timedelta(days=after)) == []


@given(valid_cases())
def test_no_event_once_closed_or_lapsed(scenario: Scenario) -> None:
    """A case closed before any response, or lapsed, has no event."""
    case, as_of = named(scenario.case), scenario.as_of
    status = case.status(as_of)
    sent = [e for e in case.events if e.kind == "response_sent" and e.on <= as_of]
    closed = status.code is StatusCode.LAPSED or (
        status.code is StatusCode.CLOSED and not sent
    )
    if closed:
        assert calendar_events([case], as_of=as_of) == []
