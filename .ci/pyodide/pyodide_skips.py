"""A pytest plugin for the suite's run in Pyodide: what cannot run there is skipped.

Loaded by run.mjs with ``-p pyodide_skips``; it does nothing outside Pyodide. Each
skip names its reason, and pytest's summary (``-ra``) lists them. Pyodide cannot
start processes (so no command-line runs, LibreOffice or calcurse) and has no
``os.link``. numpy, jsonschema and xlwings have no pure-Python wheels: a test
module that imports one of them gets a stand-in module, and a test that uses it is
skipped (the whole module, if it uses it at the top); the library itself still
finds them absent.
"""

from __future__ import annotations

import builtins
import sys
import types
from collections.abc import Generator, Mapping, Sequence
from pathlib import PurePosixPath

import pytest
from _pytest.reports import CollectReport, TestReport

NO_PROCESSES = "Pyodide cannot start processes"

#: Packages with no pure-Python wheel: a test module importing one gets a stand-in
#: whose first use skips the test (or the module, if used at its top).
ABSENT: dict[str, str] = {
    "numpy": "needs numpy (not installed: the run checks the library without it)",
    "jsonschema": "needs jsonschema (its rpds-py dependency is not pure Python)",
    "xlwings": "needs xlwings (no pure-Python wheel)",
}

#: Test modules skipped whole, by path from the repository root (or, for the
#: installed package's doctests, by path from site-packages).
MODULES: dict[str, str] = {
    "tests/test_libreoffice.py": f"{NO_PROCESSES} (LibreOffice)",
    "tests/test_calcurse.py": f"{NO_PROCESSES} (calcurse)",
    "tests/test_public_api.py": f"{NO_PROCESSES} (a fresh interpreter)",
    "foi_deadlines/xlwings_udfs.py": "needs xlwings (no pure-Python wheel)",
    "foi_deadlines/columns.py": "the column functions need numpy (not installed)",
    # Their scenarios come from a module that validates with jsonschema at the top.
    "tests/properties/test_engine_properties.py": "imports test_case_properties, "
    "which needs jsonschema (its rpds-py dependency is not pure Python)",
    "tests/properties/test_reminder_properties.py": "imports test_case_properties, "
    "which needs jsonschema (its rpds-py dependency is not pure Python)",
}

#: Single tests (or classes), by node id prefix, skipped with their reason.
TESTS: dict[str, str] = {
    "tests/test_spreadsheet.py::TestLongErrorValues::test_value_that_cannot_be_shown": (
        "the repr of a list nested 100,000 deep overflows Pyodide's stack, a fatal "
        "error, where CPython raises RecursionError (no cell holds such a value)"
    ),
    "tests/test_batch.py::TestNeverInPlace::test_hard_link": (
        "Pyodide has no os.link (hard links)"
    ),
    "tests/test_holiday_store.py::TestFetch::test_connection_refused": (
        "Pyodide has no sockets: under Node a connection to a closed port fails "
        "as a time-out, not as a refusal"
    ),
}

#: Fixtures that cannot work in Pyodide, by test module and name: a test using
#: one is skipped before the fixture runs (a fixture that fails halfway would
#: leave a socket open, and the ResourceWarning fail a later test).
FIXTURES: dict[tuple[str, str], str] = {
    (module, "server"): "the test's local HTTP server runs in a thread, and "
    "Pyodide cannot start threads"
    for module in ("tests/test_holiday_store.py", "tests/test_cli_holidays.py")
}

#: Errors a test (or its fixture) meets only because of what Pyodide lacks, when
#: raised by the named module on a test's behalf (called from a test file, not
#: from the library): the test is reported as skipped with the reason. Raised
#: on the library's behalf, they fail.
LIMITS: tuple[tuple[str, type[BaseException], str, str], ...] = (
    ("subprocess.py", OSError, "does not support processes", NO_PROCESSES),
    (
        "threading.py",
        RuntimeError,
        "can't start new thread",
        "Pyodide cannot start threads (the test's local HTTP server or workers)",
    ),
)


class _Absent(types.ModuleType):
    """Stands in for an absent package in a test module: using it skips."""

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):
            raise AttributeError(name)
        reason = ABSENT[self.__name__.partition(".")[0]]
        raise pytest.skip.Exception(reason, allow_module_level=True)


class _AbsentImport:
    """``__import__`` that gives test modules a stand-in for an absent package.

    The stand-in is never put in ``sys.modules``: the library, and the packages
    the tests use (Hypothesis looks for numpy there), still find it absent.
    """

    def __init__(self, tests: str) -> None:
        self.tests = tests
        self.original = builtins.__import__

    def __call__(
        self,
        name: str,
        globals: Mapping[str, object] | None = None,
        locals: Mapping[str, object] | None = None,
        fromlist: Sequence[str] | None = (),
        level: int = 0,
    ) -> types.ModuleType:
        try:
            return self.original(name, globals, locals, fromlist, level)
        except ModuleNotFoundError as error:
            top = name.partition(".")[0]
            if (
                level == 0
                and top in ABSENT
                and (error.name or "").partition(".")[0] == top
                and str((globals or {}).get("__file__", "")).startswith(self.tests)
            ):
                return _Absent(top)
            raise


def _limit(excinfo: pytest.ExceptionInfo[BaseException], tests: str) -> str | None:
    """The reason to skip, if a test met one of Pyodide's LIMITS."""
    for module, kind, words, reason in LIMITS:
        if not isinstance(excinfo.value, kind) or words not in str(excinfo.value):
            continue
        caller = None  # the test file or the library, whichever called last
        for entry in excinfo.traceback:
            path = str(entry.path)
            if path.startswith(tests):
                caller = "test"
            elif "/foi_deadlines/" in path:
                caller = "library"
            elif path.endswith("/" + module) and caller == "test":
                return reason
    return None


def _in_pyodide() -> bool:
    return sys.platform == "emscripten"


def _key(path: object, root: object) -> str:
    posix = PurePosixPath(str(path))
    if "site-packages" in posix.parts:
        return PurePosixPath(
            *posix.parts[posix.parts.index("site-packages") + 1 :]
        ).as_posix()
    try:
        return posix.relative_to(str(root)).as_posix()
    except ValueError:
        return posix.as_posix()


def pytest_configure(config: pytest.Config) -> None:
    """Give test modules stand-ins for absent packages."""
    if _in_pyodide():
        builtins.__import__ = _AbsentImport(f"{config.rootpath / 'tests'}/")


def pytest_unconfigure(config: pytest.Config) -> None:
    """Put the original ``__import__`` back."""
    del config
    if isinstance(builtins.__import__, _AbsentImport):
        builtins.__import__ = builtins.__import__.original


@pytest.hookimpl(tryfirst=True)
def pytest_make_collect_report(collector: pytest.Collector) -> CollectReport | None:
    """Report a listed module as skipped instead of importing it."""
    if not _in_pyodide() or not isinstance(collector, pytest.Module):
        return None
    reason = MODULES.get(_key(collector.path, collector.config.rootpath))
    if reason is None:
        return None
    return CollectReport(
        collector.nodeid, "skipped", (str(collector.path), 0, f"Skipped: {reason}"), []
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the listed tests to be skipped, with their reasons."""
    if not _in_pyodide():
        return
    for item in items:
        module = _key(item.path, item.config.rootpath)
        for name in getattr(item, "fixturenames", ()):
            reason = FIXTURES.get((module, name))
            if reason is not None:
                item.add_marker(pytest.mark.skip(reason=reason))
        for prefix, reason in TESTS.items():
            if item.nodeid == prefix or item.nodeid.startswith(prefix + "::"):
                item.add_marker(pytest.mark.skip(reason=reason))


def _at(report: CollectReport | TestReport, path: object, line: int) -> None:
    """Place a skip raised here (by a stand-in) at the test that met it."""
    if (
        report.skipped
        and isinstance(report.longrepr, tuple)
        and report.longrepr[0] == __file__
    ):
        report.longrepr = (str(path), line, report.longrepr[2])


def pytest_collectreport(report: CollectReport) -> None:
    """A module skipped by a stand-in is reported at the module."""
    if _in_pyodide():
        _at(report, report.nodeid.partition("::")[0], 0)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, TestReport, TestReport]:
    """Report a test that met one of Pyodide's LIMITS as skipped, with the reason."""
    report = yield
    if not _in_pyodide():
        return report
    line = (item.location[1] or 0) + 1
    if report.failed and call.excinfo is not None:
        reason = _limit(call.excinfo, f"{item.config.rootpath / 'tests'}/")
        if reason is not None:
            report.outcome = "skipped"
            report.longrepr = (str(item.path), line, f"Skipped: {reason}")
    _at(report, item.path, line)
    return report
