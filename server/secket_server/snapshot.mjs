// Makes Pyodide's memory snapshot for the page, under Node, from the pinned npm package.
//
//   node snapshot.mjs SPEC.json
//
// SPEC (written by snapshot.py): {"pyodide": the npm package's directory, "out": the file to
// write, "files": [[destination, source], ...] as pyscript.toml's [files] puts them in the
// page's file system, "modules": the modules to import, "stdlib": standard library modules
// PyScript imports at every start}.
//
// It starts Pyodide with `_makeSnapshot`, writes the files where PyScript writes them (the
// same PATH_FS.resolve against the same working directory), imports the modules and those of
// "stdlib" that are in Pyodide's standard library, and writes `makeMemorySnapshot()`. Then it checks the result: a second Pyodide started from the
// snapshot must have every module imported and must run Python.
//
// A snapshot restores the WebAssembly memory only. JavaScript objects the Python side refers
// to are restored by the path they were reached by from the globals (`js.document` becomes
// the page's document), so the modules must not hold other JavaScript objects when they are
// imported; Pyodide refuses to make the snapshot if they do.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const spec = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const indexURL = spec.pyodide.endsWith("/") ? spec.pyodide : `${spec.pyodide}/`;
const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);

// Python run in a scratch namespace, so that nothing is left in __main__, where PyScript
// later runs the page's script.
function run(py, code) {
  const scope = py.toPy({});
  try {
    return py.runPython(code, { globals: scope });
  } finally {
    scope.destroy();
  }
}

// What a page's own start would have: Node's would be this script's path, which would then
// sit in the snapshot as sys.executable and $_.
const settings = {
  indexURL,
  stdout: () => {},
  stderr: (line) => console.error(line),
  _sysExecutable: "./this.program",
};

const maker = await loadPyodide({ ...settings, _makeSnapshot: true });
const { PATH, PATH_FS } = maker._module;
for (const [destination, source] of spec.files) {
  const target = PATH_FS.resolve(destination);
  maker.FS.mkdirTree(PATH.dirname(target));
  maker.FS.writeFile(target, fs.readFileSync(source));
}
run(
  maker,
  `
import gc, importlib, importlib.util, json, sys
for name in json.loads(${JSON.stringify(JSON.stringify(spec.modules))}):
    importlib.import_module(name)
for name in json.loads(${JSON.stringify(JSON.stringify(spec.stdlib))}):
    found = importlib.util.find_spec(name)
    if found is not None and (found.origin or "").startswith(("/lib/python", "built-in", "frozen")):
        importlib.import_module(name)
early = sorted(m for m in sys.modules if m.split(".")[0] in ("pyscript", "polyscript"))
assert not early, f"imported before PyScript registers them: {early}"
# loadPyodide puts the working directory first in sys.path, and does again when it starts
# from the snapshot.
sys.path.remove("")
gc.collect()
`,
);
const snapshot = maker.makeMemorySnapshot();
fs.writeFileSync(spec.out, snapshot);

const check = await loadPyodide({ ...settings, _loadSnapshot: fs.readFileSync(spec.out) });
const missing = run(
  check,
  `
import json, sys
json.dumps([m for m in json.loads(${JSON.stringify(JSON.stringify(spec.modules))}) if m not in sys.modules])
`,
);
if (missing !== "[]") throw new Error(`modules missing from the snapshot: ${missing}`);
console.log(`snapshot: ${snapshot.length} bytes, ${spec.modules.length} modules imported`);
