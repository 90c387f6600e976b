"""Hypothesis strategies for dates around the calendar's hard cases."""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.easter import easter
from hypothesis import strategies as st

FIRST = date(2000, 1, 1)
LAST = date(2035, 12, 31)

#: Days the calendar must get right, each with a week either side explored.
HARD_DAYS = (
    date(2002, 6, 3),  # Golden Jubilee, with the moved spring bank holiday
    date(2011, 4, 29),  # royal wedding
    date(2012, 6, 4),  # Diamond Jubilee and moved spring bank holiday
    date(2020, 5, 8),  # VE Day move
    date(2022, 6, 2),  # Platinum Jubilee
    date(2022, 9, 19),  # state funeral
    date(2023, 5, 8),  # coronation
    date(2026, 6, 15),  # Scotland only, proclaimed after the gov.uk copy
    date(2028, 12, 31),  # end of the confirmed data
)


@st.composite
def _near(draw: st.DrawFn, anchors: st.SearchStrategy[date]) -> date:
    anchor = draw(anchors)
    return anchor + timedelta(days=draw(st.integers(-10, 10)))


def _christmas() -> st.SearchStrategy[date]:
    return st.integers(FIRST.year, LAST.year - 1).map(lambda y: date(y, 12, 25))


def _easter() -> st.SearchStrategy[date]:
    return st.integers(FIRST.year, LAST.year).map(easter)


def _month_end() -> st.SearchStrategy[date]:
    return st.builds(
        lambda y, m: date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1),
        st.integers(FIRST.year, LAST.year - 1),
        st.integers(1, 12),
    )


def _leap_day() -> st.SearchStrategy[date]:
    return st.sampled_from([date(y, 2, 29) for y in range(2000, 2036, 4)])


#: Any date from 2000 to 2035, weighted towards the hard cases: Christmas and New
#: Year, Easter, one-off and proclaimed days, month ends and leap days.
days = st.one_of(
    st.dates(FIRST, LAST),
    _near(_christmas()),
    _near(_easter()),
    _near(st.sampled_from(HARD_DAYS)),
    _near(_month_end()),
    _near(_leap_day()),
).filter(lambda d: FIRST <= d <= LAST)

calendar_names = st.sampled_from(
    ("uk", "scotland", "england-and-wales", "northern-ireland")
)
