"""Pyodide's memory snapshot: made with Node, served only while it matches the checkout."""

from __future__ import annotations

import hashlib
import json
import logging
import struct
import tomllib
from pathlib import Path

import pytest
from server_helpers import ClientFactory

from secket_server.app import create_app
from secket_server.assets import asset_map
from secket_server.cli import main
from secket_server.config import DEFAULT_ROOT, Config
from secket_server.snapshot import (
    FORMAT,
    MANIFEST_FILE,
    SNAPSHOT_FILE,
    URL_PREFIX,
    module_name,
    snapshot_dir,
    snapshot_inputs,
    snapshot_problem,
)

SNAPSHOT_URL = URL_PREFIX + SNAPSHOT_FILE
MANIFEST_URL = URL_PREFIX + MANIFEST_FILE
BUILD_ID = "ab" * 32


@pytest.fixture
def root(fake_root: Path) -> Path:
    """The fake checkout, with what a snapshot is made from: a Pyodide and [files]."""
    pyodide = fake_root / "node_modules" / "pyodide"
    (pyodide / "package.json").write_text(json.dumps({"name": "pyodide", "version": "314.0.7"}))
    (pyodide / "pyodide.mjs").write_text(f'const a={{BUILD_ID:"{BUILD_ID}"}};\n')
    (fake_root / "pyscript.toml").write_text(
        'name = "secket"\n[files]\n'
        '"/py/secket/__init__.py" = "./secket/__init__.py"\n'
        '"/py/secket/core/session.py" = "./secket/core/session.py"\n'
    )
    return fake_root


def fake_snapshot(root: Path, data: bytes = b"snapshot bytes") -> dict[str, object]:
    """A snapshot and manifest as ``make_snapshot`` writes them, for the checkout as it is."""
    inputs = snapshot_inputs(root, asset_map(root))
    directory = snapshot_dir(root)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / SNAPSHOT_FILE).write_bytes(data)
    digest = hashlib.sha256(data)
    manifest: dict[str, object] = {
        "format": FORMAT,
        "pyodide": inputs.pyodide_version,
        "build_id": inputs.build_id,
        "inputs": inputs.digest,
        "modules": list(inputs.modules),
        "size": len(data),
        "sha256": digest.hexdigest(),
    }
    (directory / MANIFEST_FILE).write_text(json.dumps(manifest))
    return manifest


@pytest.mark.parametrize(
    ("destination", "module"),
    [
        ("./secket/__init__.py", "secket"),
        ("./secket/core/kdf.py", "secket.core.kdf"),
        ("secket/browser/flow.py", "secket.browser.flow"),
        ("./qrcodegen.py", "qrcodegen"),
        ("./data/words.json", None),
        ("/lib/elsewhere.py", None),
        ("../outside.py", None),
    ],
)
def test_each_listed_python_file_is_imported_as_its_module(
    destination: str, module: str | None
) -> None:
    assert module_name(destination) == module


def test_the_snapshot_imports_every_module_pyscript_toml_lists() -> None:
    config = tomllib.loads((DEFAULT_ROOT / "pyscript.toml").read_text())
    inputs = snapshot_inputs(DEFAULT_ROOT, asset_map(DEFAULT_ROOT))
    assert len(inputs.modules) == len(config["files"])
    expected = {"secket", "secket.core.session", "secket.browser.flow", "qrcodegen"}
    assert expected <= set(inputs.modules)


def test_a_snapshot_made_from_the_checkout_as_it_is_is_served(root: Path) -> None:
    fake_snapshot(root)
    assert snapshot_problem(root, asset_map(root), check_bytes=True) is None
    assets = asset_map(root)
    assert assets[SNAPSHOT_URL] == snapshot_dir(root) / SNAPSHOT_FILE
    assert assets[MANIFEST_URL] == snapshot_dir(root) / MANIFEST_FILE


def test_no_snapshot_is_no_problem_for_the_server(root: Path) -> None:
    assets = asset_map(root)
    assert SNAPSHOT_URL not in assets
    assert "none has been made" in (snapshot_problem(root, assets) or "")


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ("app", "what it was made from changed"),
        ("files", "what it was made from changed"),
        ("pyodide", "it is for Pyodide 314.0.7, not 314.0.8"),
        ("build", "it is for another build of Pyodide"),
        ("format", "another version of Secket"),
        ("size", "is not the file the manifest describes"),
        ("gone", "is missing"),
    ],
)
def test_a_snapshot_that_no_longer_matches_is_not_served(
    root: Path, change: str, reason: str
) -> None:
    manifest = fake_snapshot(root)
    pyodide = root / "node_modules" / "pyodide"
    if change == "app":
        (root / "app" / "py" / "secket" / "core" / "session.py").write_text("STATE = 'busy'\n")
    elif change == "files":
        (root / "pyscript.toml").write_text(
            'name = "secket"\n[files]\n"/py/secket/__init__.py" = "./secket/__init__.py"\n'
        )
    elif change == "pyodide":
        (pyodide / "package.json").write_text(json.dumps({"version": "314.0.8"}))
    elif change == "build":
        (pyodide / "pyodide.mjs").write_text(f'const a={{BUILD_ID:"{"cd" * 32}"}};\n')
    elif change == "format":
        manifest["format"] = FORMAT + 1
        (snapshot_dir(root) / MANIFEST_FILE).write_text(json.dumps(manifest))
    elif change == "size":
        (snapshot_dir(root) / SNAPSHOT_FILE).write_bytes(b"other")
    elif change == "gone":
        (snapshot_dir(root) / SNAPSHOT_FILE).unlink()
    assets = asset_map(root)
    assert SNAPSHOT_URL not in assets
    assert MANIFEST_URL not in assets
    assert reason in (snapshot_problem(root, assets) or "")


def test_bytes_that_are_not_the_recorded_ones_are_caught_when_checked(root: Path) -> None:
    fake_snapshot(root, b"snapshot bytes")
    (snapshot_dir(root) / SNAPSHOT_FILE).write_bytes(b"snapshot BYTES")
    # The server does not hash 31 MB at every start: the page checks them.
    assert snapshot_problem(root, asset_map(root)) is None
    problem = snapshot_problem(root, asset_map(root), check_bytes=True)
    assert "does not have the SHA-256 the manifest records" in (problem or "")


async def test_an_edit_while_the_server_runs_withdraws_the_snapshot(
    root: Path, make_client: ClientFactory
) -> None:
    fake_snapshot(root)
    client = await make_client(root=root)
    response = await client.get(MANIFEST_URL)
    assert response.status == 200
    assert response.content_type == "application/json"
    assert (await response.json())["pyodide"] == "314.0.7"
    assert (await client.get(SNAPSHOT_URL)).status == 200

    session = root / "app" / "py" / "secket" / "core" / "session.py"
    session.write_text("STATE = 'edited while serving'\n")
    response = await client.get(MANIFEST_URL)
    assert response.status == 404
    assert "what it was made from changed" in await response.text()

    fake_snapshot(root)  # `secket snapshot` run again
    assert (await client.get(MANIFEST_URL)).status == 200


def test_the_server_says_why_it_serves_no_snapshot(
    root: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="secket_server")
    create_app(Config(root=root))
    logged = [r for r in caplog.records if r.getMessage() == "snapshot-not-served"]
    assert len(logged) == 1
    assert "none has been made" in logged[0].__dict__["fields"]["reason"]


def test_the_bundle_carries_a_good_snapshot(root: Path, tmp_path: Path) -> None:
    fake_snapshot(root)
    out = tmp_path / "bundle"
    assert main(["build", "--out", str(out), "--root", str(root)], environ={}) == 0
    assert (out / "vendor" / "snapshot" / SNAPSHOT_FILE).read_bytes() == b"snapshot bytes"
    manifest = json.loads((out / "vendor" / "snapshot" / MANIFEST_FILE).read_text())
    assert manifest["pyodide"] == "314.0.7"


def test_a_snapshot_that_cannot_be_made_is_said_and_the_bundle_is_made_without(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SECKET_NODE", str(tmp_path / "no-node-here"))
    assert main(["snapshot", "--root", str(root)], environ={}) == 1
    assert "Node could not make the snapshot" in capsys.readouterr().err
    out = tmp_path / "bundle"
    assert main(["build", "--out", str(out), "--root", str(root)], environ={}) == 0
    assert "no memory snapshot" in capsys.readouterr().err
    assert not (out / "vendor" / "snapshot").exists()


def test_node_makes_a_snapshot_of_the_real_checkout_that_verifies() -> None:
    """The real thing: `secket snapshot` (a no-op when `make` made it already)."""
    assert main(["snapshot"], environ={}) == 0
    assets = asset_map(DEFAULT_ROOT)
    assert snapshot_problem(DEFAULT_ROOT, assets, check_bytes=True) is None
    manifest = json.loads(assets[MANIFEST_URL].read_text())
    with assets[SNAPSHOT_URL].open("rb") as snapshot:
        header = snapshot.read(48)
    magic, *_ = struct.unpack_from("<I", header, 0)
    build_id = "".join(f"{word:08x}" for word in struct.unpack_from("<8I", header, 16))
    assert magic == 1886286592  # Pyodide's snapshot magic number
    assert build_id == manifest["build_id"] == snapshot_inputs(DEFAULT_ROOT, assets).build_id
    assert "secket.browser.flow" in manifest["modules"]
