"""The static app as one map from URL path to file, shared by the server and ``secket build``.

Only paths in the map are ever served, so there are no directory listings and no way to
reach a file outside it, whatever the request path says.

The pinned runtime (Pyodide, PyScript) is served under a path that names its npm version,
``/vendor/pyodide/314.0.7/``. Its URLs change whenever its content does (``npm ci`` checks
every package against the integrity hash in ``package-lock.json``), so browsers may keep
those files for good and never ask for them again. Everything else is revalidated before
each use, and the page itself is never cached.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import Final

from .runtime import runtime_assets
from .security import NO_STORE

#: The page; ``/`` serves it too.
INDEX: Final = "/index.html"

PYODIDE_FILES: Final = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)

#: npm packages served under ``/vendor/<name>/<version>/``, by name.
VENDOR_PACKAGES: Final[Mapping[str, str]] = {
    "pyodide": "node_modules/pyodide",
    "pyscript": "node_modules/@pyscript/core",
}
_VERSION = r"\d+\.\d+\.\d+[0-9A-Za-z.+-]*"
#: A URL whose path names the version of the file it serves.
_VERSIONED_URL = re.compile(rf"/vendor/(?:{'|'.join(VENDOR_PACKAGES)})/{_VERSION}/[^/]+")

#: Cache-Control of files whose URL names their version: kept, and never asked for again.
IMMUTABLE: Final = "public, max-age=31536000, immutable"
#: Cache-Control of the other static files: kept, but revalidated (ETag) before each use.
REVALIDATE: Final = "no-cache"

#: Paths answered by the server itself; a static file there would be shadowed.
RESERVED: Final = frozenset({"/config.json", "/healthz", "/metrics", "/ws"})

#: Compressed files are never served on their own: variants come from ``precompress``.
COMPRESSED_SUFFIXES: Final = (".br", ".gz")

_UTF8 = "; charset=utf-8"

CONTENT_TYPES: Final[Mapping[str, str]] = {
    ".html": "text/html" + _UTF8,
    ".css": "text/css" + _UTF8,
    ".js": "text/javascript" + _UTF8,
    ".mjs": "text/javascript" + _UTF8,
    ".json": "application/json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".wasm": "application/wasm",
    ".zip": "application/zip",
    ".toml": "text/plain" + _UTF8,
    ".py": "text/plain" + _UTF8,
    ".txt": "text/plain" + _UTF8,
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".webp": "image/webp",
    ".ico": "image/vnd.microsoft.icon",
    ".woff2": "font/woff2",
}


def content_type(path: str | os.PathLike[str]) -> str:
    return CONTENT_TYPES.get(PurePosixPath(path).suffix.lower(), "application/octet-stream")


def is_versioned(url: str) -> bool:
    """Whether ``url`` names the version of the file it serves."""
    return _VERSIONED_URL.fullmatch(url) is not None


def cache_control(url: str) -> str:
    """The page is never cached, so a deploy is picked up at once."""
    if url in ("/", INDEX):
        return NO_STORE
    return IMMUTABLE if is_versioned(url) else REVALIDATE


def _is_hidden(part: str) -> bool:
    return part.startswith(".") or part == "__pycache__"


def _app_files(app_dir: Path) -> Iterator[tuple[str, Path]]:
    for dirpath, dirnames, filenames in os.walk(app_dir):
        dirnames[:] = sorted(name for name in dirnames if not _is_hidden(name))
        for name in sorted(filenames):
            if _is_hidden(name) or name.endswith((".pyc", *COMPRESSED_SUFFIXES)):
                continue
            path = Path(dirpath, name)
            yield "/" + path.relative_to(app_dir).as_posix(), path


def package_version(package: Path) -> str | None:
    """The version in ``package/package.json``, if it is installed and the version is sane."""
    try:
        version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return version if isinstance(version, str) and re.fullmatch(_VERSION, version) else None


def vendor_prefix(root: Path, name: str) -> str:
    """``/vendor/pyodide/314.0.7/``; ``/vendor/pyodide/<not installed>/`` without the package."""
    version = package_version(root / VENDOR_PACKAGES[name])
    return f"/vendor/{name}/{version or '<not installed>'}/"


def _vendor_files(root: Path) -> Iterator[tuple[str, Path]]:
    pyodide = root / VENDOR_PACKAGES["pyodide"]
    if package_version(pyodide) is not None:
        prefix = vendor_prefix(root, "pyodide")
        for name in PYODIDE_FILES:
            yield prefix + name, pyodide / name
    pyscript = root / VENDOR_PACKAGES["pyscript"]
    dist = pyscript / "dist"
    if package_version(pyscript) is not None and dist.is_dir():
        prefix = vendor_prefix(root, "pyscript")
        for path in sorted(dist.iterdir()):
            if path.suffix in (".js", ".css") and path.is_file():
                yield prefix + path.name, path
    qrcodegen = qrcodegen_path()
    if qrcodegen is not None:
        yield "/vendor/py/qrcodegen.py", qrcodegen


def qrcodegen_path() -> Path | None:
    """The installed ``qrcodegen`` module's source file (served to the page as is)."""
    spec = importlib.util.find_spec("qrcodegen")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin)


def asset_map(root: Path) -> dict[str, Path]:
    """URL path -> file, for every static file of the app that exists under ``root``."""
    assets: dict[str, Path] = {}
    entries = [
        *_app_files(root / "app"),
        ("/pyscript.toml", root / "pyscript.toml"),
        *_vendor_files(root),
    ]
    for url, path in entries:
        if url in RESERVED:
            raise ValueError(f"{path} would be served at {url}, which the server answers itself")
        if url in assets:
            raise ValueError(f"both {assets[url]} and {path} would be served at {url}")
        if path.is_file():
            assets[url] = path
    # The runtime derived from the pinned packages (build/runtime/), only while it matches
    # the files above.
    assets.update(runtime_assets(root, assets))
    return assets


def expected_assets(root: Path) -> list[str]:
    """URL paths without which the page cannot start."""
    pyodide, pyscript = vendor_prefix(root, "pyodide"), vendor_prefix(root, "pyscript")
    return [
        INDEX,
        "/pyscript.toml",
        *(pyodide + name for name in PYODIDE_FILES),
        pyscript + "core.js",
        pyscript + "core.css",
        "/vendor/py/qrcodegen.py",
    ]


def missing_assets(root: Path, assets: Mapping[str, Path]) -> list[str]:
    return [url for url in expected_assets(root) if url not in assets]
