"""The package's layering: each module imports only from modules below it.

Checked on the source with :mod:`ast`, so that nothing is imported to run the check.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = "foi_deadlines"
ROOT = Path(__file__).parents[1] / PACKAGE

#: Each module's rank: a module may import only modules of a strictly lower rank.
RANKS = {
    "errors": 0,
    "_text": 0.5,
    "_dates": 1,
    "_files": 1,
    "_coerce": 1.5,
    "_arrays": 1.6,
    "bank_holidays": 2,
    "holiday_store": 2.5,
    "calendars": 3,
    "timeline": 4,
    "rules._policies": 5,
    "rules._model": 6,
    "rules._common": 7,
    "rules._access": 7,
    "rules.foia": 8,
    "rules.eir": 8,
    "rules.foisa": 8,
    "rules.eisr": 9,
    "rules.sar": 8,
    "rules.dpa_part3": 9,
    "rules.dpa_complaint": 8,
    "rules": 9.5,
    "clocks._deadline": 10,
    "clocks._counting": 10.1,
    "clocks._response": 10.2,
    "clocks._stages": 10.2,
    "clocks._timeline": 10.3,
    "clocks": 10.5,
    "responses": 11,
    "reviews": 11,
    "_columnar": 11.5,
    "cases": 12,
    "case_json": 13,
    "portfolio": 13,
    "tracker": 13,
    "reminders": 13,
    "_columnar_status": 13.1,
    "columns": 13.2,
    "_xlsx": 13.5,
    "spreadsheet": 14,
    "batch": 14,
    "digest": 14.5,
    "ical": 14.5,
    "cli": 15,
    "xlwings_udfs": 15,
}
#: Modules that may import anything: the package's front door and ``python -m``.
EXEMPT = frozenset({"__init__", "__main__"})

#: Calls that read the clock, as ``module.attribute`` endings.
CLOCK_READS = ("date.today", "datetime.now", "datetime.today", "time.time")
#: The one module allowed to ask for today's date.
MAY_READ_CLOCK = frozenset({"cli"})


def module_name(path: Path) -> str:
    """A module's dotted name below the package, such as ``"calendars"``."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def modules() -> list[Path]:
    """Every Python module in the package."""
    return sorted(ROOT.rglob("*.py"))


def package_imports(tree: ast.AST, name: str) -> Iterator[tuple[int, str]]:
    """The package modules that a module imports, with line numbers.

    ``from foi_deadlines import x`` names module ``x`` if there is one, otherwise
    the package itself (``"__init__"``). Imports inside functions and
    ``TYPE_CHECKING`` blocks count too.
    """
    package_parts = [PACKAGE, *name.split(".")[:-1]]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield from _target(node.lineno, alias.name, None)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package_parts[: len(package_parts) - node.level + 1]
                absolute = ".".join([*base, *([node.module] if node.module else [])])
            else:
                absolute = node.module or ""
            for alias in node.names:
                yield from _target(node.lineno, absolute, alias.name)


def _target(line: int, module: str, imported: str | None) -> Iterator[tuple[int, str]]:
    parts = module.split(".")
    if parts[0] != PACKAGE:
        return
    inner = parts[1:]
    if not inner and imported is not None:
        inner = [imported]
    candidate = ".".join(inner)
    if imported is not None and inner and _is_module(".".join([*inner, imported])):
        candidate = ".".join([*inner, imported])
    yield line, candidate if candidate and _is_module(candidate) else "__init__"


def _is_module(dotted: str) -> bool:
    path = ROOT.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def rank_violations(name: str, source: str) -> list[str]:
    """Every import in ``source`` that does not point down the rank table."""
    if name in EXEMPT:
        return []
    if name not in RANKS:
        return [
            f"{PACKAGE}.{name} has no rank: add it to the rank table (RANKS) in "
            f"tests/test_layers.py"
        ]
    problems = []
    for line, target in package_imports(ast.parse(source), name):
        target_rank = RANKS.get(target)
        if target in EXEMPT or target_rank is None or target_rank >= RANKS[name]:
            problems.append(
                f"{PACKAGE}/{name.replace('.', '/')}.py:{line}: {name} (rank "
                f"{RANKS[name]}) imports {target} (rank {target_rank}); a module may "
                "import only modules of a lower rank"
            )
    return problems


def clock_reads(source: str) -> list[tuple[int, str]]:
    """Every place ``source`` refers to a function that reads the clock."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute):
            dotted = _dotted(node)
            if dotted and any(
                dotted == read or dotted.endswith("." + read) for read in CLOCK_READS
            ):
                found.append((node.lineno, dotted))
        elif isinstance(node, ast.ImportFrom) and node.module == "time":
            found.extend(
                (node.lineno, f"time.{alias.name}")
                for alias in node.names
                if alias.name == "time"
            )
    return found


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _dotted(node.value)
        return None if inner is None else f"{inner}.{node.attr}"
    return None


class TestRanks:
    @pytest.mark.parametrize("path", modules(), ids=module_name)
    def test_imports_point_down(self, path: Path) -> None:
        """Each module imports only package modules of a lower rank."""
        problems = rank_violations(module_name(path), path.read_text(encoding="utf-8"))
        assert not problems, "\n".join(problems)

    def test_found_the_package(self) -> None:
        """The check sees the modules the package is known to have."""
        names = {module_name(path) for path in modules()}
        assert {"__init__", "errors", "_dates", "bank_holidays", "calendars"} <= names

    def test_unranked_module_fails(self) -> None:
        """A module missing from the table is reported, not passed over."""
        problems = rank_violations("newthing", "")
        assert problems == [
            "foi_deadlines.newthing has no rank: add it to the rank table (RANKS) "
            "in tests/test_layers.py"
        ]

    @pytest.mark.parametrize(
        "source",
        [
            "from foi_deadlines.calendars import get_calendar",
            "import foi_deadlines.calendars",
            "from foi_deadlines import calendars",
            "from . import calendars",
            "from .calendars import get_calendar",
            "from foi_deadlines import get_calendar",  # the package itself
            "from foi_deadlines._coerce import parse_date_text",  # same rank
            "def f():\n    from foi_deadlines.calendars import get_calendar",
        ],
    )
    def test_upward_import_is_reported(self, source: str) -> None:
        """An import of the same or a higher rank, in any spelling, is reported."""
        assert len(rank_violations("_dates", source)) == 1

    @pytest.mark.parametrize(
        "source",
        [
            "from foi_deadlines.errors import InvalidDateError",
            "from . import errors",
            "from .errors import InvalidDateError",
            "import datetime\nfrom dateutil import tz",
        ],
    )
    def test_downward_import_is_allowed(self, source: str) -> None:
        """Imports of lower-ranked modules and of other packages pass."""
        assert rank_violations("_dates", source) == []


class TestNoClockReads:
    @pytest.mark.parametrize("path", modules(), ids=module_name)
    def test_only_the_cli_reads_the_clock(self, path: Path) -> None:
        """No module but cli.py asks for today's date or the time."""
        if module_name(path) in MAY_READ_CLOCK:
            return
        found = clock_reads(path.read_text(encoding="utf-8"))
        assert not found, "\n".join(
            f"{path.name}:{line}: {call}" for line, call in found
        )

    @pytest.mark.parametrize(
        ("source", "expected"),
        [
            ("date.today()", "date.today"),
            ("datetime.now(tz=UTC)", "datetime.now"),
            ("datetime.datetime.today()", "datetime.datetime.today"),
            ("import time\ntime.time()", "time.time"),
            ("from time import time", "time.time"),
            ("f = attrs.field(factory=date.today)", "date.today"),
        ],
    )
    def test_detects_clock_reads(self, source: str, expected: str) -> None:
        """Each way of reading the clock is found."""
        assert [call for _, call in clock_reads(source)] == [expected]

    def test_ignores_other_calls(self) -> None:
        """Building dates and using other time functions is not a clock read."""
        assert (
            clock_reads("date(2025, 1, 1)\ndate.fromisoformat(x)\ntime.sleep(1)") == []
        )
