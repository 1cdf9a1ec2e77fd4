// The interpreter module pyscript.toml names: Pyodide's own, started from a memory snapshot.
//
// PyScript imports this module, reads `version` and calls `loadPyodide(options)`; then it
// writes pyscript.toml's [files] and runs the page's script as usual. This module passes
// Pyodide a snapshot of its memory taken right after start-up with the app's modules
// imported (made by `secket snapshot`, see server/secket_server/snapshot.py), so the
// interpreter is not started again in the page. Python runs the same files either way:
// pyscript.toml still lists them, and the server hands out a snapshot only while it was made
// from exactly those files and this Pyodide build.
//
// Anything wrong with the snapshot (none served, another Pyodide, bytes whose SHA-256 is not
// the one the manifest records, Pyodide refusing it) starts Python the ordinary way and says
// why in the console. <html data-python-start> says which start the page had.
import * as pyodide from "/vendor/pyodide/314.0.7/pyodide.mjs";

export const version = pyodide.version;

// Pyodide takes WebAssembly stack switching (JSPI) whenever the browser has it, as Chrome
// does since 137, and then enters Python through `WebAssembly.promising` at every resolved
// promise and every asyncio callback. Secket never needs it (it has no `run_sync`), the
// snapshot is made under Node without it, and Pyodide 314.0.7 with it has open crashes of
// the whole tab under asyncio (pyodide#5705, #6106) and of its garbage collector (#6464,
// fixed after 314.0.7). Pyodide reads these names once, when its module is evaluated inside
// loadPyodide: without them, Python runs on the one ordinary stack, as the snapshot was made.
for (const name of ["Suspending", "Suspender", "promising"]) delete WebAssembly[name];

// Pyodide's files are beside its pyodide.mjs.
const indexURL = new URL(".", import.meta.resolve("/vendor/pyodide/314.0.7/pyodide.mjs")).href;
const snapshotURL = new URL("/vendor/snapshot/", import.meta.url).href;

// Snapshot header: a magic number; from byte 16, the build id's 64 hex digits as 8 words.
const MAGIC = 1886286592;

class NoSnapshot extends Error {}

async function fetchManifest() {
  const response = await fetch(`${snapshotURL}manifest.json`, { cache: "no-cache" });
  if (response.status === 404) throw new NoSnapshot("the server has none for this page");
  if (!response.ok) throw new NoSnapshot(`its manifest answered ${response.status}`);
  const manifest = await response.json();
  if (manifest.pyodide !== version) {
    throw new NoSnapshot(`it is for Pyodide ${manifest.pyodide}, this is ${version}`);
  }
  return manifest;
}

function buildId(bytes) {
  if (bytes.length < 48) throw new NoSnapshot("it is not a Pyodide snapshot");
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, 12);
  if (words[0] !== MAGIC) throw new NoSnapshot("it is not a Pyodide snapshot");
  return Array.from(words.subarray(4, 12), (word) => word.toString(16).padStart(8, "0")).join("");
}

async function fetchBytes(manifest) {
  const response = await fetch(`${snapshotURL}snapshot.bin`);
  if (!response.ok) throw new NoSnapshot(`it answered ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (buildId(bytes) !== manifest.build_id) throw new NoSnapshot("its build id is not the manifest's");
  return bytes;
}

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// Started as soon as PyScript imports this module, while Pyodide's own files download. The
// bytes are hashed while Pyodide instantiates its WebAssembly (no Subresource Integrity,
// which would hash them before handing them over); the interpreter is used only if they
// have the SHA-256 the manifest records.
const manifest = fetchManifest();
const fetched = manifest.then(fetchBytes).then((bytes) => ({ bytes, digest: sha256(bytes) }));
for (const promise of [manifest, fetched]) promise.catch(() => {}); // awaited by loadPyodide

function started(how) {
  document.documentElement.dataset.pythonStart = how;
}

async function fromSnapshot(settings) {
  const { sha256: expected } = await manifest;
  let interpreter;
  try {
    interpreter = await pyodide.loadPyodide({
      ...settings,
      _loadSnapshot: fetched.then((snapshot) => snapshot.bytes),
    });
  } finally {
    // Pyodide copied them into its memory: 31 MB not to keep twice.
    fetched.then((snapshot) => (snapshot.bytes = null), () => {});
    if (interpreter?._api?.config) interpreter._api.config._loadSnapshot = null;
  }
  if ((await (await fetched).digest) !== expected) {
    throw new NoSnapshot("its SHA-256 is not the one the manifest records");
  }
  // The snapshot holds the state of `random` as it was seeded when it was made: seed it
  // afresh. (Secket's own randomness comes from crypto.getRandomValues.)
  interpreter.runPython("import random as _r; _r.seed(); del _r");
  return interpreter;
}

export async function loadPyodide(options = {}) {
  const settings = { ...options, indexURL };
  try {
    const interpreter = await fromSnapshot(settings);
    started("snapshot");
    console.info("Secket: Python started from the memory snapshot");
    return interpreter;
  } catch (error) {
    const why = error instanceof NoSnapshot ? error.message : `Pyodide refused it (${error.message})`;
    console.warn(`Secket: starting Python without the memory snapshot: ${why}`);
  }
  const interpreter = await pyodide.loadPyodide(settings);
  started("full");
  return interpreter;
}
