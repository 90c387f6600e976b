"""Benchmark a first deadline in a fresh process, against the interpreter's own start.

Each measure is the best of several fresh processes, taken in turn in one run so
that the ratios compare like with like on a shared machine:

* ``python -c pass``: the interpreter's own start, the floor of every command;
* ``python -c "import attrs"``: the floor of the library, whose values are attrs
  classes;
* ``import foi_deadlines``, then the first ``get_calendar("uk")`` and the first
  ``add_working_days``, timed inside the process (CPU time);
* the command line's main job, ``foi-deadlines due 2024-12-19``, as a user runs it
  (wall time), and whether the ``holidays`` package, ``importlib.metadata`` or the
  time zone data were imported on the way.

Bytecode is written on a first warm-up run, as an installed package has it. Run it
with ``python benchmarks/bench_cold_start.py``; it is not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

#: The targets of the project's issue on cold start.
TARGET_RATIO = 4.0
TARGET_FIRST_CALENDAR_MS = 40.0

_INSIDE = """
import sys, time
t0 = time.process_time()
import foi_deadlines
t1 = time.process_time()
calendar = foi_deadlines.get_calendar("uk")
t2 = time.process_time()
from datetime import date
calendar.add_working_days(date(2024, 12, 19), 20)
t3 = time.process_time()
heavy = sorted(
    name for name in ("holidays", "importlib.metadata", "zoneinfo", "dateutil.tz")
    if name in sys.modules
)
print(json.dumps({"import": t1 - t0, "calendar": t2 - t1, "first": t3 - t2,
                  "heavy": heavy}))
""".replace("print(json", "import json; print(json")

_CLI = (
    "import sys; from foi_deadlines.cli import main; "
    "sys.exit(main(['due', '2024-12-19']))"
)
_CLI_MODULES = (
    "import sys, io, contextlib; from foi_deadlines.cli import main\n"
    "with contextlib.redirect_stdout(io.StringIO()): main(['due', '2024-12-19'])\n"
    "print(sorted(n for n in ('holidays', 'importlib.metadata', 'zoneinfo', "
    "'dateutil.tz', 'foi_deadlines.cases', 'foi_deadlines.tracker', 'zipfile') "
    "if n in sys.modules))"
)


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["FOI_DEADLINES_DATA_DIR"] = env.get("FOI_DEADLINES_DATA_DIR", "/nonexistent")
    return env


def wall(code: str, env: dict[str, str]) -> float:
    """Seconds of wall time for a fresh interpreter to run ``code``."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def inside(env: dict[str, str]) -> dict[str, object]:
    """The CPU times measured inside a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, "-c", _INSIDE], env=env, check=True, capture_output=True
    ).stdout
    result: dict[str, object] = json.loads(out)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    env = _environment()
    wall(_CLI, env)  # writes the bytecode, as an installed package has it
    passes, attrs_only, cli = [], [], []
    first: list[dict[str, object]] = []
    for _ in range(args.rounds):
        passes.append(wall("pass", env))
        attrs_only.append(wall("import attrs", env))
        cli.append(wall(_CLI, env))
        first.append(inside(env))
    imported = subprocess.run(
        [sys.executable, "-c", _CLI_MODULES],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()

    def best(key: str) -> float:
        return min(float(str(run[key])) for run in first) * 1e3

    floor, attrs_floor, due = min(passes), min(attrs_only), min(cli)
    calendar_ms = best("import") + best("calendar")
    version = sys.version.split()[0]
    print(f"best of {args.rounds} fresh processes each, Python {version}")
    print(f"  python -c pass                     {floor * 1e3:7.1f} ms wall")
    print(f"  python -c 'import attrs'           {attrs_floor * 1e3:7.1f} ms wall")
    print(
        f"  foi-deadlines due 2024-12-19       {due * 1e3:7.1f} ms wall   "
        f"{due / floor:5.1f}x python -c pass (target <= {TARGET_RATIO:g}x), "
        f"{due / attrs_floor:4.1f}x importing attrs"
    )
    print(f"  import foi_deadlines               {best('import'):7.1f} ms CPU")
    print(f"  first get_calendar('uk')           {best('calendar'):7.1f} ms CPU")
    print(
        f"  import + first calendar            {calendar_ms:7.1f} ms CPU   "
        f"(target <= {TARGET_FIRST_CALENDAR_MS:g} ms)"
    )
    print(f"  first add_working_days             {best('first'):7.2f} ms CPU")
    heavy = first[0]["heavy"] or "none of the slow ones"
    print(f"  imported by get_calendar: {heavy}")
    print(f"  imported by the due command: {imported}")


if __name__ == "__main__":
    main()
