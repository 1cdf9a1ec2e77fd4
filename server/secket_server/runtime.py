"""The page's runtime derived from the pinned npm packages: a standard library of bytecode.

Pyodide's ``python_stdlib.zip`` holds all 614 files of the standard library as deflated
source (2.49 MB on the wire), which the page would download whole and compile module by
module at every start. ``ensure_runtime`` derives from the pinned package (``pinned.py``),
once per change of its inputs, a library of only what the page can import, as bytecode
compiled by the pinned Pyodide itself under Node (``runtime.mjs`` runs ``stdlib_trim.py``
inside it; that module's docstring says which modules it keeps), stored uncompressed so that
brotli on the wire compresses it as a whole: ``build/runtime/python_stdlib.zip``, 0.91 MB
with brotli. It also carries hash-checked bytecode of the page's own Python files and of
PyScript's Python package.

A manifest beside it records what it was derived from and its SHA-256. It is served at
``/vendor/runtime/`` only while that manifest matches the checkout (``runtime_problem``,
checked again whenever one of its inputs changes on disk: an edited Python file is never
served with a library traced from its old imports), and the page (``app/interpreter.mjs``)
uses it only when its bytes have the manifest's SHA-256, starting from the npm package's
own library otherwise.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Final

from aiohttp import hdrs, web

from secket.core.errors import DeriveError

from .pinned import (
    PINNED,
    PYODIDE,
    PYSCRIPT_CHUNK,
    check_pins,
    module_name,
    page_files,
    pyodide_version,
    pyscript_package,
    sha256_file,
)

#: Where the runtime is derived, relative to the checkout (ignored by git).
RUNTIME_DIR: Final = Path("build") / "runtime"
STDLIB_FILE: Final = "python_stdlib.zip"
MANIFEST_FILE: Final = "manifest.json"
#: What the library holds, for people and tests (not served).
REPORT_FILE: Final = "report.json"
#: Where the page finds them.
URL_PREFIX: Final = "/vendor/runtime/"
MANIFEST_URL: Final = URL_PREFIX + MANIFEST_FILE
STDLIB_URL: Final = URL_PREFIX + STDLIB_FILE
#: The Node script that derives it, and the Python it runs inside Pyodide.
MAKER: Final = Path(__file__).with_name("runtime.mjs")
TRIMMER: Final = Path(__file__).with_name("stdlib_trim.py")
#: Bumped when the manifest or the way the runtime is derived changes meaning.
FORMAT: Final = 1
#: How long Node may take (5 to 50 s on a busy 2-core machine).
MAKE_TIMEOUT_S: Final = 300.0

#: Standard library modules the page may import that no import statement names, and why.
#: Codecs are imported by name, and only when text is encoded or decoded under a name that
#: ``str.encode``/``bytes.decode`` have no built-in fast path for (their fast paths cover
#: utf-8, ascii and latin-1, which is all the page's own Python uses).
LAZY_MODULES: Final[Mapping[str, str]] = {
    "encodings.utf_8_sig": "a source file with a byte order mark, read by tokenize "
    "(linecache, for a traceback of the page's own Python)",
    "encodings.latin_1": "a source file that declares latin-1, read by tokenize",
    "encodings.ascii": "codecs.lookup('ascii'), and text streams opened as ascii",
}


@dataclass(frozen=True, slots=True)
class Inputs:
    """What the runtime is derived from, and their digest."""

    pyodide_version: str
    #: pyscript.toml's ``[files]``: (URL path, destination in the page, source file).
    files: tuple[tuple[str, str, Path], ...]
    #: PyScript's package as PyScript writes it: (destination, text).
    pyscript: tuple[tuple[str, str], ...]
    #: The modules of ``files``, which the page imports at start.
    modules: tuple[str, ...]
    digest: str


def runtime_dir(root: Path) -> Path:
    return root / RUNTIME_DIR


def runtime_inputs(root: Path, assets: Mapping[str, Path]) -> Inputs:
    """What the runtime is derived from; raise DeriveError if it must not be."""
    check_pins(root)
    version = pyodide_version(root)
    files = page_files(root, assets)
    pyscript = pyscript_package(root)
    modules = tuple(name for _, destination, _ in files if (name := module_name(destination)))
    described = {
        "format": FORMAT,
        "pins": dict(PINNED),
        "maker": sha256_file(MAKER),
        "trimmer": sha256_file(TRIMMER),
        "files": [[url, destination, sha256_file(source)] for url, destination, source in files],
        "pyscript": [[path, hashlib.sha256(text.encode()).hexdigest()] for path, text in pyscript],
        "lazy": sorted(LAZY_MODULES),
    }
    digest = hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()
    return Inputs(version, files, pyscript, modules, digest)


def start_urls(assets: Mapping[str, Path], inputs: Inputs) -> list[str]:
    """What Python's start downloads besides the derived library, by URL path: the runtime's
    JavaScript and WebAssembly, PyScript's, and pyscript.toml's ``[files]``."""
    wanted = {
        "pyodide": {"pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"},
        "pyscript": {"core.js", PurePosixPath(PYSCRIPT_CHUNK).name},
    }
    runtime = [
        url
        for url in assets
        if any(
            url.startswith(f"/vendor/{package}/") and PurePosixPath(url).name in names
            for package, names in wanted.items()
        )
    ]
    return runtime + [url for url, _, _ in inputs.files]


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        value = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def _write_json(path: Path, value: dict[str, Any]) -> None:
    """Written under another name first, so a reader never sees half of it."""
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(value, indent=1) + "\n")
    os.replace(temporary, path)


def read_manifest(root: Path) -> dict[str, Any] | None:
    return _read_json(runtime_dir(root) / MANIFEST_FILE)


def read_report(root: Path) -> dict[str, Any] | None:
    """What the derived library holds: ``modules``, ``frozen``, ``left_out``, ``bytecode``,
    ``pycache`` (stdlib_trim.derive's report)."""
    return _read_json(runtime_dir(root) / REPORT_FILE)


def runtime_problem(
    root: Path, assets: Mapping[str, Path], *, check_bytes: bool = False
) -> str | None:
    """Why the derived runtime in ``root`` must not be served (None: it may).

    Cheap enough for every server start: the library's bytes are hashed only with
    ``check_bytes`` (the page checks them anyway).
    """
    manifest = read_manifest(root)
    if manifest is None:
        return "none has been derived (`secket runtime` derives it; `make run` runs that)"
    try:
        inputs = runtime_inputs(root, assets)
    except DeriveError as exc:
        return str(exc)
    if manifest.get("format") != FORMAT:
        return "it was derived by another version of Secket"
    if manifest.get("inputs") != inputs.digest:
        return "what it was derived from changed (the app's Python files, the runtime or the maker)"
    path = runtime_dir(root) / STDLIB_FILE
    described = manifest.get("stdlib", {})
    try:
        size = path.stat().st_size
    except OSError:
        return f"{path} is missing"
    if size != described.get("size"):
        return f"{path} is not the file the manifest describes"
    if check_bytes and sha256_file(path) != described.get("sha256"):
        return f"{path} does not have the SHA-256 the manifest records"
    return None


def runtime_assets(root: Path, assets: Mapping[str, Path]) -> dict[str, Path]:
    """URL path -> file for the derived runtime and its manifest, if they may be served."""
    if runtime_problem(root, assets) is not None:
        return {}
    directory = runtime_dir(root)
    return {URL_PREFIX + name: directory / name for name in (STDLIB_FILE, MANIFEST_FILE)}


def _run_maker(spec: dict[str, Any], scratch: Path) -> dict[str, Any]:
    """Run ``node runtime.mjs SPEC.json``; return the report it prints."""
    node = os.environ.get("SECKET_NODE") or shutil.which("node")
    if node is None:
        raise DeriveError("Node.js is needed to derive the runtime, and `node` is not on PATH")
    spec_path = scratch / "spec.json"
    spec_path.write_text(json.dumps(spec))
    try:
        done = subprocess.run(  # noqa: S603 (a fixed script, run by the operator's Node)
            [node, str(MAKER), str(spec_path)],
            capture_output=True,
            text=True,
            timeout=MAKE_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DeriveError(f"Node could not derive the runtime: {exc}") from None
    if done.returncode != 0:
        tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-12:])
        raise DeriveError(f"Node could not derive the runtime:\n{tail}")
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def derive_runtime(root: Path, assets: Mapping[str, Path]) -> dict[str, Any]:
    """Derive the runtime and its manifest in ``build/runtime/``; return the manifest."""
    inputs = runtime_inputs(root, assets)
    directory = runtime_dir(root)
    directory.mkdir(parents=True, exist_ok=True)
    manifest_path = directory / MANIFEST_FILE
    # Whatever happens next, the old runtime is no longer described, so no longer served.
    manifest_path.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(dir=directory) as scratch:
        out = Path(scratch, STDLIB_FILE)
        spec = {
            "pyodide": str(root / PYODIDE),
            "trim": str(TRIMMER),
            "out": str(out),
            "files": [[destination, str(source)] for _, destination, source in inputs.files],
            "pyscript": [list(item) for item in inputs.pyscript],
            "modules": list(inputs.modules),
            "lazy": sorted(LAZY_MODULES),
        }
        report = _run_maker(spec, Path(scratch))
        data = out.read_bytes()
        os.replace(out, directory / STDLIB_FILE)
    lock = _read_json(root / PYODIDE / "pyodide-lock.json") or {}
    start = {url: assets[url].stat().st_size for url in start_urls(assets, inputs)}
    # What the page reads before Python starts: kept small, it is on the critical path.
    manifest = {
        "format": FORMAT,
        "pyodide": inputs.pyodide_version,
        "inputs": inputs.digest,
        "stdlib": {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()},
        # The package index without its packages: the page loads none, so it needs none of
        # the 119 kB (22 kB with brotli) the npm package's lock file takes.
        "lock": {"info": lock.get("info"), "packages": {}},
        # The bytes of each file the start downloads, by URL path (the page's progress).
        "start": {**start, STDLIB_URL: len(data)},
    }
    _write_json(directory / REPORT_FILE, report)
    _write_json(manifest_path, manifest)
    return manifest


def ensure_runtime(
    root: Path, assets: Mapping[str, Path], progress: Callable[[str], None] | None = None
) -> str:
    """Derive the runtime unless a good one is there; say which. Raise DeriveError."""
    problem = runtime_problem(root, assets, check_bytes=True)
    if problem is None:
        return f"derived runtime: up to date in {runtime_dir(root)}"
    if progress is not None:
        progress(f"derived runtime: deriving it with Node, since {problem}")
    started = time.monotonic()
    manifest = derive_runtime(root, assets)
    report = read_report(root) or {}
    return (
        f"derived runtime: made in {time.monotonic() - started:.1f} s, a standard library of "
        f"{len(report.get('modules', ()))} modules as bytecode, "
        f"{manifest['stdlib']['size'] / 1e6:.2f} MB, Python {report.get('python')}"
    )


# Serving ----------------------------------------------------------------------------------
_Stamp = tuple[int, int, int] | None


def _stamp(path: Path) -> _Stamp:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ino


class RuntimeGate:
    """Whether the manifest may be handed out now: ``runtime_problem``, computed again only
    when a file it depends on changed (a stat of each per request, not a hash)."""

    def __init__(self, root: Path, assets: Mapping[str, Path]) -> None:
        self.root = root
        self.assets = dict(assets)
        directory = runtime_dir(root)
        watched: Iterable[Path] = (
            root / "pyscript.toml",
            *(root / relative for relative in PINNED),
            MAKER,
            TRIMMER,
            directory / MANIFEST_FILE,
            directory / STDLIB_FILE,
            *sorted({path for url, path in self.assets.items() if url.endswith(".py")}),
        )
        self._watched = tuple(watched)
        self._stamps: tuple[_Stamp, ...] | None = None
        self._problem: str | None = None

    def problem(self) -> str | None:
        stamps = tuple(_stamp(path) for path in self._watched)
        if stamps != self._stamps:
            self._problem = runtime_problem(self.root, self.assets)
            self._stamps = stamps
        return self._problem


RUNTIME_GATE_KEY: Final = web.AppKey("runtime_gate", RuntimeGate)


async def manifest_view(request: web.Request) -> web.StreamResponse:
    """The manifest, or 404 (the page then starts from the npm package's own library)."""
    gate = request.app[RUNTIME_GATE_KEY]
    problem = gate.problem()
    if problem is not None:
        raise web.HTTPNotFound(text=f"No derived runtime: {problem}.\n")
    return web.FileResponse(
        runtime_dir(gate.root) / MANIFEST_FILE,
        headers={hdrs.CONTENT_TYPE: "application/json", hdrs.CACHE_CONTROL: "no-cache"},
    )
