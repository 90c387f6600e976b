// Cold start of foi_deadlines in Pyodide (the runtime of xlwings Lite), next to
// CPython in the same run.
//
//   node benchmarks/bench_pyodide.mjs [--wheels DIR] [--rounds N] [--python PY] [--json]
//
// DIR holds the project's wheel and its run-time dependencies' wheels (as
// `.ci/pyodide/run.sh` leaves them in .ci/pyodide/wheels/runtime; `bash
// .ci/pyodide/run.sh --bench` builds them and runs this). Each round is a fresh
// process: a fresh Pyodide loaded from .ci/pyodide/node_modules with no network,
// the wheels installed with loadPackage, then benchmarks/bench_pyodide_steps.py
// times `import foi_deadlines`, the first `get_calendar("uk")` and 100,000
// `add_working_days`. Two Pyodide variants are timed: the wheels as installed
// (Pyodide writes no bytecode, so every start compiles every module), and with
// the installed modules compiled to .pyc beforehand (what a wheel shipping .pyc
// for Pyodide's Python would give). CPython runs the same script on the same
// wheels, unpacked. The minimum over the rounds is reported, as wall time and as
// CPU time (process.cpuUsage in Node; time.process_time in CPython), with the
// Pyodide/CPython ratios. Timing is never a test: this only prints.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
const OFFLINE = path.join(ROOT, ".ci", "pyodide", "offline.mjs");
const STEPS = path.join(HERE, "bench_pyodide_steps.py");

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : process.argv[at + 1];
}

const wheels = path.resolve(option("--wheels", path.join(ROOT, ".ci", "pyodide", "wheels", "runtime")));
const rounds = Number(option("--rounds", "5"));
const python = option("--python", "python");

function clock() {
  const usage = process.cpuUsage();
  return { wall: performance.now() / 1000, cpu: (usage.user + usage.system) / 1e6 };
}

function since(start) {
  const now = clock();
  return { wall: now.wall - start.wall, cpu: now.cpu - start.cpu };
}

const COMPILE = `
import compileall, importlib, sys, time
site = next(p for p in sys.path if p.endswith("site-packages"))
start = time.perf_counter()
ok = compileall.compile_dir(site, quiet=1, workers=1)
importlib.invalidate_caches()
assert ok, "compileall failed"
time.perf_counter() - start
`;

async function child(mode) {
  const { loadOffline, installWheels, wheelsIn, assertNoFetch } = await import(OFFLINE);
  const result = { mode, steps: {} };
  let start = clock();
  const pyodide = await loadOffline({ stdout: () => {}, stderr: (line) => console.error(line) });
  result.steps.load_runtime = since(start);
  start = clock();
  await installWheels(pyodide, wheelsIn(wheels));
  result.steps.install_wheels = since(start);
  if (mode === "pyc") {
    start = clock();
    pyodide.runPython(COMPILE);
    result.steps.compile_pyc = since(start);
  }
  pyodide.FS.mkdirTree("/bench");
  pyodide.FS.writeFile("/bench/bench_pyodide_steps.py", readFileSync(STEPS));
  start = clock();
  const text = pyodide.runPython(`
import json, sys
sys.path.insert(0, "/bench")
import bench_pyodide_steps
json.dumps(bench_pyodide_steps.run())
`);
  const whole = since(start);
  assertNoFetch();
  const inner = JSON.parse(text);
  // Inside Pyodide process_time is not CPU time: take wall time from Python and
  // the CPU share of the whole Python part from Node.
  const share = whole.wall > 0 ? whole.cpu / whole.wall : 1;
  for (const [name, step] of Object.entries(inner.steps)) {
    result.steps[name] = { wall: step.wall, cpu: step.wall * share };
  }
  result.imports = inner.imports;
  result.loaded = inner.loaded;
  result.python = inner.python;
  process.stdout.write(JSON.stringify(result));
}

function unpack(folder) {
  const target = mkdtempSync(path.join(tmpdir(), "bench-pyodide-"));
  execFileSync(python, [
    "-c",
    "import sys, zipfile, pathlib\n" +
      "for w in sorted(pathlib.Path(sys.argv[1]).glob('*.whl')):\n" +
      "    zipfile.ZipFile(w).extractall(sys.argv[2])",
    folder,
    target,
  ]);
  return target;
}

function cpython(site) {
  const done = spawnSync(python, ["-E", "-s", "-c",
    `import sys; sys.path.insert(0, ${JSON.stringify(site)}); sys.path.insert(0, ${JSON.stringify(HERE)})\n` +
      "import json, bench_pyodide_steps; print(json.dumps(bench_pyodide_steps.run()))"], { encoding: "utf8" });
  if (done.status !== 0) {
    throw new Error(`CPython round failed:\n${done.stderr}`);
  }
  const inner = JSON.parse(done.stdout);
  return { mode: "cpython", steps: inner.steps, imports: inner.imports, loaded: inner.loaded, python: inner.python };
}

function pyodideRound(mode) {
  const done = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", mode, "--wheels", wheels], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (done.status !== 0) {
    throw new Error(`Pyodide round (${mode}) failed:\n${done.stderr}`);
  }
  return JSON.parse(done.stdout);
}

function best(results) {
  const steps = {};
  for (const result of results) {
    for (const [name, step] of Object.entries(result.steps)) {
      const seen = steps[name] ?? { wall: Infinity, cpu: Infinity };
      steps[name] = { wall: Math.min(seen.wall, step.wall), cpu: Math.min(seen.cpu, step.cpu) };
    }
  }
  // The import breakdown of the fastest round.
  const fastest = results.reduce((a, b) => (a.steps.import.wall <= b.steps.import.wall ? a : b));
  return { steps, imports: fastest.imports, loaded: fastest.loaded, python: fastest.python };
}

function seconds(value) {
  return value === undefined ? "–" : `${value.toFixed(3)} s`;
}

function report(all) {
  const names = ["load_runtime", "install_wheels", "compile_pyc", "import", "first_calendar", "import+first_calendar", "add_working_days_100k"];
  for (const result of Object.values(all)) {
    const { import: imp, first_calendar: first } = result.steps;
    result.steps["import+first_calendar"] = { wall: imp.wall + first.wall, cpu: imp.cpu + first.cpu };
  }
  const { plain, pyc, cpython: cp } = all;
  console.log(`Pyodide ${plain.python} vs CPython ${cp.python}; min of ${rounds} fresh processes; wall (CPU)`);
  console.log("| step | Pyodide | Pyodide, .pyc shipped | CPython | Pyodide / CPython |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const name of names) {
    const a = plain.steps[name];
    const b = pyc.steps[name];
    const c = cp.steps[name];
    const cell = (s) => (s === undefined ? "–" : `${seconds(s.wall)} (${seconds(s.cpu)})`);
    const ratio = a && c ? `${(a.wall / c.wall).toFixed(1)} (${(a.cpu / c.cpu).toFixed(1)})` : "–";
    console.log(`| ${name.replaceAll("_", " ")} | ${cell(a)} | ${cell(b)} | ${cell(c)} | ${ratio} |`);
  }
  for (const [label, result] of [["Pyodide", plain], ["CPython", cp]]) {
    const imports = result.imports;
    console.log(`\n${label}: ${imports.modules} modules executed during import + first calendar; ` +
      `compiling source: ${seconds(imports.compile_total)}; loaded: ${result.loaded.join(", ") || "neither holidays nor dateutil.tz"}`);
    const packages = Object.entries(imports.packages).sort((x, y) => (y[1].compile + y[1].run) - (x[1].compile + x[1].run));
    console.log("  per package (modules, compile, run): " + packages.slice(0, 8)
      .map(([name, p]) => `${name} ${p.modules} ${p.compile.toFixed(3)} ${p.run.toFixed(3)}`).join("; "));
    console.log("  costliest modules (own time incl. compile): " + imports.top_modules.slice(0, 8)
      .map((m) => `${m.module} ${m.own.toFixed(3)}`).join("; "));
  }
  const target = plain.steps["import+first_calendar"].wall;
  console.log(`\nimport + first calendar in Pyodide: ${seconds(target)} (target 0.400 s)` +
    `; with .pyc shipped: ${seconds(pyc.steps["import+first_calendar"].wall)}`);
}

async function main() {
  if (process.argv.includes("--child")) {
    await child(option("--child"));
    return;
  }
  const site = unpack(wheels);
  try {
    const all = { plain: [], pyc: [], cpython: [] };
    cpython(site); // writes CPython's .pyc, as an installed package has them
    for (let round = 0; round < rounds; round += 1) {
      all.plain.push(pyodideRound("plain"));
      all.pyc.push(pyodideRound("pyc"));
      all.cpython.push(cpython(site));
    }
    const summary = Object.fromEntries(Object.entries(all).map(([mode, results]) => [mode, best(results)]));
    if (process.argv.includes("--json")) {
      console.log(JSON.stringify(summary, null, 2));
    } else {
      report(summary);
    }
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
