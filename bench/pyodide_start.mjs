// Pyodide's own start under Node, with the derived standard library and with the package's:
// how long loadPyodide takes, and what a memory snapshot of the started interpreter would
// weigh on the wire (docs/benchmarks.md, "Why the links stay where they are").
//
//   node bench/pyodide_start.mjs [runs]        (after `make setup`)
//
// Each timed start runs in a new Node process: a second loadPyodide in the same process
// reuses the WebAssembly V8 compiled for the first and takes half the time.
// The snapshot is split where the WebAssembly's static data ends (__heap_base): below it is
// what the WebAssembly's data section already carries, as changed by the start; above it is
// the heap, Python's objects. Each part is compressed with brotli at quality 11, as
// `secket compress` serves files.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const derived = `${root}build/runtime/python_stdlib.zip`;
const packaged = `${root}node_modules/pyodide/python_stdlib.zip`;
const runs = Number(process.argv[2] ?? 5);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
const brotli = (bytes) =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;

// The payload of the WebAssembly's data section (id 11): what the static data starts as.
function dataSection(wasm) {
  const leb = (at) => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = wasm[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return [value, at];
    }
  };
  for (let at = 8; at < wasm.length; ) {
    const id = wasm[at];
    const [size, start] = leb(at + 1);
    if (id === 11) return wasm.subarray(start, start + size);
    at = start + size;
  }
  throw new Error("no data section");
}

async function started(stdLibURL, options = {}) {
  const begin = performance.now();
  const pyodide = await loadPyodide({ stdLibURL, ...options });
  return { pyodide, ms: performance.now() - begin };
}

if (process.env.SECKET_START_ONCE) {
  // One timed start, in this new process, printed for the parent.
  console.log((await started(process.env.SECKET_START_ONCE)).ms);
  process.exit(0);
}

for (const [name, library] of [["derived", derived], ["package", packaged]]) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const env = { ...process.env, SECKET_START_ONCE: library };
    times.push(Number(execFileSync(process.execPath, [fileURLToPath(import.meta.url)], { env })));
  }
  console.log(`loadPyodide, ${name} library: median ${median(times).toFixed(0)} ms of ${runs}`);
}

const { pyodide } = await started(derived, { _makeSnapshot: true });
pyodide.runPython("import gc; gc.collect()");
const snapshot = pyodide.makeMemorySnapshot();
const heapBase = pyodide._module.___heap_base ?? pyodide._module._emscripten_stack_get_base?.();
if (typeof heapBase !== "number") throw new Error("no __heap_base to split the snapshot at");
const staticPart = snapshot.subarray(0, heapBase);
const heap = snapshot.subarray(heapBase);
const wasm = readFileSync(`${root}node_modules/pyodide/pyodide.asm.wasm`);
console.log(`memory snapshot after the start (derived library): ${mb(snapshot.length)}`);
console.log(`  static data (below __heap_base, ${mb(heapBase)}): ${mb(brotli(staticPart))} with brotli`);
console.log(`  heap: ${mb(brotli(heap))} with brotli`);
const data = dataSection(wasm);
console.log(`pyodide.asm.wasm: ${mb(brotli(wasm))} with brotli, of which its data section`
  + ` (${mb(data.length)}) ${mb(brotli(data))}: what a snapshot's static data replaces`);
