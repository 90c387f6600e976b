"""The ``calendar`` and ``digest`` commands."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from foi_deadlines import Case, cases_to_json, cli
from foi_deadlines.case_json import case_to_json
from foi_deadlines.cli import main
from tests import ics

SAMPLE = Path(__file__).parents[1] / "docs" / "_static" / "reminders-tracker.csv"
AS_OF = "2025-02-10"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def tracker(tmp_path: Path) -> Path:
    """A copy of the docs' sample tracker."""
    return Path(shutil.copy(SAMPLE, tmp_path / "tracker.csv"))


def summaries(path: Path) -> dict[str, tuple[date, str, str]]:
    """Each event's title: its day, SEQUENCE and STATUS."""
    return {
        e.get("SUMMARY").text: (
            e.get("DTSTART").date,
            e.get("SEQUENCE").value,
            e.get("STATUS").value,
        )
        for e in ics.read(path.read_bytes()).all("VEVENT")
    }


class TestCalendar:
    def test_writes_the_sample(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """The sample tracker gives eleven events; the bad row is noted."""
        out_file = tmp_path / "deadlines.ics"
        code, out, err = run(
            capsys,
            "calendar",
            str(tracker(tmp_path)),
            "-o",
            str(out_file),
            "--as-of",
            AS_OF,
        )
        assert code == 0
        assert out == (
            f"11 events for 13 cases as of {AS_OF}, 0 cancellations; wrote {out_file}\n"
        )
        assert err.startswith(
            "foi-deadlines: note: row 10 (FOI 2025/009) could not be read, and has "
            "no events: Date received must be a date"
        )
        events = summaries(out_file)
        assert events["FOI 2025/002: response due"] == (
            date(2025, 2, 10),
            "0",
            "CONFIRMED",
        )
        assert "FOI 2025/010: response due" not in events  # withdrawn
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            "deadlines.ics",
            "tracker.csv",
        ]
        mask = os.umask(0)
        os.umask(mask)
        assert out_file.stat().st_mode & 0o777 == 0o666 & ~mask

    def test_second_export_updates_the_first(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """Run again on the same file: a moved deadline and a withdrawal update it."""
        source = tracker(tmp_path)
        out_file = tmp_path / "deadlines.ics"
        base = ("calendar", str(source), "-o", str(out_file))
        run(capsys, *base, "--as-of", AS_OF)
        first = out_file.read_bytes()
        assert run(capsys, *base, "--as-of", AS_OF)[0] == 0
        assert out_file.read_bytes() == first
        text = source.read_text(encoding="utf-8")
        text = text.replace(
            "FOI 2025/003,20/01/2025,FOI,,,",
            "FOI 2025/003,20/01/2025,FOI,22/01/2025,27/01/2025,",
        ).replace(
            "FOI 2025/002,13/01/2025,FOI,,,,,,,,,",
            "FOI 2025/002,13/01/2025,FOI,,,,,,,,11/02/2025,",
        )
        source.write_text(text, encoding="utf-8")
        code, out, _ = run(capsys, *base, "--as-of", "2025-02-11")
        assert code == 0
        assert "1 cancellation" in out
        events = summaries(out_file)
        assert events["FOI 2025/003: response due"] == (
            date(2025, 2, 24),
            "1",
            "CONFIRMED",
        )
        assert events["Cancelled: FOI 2025/002: response due"] == (
            date(2025, 2, 10),
            "1",
            "CANCELLED",
        )
        assert events["FOI 2025/006: review due"][1] == "0"

    def test_previous_option(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """--previous names the last export when the new file is elsewhere."""
        source = tracker(tmp_path)
        old = tmp_path / "old.ics"
        run(capsys, "calendar", str(source), "-o", str(old), "--as-of", AS_OF)
        source.write_text(
            source.read_text(encoding="utf-8").replace(
                "FOI 2025/012,", "FOI 2025/112,"
            ),
            encoding="utf-8",
        )
        new = tmp_path / "new.ics"
        code = run(
            capsys,
            "calendar",
            str(source),
            "-o",
            str(new),
            "--as-of",
            AS_OF,
            "--previous",
            str(old),
        )[0]
        assert code == 0
        events = summaries(new)
        assert events["Cancelled: FOI 2025/012: response due"][2] == "CANCELLED"
        assert events["FOI 2025/112: response due"][1] == "0"

    def test_unrelated_file_is_not_overwritten(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """An existing file that is not an export is refused, unless --force."""
        out_file = tmp_path / "personal.ics"
        out_file.write_bytes(
            b"BEGIN:VCALENDAR\r\nPRODID:-//Me//EN\r\nEND:VCALENDAR\r\n"
        )
        argv = (
            "calendar",
            str(tracker(tmp_path)),
            "-o",
            str(out_file),
            "--as-of",
            AS_OF,
        )
        code, out, err = run(capsys, *argv)
        assert (code, out) == (1, "")
        assert "is not a calendar written by foi-deadlines" in err
        assert "--force" in err
        assert out_file.read_bytes().startswith(b"BEGIN:VCALENDAR\r\nPRODID:-//Me")
        assert run(capsys, *argv, "--force")[0] == 0
        assert len(summaries(out_file)) == 11

    def test_options(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Reminders, their time and the id domain can be chosen; --json lists it."""
        out_file = tmp_path / "d.ics"
        code, out, _ = run(
            capsys,
            "calendar",
            str(tracker(tmp_path)),
            "-o",
            str(out_file),
            "--as-of",
            AS_OF,
            "--reminders",
            "3",
            "--reminder-time",
            "08:15",
            "--uid-domain",
            "foi.example.org",
            "--json",
        )
        assert code == 0
        data = json.loads(out)
        assert (data["events"], data["cancelled"], data["cases"]) == (11, 0, 13)
        written = {e["summary"]: e for e in data["written"]}
        soon = written["FOI 2025/003: response due"]
        assert soon["uid"] == "FOI%202025%2F003.response@foi.example.org"
        assert soon["reminders"] == ["2025-02-12T08:15:00+00:00"]
        code, out, _ = run(
            capsys,
            "calendar",
            str(tracker(tmp_path)),
            "-o",
            str(out_file),
            "--as-of",
            AS_OF,
            "--reminders",
            "none",
            "--json",
        )
        assert all(e["reminders"] == [] for e in json.loads(out)["written"])

    @pytest.mark.parametrize(
        ("option", "value"),
        [("--reminders", "0"), ("--reminders", "5,x"), ("--reminder-time", "9am")],
    )
    def test_bad_options_are_usage_errors(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        option: str,
        value: str,
    ) -> None:
        """A bad reminder count or time exits 2 with the usage."""
        with pytest.raises(SystemExit) as exit_info:
            main(
                ["calendar", str(SAMPLE), "-o", str(tmp_path / "x.ics"), option, value]
            )
        assert exit_info.value.code == 2
        assert "foi-deadlines calendar: error:" in capsys.readouterr().err

    def test_rows_without_a_reference(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A row without a reference is named after its row, with a note."""
        source = tmp_path / "t.csv"
        source.write_text("Ref,Received\n,06/01/2025\n", encoding="utf-8")
        out_file = tmp_path / "d.ics"
        code, _, err = run(
            capsys,
            "calendar",
            str(source),
            "-o",
            str(out_file),
            "--as-of",
            "2025-01-07",
        )
        assert code == 0
        assert "row 2 has no reference" in err
        assert list(summaries(out_file)) == ["row 2: response due"]

    def test_duplicate_references_are_refused(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """Two rows with one reference would share event ids: exit 1, no file."""
        source = tmp_path / "t.csv"
        source.write_text(
            "Ref,Received\nA,06/01/2025\nA,07/01/2025\n", encoding="utf-8"
        )
        out_file = tmp_path / "d.ics"
        code, _, err = run(
            capsys,
            "calendar",
            str(source),
            "-o",
            str(out_file),
            "--as-of",
            "2025-01-07",
        )
        assert code == 1
        assert "two cases have it" in err
        assert not out_file.exists()

    def test_json_cases(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """Cases can come as JSON, a list of them or a single one."""
        case = Case.received(date(2025, 1, 6), reference="J-1")
        many = tmp_path / "cases.json"
        many.write_text(json.dumps(cases_to_json([case])), encoding="utf-8")
        single = tmp_path / "case.json"
        single.write_text(json.dumps(case_to_json(case)), encoding="utf-8")
        for source in (many, single):
            out_file = tmp_path / f"{source.stem}.ics"
            code, _, _ = run(
                capsys,
                "calendar",
                str(source),
                "-o",
                str(out_file),
                "--as-of",
                "2025-01-07",
            )
            assert code == 0
            assert list(summaries(out_file)) == ["J-1: response due"]

    def test_bad_json(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A .json file that is not JSON exits 1 with one line."""
        source = tmp_path / "cases.json"
        source.write_text("{", encoding="utf-8")
        code, _, err = run(
            capsys, "calendar", str(source), "-o", str(tmp_path / "d.ics")
        )
        assert code == 1
        assert err.startswith(f"foi-deadlines: error: {source}: is not JSON")


class TestDigest:
    def test_text(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The digest prints the library's text."""
        code, out, err = run(capsys, "digest", str(SAMPLE), "--as-of", AS_OF)
        assert (code, err) == (0, "")
        assert out.startswith(
            "FOI deadlines digest for Monday 10 February 2025\n"
            "13 cases read; 1 row could not be read.\n"
        )
        assert "  FOI 2025/008  closes Fri 14 Feb 2025  4 working days left\n" in out

    def test_markdown_and_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format markdown gives tables; --json the data."""
        out = run(
            capsys, "digest", str(SAMPLE), "--as-of", AS_OF, "--format", "markdown"
        )[1]
        assert out.startswith("# FOI deadlines digest for Monday 10 February 2025\n")
        data = json.loads(
            run(capsys, "digest", str(SAMPLE), "--as-of", AS_OF, "--json")[1]
        )
        assert [e["reference"] for e in data["overdue"]] == [
            "FOI 2025/004",
            "FOI 2025/013",
        ]

    def test_within_and_stopped(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--within and --stopped set the two thresholds."""
        out = run(
            capsys,
            "digest",
            str(SAMPLE),
            "--as-of",
            AS_OF,
            "--within",
            "0",
            "--stopped",
            "50",
            "--json",
        )[1]
        data = json.loads(out)
        assert [e["reference"] for e in data["due_soon"]] == ["FOI 2025/002"]
        assert data["stopped"] == []

    def test_tracker_options(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """The tracker options of batch apply: a named column and a heading row."""
        source = tmp_path / "t.csv"
        source.write_text(
            "Team log\nCase,Date in,Kind\nE-1,06/01/2025,EIR\n", encoding="cp1252"
        )
        code, out, _ = run(
            capsys,
            "digest",
            str(source),
            "--as-of",
            "2025-01-30",
            "--header-row",
            "2",
            "--column",
            "received=Date in",
            "--column",
            "regime=Kind",
            "--column",
            "reference=Case",
            "--encoding",
            "cp1252",
            "--json",
        )
        assert code == 0
        assert json.loads(out)["due_soon"][0]["regime"] == "eir"

    def test_today_is_the_default(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without --as-of the digest is for today in the UK."""
        monkeypatch.setattr(cli, "_now", lambda: datetime(2025, 2, 10, 7, tzinfo=UTC))
        out = run(capsys, "digest", str(SAMPLE))[1]
        assert out.startswith("FOI deadlines digest for Monday 10 February 2025\n")


class TestOptionalExtra:
    def run_python(self, code: str) -> tuple[int, str, str]:
        result = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=False,
            cwd=Path(__file__).parents[1],
            timeout=60,
        )
        return result.returncode, result.stdout, result.stderr

    def test_command_line_does_not_import_icalendar(self) -> None:
        """The command line imports icalendar only for the calendar command."""
        code = "import sys, foi_deadlines.cli; print('icalendar' in sys.modules)"
        assert self.run_python(code)[1].strip() == "False"

    def test_without_the_extra(self, tmp_path: Path) -> None:
        """Without icalendar, the calendar command says which extra to install."""
        code = (
            "import sys; sys.modules['icalendar'] = None; "
            "from foi_deadlines.cli import main; "
            f"sys.exit(main(['calendar', {str(SAMPLE)!r}, '-o', "
            f"{str(tmp_path / 'd.ics')!r}, '--as-of', '2025-02-10']))"
        )
        status, _, err = self.run_python(code)
        assert status == 1
        assert err.strip().endswith(
            "foi-deadlines: error: calendar files need icalendar: "
            "pip install 'foi-deadlines[ical]'"
        )
        assert not (tmp_path / "d.ics").exists()
