"""The static files: the right encoding for each client, content-hash ETags, 304s.

Each file has up to three representations: the file itself (``identity``) and the brotli
and gzip variants that ``secket compress`` keeps in the cache (``precompress.py``). A client
gets the smallest one it accepts, judged by its Accept-Encoding (with q-values); a client
that sends none gets the file itself. Every response says ``Vary: Accept-Encoding``.

ETags are made from the SHA-256 of the file's content, one per representation, so they stay
the same across restarts, reinstalls and several server processes, and never match another
encoding's body. A file that changes on disk while the server runs is hashed again before
it is next served; a variant that appears in the cache (``secket compress`` run later) is
picked up too.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from aiohttp import hdrs, web

from .assets import INDEX, content_type
from .precompress import ENCODINGS, compressible, digest, variant_path

IDENTITY: Final = "identity"
#: The preference given to ``identity`` when Accept-Encoding does not mention it (the least).
IMPLICIT_IDENTITY_Q: Final = 0.001
#: Bytes read from disk at a time while sending.
CHUNK: Final = 256 * 1024


@dataclass(frozen=True, slots=True)
class Representation:
    encoding: str  #: a Content-Encoding token, or ``identity``
    path: Path
    size: int
    etag: str  #: quoted


@dataclass(frozen=True, slots=True)
class Version:
    """What a file held when it was last looked at."""

    stamp: tuple[int, int, int]  #: size, mtime, inode of the source
    sha256: str
    #: The file itself first, then the variants smaller than it.
    representations: tuple[Representation, ...]
    #: Whether the cache held every variant (or the file is not worth compressing).
    complete: bool


def _stamp(path: Path) -> tuple[int, int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns, st.st_ino


def _variants(path: Path, cache: Path, sha256: str, size: int) -> tuple[list[Representation], bool]:
    found: list[Representation] = []
    complete = True
    if not compressible(path):
        return found, complete
    for encoding, suffix in ENCODINGS.items():
        variant = variant_path(cache, sha256, encoding)
        try:
            variant_size = variant.stat().st_size
        except FileNotFoundError:
            complete = False
            continue
        if variant_size < size:
            found.append(
                Representation(encoding, variant, variant_size, f'"{sha256[:32]}{suffix}"')
            )
    return found, complete


def look_at(path: Path, cache: Path) -> Version:
    """Hash ``path`` and find its variants (blocking)."""
    stamp = _stamp(path)
    sha256 = digest(path.read_bytes())
    identity = Representation(IDENTITY, path, stamp[0], f'"{sha256[:32]}"')
    variants, complete = _variants(path, cache, sha256, stamp[0])
    return Version(stamp, sha256, (identity, *variants), complete)


class StaticFiles:
    """URL path -> the current representations of its file."""

    def __init__(self, assets: Mapping[str, Path], cache: Path) -> None:
        self.cache = cache
        self.paths = dict(assets)
        self._versions = {url: look_at(path, cache) for url, path in self.paths.items()}
        self._lock = threading.Lock()

    def uncompressed(self) -> list[str]:
        """URL paths whose variants are not all in the cache."""
        return [url for url, version in self._versions.items() if not version.complete]

    def current(self, url: str) -> Version | None:
        """The file at ``url`` as it is now (blocking: stats it, hashes it if it changed)."""
        path = self.paths.get(url)
        if path is None:
            return None
        version = self._versions[url]
        stamp = _stamp(path)
        if stamp != version.stamp:
            version = look_at(path, self.cache)
        elif not version.complete:
            variants, complete = _variants(path, self.cache, version.sha256, stamp[0])
            version = Version(
                stamp, version.sha256, (version.representations[0], *variants), complete
            )
        with self._lock:
            self._versions[url] = version
        return version


STATIC_KEY = web.AppKey("static", StaticFiles)


def accepted_encodings(header: str | None) -> dict[str, float]:
    """Content codings a client takes, with their q-values (RFC 9110, 12.5.3).

    No header at all gets the file as it is; ``identity`` is acceptable unless refused.
    """
    if header is None:
        return {IDENTITY: 1.0}
    named: dict[str, float] = {}
    for item in header.split(","):
        coding, *params = (part.strip() for part in item.split(";"))
        coding = coding.lower()
        if not coding:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        named["gzip" if coding == "x-gzip" else coding] = q
    star = named.pop("*", None)
    result = {encoding: named.get(encoding, star or 0.0) for encoding in ENCODINGS}
    # Acceptable unless refused, but after any coding the client names.
    result[IDENTITY] = named.get(IDENTITY, star if star is not None else IMPLICIT_IDENTITY_Q)
    return result


def choose(representations: tuple[Representation, ...], header: str | None) -> Representation:
    """The smallest of the most preferred acceptable representations; the file itself when
    the client accepts none."""
    accepted = accepted_encodings(header)
    candidates = [rep for rep in representations if accepted.get(rep.encoding, 0.0) > 0.0]
    if not candidates:
        return representations[0]
    return max(candidates, key=lambda rep: (accepted[rep.encoding], -rep.size))


def _not_modified(request: web.Request, etag: str) -> bool:
    header = request.headers.get(hdrs.IF_NONE_MATCH)
    if header is None:
        return False
    tags = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return "*" in tags or etag in tags


async def serve_static(request: web.Request, url: str, cache_control: str) -> web.StreamResponse:
    """Answer ``request`` with the file at ``url`` (404 when there is none)."""
    files = request.app[STATIC_KEY]
    loop = asyncio.get_running_loop()
    try:
        version = await loop.run_in_executor(None, files.current, url)
    except FileNotFoundError:
        version = None
    if version is None:
        raise web.HTTPNotFound(text="Not found.\n")
    chosen = choose(version.representations, request.headers.get(hdrs.ACCEPT_ENCODING))
    headers: dict[str, str] = {
        hdrs.CACHE_CONTROL: cache_control,
        hdrs.ETAG: chosen.etag,
        hdrs.VARY: hdrs.ACCEPT_ENCODING,
    }
    if _not_modified(request, chosen.etag):
        return web.Response(status=304, headers=headers)
    headers[hdrs.CONTENT_TYPE] = content_type(INDEX if url == "/" else url)
    if chosen.encoding != IDENTITY:
        headers[hdrs.CONTENT_ENCODING] = chosen.encoding
    return await _send(request, headers, chosen)


async def _send(
    request: web.Request, headers: dict[str, str], chosen: Representation
) -> web.StreamResponse:
    loop = asyncio.get_running_loop()
    response = web.StreamResponse(headers=headers)
    response.content_length = chosen.size
    if request.method == hdrs.METH_HEAD:
        await response.prepare(request)
        return response
    file = await loop.run_in_executor(None, chosen.path.open, "rb")
    try:
        await response.prepare(request)
        left = chosen.size
        while left > 0:
            chunk = await loop.run_in_executor(None, file.read, min(CHUNK, left))
            if not chunk:
                # The file shrank since it was looked at: end the response short rather
                # than pad it; the client sees a truncated body, not wrong bytes.
                break
            await response.write(chunk)
            left -= len(chunk)
    finally:
        await loop.run_in_executor(None, file.close)
    await response.write_eof()
    return response
