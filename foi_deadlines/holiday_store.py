"""The user's holiday data: an installed gov.uk update and proclaimed days by hand.

The library's default data (:func:`default_data`, which every calendar uses when
no ``data`` is passed) is the bundled copy, plus what the user has stored in the
data directory (:func:`data_dir`):

* ``bank-holidays.json``: a gov.uk file installed with :func:`install` (after
  :func:`fetch`, or from a downloaded copy), with ``bank-holidays.provenance.json``
  beside it saying where it came from, when, and its SHA-256. It is used only if it
  is newer than the bundled copy *by its own content* (see :func:`is_newer`), never
  by the date it was downloaded.
* ``proclaimed.json``: proclaimed days added by :func:`add_proclaimed`, for the
  days between a proclamation and gov.uk's update.

``FOI_DEADLINES_HOLIDAYS=path/to/bank-holidays.json`` pins the data instead: the
bundled copy plus that file, and nothing from the data directory, so that a run can
be repeated exactly (for an audit, say).

:func:`fetch` is the only function in the project that goes to the network, and
only when called. Nothing here reads the clock: callers pass ``now``.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from foi_deadlines._dates import short_day
from foi_deadlines._files import write_atomically
from foi_deadlines.bank_holidays import (
    BUNDLED_SOURCE,
    FIRST_SUPPORTED_DAY,
    LAST_CALENDAR_DAY,
    Division,
    HolidayData,
    OfficialList,
    ProclaimedDay,
)
from foi_deadlines.errors import HolidayDataError, HolidayUpdateError, InvalidInputError

if TYPE_CHECKING:
    import urllib.request

__all__ = [
    "DATA_DIR_ENV",
    "GOVUK_URL",
    "HOLIDAYS_ENV",
    "MAX_DOWNLOAD_BYTES",
    "PROCLAIMED_FILE",
    "PROVENANCE_FILE",
    "UPDATE_FILE",
    "DayChange",
    "Provenance",
    "StoreStatus",
    "UpdateResult",
    "add_proclaimed",
    "data_dir",
    "default_data",
    "diff",
    "fetch",
    "install",
    "is_newer",
    "refresh",
    "remove_proclaimed",
    "remove_update",
    "status",
]

#: Where gov.uk publishes the bank holidays of every division.
GOVUK_URL: Final = "https://www.gov.uk/bank-holidays.json"
#: The environment variable naming the data directory, instead of the platform's.
DATA_DIR_ENV: Final = "FOI_DEADLINES_DATA_DIR"
#: The environment variable naming a gov.uk file that pins the data in use.
HOLIDAYS_ENV: Final = "FOI_DEADLINES_HOLIDAYS"
#: The installed gov.uk file, in the data directory, as it was received.
UPDATE_FILE: Final = "bank-holidays.json"
#: Where the installed file came from, beside it.
PROVENANCE_FILE: Final = "bank-holidays.provenance.json"
#: The proclaimed days added by hand, in the data directory.
PROCLAIMED_FILE: Final = "proclaimed.json"
#: The largest body :func:`fetch` accepts. gov.uk's file is about 20 kB.
MAX_DOWNLOAD_BYTES: Final = 2_000_000

_LOOPBACK: Final = frozenset({"127.0.0.1", "localhost"})
_FETCH_ACTION: Final = (
    "check the connection and try again, or download the file in a browser from "
    f"{GOVUK_URL} and use --from FILE"
)
_WRITE_ACTION: Final = (
    f"check that the directory can be written, or set {DATA_DIR_ENV} to one that can"
)
#: How far apart a removed day and an added day of the same name may be for
#: :func:`diff` to call them one moved day.
_MOVE_WINDOW: Final = timedelta(weeks=6)


# -- value types --------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Provenance:
    """Where an installed gov.uk file came from.

    Attributes:
        source: The URL it was fetched from, or the file it was read from.
        fetched_at: When it was fetched or read, in UTC.
        sha256: The SHA-256 of the bytes as received, in hex.
        size: How many bytes it has (``"bytes"`` in the JSON).
        covers: For each division, the first and last year it fully covers.
        partial: Whether it was installed as partial (kept for the years it
            fully covers).
        left_out: For a partial file, the divisions and years left out (the year
            ``None`` for a division missing from the file).
    """

    source: str
    fetched_at: datetime
    sha256: str
    size: int
    covers: tuple[tuple[Division, int, int], ...]
    partial: bool = False
    left_out: tuple[tuple[Division, int | None], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The provenance as the JSON object stored beside the file."""
        record: dict[str, Any] = {
            "source": self.source,
            "fetched_at": _iso_utc(self.fetched_at),
            "sha256": self.sha256,
            "bytes": self.size,
            "covers": {div.value: [first, last] for div, first, last in self.covers},
        }
        if self.partial:
            record["partial"] = True
            record["left_out"] = [
                {"division": division.value, "year": year}
                for division, year in self.left_out
            ]
        return record

    @classmethod
    def from_json(cls, data: object, where: str) -> Provenance:
        """Read a provenance record written by :meth:`to_json`.

        Args:
            data: The parsed JSON object.
            where: The file it came from, for messages.

        Raises:
            HolidayDataError: The record is malformed.
        """
        if not isinstance(data, Mapping):
            raise HolidayDataError(where, "", "expected a JSON object")
        try:
            covers = tuple(
                (Division(key), int(span[0]), int(span[1]))
                for key, span in data["covers"].items()
            )
            fetched_at = datetime.fromisoformat(str(data["fetched_at"]))
            record = cls(
                source=str(data["source"]),
                fetched_at=fetched_at.astimezone(UTC),
                sha256=str(data["sha256"]),
                size=int(data["bytes"]),
                covers=covers,
                partial=bool(data.get("partial", False)),
                left_out=tuple(
                    (
                        Division(item["division"]),
                        None if item["year"] is None else int(item["year"]),
                    )
                    for item in data.get("left_out", ())
                ),
            )
        except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
            raise HolidayDataError(where, "", f"malformed provenance: {exc}") from exc
        return record

    @property
    def label(self) -> str:
        """How the installed file is named in the data's version.

        See :attr:`~foi_deadlines.bank_holidays.HolidayData.version`.
        """
        return (
            f"installed update of {self.fetched_at.date()} from {self.source} "
            f"(sha256 {self.sha256[:12]})"
        )


@attrs.frozen(kw_only=True)
class DayChange:
    """A non-working day that differs between two versions of the holiday data.

    Attributes:
        division: Where it differs.
        kind: ``"added"`` (a new bank holiday), ``"removed"`` (no longer one) or
            ``"moved"`` (the same holiday on another day).
        before: The day in the old data; ``None`` for an added day.
        after: The day in the new data; ``None`` for a removed day.
        name: The holiday's name.
    """

    division: Division
    kind: Literal["added", "removed", "moved"]
    before: date | None
    after: date | None
    name: str

    @property
    def day(self) -> date:
        """The new day, or the old one for a removed day, to sort by."""
        day = self.after or self.before
        if day is None:
            raise InvalidInputError("before", day, "a date, where after is None")
        return day

    def describe(self) -> str:
        """The change in prose.

        >>> DayChange(division=Division.SCOTLAND, kind="moved", name="Spring",
        ...     before=date(2030, 5, 27), after=date(2030, 6, 3)).describe()
        'Scotland: Spring moved from Mon 27 May 2030 to Mon 3 Jun 2030'
        """
        label = self.division.label
        if self.kind == "moved":
            return (
                f"{label}: {self.name} moved from {_short(self.before)} to "
                f"{_short(self.after)}"
            )
        return f"{label}: {self.name} {self.kind}, {_short(self.day)}"


@attrs.frozen(kw_only=True)
class UpdateResult:
    """What :func:`install` stored, and what it changed.

    Attributes:
        provenance: The provenance stored beside the file.
        path: The installed file.
        changes: The non-working days that differ between the data in use before
            and after the install.
        in_use: Whether the installed file is now used by default (it is not when
            the bundled copy is as new, or when ``FOI_DEADLINES_HOLIDAYS`` pins
            the data).
        note: Why it is not in use, or ``""``.
        version: The version of the data now in use.
    """

    provenance: Provenance
    path: Path
    changes: tuple[DayChange, ...]
    in_use: bool
    note: str
    version: str


@attrs.frozen(kw_only=True)
class StoreStatus:
    """What holiday data is in use by default, and from where.

    Attributes:
        data_dir: The data directory.
        bundled_source: The bundled gov.uk copy.
        update_path: The installed gov.uk file, if there is one.
        provenance: Its provenance, if it has a readable one that matches it.
        update_in_use: Whether the installed file is used.
        update_note: Why it is not used, or ``""``.
        override: The file named by ``FOI_DEADLINES_HOLIDAYS``, if set; it
            replaces everything in the data directory.
        proclaimed: Proclaimed days stored by hand, whether in use or not.
        version: The version of the data in use (recorded in every deadline).
        confirmed_until: For each division, the last day of the confirmed data.
    """

    data_dir: Path
    bundled_source: str
    update_path: Path | None
    provenance: Provenance | None
    update_in_use: bool
    update_note: str
    override: Path | None
    proclaimed: tuple[ProclaimedDay, ...]
    version: str
    confirmed_until: dict[Division, date]


# -- where the data is --------------------------------------------------------


def data_dir() -> Path:
    """The directory where the user's holiday data is stored.

    ``$FOI_DEADLINES_DATA_DIR`` if set, otherwise the platform's user data
    directory for ``foi-deadlines`` (such as ``~/.local/share/foi-deadlines`` on
    Linux). It need not exist yet.

    >>> import os
    >>> data_dir() == Path(os.environ["FOI_DEADLINES_DATA_DIR"])
    True
    """
    return Path(_data_dir_name(os.environ))


def _data_dir_name(environ: Mapping[str, str]) -> str:
    configured = environ.get(DATA_DIR_ENV)
    if configured:
        return configured
    return _platform_data_dir(environ.get("XDG_DATA_HOME"), environ.get("HOME"))


@functools.lru_cache(maxsize=4)
def _platform_data_dir(_xdg_data_home: str | None, _home: str | None) -> str:
    """The platform's directory, cached on the variables it depends on."""
    import platformdirs  # noqa: PLC0415 - needed only without FOI_DEADLINES_DATA_DIR

    return platformdirs.user_data_dir("foi-deadlines", appauthor=False)


# -- the default data ---------------------------------------------------------

_Stamp = tuple[str, int, int] | None


def _stamp(path: Path | str) -> _Stamp:
    """``(path, size, mtime_ns)`` of a file, or ``None`` if there is none."""
    try:
        stat = os.stat(path)  # noqa: PTH116 - a str, for speed
    except OSError:
        return None
    return (str(path), stat.st_size, stat.st_mtime_ns)


def default_data() -> HolidayData:
    """The library's default holiday data, as every calendar uses it.

    The bundled copy, plus the installed gov.uk update if it is newer by its
    content (:func:`is_newer`), plus the proclaimed days stored by
    :func:`add_proclaimed`. If ``FOI_DEADLINES_HOLIDAYS`` names a file, it is the
    bundled copy plus that file instead, and nothing from the data directory.

    The environment and the files are read on the first call in a process, and
    again after :func:`install`, :func:`add_proclaimed`,
    :func:`remove_proclaimed` or :func:`remove_update` change them, or after
    :func:`refresh`: every later call is one cached look-up, on the hot path of
    every deadline computed without data. A process that changes the
    environment variables while it runs, or that is already running when
    another installs an update, calls :func:`refresh` (or restarts). It never
    goes to the network.

    >>> default_data() is HolidayData.bundled()  # nothing installed
    True

    Raises:
        HolidayDataError: A stored file, or the file named by
            ``FOI_DEADLINES_HOLIDAYS``, cannot be read or is refused.
    """
    # Called for every deadline computed without data: one cached call.
    return _current()


def refresh() -> None:
    """Read the environment and the holiday files again on the next deadline.

    For a process that changes ``FOI_DEADLINES_HOLIDAYS`` or
    ``FOI_DEADLINES_DATA_DIR`` while it runs, or that runs while another process
    installs an update or adds a proclaimed day; this module's own changes
    refresh by themselves.
    """
    _current.cache_clear()


@functools.cache
def _current() -> HolidayData:
    environ = os.environ
    override = environ.get(HOLIDAYS_ENV)
    if override:
        return _pinned_data(_stamp(override) or (override, -1, -1))
    directory = _data_dir_name(environ)
    if not os.access(directory, os.F_OK):
        return HolidayData.bundled()
    prefix = directory + os.sep
    return _read_store(
        _stamp(prefix + UPDATE_FILE),
        _stamp(prefix + PROVENANCE_FILE),
        _stamp(prefix + PROCLAIMED_FILE),
    ).data


@functools.lru_cache(maxsize=8)
def _pinned_data(stamp: tuple[str, int, int]) -> HolidayData:
    path = Path(stamp[0])
    if stamp[1] < 0:
        raise HolidayDataError(
            str(path), "", f"cannot be read: no such file (named by {HOLIDAYS_ENV})"
        )
    return HolidayData.bundled().with_govuk_file(path)


@attrs.frozen(kw_only=True)
class _Stored:
    """What the data directory holds, read and checked."""

    update: OfficialList | None
    provenance: Provenance | None
    in_use: bool
    note: str
    proclaimed: tuple[ProclaimedDay, ...]
    data: HolidayData


@functools.lru_cache(maxsize=8)
def _read_store(update: _Stamp, provenance: _Stamp, proclaimed: _Stamp) -> _Stored:
    official, record = (
        (None, None) if update is None else _read_update(update, provenance)
    )
    days = () if proclaimed is None else _read_proclaimed(Path(proclaimed[0]))
    return _combine(official, record, days)


def _combine(
    official: OfficialList | None,
    record: Provenance | None,
    days: tuple[ProclaimedDay, ...],
) -> _Stored:
    bundled = HolidayData.bundled()
    data = bundled
    in_use, note = False, ""
    if official is not None:
        in_use, note = _newer_note(official, bundled.official[-1])
        if in_use:
            data = attrs.evolve(data, official=(*data.official, official))
    if days:
        data = attrs.evolve(data, proclaimed=(*data.proclaimed, *days))
    return _Stored(
        update=official,
        provenance=record,
        in_use=in_use,
        note=note,
        proclaimed=days,
        data=data,
    )


def _read_update(
    update: tuple[str, int, int], provenance: _Stamp
) -> tuple[OfficialList, Provenance | None]:
    path = Path(update[0])
    raw = _read_bytes(path)
    record = None
    if provenance is not None:
        try:
            record = Provenance.from_json(
                json.loads(_read_bytes(Path(provenance[0]))), provenance[0]
            )
        except (HolidayDataError, ValueError):
            record = None
        if record is not None and record.sha256 != _sha256(raw):
            record = None  # left from another file: not this file's provenance
    label = record.label if record is not None else f"installed update {path}"
    partial = record is not None and record.partial
    try:
        official = _parse_bytes(raw, label, partial=partial)
    except HolidayDataError as exc:
        raise HolidayDataError(
            str(path),
            exc.path,
            f"{exc.problem} (the installed update is refused: install a good file, "
            "or remove this one)",
        ) from exc
    return official, record


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise HolidayDataError(str(path), "", f"cannot be read: {exc}") from exc


def _parse_bytes(raw: bytes, source: str, *, partial: bool) -> OfficialList:
    """A gov.uk file's bytes, parsed and checked as a loaded file is."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise HolidayDataError(source, "", f"is not UTF-8 text: {exc}") from exc
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        raise HolidayDataError(
            source, f"line {exc.lineno} column {exc.colno}", exc.msg
        ) from exc
    return (
        HolidayData()
        .with_govuk_data(parsed, source=source, partial=partial)
        .official[-1]
    )


# -- newer by content ---------------------------------------------------------


def is_newer(update: OfficialList, bundled: OfficialList) -> bool:
    """Whether an installed gov.uk list is newer than the bundled one, by content.

    gov.uk's file only grows forward and gains days as they are proclaimed, so:

    1. The list that fully covers a later year, in any division, is newer.
    2. Otherwise, the one that fully covers an earlier last year in any division
       is older.
    3. With the same last years, the one with more weekday bank holidays over
       the years both cover is newer (a proclamation adds a day).
    4. With as many days, identical content is not newer (there is nothing to
       add); different content (a day moved) is newer, as the user installed it.

    The date of download is never a criterion.

    Args:
        update: The installed list.
        bundled: The bundled list.

    >>> bundled = HolidayData.bundled().official[-1]
    >>> is_newer(bundled, bundled)
    False
    """
    return _newer_note(update, bundled)[0]


def _newer_note(update: OfficialList, bundled: OfficialList) -> tuple[bool, str]:
    later = earlier = False
    for division in Division:
        mine, theirs = update.covered_years(division), bundled.covered_years(division)
        if mine and (not theirs or mine[-1] > theirs[-1]):
            later = True
        elif theirs and (not mine or mine[-1] < theirs[-1]):
            earlier = True
    if later:
        return True, ""
    if earlier:
        return False, (
            "not used: the bundled copy covers later years "
            f"({_horizon(bundled)}, against {_horizon(update)})"
        )
    mine_days = _weekday_days(update, bundled)
    theirs_days = _weekday_days(bundled, update)
    if len(mine_days) > len(theirs_days):
        return True, ""
    if len(mine_days) < len(theirs_days):
        return False, (
            "not used: the bundled copy covers the same years and lists more bank "
            f"holidays ({len(theirs_days)} weekdays, against {len(mine_days)})"
        )
    if mine_days == theirs_days:
        return False, "not used: the bundled copy lists the same days"
    return True, ""


def _horizon(official: OfficialList) -> str:
    ends = [
        f"{division.value} to {years[-1]}"
        for division in Division
        if (years := official.covered_years(division))
    ]
    return ", ".join(ends) or "no year"


def _weekday_days(official: OfficialList, other: OfficialList) -> set[tuple[str, date]]:
    """The weekday bank holidays of ``official`` in years ``other`` covers too."""
    return {
        (h.division.value, h.day)
        for h in official.holidays
        if h.day.weekday() < 5 and other.covers(h.division, h.day.year)
    }


# -- what changed -------------------------------------------------------------


def diff(
    before: HolidayData,
    after: HolidayData,
    *,
    first_year: int | None = None,
    last_year: int | None = None,
) -> tuple[DayChange, ...]:
    """The weekday bank holidays that differ between two versions of the data.

    Per division: a day in ``after`` only is ``"added"``, one in ``before`` only is
    ``"removed"``, and a removal and an addition of the same holiday name in the
    same year, at most six weeks apart, are one ``"moved"`` day. Weekends are left
    out: they are never working days.

    Args:
        before: The old data.
        after: The new data.
        first_year: The first year to compare (default 2000).
        last_year: The last year to compare (default 2101).

    Returns:
        The changes, by division and then by day.

    >>> new = HolidayData.bundled().with_proclaimed(
    ...     date(2027, 6, 7), "Special bank holiday", divisions=["scotland"]
    ... )
    >>> [c.describe() for c in diff(HolidayData.bundled(), new)]
    ['Scotland: Special bank holiday added, Mon 7 Jun 2027']
    """
    if before is after:
        return ()
    first = FIRST_SUPPORTED_DAY.year if first_year is None else first_year
    last = LAST_CALENDAR_DAY.year if last_year is None else last_year
    changes: list[DayChange] = []
    for division in Division:
        old = _weekday_names(before, division, first, last)
        new = _weekday_names(after, division, first, last)
        removed = {day: old[day] for day in old.keys() - new.keys()}
        added = {day: new[day] for day in new.keys() - old.keys()}
        changes.extend(_pair_moves(division, removed, added))
    return tuple(changes)


def _weekday_names(
    data: HolidayData, division: Division, first: int, last: int
) -> dict[date, tuple[str, ...]]:
    return {
        day: tuple(dict.fromkeys(h.name for h in holidays))
        for day, holidays in data.holidays_by_day(division, first, last).items()
        if day.weekday() < 5
    }


def _folded(names: Iterable[str]) -> set[str]:
    return {name.casefold() for name in names}


def _pair_moves(
    division: Division,
    removed: dict[date, tuple[str, ...]],
    added: dict[date, tuple[str, ...]],
) -> list[DayChange]:
    changes = []
    for old_day in sorted(removed):
        candidates = [
            new_day
            for new_day in added
            if new_day.year == old_day.year
            and abs(new_day - old_day) <= _MOVE_WINDOW
            and _folded(added[new_day]) & _folded(removed[old_day])
        ]
        if not candidates:
            continue
        new_day = min(candidates, key=lambda d: (abs(d - old_day), d))
        names = added.pop(new_day)
        common = [
            name for name in removed.pop(old_day) if name.casefold() in _folded(names)
        ]
        changes.append(
            DayChange(
                division=division,
                kind="moved",
                before=old_day,
                after=new_day,
                name="; ".join(common),
            )
        )
    changes.extend(
        DayChange(
            division=division,
            kind="removed",
            before=day,
            after=None,
            name="; ".join(names),
        )
        for day, names in removed.items()
    )
    changes.extend(
        DayChange(
            division=division,
            kind="added",
            before=None,
            after=day,
            name="; ".join(names),
        )
        for day, names in added.items()
    )
    return sorted(changes, key=lambda c: (c.day, c.kind))


# -- the network --------------------------------------------------------------


def fetch(url: str = GOVUK_URL, *, timeout: float = 20.0) -> bytes:
    """Download a gov.uk-format file: the only network access in the project.

    Only ``https://`` addresses are fetched (and followed through redirects), and
    ``http://127.0.0.1`` and ``http://localhost``, for tests. The body may have
    at most :data:`MAX_DOWNLOAD_BYTES` bytes. Nothing is checked or stored: pass
    the bytes to :func:`install`.

    Args:
        url: The address, gov.uk's by default.
        timeout: How many seconds to wait for the server, at each step.

    Returns:
        The body, as received.

    Raises:
        HolidayUpdateError: The address is not allowed, the network cannot be
            reached, the server does not answer in time or answers with an error,
            or the body is too large.
    """
    import http.client  # noqa: PLC0415 - imported only when the network is used
    import urllib.error  # noqa: PLC0415
    import urllib.request  # noqa: PLC0415
    from urllib.parse import urlsplit  # noqa: PLC0415

    _check_url(url)
    opener = urllib.request.build_opener(_redirect_handler())
    if urlsplit(url).hostname in _LOOPBACK:
        opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}), _redirect_handler()
        )
    request = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": "foi-deadlines"}
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length is not None and length.isdigit():
                _check_size(url, int(length))
            body: bytes = response.read(MAX_DOWNLOAD_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise HolidayUpdateError(
            url, f"the server answered HTTP {exc.code} {exc.reason}", _FETCH_ACTION
        ) from None
    except urllib.error.URLError as exc:
        raise HolidayUpdateError(
            url, _network_problem(exc.reason, timeout), _FETCH_ACTION
        ) from exc
    except OSError as exc:
        raise HolidayUpdateError(
            url, _network_problem(exc, timeout), _FETCH_ACTION
        ) from exc
    except http.client.HTTPException as exc:
        raise HolidayUpdateError(
            url, f"the server's answer was broken ({exc!r})", _FETCH_ACTION
        ) from exc
    _check_size(url, len(body))
    return body


def _check_url(url: str) -> None:
    from urllib.parse import urlsplit  # noqa: PLC0415 - see fetch

    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        parts, host = urlsplit(""), None
    if parts.scheme == "https" and host:
        return
    if parts.scheme == "http" and host in _LOOPBACK:
        return
    raise HolidayUpdateError(
        url,
        "only https:// addresses are fetched (and http://127.0.0.1 or "
        "http://localhost for tests)",
        f"use {GOVUK_URL}, or download the file and use --from FILE",
    )


def _check_size(url: str, size: int) -> None:
    if size > MAX_DOWNLOAD_BYTES:
        raise HolidayUpdateError(
            url,
            f"the body is larger than {MAX_DOWNLOAD_BYTES} bytes, so it is not "
            "gov.uk's bank holidays file",
            _FETCH_ACTION,
        )


def _network_problem(reason: object, timeout: float) -> str:
    import socket  # noqa: PLC0415 - imported only when the network is used
    import ssl  # noqa: PLC0415

    if isinstance(reason, TimeoutError | socket.timeout):
        return f"no answer within {timeout:g} seconds"
    if isinstance(reason, socket.gaierror):
        return f"the name could not be resolved ({reason}); are you offline?"
    if isinstance(reason, ssl.SSLError):
        return f"the secure connection failed ({reason})"
    if isinstance(reason, ConnectionError):
        return f"could not connect ({reason})"
    return f"the download failed ({reason})"


def _redirect_handler() -> urllib.request.HTTPRedirectHandler:
    import urllib.request  # noqa: PLC0415

    class CheckedRedirects(urllib.request.HTTPRedirectHandler):
        """Follow a redirect only to an address :func:`fetch` would fetch."""

        def redirect_request(  # noqa: PLR0917 - the standard library's signature
            self,
            req: urllib.request.Request,
            fp: Any,
            code: int,
            msg: str,
            headers: Any,
            newurl: str,
        ) -> urllib.request.Request | None:
            _check_url(newurl)
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return CheckedRedirects()


# -- installing ---------------------------------------------------------------


def install(
    data: bytes, *, source: str, now: datetime, partial: bool = False
) -> UpdateResult:
    """Check a gov.uk file and store it in the data directory, with its provenance.

    The file is checked as
    :meth:`~foi_deadlines.bank_holidays.HolidayData.with_govuk_data` checks it,
    completely, before anything is stored; the changes are worked out against the
    data in use before (:func:`default_data`). ``bank-holidays.json`` (the bytes
    as received) and ``bank-holidays.provenance.json`` are then written, each
    through a temporary file; on any failure nothing is stored and the previous
    update, if any, stays as it was.

    Args:
        data: The file's bytes, from :func:`fetch` or a downloaded copy.
        source: Where it came from (the URL or the file's path), for the record.
        now: When it was fetched or read: a timezone-aware datetime.
        partial: Keep an incomplete file for the years it fully covers instead
            of refusing it.

    Returns:
        What was stored and what it changed.

    Raises:
        HolidayDataError: The file is malformed or (unless ``partial``)
            incomplete; nothing is stored.
        HolidayUpdateError: The data directory cannot be written; nothing is
            stored.
        InvalidInputError: ``now`` is not a timezone-aware datetime.
    """
    fetched_at = _aware(now)
    digest = _sha256(data)
    official = _parse_bytes(data, source, partial=partial)
    record = Provenance(
        source=source,
        fetched_at=fetched_at,
        sha256=digest,
        size=len(data),
        covers=tuple(
            (division, years[0], years[-1])
            for division in Division
            if (years := official.covered_years(division))
        ),
        partial=partial,
        left_out=tuple((s.division, s.year) for s in official.shortfalls),
    )
    official = attrs.evolve(
        official,
        source=record.label,
        holidays=tuple(attrs.evolve(h, source=record.label) for h in official.holidays),
    )
    directory = data_dir()
    stored = _read_store(None, None, _stamp(directory / PROCLAIMED_FILE))
    try:
        before = default_data()
    except HolidayDataError:
        # The update installed before is refused now: this install replaces it.
        if os.environ.get(HOLIDAYS_ENV):
            raise
        before = stored.data
    combined = _combine(official, record, stored.proclaimed)
    after = default_data() if os.environ.get(HOLIDAYS_ENV) else combined.data
    changes = diff(before, after)
    provenance_text = json.dumps(record.to_json(), indent=2, ensure_ascii=False) + "\n"
    _store_files(
        directory,
        (UPDATE_FILE, data),
        (PROVENANCE_FILE, provenance_text.encode("utf-8")),
    )
    in_use, note = combined.in_use, combined.note
    if os.environ.get(HOLIDAYS_ENV):
        in_use, note = False, f"not used while {HOLIDAYS_ENV} is set"
    return UpdateResult(
        provenance=record,
        path=directory / UPDATE_FILE,
        changes=changes,
        in_use=in_use,
        note=note,
        version=default_data().version,
    )


def remove_update() -> bool:
    """Remove the installed gov.uk file and its provenance.

    Returns:
        Whether there was one.

    Raises:
        HolidayUpdateError: The files cannot be removed.
    """
    directory = data_dir()
    found = (directory / UPDATE_FILE).exists()
    try:
        for name in (UPDATE_FILE, PROVENANCE_FILE):
            path = directory / name
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                raise HolidayUpdateError(
                    str(path), f"cannot be removed: {exc}", _WRITE_ACTION
                ) from exc
    finally:
        refresh()
    return found


def _store_files(directory: Path, *files: tuple[str, bytes]) -> None:
    """Write files into ``directory`` atomically, restoring them all on a failure."""
    try:
        _store_each(directory, files)
    finally:
        refresh()


def _store_each(directory: Path, files: Sequence[tuple[str, bytes]]) -> None:
    previous: dict[Path, bytes | None] = {}
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for name, _ in files:
            target = directory / name
            previous[target] = target.read_bytes() if target.exists() else None
        for name, content in files:
            _write(directory / name, content)
    except OSError as exc:
        for target, old in previous.items():
            try:
                if old is None:
                    target.unlink(missing_ok=True)
                else:
                    _write(target, old)
            except OSError:
                continue
        raise HolidayUpdateError(
            str(directory), f"the holiday data cannot be stored: {exc}", _WRITE_ACTION
        ) from exc


def _write(target: Path, content: bytes) -> None:
    def write(path: Path) -> None:
        path.write_bytes(content)

    write_atomically(target, write, overwrite=True)


def _aware(now: datetime) -> datetime:
    if not isinstance(now, datetime) or now.utcoffset() is None:
        raise InvalidInputError("now", now, "a timezone-aware datetime")
    return now.astimezone(UTC)


def _iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _short(day: date | None) -> str:
    return "?" if day is None else short_day(day)


# -- proclaimed days ----------------------------------------------------------


def add_proclaimed(
    day: date,
    name: str,
    *,
    divisions: Iterable[Division | str],
    replaces: date | None = None,
    now: datetime,
    announced_on: date | None = None,
    source: str = "added by hand",
) -> ProclaimedDay:
    """Store a proclaimed bank holiday in the data directory, for default use.

    Checked as :meth:`~foi_deadlines.bank_holidays.HolidayData.with_proclaimed`
    checks it, and written to ``proclaimed.json`` through a temporary file.

    Args:
        day: The date of the bank holiday.
        name: Its name.
        divisions: Where it applies.
        replaces: A bank holiday it moves, which becomes a working day there.
        now: When it is added (timezone-aware), for the record.
        announced_on: When it was announced, if known (policy P6).
        source: The proclamation, for the record.

    Returns:
        The day as stored.

    Raises:
        HolidayDataError: The day is malformed, or already stored for one of
            those divisions.
        HolidayUpdateError: The data directory cannot be written.
        InvalidInputError: ``now`` is not a timezone-aware datetime.
    """
    added_at = _aware(now)
    new = (
        HolidayData()
        .with_proclaimed(
            day,
            name,
            divisions=divisions,
            replaces=replaces,
            source=source,
            announced_on=announced_on,
        )
        .proclaimed[-1]
    )
    path = data_dir() / PROCLAIMED_FILE
    records = _proclaimed_records(path)
    for old in _read_proclaimed(path) if records else ():
        clash = set(old.divisions) & set(new.divisions)
        if old.day == new.day and clash:
            where = ", ".join(d.value for d in clash)
            raise HolidayDataError(
                str(path),
                str(new.day),
                f"{new.day} is already stored for {where} ({old.name!r}); remove it "
                "first to change it",
            )
    records.append(_proclaimed_record(new, added_at))
    _save_proclaimed(path, records)
    return new


def remove_proclaimed(
    day: date, *, divisions: Iterable[Division | str] | None = None
) -> int:
    """Remove a stored proclaimed day, in some divisions or all.

    Args:
        day: The date of the stored day.
        divisions: Where to remove it; every division if ``None``. A stored day
            that applies elsewhere too stays for those divisions.

    Returns:
        How many stored days were removed or narrowed (0 if none matched).

    Raises:
        HolidayDataError: An unknown division is given, or the stored file is
            malformed.
        HolidayUpdateError: The data directory cannot be written.
    """
    where: frozenset[Division] | None = None
    if divisions is not None:
        where = frozenset(_divisions(divisions))
    path = data_dir() / PROCLAIMED_FILE
    records = _proclaimed_records(path)
    stored = _read_proclaimed(path) if records else ()
    kept: list[dict[str, Any]] = []
    count = 0
    for record, proclaimed in zip(records, stored, strict=True):
        if proclaimed.day != day or (
            where is not None and not where & set(proclaimed.divisions)
        ):
            kept.append(record)
            continue
        count += 1
        remaining = (
            []
            if where is None
            else [d.value for d in proclaimed.divisions if d not in where]
        )
        if remaining:
            kept.append({**record, "divisions": remaining})
    if count:
        _save_proclaimed(path, kept)
    return count


def _divisions(divisions: Iterable[Division | str]) -> tuple[Division, ...]:
    """The divisions named, checked as a proclaimed day's are."""
    probe = HolidayData().with_proclaimed(FIRST_SUPPORTED_DAY, "-", divisions=divisions)
    return probe.proclaimed[0].divisions


def _proclaimed_record(day: ProclaimedDay, added_at: datetime) -> dict[str, Any]:
    return {
        "date": day.day.isoformat(),
        "name": day.name,
        "divisions": [d.value for d in day.divisions],
        "replaces": None if day.replaces is None else day.replaces.isoformat(),
        "source": day.source,
        "announced_on": (
            None if day.announced_on is None else day.announced_on.isoformat()
        ),
        "added_at": _iso_utc(added_at),
    }


def _proclaimed_records(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    try:
        parsed = json.loads(_read_bytes(path).decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise HolidayDataError(str(path), "", f"is not JSON: {exc}") from exc
    days = parsed.get("proclaimed") if isinstance(parsed, dict) else None
    if not isinstance(days, list) or not all(isinstance(d, dict) for d in days):
        raise HolidayDataError(
            str(path), "proclaimed", "expected a list of objects under 'proclaimed'"
        )
    return list(days)


@functools.lru_cache(maxsize=8)
def _read_proclaimed_cached(stamp: tuple[str, int, int]) -> tuple[ProclaimedDay, ...]:
    return _parse_proclaimed(Path(stamp[0]))


def _read_proclaimed(path: Path) -> tuple[ProclaimedDay, ...]:
    stamp = _stamp(path)
    return () if stamp is None else _read_proclaimed_cached(stamp)


def _parse_proclaimed(path: Path) -> tuple[ProclaimedDay, ...]:
    data = HolidayData()
    for index, record in enumerate(_proclaimed_records(path)):
        where = f"proclaimed[{index}]"
        try:
            data = data.with_proclaimed(
                _record_date(record, "date", where, path),
                str(record["name"]),
                divisions=record["divisions"],
                replaces=_record_date(record, "replaces", where, path),
                source=str(record.get("source", "added by hand")),
                announced_on=_record_date(record, "announced_on", where, path),
            )
        except (KeyError, TypeError) as exc:
            raise HolidayDataError(
                str(path), where, f"missing or malformed: {exc}"
            ) from exc
        except HolidayDataError as exc:
            raise HolidayDataError(
                str(path), f"{where}.{exc.path}", exc.problem
            ) from exc
    return data.proclaimed


def _record_date(record: Mapping[str, Any], key: str, where: str, path: Path) -> Any:
    value = record.get(key)
    if value is None:
        if key == "date":
            raise HolidayDataError(str(path), f"{where}.date", "missing")
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise HolidayDataError(
            str(path),
            f"{where}.{key}",
            f"expected a date as YYYY-MM-DD (got {value!r})",
        ) from None


def _save_proclaimed(path: Path, records: list[dict[str, Any]]) -> None:
    records = sorted(records, key=lambda r: (str(r.get("date")), str(r.get("name"))))
    text = json.dumps({"proclaimed": records}, indent=2, ensure_ascii=False) + "\n"
    _store_files(path.parent, (path.name, text.encode("utf-8")))


# -- status -------------------------------------------------------------------


def status() -> StoreStatus:
    """What holiday data is in use by default, from where, and how far it is confirmed.

    >>> report = status()
    >>> report.update_path is None, report.version == HolidayData.bundled().version
    (True, True)

    Raises:
        HolidayDataError: A stored file, or the file named by
            ``FOI_DEADLINES_HOLIDAYS``, cannot be read or is refused.
    """
    directory = data_dir()
    update = _stamp(directory / UPDATE_FILE)
    stored = _read_store(
        update,
        _stamp(directory / PROVENANCE_FILE),
        _stamp(directory / PROCLAIMED_FILE),
    )
    override = os.environ.get(HOLIDAYS_ENV)
    data = default_data()
    in_use, note = stored.in_use, stored.note
    if override and update is not None:
        in_use, note = False, f"not used while {HOLIDAYS_ENV} is set"
    return StoreStatus(
        data_dir=directory,
        bundled_source=BUNDLED_SOURCE,
        update_path=None if update is None else Path(update[0]),
        provenance=stored.provenance,
        update_in_use=in_use,
        update_note=note,
        override=Path(override) if override else None,
        proclaimed=stored.proclaimed,
        version=data.version,
        confirmed_until={d: data.confirmed_until(d) for d in Division},
    )


def _sha256(data: bytes) -> str:
    import hashlib  # noqa: PLC0415 - only where an update is installed or read

    return hashlib.sha256(data).hexdigest()
