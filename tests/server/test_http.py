"""HTTP: health, metrics, config, static files, content types, 404, traversal, headers."""

from __future__ import annotations

import asyncio
import json
import re
import socket
import struct
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from server_helpers import (
    FAKE_FILES,
    PYODIDE,
    PYSCRIPT,
    ROOM_A,
    ClientFactory,
    expect_error,
    join,
    pair,
    receive,
    wait_for_sockets,
)

from secket_server.assets import asset_map, missing_assets
from secket_server.security import CONTENT_SECURITY_POLICY, SECURITY_HEADERS


async def test_healthz(client: TestClient[Any, Any]) -> None:
    response = await client.get("/healthz")
    assert response.status == 200
    assert await response.json() == {"status": "ok", "rooms": 0, "sockets": 0, "store": "memory"}
    assert response.headers["Cache-Control"] == "no-store"
    first = await join(client)
    await receive(first)
    assert await (await client.get("/healthz")).json() == {
        "status": "ok",
        "rooms": 1,
        "sockets": 1,
        "store": "memory",
    }


async def test_metrics_count_and_never_name_rooms(client: TestClient[Any, Any]) -> None:
    first, second = await pair(client)
    for _ in range(3):
        await first.send_json({"type": "signal", "payload": "cGF5bG9hZA"})
        await receive(second)
    third = await join(client)
    await expect_error(third, "room-full", 1008)
    await wait_for_sockets(client, 2)
    response = await client.get("/metrics")
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/plain; version=0.0.4")
    text = await response.text()
    assert "secket_open_sockets 2" in text
    assert 'secket_rooms{state="paired"} 1' in text
    assert "secket_relayed_messages_total 3" in text
    assert "secket_pairings_total 1" in text
    assert 'secket_refusals_total{reason="room-full"} 1' in text
    assert 'secket_refusals_total{reason="bad-origin"} 0' in text
    assert "# TYPE secket_refusals_total counter" in text
    assert ROOM_A not in text
    assert "cGF5bG9hZA" not in text


async def test_config_json(make_client: ClientFactory) -> None:
    client = await make_client()
    response = await client.get("/config.json")
    assert await response.json() == {"signal_url": None}
    assert response.headers["Cache-Control"] == "no-store"
    client = await make_client(signal_url="wss://signal.example.com/ws")
    assert await (await client.get("/config.json")).json() == {
        "signal_url": "wss://signal.example.com/ws"
    }


@pytest.mark.parametrize(
    ("url", "source", "content_type"),
    [
        ("/", "app/index.html", "text/html"),
        ("/index.html", "app/index.html", "text/html"),
        ("/style.css", "app/style.css", "text/css"),
        ("/favicon.svg", "app/favicon.svg", "image/svg+xml"),
        ("/py/secket/__init__.py", "app/py/secket/__init__.py", "text/plain"),
        ("/py/secket/core/session.py", "app/py/secket/core/session.py", "text/plain"),
        ("/pyscript.toml", "pyscript.toml", "text/plain"),
        (PYODIDE + "pyodide.mjs", "node_modules/pyodide/pyodide.mjs", "text/javascript"),
        (
            PYODIDE + "pyodide.asm.mjs",
            "node_modules/pyodide/pyodide.asm.mjs",
            "text/javascript",
        ),
        (
            PYODIDE + "pyodide.asm.wasm",
            "node_modules/pyodide/pyodide.asm.wasm",
            "application/wasm",
        ),
        (
            PYODIDE + "python_stdlib.zip",
            "node_modules/pyodide/python_stdlib.zip",
            "application/zip",
        ),
        (
            PYODIDE + "pyodide-lock.json",
            "node_modules/pyodide/pyodide-lock.json",
            "application/json",
        ),
        (
            PYSCRIPT + "core.js",
            "node_modules/@pyscript/core/dist/core.js",
            "text/javascript",
        ),
        (
            PYSCRIPT + "core-C9KDLldu.js",
            "node_modules/@pyscript/core/dist/core-C9KDLldu.js",
            "text/javascript",
        ),
        (PYSCRIPT + "core.css", "node_modules/@pyscript/core/dist/core.css", "text/css"),
    ],
)
async def test_static_files(
    client: TestClient[Any, Any], url: str, source: str, content_type: str
) -> None:
    response = await client.get(url)
    assert response.status == 200
    assert response.content_type == content_type
    assert await response.text() == FAKE_FILES[source]


async def test_qrcodegen_is_served_from_the_installed_module(
    client: TestClient[Any, Any],
) -> None:
    import qrcodegen

    response = await client.get("/vendor/py/qrcodegen.py")
    assert response.status == 200
    assert response.content_type == "text/plain"
    assert await response.read() == Path(qrcodegen.__file__).read_bytes()  # noqa: ASYNC240


@pytest.mark.parametrize(
    "url",
    [
        "/nope",
        "/app/index.html",
        "/py/",
        "/py/secket",
        "/py/secket/__pycache__/session.cpython-311.pyc",
        "/.DS_Store",
        "/vendor/",
        "/vendor/pyodide/pyodide.mjs",  # the unversioned path
        "/vendor/pyscript/core.js",
        "/vendor/pyodide/9.9.9/pyodide.mjs",  # another version
        PYODIDE,
        PYODIDE + "pyodide.js",
        PYODIDE + "pyodide.mjs.map",
        PYODIDE + "package.json",
        PYSCRIPT + "core.js.map",
        "/node_modules/pyodide/pyodide.mjs",
        "/vendor/py/qrcodegen.pyc",
        "/style.css/",
    ],
)
async def test_unknown_paths_are_404(client: TestClient[Any, Any], url: str) -> None:
    response = await client.get(url)
    assert response.status == 404
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


def raw_get(host: str, port: int, target: str) -> bytes:
    """Send a request line exactly as written (no client-side path normalisation)."""
    with socket.create_connection((host, port), timeout=3) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.parametrize(
    "target",
    [
        "/../pyscript.toml",
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/py/..%2f..%2fpyscript.toml",
        "/vendor/pyodide/1.2.3/..%2f..%2f..%2fnode_modules/pyodide/package.json",
        "/..%5c..%5cetc%5cpasswd",
        "//etc/passwd",
        "/vendor/py/../../../server/secket_server/app.py",
    ],
)
async def test_path_traversal(client: TestClient[Any, Any], target: str) -> None:
    response = await asyncio.get_running_loop().run_in_executor(
        None, raw_get, client.host, client.port, target
    )
    status_line = response.split(b"\r\n", 1)[0]
    assert b" 200 " not in status_line, (target, status_line)
    assert b"root:" not in response
    assert b"secket_server" not in response


async def test_security_headers_on_page_assets_and_api(client: TestClient[Any, Any]) -> None:
    for url in ("/", "/style.css", PYODIDE + "pyodide.asm.wasm", "/healthz", "/metrics"):
        response = await client.get(url)
        assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY, url
        for name, value in SECURITY_HEADERS.items():
            assert response.headers[name] == value, (url, name)
        assert response.headers["Server"] == "Secket", url  # no Python or aiohttp version


async def test_no_response_names_the_server_software(client: TestClient[Any, Any]) -> None:
    first = await client.get("/style.css")
    unchanged = await client.get("/style.css", headers={"If-None-Match": first.headers["ETag"]})
    assert unchanged.status == 304
    missing = await client.get("/no/such/file")
    not_upgraded = await client.get("/ws")  # a websocket endpoint asked without an upgrade
    for response in (first, unchanged, missing, not_upgraded):
        assert response.headers["Server"] == "Secket", response.url


def test_the_policy_constant_is_the_documented_one() -> None:
    assert CONTENT_SECURITY_POLICY == (
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' blob:; "
        "img-src 'self' data: blob:; media-src 'self' blob: mediastream:; style-src 'self'; "
        "font-src 'self'; worker-src 'self' blob:; manifest-src 'self'; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'"
    )
    assert SECURITY_HEADERS["Permissions-Policy"] == "camera=(self), microphone=(), geolocation=()"


async def test_csp_is_extended_by_config(make_client: ClientFactory) -> None:
    client = await make_client(
        signal_url="wss://signal.example.com:8443/ws",
        csp_extra=("style-src 'unsafe-inline'", "frame-src https://x.example", "img-src 'self'"),
    )
    csp = (await client.get("/")).headers["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in csp.split("; ")}
    assert directives["connect-src"] == ["'self'", "blob:", "wss://signal.example.com:8443"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["frame-src"] == ["https://x.example"]
    assert directives["img-src"] == ["'self'", "data:", "blob:"]
    assert directives["default-src"] == ["'none'"]


async def test_cache_control(client: TestClient[Any, Any]) -> None:
    assert (await client.get("/")).headers["Cache-Control"] == "no-store"
    assert (await client.get("/index.html")).headers["Cache-Control"] == "no-store"
    assert (await client.get("/config.json")).headers["Cache-Control"] == "no-store"
    response = await client.get("/style.css")
    assert response.headers["Cache-Control"] == "no-cache"
    etag = response.headers["ETag"]
    again = await client.get("/style.css", headers={"If-None-Match": etag})
    assert again.status == 304
    assert again.headers["Cache-Control"] == "no-cache"


@pytest.mark.parametrize(
    "url",
    [
        "/favicon.svg",
        "/pyscript.toml",
        "/py/secket/__init__.py",
        "/vendor/py/qrcodegen.py",  # its URL does not name its version
    ],
)
async def test_unversioned_files_are_revalidated(client: TestClient[Any, Any], url: str) -> None:
    response = await client.get(url)
    assert response.status == 200
    assert response.headers["Cache-Control"] == "no-cache"
    assert response.headers["ETag"]


@pytest.mark.parametrize(
    "url",
    [
        PYODIDE + "pyodide.mjs",
        PYODIDE + "pyodide.asm.wasm",
        PYODIDE + "python_stdlib.zip",
        PYSCRIPT + "core.js",
        PYSCRIPT + "core-C9KDLldu.js",
        PYSCRIPT + "core.css",
    ],
)
async def test_versioned_files_are_immutable(client: TestClient[Any, Any], url: str) -> None:
    response = await client.get(url)
    assert response.status == 200
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    again = await client.get(url, headers={"If-None-Match": response.headers["ETag"]})
    assert again.status == 304
    assert again.headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_versions_come_from_the_installed_packages(fake_root: Path) -> None:
    package = fake_root / "node_modules/pyodide/package.json"
    package.write_text('{"name": "pyodide", "version": "2.0.0"}')
    assets = asset_map(fake_root)
    assert "/vendor/pyodide/2.0.0/pyodide.asm.wasm" in assets
    assert PYODIDE + "pyodide.asm.wasm" not in assets
    # A version that is no version, or none at all: the package is not served.
    for text in ('{"version": "../../x"}', '{"name": "pyodide"}', "not json"):
        package.write_text(text)
        assets = asset_map(fake_root)
        assert not [url for url in assets if url.startswith("/vendor/pyodide/")], text
        assert "/vendor/pyodide/<not installed>/pyodide.mjs" in missing_assets(fake_root, assets)


async def test_head_request(client: TestClient[Any, Any]) -> None:
    response = await client.head(PYODIDE + "pyodide.asm.wasm")
    assert response.status == 200
    assert response.content_type == "application/wasm"


REAL_ROOT = Path(__file__).resolve().parents[2]


def test_asset_map_of_the_real_checkout() -> None:
    """The real node_modules holds what the page needs, and no source maps are served."""
    assets = asset_map(REAL_ROOT)
    pins = json.loads((REAL_ROOT / "package.json").read_text())["dependencies"]
    pyodide = f"/vendor/pyodide/{pins['pyodide']}/"
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        assert pyodide + name in assets
    assert f"/vendor/pyscript/{pins['@pyscript/core']}/core.js" in assets
    assert "/vendor/py/qrcodegen.py" in assets
    assert not [url for url in assets if url.endswith(".map")]
    assert all(path.is_file() for path in assets.values())
    assert missing_assets(REAL_ROOT, assets) == []


def test_the_page_names_the_served_runtime() -> None:
    """Every file URL under /vendor/ in the page's sources is served: after an upgrade of
    Pyodide or PyScript, their versions in the page must follow."""
    assets = asset_map(REAL_ROOT)
    texts = (".html", ".js", ".mjs", ".css", ".svg")
    sources = [
        REAL_ROOT / "pyscript.toml",
        *sorted(p for p in (REAL_ROOT / "app").glob("*.*") if p.suffix in texts),
    ]
    named = {
        (source.name, url)
        for source in sources
        for url in re.findall(r"[\"'](/vendor/[^\"'\s]*[^/\"'\s])[\"']", source.read_text())
    }
    assert {name for name, _ in named} >= {"index.html", "boot.js"}
    assert [(name, url) for name, url in sorted(named) if url not in assets] == []


async def test_the_favicon_that_browsers_ask_for_is_served(make_client: ClientFactory) -> None:
    """Browsers fetch /favicon.ico on their own: the icon, not a 404 in every log."""
    client = await make_client(root=REAL_ROOT)
    response = await client.get("/favicon.ico")
    assert response.status == 200
    assert response.content_type == "image/vnd.microsoft.icon"
    body = await response.read()
    assert body == (REAL_ROOT / "app" / "favicon.ico").read_bytes()
    # An ICO file (reserved 0, type 1) of PNG images, 16, 32 and 48 pixels square.
    reserved, kind, count = struct.unpack_from("<HHH", body)
    assert (reserved, kind, count) == (0, 1, 3)
    sizes = []
    for i in range(count):
        width, height, _, _, _, _, size, offset = struct.unpack_from("<BBBBHHII", body, 6 + 16 * i)
        assert body[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack_from(">II", body, offset + 16) == (width, height)
        assert offset + size <= len(body)
        sizes.append(width)
    assert sizes == [16, 32, 48]


def test_asset_map_refuses_collisions(fake_root: Path) -> None:
    (fake_root / "app" / "config.json").write_text("{}")
    with pytest.raises(ValueError, match=r"config\.json"):
        asset_map(fake_root)
