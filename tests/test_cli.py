"""Tests for the foi-deadlines command line."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import warnings
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from foi_deadlines import cli
from foi_deadlines.cli import main
from foi_deadlines.errors import FoiDeadlinesWarning


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class TestDue:
    def test_prints_the_date_first(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The first line is the ISO due date; the skipped holidays follow."""
        code, out, err = run(capsys, "due", "2024-12-19")
        assert code == 0
        assert err == ""
        lines = out.splitlines()
        assert lines[0] == "2025-01-22"
        assert "due by Wednesday 22 January 2025" in lines[1]
        assert "s10(1)" in out
        assert any("2nd January (Scotland)" in line for line in lines)

    def test_uk_day_first_input(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A UK day-first date is accepted."""
        assert run(capsys, "due", "19/12/2024")[1].splitlines()[0] == "2025-01-22"

    def test_regime(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The regime option counts FOISA on Scottish working days."""
        out = run(capsys, "due", "2024-03-28", "--regime", "foisa")[1]
        assert out.splitlines()[0] == "2024-04-26"

    def test_modifiers(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Clarification and fee options move the date as the law says."""
        out = run(capsys, "due", "06/01/2025", "--clarified", "20/01/2025")[1]
        assert out.splitlines()[0] == "2025-02-17"
        out = run(
            capsys,
            "due",
            "2025-03-03",
            "--fee-notice",
            "2025-03-10",
            "--fee-paid",
            "2025-03-24",
        )[1]
        assert out.splitlines()[0] == "2025-04-15"

    def test_subject_access(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Subject access rolls on the controller's part of the UK."""
        out = run(
            capsys, "due", "2024-02-29", "--regime", "sar", "--division", "scotland"
        )[1]
        assert out.splitlines()[0] == "2024-04-01"

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--json prints an object with the due date in ISO form."""
        code, out, _ = run(capsys, "due", "2024-12-19", "--json")
        assert code == 0
        record = json.loads(out)
        assert record["due"] == "2025-01-22"
        assert record["calendar"] == "uk"
        assert record["provisional"] is False
        assert [h["date"] for h in record["skipped"]] == [
            "2024-12-25",
            "2024-12-26",
            "2025-01-01",
            "2025-01-02",
        ]

    def test_provisional_is_flagged(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A due date beyond the confirmed data says so, without a Python warning."""
        code, out, err = run(capsys, "due", "2028-12-20")
        assert code == 0
        assert "provisional" in out
        assert err == ""

    def test_library_error_exits_1(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A date the library refuses gives exit status 1 and a one-line message."""
        code, out, err = run(capsys, "due", "1999-06-01")
        assert code == 1
        assert out == ""
        assert err.startswith("foi-deadlines: error: received is 1999-06-01")
        assert err.count("\n") == 1

    def test_refusal_exits_1(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An option the regime does not have is refused with exit status 1."""
        code, _, err = run(
            capsys, "due", "2025-03-03", "--regime", "foisa", "--extended"
        )
        assert code == 1
        assert "FOISA has no public interest" in err

    @pytest.mark.parametrize("value", ["31/02/2026", "junk", "2024-13-01"])
    def test_usage_error_exits_2(
        self, capsys: pytest.CaptureFixture[str], value: str
    ) -> None:
        """A date that cannot be read is a usage error, exit status 2."""
        with pytest.raises(SystemExit) as info:
            main(["due", value])
        assert info.value.code == 2
        assert value in capsys.readouterr().err

    def test_module_entry_point(self) -> None:
        """python -m foi_deadlines runs the same command line."""
        result = subprocess.run(
            [sys.executable, "-m", "foi_deadlines", "due", "2024-12-19"],
            capture_output=True,
            text=True,
            check=True,
        )
        assert result.stdout.splitlines()[0] == "2025-01-22"


class TestExplain:
    def test_day_by_day(self, capsys: pytest.CaptureFixture[str]) -> None:
        """explain counts each working day and names each day it skips."""
        code, out, _ = run(capsys, "explain", "2024-12-19")
        assert code == 0
        assert out.splitlines()[0] == "2025-01-22"
        assert "Day by day:" in out
        assert "day 0" in out
        assert "Thu 2 Jan 2025  2nd January (Scotland)" in out
        assert "Wed 25 Dec 2024  Christmas Day" in out
        assert "day 20   Wed 22 Jan 2025  due" in out
        assert not any(line != line.rstrip() for line in out.splitlines())

    def test_json_trace(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The JSON form carries the trace as well."""
        record = json.loads(run(capsys, "explain", "2024-12-19", "--json")[1])
        assert record["trace"][0] == {"date": "2024-12-19", "day": 0, "note": "day 0"}
        assert record["trace"][-1]["day"] == 20

    def test_pause_in_trace(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Paused days are marked as paused."""
        out = run(
            capsys,
            "explain",
            "2025-03-03",
            "--fee-notice",
            "2025-03-10",
            "--fee-paid",
            "2025-03-24",
        )[1]
        assert "Mon 17 Mar 2025  paused" in out


class TestReview:
    def test_window_and_check(self, capsys: pytest.CaptureFixture[str]) -> None:
        """review gives the window, checks a request and gives the review's due date."""
        code, out, _ = run(
            capsys, "review", "2024-12-19", "--review-requested", "2025-02-24"
        )
        assert code == 0
        lines = out.splitlines()
        assert lines[0] == "2025-02-19"
        assert "late by 3 working days" in out
        assert "Review due by 2025-03-25" in out

    def test_short_policy_is_noted(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A 20-day policy gives 22 January and says it is shorter than the Code."""
        out = run(capsys, "review", "2024-12-19", "--policy", "twenty")[1]
        assert out.splitlines()[0] == "2025-01-22"
        assert "shorter than the 40 working days" in out

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The JSON form has the window and, when asked, the check."""
        record = json.loads(
            run(
                capsys,
                "review",
                "2024-12-19",
                "--review-requested",
                "2025-01-10",
                "--json",
            )[1]
        )
        assert record["review_request_by"]["due"] == "2025-02-19"
        assert record["request"]["in_time"] is True
        assert record["review_due"]["due"] == "2025-02-07"

    def test_foisa_needs_the_due_date(self, capsys: pytest.CaptureFixture[str]) -> None:
        """FOISA's window needs the date the response was due, or says so."""
        code, _, err = run(capsys, "review", "2025-03-10", "--regime", "foisa")
        assert code == 1
        assert "response_due_on" in err
        out = run(
            capsys,
            "review",
            "2025-03-10",
            "--regime",
            "foisa",
            "--response-due",
            "2025-03-31",
        )[1]
        assert out.splitlines()[0] == "2025-05-29"


class TestStatus:
    def test_as_of_given(self, capsys: pytest.CaptureFixture[str]) -> None:
        """status reports the case on the day given."""
        code, out, _ = run(capsys, "status", "2024-12-19", "--as-of", "2025-01-27")
        assert code == 0
        assert out.splitlines()[0] == "overdue"
        assert "overdue by 3 working days" in out
        assert "(as of 2025-01-27)" in out

    def test_as_of_defaults_to_today_and_says_so(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without --as-of the command uses today and prints it."""
        out = run(capsys, "status", "2024-12-19")[1]
        assert "(today)" in out

    def test_responded(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A response within time is reported so, with the next deadline."""
        out = run(
            capsys,
            "status",
            "2024-12-19",
            "--responded",
            "2025-01-20",
            "--as-of",
            "2025-01-27",
        )[1]
        assert out.splitlines()[0] == "responded_in_time"
        assert "Next deadline: Request for an internal review, 2025-03-18" in out

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The JSON form carries the status and its deadline."""
        record = json.loads(
            run(capsys, "status", "2024-12-19", "--as-of", "2025-01-20", "--json")[1]
        )
        assert record["status"] == "due_soon"
        assert record["working_days_left"] == 2

    def test_impossible_timeline(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An impossible timeline is a library error, exit status 1."""
        code, _, err = run(
            capsys,
            "status",
            "2025-01-06",
            "--responded",
            "2025-01-01",
            "--as-of",
            "2025-02-01",
        )
        assert code == 1
        assert "first event must be the request being received" in err


class TestHolidays:
    def test_list(self, capsys: pytest.CaptureFixture[str]) -> None:
        """holidays lists the non-working weekdays with their names."""
        out = run(capsys, "holidays", "2026")[1]
        assert "2026-06-15  Mon 15 Jun 2026: Special bank holiday" in out
        assert "2026-03-17" in out

    def test_scotland(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The Scottish calendar leaves out Northern Ireland's days."""
        out = run(capsys, "holidays", "2026", "--calendar", "scotland")[1]
        assert "2026-03-17" not in out

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The JSON form is a list of dates with reasons."""
        records = json.loads(run(capsys, "holidays", "2025", "2026", "--json")[1])
        assert records[0]["date"] == "2025-01-01"
        assert all(not r["provisional"] for r in records)


class TestOptionNames:
    @pytest.mark.parametrize("command", ["due", "explain", "review", "status"])
    def test_help_lists_only_the_chosen_names(
        self, capsys: pytest.CaptureFixture[str], command: str
    ) -> None:
        """--help shows the tracker-field names and none of the old -on spellings."""
        with pytest.raises(SystemExit) as info:
            main([command, "--help"])
        assert info.value.code == 0
        out = capsys.readouterr().out
        assert re.findall(r"--[a-z-]+-on\b", out) == []
        for name in ("--clarified", "--fee-notice", "--fee-paid", "--extended"):
            assert (name in out) == (command != "review")
        if command == "review":
            assert "--review-requested" in out
            assert "--response-due" in out

    @pytest.mark.parametrize(
        ("chosen", "old"),
        [
            (
                "due 06/01/2025 --clarified 20/01/2025",
                "due 06/01/2025 --clarified-on 20/01/2025",
            ),
            (
                "explain 2025-01-06 --clarification-sought 2025-01-08 "
                "--clarified 2025-01-20",
                "explain 2025-01-06 --clarification-sought-on 2025-01-08 "
                "--clarified-on 2025-01-20",
            ),
            (
                "due 2025-03-03 --fee-notice 2025-03-10 --fee-paid 2025-03-24 --json",
                "due 2025-03-03 --fee-notice-on 2025-03-10 --fee-paid-on 2025-03-24 "
                "--json",
            ),
            (
                "due 2025-03-03 --regime sar --identity-confirmed 2025-03-10",
                "due 2025-03-03 --regime sar --identity-confirmed-on 2025-03-10",
            ),
            (
                "review 2024-12-19 --review-requested 2025-02-24",
                "review 2024-12-19 --requested-on 2025-02-24",
            ),
            (
                "review 2025-03-10 --regime foisa --response-due 2025-03-31 --json",
                "review 2025-03-10 --regime foisa --response-due-on 2025-03-31 --json",
            ),
            (
                "status 2025-03-03 --fee-notice 2025-03-10 --fee-paid 2025-03-24 "
                "--as-of 2025-04-01",
                "status 2025-03-03 --fee-notice-on 2025-03-10 --fee-paid-on "
                "2025-03-24 --as-of 2025-04-01",
            ),
        ],
    )
    def test_old_spelling_gives_identical_output(
        self, capsys: pytest.CaptureFixture[str], chosen: str, old: str
    ) -> None:
        """An option's earlier spelling, kept as a hidden alias, prints the same."""
        expected = run(capsys, *chosen.split())
        assert expected[0] == 0
        assert run(capsys, *old.split()) == expected

    def test_status_takes_the_request_options(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """status takes every date due takes, by the same name."""
        out = run(
            capsys,
            "status",
            "2025-03-03",
            "--regime",
            "sar",
            "--identity-confirmed",
            "2025-03-10",
            "--as-of",
            "2025-03-20",
        )[1]
        assert "response due 2025-04-10" in out
        out = run(
            capsys,
            "status",
            "2025-01-06",
            "--withdrawn",
            "2025-01-10",
            "--as-of",
            "2025-02-01",
        )[1]
        assert "withdrawn on 2025-01-10" in out

    def test_extended_takes_the_same_date_everywhere(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--extended DATE checks the notice in due as it does in status."""
        in_time = run(capsys, "due", "2025-01-06", "--extended")[1]
        assert in_time.splitlines()[0] == "2025-03-03"
        late = run(capsys, "due", "2025-01-06", "--extended", "2025-02-10")[1]
        assert late.splitlines()[0] == "2025-02-03"
        assert "no effect" in late
        status = run(
            capsys,
            "status",
            "2025-01-06",
            "--extended",
            "2025-02-10",
            "--as-of",
            "2025-02-10",
        )[1]
        assert "due 2025-02-03" in status


def _env(**changes: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("LC_", "PYTHONIOENCODING", "PYTHONUTF8"))
        and key != "LANG"
    }
    env.update(changes)
    return env


class TestEncoding:
    @pytest.mark.parametrize(
        "env",
        [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "PYTHONUTF8": "0"}],
        ids=["ascii", "c-locale"],
    )
    @pytest.mark.parametrize(
        "argv", [["holidays", "2025"], ["explain", "2024-12-19"]], ids=" ".join
    )
    def test_any_stdout_encoding(self, env: dict[str, str], argv: list[str]) -> None:
        """Typographic apostrophes are written as ASCII on an ASCII stdout."""
        result = subprocess.run(
            [sys.executable, "-m", "foi_deadlines", *argv],
            capture_output=True,
            env=_env(**env),
            check=False,
        )
        assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
        assert result.stderr == b""
        out = result.stdout.decode("ascii")
        assert "New Year's Day (England and Wales" in out

    def test_stderr_too(self) -> None:
        """An error message quoting a typographic character is plain on stderr."""
        result = subprocess.run(
            [sys.executable, "-m", "foi_deadlines", "due", "19/12/2024\u2019"],
            capture_output=True,
            env=_env(PYTHONIOENCODING="ascii"),
            check=False,
        )
        assert result.returncode == 2
        assert "19/12/2024'" in result.stderr.decode("ascii")
        assert b"Traceback" not in result.stderr

    def test_utf8_is_left_alone(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A stdout that can write the apostrophe gets it as it is."""
        assert "New Year\u2019s Day" in run(capsys, "holidays", "2025")[1]


class TestWarnings:
    def test_short_review_window(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A short review window is a note in the output, not a Python warning."""
        code, out, err = run(
            capsys,
            "review",
            "2024-12-19",
            "--policy",
            "twenty",
            "--review-requested",
            "2025-01-10",
        )
        assert code == 0
        assert (
            "note: The window to ask for a review, 20 working days, is shorter" in out
        )
        assert err == ""

    def test_no_warning_line_even_when_python_shows_all(self) -> None:
        """With every warning shown, stderr stays empty: there is no file path."""
        result = subprocess.run(
            [
                *(sys.executable, "-W", "always", "-m", "foi_deadlines", "review"),
                *("2024-12-19", "--policy", "twenty", "--review-requested"),
                "2025-01-10",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0
        assert result.stderr == ""

    def test_provisional_review_and_status(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A provisional date is flagged by review and status as by due."""
        code, out, err = run(
            capsys, "review", "2028-12-20", "--review-requested", "2029-01-05"
        )
        assert code == 0
        assert err == ""
        assert "note: provisional: 2029-02-20 is after 2028-12-31" in out
        assert "note: provisional: 2029-02-02 is after 2028-12-31" in out
        out = run(capsys, "status", "2028-12-20", "--as-of", "2029-01-02")[1]
        assert "Provisional: 2029-01-23 is after 2028-12-31" in out
        out = run(capsys, "status", "2025-01-06", "--as-of", "2025-01-20")[1]
        assert "rovisional" not in out

    def test_other_library_warnings_are_one_note(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Any other library warning is one plain note on stderr, once."""

        def command(_: object) -> int:
            for _ in range(3):
                warnings.warn("the data is odd", FoiDeadlinesWarning, stacklevel=1)
            print("2025-01-22")
            return 0

        monkeypatch.setitem(cli._COMMANDS, "due", command)
        code, out, err = run(capsys, "due", "2024-12-19")
        assert (code, out) == (0, "2025-01-22\n")
        assert err == "foi-deadlines: note: the data is odd\n"

    def test_other_warnings_are_left_alone(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Warnings of other libraries keep Python's usual handling."""

        def command(_: object) -> int:
            warnings.warn("old", DeprecationWarning, stacklevel=1)
            return 0

        monkeypatch.setitem(cli._COMMANDS, "due", command)
        with pytest.warns(DeprecationWarning, match="old"):
            assert main(["due", "2024-12-19"]) == 0


class TestToday:
    @pytest.mark.parametrize(
        ("now", "today"),
        [
            (datetime(2025, 7, 1, 23, 30, tzinfo=UTC), date(2025, 7, 2)),
            (datetime(2025, 1, 15, 23, 30, tzinfo=UTC), date(2025, 1, 15)),
        ],
        ids=["summer", "winter"],
    )
    def test_today_is_the_uk_date(
        self, monkeypatch: pytest.MonkeyPatch, now: datetime, today: date
    ) -> None:
        """Today is the date in London: at 23:30 UTC in summer it is tomorrow."""
        monkeypatch.setattr(cli, "_now", lambda: now)
        assert cli._today() == today

    def test_status_prints_the_uk_today(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """status without --as-of reports on the UK date, and says it is today."""
        now = datetime(2025, 7, 1, 23, 30, tzinfo=UTC)
        monkeypatch.setattr(cli, "_now", lambda: now)
        out = run(capsys, "status", "2025-06-02")[1]
        assert "(as of 2025-07-02 (today))" in out


class TestHolidayYears:
    @pytest.mark.parametrize("output", [False, True], ids=["listed", "written"])
    @pytest.mark.parametrize(
        ("years", "message"),
        [
            (
                ["0"],
                "argument first_year: '0' is not a supported year: the years "
                "supported are 2000 to 2100",
            ),
            (["1999"], "argument first_year: '1999' is not a supported year"),
            (["2025", "2101"], "argument last_year: '2101' is not a supported year"),
            (["twenty"], "argument first_year: 'twenty' is not a supported year"),
            (["2025", "2024"], "last_year 2024 is before first_year 2025"),
        ],
    )
    def test_bad_range_is_a_usage_error(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        years: list[str],
        message: str,
        output: bool,
    ) -> None:
        """A bad year range exits 2 with the usage line, with or without -o."""
        target = tmp_path / "holidays.csv"
        extra = ["-o", str(target)] if output else []
        with pytest.raises(SystemExit) as info:
            main(["holidays", *years, *extra])
        assert info.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith("usage: foi-deadlines holidays")
        assert f"foi-deadlines holidays: error: {message}" in err
        assert not target.exists()

    def test_the_supported_ends(self, capsys: pytest.CaptureFixture[str]) -> None:
        """2000 and 2100 are both supported."""
        assert run(capsys, "holidays", "2000")[0] == 0
        assert run(capsys, "holidays", "2100")[0] == 0


class TestFailures:
    def test_interrupted(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Ctrl-C prints one line and exits 130, without a traceback."""

        def command(_: object) -> int:
            raise KeyboardInterrupt

        monkeypatch.setitem(cli._COMMANDS, "due", command)
        try:
            result = run(capsys, "due", "2024-12-19")
        except KeyboardInterrupt:
            pytest.fail("KeyboardInterrupt escaped main()")
        assert result == (130, "", "foi-deadlines: interrupted\n")

    def test_a_directory(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A directory given as the tracker is one line on stderr, exit 1."""
        (tmp_path / "t.csv").mkdir()
        code, out, err = run(
            capsys, "batch", str(tmp_path / "t.csv"), "-o", str(tmp_path / "o.csv")
        )
        assert (code, out) == (1, "")
        assert err.startswith("foi-deadlines: error: ")
        assert err.count("\n") == 1

    def test_not_utf8(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A tracker that is not UTF-8 text is one line on stderr, exit 1."""
        source = tmp_path / "t.csv"
        source.write_bytes(b"Date received\n\xff\xfe2025-01-01\n")
        code, out, err = run(
            capsys, "batch", str(source), "-o", str(tmp_path / "o.csv")
        )
        assert (code, out) == (1, "")
        assert err.startswith("foi-deadlines: error: ")
        assert err.count("\n") == 1

    def test_undecodable_text_is_named(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Text a command cannot decode is reported as not UTF-8, exit 1."""

        def command(_: object) -> int:
            raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")

        monkeypatch.setitem(cli._COMMANDS, "batch", command)
        code, out, err = run(capsys, "batch", "t.csv", "-o", "o.csv")
        assert (code, out) == (1, "")
        assert err.startswith("foi-deadlines: error: a file is not UTF-8 text (")
        assert err.count("\n") == 1

    def test_not_a_workbook(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A .xlsx that is not a workbook is one line on stderr, exit 1."""
        source = tmp_path / "t.xlsx"
        source.write_text("not a workbook", encoding="utf-8")
        code, out, err = run(
            capsys, "batch", str(source), "-o", str(tmp_path / "o.xlsx")
        )
        assert (code, out) == (1, "")
        assert err.startswith("foi-deadlines: error: ")
        assert err.count("\n") == 1

    def test_permission_denied(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A file that cannot be opened is one line on stderr, exit 1."""

        def command(_: object) -> int:
            raise PermissionError(13, "Permission denied", "t.csv")

        monkeypatch.setitem(cli._COMMANDS, "batch", command)
        code, out, err = run(capsys, "batch", "t.csv", "-o", "o.csv")
        assert (code, out) == (1, "")
        assert err == "foi-deadlines: error: [Errno 13] Permission denied: 't.csv'\n"

    def test_usage_error_inside_a_command(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A usage error found by a command shows that command's usage, exit 2."""
        with pytest.raises(SystemExit) as info:
            main(["batch", "t.csv", "-o", "o.csv", "--column", "received"])
        assert info.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith("usage: foi-deadlines batch")
        assert "--column takes FIELD=HEADER" in err
