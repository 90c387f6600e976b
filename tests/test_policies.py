"""The policy register: typed options where the law leaves a choice."""

from __future__ import annotations

import pytest

from foi_deadlines.errors import InvalidInputError
from foi_deadlines.rules import Policies


def test_an_unknown_option_names_the_field_and_the_choices() -> None:
    with pytest.raises(
        InvalidInputError,
        match=r"policies\.receipt must be one of 'calendar', 'next_working_day'",
    ):
        Policies(receipt="tomorrow")
