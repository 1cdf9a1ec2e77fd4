"""``secket build``: the static app as a directory any static host or CDN can serve."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .assets import INDEX, REVALIDATE, asset_map, missing_assets
from .config import Config
from .precompress import ENCODINGS, cache_dir, digest, load_variants, precompress
from .security import NO_STORE, security_headers
from .views import page_config

#: Paths the host must never let browsers cache.
NO_STORE_PATHS = ("/", INDEX, "/config.json")


def headers_file(config: Config) -> str:
    """A ``_headers`` file (Netlify / Cloudflare Pages syntax) with the server's headers."""
    lines = ["/*"]
    lines += [f"  {name}: {value}" for name, value in security_headers(config).items()]
    lines.append(f"  Cache-Control: {REVALIDATE}")
    for path in NO_STORE_PATHS:
        lines += [path, f"  Cache-Control: {NO_STORE}"]
    return "\n".join(lines) + "\n"


def readme(config: Config) -> str:
    headers = "\n".join(f"    {name}: {value}" for name, value in security_headers(config).items())
    signal = config.signal_url or "the same origin, at /ws"
    return f"""Secket static bundle
====================

Serve this directory as is from any static host. The page connects to the signaling
server at {signal}; run `secket serve` there, with this host's origin in
--allowed-origin when it is a different origin.

The host must send these headers on every response:

{headers}

and `Cache-Control: {NO_STORE}` on /, /index.html and /config.json (`{REVALIDATE}` on
the rest). `_headers` says the same in the syntax of Netlify and Cloudflare Pages.

Content types: .mjs and .js as text/javascript, .wasm as application/wasm, .json as
application/json, .zip as application/zip, .py and .toml as text/plain.

Compression: next to each file that compresses well lie its brotli (`.br`) and gzip
(`.gz`) variants, checked to decompress to it. A host that serves them by Accept-Encoding,
with `Content-Encoding` and `Vary: Accept-Encoding`, sends the Python runtime in less than
half the bytes: nginx with `brotli_static on; gzip_static on;`, Caddy with
`file_server {{ precompressed br gzip }}`. Never serve a `.br` or `.gz` file under its own
name. Hosts that compress on their own (Netlify, Cloudflare Pages) can ignore them.
"""


def build_bundle(
    config: Config, out: Path, progress: Callable[[str], None] | None = None
) -> list[str]:
    """Write the bundle to ``out``; return the URL paths written (variants included).

    Raise if assets are missing. Variants missing from the cache are made first, as
    ``secket compress`` does.
    """
    assets = asset_map(config.root)
    missing = missing_assets(assets)
    if missing:
        raise FileNotFoundError("missing assets: " + ", ".join(missing))
    out = out.resolve()
    if out == config.root.resolve() or out.is_relative_to(config.root.resolve() / "app"):
        raise ValueError(f"refusing to write the bundle into the source tree: {out}")
    cache = cache_dir(config.root)
    precompress(assets.values(), cache, progress=progress)
    written: list[str] = []
    for url, source in assets.items():
        dest = out / url.lstrip("/")
        dest.parent.mkdir(parents=True, exist_ok=True)
        data = source.read_bytes()
        dest.write_bytes(data)
        written.append(url)
        for encoding, variant in load_variants(cache, digest(data), len(data)).items():
            dest.with_name(dest.name + ENCODINGS[encoding]).write_bytes(variant)
            written.append(url + ENCODINGS[encoding])
    out.mkdir(parents=True, exist_ok=True)
    (out / "config.json").write_text(json.dumps(page_config(config)) + "\n")
    (out / "_headers").write_text(headers_file(config))
    (out / "README.txt").write_text(readme(config))
    return [*written, "/config.json", "/_headers", "/README.txt"]
