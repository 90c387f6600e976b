"""Tests for the foi-deadlines command line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from foi_deadlines.cli import main


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
        out = run(capsys, "due", "06/01/2025", "--clarified-on", "20/01/2025")[1]
        assert out.splitlines()[0] == "2025-02-17"
        out = run(
            capsys,
            "due",
            "2025-03-03",
            "--fee-notice-on",
            "2025-03-10",
            "--fee-paid-on",
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
            "--fee-notice-on",
            "2025-03-10",
            "--fee-paid-on",
            "2025-03-24",
        )[1]
        assert "Mon 17 Mar 2025  paused" in out


class TestReview:
    def test_window_and_check(self, capsys: pytest.CaptureFixture[str]) -> None:
        """review gives the window, checks a request and gives the review's due date."""
        code, out, _ = run(
            capsys, "review", "2024-12-19", "--requested-on", "2025-02-24"
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
                capsys, "review", "2024-12-19", "--requested-on", "2025-01-10", "--json"
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
            "--response-due-on",
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
