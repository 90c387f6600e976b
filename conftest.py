"""Configuration for every test: the tests, the doctests in the package and docs.

Every test runs with its own empty holiday data directory and no pinned holiday
file, so that no test reads (or writes) the data of the user running it, and none
sees what another stored.
"""

from __future__ import annotations

import os
import tempfile
import uuid

import pytest

from foi_deadlines import holiday_store


def pytest_configure(config: pytest.Config) -> None:
    """Isolate collection too: test modules may compute deadlines when imported."""
    del config
    os.environ["FOI_DEADLINES_DATA_DIR"] = tempfile.mkdtemp(prefix="foi-holiday-data-")
    os.environ.pop("FOI_DEADLINES_HOLIDAYS", None)


@pytest.fixture(autouse=True)
def _isolated_holiday_data(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Point ``FOI_DEADLINES_DATA_DIR`` at a new directory; unset the pinned file.

    The directory is not created: the library creates it when it first stores
    something, as it would for a new user.
    """
    fresh = tmp_path_factory.getbasetemp() / "holiday-data" / uuid.uuid4().hex
    monkeypatch.setenv("FOI_DEADLINES_DATA_DIR", str(fresh))
    monkeypatch.delenv("FOI_DEADLINES_HOLIDAYS", raising=False)
    holiday_store.refresh()
