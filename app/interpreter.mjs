// The interpreter module pyscript.toml names: Pyodide's own, started from the derived runtime.
//
// PyScript imports this module, reads `version` and calls `loadPyodide(options)`; then it
// writes pyscript.toml's [files] and runs the page's script as usual. This module gives
// Pyodide the standard library that `secket runtime` derives from the pinned package
// (server/secket_server/runtime.py): only the modules the page can import, as bytecode
// compiled by this same Pyodide, about 0.9 MB on the wire instead of 2.5 MB of source to
// compile. The same zip carries hash-checked bytecode of the page's own Python files and of
// PyScript's package, which this module puts in __pycache__ where PyScript then writes those
// files: Python uses each only while the file beside it has the hash it was compiled from,
// so the files pyscript.toml lists stay the truth.
//
// Anything wrong with the derived runtime (none served, another Pyodide, bytes whose SHA-256
// is not the one the manifest records, Pyodide refusing them) starts Python from the npm
// package's own standard library instead, and says why in the console. <html
// data-python-start> says which start the page had: "derived" or "package".
//
// boot.js imports this module as the page starts, so the manifest and the library are
// requested at once (the page's <head> preloads them too), and shows `loading`'s progress.
import * as pyodide from "/vendor/pyodide/314.0.7/pyodide.mjs";

export const version = pyodide.version;

// Pyodide takes WebAssembly stack switching (JSPI) whenever the browser has it, as Chrome
// does since 137, and then enters Python through `WebAssembly.promising` at every resolved
// promise and every asyncio callback. Secket never needs it (it has no `run_sync`), and
// Pyodide 314.0.7 with it has open crashes of the whole tab under asyncio (pyodide#5705,
// #6106) and of its garbage collector (#6464, fixed after 314.0.7). Pyodide reads these
// names once, when its module is evaluated inside loadPyodide: without them, Python runs on
// the one ordinary stack.
for (const name of ["Suspending", "Suspender", "promising"]) delete WebAssembly[name];

// Pyodide's files are beside its pyodide.mjs.
const indexURL = new URL(".", import.meta.resolve("/vendor/pyodide/314.0.7/pyodide.mjs")).href;
const runtimeURL = new URL("/vendor/runtime/", import.meta.url).href;
const libraryURL = `${runtimeURL}python_stdlib.zip`;

// Download progress of the files Python's start needs, as "progress" events whose detail is
// {received, expected} (bytes, as the files are once decoded; expected is 0 until the
// manifest has said). Files count when they have arrived (Resource Timing); the library,
// which this module reads itself, as its bytes arrive.
export const loading = new EventTarget();
const arrived = new Map(); // URL path -> bytes
let expected = 0;

function report() {
  const received = [...arrived.values()].reduce((sum, bytes) => sum + bytes, 0);
  loading.dispatchEvent(new CustomEvent("progress", { detail: { received, expected } }));
}

function watchDownloads(sizes) {
  expected = Object.values(sizes).reduce((sum, bytes) => sum + bytes, 0);
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const path = new URL(entry.name).pathname;
      if (path in sizes && entry.name !== libraryURL) arrived.set(path, entry.decodedBodySize);
    }
    report();
  });
  observer.observe({ type: "resource", buffered: true });
  return observer;
}

class NotDerived extends Error {}

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function readCounting(response, path) {
  const reader = response.body.getReader();
  const chunks = [];
  let length = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(read.value);
    length += read.value.length;
    arrived.set(path, length);
    report();
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

async function fetchDerived() {
  const response = await fetch(`${runtimeURL}manifest.json`);
  if (response.status === 404) throw new NotDerived("the server has none for this page");
  if (!response.ok) throw new NotDerived(`its manifest answered ${response.status}`);
  const manifest = await response.json();
  if (manifest.pyodide !== version) {
    throw new NotDerived(`it is for Pyodide ${manifest.pyodide}, this is ${version}`);
  }
  const observer = watchDownloads(manifest.start);
  window.addEventListener("secket:ready", () => observer.disconnect(), { once: true });
  const library = await fetch(libraryURL);
  if (!library.ok) throw new NotDerived(`its standard library answered ${library.status}`);
  const bytes = await readCounting(library, new URL(libraryURL).pathname);
  if ((await sha256(bytes)) !== manifest.stdlib.sha256) {
    throw new NotDerived("its SHA-256 is not the one the manifest records");
  }
  return { manifest, bytes };
}

// Started as soon as this module is evaluated, while Pyodide's own files download. Whatever
// goes wrong before Pyodide is given the library (a network error, a manifest that is not
// JSON) means there is no usable derived runtime.
const derived = fetchDerived().catch((error) => {
  throw error instanceof NotDerived ? error : new NotDerived(`it did not arrive (${error.message})`);
});
derived.catch(() => {}); // awaited by loadPyodide

function started(how) {
  document.documentElement.dataset.pythonStart = how;
}

// Puts the hash-checked bytecode where PyScript writes the files it was compiled from: the
// zip's secket-pycache/index.json lists those places (server/secket_server/stdlib_trim.py).
const INSTALL_BYTECODE = `
import json, os, sys, zipimport
library = zipimport.zipimporter(f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip")
for path in json.loads(library.get_data("secket-pycache/index.json")):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as file:
        file.write(library.get_data("secket-pycache" + path))
`;

async function fromDerived(settings, { manifest, bytes }) {
  // Pyodide fetches its standard library from a URL: this one holds the checked bytes.
  const stdLibURL = URL.createObjectURL(new Blob([bytes]));
  let interpreter;
  try {
    // The package index comes with the manifest: the page loads no packages.
    interpreter = await pyodide.loadPyodide({
      ...settings,
      stdLibURL,
      lockFileContents: manifest.lock,
    });
  } finally {
    URL.revokeObjectURL(stdLibURL);
  }
  const scope = interpreter.toPy({}); // nothing is left in __main__
  try {
    interpreter.runPython(INSTALL_BYTECODE, { globals: scope });
  } finally {
    scope.destroy();
  }
  return interpreter;
}

export async function loadPyodide(options = {}) {
  const settings = { ...options, indexURL };
  try {
    const interpreter = await fromDerived(settings, await derived);
    started("derived");
    return interpreter;
  } catch (error) {
    const why = error instanceof NotDerived ? error.message : `Pyodide refused it (${error.message})`;
    console.warn(`Secket: starting Python without the derived runtime: ${why}`);
  }
  const interpreter = await pyodide.loadPyodide(settings);
  started("package");
  return interpreter;
}
