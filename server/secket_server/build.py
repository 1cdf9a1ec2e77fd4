"""``secket build``: the static app as a directory any static host or CDN can serve."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from .assets import IMMUTABLE, INDEX, REVALIDATE, asset_map, is_versioned, missing_assets
from .config import Config
from .precompress import ENCODINGS, cache_dir, digest, load_variants, precompress
from .security import NO_STORE, security_headers
from .views import page_config

#: Paths the host must never let browsers cache.
NO_STORE_PATHS = ("/", INDEX, "/config.json")


def versioned_dirs(urls: Iterable[str]) -> list[str]:
    """The directories whose paths name the version of their files (``/vendor/pyodide/X/``)."""
    return sorted({url.rsplit("/", 1)[0] + "/" for url in urls if is_versioned(url)})


def headers_file(config: Config, assets: Mapping[str, Path]) -> str:
    """A ``_headers`` file (Netlify / Cloudflare Pages syntax) with the server's headers.

    Both hosts join the values of a header set by several matching rules, so each path gets
    its Cache-Control from one rule only: the versioned directories, the page and config,
    and every other file by name.
    """
    lines = ["/*"]
    lines += [f"  {name}: {value}" for name, value in security_headers(config).items()]
    for directory in versioned_dirs(assets):
        lines += [directory + "*", f"  Cache-Control: {IMMUTABLE}"]
    for path in NO_STORE_PATHS:
        lines += [path, f"  Cache-Control: {NO_STORE}"]
    for url in sorted(assets):
        if not is_versioned(url) and url not in NO_STORE_PATHS:
            lines += [url, f"  Cache-Control: {REVALIDATE}"]
    return "\n".join(lines) + "\n"


def readme(config: Config, assets: Mapping[str, Path]) -> str:
    headers = "\n".join(f"    {name}: {value}" for name, value in security_headers(config).items())
    versioned = "\n".join(f"    {directory}" for directory in versioned_dirs(assets))
    signal = config.signal_url or "the same origin, at /ws"
    return f"""Secket static bundle
====================

Serve this directory as is from any static host. The page connects to the signaling
server at {signal}; run `secket serve` there, with this host's origin in
--allowed-origin when it is a different origin.

The host must send these headers on every response:

{headers}

and `Cache-Control: {NO_STORE}` on /, /index.html and /config.json;
`Cache-Control: {IMMUTABLE}` on everything under
{versioned}
(their paths name the version of the pinned runtime, so a new one comes under new URLs);
`Cache-Control: {REVALIDATE}` on the rest. `_headers` says the same in the syntax of Netlify
and Cloudflare Pages.

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
    missing = missing_assets(config.root, assets)
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
    (out / "_headers").write_text(headers_file(config, assets))
    (out / "README.txt").write_text(readme(config, assets))
    return [*written, "/config.json", "/_headers", "/README.txt"]
