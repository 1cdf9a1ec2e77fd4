"""The static app as one map from URL path to file, shared by the server and ``secket build``.

Only paths in the map are ever served, so there are no directory listings and no way to
reach a file outside it, whatever the request path says.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import Final

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


def cache_control(url: str) -> str:
    """The page is never cached, so a deploy is picked up at once."""
    return NO_STORE if url in ("/", INDEX) else REVALIDATE


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


def _vendor_files(root: Path) -> Iterator[tuple[str, Path]]:
    pyodide = root / "node_modules" / "pyodide"
    for name in PYODIDE_FILES:
        yield f"/vendor/pyodide/{name}", pyodide / name
    dist = root / "node_modules" / "@pyscript" / "core" / "dist"
    if dist.is_dir():
        for path in sorted(dist.iterdir()):
            if path.suffix in (".js", ".css") and path.is_file():
                yield f"/vendor/pyscript/{path.name}", path
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
    return assets


def expected_assets() -> list[str]:
    """URL paths without which the page cannot start."""
    return [
        INDEX,
        "/pyscript.toml",
        *(f"/vendor/pyodide/{name}" for name in PYODIDE_FILES),
        "/vendor/pyscript/core.js",
        "/vendor/pyscript/core.css",
        "/vendor/py/qrcodegen.py",
    ]


def missing_assets(assets: Mapping[str, Path]) -> list[str]:
    return [url for url in expected_assets() if url not in assets]
