#!/usr/bin/env bash
# Runs foi_deadlines in Pyodide (the runtime of xlwings Lite) under Node, offline:
# builds the project's wheel, fetches its dependencies' wheels (and the test
# tools') for Pyodide's Python, installs the pinned Pyodide from the npm registry,
# then .ci/pyodide/run.mjs loads Pyodide from node_modules with no network,
# installs the wheels with loadPackage, runs a smoke test and part of the test
# suite (see pyodide_skips.py for what is skipped there, and why).
#
#   bash .ci/pyodide/run.sh           # from the repository root, venv active
#   bash .ci/pyodide/run.sh --bench   # then benchmarks/bench_pyodide.mjs
#
# Needs python (with pip), node and npm; reaches only PyPI and the npm registry.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
python="${PYTHON:-python}"
wheels="$here/wheels"

echo "pyodide: npm ci (the pinned Pyodide)"
(cd "$here" && npm ci --no-audit --no-fund --silent)
# The Python version Pyodide ships, from its lock file: the wheels are chosen for it.
py_version="$(node -p "require('$here/node_modules/pyodide/pyodide-lock.json').info.python.split('.').slice(0, 2).join('.')")"

echo "pyodide: building the wheel and fetching dependency wheels for Python $py_version"
rm -rf "$wheels"
mkdir -p "$wheels/runtime" "$wheels/test"
"$python" -m pip wheel --quiet --no-deps --wheel-dir "$wheels/runtime" "$root"
project_wheel="$(ls "$wheels"/runtime/foi_deadlines-*.whl)"
# Pure-Python wheels only: anything else makes the download fail. pip evaluates
# environment markers for this machine, not emscripten, so tzdata (needed where
# the system has no zone data, Pyodide included) is named explicitly.
target=(--only-binary=:all: --python-version "$py_version" --implementation py --abi none
    --platform any --disable-pip-version-check)
"$python" -m pip download --quiet "${target[@]}" --dest "$wheels/runtime" \
    "$project_wheel" tzdata
# The test part: pytest and Hypothesis, and the pure-Python optional packages the
# suite reads files with (openpyxl, icalendar). numpy, jsonschema and xlwings have
# no pure-Python wheels: their tests are skipped in Pyodide.
"$python" -m pip download --quiet "${target[@]}" --dest "$wheels/test" \
    "$project_wheel" tzdata "pytest>=8" "hypothesis>=6.100" "openpyxl>=3.1" "icalendar>=6.1"

echo "pyodide: smoke test and test suite (offline)"
node "$here/run.mjs" --wheels "$wheels/test" --repo "$root"

if [[ "${1:-}" == "--bench" ]]; then
    node "$root/benchmarks/bench_pyodide.mjs" --wheels "$wheels/runtime" --python "$python"
fi
