"""Write foi_deadlines/data/case.schema.json from the library's own lists.

The JSON Schema of the case format names the regimes, bodies, divisions, event
kinds, outcomes and policies, and those come from the code
(:func:`foi_deadlines.case_json.json_schema`). The file shipped in the package is a
copy, so that tools without Python can validate documents; ``tests/test_case_json``
checks that it is up to date. After adding a regime, an event kind or a policy, run::

    python scripts/make_schema.py

and review the diff before committing it. ``--check`` only reports whether the file
is up to date (exit status 1 if not).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from foi_deadlines.case_json import json_schema

SCHEMA = (
    Path(__file__).resolve().parents[1] / "foi_deadlines" / "data" / "case.schema.json"
)


def text() -> str:
    """The schema as the file holds it."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the file, or with ``--check`` compare it; the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only")
    args = parser.parse_args(argv)
    wanted = text()
    if SCHEMA.read_text(encoding="utf-8") == wanted:
        print(f"{SCHEMA.name} is up to date")
        return 0
    if args.check:
        print(f"{SCHEMA.name} is out of date: run python scripts/make_schema.py")
        return 1
    # Written beside the file and renamed over it, so it is never half-written.
    handle, temporary = tempfile.mkstemp(dir=SCHEMA.parent, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
        out.write(wanted)
    Path(temporary).replace(SCHEMA)
    print(f"wrote {SCHEMA}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
