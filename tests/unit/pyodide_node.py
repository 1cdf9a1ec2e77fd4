"""Runs a probe in the page's Python: the pinned Pyodide under Node, with the pure packages
of ``secket`` (core and i18n, never browser/) in its file system. The probe ends by binding
``RESULT`` to a string, which comes back with Pyodide's Python version."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
SECKET = ROOT / "app" / "py" / "secket"
PYODIDE = ROOT / "node_modules" / "pyodide"

NODE_SCRIPT = r"""
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
const [pyodideDir, secketDir, probeFile] = process.argv.slice(2);
const indexURL = pyodideDir.endsWith("/") ? pyodideDir : `${pyodideDir}/`;
const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
const py = await loadPyodide({ indexURL, stdout: () => {}, stderr: (l) => console.error(l) });
py.FS.mkdirTree("/probe/secket");
py.FS.writeFile("/probe/secket/__init__.py", "");  // only the pure packages, never browser/
for (const pkg of ["core", "i18n"]) {
  py.FS.mkdirTree(`/probe/secket/${pkg}`);
  for (const name of fs.readdirSync(path.join(secketDir, pkg))) {
    if (name.endsWith(".py")) {
      const source = fs.readFileSync(path.join(secketDir, pkg, name));
      py.FS.writeFile(`/probe/secket/${pkg}/${name}`, source);
    }
  }
}
py.runPython("import sys; sys.path.insert(0, '/probe')");
const version = py.runPython(
  "import sys, unicodedata; f'{sys.version_info[:2]} {unicodedata.unidata_version}'",
);
const result = py.runPython(fs.readFileSync(probeFile, "utf8") + "\nRESULT");
process.stdout.write(JSON.stringify({ version, result }));
"""


def run_in_pyodide(probe: str, tmp_path: Path) -> tuple[str, str]:
    """(``"(3, 14) 16.0.0"``: Python's version and Unicode's, the probe's ``RESULT``)."""
    node = os.environ.get("SECKET_NODE") or shutil.which("node")
    if node is None or not (PYODIDE / "pyodide.mjs").exists():
        pytest.skip("needs Node and the pinned Pyodide: run `make setup`")
    script, probe_file = tmp_path / "probe.mjs", tmp_path / "probe.py"
    script.write_text(NODE_SCRIPT)
    probe_file.write_text(probe)
    done = subprocess.run(
        [node, str(script), str(PYODIDE), str(SECKET), str(probe_file)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    answer = json.loads(done.stdout)
    return str(answer["version"]), str(answer["result"])


def run_in_cpython(probe: str) -> str:
    scope: dict[str, object] = {}
    exec(probe, scope)
    result = scope["RESULT"]
    assert isinstance(result, str)
    return result
