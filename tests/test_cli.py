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
