"""``secket build``: the static app as a directory any static host or CDN can serve."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .assets import INDEX, asset_map, compressed_siblings, missing_assets
from .config import Config
from .security import NO_STORE, security_headers
from .views import ASSET_CACHE_CONTROL, page_config

#: Paths the host must never let browsers cache.
NO_STORE_PATHS = ("/", INDEX, "/config.json")


def headers_file(config: Config) -> str:
    """A ``_headers`` file (Netlify / Cloudflare Pages syntax) with the server's headers."""
    lines = ["/*"]
    lines += [f"  {name}: {value}" for name, value in security_headers(config).items()]
    lines.append(f"  Cache-Control: {ASSET_CACHE_CONTROL}")
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

and `Cache-Control: {NO_STORE}` on /, /index.html and /config.json (`{ASSET_CACHE_CONTROL}` on
the rest). `_headers` says the same in the syntax of Netlify and Cloudflare Pages.

Content types: .mjs and .js as text/javascript, .wasm as application/wasm, .json as
application/json, .zip as application/zip, .py and .toml as text/plain.
"""


def build_bundle(config: Config, out: Path) -> list[str]:
    """Write the bundle to ``out``; return the URL paths written. Raise if assets are missing."""
    assets = asset_map(config.root)
    missing = missing_assets(assets)
    if missing:
        raise FileNotFoundError("missing assets: " + ", ".join(missing))
    out = out.resolve()
    if out == config.root.resolve() or out.is_relative_to(config.root.resolve() / "app"):
        raise ValueError(f"refusing to write the bundle into the source tree: {out}")
    for url, source in assets.items():
        dest = out / url.lstrip("/")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dest)
        for sibling in compressed_siblings(source):
            shutil.copyfile(sibling, dest.with_name(dest.name + sibling.suffix))
    out.mkdir(parents=True, exist_ok=True)
    (out / "config.json").write_text(json.dumps(page_config(config)) + "\n")
    (out / "_headers").write_text(headers_file(config))
    (out / "README.txt").write_text(readme(config))
    return [*assets, "/config.json", "/_headers", "/README.txt"]
