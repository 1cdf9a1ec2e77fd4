"""Pyodide's memory snapshot: the page's Python, started and with the app imported, as bytes.

``make_snapshot`` runs ``snapshot.mjs`` under Node with the pinned Pyodide package: it
writes the files pyscript.toml's ``[files]`` lists where PyScript writes them, imports their
modules (and the standard library modules PyScript's own Python imports), and saves the
WebAssembly memory to ``build/snapshot/snapshot.bin``. A manifest
beside it records the Pyodide version and build id, a digest of everything the snapshot was
made from (the runtime, the maker, each listed file) and the snapshot's SHA-256.

A snapshot runs the modules it holds, not the files on disk, so it is served (at
``/vendor/snapshot/``) only while its manifest matches the checkout: ``snapshot_problem``
says why not otherwise. The server checks that when it starts, and again before it hands out
the manifest whenever one of those files changed on disk (``SnapshotGate``), so an edited
Python file is never shadowed by its old copy in the snapshot. The page
(``app/interpreter.mjs``) reads the manifest first, checks the snapshot's SHA-256 against it,
and starts Python the ordinary way when anything is wrong.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Final

from aiohttp import hdrs, web

from secket.core.errors import SnapshotError

#: Where the snapshot is made, relative to the checkout (ignored by git).
SNAPSHOT_DIR: Final = Path("build") / "snapshot"
SNAPSHOT_FILE: Final = "snapshot.bin"
MANIFEST_FILE: Final = "manifest.json"
#: Where the page finds them.
URL_PREFIX: Final = "/vendor/snapshot/"
MANIFEST_URL: Final = URL_PREFIX + MANIFEST_FILE
#: The Node script that makes the snapshot.
MAKER: Final = Path(__file__).with_name("snapshot.mjs")
#: Bumped when the manifest or the way the snapshot is made changes meaning.
FORMAT: Final = 1
#: How long Node may take (it takes 5 to 15 s on a busy 2-core machine).
MAKE_TIMEOUT_S: Final = 300.0

_BUILD_ID = re.compile(r'BUILD_ID:"([0-9a-f]{64})"')
#: A Python file of PyScript's own package, as its JavaScript bundle carries it.
_PYSCRIPT_FILE = re.compile(r'"[A-Za-z_]+\.py":("(?:[^"\\]|\\.)*")')
#: What the page itself provides: never imported into the snapshot.
_PAGE_PROVIDED = frozenset(
    {"js", "jsffi", "pyodide", "pyodide_js", "pyscript", "polyscript", "_pyscript"}
)


@dataclass(frozen=True, slots=True)
class Inputs:
    """What a snapshot is made from, and their digest."""

    pyodide_version: str
    build_id: str
    #: (destination in the page's file system, source file), in pyscript.toml's order.
    files: tuple[tuple[str, Path], ...]
    #: The modules imported into the snapshot.
    modules: tuple[str, ...]
    #: Standard library modules imported too, because PyScript imports them at every start.
    stdlib: tuple[str, ...]
    digest: str


def snapshot_dir(root: Path) -> Path:
    return root / SNAPSHOT_DIR


def pyodide_build(root: Path) -> tuple[str, str]:
    """The pinned Pyodide package's version and the build id its snapshots carry."""
    package = root / "node_modules" / "pyodide"
    try:
        version = json.loads((package / "package.json").read_text())["version"]
        match = _BUILD_ID.search((package / "pyodide.mjs").read_text())
    except (OSError, ValueError, KeyError) as exc:
        raise SnapshotError(f"no usable Pyodide package in {package}: {exc}") from None
    if not isinstance(version, str) or match is None:
        raise SnapshotError(f"no Pyodide version or build id in {package}")
    return version, match.group(1)


def page_files(root: Path, assets: Mapping[str, Path]) -> tuple[tuple[str, Path], ...]:
    """pyscript.toml's ``[files]``: each destination with the file the server sends for it."""
    try:
        config = tomllib.loads((root / "pyscript.toml").read_text())
    except (OSError, ValueError) as exc:
        raise SnapshotError(f"cannot read pyscript.toml: {exc}") from None
    files: list[tuple[str, Path]] = []
    for url, destination in dict(config.get("files", {})).items():
        if not url.startswith("/") or "{" in url or destination.endswith(("/", "*")):
            raise SnapshotError(f"pyscript.toml [files]: unsupported entry {url!r}")
        source = assets.get(url)
        if source is None:
            raise SnapshotError(f"pyscript.toml [files]: nothing is served at {url}")
        files.append((destination, source))
    if not files:
        raise SnapshotError("pyscript.toml lists no [files]")
    return tuple(files)


def module_name(destination: str) -> str | None:
    """The module a ``[files]`` destination is imported as, or None if it is no module."""
    path = PurePosixPath(destination)
    if path.is_absolute() or ".." in path.parts or path.suffix != ".py":
        return None
    parts = [part for part in path.with_suffix("").parts if part != "."]
    if parts and parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts) or None


def pyscript_imports(root: Path) -> tuple[str, ...]:
    """What PyScript's own Python package (inside its JavaScript) imports besides itself and
    the page's JavaScript modules: standard library modules, which the snapshot can hold."""
    found: set[str] = set()
    for bundle in sorted((root / "node_modules" / "@pyscript" / "core" / "dist").glob("*.js")):
        for match in _PYSCRIPT_FILE.finditer(bundle.read_text(encoding="utf-8")):
            try:
                tree = ast.parse(json.loads(match.group(1)))
            except (ValueError, SyntaxError):
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    found.update(alias.name for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    found.add(node.module)
    return tuple(sorted(name for name in found if name.split(".")[0] not in _PAGE_PROVIDED))


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def snapshot_inputs(root: Path, assets: Mapping[str, Path]) -> Inputs:
    version, build_id = pyodide_build(root)
    files = page_files(root, assets)
    modules = tuple(name for destination, _ in files if (name := module_name(destination)))
    stdlib = pyscript_imports(root)
    described = {
        "format": FORMAT,
        "pyodide": version,
        "build_id": build_id,
        "maker": _sha256_file(MAKER),
        "files": [[destination, _sha256_file(source)] for destination, source in files],
        "modules": modules,
        "stdlib": stdlib,
    }
    digest = hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()
    return Inputs(version, build_id, files, modules, stdlib, digest)


def read_manifest(root: Path) -> dict[str, Any] | None:
    try:
        manifest = json.loads((snapshot_dir(root) / MANIFEST_FILE).read_text())
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def snapshot_problem(
    root: Path, assets: Mapping[str, Path], *, check_bytes: bool = False
) -> str | None:
    """Why the snapshot in ``root`` must not be served (None: it may).

    Cheap enough for every server start: the snapshot's own bytes are hashed only with
    ``check_bytes`` (the page checks them anyway).
    """
    manifest = read_manifest(root)
    if manifest is None:
        return "none has been made (`secket snapshot` makes it; `make run` runs that)"
    try:
        inputs = snapshot_inputs(root, assets)
    except SnapshotError as exc:
        return str(exc)
    if manifest.get("format") != FORMAT:
        return "it was made by another version of Secket"
    if manifest.get("pyodide") != inputs.pyodide_version:
        return f"it is for Pyodide {manifest.get('pyodide')}, not {inputs.pyodide_version}"
    if manifest.get("build_id") != inputs.build_id:
        return "it is for another build of Pyodide"
    if manifest.get("inputs") != inputs.digest:
        return "what it was made from changed (the app's Python files or the maker)"
    path = snapshot_dir(root) / SNAPSHOT_FILE
    try:
        size = path.stat().st_size
    except OSError:
        return f"{path} is missing"
    if size != manifest.get("size"):
        return f"{path} is not the file the manifest describes"
    if check_bytes and _sha256_file(path) != manifest.get("sha256"):
        return f"{path} does not have the SHA-256 the manifest records"
    return None


def snapshot_assets(root: Path, assets: Mapping[str, Path]) -> dict[str, Path]:
    """URL path -> file for the snapshot and its manifest, if they may be served."""
    if snapshot_problem(root, assets) is not None:
        return {}
    directory = snapshot_dir(root)
    return {URL_PREFIX + name: directory / name for name in (SNAPSHOT_FILE, MANIFEST_FILE)}


def _node() -> str:
    node = os.environ.get("SECKET_NODE") or shutil.which("node")
    if node is None:
        raise SnapshotError("Node.js is needed to make the snapshot, and `node` is not on PATH")
    return node


def make_snapshot(root: Path, assets: Mapping[str, Path]) -> dict[str, Any]:
    """Make the snapshot and its manifest in ``build/snapshot/``; return the manifest."""
    inputs = snapshot_inputs(root, assets)
    directory = snapshot_dir(root)
    directory.mkdir(parents=True, exist_ok=True)
    manifest_path = directory / MANIFEST_FILE
    # Whatever happens next, the old snapshot is no longer described, so no longer served.
    manifest_path.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(dir=directory) as scratch:
        out = Path(scratch, SNAPSHOT_FILE)
        spec = {
            "pyodide": str(root / "node_modules" / "pyodide"),
            "out": str(out),
            "files": [[destination, str(source)] for destination, source in inputs.files],
            "modules": list(inputs.modules),
            "stdlib": list(inputs.stdlib),
        }
        spec_path = Path(scratch, "spec.json")
        spec_path.write_text(json.dumps(spec))
        try:
            done = subprocess.run(  # noqa: S603 (a fixed script, run by the operator's Node)
                [_node(), str(MAKER), str(spec_path)],
                capture_output=True,
                text=True,
                timeout=MAKE_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise SnapshotError(f"Node could not make the snapshot: {exc}") from None
        if done.returncode != 0 or not out.is_file():
            tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-12:])
            raise SnapshotError(f"Node could not make the snapshot:\n{tail}")
        data = out.read_bytes()
        os.replace(out, directory / SNAPSHOT_FILE)
    digest = hashlib.sha256(data)
    manifest = {
        "format": FORMAT,
        "pyodide": inputs.pyodide_version,
        "build_id": inputs.build_id,
        "inputs": inputs.digest,
        "modules": list(inputs.modules),
        "stdlib": list(inputs.stdlib),
        "size": len(data),
        "sha256": digest.hexdigest(),
    }
    temporary = manifest_path.with_suffix(".tmp")
    temporary.write_text(json.dumps(manifest, indent=1) + "\n")
    os.replace(temporary, manifest_path)
    return manifest


def ensure_snapshot(
    root: Path, assets: Mapping[str, Path], progress: Callable[[str], None] | None = None
) -> str:
    """Make the snapshot unless a good one is there; say which. Raise SnapshotError."""
    problem = snapshot_problem(root, assets, check_bytes=True)
    if problem is None:
        return f"memory snapshot: up to date in {snapshot_dir(root)}"
    if progress is not None:
        progress(f"memory snapshot: making it with Node, since {problem}")
    started = time.monotonic()
    manifest = make_snapshot(root, assets)
    return (
        f"memory snapshot: made in {time.monotonic() - started:.1f} s, "
        f"{manifest['size'] / 1e6:.1f} MB, Pyodide {manifest['pyodide']}, "
        f"{len(manifest['modules'])} modules"
    )


_Stamp = tuple[int, int, int] | None


def _stamp(path: Path) -> _Stamp:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ino


class SnapshotGate:
    """Whether the manifest may be handed out now: ``snapshot_problem``, computed again only
    when a file it depends on changed (a stat of each per request, not a hash)."""

    def __init__(self, root: Path, assets: Mapping[str, Path]) -> None:
        self.root = root
        self.assets = dict(assets)
        package = root / "node_modules" / "pyodide"
        directory = snapshot_dir(root)
        self._watched = (
            root / "pyscript.toml",
            package / "package.json",
            package / "pyodide.mjs",
            MAKER,
            directory / MANIFEST_FILE,
            directory / SNAPSHOT_FILE,
            *sorted({path for url, path in self.assets.items() if url.endswith(".py")}),
        )
        self._stamps: tuple[_Stamp, ...] | None = None
        self._problem: str | None = None

    def problem(self) -> str | None:
        stamps = tuple(_stamp(path) for path in self._watched)
        if stamps != self._stamps:
            self._problem = snapshot_problem(self.root, self.assets)
            self._stamps = stamps
        return self._problem


SNAPSHOT_GATE_KEY: Final = web.AppKey("snapshot_gate", SnapshotGate)


async def manifest_view(request: web.Request) -> web.StreamResponse:
    """The manifest, or 404 (the page then starts Python the ordinary way)."""
    gate = request.app[SNAPSHOT_GATE_KEY]
    problem = gate.problem()
    if problem is not None:
        raise web.HTTPNotFound(text=f"No memory snapshot: {problem}.\n")
    return web.FileResponse(
        snapshot_dir(gate.root) / MANIFEST_FILE,
        headers={hdrs.CONTENT_TYPE: "application/json", hdrs.CACHE_CONTROL: "no-cache"},
    )
