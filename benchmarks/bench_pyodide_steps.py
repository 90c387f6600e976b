"""The steps ``bench_pyodide.mjs`` times, run the same way in Pyodide and CPython.

In a fresh interpreter: ``import foi_deadlines``, the first ``get_calendar("uk")``
and 100,000 ``add_working_days`` calls, each timed with ``time.process_time`` and
``time.perf_counter``. While importing and building the calendar it records, per
module, the time spent compiling source to bytecode (Pyodide writes no ``.pyc``,
so every start compiles every module) and the time spent running the module's own
body; the totals are summed per top-level package. Prints one JSON object.

Run it as ``python benchmarks/bench_pyodide_steps.py`` (the CPython side);
``bench_pyodide.mjs`` runs it in Pyodide. It is not part of the test suite.
"""

from __future__ import annotations

import importlib.machinery
import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

CALLS = 100_000


class ImportRecorder:
    """Per-module compile time and own execution time, while installed."""

    def __init__(self) -> None:
        self.compile: dict[str, float] = {}
        self.own: dict[str, float] = {}
        self._children: list[float] = []

    @contextmanager
    def installed(self) -> Iterator[None]:
        """Wrap the source loader's compile and exec steps while in the block."""
        loader: Any = importlib.machinery.SourceFileLoader
        original_compile = loader.source_to_code
        original_exec = loader.exec_module
        recorder = self

        def source_to_code(self: Any, *args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return original_compile(self, *args, **kwargs)
            finally:
                name = str(getattr(self, "name", "?"))
                spent = time.perf_counter() - start
                recorder.compile[name] = recorder.compile.get(name, 0.0) + spent

        def exec_module(self: Any, module: Any) -> None:
            recorder._children.append(0.0)
            start = time.perf_counter()
            try:
                original_exec(self, module)
            finally:
                spent = time.perf_counter() - start
                children = recorder._children.pop()
                if recorder._children:
                    recorder._children[-1] += spent
                name = module.__name__
                recorder.own[name] = recorder.own.get(name, 0.0) + spent - children

        loader.source_to_code = source_to_code
        loader.exec_module = exec_module
        try:
            yield
        finally:
            loader.source_to_code = original_compile
            loader.exec_module = original_exec

    def summary(self, top: int = 12) -> dict[str, Any]:
        """Totals, per top-level package, and the costliest modules."""
        packages: dict[str, dict[str, float]] = {}
        for name in set(self.compile) | set(self.own):
            package = packages.setdefault(
                name.split(".")[0], {"modules": 0, "compile": 0.0, "run": 0.0}
            )
            package["modules"] += 1
            package["compile"] += self.compile.get(name, 0.0)
            package["run"] += self.own.get(name, 0.0) - self.compile.get(name, 0.0)
        ranked = sorted(self.own, key=lambda name: -self.own[name])[:top]
        return {
            "compile_total": sum(self.compile.values()),
            "modules": len(self.own),
            "packages": packages,
            "top_modules": [
                {
                    "module": name,
                    "own": self.own[name],
                    "compile": self.compile.get(name, 0.0),
                }
                for name in ranked
            ],
        }


def timed(step: Callable[[], object]) -> dict[str, float]:
    """CPU and wall time of one call of ``step``."""
    cpu, wall = time.process_time(), time.perf_counter()
    step()
    return {
        "cpu": time.process_time() - cpu,
        "wall": time.perf_counter() - wall,
    }


def run() -> dict[str, Any]:
    """Time the three steps once, in this (fresh) interpreter."""
    recorder = ImportRecorder()
    steps: dict[str, dict[str, float]] = {}
    with recorder.installed():
        steps["import"] = timed(lambda: __import__("foi_deadlines"))
        import foi_deadlines  # noqa: PLC0415 - timed above

        steps["first_calendar"] = timed(lambda: foi_deadlines.get_calendar("uk"))
    calendar = foi_deadlines.get_calendar("uk")
    starts = [date(2015, 1, 1) + timedelta(days=i % 4000) for i in range(CALLS)]

    def calls() -> None:
        for start in starts:
            calendar.add_working_days(start, 20)

    steps["add_working_days_100k"] = timed(calls)
    loaded = sorted(name for name in ("holidays", "dateutil.tz") if name in sys.modules)
    return {
        "python": sys.version.split()[0],
        "platform": sys.platform,
        "bytecode_written": not sys.dont_write_bytecode,
        "steps": steps,
        "imports": recorder.summary(),
        "loaded": loaded,
    }


if __name__ == "__main__":
    print(json.dumps(run()))
