"""What the page's runtime is derived from: the pinned npm files, checked, and the page's
own Python as pyscript.toml lists it.

``npm ci`` checks every package against the integrity hash in ``package-lock.json``; on top
of that, the files the runtime is derived from must have the SHA-256 pinned here, or
nothing is derived from them (``check_pins``).
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Final

from secket.core.errors import DeriveError

PYODIDE: Final = "node_modules/pyodide"
#: The PyScript chunk that carries PyScript's Python package (written by PyScript at start).
PYSCRIPT_CHUNK: Final = "node_modules/@pyscript/core/dist/core-C9KDLldu.js"

#: The npm files the runtime is derived from, and the SHA-256 each must have (Pyodide
#: 314.0.7 and PyScript 0.7.31 as `npm ci` installs them from package-lock.json).
PINNED: Final[Mapping[str, str]] = {
    f"{PYODIDE}/package.json": "40ca48e43ce4ddc68412d5b7a7ca9e2477cd4f0e672277ae468ac2245717079b",
    f"{PYODIDE}/pyodide.mjs": "6f1d60f7bf529beb300f0f47983c921d3982363640ba20af0e38efdddbc66109",
    f"{PYODIDE}/pyodide.asm.mjs": (
        "f7cdc8ece80678ceb712f8e65ebe6d3a83203a180c399865f49612a051693635"
    ),
    f"{PYODIDE}/pyodide.asm.wasm": (
        "cc36e3cab04fdfc9a63ff13eb52eae2b911bf46c025cc7b281f394bd3de1d5e6"
    ),
    f"{PYODIDE}/python_stdlib.zip": (
        "fa1957e5777068fc4f7437f96d860ae2fbe9c19732ba06c84e004ec16dd7dd7a"
    ),
    f"{PYODIDE}/pyodide-lock.json": (
        "5dc2fc119108bc148c7457dc86e7675b5c87e1cafd420b9c34c1eaef7b36c010"
    ),
    PYSCRIPT_CHUNK: "6ebd3fd9f13faa7859f54bed5304c532da8a194fffbe14baf1986af1a1f17dd6",
}

#: A Python file of PyScript's package inside its chunk: ``"name.py":"text"``.
_PYSCRIPT_FILE = re.compile(r'"([A-Za-z_][A-Za-z0-9_]*\.py)":("(?:[^"\\]|\\.)*")([,}])')
_PYSCRIPT_PACKAGE = 'pyscript:{"'


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def check_pins(root: Path, pins: Mapping[str, str] = PINNED) -> None:
    """Raise DeriveError unless every file the runtime is derived from has its pinned SHA-256."""
    for relative, expected in pins.items():
        try:
            actual = sha256_file(root / relative)
        except OSError as exc:
            raise DeriveError(f"{relative} cannot be read ({exc.strerror}): run `npm ci`") from None
        if actual != expected:
            raise DeriveError(
                f"{relative} is not the pinned file (SHA-256 {actual}, pinned {expected}); "
                "nothing is derived from any other: run `npm ci`"
            )


def pyodide_version(root: Path) -> str:
    try:
        version = json.loads((root / PYODIDE / "package.json").read_text())["version"]
    except (OSError, ValueError, KeyError) as exc:
        raise DeriveError(f"no usable Pyodide package in {root / PYODIDE}: {exc}") from None
    if not isinstance(version, str):
        raise DeriveError(f"no Pyodide version in {root / PYODIDE}")
    return version


def pyscript_package(root: Path) -> tuple[tuple[str, str], ...]:
    """PyScript's Python package as PyScript writes it at start: (destination, text)."""
    bundle = (root / PYSCRIPT_CHUNK).read_text(encoding="utf-8")
    position = bundle.find(_PYSCRIPT_PACKAGE)
    if position < 0:
        raise DeriveError(f"{PYSCRIPT_CHUNK} carries no PyScript package")
    position += len(_PYSCRIPT_PACKAGE) - 1
    files: list[tuple[str, str]] = []
    while match := _PYSCRIPT_FILE.match(bundle, position):
        files.append((f"./pyscript/{match.group(1)}", json.loads(match.group(2))))
        position = match.end()
        if match.group(3) == "}":
            return tuple(files)
    raise DeriveError(f"{PYSCRIPT_CHUNK}: PyScript's package could not be read")


def page_files(root: Path, assets: Mapping[str, Path]) -> tuple[tuple[str, str, Path], ...]:
    """pyscript.toml's ``[files]``: (URL path, destination, the file the server sends)."""
    try:
        config = tomllib.loads((root / "pyscript.toml").read_text())
    except (OSError, ValueError) as exc:
        raise DeriveError(f"cannot read pyscript.toml: {exc}") from None
    files: list[tuple[str, str, Path]] = []
    for url, destination in dict(config.get("files", {})).items():
        if not url.startswith("/") or "{" in url or destination.endswith(("/", "*")):
            raise DeriveError(f"pyscript.toml [files]: unsupported entry {url!r}")
        source = assets.get(url)
        if source is None:
            raise DeriveError(f"pyscript.toml [files]: nothing is served at {url}")
        files.append((url, destination, source))
    if not files:
        raise DeriveError("pyscript.toml lists no [files]")
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
