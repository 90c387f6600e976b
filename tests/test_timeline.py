"""The timeline's nouns: events, their order and what each may carry."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from foi_deadlines.errors import InvalidInputError
from foi_deadlines.timeline import CaseEvent


def test_a_timestamp_on_another_day_is_refused() -> None:
    with pytest.raises(
        InvalidInputError, match=r"at must be a timestamp whose UK date"
    ):
        CaseEvent(
            kind="fees_notice",
            on=date(2025, 1, 6),
            at=datetime(2025, 1, 7, 10, tzinfo=UTC),
        )
