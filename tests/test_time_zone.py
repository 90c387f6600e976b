"""Europe/London, resolved when an aware datetime first needs it."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, date, datetime

import pytest
from dateutil import tz

import foi_deadlines
from foi_deadlines import _dates


@pytest.fixture(autouse=True)
def _fresh_zone() -> object:
    _dates.london.cache_clear()
    yield
    _dates.london.cache_clear()


def _no_zoneinfo(key: str) -> zoneinfo.ZoneInfo:
    raise zoneinfo.ZoneInfoNotFoundError(key)


def test_zoneinfo_first() -> None:
    assert _dates.london() == zoneinfo.ZoneInfo("Europe/London")


def test_summer_evening_in_utc_is_the_next_day() -> None:
    late = datetime(2025, 6, 1, 23, 30, tzinfo=UTC)
    assert _dates.to_uk_date(late) == date(2025, 6, 2)
    winter = datetime(2025, 1, 5, 23, 30, tzinfo=UTC)
    assert _dates.to_uk_date(winter) == date(2025, 1, 5)


def test_dateutil_when_the_system_has_no_zone_data(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without system zone data or tzdata, python-dateutil's own copy is used."""
    real = zoneinfo.ZoneInfo
    monkeypatch.setattr(zoneinfo, "ZoneInfo", _no_zoneinfo)
    zone = _dates.london()
    assert not isinstance(zone, real)
    late = datetime(2025, 6, 1, 23, 30, tzinfo=UTC)
    assert late.astimezone(zone).date() == date(2025, 6, 2)


def test_no_zone_data_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no zone data anywhere, the error says what to install."""
    monkeypatch.setattr(zoneinfo, "ZoneInfo", _no_zoneinfo)
    monkeypatch.setattr(tz, "gettz", lambda name: None)
    with pytest.raises(RuntimeError, match="pip install tzdata"):
        _dates.london()


def test_version_on_demand() -> None:
    """``__version__`` is read from the package metadata only when asked for."""
    assert isinstance(foi_deadlines.__version__, str)
    assert foi_deadlines.__version__
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        foi_deadlines.nothing  # noqa: B018 - the attribute access is the test
