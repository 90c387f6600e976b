"""Tests for foi_deadlines.holiday_store and the safe loading of gov.uk files.

Updates are served by a local HTTP server on 127.0.0.1: no test goes to the
internet, and every test has its own empty data directory (see conftest.py).
"""

from __future__ import annotations

import hashlib
import http.server
import json
import os
import threading
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from foi_deadlines import (
    Division,
    HolidayData,
    HolidayDataError,
    get_calendar,
    response_due,
)
from foi_deadlines import bank_holidays as bank_holidays_module
from foi_deadlines.bank_holidays import BUNDLED_SOURCE, MAY_BE_UNLISTED, Shortfall
from foi_deadlines.errors import HolidayUpdateError, InvalidInputError
from foi_deadlines.holiday_store import (
    GOVUK_URL,
    MAX_DOWNLOAD_BYTES,
    PROCLAIMED_FILE,
    PROVENANCE_FILE,
    UPDATE_FILE,
    DayChange,
    add_proclaimed,
    data_dir,
    default_data,
    diff,
    fetch,
    install,
    is_newer,
    refresh,
    remove_proclaimed,
    remove_update,
    status,
)
from tests.holiday_files import (
    bundled_json,
    complete_file,
    with_event,
    without_year,
)

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
NAIVE = NOW.replace(tzinfo=None)
SPECIAL = date(2027, 6, 7)  # a Monday no source lists


def encoded(data: object) -> bytes:
    """A JSON document as gov.uk serves it."""
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def good_update() -> dict[str, Any]:
    """The bundled copy with a special day in Northern Ireland in 2027."""
    return with_event(
        bundled_json(), "northern-ireland", SPECIAL.isoformat(), "Special bank holiday"
    )


def stored_files() -> list[str]:
    """The files in the data directory (none if it does not exist)."""
    directory = data_dir()
    return sorted(p.name for p in directory.iterdir()) if directory.exists() else []


# -- a gov.uk-shaped server ----------------------------------------------------------

SLOW_SECONDS = 1.5
TIMEOUT = 0.3
ROUTES: dict[str, tuple[int, bytes]] = {
    "/good": (200, encoded(good_update())),
    "/bundled": (200, encoded(bundled_json())),
    "/partial-year": (200, encoded(without_year(bundled_json(), "scotland", 2026))),
    "/missing-division": (
        200,
        encoded({k: v for k, v in bundled_json().items() if k != "scotland"}),
    ),
    "/malformed": (200, b'{"scotland": {"events": [}'),
    "/error": (500, b"Internal Server Error"),
    "/not-found": (404, b"Not Found"),
    "/too-large": (200, b" " * (MAX_DOWNLOAD_BYTES + 1)),
}


class GovUkHandler(http.server.BaseHTTPRequestHandler):
    """Serves ROUTES; /slow answers after SLOW_SECONDS; /to-http redirects to http."""

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
            self.send_error(504)
            return
        if self.path == "/to-http":
            self.send_response(302)
            self.send_header("Location", "http://example.com/bank-holidays.json")
            self.end_headers()
            return
        if self.path == "/too-large-unsized":
            self.send_response(200)
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b" " * (MAX_DOWNLOAD_BYTES + 1))
            return
        status_code, body = ROUTES.get(self.path, (404, b"Not Found"))
        self.send_response(status_code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output quiet."""


class QuietServer(http.server.ThreadingHTTPServer):
    """A server that does not print the clients that hang up (after a refusal)."""

    def handle_error(self, request: object, client_address: object) -> None:
        """Say nothing: the tests check what the client saw."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The base URL of a local gov.uk-shaped server."""
    httpd = QuietServer(("127.0.0.1", 0), GovUkHandler)
    httpd.daemon_threads = True
    httpd.block_on_close = False
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


# -- checking a file ----------------------------------------------------------------


class TestCompleteness:
    def test_bundled_copy_passes(self) -> None:
        """The bundled gov.uk copy passes the check, and covers 2012 to 2028."""
        data = HolidayData().with_govuk_data(bundled_json(), source="bundled")
        for division in Division:
            assert data.confirmed_until(division) == date(2028, 12, 31)
        assert data.official[0].shortfalls == ()

    def test_each_unlisted_day_is_needed(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without the exception list, the bundled copy is refused for that day."""
        monkeypatch.setattr(bank_holidays_module, "MAY_BE_UNLISTED", ())
        with pytest.raises(HolidayDataError) as info:
            HolidayData().with_govuk_data(bundled_json(), source="bundled")
        for unlisted in MAY_BE_UNLISTED:
            assert f"{unlisted.division.value} {unlisted.day.year}" in str(info.value)
            assert f"({unlisted.day})" in str(info.value)

    def test_unlisted_days_are_cited(self) -> None:
        """Every exception gives its reason and a published source."""
        for unlisted in MAY_BE_UNLISTED:
            assert unlisted.reason
            assert "https://" in unlisted.reference

    def test_partial_year_is_refused_naming_it(self) -> None:
        """The issue's file: Scotland's 2026 removed is refused, naming both."""
        with pytest.raises(HolidayDataError) as info:
            HolidayData.bundled().with_govuk_data(
                without_year(bundled_json(), "scotland", 2026), source="new.json"
            )
        message = str(info.value)
        assert message.startswith("holiday data from new.json refused: scotland 2026:")
        assert "no events where the standing rules give 9" in message
        assert "Nothing of it is loaded" in message

    def test_short_year_names_the_missing_days(self) -> None:
        """A year with too few events lists the days the standing rules give."""
        data = bundled_json()
        data["scotland"]["events"] = [
            e for e in data["scotland"]["events"] if e["date"] != "2027-08-02"
        ]
        with pytest.raises(
            HolidayDataError,
            match=r"scotland 2027: 8 events where "
            r"the standing rules give 9; missing Summer Bank "
            r"Holiday \(2027-08-02\)",
        ):
            HolidayData.bundled().with_govuk_data(data, source="t")

    def test_moved_day_is_accepted(self) -> None:
        """A day moved by proclamation keeps the count, so the file is accepted."""
        data = bundled_json()
        for event in data["england-and-wales"]["events"]:
            if event["date"] == "2027-05-31":
                event["date"] = "2027-06-04"
        loaded = HolidayData().with_govuk_data(data, source="moved")
        days = loaded.holidays_by_day(Division.ENGLAND_AND_WALES, 2027, 2027)
        assert date(2027, 6, 4) in days
        assert date(2027, 5, 31) not in days

    def test_missing_division_is_refused(self) -> None:
        """A file without one of the three divisions is refused, naming it."""
        data = {k: v for k, v in bundled_json().items() if k != "northern-ireland"}
        with pytest.raises(HolidayDataError, match="northern-ireland: missing"):
            HolidayData.bundled().with_govuk_data(data, source="t")

    def test_two_event_file_is_refused(self) -> None:
        """The issue's two-event file no longer confirms Scotland to 2029."""
        data = {
            "scotland": {
                "division": "scotland",
                "events": [
                    {"title": "New Year’s Day", "date": "2029-01-01"},
                    {"title": "2nd January", "date": "2029-01-02"},
                ],
            }
        }
        with pytest.raises(HolidayDataError, match="scotland 2029: 2 events"):
            HolidayData.bundled().with_govuk_data(data, source="t")

    def test_year_inside_the_span_with_no_events(self) -> None:
        """A division without events in a year of the file's span is refused."""
        data = complete_file(2029, 2030, 2031)
        data = without_year(data, "england-and-wales", 2030)
        with pytest.raises(HolidayDataError, match="england-and-wales 2030: no events"):
            HolidayData.bundled().with_govuk_data(data, source="t")

    def test_many_shortfalls_are_counted(self) -> None:
        """A refusal describes the first few shortfalls and counts the rest."""
        data = bundled_json()
        data["scotland"]["events"] = data["scotland"]["events"][:1]
        with pytest.raises(HolidayDataError, match=r"and 11 more division-years"):
            HolidayData.bundled().with_govuk_data(data, source="t")


class TestPartialFiles:
    def test_partial_year_left_out(self) -> None:
        """With partial, Scotland's 2026 is left out and confirmed stops before it."""
        data = HolidayData().with_govuk_data(
            without_year(bundled_json(), "scotland", 2026),
            source="new.json",
            partial=True,
        )
        assert data.confirmed_until(Division.SCOTLAND) == date(2025, 12, 31)
        assert data.confirmed_until(Division.ENGLAND_AND_WALES) == date(2028, 12, 31)
        (official,) = data.official
        assert official.shortfalls == (
            Shortfall(
                division=Division.SCOTLAND,
                year=2026,
                listed=0,
                expected=9,
                missing=official.shortfalls[0].missing,
            ),
        )
        assert not official.covers(Division.SCOTLAND, 2026)
        assert official.covers(Division.SCOTLAND, 2027)
        scotland = get_calendar("scotland", data=data)
        assert scotland.is_provisional(date(2026, 1, 2))
        assert not scotland.is_provisional(date(2025, 12, 31))
        # The standing rules stand in for the year left out.
        with pytest.warns(match="provisional|standing rules"):
            assert not scotland.is_working_day(date(2026, 1, 2))

    def test_partial_on_bundled_keeps_the_bundled_year(self) -> None:
        """A year a partial file leaves out is still covered by earlier data."""
        data = HolidayData.bundled().with_govuk_data(
            without_year(bundled_json(), "scotland", 2026), source="t", partial=True
        )
        assert data.confirmed_until(Division.SCOTLAND) == date(2028, 12, 31)
        days = data.holidays_by_day(Division.SCOTLAND, 2026, 2026)
        assert all(
            h.source == BUNDLED_SOURCE
            for hs in days.values()
            for h in hs
            if h.day != date(2026, 6, 15)
        )

    def test_missing_division_is_kept_out(self) -> None:
        """With partial, a missing division is not covered; the others are."""
        data = {k: v for k, v in bundled_json().items() if k != "scotland"}
        loaded = HolidayData().with_govuk_data(data, source="t", partial=True)
        assert loaded.confirmed_until(Division.SCOTLAND) == date(1999, 12, 31)
        assert loaded.confirmed_until(Division.NORTHERN_IRELAND) == date(2028, 12, 31)
        assert loaded.official[0].shortfalls == (
            Shortfall(division=Division.SCOTLAND, year=None),
        )

    def test_nothing_complete_is_refused_even_so(self) -> None:
        """A partial file that covers no year fully is refused."""
        data = {"scotland": {"events": [{"title": "x", "date": "2029-01-01"}]}}
        with pytest.raises(HolidayDataError, match="no division and year is complete"):
            HolidayData().with_govuk_data(data, source="t", partial=True)

    def test_partial_file_through_the_file_loader(self, tmp_path: Path) -> None:
        """with_govuk_file takes partial too."""
        path = tmp_path / "bank-holidays.json"
        path.write_bytes(encoded(without_year(bundled_json(), "scotland", 2026)))
        with pytest.raises(HolidayDataError, match="scotland 2026"):
            HolidayData().with_govuk_file(path)
        data = HolidayData().with_govuk_file(path, partial=True)
        assert data.confirmed_until(Division.SCOTLAND) == date(2025, 12, 31)


# -- diff ---------------------------------------------------------------------------


class TestDiff:
    def test_added(self) -> None:
        """A day only the new data has is added."""
        new = HolidayData.bundled().with_proclaimed(
            SPECIAL, "Special bank holiday", divisions=["scotland", "northern-ireland"]
        )
        assert diff(HolidayData.bundled(), new) == (
            DayChange(
                division=Division.SCOTLAND,
                kind="added",
                before=None,
                after=SPECIAL,
                name="Special bank holiday",
            ),
            DayChange(
                division=Division.NORTHERN_IRELAND,
                kind="added",
                before=None,
                after=SPECIAL,
                name="Special bank holiday",
            ),
        )

    def test_removed(self) -> None:
        """A day only the old data has is removed."""
        old = HolidayData.bundled().with_proclaimed(
            SPECIAL, "Special bank holiday", divisions=["scotland"]
        )
        (change,) = diff(old, HolidayData.bundled())
        assert (change.kind, change.before, change.after) == ("removed", SPECIAL, None)

    def test_moved(self) -> None:
        """A removal and an addition of the same name within weeks are a move."""
        moved = bundled_json()
        for event in moved["england-and-wales"]["events"]:
            if event["date"] == "2027-05-31":
                event["date"] = "2027-06-04"
        new = HolidayData.bundled().with_govuk_data(moved, source="moved")
        assert diff(HolidayData.bundled(), new) == (
            DayChange(
                division=Division.ENGLAND_AND_WALES,
                kind="moved",
                before=date(2027, 5, 31),
                after=date(2027, 6, 4),
                name="Spring bank holiday",
            ),
        )
        assert diff(HolidayData.bundled(), new)[0].describe() == (
            "England and Wales: Spring bank holiday moved from Mon 31 May 2027 to "
            "Fri 4 Jun 2027"
        )

    def test_far_apart_or_renamed_is_not_a_move(self) -> None:
        """Days far apart, or of different names, are a removal and an addition."""
        far = HolidayData.bundled().with_proclaimed(
            date(2030, 9, 2),
            "Spring bank holiday",
            divisions=["scotland"],
            replaces=date(2030, 5, 27),
        )
        kinds = sorted(c.kind for c in diff(HolidayData.bundled(), far))
        assert kinds == ["added", "removed"]
        renamed = HolidayData.bundled().with_proclaimed(
            date(2030, 6, 3),
            "Jubilee",
            divisions=["scotland"],
            replaces=date(2030, 5, 27),
        )
        kinds = sorted(c.kind for c in diff(HolidayData.bundled(), renamed))
        assert kinds == ["added", "removed"]

    def test_year_range(self) -> None:
        """Only the years asked for are compared."""
        new = HolidayData.bundled().with_proclaimed(
            SPECIAL, "Special", divisions=["scotland"]
        )
        assert diff(HolidayData.bundled(), new, first_year=2028) == ()
        assert diff(HolidayData.bundled(), new, last_year=2026) == ()
        assert (
            len(diff(HolidayData.bundled(), new, first_year=2027, last_year=2027)) == 1
        )

    def test_same_data(self) -> None:
        """Nothing differs between data and itself."""
        assert diff(HolidayData.bundled(), HolidayData.bundled()) == ()


# -- the network --------------------------------------------------------------------


class TestFetch:
    def test_good_update(self, server: str) -> None:
        """A good file is fetched, stored with its provenance, and used."""
        body = fetch(f"{server}/good", timeout=5)
        result = install(body, source=f"{server}/good", now=NOW)
        assert stored_files() == [UPDATE_FILE, PROVENANCE_FILE]
        assert (data_dir() / UPDATE_FILE).read_bytes() == body
        record = json.loads((data_dir() / PROVENANCE_FILE).read_text(encoding="utf-8"))
        assert record == {
            "source": f"{server}/good",
            "fetched_at": "2026-03-02T09:30:00Z",
            "sha256": hashlib.sha256(body).hexdigest(),
            "bytes": len(body),
            "covers": {d.value: [2012, 2028] for d in Division},
        }
        assert result.in_use
        assert result.changes == (
            DayChange(
                division=Division.NORTHERN_IRELAND,
                kind="added",
                before=None,
                after=SPECIAL,
                name="Special bank holiday",
            ),
        )
        assert not get_calendar("uk").is_working_day(SPECIAL)
        assert "installed update of 2026-03-02" in get_calendar("uk").data_version

    @pytest.mark.parametrize(
        ("path", "message"),
        [
            ("/partial-year", "scotland 2026: no events"),
            ("/missing-division", "scotland: missing from the file"),
            ("/malformed", "line 1 column 26"),
        ],
    )
    def test_bad_file_stores_nothing(
        self, server: str, path: str, message: str
    ) -> None:
        """A partial year, a missing division or bad JSON: refused, nothing stored."""
        body = fetch(server + path, timeout=5)
        with pytest.raises(HolidayDataError, match=message):
            install(body, source=server + path, now=NOW)
        assert stored_files() == []
        assert default_data() is HolidayData.bundled()

    def test_partial_install(self, server: str) -> None:
        """A partial file installed as partial records what it left out."""
        body = fetch(f"{server}/partial-year", timeout=5)
        result = install(body, source="x", now=NOW, partial=True)
        assert result.provenance.left_out == ((Division.SCOTLAND, 2026),)
        record = json.loads((data_dir() / PROVENANCE_FILE).read_text(encoding="utf-8"))
        assert record["partial"] is True
        assert record["left_out"] == [{"division": "scotland", "year": 2026}]
        # The bundled copy still covers 2026, so nothing is provisional there.
        assert default_data().confirmed_until(Division.SCOTLAND) == date(2028, 12, 31)

    def test_failed_install_keeps_the_previous_update(self, server: str) -> None:
        """A refused file leaves the update installed before as it was."""
        install(fetch(f"{server}/good", timeout=5), source="good", now=NOW)
        before = (data_dir() / UPDATE_FILE).read_bytes()
        with pytest.raises(HolidayDataError):
            install(fetch(f"{server}/partial-year", timeout=5), source="p", now=NOW)
        assert (data_dir() / UPDATE_FILE).read_bytes() == before

    def test_timeout(self, server: str) -> None:
        """A server that does not answer in time gives a clear error."""
        with pytest.raises(
            HolidayUpdateError, match=r"no answer within 0.3 seconds"
        ) as info:
            fetch(f"{server}/slow", timeout=TIMEOUT)
        assert "--from FILE" in str(info.value)
        assert f"{server}/slow" in str(info.value)

    @pytest.mark.parametrize(("path", "code"), [("/error", 500), ("/not-found", 404)])
    def test_http_error(self, server: str, path: str, code: int) -> None:
        """An error status is reported with its code."""
        with pytest.raises(HolidayUpdateError, match=f"HTTP {code}"):
            fetch(server + path, timeout=5)

    @pytest.mark.parametrize("path", ["/too-large", "/too-large-unsized"])
    def test_too_large(self, server: str, path: str) -> None:
        """A body over the limit is refused, with or without a length given."""
        with pytest.raises(HolidayUpdateError, match="larger than"):
            fetch(server + path, timeout=5)

    def test_connection_refused(self) -> None:
        """Nothing listening (as offline) gives a clear error."""
        import socket  # noqa: PLC0415

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        with pytest.raises(HolidayUpdateError, match=r"could not connect|failed"):
            fetch(f"http://127.0.0.1:{port}/x", timeout=2)

    @pytest.mark.parametrize(
        "url",
        ["http://www.gov.uk/bank-holidays.json", "ftp://x/y", "file:///etc/passwd", ""],
    )
    def test_only_https(self, url: str) -> None:
        """Plain http (except the loopback), and other schemes, are refused."""
        with pytest.raises(HolidayUpdateError, match="only https"):
            fetch(url)

    def test_redirect_to_http_refused(self, server: str) -> None:
        """A redirect to a plain http address is not followed."""
        with pytest.raises(HolidayUpdateError, match="only https"):
            fetch(f"{server}/to-http", timeout=5)

    def test_default_url(self) -> None:
        """The default address is gov.uk's, over https."""
        assert GOVUK_URL == "https://www.gov.uk/bank-holidays.json"


# -- installing and the default data -------------------------------------------------


class TestInstall:
    def test_naive_now_is_refused(self) -> None:
        """``now`` must say its time zone; nothing is stored otherwise."""
        with pytest.raises(InvalidInputError, match="timezone-aware"):
            install(encoded(good_update()), source="x", now=NAIVE)
        assert stored_files() == []

    def test_other_time_zone_is_stored_as_utc(self) -> None:
        """The time of fetching is stored in UTC."""
        moment = datetime(2026, 7, 1, 10, 0, tzinfo=timezone(timedelta(hours=1)))
        result = install(encoded(good_update()), source="x", now=moment)
        assert result.provenance.fetched_at == datetime(2026, 7, 1, 9, 0, tzinfo=UTC)

    def test_reinstall_changes_nothing(self) -> None:
        """Installing the same file again reports no change."""
        install(encoded(good_update()), source="x", now=NOW)
        again = install(encoded(good_update()), source="x", now=NOW)
        assert again.changes == ()
        assert again.in_use

    def test_unwritable_directory(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """A data directory that cannot be made gives a clear error, storing nothing."""
        blocker = tmp_path / "file"
        blocker.write_text("x", encoding="utf-8")
        monkeypatch.setenv("FOI_DEADLINES_DATA_DIR", str(blocker / "data"))
        refresh()
        with pytest.raises(HolidayUpdateError, match="cannot be stored"):
            install(encoded(good_update()), source="x", now=NOW)

    def test_remove_update(self) -> None:
        """Removing the update goes back to the bundled data."""
        assert not remove_update()
        install(encoded(good_update()), source="x", now=NOW)
        assert remove_update()
        assert stored_files() == []
        assert default_data() is HolidayData.bundled()


class TestNewerByContent:
    def test_same_content_is_not_used(self) -> None:
        """A copy of the bundled file adds nothing, and is not used."""
        result = install(encoded(bundled_json()), source="x", now=NOW)
        assert not result.in_use
        assert "same days" in result.note
        assert default_data() is HolidayData.bundled()

    def test_earlier_years_are_older(self) -> None:
        """A file that stops at an earlier year than the bundled copy is not used."""
        older = bundled_json()
        for block in older.values():
            block["events"] = [e for e in block["events"] if e["date"] < "2028"]
        result = install(encoded(older), source="x", now=NOW)
        assert not result.in_use
        assert "covers later years" in result.note
        assert result.changes == ()
        assert not status().update_in_use

    def test_later_years_are_newer(self) -> None:
        """A file that covers a later year is newer, however few its other years."""
        result = install(encoded(complete_file(2028, 2029)), source="x", now=NOW)
        assert result.in_use
        assert default_data().confirmed_until(Division.SCOTLAND) == date(2029, 12, 31)

    def test_more_days_are_newer(self) -> None:
        """With the same years, the list with more days is newer; fewer is older."""
        bundled = HolidayData.bundled().official[0]
        update = HolidayData().with_govuk_data(good_update(), source="u").official[0]
        assert is_newer(update, bundled)
        assert not is_newer(bundled, update)

    def test_moved_day_is_newer(self) -> None:
        """With as many days but one moved, the installed list is used."""
        moved = bundled_json()
        for event in moved["england-and-wales"]["events"]:
            if event["date"] == "2027-05-31":
                event["date"] = "2027-06-04"
        result = install(encoded(moved), source="x", now=NOW)
        assert result.in_use
        assert [c.kind for c in result.changes] == ["moved"]


class TestDefaultData:
    def test_nothing_stored(self) -> None:
        """With nothing stored, the default data is the bundled data."""
        assert default_data() is HolidayData.bundled()
        assert get_calendar("uk") is get_calendar("uk", data=HolidayData.bundled())

    def test_every_surface_sees_an_update_in_the_same_process(self) -> None:
        """Deadlines computed before an install are not remembered after it."""
        received = date(2027, 6, 1)
        assert response_due(received).due == date(2027, 6, 29)
        install(encoded(good_update()), source="x", now=NOW)
        assert response_due(received).due == date(2027, 6, 30)
        assert response_due(received, clarified_on=date(2027, 6, 2)).due == date(
            2027, 7, 1
        )
        remove_update()
        assert response_due(received).due == date(2027, 6, 29)

    def test_memoised_and_sees_a_changed_file(self) -> None:
        """Repeated calls share one value; a file rewritten by another process is
        read again after refresh()."""
        install(encoded(good_update()), source="x", now=NOW)
        first = default_data()
        assert default_data() is first
        other = with_event(bundled_json(), "scotland", "2027-06-08", "Another day")
        (data_dir() / UPDATE_FILE).write_bytes(encoded(other))
        assert default_data() is first  # read once per process
        refresh()
        second = default_data()
        assert second is not first
        assert date(2027, 6, 8) in second.holidays_by_day(Division.SCOTLAND, 2027, 2027)
        # The provenance no longer matches the file: it is not reported.
        assert status().provenance is None

    def test_environment_override(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """FOI_DEADLINES_HOLIDAYS pins the data: bundled plus that file only."""
        add_proclaimed(date(2027, 6, 9), "By hand", divisions=["scotland"], now=NOW)
        path = tmp_path / "pinned.json"
        path.write_bytes(encoded(good_update()))
        monkeypatch.setenv("FOI_DEADLINES_HOLIDAYS", str(path))
        refresh()
        data = default_data()
        assert data == HolidayData.bundled().with_govuk_file(path)
        assert get_calendar("uk").data_version.startswith(
            BUNDLED_SOURCE + "; pinned.json"
        )
        report = status()
        assert report.override == path
        assert report.proclaimed[0].name == "By hand"
        result = install(encoded(complete_file(2028, 2029)), source="x", now=NOW)
        assert not result.in_use
        assert "FOI_DEADLINES_HOLIDAYS" in result.note

    def test_override_missing_file(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """A pinned file that does not exist is an error, not the bundled data."""
        monkeypatch.setenv("FOI_DEADLINES_HOLIDAYS", str(tmp_path / "nothing.json"))
        refresh()
        with pytest.raises(
            HolidayDataError, match=r"nothing\.json.*FOI_DEADLINES_HOLIDAYS"
        ):
            default_data()

    def test_corrupt_installed_file(self) -> None:
        """A stored file that is no longer valid is refused with its path."""
        install(encoded(good_update()), source="x", now=NOW)
        (data_dir() / UPDATE_FILE).write_bytes(b"{}")
        refresh()
        with pytest.raises(HolidayDataError, match="installed update is refused"):
            default_data()

    def test_platform_directory(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without FOI_DEADLINES_DATA_DIR, the platform's user data directory."""
        monkeypatch.delenv("FOI_DEADLINES_DATA_DIR")
        refresh()
        assert data_dir().name == "foi-deadlines"
        assert data_dir().is_absolute()


class TestProclaimed:
    def test_add_and_use(self) -> None:
        """A day added by hand is stored and used by every calendar."""
        day = add_proclaimed(SPECIAL, "Special", divisions=["scotland"], now=NOW)
        assert day.divisions == (Division.SCOTLAND,)
        assert stored_files() == [PROCLAIMED_FILE]
        stored = json.loads((data_dir() / PROCLAIMED_FILE).read_text(encoding="utf-8"))
        assert stored["proclaimed"][0]["added_at"] == "2026-03-02T09:30:00Z"
        assert not get_calendar("uk").is_working_day(SPECIAL)
        assert get_calendar("england-and-wales").is_working_day(SPECIAL)
        assert "2 proclaimed days" in status().version

    def test_replaces(self) -> None:
        """A day that replaces another makes that one a working day."""
        add_proclaimed(
            date(2030, 6, 3),
            "Spring bank holiday",
            divisions=["scotland"],
            replaces=date(2030, 5, 27),
            now=NOW,
        )
        scotland = get_calendar("scotland")
        with pytest.warns(match="provisional|standing rules"):
            assert scotland.is_working_day(date(2030, 5, 27))

    def test_duplicate_refused(self) -> None:
        """The same day twice in a division is refused; in another, added."""
        add_proclaimed(SPECIAL, "Special", divisions=["scotland"], now=NOW)
        with pytest.raises(HolidayDataError, match="already stored for scotland"):
            add_proclaimed(SPECIAL, "Again", divisions=["scotland"], now=NOW)
        add_proclaimed(SPECIAL, "Special", divisions=["northern-ireland"], now=NOW)
        assert len(status().proclaimed) == 2

    @pytest.mark.parametrize(
        ("kwargs", "error"),
        [
            ({"divisions": ["wales"]}, HolidayDataError),
            ({"divisions": []}, HolidayDataError),
            (
                {"divisions": ["scotland"], "now": NAIVE},
                InvalidInputError,
            ),
        ],
    )
    def test_bad_day_refused(
        self, kwargs: dict[str, Any], error: type[Exception]
    ) -> None:
        """A bad division or a naive time is refused, and nothing is stored."""
        with pytest.raises(error):
            add_proclaimed(SPECIAL, "x", **{"now": NOW, **kwargs})
        assert stored_files() == []

    def test_remove(self) -> None:
        """Removing a day in one division narrows it; in all, removes it."""
        add_proclaimed(
            SPECIAL, "Special", divisions=["scotland", "northern-ireland"], now=NOW
        )
        assert remove_proclaimed(date(2027, 6, 8)) == 0
        assert remove_proclaimed(SPECIAL, divisions=["england-and-wales"]) == 0
        assert remove_proclaimed(SPECIAL, divisions=["scotland"]) == 1
        (left,) = status().proclaimed
        assert left.divisions == (Division.NORTHERN_IRELAND,)
        assert remove_proclaimed(SPECIAL) == 1
        assert status().proclaimed == ()
        assert default_data() == HolidayData.bundled()

    def test_malformed_store(self) -> None:
        """A proclaimed file edited into a bad state is refused with the place."""
        add_proclaimed(SPECIAL, "Special", divisions=["scotland"], now=NOW)
        path = data_dir() / PROCLAIMED_FILE
        stored = json.loads(path.read_text(encoding="utf-8"))
        stored["proclaimed"][0]["date"] = "2027-02-30"
        path.write_text(json.dumps(stored), encoding="utf-8")
        with pytest.raises(HolidayDataError, match=r"proclaimed\[0\].date"):
            default_data()


class TestStatus:
    def test_nothing_stored(self) -> None:
        """The bundled data, confirmed to 2028, and nothing else."""
        report = status()
        assert report.update_path is None
        assert report.override is None
        assert report.proclaimed == ()
        assert report.version == HolidayData.bundled().version
        assert report.bundled_source == BUNDLED_SOURCE
        assert report.confirmed_until == dict.fromkeys(Division, date(2028, 12, 31))
        assert report.data_dir == Path(os.environ["FOI_DEADLINES_DATA_DIR"])

    def test_installed(self) -> None:
        """An installed update is reported with its provenance."""
        result = install(
            encoded(complete_file(2028, 2029)), source="file.json", now=NOW
        )
        report = status()
        assert report.update_path == data_dir() / UPDATE_FILE
        assert report.provenance == result.provenance
        assert report.update_in_use
        assert report.update_note == ""
        assert report.confirmed_until == dict.fromkeys(Division, date(2029, 12, 31))
        assert report.version == result.version == default_data().version
