// The CI step in Pyodide: loads Pyodide from node_modules with no network,
// installs the wheels in --wheels with loadPackage, runs smoke.py, then part of
// the test suite with pytest inside Pyodide (pyodide_skips.py lists what cannot
// run there, with reasons). Exits non-zero on any failure, and if anything tried
// to fetch from the network.
//
//   node .ci/pyodide/run.mjs --wheels DIR --repo ROOT [--smoke-only] [-- PYTEST ARGS]
//
// run.sh builds the wheels and calls this. The suite sees the checkout's tests/,
// docs/, conftest.py, pyproject.toml and README.md, mounted under /suite, and
// imports foi_deadlines from the installed wheel, not from the checkout
// (/suite/foi_deadlines is a link to the installed package).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { assertNoFetch, installWheels, loadOffline, wheelsIn } from "./offline.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : process.argv[at + 1];
}

const repo = path.resolve(option("--repo", path.join(HERE, "..", "..")));
const wheels = path.resolve(option("--wheels", path.join(HERE, "wheels", "test")));
const dashes = process.argv.indexOf("--");
// The suite's part that runs here: every test module and Markdown page, less
// pyodide_skips.py's list, plus the doctests of the installed package.
const pytestArgs = dashes === -1 ? ["tests", "docs", "README.md", "--pyargs", "foi_deadlines"] : process.argv.slice(dashes + 1);

function elapsed(start) {
  return `${((performance.now() - start) / 1000).toFixed(1)} s`;
}

async function main() {
  let start = performance.now();
  const pyodide = await loadOffline();
  // Raw output, as pytest writes it (progress dots without a line each).
  pyodide.setStdout({ write: (bytes) => process.stdout.write(bytes) && bytes.length || bytes.length });
  pyodide.setStderr({ write: (bytes) => process.stderr.write(bytes) && bytes.length || bytes.length });
  const wheelFiles = wheelsIn(wheels);
  await installWheels(pyodide, wheelFiles);
  console.log(`pyodide: runtime loaded, ${wheelFiles.length} wheels installed offline (${elapsed(start)})`);

  start = performance.now();
  await pyodide.runPythonAsync(readFileSync(path.join(HERE, "smoke.py"), "utf8"));
  assertNoFetch();
  if (process.argv.includes("--smoke-only")) {
    return 0;
  }

  // The suite: tests/ and docs/ mounted from the checkout, the root files copied.
  const { FS } = pyodide;
  FS.mkdirTree("/suite");
  for (const folder of ["tests", "docs"]) {
    pyodide.mountNodeFS(`/suite/${folder}`, path.join(repo, folder));
  }
  for (const file of ["conftest.py", "pyproject.toml", "README.md"]) {
    if (existsSync(path.join(repo, file))) {
      FS.writeFile(`/suite/${file}`, readFileSync(path.join(repo, file)));
    }
  }
  // The tests read the package's files (its data, its sources) through
  // tests/../foi_deadlines: let them read the installed wheel's.
  const installed = pyodide.runPython("import foi_deadlines, os; os.path.dirname(foi_deadlines.__file__)");
  FS.symlink(installed, "/suite/foi_deadlines");
  pyodide.mountNodeFS("/ci", HERE);
  pyodide.globals.set("pytest_args", pyodide.toPy(pytestArgs));
  pyodide.globals.set("in_ci", Boolean(process.env.CI));
  start = performance.now();
  const status = await pyodide.runPythonAsync(`
import os, sys
os.chdir("/suite")
sys.path.insert(0, "/ci")
# Pyodide is slower than CPython: Hypothesis' "dev" profile (100 examples) in CI too.
os.environ.setdefault("HYPOTHESIS_PROFILE", "dev")
if in_ci:
    os.environ["CI"] = "true"
import foi_deadlines, pytest
assert "site-packages" in foi_deadlines.__file__, foi_deadlines.__file__
int(pytest.main(["-p", "pyodide_skips", "-p", "no:cacheprovider", "-q",
                 "--rootdir=/suite", *pytest_args]))
`);
  assertNoFetch();
  console.log(`pyodide: pytest exited with ${status} (${elapsed(start)})`);
  return status;
}

main().then(
  (status) => process.exit(status),
  (error) => {
    console.error(`pyodide: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
