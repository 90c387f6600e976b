"""The command line's holiday data: update, status, diff, add, remove, --holidays.

Every gov.uk-shaped file here is derived from the bundled copy; the network is a
server on 127.0.0.1. A new proclaimed day, Monday 7 June 2027 in Scotland, is the
change most tests look for: it moves every FOIA and FOISA deadline that spans it.
"""

from __future__ import annotations

import csv
import json
import os
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from foi_deadlines import cli, holiday_store
from foi_deadlines.bank_holidays import Division
from foi_deadlines.cli import main
from tests.holiday_files import (
    bundled_json,
    standing_events,
    with_event,
    without_year,
)

#: The day of the new Scottish bank holiday, and its name.
NEW_DAY = "2027-06-07"
NEW_NAME = "Special bank holiday"
#: When the tests say they ran: the only clock the command line reads.
NOW = datetime(2027, 6, 1, 8, 30, tzinfo=UTC)
DATA_VARIABLE = "FOI_DEADLINES_DATA_DIR"
PIN_VARIABLE = "FOI_DEADLINES_HOLIDAYS"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as info:
        main(list(argv))
    assert info.value.code == 2
    return capsys.readouterr().err


def one_line_error(code: int, out: str, err: str) -> str:
    """The message of a refusal: exit 1, nothing on stdout, one line on stderr."""
    assert (code, out) == (1, "")
    assert err.startswith("foi-deadlines: error: ")
    assert err.count("\n") == 1
    return err


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data directory of this test's own, no pinned file, a fixed clock."""
    directory = tmp_path / "data"
    monkeypatch.setenv(DATA_VARIABLE, str(directory))
    monkeypatch.delenv(PIN_VARIABLE, raising=False)
    holiday_store.refresh()
    monkeypatch.setattr(cli, "_now", lambda: NOW)
    return directory


@pytest.fixture
def new_file(tmp_path: Path) -> Path:
    """The bundled gov.uk file with the new Scottish day: a proclamation arrives."""
    data = with_event(bundled_json(), "scotland", NEW_DAY, NEW_NAME)
    return write_json(tmp_path / "bank-holidays.json", data)


def installed(store: Path) -> bool:
    return (store / holiday_store.UPDATE_FILE).exists()


class Server:
    """A gov.uk stand-in on 127.0.0.1: each path answers with a status and a body.

    A path whose status is 0 never answers, until the test ends.
    """

    routes: ClassVar[dict[str, tuple[int, bytes]]] = {}
    release: ClassVar[threading.Event] = threading.Event()

    def __init__(self, port: int) -> None:
        self.port = port

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status, body = Server.routes.get(self.path, (404, b"not found"))
        if status == 0:
            Server.release.wait(10)
            return
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:  # pragma: no cover - the client gave up
            pass

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output quiet."""


@pytest.fixture
def server() -> Iterator[Server]:
    """A local HTTP server for the test; its routes are set by the test."""
    Server.routes = {}
    Server.release = threading.Event()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    try:
        yield Server(httpd.server_address[1])
    finally:
        Server.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join()


# -- the parsing -----------------------------------------------------------------------


class TestParsing:
    def test_a_year_still_lists(self, capsys: pytest.CaptureFixture[str]) -> None:
        """holidays YEAR lists the calendar's days, as before."""
        code, out, _ = run(capsys, "holidays", "2027")
        assert code == 0
        assert out.startswith("Calendar 'uk'")

    def test_help_shows_both_forms(self, capsys: pytest.CaptureFixture[str]) -> None:
        """holidays --help shows the year form and the actions."""
        with pytest.raises(SystemExit) as info:
            main(["holidays", "--help"])
        assert info.value.code == 0
        out = capsys.readouterr().out
        assert "first_year [last_year]" in out
        assert "{update,status,diff,add,remove}" in out

    @pytest.mark.parametrize("action", ["update", "status", "diff", "add", "remove"])
    def test_each_action_has_help(
        self, capsys: pytest.CaptureFixture[str], action: str
    ) -> None:
        """Each action has its own --help, under its own name."""
        with pytest.raises(SystemExit) as info:
            main(["holidays", action, "--help"])
        assert info.value.code == 0
        assert f"usage: foi-deadlines holidays {action}" in capsys.readouterr().out

    def test_a_misspelt_action(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A word that is neither a year nor an action is a usage error naming both."""
        err = usage_error(capsys, "holidays", "updte")
        assert err.startswith("usage: foi-deadlines holidays")
        assert "'updte' is not a supported year" in err
        assert "one of update, status, diff, add, remove" in err

    def test_an_unknown_option(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An action's unknown option is a usage error under the action's name."""
        err = usage_error(capsys, "holidays", "status", "--frm", "x")
        assert "foi-deadlines holidays status: error: unrecognized arguments" in err


# -- update ----------------------------------------------------------------------------


class TestUpdateFromFile:
    def test_installs_and_reports(
        self, capsys: pytest.CaptureFixture[str], store: Path, new_file: Path
    ) -> None:
        """--from installs the file with its provenance and prints what changed."""
        code, out, err = run(capsys, "holidays", "update", "--from", str(new_file))
        assert (code, err) == (0, "")
        stored = store / holiday_store.UPDATE_FILE
        assert stored.read_bytes() == new_file.read_bytes()
        provenance = json.loads((store / holiday_store.PROVENANCE_FILE).read_text())
        assert provenance["source"] == str(new_file)
        assert provenance["fetched_at"] == "2027-06-01T08:30:00Z"
        lines = out.splitlines()
        assert lines[0] == f"Installed {stored}"
        assert f"  from {new_file}" in lines
        assert "  at 2027-06-01 08:30 UTC, " in out
        assert f"  sha256 {provenance['sha256']}" in lines
        assert "  covers 2012 to 2028 in every division" in lines
        assert "In use from now on by every command." in lines
        assert lines[-4:] == [
            "  England and Wales: no change",
            "  Scotland:",
            "    added    Mon 7 Jun 2027: Special bank holiday",
            "  Northern Ireland: no change",
        ]

    def test_json(
        self, capsys: pytest.CaptureFixture[str], store: Path, new_file: Path
    ) -> None:
        """--json gives the path, the provenance and the changes."""
        code, out, _ = run(
            capsys, "holidays", "update", "--from", str(new_file), "--json"
        )
        assert code == 0
        record = json.loads(out)
        assert record["path"] == str(store / holiday_store.UPDATE_FILE)
        assert record["in_use"] is True
        assert record["provenance"]["source"] == str(new_file)
        assert record["changes"] == [
            {
                "division": "scotland",
                "kind": "added",
                "before": None,
                "after": NEW_DAY,
                "name": NEW_NAME,
            }
        ]

    def test_the_same_data_is_stored_but_not_used(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A copy of the bundled file changes nothing, and says why it is not used."""
        same = write_json(tmp_path / "same.json", bundled_json())
        code, out, _ = run(capsys, "holidays", "update", "--from", str(same))
        assert code == 0
        assert "Stored but not used: the bundled copy lists the same days." in out
        assert "  Scotland: no change" in out

    def test_a_moved_day(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A holiday on another day is reported as moved, from one day to the other."""
        data = bundled_json()
        for event in data["northern-ireland"]["events"]:
            if event["date"] == "2027-07-12":
                event["date"] = "2027-07-13"
        moved = write_json(tmp_path / "moved.json", data)
        out = run(capsys, "holidays", "update", "--from", str(moved))[1]
        assert (
            "    moved    Mon 12 Jul 2027 -> Tue 13 Jul 2027: Battle of the Boyne "
            "(Orangemen’s Day)"
        ) in out

    @pytest.mark.parametrize(
        ("make", "message"),
        [
            (
                lambda: without_year(bundled_json(), "scotland", 2026),
                "scotland 2026: no events where the standing rules give 9",
            ),
            (
                lambda: {k: v for k, v in bundled_json().items() if k != "scotland"},
                "scotland: missing",
            ),
            (lambda: "not an object", "expected a JSON object keyed by division"),
        ],
        ids=["partial-year", "missing-division", "not-govuk"],
    )
    def test_a_bad_file_is_refused(
        self,
        capsys: pytest.CaptureFixture[str],
        store: Path,
        tmp_path: Path,
        make: Any,
        message: str,
    ) -> None:
        """A file short of a year or a division is refused in one line; none stored."""
        bad = write_json(tmp_path / "bad.json", make())
        err = one_line_error(*run(capsys, "holidays", "update", "--from", str(bad)))
        assert message in err
        assert not installed(store)

    def test_the_issues_partial_file_is_refused_by_year(
        self, capsys: pytest.CaptureFixture[str], store: Path, tmp_path: Path
    ) -> None:
        """A file with one year's events removed is refused, naming that year."""
        data = bundled_json()
        for division in data:
            data = without_year(data, division, 2026)
        bad = write_json(tmp_path / "no-2026.json", data)
        err = one_line_error(*run(capsys, "holidays", "update", "--from", str(bad)))
        assert "england-and-wales 2026" in err
        assert "scotland 2026" in err
        assert "northern-ireland 2026" in err
        assert not installed(store)

    def test_malformed_json(
        self, capsys: pytest.CaptureFixture[str], store: Path, tmp_path: Path
    ) -> None:
        """A file that is not JSON is refused with the place; nothing is stored."""
        bad = tmp_path / "bad.json"
        bad.write_text('{"scotland": ', encoding="utf-8")
        err = one_line_error(*run(capsys, "holidays", "update", "--from", str(bad)))
        assert "refused at line 1 column 14" in err
        assert not installed(store)

    def test_no_such_file(
        self, capsys: pytest.CaptureFixture[str], store: Path, tmp_path: Path
    ) -> None:
        """A file that does not exist is one line; nothing is stored."""
        missing = tmp_path / "missing.json"
        err = one_line_error(*run(capsys, "holidays", "update", "--from", str(missing)))
        assert f"{missing} refused: cannot be read" in err
        assert not installed(store)

    def test_a_refusal_keeps_the_previous_update(
        self,
        capsys: pytest.CaptureFixture[str],
        store: Path,
        tmp_path: Path,
        new_file: Path,
    ) -> None:
        """A refused file leaves the update installed before as it was."""
        assert run(capsys, "holidays", "update", "--from", str(new_file))[0] == 0
        before = (store / holiday_store.UPDATE_FILE).read_bytes()
        bad = write_json(
            tmp_path / "bad.json", without_year(bundled_json(), "scotland", 2027)
        )
        one_line_error(*run(capsys, "holidays", "update", "--from", str(bad)))
        assert (store / holiday_store.UPDATE_FILE).read_bytes() == before


class TestPartial:
    @pytest.fixture
    def later_file(self, tmp_path: Path) -> Path:
        """A file to 2029, whose Scottish 2029 has only New Year's Day."""
        data = bundled_json()
        for division, block in data.items():
            events = standing_events(Division(division), 2029)
            block["events"] += events[:1] if division == "scotland" else events
        return write_json(tmp_path / "to-2029.json", data)

    def test_refused_without_partial(
        self, capsys: pytest.CaptureFixture[str], store: Path, later_file: Path
    ) -> None:
        """Without --partial the short year is refused, by division and year."""
        err = one_line_error(
            *run(capsys, "holidays", "update", "--from", str(later_file))
        )
        assert "scotland 2029: 1 event where the standing rules give" in err
        assert not installed(store)

    def test_kept_for_the_years_it_covers(
        self, capsys: pytest.CaptureFixture[str], store: Path, later_file: Path
    ) -> None:
        """--partial keeps the complete years and says what was left out."""
        code, out, _ = run(
            capsys, "holidays", "update", "--from", str(later_file), "--partial"
        )
        assert code == 0
        assert "  left out, as incomplete: scotland 2029: 1 event where" in out
        assert installed(store)
        status = json.loads(run(capsys, "holidays", "status", "--json")[1])
        assert status["confirmed_until"] == {
            "england-and-wales": "2029-12-31",
            "scotland": "2028-12-31",
            "northern-ireland": "2029-12-31",
        }
        assert status["update"]["provenance"]["partial"] is True


class TestUpdateFromTheNetwork:
    def test_a_good_update(
        self,
        capsys: pytest.CaptureFixture[str],
        store: Path,
        server: Server,
        new_file: Path,
    ) -> None:
        """--url fetches the file, installs it and records the address."""
        Server.routes["/bank-holidays.json"] = (200, new_file.read_bytes())
        url = server.url("/bank-holidays.json")
        code, out, err = run(capsys, "holidays", "update", "--url", url)
        assert (code, err) == (0, "")
        assert f"  from {url}" in out
        assert "    added    Mon 7 Jun 2027: Special bank holiday" in out
        assert (store / holiday_store.UPDATE_FILE).read_bytes() == new_file.read_bytes()

    @pytest.mark.parametrize(
        ("route", "message"),
        [
            ((500, b"oops"), "the server answered HTTP 500"),
            ((404, b"gone"), "the server answered HTTP 404"),
            ((0, b""), "no answer within 0.3 seconds"),
            ((200, b"<html>not json</html>"), "refused at line 1 column 1"),
            (
                (200, json.dumps({"scotland": bundled_json()["scotland"]}).encode()),
                "england-and-wales: missing",
            ),
        ],
        ids=["server-error", "not-found", "timeout", "malformed", "missing-division"],
    )
    def test_a_failure_stores_nothing(
        self,
        capsys: pytest.CaptureFixture[str],
        store: Path,
        server: Server,
        route: tuple[int, bytes],
        message: str,
    ) -> None:
        """A server error, a timeout or a bad body is one line, exit 1; none stored."""
        Server.routes["/bank-holidays.json"] = route
        err = one_line_error(
            *run(
                capsys,
                "holidays",
                "update",
                "--url",
                server.url("/bank-holidays.json"),
                "--timeout",
                "0.3",
            )
        )
        assert message in err
        assert not installed(store)

    def test_offline(self, capsys: pytest.CaptureFixture[str], store: Path) -> None:
        """Nothing listening is one line that says what to do instead."""
        err = one_line_error(
            *run(capsys, "holidays", "update", "--url", "http://127.0.0.1:9/x.json")
        )
        assert "use --from FILE" in err
        assert not installed(store)

    def test_only_https(self, capsys: pytest.CaptureFixture[str], store: Path) -> None:
        """A plain http:// address elsewhere than this machine is refused."""
        err = one_line_error(
            *run(capsys, "holidays", "update", "--url", "http://example.com/x.json")
        )
        assert "only https:// addresses are fetched" in err
        assert not installed(store)

    @pytest.mark.parametrize("value", ["0", "-1", "soon", "601"])
    def test_a_bad_timeout(
        self, capsys: pytest.CaptureFixture[str], value: str
    ) -> None:
        """A timeout that is not a number of seconds is a usage error."""
        err = usage_error(capsys, "holidays", "update", "--timeout", value)
        assert "argument --timeout: expected a number of seconds" in err

    def test_from_and_url_together(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--from and --url cannot both be given."""
        err = usage_error(
            capsys, "holidays", "update", "--from", "a.json", "--url", "https://x/"
        )
        assert "not allowed with argument" in err


# -- status ----------------------------------------------------------------------------


class TestStatus:
    def test_the_bundled_copy(
        self, capsys: pytest.CaptureFixture[str], store: Path
    ) -> None:
        """With nothing stored, the bundled copy is in use, confirmed to 2028."""
        code, out, err = run(capsys, "holidays", "status")
        assert (code, err) == (0, "")
        lines = out.splitlines()
        assert lines[0].startswith(
            "Holiday data in use: gov.uk bank-holidays.json, copy of 2026-02-25;"
        )
        assert lines[1] == "From: the bundled copy"
        assert "  installed update: none" in out
        assert "  proclaimed days added by hand: none" in lines
        assert f"  data directory: {store}" in lines
        assert lines[-3:] == [
            "  England and Wales: 2028-12-31",
            "  Scotland:          2028-12-31",
            "  Northern Ireland:  2028-12-31",
        ]

    def test_an_installed_update(
        self, capsys: pytest.CaptureFixture[str], store: Path, new_file: Path
    ) -> None:
        """After an update, status names it, where it came from and when."""
        run(capsys, "holidays", "update", "--from", str(new_file))
        out = run(capsys, "holidays", "status")[1]
        assert "installed update of 2027-06-01 from" in out.splitlines()[0]
        assert "From: the installed update, over the bundled copy" in out
        assert f"  installed update: {store / 'bank-holidays.json'} (in use)" in out
        assert f"    from {new_file}" in out
        assert "    at 2027-06-01 08:30 UTC" in out

    def test_pinned_by_the_variable(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        new_file: Path,
    ) -> None:
        """FOI_DEADLINES_HOLIDAYS is named as the source, and the update as unused."""
        run(capsys, "holidays", "update", "--from", str(new_file))
        monkeypatch.setenv(PIN_VARIABLE, str(new_file))
        holiday_store.refresh()
        out = run(capsys, "holidays", "status")[1]
        assert f"From: {PIN_VARIABLE}={new_file}, over the bundled copy" in out
        assert f"(not used while {PIN_VARIABLE} is set)" in out

    def test_pinned_by_the_option(
        self, capsys: pytest.CaptureFixture[str], new_file: Path
    ) -> None:
        """--holidays is named as the source, for this run only."""
        out = run(capsys, "holidays", "status", "--holidays", str(new_file))[1]
        assert f"From: --holidays {new_file}, over the bundled copy, for this" in out
        assert PIN_VARIABLE not in os.environ

    def test_json(
        self, capsys: pytest.CaptureFixture[str], store: Path, new_file: Path
    ) -> None:
        """--json gives the source, the update, the proclaimed days and the horizon."""
        run(capsys, "holidays", "update", "--from", str(new_file))
        run(capsys, "holidays", "add", "2027-08-02", "Day", "--division", "scotland")
        record = json.loads(run(capsys, "holidays", "status", "--json")[1])
        assert record["source"] == "update"
        assert record["update"]["in_use"] is True
        assert record["update"]["provenance"]["source"] == str(new_file)
        assert record["proclaimed"] == [
            {
                "date": "2027-08-02",
                "name": "Day",
                "divisions": ["scotland"],
                "replaces": None,
                "in_use": True,
            }
        ]
        assert record["data_dir"] == str(store)
        assert record["confirmed_until"]["scotland"] == "2028-12-31"

    def test_a_broken_installed_update(
        self, capsys: pytest.CaptureFixture[str], store: Path
    ) -> None:
        """A damaged installed file is one line naming it, exit 1."""
        store.mkdir()
        (store / holiday_store.UPDATE_FILE).write_text("garbage", encoding="utf-8")
        err = one_line_error(*run(capsys, "holidays", "status"))
        assert str(store / holiday_store.UPDATE_FILE) in err


# -- diff ------------------------------------------------------------------------------


class TestDiff:
    def test_the_new_day(
        self, capsys: pytest.CaptureFixture[str], store: Path, new_file: Path
    ) -> None:
        """diff lists the day the file adds, per division, and stores nothing."""
        code, out, err = run(capsys, "holidays", "diff", str(new_file))
        assert (code, err) == (0, "")
        assert out.splitlines() == [
            "1 day differs between the data in use and bank-holidays.json:",
            "  England and Wales: no change",
            "  Scotland:",
            "    added    Mon 7 Jun 2027: Special bank holiday",
            "  Northern Ireland: no change",
        ]
        assert not installed(store)

    def test_json(self, capsys: pytest.CaptureFixture[str], new_file: Path) -> None:
        """--json gives both versions and the changes."""
        record = json.loads(run(capsys, "holidays", "diff", str(new_file), "--json")[1])
        assert record["before"].startswith("gov.uk bank-holidays.json, copy of")
        assert "bank-holidays.json" in record["after"]
        assert [c["after"] for c in record["changes"]] == [NEW_DAY]

    def test_nothing_differs(
        self, capsys: pytest.CaptureFixture[str], new_file: Path
    ) -> None:
        """Once the file is in use, it changes nothing."""
        run(capsys, "holidays", "update", "--from", str(new_file))
        out = run(capsys, "holidays", "diff", str(new_file))[1]
        assert out == (
            "No weekday bank holiday differs between the data in use and "
            "bank-holidays.json.\n"
        )

    def test_against_a_pinned_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, new_file: Path
    ) -> None:
        """With --holidays, the comparison is with the pinned data."""
        out = run(
            capsys, "holidays", "diff", str(new_file), "--holidays", str(new_file)
        )[1]
        assert out.startswith("No weekday bank holiday differs")

    def test_a_bad_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A refused file is one line, exit 1."""
        bad = write_json(
            tmp_path / "bad.json", without_year(bundled_json(), "scotland", 2027)
        )
        err = one_line_error(*run(capsys, "holidays", "diff", str(bad)))
        assert "scotland 2027" in err

    def test_partial(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """--partial compares the years the file fully covers."""
        data = with_event(bundled_json(), "scotland", NEW_DAY, NEW_NAME)
        short = write_json(
            tmp_path / "short.json", without_year(data, "northern-ireland", 2020)
        )
        out = run(capsys, "holidays", "diff", str(short), "--partial")[1]
        assert "    added    Mon 7 Jun 2027: Special bank holiday" in out

    def test_no_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        """diff without a file is a usage error."""
        err = usage_error(capsys, "holidays", "diff")
        assert "the following arguments are required: NEW.json" in err


# -- add and remove --------------------------------------------------------------------


class TestAddRemove:
    def test_add_moves_deadlines(
        self, capsys: pytest.CaptureFixture[str], store: Path
    ) -> None:
        """A day added by hand is stored, listed, and counted by every command."""
        assert run(capsys, "due", "2027-06-01")[1].startswith("2027-06-29\n")
        code, out, err = run(
            capsys, "holidays", "add", "07/06/2027", NEW_NAME, "--division", "scotland"
        )
        assert (code, err) == (0, "")
        assert out.splitlines() == [
            "Added Mon 7 Jun 2027: Special bank holiday (Scotland)",
            f"  stored in {store / holiday_store.PROCLAIMED_FILE}",
        ]
        assert run(capsys, "due", "2027-06-01")[1].startswith("2027-06-30\n")
        status = run(capsys, "holidays", "status")[1]
        assert "  proclaimed days added by hand:" in status
        assert "    Mon 7 Jun 2027: Special bank holiday (Scotland)" in status
        assert "2 proclaimed days" in status.splitlines()[0]

    def test_add_with_replaces(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--replaces makes the moved day a working day, in several divisions."""
        code, out, _ = run(
            capsys,
            "holidays",
            "add",
            "2027-06-04",
            "Moved spring bank holiday",
            "--division",
            "england-and-wales",
            "--division",
            "northern-ireland",
            "--replaces",
            "2027-05-31",
            "--announced",
            "2027-01-10",
            "--json",
        )
        assert code == 0
        assert json.loads(out)["replaces"] == "2027-05-31"
        days = run(capsys, "holidays", "2027", "--calendar", "england-and-wales")[1]
        assert "2027-06-04" in days
        assert "2027-05-31" not in days

    def test_a_second_add_on_the_same_day(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The same day twice for a division is refused in one line."""
        argv = ("holidays", "add", NEW_DAY, NEW_NAME, "--division", "scotland")
        assert run(capsys, *argv)[0] == 0
        err = one_line_error(*run(capsys, *argv))
        assert "already stored for scotland" in err

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            ([NEW_DAY, NEW_NAME], "the following arguments are required: --division"),
            ([NEW_DAY, NEW_NAME, "--division", "wales"], "invalid choice: 'wales'"),
            (["31/02/2027", NEW_NAME, "--division", "scotland"], "31/02/2027"),
            ([NEW_DAY], "the following arguments are required: NAME"),
        ],
        ids=["no-division", "unknown-division", "no-such-day", "no-name"],
    )
    def test_add_usage_errors(
        self, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
    ) -> None:
        """A missing or bad argument is a usage error, exit 2."""
        err = usage_error(capsys, "holidays", "add", *argv)
        assert err.startswith("usage: foi-deadlines holidays add")
        assert message in err

    def test_a_day_outside_the_supported_years(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A day the library refuses is one line, exit 1."""
        err = one_line_error(
            *run(capsys, "holidays", "add", "1999-06-07", "X", "--division", "scotland")
        )
        assert "outside the supported span" in err

    def test_remove(self, capsys: pytest.CaptureFixture[str]) -> None:
        """remove takes the day away again; deadlines go back."""
        run(capsys, "holidays", "add", NEW_DAY, NEW_NAME, "--division", "scotland")
        code, out, _ = run(capsys, "holidays", "remove", NEW_DAY)
        assert (code, out) == (0, "Removed the proclaimed day on Mon 7 Jun 2027\n")
        assert run(capsys, "due", "2027-06-01")[1].startswith("2027-06-29\n")

    def test_remove_in_one_division(self, capsys: pytest.CaptureFixture[str]) -> None:
        """remove --division keeps the day in the other divisions."""
        run(
            capsys,
            "holidays",
            "add",
            NEW_DAY,
            NEW_NAME,
            "--division",
            "scotland",
            "--division",
            "northern-ireland",
        )
        out = run(capsys, "holidays", "remove", NEW_DAY, "--division", "scotland")[1]
        assert out == "Removed the proclaimed day on Mon 7 Jun 2027 for Scotland\n"
        status = json.loads(run(capsys, "holidays", "status", "--json")[1])
        assert status["proclaimed"][0]["divisions"] == ["northern-ireland"]

    def test_remove_nothing(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Removing a day that was never added is one line, exit 1."""
        err = one_line_error(*run(capsys, "holidays", "remove", NEW_DAY))
        assert "no proclaimed day on 2027-06-07 was added by hand" in err

    def test_a_pinned_run_is_noted(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        new_file: Path,
    ) -> None:
        """While the data is pinned, add says the day is not used yet."""
        monkeypatch.setenv(PIN_VARIABLE, str(new_file))
        holiday_store.refresh()
        code, _, err = run(
            capsys, "holidays", "add", "2027-08-02", "Day", "--division", "scotland"
        )
        assert code == 0
        assert err.startswith(f"foi-deadlines: note: {PIN_VARIABLE} is set")


# -- --holidays on every command -------------------------------------------------------


@pytest.fixture
def tracker(tmp_path: Path) -> Path:
    """A tracker on 1 June 2027 with open, closed and answered cases.

    B (FOIA), C (EIR) and G (FOISA) are waiting for a response due after 7 June;
    E was answered on 28 May, and its window to ask for a review spans 7 June. A
    was due before 7 June, D was withdrawn, and F (subject access) is counted in
    calendar months: none of them moves.
    """
    path = tmp_path / "tracker.csv"
    path.write_text(
        "Ref,Received,Regime,Response sent,Withdrawn\n"
        "A,04/05/2027,FOIA,,\n"
        "B,20/05/2027,FOIA,,\n"
        "C,01/06/2027,EIR,,\n"
        "D,20/05/2027,FOIA,,28/05/2027\n"
        "E,10/05/2027,FOIA,28/05/2027,\n"
        "F,20/05/2027,SAR,,\n"
        "G,20/05/2027,FOISA,,\n",
        encoding="utf-8",
    )
    return path


def due_dates(path: Path) -> dict[str, str]:
    """Each row's reference and its filled response due date."""
    with path.open(encoding="utf-8", newline="") as stream:
        return {row["Ref"]: row["Response due"] for row in csv.DictReader(stream)}


class TestHolidaysOption:
    @pytest.mark.parametrize(
        ("argv", "before", "after"),
        [
            (["due", "2027-06-01"], "2027-06-29", "2027-06-30"),
            (["explain", "2027-06-01"], "2027-06-29", "2027-06-30"),
            (["review", "2027-06-01"], "2027-07-28", "2027-07-29"),
            (
                ["status", "2027-05-20", "--as-of", "2027-06-01"],
                "2027-06-18",
                "2027-06-21",
            ),
            (["holidays", "2027"], "2027-05-31  ", "2027-06-07  "),
        ],
        ids=["due", "explain", "review", "status", "holidays"],
    )
    def test_a_command_counts_on_the_file(
        self,
        capsys: pytest.CaptureFixture[str],
        new_file: Path,
        argv: list[str],
        before: str,
        after: str,
    ) -> None:
        """--holidays FILE counts on the bundled copy with FILE, for this run only."""
        plain = run(capsys, *argv)[1]
        assert before in plain
        assert after not in plain
        code, pinned, err = run(capsys, *argv, "--holidays", str(new_file))
        assert (code, err) == (0, "")
        assert after in pinned
        assert PIN_VARIABLE not in os.environ
        assert run(capsys, *argv)[1] == plain

    def test_over_an_installed_update(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, new_file: Path
    ) -> None:
        """--holidays wins over the installed update, and hand-added days."""
        run(capsys, "holidays", "update", "--from", str(new_file))
        run(capsys, "holidays", "add", "2027-06-08", "X", "--division", "scotland")
        assert run(capsys, "due", "2027-06-01")[1].startswith("2027-07-01\n")
        bundled = write_json(tmp_path / "bundled.json", bundled_json())
        out = run(capsys, "due", "2027-06-01", "--holidays", str(bundled))[1]
        assert out.startswith("2027-06-29\n")

    def test_the_export(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, new_file: Path
    ) -> None:
        """holidays -o writes the file's days."""
        target = tmp_path / "days.csv"
        run(capsys, "holidays", "2027", "-o", str(target), "--holidays", str(new_file))
        assert "2027-06-07,Monday,Special bank holiday (Scotland)" in target.read_text(
            encoding="utf-8"
        )

    def test_the_fill(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        tracker: Path,
        new_file: Path,
    ) -> None:
        """batch --holidays fills with the file's days."""
        plain, pinned = tmp_path / "plain.csv", tmp_path / "pinned.csv"
        run(capsys, "batch", str(tracker), "-o", str(plain), "--as-of", "2027-06-01")
        code = run(
            capsys,
            "batch",
            str(tracker),
            "-o",
            str(pinned),
            "--as-of",
            "2027-06-01",
            "--holidays",
            str(new_file),
        )[0]
        assert code == 0
        assert due_dates(plain)["B"] == "2027-06-18"
        assert due_dates(pinned)["B"] == "2027-06-21"

    def test_the_calendar_and_the_digest(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        tracker: Path,
        new_file: Path,
    ) -> None:
        """calendar and digest count on the file too."""
        pytest.importorskip("icalendar")
        ics = tmp_path / "d.ics"
        common = ["--as-of", "2027-06-01", "--holidays", str(new_file)]
        assert run(capsys, "calendar", str(tracker), "-o", str(ics), *common)[0] == 0
        assert "DTSTART;VALUE=DATE:20270621" in ics.read_text(encoding="utf-8")
        record = json.loads(
            run(capsys, "digest", str(tracker), "--within", "15", "--json", *common)[1]
        )
        due = {entry["reference"]: entry["due"] for entry in record["due_soon"]}
        assert due["B"] == "2027-06-21"

    @pytest.mark.parametrize(
        "argv",
        [["due", "2027-06-01"], ["holidays", "2027"], ["holidays", "status"]],
        ids=" ".join,
    )
    def test_a_bad_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
    ) -> None:
        """A refused or missing file is one line, exit 1, and nothing is counted."""
        bad = write_json(
            tmp_path / "bad.json", without_year(bundled_json(), "scotland", 2027)
        )
        err = one_line_error(*run(capsys, *argv, "--holidays", str(bad)))
        assert "scotland 2027" in err
        missing = tmp_path / "missing.json"
        err = one_line_error(*run(capsys, *argv, "--holidays", str(missing)))
        assert "cannot be read: no such file (--holidays)" in err
        assert PIN_VARIABLE not in os.environ


# -- batch --changed-by ----------------------------------------------------------------


class TestChangedBy:
    def test_lists_the_live_deadlines_that_move(
        self, capsys: pytest.CaptureFixture[str], tracker: Path, new_file: Path
    ) -> None:
        """Each open case whose live deadline moves, with its old and new dates."""
        code, out, err = run(
            capsys,
            "batch",
            str(tracker),
            "--changed-by",
            str(new_file),
            "--as-of",
            "2027-06-01",
        )
        assert (code, err) == (0, "")
        assert out.splitlines() == [
            "4 of 6 open cases as of 2027-06-01 have deadlines that move with "
            "bank-holidays.json:",
            "  Row  Reference  Deadline                      Now         With "
            "bank-holidays.json",
            "  3    B          response due                  2027-06-18  2027-06-21",
            "  4    C          response due                  2027-06-29  2027-06-30",
            "  6    E          review request window closes  2027-07-27  2027-07-28",
            "  8    G          response due                  2027-06-18  2027-06-21",
        ]

    def test_json(
        self, capsys: pytest.CaptureFixture[str], tracker: Path, new_file: Path
    ) -> None:
        """--json gives each change with its row, reference and clock."""
        record = json.loads(
            run(
                capsys,
                "batch",
                str(tracker),
                "--changed-by",
                str(new_file),
                "--as-of",
                "2027-06-01",
                "--json",
            )[1]
        )
        assert (record["open_cases"], record["cases_moved"]) == (6, 4)
        assert record["changes"][0] == {
            "row": 3,
            "reference": "B",
            "deadline": "response",
            "clock_id": "foia.response",
            "title": "Response to a request",
            "before": "2027-06-18",
            "after": "2027-06-21",
        }

    def test_nothing_moves(
        self, capsys: pytest.CaptureFixture[str], tracker: Path, new_file: Path
    ) -> None:
        """Before the cases span the new day, nothing moves."""
        out = run(
            capsys,
            "batch",
            str(tracker),
            "--changed-by",
            str(new_file),
            "--as-of",
            "2027-07-29",
        )[1]
        assert out.startswith("0 of ")
        assert out.endswith("have deadlines that move with bank-holidays.json.\n")

    def test_an_unreadable_row_is_noted(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, new_file: Path
    ) -> None:
        """A row that cannot be read is a note on stderr, and left out."""
        path = tmp_path / "t.csv"
        path.write_text("Ref,Received\nA,20/05/2027\nB,31/02/2027\n", encoding="utf-8")
        code, out, err = run(
            capsys,
            "batch",
            str(path),
            "--changed-by",
            str(new_file),
            "--as-of",
            "2027-06-01",
        )
        assert code == 0
        assert out.startswith("1 of 1 open case as of 2027-06-01 has deadlines")
        assert err.startswith("foi-deadlines: note: row 3 could not be read")

    def test_with_output_is_a_usage_error(
        self, capsys: pytest.CaptureFixture[str], tracker: Path, new_file: Path
    ) -> None:
        """--changed-by writes nothing, so -o with it is a usage error."""
        err = usage_error(
            capsys, "batch", str(tracker), "--changed-by", str(new_file), "-o", "x.csv"
        )
        assert "--changed-by lists the cases that move and writes no file" in err

    def test_neither_is_a_usage_error(
        self, capsys: pytest.CaptureFixture[str], tracker: Path
    ) -> None:
        """Without -o or --changed-by, batch has nothing to do: a usage error."""
        err = usage_error(capsys, "batch", str(tracker))
        assert err.startswith("usage: foi-deadlines batch")
        assert "required: -o/--output (or --changed-by)" in err

    def test_a_bad_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, tracker: Path
    ) -> None:
        """A refused holiday file is one line, exit 1."""
        bad = write_json(tmp_path / "bad.json", {"scotland": {}})
        err = one_line_error(
            *run(capsys, "batch", str(tracker), "--changed-by", str(bad))
        )
        assert "bad.json refused" in err


# -- the scenario of issue 11 ----------------------------------------------------------


class TestScenario:
    def test_a_proclamation_reaches_every_surface(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        tracker: Path,
        new_file: Path,
    ) -> None:
        """A new day arrives by update: the listing, due and the fill agree on it."""
        as_of = ["--as-of", "2027-06-01"]
        before_fill = tmp_path / "before.csv"
        assert (
            run(capsys, "batch", str(tracker), "-o", str(before_fill), *as_of)[0] == 0
        )
        received = {
            "A": "2027-05-04",
            "B": "2027-05-20",
            "C": "2027-06-01",
            "G": "2027-05-20",
        }
        regimes = {"A": "foia", "B": "foia", "C": "eir", "G": "foisa"}

        def due(ref: str) -> str:
            out = run(capsys, "due", received[ref], "--regime", regimes[ref])[1]
            return out.splitlines()[0]

        due_before = {ref: due(ref) for ref in received}

        listing = json.loads(
            run(
                capsys,
                "batch",
                str(tracker),
                "--changed-by",
                str(new_file),
                "--json",
                *as_of,
            )[1]
        )
        named = {change["reference"] for change in listing["changes"]}
        assert named == {"B", "C", "E", "G"}

        assert run(capsys, "holidays", "update", "--from", str(new_file))[0] == 0

        after_fill = tmp_path / "after.csv"
        assert run(capsys, "batch", str(tracker), "-o", str(after_fill), *as_of)[0] == 0
        old, new = due_dates(before_fill), due_dates(after_fill)
        assert {ref for ref in old if old[ref] != new[ref]} == named
        assert new["B"] == "2027-06-21"
        assert new["E"] == "2027-06-09"  # the response met on 28 May, counted again

        due_after = {ref: due(ref) for ref in received}
        assert {ref for ref in received if due_before[ref] != due_after[ref]} == {
            "B",
            "C",
            "G",
        }
        for ref in ("B", "C", "G"):
            assert due_after[ref] == new[ref]

        status = run(capsys, "holidays", "status")[1]
        assert "From: the installed update, over the bundled copy" in status
        again = run(
            capsys, "batch", str(tracker), "--changed-by", str(new_file), *as_of
        )[1]
        assert again.startswith("0 of 6 open cases")


class TestDoneWhen:
    def test_update_then_due_then_status(
        self, capsys: pytest.CaptureFixture[str], store: Path, new_file: Path
    ) -> None:
        """update --from FILE, then due uses the new data and status says so."""
        assert run(capsys, "due", "2027-06-01")[1].startswith("2027-06-29\n")
        assert run(capsys, "holidays", "update", "--from", str(new_file))[0] == 0
        due = run(capsys, "due", "2027-06-01")[1]
        assert due.startswith("2027-06-30\n")
        assert "  Mon 7 Jun 2027: Special bank holiday (Scotland)" in due
        assert "installed update of 2027-06-01 from" in due.splitlines()[-1]
        status = run(capsys, "holidays", "status")[1]
        assert "From: the installed update, over the bundled copy" in status
        assert status.splitlines()[0].removeprefix("Holiday data in use: ") in due
