"""Tests for response deadlines: worked examples, modifiers, refusals, explanations."""

from __future__ import annotations

import csv
import json
import warnings
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from foi_deadlines import (
    Body,
    ClockStoppedError,
    HolidayData,
    InvalidDateError,
    InvalidInputError,
    NotApplicableError,
    Policies,
    ProvisionalDateWarning,
    Regime,
    RequestLapsedError,
    TimelineError,
    aggregation_window,
    fee_payment_deadline,
    response_deadlines,
    response_due,
)

VECTORS = Path(__file__).parent / "golden" / "response_vectors.csv"


def d(text: str) -> date:
    return date.fromisoformat(text)


def term_days(bounds: list[str]) -> set[date]:
    """Weekdays within each pair of term start and end dates."""
    days: set[date] = set()
    for start, end in zip(bounds[::2], bounds[1::2], strict=True):
        day = d(start)
        while day <= d(end):
            if day.weekday() < 5:
                days.add(day)
            day += timedelta(days=1)
    return days


def options(raw: str) -> dict[str, Any]:
    """Keyword options for response_due from a vector's JSON column."""
    parsed: dict[str, Any] = json.loads(raw)
    kwargs: dict[str, Any] = {}
    for key, value in parsed.items():
        if key == "policies":
            kwargs["policies"] = Policies(**value)
        elif key == "term":
            kwargs["school_days"] = term_days(value)
        elif key.endswith("_on"):
            kwargs[key] = d(value)
        else:
            kwargs[key] = value
    return kwargs


def load_vectors() -> list[Any]:
    with VECTORS.open(encoding="utf-8") as f:
        return [pytest.param(row, id=row["vector"]) for row in csv.DictReader(f)]


class TestWorkedExamples:
    @pytest.mark.parametrize("row", load_vectors())
    def test_vector(self, row: dict[str, str]) -> None:
        """Each worked example from the law and the regulators' guidance holds."""
        deadline = response_due(
            d(row["received"]), regime=row["regime"], **options(row["options"])
        )
        assert deadline.due == d(row["due"]), f"{row['vector']}: {row['source']}"
        assert deadline.regime is Regime(row["regime"])

    def test_issue_examples(self) -> None:
        """The dates the response-clock issue pins down."""
        assert response_due(date(2024, 12, 19)).due == date(2025, 1, 22)
        assert response_due(date(2024, 3, 28), regime="foisa").due == date(2024, 4, 26)
        assert response_due(date(2024, 3, 28)).due == date(2024, 4, 29)
        assert response_due(
            date(2025, 1, 6), clarified_on=date(2025, 1, 20)
        ).due == date(2025, 2, 17)
        assert response_due(
            date(2025, 3, 3),
            fee_notice_on=date(2025, 3, 10),
            fee_paid_on=date(2025, 3, 24),
        ).due == date(2025, 4, 15)


class TestDeadlineRecord:
    def test_carries_its_provenance(self) -> None:
        """A deadline says which rule, law, day 0, calendar and data made it."""
        deadline = response_due(d("2024-12-19"))
        assert deadline.clock_id == "foia.response"
        assert deadline.citation == "Freedom of Information Act 2000 s10(1)"
        assert deadline.statutory is True
        assert deadline.day_zero == d("2024-12-19")
        assert deadline.calendar_name == "uk"
        assert deadline.data_version is not None
        assert "gov.uk" in deadline.data_version
        assert deadline.provisional is False
        assert [p[0] for p in deadline.policies_applied] == ["P1", "P6", "P7"]

    def test_skipped_days_have_names(self) -> None:
        """The days skipped are listed with their holiday names."""
        skipped = [
            (day.day, day.reasons[0].name)
            for day in response_due(d("2024-12-19")).skipped
            if not day.is_weekend
        ]
        assert skipped == [
            (d("2024-12-25"), "Christmas Day"),
            (d("2024-12-26"), "Boxing Day"),
            (d("2025-01-01"), "New Year’s Day"),
            (d("2025-01-02"), "2nd January"),
        ]

    def test_explain_names_the_holidays(self) -> None:
        """The explanation names 25 and 26 December, 1 January and 2 January."""
        text = response_due(d("2024-12-19")).explain()
        assert "due by Wednesday 22 January 2025" in text
        assert "Freedom of Information Act 2000 s10(1)" in text
        assert "Day 0: Thursday 19 December 2024" in text
        for line in (
            "Wed 25 Dec 2024: Christmas Day",
            "Thu 26 Dec 2024: Boxing Day",
            "Wed 1 Jan 2025: New Year’s Day",
            "Thu 2 Jan 2025: 2nd January (Scotland)",
        ):
            assert line in text
        assert "10 weekend days" in text

    def test_explain_says_what_moved_the_clock(self) -> None:
        """A restart and a pause are both explained with their law."""
        text = response_due(
            d("2025-01-06"),
            clarified_on=d("2025-01-20"),
            fee_notice_on=d("2025-01-27"),
            fee_paid_on=d("2025-01-31"),
        ).explain()
        assert "Clarification received on Mon 20 Jan 2025" in text
        assert "s10(6)(b)" in text
        assert "Fees notice given on Mon 27 Jan 2025" in text
        assert "5 working days from the notice to the payment disregarded" in text

    def test_explain_guidance_is_flagged(self) -> None:
        """A clock set by guidance says so."""
        deadline = response_due(d("2025-02-03"), extended=True)
        assert deadline.statutory is False
        assert "guidance, not statute" in deadline.explain()

    def test_to_dict_is_json(self) -> None:
        """The JSON form round-trips through json with the ISO due date."""
        record = json.loads(json.dumps(response_due(d("2024-12-19")).to_dict()))
        assert record["due"] == "2025-01-22"
        assert record["clock"] == "foia.response"
        assert record["policies"] == {
            "P1": "calendar",
            "P6": "latest_known",
            "P7": "bundled",
        }
        assert [s["date"] for s in record["skipped"]] == [
            "2024-12-25",
            "2024-12-26",
            "2025-01-01",
            "2025-01-02",
        ]

    def test_provisional(self) -> None:
        """A date beyond the confirmed data is flagged and warns."""
        with pytest.warns(ProvisionalDateWarning, match="foia.response due 2029"):
            deadline = response_due(d("2028-12-20"))
        assert deadline.provisional
        assert "Provisional" in deadline.explain()
        deadlines = response_deadlines(d("2028-12-20"))
        assert deadlines.response is not None
        assert deadlines.response.provisional

    def test_timestamp_uses_uk_date(self) -> None:
        """An e-mail at 23:30 UTC on a Sunday in June arrived on Monday."""
        received = datetime(2025, 6, 1, 23, 30, tzinfo=UTC)
        assert response_due(received).day_zero == d("2025-06-02")


class TestFoia:
    def test_public_interest_estimate(self) -> None:
        """The decision is due by the estimate; the refusal notice by day 20."""
        both = response_deadlines(
            d("2025-02-03"), public_interest_estimate=d("2025-03-20")
        )
        assert both.refusal_notice is not None
        assert both.refusal_notice.due == d("2025-03-03")
        assert both.public_interest is both.response
        assert both.response is not None
        assert both.response.due == d("2025-03-20")
        assert len(both.all()) == 2

    def test_public_interest_capped(self) -> None:
        """An estimate beyond working day 40 is capped there (policy P5)."""
        deadline = response_due(
            d("2025-02-03"), public_interest_estimate=d("2025-06-30")
        )
        assert deadline.due == d("2025-04-01")
        assert "capped (policy P5)" in deadline.explain()

    def test_public_interest_no_cap(self) -> None:
        """With no cap the authority's own estimate stands."""
        deadline = response_due(
            d("2025-02-03"),
            public_interest_estimate=d("2025-06-30"),
            policies=Policies(public_interest_cap=None),
        )
        assert deadline.due == d("2025-06-30")
        with pytest.raises(InvalidInputError, match="public_interest_estimate"):
            response_due(
                d("2025-02-03"),
                extended=True,
                policies=Policies(public_interest_cap=None),
            )

    def test_fee_window(self) -> None:
        """Three months beginning with the notice (P4), or the corresponding date."""
        assert fee_payment_deadline(d("2025-03-10")).due == d("2025-06-09")
        alternative = Policies(fee_window="corresponding_date")
        assert fee_payment_deadline(d("2025-03-10"), policies=alternative).due == d(
            "2025-06-10"
        )
        assert fee_payment_deadline(d("2025-11-30")).due == d("2026-02-27")

    def test_fee_notice_day_counts(self) -> None:
        """Policy P3 alternative: the notice day still counts."""
        deadline = response_due(
            d("2025-03-03"),
            fee_notice_on=d("2025-03-10"),
            fee_paid_on=d("2025-03-24"),
            policies=Policies(fee_pause="notice_day_counts"),
        )
        assert deadline.due == d("2025-04-14")

    def test_fee_notice_on_day_zero(self) -> None:
        """A notice on the day of receipt disregards nothing before day 1."""
        stage = response_deadlines(d("2025-03-03"), fee_notice_on=d("2025-03-03"))
        assert stage.stopped is not None
        assert stage.stopped.remaining == 20
        paid_same_day = response_due(
            d("2025-03-03"), fee_notice_on=d("2025-03-03"), fee_paid_on=d("2025-03-03")
        )
        assert paid_same_day.due == d("2025-04-01")
        first_day = response_due(
            d("2000-01-01"), fee_notice_on=d("2000-01-01"), fee_paid_on=d("2000-01-05")
        )
        assert first_day.due == response_due(d("2000-01-05")).due

    def test_fee_not_yet_paid_stops_the_clock(self) -> None:
        """With a notice and no payment the clock is stopped, not guessed."""
        deadlines = response_deadlines(d("2025-03-03"), fee_notice_on=d("2025-03-10"))
        assert deadlines.response is None
        assert deadlines.stopped is not None
        assert deadlines.stopped.remaining == 16
        assert deadlines.fee_payment is not None
        assert deadlines.fee_payment.due == d("2025-06-09")
        with pytest.raises(ClockStoppedError) as info:
            response_due(d("2025-03-03"), fee_notice_on=d("2025-03-10"))
        message = str(info.value)
        assert "16 working days will remain" in message
        assert "fee_paid_on" in message
        assert "Mon 9 Jun 2025" in message

    def test_clarification_awaited_stops_the_clock(self) -> None:
        """A clarification sought and not received: the clock restarts in full."""
        with pytest.raises(ClockStoppedError, match="20 working days will remain"):
            response_due(d("2025-01-06"), clarification_sought_on=d("2025-01-08"))
        assert response_due(
            d("2025-01-06"),
            clarification_sought_on=d("2025-01-08"),
            clarified_on=d("2025-01-20"),
        ).due == d("2025-02-17")

    def test_school_without_term_calendar(self) -> None:
        """Without term dates a school gets the 60-working-day outer limit."""
        deadline = response_due(d("2025-07-14"), body="school")
        assert deadline.due == d("2025-10-08")
        assert "60th working day" in deadline.explain()
        assert deadline.clock_id == "foia.school"

    def test_school_sixty_days_first(self) -> None:
        """If the 60th working day comes before the 20th school day, it wins."""
        term = term_days(["2025-07-01", "2025-07-15", "2025-12-01", "2025-12-19"])
        deadline = response_due(d("2025-07-14"), body="school", school_days=term)
        assert deadline.due == d("2025-10-08")

    def test_school_term_calendar_too_short(self) -> None:
        """A term calendar that stops too early is refused, not extrapolated."""
        term = term_days(["2025-07-01", "2025-07-22"])
        with pytest.raises(InvalidInputError, match="school_days"):
            response_due(d("2025-07-14"), body=Body.SCHOOL, school_days=term)

    def test_commissioner_specified_day(self) -> None:
        """A day specified by the Commissioner is the deadline, up to day 60."""
        deadline = response_due(
            d("2025-01-06"), body="overseas", commissioner_day=d("2025-03-03")
        )
        assert deadline.due == d("2025-03-03")
        with pytest.raises(TimelineError, match="60th working day"):
            response_due(
                d("2025-01-06"), body="armed-forces", commissioner_day=d("2025-06-30")
            )
        plain = response_due(d("2025-01-06"), body="armed-forces")
        assert plain.due == response_due(d("2025-01-06")).due
        assert "Commissioner may specify" in plain.explain()

    def test_office_hours_cutoff(self) -> None:
        """Policy P2: a cut-off moves a late arrival to the next working day."""
        arrived = datetime(2025, 1, 3, 18, 30)  # noqa: DTZ001 - UK local time
        policies = Policies(office_hours_cutoff=time(17, 0))
        assert response_due(arrived).due == response_due(d("2025-01-03")).due
        assert response_due(arrived, policies=policies).day_zero == d("2025-01-06")

    def test_aggregation_window(self) -> None:
        """Sixty working days from the first request, counted as day 1."""
        assert aggregation_window(d("2025-01-06")).due == d("2025-03-31")


class TestEirAndScotland:
    def test_eir_extension_notice(self) -> None:
        """An EIR extension must be notified by day 20 (reg 7(3))."""
        deadlines = response_deadlines(d("2025-11-20"), regime="eir", extended=True)
        assert deadlines.extension_notice is not None
        assert deadlines.extension_notice.due == d("2025-12-19")
        assert deadlines.extension_notice.citation.endswith("reg 7(3)")

    def test_eir_advance_payment_pauses_the_extension_too(self) -> None:
        """Advance payment days are disregarded in the extended period as well."""
        plain = response_due(d("2025-03-03"), regime="eir", extended=True).due
        paused = response_due(
            d("2025-03-03"),
            regime="eir",
            extended=True,
            fee_notice_on=d("2025-03-10"),
            fee_paid_on=d("2025-03-10"),
        ).due
        assert plain == d("2025-05-01")
        assert paused == d("2025-05-02")

    def test_eir_payment_window_is_sixty_working_days(self) -> None:
        """EIR reg 8(5): the charge must be paid within 60 working days."""
        assert fee_payment_deadline(d("2025-03-10"), regime="eir").due == d(
            "2025-06-09"
        )
        with pytest.raises(RequestLapsedError, match="lapsed"):
            response_due(
                d("2025-03-03"),
                regime="eir",
                fee_notice_on=d("2025-03-10"),
                fee_paid_on=d("2025-06-10"),
            )

    def test_keeper(self) -> None:
        """The Keeper of the Records of Scotland has 30 working days."""
        deadline = response_due(d("2025-03-03"), regime="foisa", body="keeper")
        assert deadline.clock_id == "foisa.keeper"
        assert deadline.due == d("2025-04-14")

    def test_eisr_extension(self) -> None:
        """EISR reg 7 allows 40 working days on the Scottish calendar."""
        assert response_due(d("2025-11-20"), regime="eisr", extended=True).due == d(
            "2026-01-22"
        )


class TestSubjectAccess:
    def test_law_before_and_after_reform(self) -> None:
        """A request from 5 February 2026 is under Art 12A; one before is not."""
        before = response_due(d("2026-02-04"), regime="sar")
        after = response_due(d("2026-02-05"), regime="sar")
        assert before.clock_id == "sar.response_before_2026"
        assert after.clock_id == "sar.response"
        assert "12A" in after.citation

    def test_transition_by_relevant_time(self) -> None:
        """Policy P18 alternative: the law by the relevant time."""
        deadline = response_due(
            d("2026-02-02"),
            regime="sar",
            identity_confirmed_on=d("2026-02-06"),
            policies=Policies(sar_transition="relevant_time"),
        )
        assert deadline.clock_id == "sar.response"

    def test_month_policies(self) -> None:
        """Policy P11 alternatives: 'beginning with' and a fixed 28 days."""
        received = d("2025-09-03")
        assert response_due(
            received, regime="sar", policies=Policies(sar_month="beginning_with")
        ).due == d("2025-10-02")
        assert response_due(
            received, regime="sar", policies=Policies(sar_month="fixed_28_days")
        ).due == d("2025-10-01")

    def test_pause_policies(self) -> None:
        """Policy P13 alternatives count the paused days differently."""
        kwargs: dict[str, Any] = {
            "regime": "sar",
            "clarification_sought_on": d("2026-02-16"),
            "clarified_on": d("2026-02-20"),
        }
        exclusive = Policies(sar_pause="exclusive")
        assert response_due(d("2026-02-09"), **kwargs, policies=exclusive).due == d(
            "2026-03-12"
        )

    def test_uk_roll(self) -> None:
        """Policy P16 alternative: roll over a bank holiday anywhere in the UK."""
        deadline = response_due(
            d("2026-02-17"), regime="sar", policies=Policies(sar_roll="uk")
        )
        assert deadline.due == d("2026-03-18")

    def test_extension_notice(self) -> None:
        """An extended request must be told within the first month."""
        deadlines = response_deadlines(d("2025-10-31"), regime="sar", extended=True)
        assert deadlines.extension_notice is not None
        assert deadlines.extension_notice.due == d("2025-12-01")

    def test_clarification_awaited(self) -> None:
        """A clarification asked for and not yet answered stops the clock."""
        with pytest.raises(ClockStoppedError, match="calendar days will remain"):
            response_due(
                d("2026-02-09"), regime="sar", clarification_sought_on=d("2026-02-16")
            )


class TestRefusals:
    @pytest.mark.parametrize(
        ("kwargs", "error", "message"),
        [
            (
                {"clarified_on": d("2025-01-01")},
                TimelineError,
                r"^clarified_on is 2025-01-01: it cannot be before the request",
            ),
            (
                {"fee_paid_on": d("2025-03-24")},
                TimelineError,
                r"^fee_paid_on is 2025-03-24: a fee paid with no fees notice",
            ),
            (
                {"fee_notice_on": d("2025-03-10"), "fee_paid_on": d("2025-03-07")},
                TimelineError,
                r"cannot be before the fees notice",
            ),
            (
                {"fee_notice_on": d("2025-03-10"), "fee_paid_on": d("2025-06-10")},
                RequestLapsedError,
                r"due by 2025-06-09 .*lapsed",
            ),
            (
                {"fee_notice_on": d("2025-02-28")},
                TimelineError,
                r"cannot be before the request, received on 2025-03-03",
            ),
            (
                {"public_interest_estimate": d("2025-02-01")},
                TimelineError,
                r"estimate must be after day 0",
            ),
            ({"regime": "foi"}, InvalidInputError, r"^regime must be one of 'foia'"),
            ({"body": "university"}, InvalidInputError, r"^body must be one of"),
            ({"division": "wales"}, InvalidInputError, r"^division must be one of"),
            (
                {"extended": "yes"},
                InvalidInputError,
                r"^extended must be True or False",
            ),
            (
                {"clarified_on": "2025-03-10"},
                InvalidDateError,
                r"^clarified_on must be",
            ),
            ({"policies": {"receipt": "x"}}, InvalidInputError, r"^policies must be"),
            ({"data": "gov.uk"}, InvalidInputError, r"^data must be"),
        ],
    )
    def test_refused(
        self, kwargs: dict[str, Any], error: type[Exception], message: str
    ) -> None:
        """Inputs that cannot be right are refused with the input and the rule."""
        with pytest.raises(error, match=message):
            response_due(d("2025-03-03"), **kwargs)

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"regime": "foisa", "extended": True}, "FOISA has no public interest"),
            (
                {"regime": "foisa", "public_interest_estimate": d("2025-04-01")},
                "only FOIA has a public interest extension",
            ),
            (
                {"regime": "eir", "public_interest_estimate": d("2025-04-01")},
                "record an extension \\(extended=True\\)",
            ),
            ({"regime": "eir", "body": "school"}, "'school' is a kind of body"),
            ({"regime": "foia", "body": "keeper"}, "under FOISA 2002 only"),
            ({"regime": "eisr", "fee_notice_on": d("2025-03-04")}, "EISR reg 8"),
            ({"regime": "sar", "fee_notice_on": d("2025-03-04")}, "pass fee_paid_on"),
            ({"regime": "sar", "body": "school"}, "not a subject access rule"),
            ({"identity_confirmed_on": d("2025-03-04")}, "subject access rule"),
            ({"school_days": [d("2025-03-04")]}, "body='school'"),
            ({"commissioner_day": d("2025-04-04")}, "'armed-forces'"),
        ],
    )
    def test_not_applicable(self, kwargs: dict[str, Any], message: str) -> None:
        """An option the regime does not have is refused, citing the law."""
        with pytest.raises(NotApplicableError, match=message):
            response_due(d("2025-03-03"), **kwargs)

    def test_sar_clarification_needs_the_asking_day(self) -> None:
        """A subject access pause needs the day the controller asked."""
        with pytest.raises(TimelineError, match="clarification_sought_on"):
            response_due(d("2026-02-09"), regime="sar", clarified_on=d("2026-02-20"))

    def test_out_of_range(self) -> None:
        """A receipt date outside the calendar is refused, naming 'received'."""
        with pytest.raises(Exception, match=r"^received is 1999-12-31") as info:
            response_due(d("1999-12-31"))
        assert info.value.__class__.__name__ == "OutsideCalendarRangeError"

    def test_bad_policy_values(self) -> None:
        """Policies refuse values outside their options."""
        with pytest.raises(InvalidInputError, match=r"^policies.fee_pause must be"):
            Policies(fee_pause="sometimes")
        with pytest.raises(InvalidInputError, match="at least 20"):
            Policies(public_interest_cap=10)
        with pytest.raises(InvalidInputError, match=r"datetime\.time"):
            Policies(office_hours_cutoff="17:00")  # type: ignore[arg-type]


class TestRepeatedCalls:
    """The same call twice gives the same answer, and a bad one is still refused."""

    def test_a_number_is_not_taken_for_a_bool_after_a_bool(self) -> None:
        assert response_due(d("2025-11-20"), regime="eir", extended=True).due == d(
            "2026-01-22"
        )
        with pytest.raises(
            InvalidInputError, match=r"^extended must be True or False \(got 1\)"
        ):
            response_due(d("2025-11-20"), regime="eir", extended=1)  # type: ignore[arg-type]

    def test_a_list_of_school_days_twice(self) -> None:
        days = sorted(
            term_days(["2025-01-06", "2025-02-14", "2025-02-24", "2025-04-04"])
        )
        first = response_due(d("2025-02-03"), body="school", school_days=days)
        assert (
            first.due
            == response_due(d("2025-02-03"), body="school", school_days=days).due
        )
        assert first.due == d("2025-03-10")

    def test_errors_are_raised_every_time(self) -> None:
        for _ in range(2):
            with pytest.raises(ClockStoppedError):
                response_due(d("2025-03-03"), fee_notice_on=d("2025-03-10"))

    def test_provisional_warns_every_time(self) -> None:
        for _ in range(2):
            with pytest.warns(ProvisionalDateWarning):
                response_due(d("2035-03-01"), regime="eir", extended=True)


class TestHolidayData:
    def test_custom_data_moves_deadline(self) -> None:
        """A proclaimed day passed as data moves the deadline."""
        data = HolidayData.bundled().with_proclaimed(
            d("2027-06-07"), "Special", divisions=["scotland"]
        )
        plain = response_due(d("2027-06-01"))
        moved = response_due(d("2027-06-01"), data=data)
        assert moved.due == plain.due + timedelta(days=1)
        assert moved.data_version is not None
        assert "2 proclaimed days" in moved.data_version

    def test_fast_path_matches_general_path(self) -> None:
        """The lean path for plain FOIA gives what the general engine gives."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalDateWarning)
            day = d("2015-01-01")
            while day < d("2030-01-01"):
                fast = response_due(day)
                general = response_due(day, policies=Policies())
                assert fast.due == general.due
                assert fast.policies_applied == general.policies_applied
                day += timedelta(days=11)
