"""The runtime derived from the pinned packages: only from pinned files, traced from the
page's imports, served only while it matches the checkout."""

from __future__ import annotations

import ast
import hashlib
import json
import logging
import re
import tomllib
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pytest
from server_helpers import ClientFactory

from secket.core.errors import DeriveError
from secket_server import stdlib_trim
from secket_server.app import create_app
from secket_server.assets import asset_map
from secket_server.cli import main
from secket_server.config import DEFAULT_ROOT, Config
from secket_server.pinned import PINNED, check_pins, pyscript_package
from secket_server.runtime import (
    FORMAT,
    MANIFEST_FILE,
    MANIFEST_URL,
    STDLIB_FILE,
    STDLIB_URL,
    read_manifest,
    read_report,
    runtime_dir,
    runtime_inputs,
    runtime_problem,
)

APP_PY = DEFAULT_ROOT / "app" / "py"


# What is traced ---------------------------------------------------------------------------
SOURCE = """
import os, json.decoder
from typing import TYPE_CHECKING
from . import sibling
from ..core import errors
if TYPE_CHECKING:
    import decimal
def later():
    import uuid
    from email import message
if __name__ == "__main__":
    import doctest
"""


def test_every_import_statement_is_found_inside_functions_too_when_lazy() -> None:
    named = stdlib_trim.imports_named(SOURCE, "pkg.sub.mod", False, lazy=True)
    assert named == {
        "os", "json.decoder", "typing", "typing.TYPE_CHECKING", "pkg.sub", "pkg.sub.sibling",
        "pkg.core", "pkg.core.errors", "uuid", "email", "email.message",
    }  # fmt: skip
    eager = stdlib_trim.imports_named(SOURCE, "pkg.sub.mod", False, lazy=False)
    assert eager == named - {"uuid", "email", "email.message"}


def test_a_package_resolves_relative_imports_from_itself() -> None:
    named = stdlib_trim.imports_named("from . import a\nfrom .b import c\n", "p", True, lazy=False)
    assert named == {"p", "p.a", "p.b", "p.b.c"}


def test_the_closure_follows_module_level_imports_and_adds_parent_packages() -> None:
    sources = stdlib_trim.module_sources(
        ["a.py", "b/__init__.py", "b/c.py", "d.py", "lazy.py", "x-y.py", "data.txt"]
    )
    assert sources == {
        "a": ("a.py", False),
        "b": ("b/__init__.py", True),
        "b.c": ("b/c.py", False),
        "d": ("d.py", False),
        "lazy": ("lazy.py", False),
    }
    texts = {
        "a.py": b"import b.c\ndef f():\n    import lazy\n",
        "b/__init__.py": b"",
        "b/c.py": b"from .. import d\nimport builtin_only\n",
        "d.py": b"",
        "lazy.py": b"",
    }
    assert stdlib_trim.closure(["a"], sources, texts.__getitem__) == {"a", "b", "b.c", "d"}


# Pins -------------------------------------------------------------------------------------
def test_nothing_is_derived_from_a_file_that_is_not_the_pinned_one(tmp_path: Path) -> None:
    (tmp_path / "lib.zip").write_bytes(b"the pinned bytes")
    pins = {"lib.zip": hashlib.sha256(b"the pinned bytes").hexdigest()}
    check_pins(tmp_path, pins)
    (tmp_path / "lib.zip").write_bytes(b"other bytes")
    with pytest.raises(DeriveError, match=r"lib\.zip is not the pinned file"):
        check_pins(tmp_path, pins)
    (tmp_path / "lib.zip").unlink()
    with pytest.raises(DeriveError, match=r"lib\.zip cannot be read"):
        check_pins(tmp_path, pins)


def test_the_installed_packages_are_the_pinned_ones() -> None:
    check_pins(DEFAULT_ROOT)
    assert set(PINNED) >= {"node_modules/pyodide/python_stdlib.zip"}


def test_a_checkout_with_other_npm_files_derives_nothing(fake_root: Path) -> None:
    problem = runtime_problem(fake_root, asset_map(fake_root))
    assert problem is not None
    assert "none has been derived" in problem
    with pytest.raises(DeriveError, match="is not the pinned file"):
        runtime_inputs(fake_root, asset_map(fake_root))
    assert STDLIB_URL not in asset_map(fake_root)


def test_pyscripts_package_is_read_from_its_chunk_as_pyscript_writes_it() -> None:
    files = dict(pyscript_package(DEFAULT_ROOT))
    assert "./pyscript/__init__.py" in files
    assert "from pyscript.context import" in files["./pyscript/__init__.py"]
    for text in files.values():
        ast.parse(text)


# Served only while it matches -------------------------------------------------------------
@pytest.fixture
def root(fake_root: Path) -> Path:
    """A fake checkout with the real, pinned npm packages and two [files]."""
    for package in ("pyodide", "@pyscript"):
        target = fake_root / "node_modules" / package
        for path in sorted(target.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        target.rmdir()
        target.symlink_to(DEFAULT_ROOT / "node_modules" / package)
    (fake_root / "pyscript.toml").write_text(
        'name = "secket"\n[files]\n'
        '"/py/secket/__init__.py" = "./secket/__init__.py"\n'
        '"/py/secket/core/session.py" = "./secket/core/session.py"\n'
    )
    return fake_root


def fake_runtime(root: Path, data: bytes = b"PK library") -> dict[str, object]:
    """A library and manifest as ``derive_runtime`` writes them, for the checkout as it is."""
    inputs = runtime_inputs(root, asset_map(root))
    directory = runtime_dir(root)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / STDLIB_FILE).write_bytes(data)
    manifest: dict[str, object] = {
        "format": FORMAT,
        "pyodide": inputs.pyodide_version,
        "inputs": inputs.digest,
        "stdlib": {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()},
    }
    (directory / MANIFEST_FILE).write_text(json.dumps(manifest))
    return manifest


def test_a_runtime_derived_from_the_checkout_as_it_is_is_served(root: Path) -> None:
    fake_runtime(root)
    assert runtime_problem(root, asset_map(root), check_bytes=True) is None
    assets = asset_map(root)
    assert assets[STDLIB_URL] == runtime_dir(root) / STDLIB_FILE
    assert assets[MANIFEST_URL] == runtime_dir(root) / MANIFEST_FILE


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ("app", "what it was derived from changed"),
        ("files", "what it was derived from changed"),
        ("format", "another version of Secket"),
        ("size", "is not the file the manifest describes"),
        ("gone", "is missing"),
    ],
)
def test_a_runtime_that_no_longer_matches_is_not_served(
    root: Path, change: str, reason: str
) -> None:
    manifest = fake_runtime(root)
    if change == "app":
        (root / "app" / "py" / "secket" / "core" / "session.py").write_text("import uuid\n")
    elif change == "files":
        (root / "pyscript.toml").write_text(
            'name = "secket"\n[files]\n"/py/secket/__init__.py" = "./secket/__init__.py"\n'
        )
    elif change == "format":
        manifest["format"] = FORMAT + 1
        (runtime_dir(root) / MANIFEST_FILE).write_text(json.dumps(manifest))
    elif change == "size":
        (runtime_dir(root) / STDLIB_FILE).write_bytes(b"other")
    elif change == "gone":
        (runtime_dir(root) / STDLIB_FILE).unlink()
    assets = asset_map(root)
    assert STDLIB_URL not in assets
    assert MANIFEST_URL not in assets
    assert reason in (runtime_problem(root, assets) or "")


def test_bytes_that_are_not_the_recorded_ones_are_caught_when_checked(root: Path) -> None:
    fake_runtime(root, b"PK library")
    (runtime_dir(root) / STDLIB_FILE).write_bytes(b"PK LIBRARY")
    # The server does not hash the library at every start: the page checks it.
    assert runtime_problem(root, asset_map(root)) is None
    problem = runtime_problem(root, asset_map(root), check_bytes=True)
    assert "does not have the SHA-256 the manifest records" in (problem or "")


async def test_an_edit_while_the_server_runs_withdraws_the_runtime(
    root: Path, make_client: ClientFactory
) -> None:
    fake_runtime(root)
    client = await make_client(root=root)
    response = await client.get(MANIFEST_URL)
    assert response.status == 200
    assert response.content_type == "application/json"
    assert response.headers["Cache-Control"] == "no-cache"
    assert (await response.json())["pyodide"] == "314.0.7"
    assert (await client.get(STDLIB_URL)).status == 200

    session = root / "app" / "py" / "secket" / "core" / "session.py"
    session.write_text("import uuid  # a module the library was not traced with\n")
    response = await client.get(MANIFEST_URL)
    assert response.status == 404
    assert "what it was derived from changed" in await response.text()

    fake_runtime(root)  # `secket runtime` run again
    assert (await client.get(MANIFEST_URL)).status == 200


def test_the_server_says_why_it_serves_no_runtime(
    root: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="secket_server")
    create_app(Config(root=root))
    logged = [r for r in caplog.records if r.getMessage() == "runtime-not-served"]
    assert len(logged) == 1
    assert "none has been derived" in logged[0].__dict__["fields"]["reason"]


def test_the_bundle_carries_a_good_runtime(root: Path, tmp_path: Path) -> None:
    fake_runtime(root)
    out = tmp_path / "bundle"
    # `secket build` derives the runtime first when it is stale: here it is up to date.
    assert main(["build", "--out", str(out), "--root", str(root)], environ={}) == 0
    assert (out / "vendor" / "runtime" / STDLIB_FILE).read_bytes() == b"PK library"
    manifest = json.loads((out / "vendor" / "runtime" / MANIFEST_FILE).read_text())
    assert manifest["pyodide"] == "314.0.7"


def test_a_runtime_that_cannot_be_derived_is_said_and_the_bundle_is_made_without(
    fake_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["runtime", "--root", str(fake_root)], environ={}) == 1
    assert "is not the pinned file" in capsys.readouterr().err
    out = tmp_path / "bundle"
    assert main(["build", "--out", str(out), "--root", str(fake_root)], environ={}) == 0
    assert "no derived runtime" in capsys.readouterr().err
    assert not (out / "vendor" / "runtime").exists()


# The real thing ---------------------------------------------------------------------------
def page_imports() -> set[str]:
    """Every module the page's Python names in an import statement, anywhere in its files
    (function bodies included: imports done on an error path or a later click)."""
    config = tomllib.loads((DEFAULT_ROOT / "pyscript.toml").read_text())
    assets = asset_map(DEFAULT_ROOT)
    named: set[str] = set()
    for url, destination in config["files"].items():
        module = destination.removeprefix("./").removesuffix(".py").replace("/", ".")
        package = module.endswith("__init__")
        source = assets[url].read_text()
        named |= stdlib_trim.imports_named(source, module, package, lazy=True)
    return named


def missing_from(library: Path, frozen: Iterable[str], imported: Iterable[str]) -> list[str]:
    """The modules of ``imported`` that are in Pyodide's own standard library but neither in
    the trimmed ``library`` nor frozen into the interpreter."""
    with zipfile.ZipFile(DEFAULT_ROOT / "node_modules" / "pyodide" / "python_stdlib.zip") as z:
        standard = stdlib_trim.module_sources(z.namelist())
    with zipfile.ZipFile(library) as z:
        kept = {
            name.removesuffix(".pyc").removesuffix("/__init__").replace("/", ".")
            for name in z.namelist()
            if name.endswith(".pyc") and not name.startswith(stdlib_trim.PYCACHE)
        }
    return sorted(set(imported) & set(standard) - kept - set(frozen))


def test_node_derives_a_library_holding_every_module_the_page_imports() -> None:
    """The real thing: `secket runtime` (a no-op when `make` derived it already)."""
    assert main(["runtime"], environ={}) == 0
    assets = asset_map(DEFAULT_ROOT)
    assert runtime_problem(DEFAULT_ROOT, assets, check_bytes=True) is None
    report, manifest = read_report(DEFAULT_ROOT), read_manifest(DEFAULT_ROOT)
    assert report is not None
    assert manifest is not None
    library = assets[STDLIB_URL]
    imported = page_imports()
    assert {"json", "asyncio", "hashlib"} <= imported
    assert missing_from(library, report["frozen"], imported) == []
    # ... and the check fails when one is missing.
    assert missing_from(library, report["frozen"], [*imported, "uuid", "email.message"]) == [
        "email.message",
        "uuid",
    ]
    with zipfile.ZipFile(library) as z:
        members = z.infolist()
        assert all(member.compress_type == zipfile.ZIP_STORED for member in members)
        header = z.read("json/__init__.pyc")[:16]
        index = json.loads(z.read(stdlib_trim.INDEX))
    # The bytecode of the pinned Pyodide's Python (3.14), sourceless.
    assert header[:4] == bytes.fromhex("2b0e0d0a")
    assert header[4:] == bytes(12)
    assert "/home/pyodide/secket/browser/__pycache__/flow.cpython-314.pyc" in index
    assert "/home/pyodide/pyscript/__pycache__/__init__.cpython-314.pyc" in index
    assert manifest["pyodide"] == "314.0.7"
    assert manifest["lock"]["packages"] == {}
    assert manifest["start"][STDLIB_URL] == library.stat().st_size


def test_every_file_the_pages_head_requests_is_served() -> None:
    """index.html requests the start's files at once; a name that is not served (a PyScript
    chunk renamed by an update, say) would cost a 404 instead."""
    assert main(["runtime"], environ={}) == 0
    html = (DEFAULT_ROOT / "app" / "index.html").read_text()
    head = html[: html.index("</head>")]
    linked = re.findall(r'<link rel="(?:module)?preload" href="([^"]+)"', head)
    assert STDLIB_URL in linked
    assert MANIFEST_URL in linked
    assets = asset_map(DEFAULT_ROOT)
    assert [url for url in linked if url not in {*assets, "/config.json"}] == []
    # pyscript.toml says what Python the page loads; the head only asks for it early.
    config = tomllib.loads((DEFAULT_ROOT / "pyscript.toml").read_text())
    python = [url for url in linked if url.endswith(".py")]
    assert python == ["/py/main.py", *config["files"]]
    assert "/config.json" in linked
