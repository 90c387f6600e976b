"""The rule sets as data: which version of the law applies, and how each clock moves.

Each regime's rule set is read by the engine and rendered in the documentation; the
tests here pin what the sets say, as the law gives it: the steps that move each
clock, the substitutions for kinds of body, the complex-review extension, the
roll-forward of calendar-day and month periods, and the version of the subject
access law in force on a day (SI 2026/82: the new law from 5 February 2026).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest

from foi_deadlines.errors import InvalidInputError
from foi_deadlines.rules import (
    Body,
    BodyRule,
    ClockRule,
    End,
    Modifier,
    Policies,
    Regime,
    RuleSet,
    Step,
    Unit,
    Variant,
    get_rule,
    rule_set,
    rules_for,
)
from foi_deadlines.timeline import CaseEventKind

LAST_OLD_DAY = date(2026, 2, 4)
REFORM_DAY = date(2026, 2, 5)


def effects(rule_id: str) -> list[Modifier]:
    """The kinds of move a rule lists, in order."""
    return [effect for effect, _ in get_rule(rule_id).modifiers]


class TestWhichVersion:
    def test_foia_has_one_version_for_every_day(self) -> None:
        """FOIA has not changed since 2005: the same set for any day, or none."""
        current = rule_set("foia")
        assert current.response == "foia.response"
        assert rule_set("foia", date(2005, 1, 1)) is current
        assert rule_set("foia", date(2030, 12, 31)) is current
        assert rule_set(Regime.FOIA) is current

    def test_regime_names_are_read_in_any_case(self) -> None:
        """A regime named in capitals is the same regime."""
        assert rule_set("FOIA") is rule_set(Regime.FOIA)
        assert rule_set("Eisr").regime is Regime.EISR

    def test_an_unknown_regime_is_refused(self) -> None:
        """A name that is no regime is an input error, naming the parameter."""
        with pytest.raises(InvalidInputError, match=r"^regime must be one of"):
            rule_set("gdpr")

    @pytest.mark.parametrize(
        ("day", "response"),
        [
            (date(2025, 6, 1), "sar.response_before_2026"),
            (LAST_OLD_DAY, "sar.response_before_2026"),
            (REFORM_DAY, "sar.response"),
            (date(2026, 6, 1), "sar.response"),
        ],
    )
    def test_subject_access_changes_on_5_february_2026(
        self, day: date, response: str
    ) -> None:
        """Art 12A applies to a request keyed on 5 February 2026 or later."""
        assert rule_set("sar", day).response == response

    def test_subject_access_without_a_day_is_the_current_law(self) -> None:
        """With no day, the version in force now: Art 12A."""
        current = rule_set("sar")
        assert current.response == "sar.response"
        assert current.in_force_from == REFORM_DAY
        assert current.in_force_to is None

    def test_a_version_knows_its_days(self) -> None:
        """Each subject access version applies on its own side of the reform."""
        old, new = rule_set("sar", LAST_OLD_DAY), rule_set("sar", REFORM_DAY)
        assert old.in_force_on(date(2018, 5, 25))
        assert old.in_force_on(LAST_OLD_DAY)
        assert not old.in_force_on(REFORM_DAY)
        assert not new.in_force_on(date(2025, 1, 1))
        assert not new.in_force_on(LAST_OLD_DAY)
        assert new.in_force_on(REFORM_DAY)
        assert new.in_force_on(date(2030, 1, 1))
        assert rule_set("foia").in_force_on(date(2000, 1, 1))

    def test_a_rule_knows_its_days(self) -> None:
        """The two subject access response rules meet without a gap or overlap."""
        old = get_rule("sar.response_before_2026")
        new = get_rule("sar.response")
        assert [old.in_force_on(d) for d in (LAST_OLD_DAY, REFORM_DAY)] == [
            True,
            False,
        ]
        assert [new.in_force_on(d) for d in (LAST_OLD_DAY, REFORM_DAY)] == [
            False,
            True,
        ]
        assert not new.in_force_on(date(2025, 12, 1))
        assert get_rule("foia.response").in_force_on(date(2000, 1, 1))


class TestRegistry:
    def test_rules_of_a_regime_in_order(self) -> None:
        """FOIA's clocks: the response stage, then review, ICO and Tribunal."""
        assert [rule.id for rule in rules_for("foia")] == [
            "foia.response",
            "foia.refusal_notice",
            "foia.public_interest",
            "foia.fee_payment",
            "foia.school",
            "foia.archive",
            "foia.commissioner_specified",
            "foia.aggregation",
            "foia.review_request",
            "foia.review",
            "foia.review_extended",
            "foia.ico_complaint",
            "foia.tribunal_appeal",
        ]

    def test_subject_access_lists_both_versions_once(self) -> None:
        """The ICO complaint window is shared by both subject access versions."""
        ids = [rule.id for rule in rules_for(Regime.SAR)]
        assert ids == [
            "sar.response_before_2026",
            "sar.extended_before_2026",
            "sar.extension_notice_before_2026",
            "sar.ico_complaint",
            "sar.response",
            "sar.extended",
            "sar.extension_notice",
        ]

    @pytest.mark.parametrize(
        ("regime", "label", "calendar"),
        [
            (Regime.FOIA, "FOIA 2000", "uk"),
            (Regime.EIR, "EIR 2004", "uk"),
            (Regime.FOISA, "FOISA 2002", "scotland"),
            (Regime.EISR, "EISR 2004", "scotland"),
            (Regime.SAR, "UK GDPR subject access", None),
        ],
    )
    def test_regime_name_and_calendar(
        self, regime: Regime, label: str, calendar: str | None
    ) -> None:
        """FOIA s10(6) and EIR reg 2(1) count on the UK; FOISA s73 on Scotland."""
        assert regime.label == label
        assert regime.calendar == calendar
        assert rule_set(regime).label == label
        assert rule_set(regime).calendar == calendar


class TestHowClocksMove:
    def test_foia_response(self) -> None:
        """Clarification restarts, a fees notice pauses, the public interest extends;
        the Time for Compliance Regulations substitute a day for four kinds of body."""
        rule = get_rule("foia.response")
        foia = rule_set("foia")
        assert effects("foia.response") == [
            Modifier.RESTART,
            Modifier.PAUSE,
            Modifier.EXTENSION,
            Modifier.SUBSTITUTE,
            Modifier.SUBSTITUTE,
            Modifier.SUBSTITUTE,
            Modifier.SUBSTITUTE,
        ]
        texts = [text for _, text in rule.modifiers]
        assert texts[:3] == [step.summary for step in foia.steps]
        assert texts[0].startswith("clarification: the date of receipt becomes")
        assert "(FOIA s10(2))" in texts[1]
        assert texts[2].startswith("public interest:")
        assert texts[3] == (
            "school: The 20th working day that is a school day, or the 60th working "
            "day, whichever is first."
        )
        assert texts[4] == (
            "archive: The 30th working day, for a transferred public record not "
            "designated open information."
        )
        assert texts[5].startswith("armed-forces: Where information must come")
        assert texts[6].startswith("overseas: Where information must come")

    def test_refusal_notice_is_not_extended(self) -> None:
        """s10(3) does not affect the time for the s17(1) notice: only the restart
        and the pause move it, never the public interest extension."""
        assert effects("foia.refusal_notice") == [Modifier.RESTART, Modifier.PAUSE]
        assert effects("foia.public_interest") == [Modifier.RESTART, Modifier.PAUSE]
        assert effects("foia.archive") == [Modifier.RESTART, Modifier.PAUSE]

    def test_clocks_outside_the_response_do_not_move(self) -> None:
        """The fee window, the aggregation window and the complaint windows have no
        steps of their own."""
        for rule_id in (
            "foia.fee_payment",
            "foia.aggregation",
            "foia.review_request",
            "foia.review_extended",
            "foia.ico_complaint",
            "eir.advance_payment",
            "eir.reconsideration",
            "foisa.review",
            "sar.ico_complaint",
        ):
            assert get_rule(rule_id).modifiers == (), rule_id

    def test_complex_review_extends_the_foia_review(self) -> None:
        """The Code and the ICO allow 40 working days for a complex review."""
        assert get_rule("foia.review").modifiers == (
            (
                Modifier.EXTENSION,
                "In exceptional or complex cases, complete the review within 40 "
                "working days of receiving the request for it.",
            ),
        )

    def test_eir_response_and_its_extension(self) -> None:
        """EIR reg 7 extends the response to 40 working days; reg 9 restarts it and
        reg 8 pauses it, on the extended period too."""
        assert effects("eir.response") == [
            Modifier.RESTART,
            Modifier.PAUSE,
            Modifier.EXTENSION,
        ]
        assert effects("eir.extended") == [Modifier.RESTART, Modifier.PAUSE]
        assert effects("eir.extension_notice") == [Modifier.RESTART, Modifier.PAUSE]

    def test_foisa_keeper(self) -> None:
        """FOISA s10(2): the Keeper has 30 working days; no extension in FOISA."""
        assert effects("foisa.response") == [
            Modifier.RESTART,
            Modifier.PAUSE,
            Modifier.SUBSTITUTE,
        ]
        substitute = get_rule("foisa.response").modifiers[2][1]
        assert substitute.startswith("keeper: The 30th working day")

    def test_tribunal_appeal_rolls_forward(self) -> None:
        """GRC Rules r12: an act due on a non-working day may be done the next."""
        rule = get_rule("foia.tribunal_appeal")
        assert rule.rolls
        assert rule.modifiers == ((Modifier.ROLL_FORWARD, rule.roll),)
        assert rule.roll.startswith("a last day that is not a working day moves")

    def test_subject_access_response(self) -> None:
        """Art 12A: identity and fee restart at the relevant time, clarification
        pauses, complexity extends by two months, and a weekend date rolls."""
        assert effects("sar.response") == [
            Modifier.RESTART,
            Modifier.RESTART,
            Modifier.PAUSE,
            Modifier.EXTENSION,
            Modifier.ROLL_FORWARD,
        ]
        assert effects("sar.extended") == [
            Modifier.RESTART,
            Modifier.RESTART,
            Modifier.PAUSE,
            Modifier.ROLL_FORWARD,
        ]

    @pytest.mark.parametrize(
        ("rule_id", "rolls"),
        [
            ("foia.response", False),  # working days: no end to roll
            ("foia.ico_complaint", False),  # six weeks, no roll-forward rule
            ("foia.fee_payment", False),  # s9(2): three months, not rolled
            ("foia.tribunal_appeal", True),  # r12
            ("sar.response", True),  # the ICO's method
            ("foisa.sic_application", False),  # s47(4): no roll
        ],
    )
    def test_which_ends_roll(self, rule_id: str, rolls: bool) -> None:
        assert get_rule(rule_id).rolls is rolls


class TestRuleValues:
    def test_length_in_words(self) -> None:
        assert get_rule("foia.fee_payment").length_text == "3 months"
        assert get_rule("foia.ico_complaint").length_text == "42 calendar days"
        assert get_rule("eir.response").length_text == "20 working days"

    def test_statutory_unless_said_otherwise(self) -> None:
        """A clock declared without ``statutory`` is set by law; guidance says so."""
        rule = ClockRule(
            id="test.rule",
            regime=Regime.FOIA,
            title="A rule",
            summary="A summary.",
            citation="An Act s1",
            calendar="uk",
            length=5,
            unit=Unit.WORKING_DAYS,
            day_zero="receipt",
        )
        assert rule.statutory is True
        assert get_rule("foia.archive").statutory is True
        assert get_rule("foia.review").statutory is False

    def test_a_policy_chooses_a_variant(self) -> None:
        """P4: the fee window ends on the corresponding date only if chosen."""
        rule = get_rule("foia.fee_payment")
        assert rule.under(Policies()) is rule
        assert rule.under(Policies()).end is End.BEGINNING_WITH
        chosen = rule.under(Policies(fee_window="corresponding_date"))
        assert chosen.end is End.AFTER
        assert chosen.length == 3
        plain = get_rule("foia.response")
        assert plain.under(Policies(fee_window="corresponding_date")) is plain

    def test_a_set_refuses_an_id_it_does_not_hold(self) -> None:
        """A rule set naming a rule it does not contain is refused when made."""
        with pytest.raises(InvalidInputError, match=r"^foia\.review must be the id"):
            RuleSet(
                regime=Regime.FOIA,
                title="A broken set",
                rules=(get_rule("foia.response"),),
                response="foia.response",
                review="foia.review",
            )

    def test_a_set_with_only_a_response(self) -> None:
        """Empty ids are allowed: the set has no such stage."""
        made = RuleSet(
            regime=Regime.FOIA,
            title="A minimal set",
            rules=(get_rule("foia.response"),),
            response="foia.response",
        )
        assert made.rule("foia.response") is get_rule("foia.response")
        assert made.optional_rule("") is None
        assert made.in_force_on(date(2020, 1, 1))


class TestConstruction:
    """The rule data is built by keyword: a positional call is refused."""

    @pytest.mark.parametrize(
        ("kind", "args"),
        [
            (Variant, ("fee_window", "corresponding_date", ())),
            (
                Step,
                (CaseEventKind.FEES_NOTICE, Modifier.PAUSE, "a fee", "FOIA s10(2)"),
            ),
            (BodyRule, (Body.ARCHIVE, "foia.archive")),
            (
                RuleSet,
                (Regime.FOIA, "A set", (get_rule("foia.response"),), "foia.response"),
            ),
        ],
    )
    def test_positional_arguments_are_refused(
        self, kind: type[Any], args: tuple[Any, ...]
    ) -> None:
        with pytest.raises(TypeError):
            kind(*args)

    def test_steps_and_sets_are_identities(self) -> None:
        """Two steps or two rule sets made alike are still two: the engine keys its
        stops by the step itself, and a set by its version of the law."""
        step = rule_set("foia").steps[1]
        assert attrs.evolve(step) != step
        assert rule_set("foia").steps[1] == step
        foia = rule_set("foia")
        assert attrs.evolve(foia) != foia

    def test_repr_shows_the_declared_fields_only(self) -> None:
        """A rule set's repr names what it was made from, not its look-up tables."""
        text = repr(rule_set("eisr"))
        assert text.startswith("RuleSet(regime=<Regime.EISR: 'eisr'>")
        for private in ("by_id", "steps_by_kind", "closers", "_kinds", "clock_kinds"):
            assert private not in text
