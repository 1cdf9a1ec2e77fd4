"""``secket build``: the static bundle holds exactly what the server serves."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import brotli
import pytest
from aiohttp.test_utils import TestClient
from server_helpers import PYODIDE, PYSCRIPT

from secket_server.assets import asset_map
from secket_server.cli import main
from secket_server.config import Config
from secket_server.security import CONTENT_SECURITY_POLICY, SECURITY_HEADERS, security_headers


def files_under(directory: Path) -> set[str]:
    return {"/" + p.relative_to(directory).as_posix() for p in directory.rglob("*") if p.is_file()}


async def test_bundle_matches_what_the_server_serves(
    client: TestClient[Any, Any], fake_root: Path, tmp_path: Path
) -> None:
    out = tmp_path / "bundle"
    assert main(["build", "--out", str(out), "--root", str(fake_root)], environ={}) == 0
    assets = asset_map(fake_root)
    written = files_under(out)
    variants = {url for url in written if url.endswith((".br", ".gz"))}
    assert written - variants == {*assets, "/config.json", "/_headers", "/README.txt"}
    assert {url.rsplit(".", 1)[0] for url in variants} <= set(assets)
    for url in assets:
        response = await client.get(url)
        assert response.status == 200
        assert (out / url.lstrip("/")).read_bytes() == await response.read(), url
    assert json.loads((out / "config.json").read_text()) == {"signal_url": None}


def test_bundle_lists_the_security_headers(fake_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "bundle"
    argv = ["build", "--out", str(out), "--root", str(fake_root)]
    assert main([*argv, "--signal-url", "wss://sig.example.com/ws"], environ={}) == 0
    assert json.loads((out / "config.json").read_text()) == {
        "signal_url": "wss://sig.example.com/ws"
    }
    expected = security_headers(Config(signal_url="wss://sig.example.com/ws"))
    assert "connect-src 'self' blob: wss://sig.example.com;" in expected["Content-Security-Policy"]
    headers = (out / "_headers").read_text()
    readme = (out / "README.txt").read_text()
    for name, value in expected.items():
        assert f"  {name}: {value}\n" in headers
        assert f"{name}: {value}" in readme
    assert set(SECURITY_HEADERS) < set(expected)
    assert "/config.json\n  Cache-Control: no-store\n" in headers


def test_headers_file_gives_each_path_one_cache_control(fake_root: Path, tmp_path: Path) -> None:
    """Netlify and Cloudflare Pages join the values of every matching rule: a path must get
    its Cache-Control from exactly one rule, immutable only where the path names a version."""
    out = tmp_path / "bundle"
    assert main(["build", "--out", str(out), "--root", str(fake_root)], environ={}) == 0
    rules: dict[str, list[str]] = {}
    current = ""
    for line in (out / "_headers").read_text().splitlines():
        if line.startswith("/"):
            current = line
            rules.setdefault(current, [])
        elif line.strip():
            rules[current].append(line.strip())

    def cache_controls(url: str) -> list[str]:
        return [
            header.split(": ", 1)[1]
            for pattern, headers in rules.items()
            if pattern == url or (pattern.endswith("*") and url.startswith(pattern[:-1]))
            for header in headers
            if header.startswith("Cache-Control: ")
        ]

    immutable = "public, max-age=31536000, immutable"
    for url in set(asset_map(fake_root)) - {"/index.html"}:
        versioned = url.startswith((PYODIDE, PYSCRIPT))
        assert cache_controls(url) == [immutable if versioned else "no-cache"], url
    for url in ("/", "/index.html", "/config.json"):
        assert cache_controls(url) == ["no-store"], url
    assert f"{PYODIDE}*\n  Cache-Control: {immutable}\n" in (out / "_headers").read_text()
    assert f"    {PYODIDE}\n" in (out / "README.txt").read_text()


def test_build_csp_extra_from_environment(fake_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "bundle"
    environ = {"SECKET_CSP_EXTRA": "style-src 'unsafe-inline'; img-src https://i.example"}
    assert main(["build", "--out", str(out), "--root", str(fake_root)], environ=environ) == 0
    headers = (out / "_headers").read_text()
    assert "style-src 'self' 'unsafe-inline';" in headers
    assert CONTENT_SECURITY_POLICY not in headers


def test_build_writes_checked_variants_beside_the_files(fake_root: Path, tmp_path: Path) -> None:
    """``secket build`` compresses what the cache lacks; a variant is written only where it
    is smaller, and decompresses to the file's exact bytes."""
    wasm = b"\0asm\1\0\0\0" + bytes(range(256)) * 400
    (fake_root / "node_modules/pyodide/pyodide.asm.wasm").write_bytes(wasm)
    (fake_root / "app" / "style.css.br").write_bytes(b"a stale hand-made variant")
    out = tmp_path / "bundle"
    assert main(["build", "--out", str(out), "--root", str(fake_root)], environ={}) == 0
    vendored = out / PYODIDE.strip("/")
    assert brotli.decompress((vendored / "pyodide.asm.wasm.br").read_bytes()) == wasm
    assert gzip.decompress((vendored / "pyodide.asm.wasm.gz").read_bytes()) == wasm
    assert (vendored / "pyodide.asm.wasm.br").stat().st_size < len(wasm) / 4
    # Tiny files compress to more than they are: no variant.
    assert not (out / "style.css.br").exists()
    assert not (out / "style.css.gz").exists()
    for variant in out.rglob("*.br"):
        assert brotli.decompress(variant.read_bytes()) == variant.with_suffix("").read_bytes()
    for variant in out.rglob("*.gz"):
        assert gzip.decompress(variant.read_bytes()) == variant.with_suffix("").read_bytes()
    assert "brotli_static" in (out / "README.txt").read_text()


def test_build_refuses_an_incomplete_checkout(
    fake_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (fake_root / "node_modules" / "pyodide" / "pyodide.asm.wasm").unlink()
    out = tmp_path / "bundle"
    assert main(["build", "--out", str(out), "--root", str(fake_root)], environ={}) == 1
    assert PYODIDE + "pyodide.asm.wasm" in capsys.readouterr().err


def test_build_refuses_to_write_into_the_app(fake_root: Path) -> None:
    out = fake_root / "app" / "dist"
    assert main(["build", "--out", str(out), "--root", str(fake_root)], environ={}) == 1
    assert not out.exists()


def test_bad_signal_url_is_a_usage_error(fake_root: Path, tmp_path: Path) -> None:
    argv = ["build", "--out", str(tmp_path), "--root", str(fake_root)]
    with pytest.raises(SystemExit) as exit_info:
        main([*argv, "--signal-url", "https://not-a-websocket.example"], environ={})
    assert exit_info.value.code == 2
