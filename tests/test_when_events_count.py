"""When an event counts: worked examples of the law on windows, lapses and status.

Each test is a worked example with the provision it follows. An event the law does
not let take effect (too late, or answering one that had no effect) stays in the
timeline, moves no date, and the explanation says so; a timeline that cannot be
true is refused when it is made; a case that is made has a status on every day.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from foi_deadlines import (
    Case,
    CaseDataError,
    CaseEvent,
    EventKind,
    InvalidInputError,
    OutsideCalendarRangeError,
    Policies,
    StatusCode,
    TimelineError,
    aggregation_window,
    case_from_json,
    case_to_json,
    compliance_stats,
    response_deadlines,
    response_due,
    spreadsheet,
)
from foi_deadlines.batch import fill_tracker
from foi_deadlines.cli import main


def d(text: str) -> date:
    return date.fromisoformat(text)


def ev(kind: str, on: str, **fields: Any) -> CaseEvent:
    """An event, with ISO dates for brevity."""
    if "estimate" in fields:
        fields["estimate"] = d(fields["estimate"])
    if kind == "response_sent":
        fields.setdefault("outcome", "provided")
    if kind == "review_outcome":
        fields.setdefault("outcome", "upheld")
    return CaseEvent(kind=kind, on=d(on), **fields)


def case(*events: CaseEvent, **options: Any) -> Case:
    return Case(events=events, **options)


def no_effect(case: Case) -> list[str]:
    """The descriptions of the case's response-stage events that had no effect."""
    stage = case.deadlines().response
    assert stage is not None
    return [e.description for e in stage.events if e.kind is EventKind.NO_EFFECT]


class TestLateNotices:
    def test_eir_extension_after_the_reply(self) -> None:
        """An EIR extension recorded after a late reply does not make it timely.

        EIR reg 7(3): notice of an extension is given no later than 20 working days
        after receipt. Received Mon 3 Mar 2025, due Tue 1 Apr; answered 10 Apr.
        """
        late = case(
            ev("received", "2025-03-03"),
            ev("response_sent", "2025-04-10"),
            ev("extension", "2025-04-11"),
            regime="eir",
        )
        assert late.status(d("2025-05-01")).code is StatusCode.RESPONDED_LATE
        stats = compliance_stats(
            [late], d("2025-01-01"), d("2025-12-31"), as_of=d("2025-05-01")
        )
        assert (stats.late, stats.timely) == (1, 0)

    def test_eir_extension_notified_after_day_20(self) -> None:
        """An EIR extension notified on day 21 has no effect; it says so (reg 7(3))."""
        built = case(
            ev("received", "2025-03-03"),
            ev("extension", "2025-04-02"),
            ev("response_sent", "2025-04-10"),
            regime="eir",
        )
        status = built.status(d("2025-05-01"))
        assert status.code is StatusCode.RESPONDED_LATE
        assert status.deadline is not None
        assert status.deadline.due == d("2025-04-01")
        assert no_effect(built) == [
            "An extension on Wed 2 Apr 2025, after the last day for notice of an "
            "extension (Tue 1 Apr 2025): no effect (EIR reg 7(3))."
        ]
        assert "no effect (EIR reg 7(3))" in status.deadline.explain()

    def test_eir_extension_on_day_20_counts(self) -> None:
        """Notified on day 20 itself, the extension runs to day 40 (reg 7(1), 7(3))."""
        built = case(
            ev("received", "2025-03-03"),
            ev("extension", "2025-04-01"),
            ev("response_sent", "2025-04-10"),
            regime="eir",
        )
        assert built.status(d("2025-05-01")).code is (
            StatusCode.RESPONDED_WITHIN_EXTENSION
        )

    def test_foia_public_interest_notice_after_day_20(self) -> None:
        """A public interest notice after day 20 does not extend time (s17(1)-(2)).

        Received Mon 3 Feb 2025: the refusal notice was due Mon 3 Mar.
        """
        built = case(
            ev("received", "2025-02-03"),
            ev("public_interest_extension", "2025-03-04", estimate="2025-04-01"),
            ev("response_sent", "2025-03-20"),
        )
        assert built.status(d("2025-05-01")).code is StatusCode.RESPONDED_LATE
        assert no_effect(built)[0].startswith(
            "A public interest extension on Tue 4 Mar 2025, after the end of the time "
            "for complying (Mon 3 Mar 2025): no effect (FOIA s17(1)-(2))"
        )
        stage = response_deadlines(
            d("2025-02-03"),
            extended_on=d("2025-03-04"),
            public_interest_estimate=d("2025-04-01"),
        )
        assert stage.response is not None
        assert stage.response.due == d("2025-03-03")
        assert stage.public_interest is None

    def test_subject_access_extension_after_the_first_month(self) -> None:
        """A subject access extension notified after the month counts for nothing.

        UK GDPR Art 12A(4): notice before the end of one month beginning with the
        relevant time. Received Mon 2 Mar 2026, due Thu 2 Apr; notified 6 Apr.
        """
        built = case(
            ev("received", "2026-03-02"),
            ev("extension", "2026-04-06"),
            ev("response_sent", "2026-05-01"),
            regime="sar",
        )
        assert built.status(d("2026-06-01")).code is StatusCode.RESPONDED_LATE
        assert response_due(
            d("2026-03-02"), regime="sar", extended_on=d("2026-04-06")
        ).due == d("2026-04-02")
        assert response_due(
            d("2026-03-02"), regime="sar", extended_on=d("2026-03-30")
        ).due == d("2026-06-02")


class TestLateClarification:
    @pytest.mark.parametrize(
        ("regime", "due", "law"),
        [
            ("eir", "2025-04-01", "EIR reg 9(2)"),
            ("foia", "2025-04-01", "FOIA s1(3), s10(1)"),
            ("foisa", "2025-03-31", "FOISA s1(3), s10(1)"),
            ("eisr", "2025-03-31", "EISR reg 9(2)"),
        ],
    )
    def test_sought_after_day_20_does_not_restart(
        self, regime: str, due: str, law: str
    ) -> None:
        """Particulars sought after day 20 restart nothing; the request is overdue."""
        built = case(
            ev("received", "2025-03-03"),
            ev("clarification_sought", "2025-04-02"),
            ev("clarification_received", "2025-04-09"),
            regime=regime,
        )
        status = built.status(d("2025-04-10"))
        assert status.code is StatusCode.OVERDUE
        assert status.deadline is not None
        assert status.deadline.due == d(due)
        found = no_effect(built)
        assert law in found[0]
        assert "it answers had no effect" in found[1]

    def test_late_fees_notice_is_answered_the_same_way(self) -> None:
        """A fees notice after the time for complying has no effect (s9(1))."""
        built = case(ev("received", "2025-03-03"), ev("fees_notice", "2025-04-02"))
        status = built.status(d("2025-04-10"))
        assert status.code is StatusCode.OVERDUE
        assert "no effect (FOIA s9(1))" in no_effect(built)[0]
        assert response_due(d("2025-03-03"), fee_notice_on=d("2025-04-30")).due == d(
            "2025-04-01"
        )


class TestSubjectAccessPauses:
    def test_pause_before_the_relevant_time(self) -> None:
        """A pause wholly before the relevant time moves nothing (Art 12A(2), (5))."""
        built = case(
            ev("received", "2026-03-02"),
            ev("clarification_sought", "2026-03-05"),
            ev("clarification_received", "2026-03-10"),
            ev("identity_confirmed", "2026-03-20"),
            regime="sar",
        )
        stage = built.deadlines().response
        assert stage is not None
        assert stage.response is not None
        assert stage.response.due == d("2026-04-20")

    def test_pause_after_the_notice_period(self) -> None:
        """A pause begun after the notice period moves the response, not the notice."""
        built = case(
            ev("received", "2026-03-02"),
            ev("extension", "2026-03-20"),
            ev("clarification_sought", "2026-04-10"),
            ev("clarification_received", "2026-04-20"),
            regime="sar",
        )
        stage = built.deadlines().response
        assert stage is not None
        assert stage.extension_notice is not None
        assert stage.response is not None
        assert stage.extension_notice.due == d("2026-04-02")
        # 2 Jun + 11 days = Sat 13 Jun, rolled to Mon 15 Jun (England and Wales).
        assert stage.response.due == d("2026-06-15")

    def test_pause_on_the_due_day_is_accepted(self) -> None:
        """Clarification sought on the library's own due date is taken, not refused."""
        due = response_due(
            d("2026-03-02"),
            regime="sar",
            clarification_sought_on=d("2026-03-09"),
            clarified_on=d("2026-03-13"),
        ).due
        assert due == d("2026-04-07")
        built = case(
            ev("received", "2026-03-02"),
            ev("clarification_sought", "2026-03-09"),
            ev("clarification_received", "2026-03-13"),
            ev("clarification_sought", "2026-04-07"),
            ev("clarification_received", "2026-04-07"),
            regime="sar",
        )
        stage = built.deadlines().response
        assert stage is not None
        assert stage.response is not None
        assert stage.response.due == d("2026-04-08")

    def test_pause_after_the_period_has_no_effect(self) -> None:
        """Clarification sought after the month ended does not pause it."""
        assert response_due(
            d("2026-03-02"),
            regime="sar",
            clarification_sought_on=d("2026-04-06"),
            clarified_on=d("2026-04-10"),
        ).due == d("2026-04-02")


class TestEveryCaseHasAStatus:
    def test_fee_unpaid_for_three_months_lapses(self) -> None:
        """Unpaid within three months beginning with the notice, it lapses (s9(2))."""
        built = case(ev("received", "2025-03-03"), ev("fees_notice", "2025-03-10"))
        assert built.status(d("2025-06-09")).code is StatusCode.AWAITING_FEE
        assert built.status(d("2025-06-10")).code is StatusCode.LAPSED
        assert built.status(d("2025-09-01")).code is StatusCode.LAPSED

    def test_fee_paid_late(self) -> None:
        """A fee paid after the window: lapsed, the payment has no effect."""
        built = case(
            ev("received", "2025-03-03"),
            ev("fees_notice", "2025-03-10"),
            ev("fee_paid", "2025-06-20"),
        )
        status = built.status(d("2025-07-01"))
        assert status.code is StatusCode.LAPSED
        assert "lapsed on 2025-06-10" in status.detail

    def test_eir_advance_payment_lapses_after_60_working_days(self) -> None:
        """EIR reg 8(5): not paid within 60 working days, there is no duty."""
        built = case(
            ev("received", "2025-03-03"), ev("fees_notice", "2025-03-10"), regime="eir"
        )
        # 60 working days on the UK calendar (17 Mar, Easter, two May holidays).
        assert built.status(d("2025-06-09")).code is StatusCode.AWAITING_FEE
        assert built.status(d("2025-06-10")).code is StatusCode.LAPSED

    def test_answered_while_waiting_is_answered(self) -> None:
        """A response sent while a fee or clarification was awaited is in time."""
        for waiting in (
            ev("fees_notice", "2025-03-10"),
            ev("clarification_sought", "2025-03-05"),
        ):
            built = case(
                ev("received", "2025-03-03"), waiting, ev("response_sent", "2025-04-20")
            )
            assert built.status(d("2025-07-01")).code is StatusCode.RESPONDED_IN_TIME

    def test_compliance_uses_only_events_by_as_of(self) -> None:
        """A response dated after as_of is not counted; the request is still open."""
        built = case(ev("received", "2025-01-06"), ev("response_sent", "2025-03-01"))
        stats = compliance_stats(
            [built], d("2025-01-01"), d("2025-03-31"), as_of=d("2025-02-15")
        )
        assert (stats.responded, stats.open_overdue) == (0, 1)

    def test_compliance_never_raises_on_valid_cases(self) -> None:
        """Answered while waiting, a review with no outcome: figures, not errors."""
        cases = [
            case(
                ev("received", "2025-03-03"),
                ev("fees_notice", "2025-03-10"),
                ev("response_sent", "2025-04-01"),
            ),
            case(
                ev("received", "2025-03-03"),
                ev("response_sent", "2025-03-20"),
                ev("review_requested", "2025-03-25"),
                ev("review_outcome", "2025-04-10"),
            ),
            case(ev("received", "2025-03-03"), ev("review_requested", "2025-04-10")),
        ]
        stats = compliance_stats(
            cases, d("2025-01-01"), d("2025-12-31"), as_of=d("2025-06-01")
        )
        assert (stats.received, stats.responded, stats.in_time) == (3, 2, 2)
        assert (stats.reviews_requested, stats.reviews_in_time) == (2, 1)

    def test_as_of_after_2100_is_refused_clearly(self) -> None:
        """A day beyond the supported span is an error naming as_of, not a KeyError."""
        built = case(ev("received", "2025-01-06"))
        with pytest.raises(OutsideCalendarRangeError, match=r"^as_of is 2101-01-05"):
            built.status(d("2101-01-05"))

    def test_last_supported_day_has_a_status(self) -> None:
        """A request received on 31 Dec 2100 has a deadline, counted into 2101."""
        built = case(ev("received", "2100-12-31"))
        status = built.status(d("2100-12-31"))
        assert status.code is StatusCode.IN_TIME
        assert status.deadline is not None
        assert status.deadline.provisional

    def test_timestamp_on_another_day_is_refused(self) -> None:
        """An event's timestamp must fall on its UK date; JSON round-trips it."""
        with pytest.raises(InvalidInputError, match=r"^at must be a timestamp"):
            CaseEvent(
                kind="received",
                on=d("2025-01-06"),
                at=datetime(2025, 1, 7, 9, tzinfo=UTC),
            )
        stamped = Case(
            events=[
                CaseEvent.at_time("received", datetime(2025, 6, 1, 23, 30, tzinfo=UTC))
            ]
        )
        assert stamped.received_on == d("2025-06-02")
        again = case_from_json(json.loads(json.dumps(case_to_json(stamped))))
        assert again == stamped

    def test_json_import_refuses_what_construction_refuses(self) -> None:
        """An impossible timeline is refused on import, at the event's own index."""
        document = {
            "version": 1,
            "regime": "foia",
            "events": [
                {"kind": "fee_paid", "date": "2025-03-10"},
                {"kind": "received", "date": "2025-03-03"},
            ],
        }
        with pytest.raises(CaseDataError, match=r"^events\[0\].*no fees notice open"):
            case_from_json(document)


class TestLegitimateTimelines:
    def test_second_subject_access_clarification(self) -> None:
        """Two clarifications pause the clock twice (Art 12A(5))."""
        built = case(
            ev("received", "2026-03-02"),
            ev("clarification_sought", "2026-03-09"),
            ev("clarification_received", "2026-03-13"),
            ev("clarification_sought", "2026-03-23"),
            ev("clarification_received", "2026-03-24"),
            regime="sar",
        )
        stage = built.deadlines().response
        assert stage is not None
        assert stage.response is not None
        assert stage.response.due == d("2026-04-09")

    def test_school_with_a_fees_notice(self) -> None:
        """A school's time is paused by a fees notice (SI 2004/3364 reg 3; s10(2))."""
        built = case(
            ev("received", "2025-03-03"),
            ev("fees_notice", "2025-03-10"),
            ev("fee_paid", "2025-03-24"),
            body="school",
        )
        stage = built.deadlines().response
        assert stage is not None
        assert stage.response is not None
        # 60th working day (2 Jun) and the 10 working days paused: Mon 16 Jun.
        assert stage.response.due == d("2025-06-16")

    def test_school_with_a_public_interest_extension(self) -> None:
        """s10(3) still applies to a school: 20 more working days after its time."""
        built = case(
            ev("received", "2025-03-03"),
            ev("public_interest_extension", "2025-03-20"),
            body="school",
        )
        stage = built.deadlines().response
        assert stage is not None
        assert stage.refusal_notice is not None
        assert stage.response is not None
        assert stage.refusal_notice.due == d("2025-06-02")
        assert stage.response.due == d("2025-06-30")

    def test_foia_review_before_any_response(self) -> None:
        """A review asked for when no response came is accepted; its clock runs."""
        built = case(ev("received", "2025-03-03"), ev("review_requested", "2025-04-10"))
        review = built.deadlines().review
        assert review is not None
        assert review.due == d("2025-05-13")
        assert built.status(d("2025-04-15")).code is StatusCode.OVERDUE

    def test_second_fees_notice(self) -> None:
        """Two fees notices, each paid, pause the clock twice."""
        built = case(
            ev("received", "2025-03-03"),
            ev("fees_notice", "2025-03-05"),
            ev("fee_paid", "2025-03-07"),
            ev("fees_notice", "2025-03-12"),
            ev("fee_paid", "2025-03-14"),
        )
        stage = built.deadlines().response
        assert stage is not None
        assert stage.response is not None
        assert stage.response.due == d("2025-04-09")

    def test_foisa_overdue_review_opens_the_commissioner(self) -> None:
        """No review outcome in time: six months from its expiry (s47(4)(b))."""
        built = case(
            ev("received", "2025-03-03"),
            ev("response_sent", "2025-03-20"),
            ev("review_requested", "2025-04-01"),
            regime="foisa",
        )
        deadlines = built.deadlines()
        assert deadlines.review is not None
        assert deadlines.regulator is not None
        assert deadlines.review.due == d("2025-04-30")
        assert deadlines.regulator.due == d("2025-10-30")
        assert built.status(d("2025-05-20")).code is StatusCode.REVIEW_OVERDUE
        current = built.current_deadline(d("2025-05-20"))
        assert current is not None
        assert current.clock_id == "foisa.sic_application"


class TestOneAnswerOnEverySurface:
    def test_extended_row(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """FOIA, received 6 Jan 2025, extended, as of 10 Feb: in time everywhere."""
        assert (
            spreadsheet.case_status(
                "06/01/2025", None, "10/02/2025", "foia", None, None, None, None, "yes"
            )
            == "in_time"
        )
        assert (
            main(["status", "2025-01-06", "--extended", "--as-of", "2025-02-10"]) == 0
        )
        assert capsys.readouterr().out.startswith("in_time\n")
        source = tmp_path / "t.csv"
        source.write_text("Date received,Extended\n2025-01-06,yes\n", encoding="utf-8")
        fill_tracker(source, tmp_path / "o.csv", as_of=d("2025-02-10"))
        written = (tmp_path / "o.csv").read_text(encoding="utf-8")
        assert ",in_time," in written


class TestTrueExplanations:
    def test_aggregation_names_the_day_of_receipt(self) -> None:
        """The aggregation window starts on the first request's day of receipt."""
        text = aggregation_window(d("2025-01-06")).explain()
        assert "First day of the period: Monday 6 January 2025" in text
        assert "Day 0" not in text

    def test_deemed_receipt_is_described_as_deemed(self) -> None:
        """Under P1 next_working_day, day 0 is the day taken as received."""
        text = response_due(
            d("2024-12-28"), policies=Policies(receipt="next_working_day")
        ).explain()
        assert "Received: Saturday 28 December 2024." in text
        assert (
            "Day 0: Monday 30 December 2024, the day the request is taken as received "
            "(policy P1 next_working_day)."
        ) in text

    def test_no_line_twice(self) -> None:
        """An explanation never repeats a line."""
        for deadline in (
            response_due(d("2025-07-14"), body="school"),
            response_due(d("2025-02-03"), public_interest_estimate=d("2025-06-01")),
            response_due(d("2026-03-02"), regime="sar", extended=True),
        ):
            lines = deadline.explain().splitlines()
            assert len(lines) == len(set(lines))

    def test_subject_access_before_2026_speaks_the_old_law(self) -> None:
        """A 2025 request is explained by Art 12(3) as it stood, not by Art 12A."""
        text = response_due(
            d("2025-06-02"),
            regime="sar",
            identity_confirmed_on=d("2025-06-09"),
            extended=True,
        ).explain()
        assert "Art 12A" not in text
        assert "relevant time" not in text
        assert "within three months of receipt of the request" in text

    def test_foisa_fees_pause_is_s10_3(self) -> None:
        """FOISA disregards the fee days under s10(3); s10(2) is the Keeper's."""
        text = response_due(
            d("2025-03-03"),
            regime="foisa",
            fee_notice_on=d("2025-03-10"),
            fee_paid_on=d("2025-03-12"),
        ).explain()
        assert "FOISA s10(3)" in text
        assert "s10(2)" not in text


class TestOverdueWorkingDays:
    def test_a_saturday_adds_none(self) -> None:
        """Due Friday: on Saturday overdue by 0 working days, on Monday by 1."""
        built = case(ev("received", "2025-01-31"))
        due = built.deadlines().response
        assert due is not None
        assert due.response is not None
        assert due.response.due == d("2025-02-28")
        saturday = built.status(d("2025-03-01"))
        assert (saturday.code, saturday.working_days_overdue) == (
            StatusCode.OVERDUE,
            0,
        )
        assert built.status(d("2025-03-03")).working_days_overdue == 1


def test_status_needs_a_day_after_receipt() -> None:
    """A status before the request was received is refused, naming as_of."""
    with pytest.raises(InvalidInputError, match=r"^as_of must be a day on or after"):
        case(ev("received", "2025-03-03")).status(d("2025-03-01"))


def test_impossible_public_interest_estimate() -> None:
    """An estimate on or before the notice's own day cannot be true (s17(2))."""
    with pytest.raises(InvalidInputError, match="estimate must be a day after"):
        ev("public_interest_extension", "2025-03-04", estimate="2025-03-04")
    with pytest.raises(TimelineError, match="no limit to fall back on"):
        case(
            ev("received", "2025-03-03"),
            ev("public_interest_extension", "2025-03-04"),
            policies=Policies(public_interest_cap=None),
        )
