"""Tests for cases: timelines, derived deadlines and status, JSON, portfolios."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

from foi_deadlines import (
    Case,
    CaseDataError,
    CaseEvent,
    CaseEventKind,
    HolidayData,
    InvalidInputError,
    Policies,
    Regime,
    StatusCode,
    TimelineError,
    by_status,
    case_from_json,
    case_json,
    case_to_json,
    cases_from_json,
    cases_to_json,
    changed_deadlines,
    compliance_stats,
    due_within,
    overdue,
)
from foi_deadlines.case_json import json_schema


def d(text: str) -> date:
    return date.fromisoformat(text)


def ev(kind: str, on: str, **fields: Any) -> CaseEvent:
    """An event, with ISO dates for brevity."""
    if "estimate" in fields:
        fields["estimate"] = d(fields["estimate"])
    return CaseEvent(kind=kind, on=d(on), **fields)


def case(*events: CaseEvent, **options: Any) -> Case:
    return Case(events=events, **options)


class TestTimeline:
    def test_adding_returns_a_new_case(self) -> None:
        """Adding an event leaves the original case unchanged."""
        first = Case.received(d("2025-01-06"))
        second = first.with_event(ev("clarification_sought", "2025-01-08"))
        assert len(first.events) == 1
        assert len(second.events) == 2

    def test_order_of_adding_does_not_matter(self) -> None:
        """The same events make the same case whatever order they come in."""
        events = [
            ev("received", "2025-01-06"),
            ev("clarification_sought", "2025-01-08"),
            ev("clarification_received", "2025-01-20"),
            ev("response_sent", "2025-02-10", outcome="provided"),
        ]
        assert case(*events) == case(*reversed(events))
        assert hash(case(*events)) == hash(case(*reversed(events)))

    def test_same_day_events_in_the_order_they_happen(self) -> None:
        """On one day, a notice comes before its payment whatever the input order."""
        built = case(
            ev("fee_paid", "2025-03-10"),
            ev("fees_notice", "2025-03-10"),
            ev("received", "2025-03-03"),
        )
        assert [e.kind for e in built.events] == ["received", "fees_notice", "fee_paid"]

    def test_timestamp_receipt(self) -> None:
        """A timestamp is kept for the audit trail; its UK date is the day."""
        at = datetime(2025, 6, 1, 23, 30, tzinfo=UTC)
        built = Case.received(at, note="e-mail", actor="inbox")
        assert built.received_on == d("2025-06-02")
        assert built.events[0].at == at
        assert built.events[0].actor == "inbox"

    @pytest.mark.parametrize(
        ("events", "message"),
        [
            (
                [
                    ev("response_sent", "2025-03-01", outcome="provided"),
                    ev("received", "2025-03-03"),
                ],
                r"^events\[0\] is response_sent on 2025-03-01: the first event must be",
            ),
            (
                [ev("received", "2025-03-03"), ev("fee_paid", "2025-03-10")],
                r"events\[1\].*no fees notice open",
            ),
            (
                [
                    ev("received", "2025-03-03"),
                    ev("clarification_received", "2025-03-10"),
                ],
                r"no request for clarification open",
            ),
            (
                [
                    ev("received", "2025-03-03"),
                    ev("clarification_sought", "2025-03-04"),
                    ev("clarification_received", "2025-03-05"),
                    ev("clarification_received", "2025-03-06"),
                ],
                r"events\[3\].*no request for clarification open",
            ),
            (
                [
                    ev("received", "2025-03-03"),
                    ev("response_sent", "2025-03-10", outcome="provided"),
                    ev("response_sent", "2025-03-11", outcome="provided"),
                ],
                r"a second response",
            ),
            (
                [
                    ev("received", "2025-03-03"),
                    ev("withdrawn", "2025-03-05"),
                    ev("response_sent", "2025-03-10", outcome="provided"),
                ],
                r"closed by withdrawn on 2025-03-05",
            ),
            (
                [
                    ev("received", "2025-03-03"),
                    ev("response_sent", "2025-03-10", outcome="provided"),
                    ev("review_outcome", "2025-03-20", outcome="upheld"),
                ],
                r"no review requested",
            ),
            (
                [ev("received", "2025-03-03"), ev("extension", "2025-03-05")],
                r"FOIA 2000 has no such extension",
            ),
            (
                [ev("received", "2025-03-03"), ev("identity_confirmed", "2025-03-05")],
                r"identity evidence is a subject access rule",
            ),
            (
                [ev("received", "2025-03-03"), ev("received", "2025-03-05")],
                r"one 'received' event",
            ),
        ],
    )
    def test_impossible_timelines_are_refused(
        self, events: list[CaseEvent], message: str
    ) -> None:
        """A timeline that cannot be true is refused, naming the event and the rule."""
        with pytest.raises(TimelineError, match=message):
            case(*events)

    def test_public_interest_only_under_foia(self) -> None:
        """A public interest extension under FOISA is refused."""
        with pytest.raises(TimelineError, match="only FOIA"):
            case(
                ev("received", "2025-03-03"),
                ev("public_interest_extension", "2025-03-28", estimate="2025-04-20"),
                regime="foisa",
            )

    def test_future_events_refused_against_as_of(self) -> None:
        """check_as_of refuses an event after as_of; status reads the case as it was."""
        built = case(
            ev("received", "2025-03-03"),
            ev("response_sent", "2025-03-20", outcome="provided"),
        )
        with pytest.raises(
            TimelineError, match=r"events\[1\].*after as_of \(2025-03-10\)"
        ):
            built.check_as_of(d("2025-03-10"))
        status = built.status(d("2025-03-10"))
        assert status.code is StatusCode.IN_TIME
        assert status.later_events == 1
        assert status == attrs.evolve(
            built.known_on(d("2025-03-10")).status(d("2025-03-10")), later_events=1
        )

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            (
                {"kind": "replied", "on": d("2025-03-03")},
                r"^kind must be one of received",
            ),
            ({"kind": "received", "on": "2025-03-03"}, r"^on must be a datetime.date"),
            (
                {"kind": "response_sent", "on": d("2025-03-03")},
                r"^outcome must be one of provided",
            ),
            (
                {"kind": "received", "on": d("2025-03-03"), "outcome": "provided"},
                r"^outcome must be None",
            ),
            (
                {
                    "kind": "public_interest_extension",
                    "on": d("2025-03-03"),
                    "estimate": d("2025-03-03"),
                },
                r"^estimate must be a day after the notice of 2025-03-03",
            ),
            (
                {
                    "kind": "received",
                    "on": d("2025-03-03"),
                    "at": datetime(2025, 3, 4, 9, 0, tzinfo=UTC),
                },
                r"^at must be a timestamp whose UK date is the event's date",
            ),
            ({"kind": "received", "on": d("1999-03-03")}, r"^on is 1999-03-03"),
            (
                {"kind": "received", "on": d("2025-03-03"), "note": 5},
                r"^note must be a string",
            ),
        ],
    )
    def test_bad_events(self, fields: dict[str, Any], message: str) -> None:
        """An event with a bad field is refused with the field named."""
        with pytest.raises(Exception, match=message):
            CaseEvent(**fields)

    def test_bad_case_options(self) -> None:
        """Unknown regimes, bodies, divisions and presets are refused."""
        received = (ev("received", "2025-03-03"),)
        for options, message in (
            ({"regime": "foi"}, r"^regime must be one of"),
            ({"body": "college"}, r"^body must be"),
            ({"division": "wales"}, r"^division must be"),
            ({"policy": "strict"}, r"^preset must be"),
            ({"policies": {"receipt": "x"}}, r"^policies must be"),
        ):
            with pytest.raises(InvalidInputError, match=message):
                Case(events=received, **options)


class TestStatus:
    def test_open_case(self) -> None:
        """An open case is in time, due soon, or overdue by a number of working days."""
        built = Case.received(d("2024-12-19"))
        assert built.status(d("2025-01-06")).code is StatusCode.IN_TIME
        soon = built.status(d("2025-01-20"))
        assert soon.code is StatusCode.DUE_SOON
        assert soon.working_days_left == 2
        assert (
            built.status(d("2025-01-20"), due_soon_working_days=1).code
            is StatusCode.IN_TIME
        )
        on_the_day = built.status(d("2025-01-22"))
        assert on_the_day.working_days_left == 0
        late = built.status(d("2025-01-27"))
        assert late.code is StatusCode.OVERDUE
        assert late.working_days_overdue == 3

    def test_clock_stopped(self) -> None:
        """Waiting for a fee or a clarification is shown as such."""
        fee = case(ev("received", "2025-03-03"), ev("fees_notice", "2025-03-10"))
        status = fee.status(d("2025-05-01"))
        assert status.code is StatusCode.AWAITING_FEE
        assert status.deadline is not None
        assert status.deadline.clock_id == "foia.fee_payment"
        assert "16 working days remain" in status.detail
        clarify = case(
            ev("received", "2025-03-03"), ev("clarification_sought", "2025-03-04")
        )
        assert clarify.status(d("2025-06-01")).code is StatusCode.AWAITING_CLARIFICATION

    def test_clarification_restarts(self) -> None:
        """Once the clarification arrives the clock restarts from it."""
        built = case(
            ev("received", "2025-01-06"),
            ev("clarification_sought", "2025-01-08"),
            ev("clarification_received", "2025-01-20"),
        )
        deadlines = built.deadlines()
        assert deadlines.response is not None
        assert deadlines.response.response is not None
        assert deadlines.response.response.due == d("2025-02-17")

    def test_responded(self) -> None:
        """A response is in time, within an extension, or late."""
        received = ev("received", "2025-02-03")
        in_time = case(received, ev("response_sent", "2025-03-03", outcome="provided"))
        assert in_time.status(d("2025-04-01")).code is StatusCode.RESPONDED_IN_TIME
        late = case(received, ev("response_sent", "2025-03-05", outcome="provided"))
        status = late.status(d("2025-04-01"))
        assert status.code is StatusCode.RESPONDED_LATE
        assert "2 working days after 2025-03-03" in status.detail
        extended = case(
            received,
            ev("public_interest_extension", "2025-03-03", estimate="2025-03-20"),
            ev("response_sent", "2025-03-18", outcome="refused"),
        )
        assert (
            extended.status(d("2025-04-01")).code
            is StatusCode.RESPONDED_WITHIN_EXTENSION
        )

    def test_eir_extension(self) -> None:
        """An EIR reply after day 20 but within the reg 7 extension is within it."""
        built = case(
            ev("received", "2025-11-20"),
            ev("extension", "2025-12-10"),
            ev("response_sent", "2026-01-15", outcome="provided"),
            regime="eir",
        )
        assert (
            built.status(d("2026-02-01")).code is StatusCode.RESPONDED_WITHIN_EXTENSION
        )

    def test_review(self) -> None:
        """A review is open, then overdue, then closed with how it went."""
        built = case(
            ev("received", "2025-02-03"),
            ev("response_sent", "2025-03-03", outcome="refused"),
            ev("review_requested", "2025-04-14"),
        )
        assert built.status(d("2025-05-01")).code is StatusCode.REVIEW_OPEN
        overdue_status = built.status(d("2025-05-19"))
        assert overdue_status.code is StatusCode.REVIEW_OVERDUE
        assert overdue_status.working_days_overdue == 2
        extended = built.with_event(ev("review_extended", "2025-05-01"))
        assert extended.status(d("2025-05-19")).code is StatusCode.REVIEW_OPEN
        done = built.with_event(ev("review_outcome", "2025-05-16", outcome="upheld"))
        closed = done.status(d("2025-05-19"))
        assert closed.code is StatusCode.CLOSED
        assert "1 working day late" in closed.detail
        assert closed.deadline is not None
        assert closed.deadline.clock_id == "foia.ico_complaint"

    def test_closed(self) -> None:
        """Withdrawn and transferred requests are closed; a lapsed one is lapsed."""
        for closing, code in (
            ([ev("withdrawn", "2025-03-05")], StatusCode.CLOSED),
            ([ev("transferred", "2025-03-05")], StatusCode.CLOSED),
            (
                [
                    ev("fees_notice", "2025-03-05"),
                    ev("fees_notice_lapsed", "2025-06-05"),
                ],
                StatusCode.LAPSED,
            ),
        ):
            built = case(ev("received", "2025-03-03"), *closing)
            assert built.status(d("2025-07-01")).code is code
            assert built.deadlines().response is None

    def test_subject_access(self) -> None:
        """A subject access case rolls on the controller's calendar."""
        built = case(ev("received", "2024-02-29"), regime="sar", division="scotland")
        status = built.status(d("2024-03-25"))
        assert status.deadline is not None
        assert status.deadline.due == d("2024-04-01")

    def test_current_deadline(self) -> None:
        """The current deadline follows the case from response to complaint."""
        built = Case.received(d("2024-12-19"))
        now = built.current_deadline(d("2025-01-06"))
        assert now is not None
        assert now.clock_id == "foia.response"
        built = built.with_event(ev("response_sent", "2024-12-19", outcome="refused"))
        now = built.current_deadline(d("2025-01-06"))
        assert now is not None
        assert (now.clock_id, now.due) == ("foia.review_request", d("2025-02-19"))
        built = built.with_event(ev("review_requested", "2025-02-03"))
        now = built.current_deadline(d("2025-02-04"))
        assert now is not None
        assert now.clock_id == "foia.review"
        built = built.with_event(ev("review_outcome", "2025-02-28", outcome="upheld"))
        now = built.current_deadline(d("2025-03-03"))
        assert now is not None
        assert now.clock_id == "foia.ico_complaint"
        built = built.with_event(ev("complaint", "2025-03-20"))
        assert built.current_deadline(d("2025-03-21")) is None
        built = built.with_event(ev("decision_notice", "2025-08-15"))
        now = built.current_deadline(d("2025-08-20"))
        assert now is not None
        assert now.clock_id == "foia.tribunal_appeal"

    def test_new_holiday_moves_open_deadlines(self) -> None:
        """A holiday proclaimed later moves a case's deadline when recomputed."""
        built = Case.received(d("2027-06-01"))
        new = HolidayData.bundled().with_proclaimed(
            d("2027-06-07"), "Special", divisions=["northern-ireland"]
        )
        assert built.status(d("2027-06-02")).deadline.due == d("2027-06-29")  # type: ignore[union-attr]
        assert built.status(d("2027-06-02"), data=new).deadline.due == d("2027-06-30")  # type: ignore[union-attr]
        changes = changed_deadlines([built, Case.received(d("2025-01-06"))], after=new)
        assert {(c.clock_id, c.before, c.after) for c in changes} == {
            ("foia.response", d("2027-06-29"), d("2027-06-30")),
            ("foia.refusal_notice", d("2027-06-29"), d("2027-06-30")),
        }
        assert changed_deadlines([built], after=new, as_of=d("2027-07-01")) == []

    def test_bad_due_soon(self) -> None:
        """The due-soon threshold must be a whole number."""
        with pytest.raises(InvalidInputError, match="due_soon_working_days"):
            Case.received(d("2025-01-06")).status(
                d("2025-01-07"), due_soon_working_days=-1
            )


class TestJson:
    def full_case(self) -> Case:
        return case(
            CaseEvent.at_time(
                "received", datetime(2025, 1, 6, 9, 30, tzinfo=UTC), note="web form"
            ),
            ev("clarification_sought", "2025-01-08", actor="jo"),
            ev("clarification_received", "2025-01-20"),
            ev("public_interest_extension", "2025-02-14", estimate="2025-03-14"),
            ev("response_sent", "2025-03-10", outcome="partly"),
            ev("review_requested", "2025-03-20"),
            ev("review_outcome", "2025-04-10", outcome="partly_upheld"),
            reference="FOI/2025/001",
            policy="twenty-or-forty",
            policies=Policies(fee_pause="notice_day_counts", office_hours_cutoff=None),
        )

    def test_round_trip(self) -> None:
        """A case survives JSON unchanged, and the document fits the schema."""
        built = self.full_case()
        document = json.loads(json.dumps(case_to_json(built)))
        jsonschema.Draft202012Validator(json_schema()).validate(document)
        assert case_from_json(document) == built
        many = json.loads(
            json.dumps(cases_to_json([built, Case.received(d("2025-01-01"))]))
        )
        jsonschema.Draft202012Validator(json_schema()).validate(many)
        assert cases_from_json(many) == [built, Case.received(d("2025-01-01"))]

    def test_schema_lists_what_the_code_knows(self) -> None:
        """The schema's event kinds, regimes and policies are the library's."""
        defs = json_schema()["$defs"]
        assert defs["event"]["properties"]["kind"]["enum"] == [
            k.value for k in CaseEventKind
        ]
        assert defs["regime"]["enum"] == [r.value for r in Regime]
        assert set(defs["policies"]["properties"]) == set(attrs.fields_dict(Policies))

    def test_the_shipped_schema_file_is_up_to_date(self) -> None:
        """The copy in the package is the schema the code gives (make_schema.py)."""
        shipped = Path(case_json.__file__).parent / "data" / "case.schema.json"
        assert json.loads(shipped.read_text(encoding="utf-8")) == json_schema()

    @pytest.mark.parametrize(
        ("change", "path", "problem"),
        [
            (lambda doc: doc.update(version=2), r"^version", "expected version 1"),
            (lambda doc: doc.pop("regime"), r"^regime", "required field is missing"),
            (lambda doc: doc.update(colour="red"), r"^colour", "unknown field"),
            (
                lambda doc: doc["events"][1].update(date="2025-02-30"),
                r"^events\[1\]\.date",
                "YYYY-MM-DD",
            ),
            (
                lambda doc: doc["events"][1].pop("kind"),
                r"^events\[1\]\.kind",
                "missing",
            ),
            (
                lambda doc: doc["events"][4].update(outcome="yes"),
                r"^events\[4\]\.outcome",
                "one of provided",
            ),
            (
                lambda doc: doc["events"][0].update(at="2025-01-07T09:30:00+00:00"),
                r"^events\[0\]\.at",
                "UK date",
            ),
            (
                lambda doc: doc["policies"].update(fee_pause="never"),
                r"^policies\.fee_pause",
                "one of",
            ),
            (
                lambda doc: doc["policy"].update(request_window=0),
                r"^policy\.request_window",
                "whole number",
            ),
            (lambda doc: doc.update(events=[]), r"^events", "non-empty list"),
        ],
    )
    def test_bad_documents(self, change: Any, path: str, problem: str) -> None:
        """A bad document is refused whole, with the path to the bad field."""
        document = json.loads(json.dumps(case_to_json(self.full_case())))
        change(document)
        with pytest.raises(CaseDataError, match=f"{path}.*{problem}"):
            case_from_json(document)

    def test_timeline_error_names_the_document_index(self) -> None:
        """A timeline error points at the event's place in the document."""
        document = {
            "version": 1,
            "regime": "foia",
            "events": [
                {"kind": "fee_paid", "date": "2025-03-10"},
                {"kind": "received", "date": "2025-03-03"},
            ],
        }
        with pytest.raises(
            CaseDataError, match=r"^events\[0\]: a fee paid with no fees notice"
        ):
            case_from_json(document)

    def test_list_is_all_or_nothing(self) -> None:
        """One bad case in a list refuses the list, naming the case."""
        good = case_to_json(Case.received(d("2025-01-06")))
        document = cases_to_json([Case.received(d("2025-01-06"))])
        document["cases"].append({**good, "regime": "xyz"})
        with pytest.raises(CaseDataError, match=r"^cases\[1\]\.regime"):
            cases_from_json(document)


def portfolio() -> list[Case]:
    return [
        Case.received(d("2025-01-06"), reference="open"),
        Case.received(d("2024-12-02"), reference="overdue"),
        case(
            ev("received", "2024-12-02"),
            ev("response_sent", "2024-12-20", outcome="provided"),
            reference="done",
        ),
        case(
            ev("received", "2024-11-04"),
            ev("response_sent", "2024-12-10", outcome="refused"),
            reference="late",
        ),
        case(
            ev("received", "2024-11-04"),
            ev("public_interest_extension", "2024-12-02", estimate="2024-12-20"),
            ev("response_sent", "2024-12-18", outcome="refused"),
            ev("review_requested", "2024-12-20"),
            ev("review_outcome", "2025-01-10", outcome="overturned"),
            reference="extended",
        ),
        case(
            ev("received", "2024-12-09"),
            ev("withdrawn", "2024-12-10"),
            reference="withdrawn",
        ),
        case(
            ev("received", "2024-12-09"),
            ev("fees_notice", "2024-12-11"),
            reference="fee",
        ),
    ]


class TestPortfolio:
    def test_overdue_and_due_within(self) -> None:
        """Overdue cases and those due soon are found among many."""
        as_of = d("2025-01-15")
        assert [c.reference for c, _ in overdue(portfolio(), as_of)] == ["overdue"]
        assert [c.reference for c, _ in due_within(portfolio(), as_of, 15)] == ["open"]
        assert due_within(portfolio(), as_of, 5) == []

    def test_by_status(self) -> None:
        """Grouping puts every case in exactly one status."""
        groups = by_status(portfolio(), d("2025-01-15"))
        assert sum(len(v) for v in groups.values()) == len(portfolio())
        assert [c.reference for c in groups[StatusCode.RESPONDED_LATE]] == ["late"]
        assert [c.reference for c in groups[StatusCode.AWAITING_FEE]] == ["fee"]

    def test_compliance_stats(self) -> None:
        """Quarterly figures count requests received in the period."""
        stats = compliance_stats(
            portfolio(), d("2024-10-01"), d("2024-12-31"), as_of=d("2025-01-15")
        )
        assert stats.received == 6
        assert stats.responded == 3
        assert (stats.in_time, stats.within_extension, stats.late) == (1, 1, 1)
        assert (stats.open_overdue, stats.on_hold, stats.withdrawn) == (1, 1, 1)
        assert stats.percent_timely == pytest.approx(200 / 3)
        assert stats.reviews_requested == 1
        assert (stats.reviews_completed, stats.reviews_in_time) == (1, 1)
        assert stats.review_outcomes == (("overturned", 1),)

    def test_stats_period_must_run_forwards(self) -> None:
        """A period that ends before it starts is refused."""
        with pytest.raises(InvalidInputError, match="on or after start"):
            compliance_stats(
                [], d("2025-01-01"), d("2024-01-01"), as_of=d("2025-02-01")
            )


class TestRegressions:
    def test_same_kind_same_day_in_any_order(self) -> None:
        """Two events of one kind on one day make the same case in either order."""
        received = ev("received", "2025-01-01")
        first = ev("complaint", "2025-01-02", actor="0")
        second = ev("complaint", "2025-01-02")
        assert case(received, first, second) == case(received, second, first)

    def test_second_review_is_open(self) -> None:
        """A second review requested after the first one's outcome is open."""
        built = case(
            ev("received", "2025-01-06"),
            ev("response_sent", "2025-01-06", outcome="refused"),
            ev("review_requested", "2025-01-07"),
            ev("review_extended", "2025-01-08"),
            ev("review_outcome", "2025-01-10", outcome="upheld"),
            ev("review_requested", "2025-01-13"),
        )
        status = built.status(d("2025-01-20"))
        assert status.code is StatusCode.REVIEW_OPEN
        assert status.deadline is not None
        # The first review's complex-case extension does not carry over.
        assert status.deadline.due == d("2025-02-10")
        assert built.latest_review()[1] is None

    def test_two_subject_access_clarifications(self) -> None:
        """A second subject access clarification pauses the clock again."""
        built = case(
            ev("received", "2026-03-02"),
            ev("clarification_sought", "2026-03-09"),
            ev("clarification_received", "2026-03-13"),
            ev("clarification_sought", "2026-03-23"),
            ev("clarification_received", "2026-03-24"),
            regime="sar",
        )
        # 2 Apr + 5 days + 2 days = Thu 9 Apr 2026.
        stage = built.deadlines().response
        assert stage is not None
        assert stage.response is not None
        assert stage.response.due == d("2026-04-09")

    def test_refused_when_made(self) -> None:
        """Events a regime cannot have are refused when the case is made."""
        with pytest.raises(TimelineError, match="EISR reg 8"):
            case(
                ev("received", "2025-03-03"),
                ev("fees_notice", "2025-03-05"),
                regime="eisr",
            )
        with pytest.raises(TimelineError, match="fixed by law"):
            case(
                ev("received", "2025-03-03"),
                ev("response_sent", "2025-03-10", outcome="refused"),
                ev("review_requested", "2025-03-12"),
                ev("review_extended", "2025-03-13"),
                regime="eir",
            )
