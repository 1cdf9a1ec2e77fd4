"""Precompressed static files: variants made by ``secket compress``, chosen by Accept-Encoding,
with content-hash ETags and 304s, against a real app over HTTP."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path
from typing import Any

import brotli
import pytest
from aiohttp.test_utils import TestClient
from multidict import CIMultiDict
from server_helpers import PYODIDE, ClientFactory

from secket_server.cli import main
from secket_server.precompress import cache_dir, precompress
from secket_server.security import CONTENT_SECURITY_POLICY, SECURITY_HEADERS
from secket_server.static import accepted_encodings

#: Big enough, and repetitive enough, that both variants are much smaller.
WASM = b"\0asm\1\0\0\0" + bytes(range(256)) * 400
SCRIPT = "".join(f"export const name{i} = {i} * {i};\n" for i in range(2000)).encode()
WASM_URL = PYODIDE + "pyodide.asm.wasm"
SCRIPT_URL = PYODIDE + "pyodide.asm.mjs"


def decode(body: bytes, encoding: str | None) -> bytes:
    if encoding == "br":
        plain: bytes = brotli.decompress(body)
        return plain
    if encoding == "gzip":
        return gzip.decompress(body)
    assert encoding is None
    return body


@pytest.fixture
def big_root(fake_root: Path) -> Path:
    """The fake checkout with a large wasm and script, compressed as ``make run`` does."""
    (fake_root / "node_modules/pyodide/pyodide.asm.wasm").write_bytes(WASM)
    (fake_root / "node_modules/pyodide/pyodide.asm.mjs").write_bytes(SCRIPT)
    assert main(["compress", "--root", str(fake_root)], environ={}) == 0
    return fake_root


async def get(
    client: TestClient[Any, Any], url: str, accept: str | None, **headers: str
) -> tuple[int, CIMultiDict[str], bytes]:
    """GET ``url`` sending exactly ``accept`` (no Accept-Encoding header when None); the body
    as it came over the wire."""
    if accept is not None:
        headers["Accept-Encoding"] = accept
    response = await client.get(
        url,
        headers=headers,
        skip_auto_headers=["Accept-Encoding"],
        auto_decompress=False,
    )
    return response.status, CIMultiDict(response.headers), await response.read()


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, None),
        ("", None),
        ("identity", None),
        ("gzip", "gzip"),
        ("x-gzip", "gzip"),
        ("br", "br"),
        ("gzip, deflate, br, zstd", "br"),  # what Chromium sends
        ("gzip, deflate", "gzip"),
        ("BR;Q=1, GZIP", "br"),
        ("br;q=0, gzip", "gzip"),
        ("br;q=0.4, gzip;q=0.5", "gzip"),
        ("br;q=0, gzip;q=0", None),
        ("*", "br"),
        ("*;q=0, identity", None),
        ("*;q=0", None),  # nothing acceptable: the file as it is
        ("deflate, zstd", None),
        ("br;q=nonsense, gzip", "gzip"),
    ],
)
async def test_encoding_follows_accept_encoding(
    make_client: ClientFactory, big_root: Path, accept: str | None, expected: str | None
) -> None:
    client = await make_client(root=big_root)
    for url, original in ((WASM_URL, WASM), (SCRIPT_URL, SCRIPT)):
        status, headers, body = await get(client, url, accept)
        assert status == 200
        assert headers.get("Content-Encoding") == expected, (url, accept)
        assert headers["Vary"] == "Accept-Encoding"
        assert int(headers["Content-Length"]) == len(body)
        assert decode(body, expected) == original
        if expected is not None:
            assert len(body) < len(original) / 4
        assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
        for name, value in SECURITY_HEADERS.items():
            assert headers[name] == value


async def test_content_types_stay_those_of_the_file(
    make_client: ClientFactory, big_root: Path
) -> None:
    client = await make_client(root=big_root)
    _, headers, _ = await get(client, WASM_URL, "br")
    assert headers["Content-Type"] == "application/wasm"
    _, headers, _ = await get(client, SCRIPT_URL, "gzip")
    assert headers["Content-Type"] == "text/javascript; charset=utf-8"


async def test_etags_are_content_hashes_one_per_encoding(
    make_client: ClientFactory, big_root: Path
) -> None:
    client = await make_client(root=big_root)
    digest = hashlib.sha256(WASM).hexdigest()[:32]
    etags = {}
    for accept in (None, "gzip", "br"):
        _, headers, _ = await get(client, WASM_URL, accept)
        etags[accept] = headers["ETag"]
    assert etags == {None: f'"{digest}"', "gzip": f'"{digest}.gz"', "br": f'"{digest}.br"'}
    # The same on another server process: nothing in it depends on the file's mtime.
    (big_root / "node_modules/pyodide/pyodide.asm.wasm").touch()
    other = await make_client(root=big_root)
    assert (await get(other, WASM_URL, "br"))[1]["ETag"] == etags["br"]


@pytest.mark.parametrize("accept", [None, "gzip", "br"])
async def test_revalidation_answers_304(
    make_client: ClientFactory, big_root: Path, accept: str | None
) -> None:
    client = await make_client(root=big_root)
    _, first, _ = await get(client, WASM_URL, accept)
    status, headers, body = await get(client, WASM_URL, accept, **{"If-None-Match": first["ETag"]})
    assert status == 304
    assert body == b""
    assert headers["ETag"] == first["ETag"]
    assert (
        headers["Cache-Control"] == first["Cache-Control"] == "public, max-age=31536000, immutable"
    )
    assert headers["Vary"] == "Accept-Encoding"
    # The cache keeps the 200's security headers; the 304 does not repeat them.
    assert "Content-Security-Policy" not in headers
    assert not set(SECURITY_HEADERS) & set(headers)
    weak = await get(client, WASM_URL, accept, **{"If-None-Match": f'"x", W/{first["ETag"]}'})
    assert weak[0] == 304
    assert (await get(client, WASM_URL, accept, **{"If-None-Match": "*"}))[0] == 304


async def test_another_encodings_etag_gets_the_body(
    make_client: ClientFactory, big_root: Path
) -> None:
    client = await make_client(root=big_root)
    _, gzipped, _ = await get(client, WASM_URL, "gzip")
    status, headers, body = await get(client, WASM_URL, "br", **{"If-None-Match": gzipped["ETag"]})
    assert status == 200
    assert headers["Content-Encoding"] == "br"
    assert decode(body, "br") == WASM


async def test_head_sends_the_headers_of_get(make_client: ClientFactory, big_root: Path) -> None:
    client = await make_client(root=big_root)
    _, full, body = await get(client, WASM_URL, "br")
    response = await client.head(
        WASM_URL, headers={"Accept-Encoding": "br"}, skip_auto_headers=["Accept-Encoding"]
    )
    assert response.status == 200
    assert response.headers["Content-Length"] == str(len(body))
    assert response.headers["Content-Encoding"] == "br"
    assert response.headers["ETag"] == full["ETag"]
    assert await response.read() == b""


async def test_small_or_incompressible_files_are_sent_as_they_are(
    make_client: ClientFactory, big_root: Path
) -> None:
    png = big_root / "app" / "icon.png"
    png.write_bytes(bytes(range(256)) * 64)
    client = await make_client(root=big_root)
    # A 2-byte zip: its variants are larger than it, so they are never sent.
    status, headers, body = await get(client, PYODIDE + "python_stdlib.zip", "br, gzip")
    assert (status, headers.get("Content-Encoding"), body) == (200, None, b"PK")
    status, headers, body = await get(client, "/icon.png", "br, gzip")
    assert (status, headers.get("Content-Encoding")) == (200, None)
    assert body == png.read_bytes()
    assert not list(cache_dir(big_root).glob(hashlib.sha256(body).hexdigest() + "*"))


async def test_variants_are_never_served_on_their_own(
    make_client: ClientFactory, big_root: Path
) -> None:
    client = await make_client(root=big_root)
    for url in (WASM_URL + ".br", WASM_URL + ".gz", "/.cache/precompressed/"):
        assert (await get(client, url, "br"))[0] == 404
    digest = hashlib.sha256(WASM).hexdigest()
    assert (await get(client, f"/.cache/precompressed/{digest}.br", "br"))[0] == 404


async def test_a_file_changed_on_disk_is_served_as_it_is_now(
    make_client: ClientFactory, big_root: Path
) -> None:
    client = await make_client(root=big_root)
    _, before, _ = await get(client, WASM_URL, "br")
    changed = WASM + b"more"
    (big_root / "node_modules/pyodide/pyodide.asm.wasm").write_bytes(changed)
    # Its old variants are not its variants any more: the file itself, with a new ETag.
    status, headers, body = await get(client, WASM_URL, "br", **{"If-None-Match": before["ETag"]})
    assert (status, headers.get("Content-Encoding"), body) == (200, None, changed)
    assert headers["ETag"] == '"' + hashlib.sha256(changed).hexdigest()[:32] + '"'
    # `secket compress` while the server runs: the new variants are picked up.
    assert main(["compress", "--root", str(big_root)], environ={}) == 0
    status, headers, body = await get(client, WASM_URL, "br")
    assert headers["Content-Encoding"] == "br"
    assert decode(body, "br") == changed


async def test_without_variants_everything_still_works(client: TestClient[Any, Any]) -> None:
    status, headers, body = await get(client, "/style.css", "gzip, deflate, br")
    assert (status, headers.get("Content-Encoding")) == (200, None)
    assert body == b"body { color: black; }\n"


def test_compress_is_done_once_per_content(fake_root: Path) -> None:
    (fake_root / "node_modules/pyodide/pyodide.asm.wasm").write_bytes(WASM)
    files = [fake_root / "node_modules/pyodide/pyodide.asm.wasm", fake_root / "app/style.css"]
    cache = cache_dir(fake_root)
    first = precompress(files, cache, workers=1)
    assert (first.files, first.made, first.kept, first.removed) == (2, 4, 0, 0)
    names = sorted(path.name for path in cache.iterdir())
    digests = sorted(hashlib.sha256(path.read_bytes()).hexdigest() for path in files)
    assert names == sorted(f"{d}{suffix}" for d in digests for suffix in (".br", ".gz"))
    assert decode((cache / f"{hashlib.sha256(WASM).hexdigest()}.br").read_bytes(), "br") == WASM
    again = precompress(files, cache, workers=1)
    assert (again.made, again.kept, again.removed) == (0, 4, 0)
    # A new content gets new variants; those of the old one are removed.
    files[1].write_text("body { color: red; }\n")
    changed = precompress(files, cache, workers=2)
    assert (changed.made, changed.kept, changed.removed) == (2, 2, 2)
    assert not list(cache.glob(".*.tmp"))


def test_compress_command_reports(fake_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compress", "--root", str(fake_root)], environ={}) == 0
    out = capsys.readouterr().out
    assert "variants made" in out
    assert main(["compress", "--root", str(fake_root)], environ={}) == 0
    assert "0 variants made" in capsys.readouterr().out


def test_accept_encoding_parsing() -> None:
    assert accepted_encodings(None) == {"identity": 1.0}
    assert accepted_encodings("gzip;q=0.2, *;q=0.1") == {"br": 0.1, "gzip": 0.2, "identity": 0.1}
    assert accepted_encodings(" , br;q=2") == {"br": 1.0, "gzip": 0.0, "identity": 0.001}
    assert accepted_encodings("") == {"br": 0.0, "gzip": 0.0, "identity": 0.001}
