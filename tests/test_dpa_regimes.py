"""DPA 2018 Part 3 subject access and s164A complaints, added as rule sets alone.

Golden dates are worked by hand from the statute (DPA 2018 ss45, 54 as amended by
the Data (Use and Access) Act 2025 s76, and s164A inserted by s103; SI 2026/82),
with the project's policies for the same words: P11 to P13 and P16 as for UK GDPR
Art 12A, P18 for the version, P19 for the complaint's 30 days. The properties check
that Part 3 and UK GDPR agree wherever their rules coincide, and every surface
(keywords, cases, JSON, spreadsheet, command line, tracker fill) takes the regimes.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from foi_deadlines import (
    Case,
    CaseEvent,
    CaseEventKind,
    NotApplicableError,
    Policies,
    get_calendar,
    response_due,
)
from foi_deadlines import spreadsheet as sheet
from foi_deadlines.batch import fill_tracker
from foi_deadlines.case_json import case_from_json, case_to_json, json_schema
from foi_deadlines.cli import main
from foi_deadlines.rules import Regime, rule_set
from tests.oracles import provisional_ok

K = CaseEventKind
REFORM = date(2026, 2, 5)
COMPLAINTS = date(2026, 6, 19)
ICO = Policies(complaint_days="ico_day_after")
DIVISIONS = ("england-and-wales", "scotland", "northern-ireland")


def d(text: str) -> date:
    return date.fromisoformat(text)


class TestPart3Golden:
    """One month beginning with the relevant time (s54(2)-(3)), the ICO's way."""

    @pytest.mark.parametrize(
        ("received", "options", "due"),
        [
            # 3 Apr 2026 is Good Friday; Easter Monday 6 Apr: Tue 7 Apr (E&W).
            ("2026-03-03", {}, "2026-04-07"),
            # Easter Monday is not a bank holiday in Scotland.
            ("2026-03-03", {"division": "scotland"}, "2026-04-06"),
            # A month end: 31 Mar to 30 Apr, the month's last day.
            ("2026-03-31", {}, "2026-04-30"),
            # A fee paid on Wed 10 Jun is the relevant time (s54(3)(c)).
            ("2026-06-01", {"fee_paid_on": "2026-06-10"}, "2026-07-10"),
            # s54 as enacted: identity information on Mon 9 Feb 2026 for a request
            # received on Sat 31 Jan; the old version still applies (reg 4(b)).
            ("2026-01-31", {"identity_confirmed_on": "2026-02-09"}, "2026-03-09"),
            # The corresponding date, not the ICO's 2023 Part 3 "day after" count.
            ("2025-06-30", {}, "2025-07-30"),
        ],
    )
    def test_worked(self, received: str, options: dict[str, str], due: str) -> None:
        kwargs: dict[str, Any] = {
            key: d(value) if key.endswith("_on") else value
            for key, value in options.items()
        }
        deadline = response_due(d(received), regime="dpa-part3", **kwargs)
        assert deadline.due == d(due)
        assert deadline.rule.regime is Regime.DPA_PART3

    def test_pause_across_a_month_end(self) -> None:
        """s54(3C): sought Mon 30 Mar, answered Thu 2 Apr 2026: 4 days added (both
        counted, P13) to Thu 16 Apr: Mon 20 Apr 2026."""
        deadline = response_due(
            d("2026-03-16"),
            regime="dpa-part3",
            clarification_sought_on=d("2026-03-30"),
            clarified_on=d("2026-04-02"),
        )
        assert deadline.due == d("2026-04-20")
        assert "s54(3C)" in deadline.explain()

    def test_extension_notice_on_the_last_day(self) -> None:
        """s54(3A)-(3B): received Wed 15 Apr 2026, notice on Fri 15 May (the last
        day of the first month) extends to Wed 15 Jul; a day later it is too late."""
        on_time = response_due(
            d("2026-04-15"),
            regime="dpa-part3",
            extended=True,
            extended_on=d("2026-05-15"),
        )
        assert on_time.due == d("2026-07-15")
        assert on_time.citation.endswith("s54(3A)")
        late = response_due(
            d("2026-04-15"),
            regime="dpa-part3",
            extended=True,
            extended_on=d("2026-05-16"),
        )
        assert late.due == d("2026-05-15")
        assert "no effect" in late.explain()
        assert "s54(3B)" in late.explain()

    @pytest.mark.parametrize(
        ("keyword", "value"),
        [
            ("extended", True),
            ("clarification_sought_on", date(2025, 6, 10)),
        ],
    )
    def test_before_the_reform_there_is_no_extension_or_pause(
        self, keyword: str, value: object
    ) -> None:
        options: dict[str, Any] = {keyword: value}
        with pytest.raises(NotApplicableError, match=r"reg 4\(b\)"):
            response_due(d("2025-06-02"), regime="dpa-part3", **options)

    def test_no_internal_review(self) -> None:
        assert not rule_set("dpa-part3").review_request
        assert rule_set("dpa-part3").regulator == "dpa-part3.ico_complaint"


class TestComplaintGolden:
    """Acknowledge within 30 days beginning when the complaint is received."""

    @pytest.mark.parametrize(
        ("received", "policies", "division", "due"),
        [
            # Day 1 is Fri 19 Jun 2026: day 30 is Sat 18 Jul, and nothing rolls.
            ("2026-06-19", None, "england-and-wales", "2026-07-18"),
            # P19 ico_day_after: Sun 19 Jul rolls to Mon 20 Jul.
            ("2026-06-19", ICO, "england-and-wales", "2026-07-20"),
            # Day 30 is Christmas Day 2026, and stays there.
            ("2026-11-26", None, "england-and-wales", "2026-12-25"),
            # Sat 26 Dec; Mon 28 Dec is the substitute Boxing Day: Tue 29 Dec.
            ("2026-11-26", ICO, "england-and-wales", "2026-12-29"),
            ("2026-11-26", ICO, "scotland", "2026-12-29"),
            # Across a year end: Mon 21 Dec 2026 to Tue 19 Jan 2027.
            ("2026-12-21", None, "england-and-wales", "2027-01-19"),
        ],
    )
    def test_worked(
        self, received: str, policies: Policies | None, division: str, due: str
    ) -> None:
        deadline = response_due(
            d(received), regime="dpa-complaint", policies=policies, division=division
        )
        assert deadline.due == d(due)
        assert deadline.citation.endswith("s164A(3)")

    def test_before_19_june_2026_is_refused(self) -> None:
        """SI 2026/82 reg 7: the duty is for complaints received from 19 June 2026."""
        with pytest.raises(NotApplicableError, match=r"19 June 2026.*reg"):
            response_due(d("2026-06-18"), regime="dpa-complaint")
        with pytest.raises(NotApplicableError, match="19 June 2026"):
            Case.received(d("2026-06-18"), regime="dpa-complaint")

    @pytest.mark.parametrize(
        "options",
        [
            {"extended": True},
            {"clarification_sought_on": date(2026, 7, 1)},
            {"fee_notice_on": date(2026, 7, 1)},
            {"identity_confirmed_on": date(2026, 7, 1)},
        ],
    )
    def test_nothing_moves_it(self, options: dict[str, Any]) -> None:
        with pytest.raises(NotApplicableError, match=r"s164A\(4\)"):
            response_due(d("2026-06-22"), regime="dpa-complaint", **options)


# -- properties ------------------------------------------------------------------------

any_day = st.dates(date(2000, 1, 1), date(2100, 11, 30))
reformed_day = st.dates(REFORM, date(2100, 6, 30))
complaint_day = st.dates(COMPLAINTS, date(2100, 6, 30))
divisions = st.sampled_from(DIVISIONS)


@given(any_day, divisions, st.integers(0, 40), st.integers(0, 40), st.booleans())
def test_part3_and_uk_gdpr_agree_on_the_relevant_time(
    received: date, division: str, identity: int, fee: int, both: bool
) -> None:
    """The same words, the same date: receipt, identity and fee, in any version."""
    options: dict[str, Any] = {
        "division": division,
        "identity_confirmed_on": received + timedelta(days=identity),
    }
    if both:
        options["fee_paid_on"] = received + timedelta(days=fee)
    with provisional_ok():
        part3 = response_due(received, regime="dpa-part3", **options)
        gdpr = response_due(received, regime="sar", **options)
    assert part3.due == gdpr.due
    assert part3.day_zero == gdpr.day_zero


@given(reformed_day, divisions, st.integers(0, 45), st.integers(0, 20), st.booleans())
def test_part3_and_uk_gdpr_agree_from_5_february_2026(
    received: date, division: str, sought: int, answered: int, extended: bool
) -> None:
    """After the reform a pause and an extension act alike under both laws."""
    asked = received + timedelta(days=sought)
    options: dict[str, Any] = {
        "division": division,
        "clarification_sought_on": asked,
        "clarified_on": asked + timedelta(days=answered),
        "extended": extended,
    }
    with provisional_ok():
        part3 = response_due(received, regime="dpa-part3", **options)
        gdpr = response_due(received, regime="sar", **options)
    assert part3.due == gdpr.due


@given(complaint_day, divisions)
def test_complaint_acknowledgement(received: date, division: str) -> None:
    """P19 beginning_with: day 30 is 29 days after receipt, whatever day it is;
    ico_day_after: 30 days after, moved to the next working day, and never
    earlier."""
    with provisional_ok():
        literal = response_due(received, regime="dpa-complaint", division=division)
        ico = response_due(
            received, regime="dpa-complaint", division=division, policies=ICO
        )
    assert literal.due == received + timedelta(days=29)
    assert not literal.provisional  # it counts no holidays
    calendar = get_calendar(division)
    end = received + timedelta(days=30)
    assert ico.due >= end > literal.due
    assert calendar.is_working_day(ico.due, warn=False)
    assert all(
        not calendar.is_working_day(end + timedelta(days=n), warn=False)
        for n in range((ico.due - end).days)
    )


@given(complaint_day, st.integers(0, 60), st.integers(0, 120))
def test_a_complaint_case_has_a_status(received: date, sent: int, later: int) -> None:
    """Acknowledged on or before day 30 is in time, after it late; status never
    raises, and the JSON round trip keeps it."""
    acknowledged = received + timedelta(days=sent)
    case = Case(
        events=(
            CaseEvent(kind=K.RECEIVED, on=received),
            CaseEvent(kind=K.RESPONSE_SENT, on=acknowledged, outcome="provided"),
        ),
        regime="dpa-complaint",
    )
    with provisional_ok():
        status = case.status(acknowledged + timedelta(days=later))
        again = case_from_json(json.loads(json.dumps(case_to_json(case))))
        assert again.status(acknowledged).code == case.status(acknowledged).code
    expected = "responded_in_time" if sent <= 29 else "responded_late"
    assert str(status.code) == expected


# -- surfaces --------------------------------------------------------------------------


class TestSurfaces:
    def test_schema_lists_the_regimes(self) -> None:
        text = json.dumps(json_schema())
        assert '"dpa-part3"' in text
        assert '"dpa-complaint"' in text

    def test_spreadsheet_functions(self) -> None:
        assert sheet.response_due("03/03/2026", "DPA-Part3") == d("2026-04-07")
        assert sheet.response_due("19/06/2026", "dpa-complaint") == d("2026-07-18")
        refused = sheet.response_due("18/06/2026", "dpa-complaint")
        assert isinstance(refused, str)
        assert "19 June 2026" in refused
        status = sheet.case_status(
            "19/06/2026", "20/07/2026", "31/07/2026", "dpa-complaint"
        )
        assert status == "responded_late"

    def test_command_line(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["due", "2026-03-03", "--regime", "dpa-part3"]) == 0
        out = capsys.readouterr().out
        assert out.splitlines()[0] == "2026-04-07"
        assert "s54" in out
        assert main(["due", "2026-06-19", "--regime", "dpa-complaint"]) == 0
        assert capsys.readouterr().out.splitlines()[0] == "2026-07-18"

    def test_tracker_fill(self, tmp_path: Path) -> None:
        source = tmp_path / "t.csv"
        source.write_text(
            "Ref,Date received,Regime\n"
            "p3,2026-03-03,DPA-Part3\n"
            "c1,2026-06-19,dpa-complaint\n"
            "c0,2026-06-18,dpa-complaint\n",
            encoding="utf-8",
        )
        fill_tracker(source, tmp_path / "o.csv", as_of=d("2026-07-01"))
        text = (tmp_path / "o.csv").read_text(encoding="utf-8")
        rows = {line.split(",")[0]: line for line in text.splitlines()[1:]}
        assert "2026-04-07" in rows["p3"]
        assert "2026-07-18" in rows["c1"]
        assert "19 June 2026" in rows["c0"]
