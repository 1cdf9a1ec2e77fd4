"""Brotli and gzip variants of the static files, kept in a cache named by content hash.

Compressing the Python runtime at the best brotli level takes tens of seconds, so it is done
once, by ``secket compress`` (which ``make run`` runs) or ``secket build``, never while the
server starts: ``secket serve`` only reads the variants that are already there. A variant is
filed under the SHA-256 of the file it was made from (``<sha256>.br``, ``<sha256>.gz``), so a
changed file never meets a stale variant, and a file that did not change is never
compressed again. Every variant is decompressed and compared with its source before it is
written, and written under a temporary name first, so the cache never holds a wrong or
half-written one.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import brotli

#: Content-Encoding token -> file suffix, in the order a tie is broken.
ENCODINGS: Final[Mapping[str, str]] = {"br": ".br", "gzip": ".gz"}

#: Formats that are compressed already; their variants would only cost time.
INCOMPRESSIBLE: Final = frozenset({".png", ".jpg", ".jpeg", ".webp", ".woff2", ".ico"})

#: Where ``root``'s variants are kept (ignored by git, removed by ``make clean``).
CACHE_DIR: Final = Path(".cache") / "precompressed"

#: Brotli's best level takes about 4 s per MB here (40 s for the 9.6 MB pyodide.asm.wasm,
#: once per Pyodide release), with its default window of 4 MB: the largest window (16 MB,
#: lgwin=24) made that file larger (2,766,607 bytes against 2,741,061).
BROTLI_QUALITY: Final = 11
GZIP_LEVEL: Final = 9


def cache_dir(root: Path) -> Path:
    return root / CACHE_DIR


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def compressible(path: Path) -> bool:
    return path.suffix.lower() not in INCOMPRESSIBLE


def variant_path(cache: Path, sha256: str, encoding: str) -> Path:
    return cache / f"{sha256}{ENCODINGS[encoding]}"


def compress(data: bytes, encoding: str) -> bytes:
    if encoding == "br":
        compressed: bytes = brotli.compress(data, quality=BROTLI_QUALITY)
        return compressed
    if encoding == "gzip":
        return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)
    raise ValueError(f"unknown encoding {encoding!r}")


def decompress(data: bytes, encoding: str) -> bytes:
    if encoding == "br":
        plain: bytes = brotli.decompress(data)
        return plain
    if encoding == "gzip":
        return gzip.decompress(data)
    raise ValueError(f"unknown encoding {encoding!r}")


def load_variants(cache: Path, sha256: str, size: int) -> dict[str, bytes]:
    """The variants of the content with this hash that are smaller than it (``size``)."""
    variants: dict[str, bytes] = {}
    for encoding in ENCODINGS:
        try:
            data = variant_path(cache, sha256, encoding).read_bytes()
        except FileNotFoundError:
            continue
        if len(data) < size:
            variants[encoding] = data
    return variants


@dataclass(frozen=True, slots=True)
class Job:
    """Compress ``source`` (whose content has hash ``sha256``) with ``encoding`` into ``dest``."""

    source: Path
    sha256: str
    encoding: str
    dest: Path


def run_job(job: Job) -> int:
    """Do one job (in a worker process); return the variant's size."""
    data = job.source.read_bytes()
    if digest(data) != job.sha256:
        raise RuntimeError(f"{job.source} changed while it was being compressed")
    compressed = compress(data, job.encoding)
    if decompress(compressed, job.encoding) != data:
        raise RuntimeError(f"the {job.encoding} variant of {job.source} does not decompress to it")
    fd, temporary = tempfile.mkstemp(dir=job.dest.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(compressed)
        os.replace(temporary, job.dest)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return len(compressed)


@dataclass(frozen=True, slots=True)
class Summary:
    files: int  #: compressible files
    made: int  #: variants written now
    kept: int  #: variants already in the cache
    removed: int  #: variants of contents no longer served, deleted


def plan(files: Iterable[Path], cache: Path) -> tuple[list[Job], int, set[Path]]:
    """The jobs still to do (largest source first), how many variants exist, all wanted paths."""
    jobs: list[Job] = []
    kept = 0
    wanted: set[Path] = set()
    for path in sorted(set(files)):
        if not compressible(path):
            continue
        sha256 = digest(path.read_bytes())
        for encoding in ENCODINGS:
            dest = variant_path(cache, sha256, encoding)
            if dest in wanted:  # another file with the same content
                continue
            wanted.add(dest)
            if dest.is_file():
                kept += 1
            else:
                jobs.append(Job(path, sha256, encoding, dest))
    jobs.sort(key=lambda job: job.source.stat().st_size, reverse=True)
    return jobs, kept, wanted


def precompress(
    files: Iterable[Path],
    cache: Path,
    *,
    workers: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> Summary:
    """Make the missing variants of ``files`` in ``cache`` and delete those of other contents."""
    files = list(files)
    cache.mkdir(parents=True, exist_ok=True)
    jobs, kept, wanted = plan(files, cache)
    if jobs and progress is not None:
        size = sum({job.source: job.source.stat().st_size for job in jobs}.values())
        progress(f"compressing {len(jobs)} variants of {size / 1e6:.1f} MB of static files")
    if len(jobs) > 1 and (workers or os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(run_job, jobs))
    else:
        for job in jobs:
            run_job(job)
    removed = 0
    for path in cache.iterdir():
        if path.suffix in ENCODINGS.values() and path not in wanted:
            path.unlink()
            removed += 1
    compressed = sum(compressible(path) for path in set(files))
    return Summary(files=compressed, made=len(jobs), kept=kept, removed=removed)
