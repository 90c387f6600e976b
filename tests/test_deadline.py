"""Deadlines as values: what they hold and how they explain themselves."""

from __future__ import annotations

from datetime import date

from foi_deadlines import response_due


def test_the_explanation_names_the_rule_and_its_source() -> None:
    text = response_due(date(2025, 1, 6)).explain()
    assert text.startswith(
        "Response to a request (FOIA 2000): due by Monday 3 February"
    )
    assert "Source: Freedom of Information Act 2000 s10(1) (law)." in text
    assert "Days not counted after day 0: 8 weekend days." in text
