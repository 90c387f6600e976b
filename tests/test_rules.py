"""Tests for the rules registry: every clock declared once, completely."""

from __future__ import annotations

from datetime import date

import pytest

from foi_deadlines import RULES, ClockRule, Regime, Unit, UnknownRuleError, get_rule
from foi_deadlines.rules import REVIEWED_REGIMES, SAR_REFORM_DAY, Stage, rule_set


class TestRegistry:
    def test_ids_are_unique_and_prefixed(self) -> None:
        """Every id is unique and starts with its regime."""
        assert len(RULES) == len(set(RULES))
        for rule_id, rule in RULES.items():
            assert rule.id == rule_id
            assert rule_id.startswith(f"{rule.regime}.")

    @pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
    def test_rule_is_complete(self, rule: ClockRule) -> None:
        """Every rule has a title, summary, citation, day 0 and a length."""
        assert rule.title
        assert rule.summary.endswith(".")
        assert rule.citation
        assert rule.day_zero
        assert rule.length > 0
        assert rule.calendar in {
            None,
            "uk",
            "scotland",
            "division",
            "england-and-wales",
        }
        if rule.unit is Unit.WORKING_DAYS:
            assert rule.calendar in {"uk", "scotland"}

    @pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
    def test_in_force_window(self, rule: ClockRule) -> None:
        """A rule's in-force window, where it has one, runs forwards."""
        if rule.in_force_from is not None and rule.in_force_to is not None:
            assert rule.in_force_from < rule.in_force_to

    def test_calendars_follow_the_law(self) -> None:
        """FOIA and EIR count on the UK union; FOISA and EISR on Scotland's."""
        for rule in RULES.values():
            if rule.unit is not Unit.WORKING_DAYS:
                continue
            expected = (
                "scotland" if rule.regime in (Regime.FOISA, Regime.EISR) else "uk"
            )
            assert rule.calendar == expected, rule.id

    def test_subject_access_versions_meet(self) -> None:
        """The two versions of each subject access rule meet on 5 February 2026."""
        for name in ("response", "extended", "extension_notice"):
            new, old = get_rule(f"sar.{name}"), get_rule(f"sar.{name}_before_2026")
            assert new.in_force_from == SAR_REFORM_DAY
            assert old.in_force_to == date(2026, 2, 4)
            assert new.in_force_on(SAR_REFORM_DAY)
            assert not old.in_force_on(SAR_REFORM_DAY)
            assert old.in_force_on(date(2026, 2, 4))

    def test_guidance_is_not_statute(self) -> None:
        """The public interest cap is guidance; the response clocks are law."""
        assert get_rule("foia.public_interest").statutory is False
        assert get_rule("foia.response").statutory is True

    def test_every_regime_has_a_response(self) -> None:
        """Each regime has a response clock, its own and in the response stage."""
        for regime in Regime:
            response = get_rule(rule_set(regime).response)
            assert response.regime is regime
            assert response.stage is Stage.RESPONSE
            assert response.id.startswith(f"{regime}.")

    def test_reviewed_regimes(self) -> None:
        """The regimes with a review stage; subject access and complaints have none."""
        assert REVIEWED_REGIMES == (Regime.FOIA, Regime.EIR, Regime.FOISA, Regime.EISR)
        for regime in Regime:
            has_review = bool(rule_set(regime).review_request)
            assert has_review is (regime in REVIEWED_REGIMES)

    def test_unknown_rule(self) -> None:
        """An unknown id is refused with the valid ones listed."""
        with pytest.raises(UnknownRuleError, match=r"'foia\.reply'.*foia\.response"):
            get_rule("foia.reply")

    def test_length_text(self) -> None:
        """Lengths read naturally, singular and plural."""
        assert get_rule("sar.response").length_text == "1 month"
        assert get_rule("foia.response").length_text == "20 working days"
