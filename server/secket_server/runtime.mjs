// Derives the page's standard library from the pinned npm package, under Node.
//
//   node runtime.mjs SPEC.json
//
// SPEC (written by runtime.py): {"pyodide": the npm package's directory, "trim": the path of
// stdlib_trim.py, "out": the zip to write, "files": [[destination, source]] as pyscript.toml's
// [files] puts them in the page's file system, "pyscript": [[destination, text]] for
// PyScript's own Python package as PyScript writes it, "modules": the page's modules to
// import, "lazy": modules imported at run time that no import statement names}.
//
// It starts the pinned Pyodide the ordinary way (its own python_stdlib.zip), writes the
// files where the page has them (the same PATH_FS.resolve against the same working
// directory as PyScript), and runs stdlib_trim.derive() in that Python, so the bytecode is
// compiled by the very interpreter the page runs. It prints derive()'s JSON report.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const spec = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const indexURL = spec.pyodide.endsWith("/") ? spec.pyodide : `${spec.pyodide}/`;
const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);

// PYTHONNODEBUGRANGES: the bytecode keeps line numbers but not the columns a traceback
// underlines with ^^^ (about 6 % smaller).
const py = await loadPyodide({
  indexURL,
  env: { PYTHONNODEBUGRANGES: "1" },
  stdout: () => {},
  stderr: (line) => console.error(line),
  _sysExecutable: "./this.program",
});
const { PATH, PATH_FS } = py._module;

function put(destination, data) {
  const target = PATH_FS.resolve(destination);
  py.FS.mkdirTree(PATH.dirname(target));
  py.FS.writeFile(target, data);
  return target;
}

// Absolute path in the page's file system -> its text, for the bytecode of the page's files.
const files = {};
for (const [destination, source] of spec.files) {
  const text = fs.readFileSync(source, "utf8");
  files[put(destination, text)] = text;
}
for (const [destination, text] of spec.pyscript) files[put(destination, text)] = text;

const out = "/tmp/secket-stdlib.zip";
const scope = py.toPy({});
try {
  py.runPython(fs.readFileSync(spec.trim, "utf8"), { globals: scope });
  const job = {
    stdlib: `/lib/python${py.runPython("import sys; f'{sys.version_info[0]}{sys.version_info[1]}'")}.zip`,
    out,
    files,
    modules: spec.modules,
    lazy: spec.lazy,
  };
  const derive = scope.get("derive");
  const report = derive(py.toPy(job));
  derive.destroy();
  fs.writeFileSync(spec.out, py.FS.readFile(out));
  console.log(report);
} catch (error) {
  // Only the message: Node would print the line of the minified runtime it was thrown at.
  console.error(String(error.message ?? error));
  process.exitCode = 1;
} finally {
  scope.destroy();
}
