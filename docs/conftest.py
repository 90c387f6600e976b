"""Keep pytest's doctest collection to the Markdown pages, and give them their files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

collect_ignore = ["conf.py", "_ext"]


@pytest.fixture(autouse=True)
def _sample_files(doctest_namespace: dict[str, Any]) -> None:
    """``sample_tracker``: the path of the sample tracker the reminders page reads."""
    doctest_namespace["sample_tracker"] = (
        Path(__file__).parent / "_static" / "reminders-tracker.csv"
    )
