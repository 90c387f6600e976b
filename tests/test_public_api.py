"""The package's public surface: __all__, docstrings, typing marker, cheap import."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest

import foi_deadlines

ROOT = Path(__file__).parents[1]


def isort_key(name: str) -> tuple[int, list[int | str]]:
    """Ruff's RUF022 order: CONSTANTS, then Classes, then the rest, naturally sorted."""
    if name.isupper():
        group = 0
    elif name[:1].isupper():
        group = 1
    else:
        group = 2
    natural: list[int | str] = [
        int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)
    ]
    return group, natural


def public_objects() -> list[tuple[str, object]]:
    """The classes and functions named in ``foi_deadlines.__all__``."""
    return [
        (name, value)
        for name in foi_deadlines.__all__
        if inspect.isclass(value := getattr(foi_deadlines, name, None))
        or inspect.isroutine(value)
    ]


PUBLIC = public_objects()


def run_python(code: str) -> str:
    """The output of ``code`` run in a fresh interpreter, stripped."""
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


class TestAll:
    def test_sorted(self) -> None:
        """__all__ is in ruff's isort-style order, with no duplicates."""
        names = list(foi_deadlines.__all__)
        assert names == sorted(names, key=isort_key)
        assert len(set(names)) == len(names)

    def test_sort_key_matches_ruff(self) -> None:
        """The sort key puts constants first, then classes, then the rest."""
        names = ["item10", "get_calendar", "Zeta", "__version__", "MAX_DAYS", "item2"]
        assert sorted(names, key=isort_key) == [
            "MAX_DAYS",
            "Zeta",
            "__version__",
            "get_calendar",
            "item2",
            "item10",
        ]

    @pytest.mark.parametrize("name", foi_deadlines.__all__)
    def test_name_resolves(self, name: str) -> None:
        """Every name in __all__ is an attribute of the package."""
        assert hasattr(foi_deadlines, name)

    def test_star_import(self) -> None:
        """``from foi_deadlines import *`` gives exactly the names in __all__."""
        namespace: dict[str, object] = {}
        exec("from foi_deadlines import *", namespace)
        namespace.pop("__builtins__")
        assert sorted(namespace) == sorted(foi_deadlines.__all__)

    def test_some_classes_and_functions(self) -> None:
        """The docstring check below has classes and functions to look at."""
        kinds = {inspect.isclass(value) for _, value in PUBLIC}
        assert kinds == {True, False}


class TestDocstrings:
    @pytest.mark.parametrize(
        ("name", "value"), PUBLIC, ids=[name for name, _ in PUBLIC]
    )
    def test_public_object_has_docstring(self, name: str, value: object) -> None:
        """Every public class and function has a docstring of its own."""
        doc = value.__doc__
        assert doc, f"foi_deadlines.{name} has no docstring"
        assert doc.strip(), f"foi_deadlines.{name} has an empty docstring"
        if inspect.isclass(value):
            assert "__doc__" in vars(value), (
                f"foi_deadlines.{name} inherits its docstring"
            )


class TestPackaging:
    def test_py_typed(self) -> None:
        """The package ships the PEP 561 marker for type checkers."""
        assert (ROOT / "foi_deadlines" / "py.typed").is_file()
        assert (Path(foi_deadlines.__file__).parent / "py.typed").is_file()

    def test_import_builds_no_calendar(self) -> None:
        """Importing the package builds no calendar until one is asked for."""
        code = (
            "import foi_deadlines, foi_deadlines.calendars as c; "
            "print(c._build.cache_info().currsize)"
        )
        assert run_python(code) == "0"

    def test_import_does_not_need_numpy(self) -> None:
        """Importing the package does not import numpy, which is optional."""
        code = "import sys, foi_deadlines; print('numpy' in sys.modules)"
        assert run_python(code) == "False"
