"""The daily digest: its lists, their order, and its text, Markdown and JSON."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from foi_deadlines import Case, CaseEvent, InvalidInputError
from foi_deadlines.batch import TrackerRecord, read_tracker
from foi_deadlines.digest import Digest, daily_digest
from foi_deadlines.reminders import DeadlineKind

AS_OF = date(2025, 2, 10)
SAMPLE = Path(__file__).parents[1] / "docs" / "_static" / "reminders-tracker.csv"


def event(kind: str, on: date, **fields: object) -> CaseEvent:
    return CaseEvent(kind=kind, on=on, **fields)  # type: ignore[arg-type]


def case(reference: str, received: date, *events: CaseEvent, **options: Any) -> Case:
    found = Case.received(received, reference=reference, **options)
    for item in events:
        found = found.with_event(item)
    return found


def sample() -> Digest:
    table = read_tracker(SAMPLE, as_of=AS_OF)
    return daily_digest(table.records, as_of=AS_OF)


class TestLists:
    def test_overdue_most_overdue_first(self) -> None:
        """Overdue cases come worst first, by working days overdue."""
        digest = daily_digest(
            [
                case("B", date(2024, 12, 20)),
                case("A", date(2024, 12, 2)),
                case("C", date(2025, 1, 20)),
            ],
            as_of=AS_OF,
        )
        assert [(e.name, e.working_days) for e in digest.overdue] == [
            ("A", 26),
            ("B", 12),
        ]
        assert digest.overdue[0].status == "Overdue by 26 working days"
        assert digest.overdue[0].citation == "Freedom of Information Act 2000 s10(1)"

    def test_due_within_soonest_first(self) -> None:
        """Responses and reviews due within N working days, today's first."""
        review = case(
            "R",
            date(2024, 12, 9),
            event("response_sent", date(2025, 1, 6), outcome="refused"),
            event("review_requested", date(2025, 1, 15)),
        )
        digest = daily_digest(
            [
                case("Later", date(2025, 1, 20)),
                case("Today", date(2025, 1, 13)),
                review,
                case("Far", date(2025, 2, 3)),
            ],
            as_of=AS_OF,
        )
        assert [(e.name, e.kind, e.working_days) for e in digest.due_soon] == [
            ("Today", DeadlineKind.RESPONSE, 0),
            ("R", DeadlineKind.REVIEW, 2),
            ("Later", DeadlineKind.RESPONSE, 5),
        ]
        narrow = daily_digest(
            [case("Later", date(2025, 1, 20))], as_of=AS_OF, within_working_days=4
        )
        assert narrow.due_soon == ()

    def test_extended_response_is_named(self) -> None:
        """An extended response is listed as such."""
        eir = case(
            "E",
            date(2025, 1, 6),
            event("extension", date(2025, 1, 20)),
            regime="eir",
        )
        digest = daily_digest([eir], as_of=date(2025, 2, 26))
        assert [(e.kind, e.due) for e in digest.due_soon] == [
            (DeadlineKind.EXTENDED_RESPONSE, date(2025, 3, 3))
        ]

    def test_review_windows_closing(self) -> None:
        """Answered cases whose review request window closes soon are listed."""
        answered = case(
            "W",
            date(2024, 12, 9),
            event("response_sent", date(2024, 12, 16), outcome="provided"),
        )
        digest = daily_digest([answered], as_of=AS_OF)
        assert [(e.name, e.due, e.working_days) for e in digest.review_windows] == [
            ("W", date(2025, 2, 14), 4)
        ]
        assert daily_digest([answered], as_of=date(2025, 2, 17)).review_windows == ()

    def test_stopped_clocks(self) -> None:
        """Clocks stopped for more than N working days, longest first."""
        long = case(
            "Long", date(2024, 12, 2), event("clarification_sought", date(2024, 12, 4))
        )
        short = case(
            "Short", date(2025, 1, 27), event("fees_notice", date(2025, 1, 29))
        )
        digest = daily_digest([short, long], as_of=AS_OF)
        assert [
            (e.name, e.awaiting, e.since, e.working_days) for e in digest.stopped
        ] == [("Long", "clarification", date(2024, 12, 4), 44)]
        every = daily_digest([short, long], as_of=AS_OF, stopped_working_days=0)
        assert [(e.name, e.awaiting) for e in every.stopped] == [
            ("Long", "clarification"),
            ("Short", "fee"),
        ]

    def test_tracker_records(self) -> None:
        """Bad rows are listed with their reason, blank rows passed over."""
        records = [
            TrackerRecord(row=2, reference="A", case=case("A", date(2024, 12, 2))),
            TrackerRecord(row=3, reference="", case=None),
            TrackerRecord(row=4, reference="X", case=None, error="Received is blank"),
            TrackerRecord(row=5, reference="", case=case("", date(2024, 12, 20))),
        ]
        digest = daily_digest(records, as_of=AS_OF)
        assert digest.cases == 2
        assert [(e.name, e.row) for e in digest.overdue] == [("A", 2), ("row 5", 5)]
        assert [(r.row, r.error) for r in digest.unreadable] == [
            (4, "Received is blank")
        ]

    def test_closed_and_future_cases_are_quiet(self) -> None:
        """Closed cases are in no list; a case received after as_of is left out."""
        withdrawn = case("W", date(2024, 12, 2), event("withdrawn", date(2024, 12, 20)))
        digest = daily_digest([withdrawn, case("F", date(2025, 3, 3))], as_of=AS_OF)
        assert digest.cases == 1
        assert digest.overdue == digest.due_soon == ()
        assert digest.stopped == ()

    @pytest.mark.parametrize(
        ("option", "value"),
        [("within_working_days", -1), ("stopped_working_days", 2.5)],
    )
    def test_bad_counts(self, option: str, value: object) -> None:
        """The counts are whole numbers of 0 or more."""
        with pytest.raises(InvalidInputError, match=option):
            daily_digest([], as_of=AS_OF, **{option: value})  # type: ignore[arg-type]

    def test_not_a_case(self) -> None:
        """Only cases and tracker records are read."""
        with pytest.raises(InvalidInputError, match="cases"):
            daily_digest(["FOI-1"], as_of=AS_OF)  # type: ignore[list-item]


class TestRendering:
    def test_text_is_ascii(self) -> None:
        """The text is ASCII: typographic punctuation plain, accents dropped."""
        digest = daily_digest([case("Ré’f “1”", date(2024, 12, 2))], as_of=AS_OF)
        text = digest.to_text()
        assert text.isascii()
        assert 'Re\'f "1"  response  due Fri 3 Jan 2025' in text

    def test_sample_text(self) -> None:
        """The sample tracker's digest has every list, and wrapped problems."""
        text = sample().to_text()
        assert text.isascii()
        assert all(len(line) <= 78 for line in text.splitlines())
        assert "Overdue, most overdue first (2):" in text
        assert "Rows that could not be read (1):" in text

    def test_markdown(self) -> None:
        """Markdown has a heading, a table for each list, and escapes cells."""
        digest = daily_digest([case("FOI_1|2", date(2024, 12, 2))], as_of=AS_OF)
        markdown = digest.to_markdown()
        lines = markdown.splitlines()
        assert lines[0] == "# FOI deadlines digest for Monday 10 February 2025"
        assert "## Overdue, most overdue first (1)" in lines
        assert "| FOI\\_1\\|2 | response | Fri 3 Jan 2025 | 26 working days |" in lines
        assert lines.count("None.") == 4

    def test_sample_markdown_lists_unreadable_rows(self) -> None:
        """The sample's bad row is a table row with its problem."""
        markdown = sample().to_markdown()
        assert "| 10 | FOI 2025/009 | Date received must be a date" in markdown

    def test_json(self) -> None:
        """The JSON form holds every list, with ISO dates."""
        data = sample().to_dict()
        assert json.loads(json.dumps(data)) == data
        assert data["as_of"] == "2025-02-10"
        assert data["cases"] == 13
        assert data["overdue"][0] == {
            "reference": "FOI 2025/004",
            "row": 5,
            "regime": "foia",
            "deadline": "response",
            "due": "2025-01-03",
            "working_days": 26,
            "citation": "Freedom of Information Act 2000 s10(1)",
            "status": "Overdue by 26 working days",
        }
        assert [e["reference"] for e in data["due_soon"]] == [
            "FOI 2025/002",
            "FOI 2025/006",
            "FOI 2025/003",
        ]
        assert data["stopped"][0]["since"] == "2024-12-04"
        assert data["unreadable"][0]["row"] == 10

    def test_empty(self) -> None:
        """With nothing to report, each list says none."""
        text = daily_digest([], as_of=AS_OF).to_text()
        assert text.splitlines()[1] == "0 cases read."
        assert text.count(": none.") == 4
