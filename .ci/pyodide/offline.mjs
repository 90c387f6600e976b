// Loads Pyodide from this folder's node_modules with no network, and installs
// local wheels into it. Shared by run.mjs (the CI step) and
// benchmarks/bench_pyodide.mjs.
//
// Nothing may be fetched: `fetch` is replaced by a function that records the URL
// and throws, and every message Pyodide's package loader reports as an error
// (it only *logs* a failed download) makes the load fail.
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { loadPyodide } from "pyodide";

const require = createRequire(import.meta.url);

/** The folder of the installed pyodide npm package (with a trailing slash). */
export const INDEX_URL = path.dirname(require.resolve("pyodide/pyodide.mjs")) + path.sep;

/** URLs something tried to fetch; any entry is a failure. */
export const attemptedFetches = [];

function refuseFetch(resource) {
  const url = typeof resource === "string" ? resource : resource?.url ?? String(resource);
  attemptedFetches.push(url);
  throw new Error(`network access attempted in an offline run: fetch(${url})`);
}

globalThis.fetch = async (resource) => refuseFetch(resource);

/** Throws if anything tried to reach the network so far. */
export function assertNoFetch() {
  if (attemptedFetches.length > 0) {
    throw new Error(`fetch attempted: ${attemptedFetches.join(", ")}`);
  }
}

/** The absolute paths of the .whl files in `folder`, sorted by name. */
export function wheelsIn(folder, { exclude = [] } = {}) {
  const names = readdirSync(folder)
    .filter((name) => name.endsWith(".whl"))
    .filter((name) => !exclude.some((prefix) => name.toLowerCase().startsWith(prefix)))
    .sort();
  if (names.length === 0) {
    throw new Error(`no wheels in ${folder}`);
  }
  return names.map((name) => path.resolve(folder, name));
}

/** A fresh Pyodide from node_modules; output goes to the given callbacks. */
export async function loadOffline({ stdout, stderr } = {}) {
  const pyodide = await loadPyodide({
    indexURL: INDEX_URL,
    packageCacheDir: INDEX_URL,
    stdout: stdout ?? ((line) => console.log(line)),
    stderr: stderr ?? ((line) => console.error(line)),
  });
  assertNoFetch();
  return pyodide;
}

/** Installs local wheels (absolute paths) with loadPackage; fails on any error. */
export async function installWheels(pyodide, wheels, { quiet = true } = {}) {
  const errors = [];
  await pyodide.loadPackage(wheels, {
    messageCallback: quiet ? () => {} : (message) => console.log(message),
    errorCallback: (message) => errors.push(message),
  });
  assertNoFetch();
  if (errors.length > 0) {
    throw new Error(`installing wheels failed:\n${errors.join("\n")}`);
  }
}
