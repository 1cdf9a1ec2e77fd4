"""The ``secket`` command: ``secket serve``, ``secket build``, ``secket compress``,
``secket runtime``, and the terminal peer ``secket send`` / ``secket receive``.

Its flags and environment variables are in ``options`` (the only argparse user). ``send``
and ``receive`` are imported only when run (``secket.terminal``), so ``secket serve`` never
loads aiortc.
"""

from __future__ import annotations

import asyncio
import importlib
import os
import signal
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from aiohttp import web

from secket.core.errors import DeriveError

from . import options
from .app import create_app
from .assets import asset_map
from .build import build_bundle
from .logs import AccessLogger, configure_logging
from .precompress import cache_dir, precompress
from .runtime import ensure_runtime


def _progress(line: str) -> None:
    print(line, flush=True)


def _compress(root: Path) -> int:
    cache = cache_dir(root)
    started = time.monotonic()
    try:
        summary = precompress(asset_map(root).values(), cache, progress=_progress)
    except (OSError, RuntimeError, ValueError) as exc:
        print(f"secket compress: {exc}", file=sys.stderr)
        return 1
    took = time.monotonic() - started
    print(
        f"{summary.made} variants made, {summary.kept} already there, {summary.removed} "
        f"stale removed, for {summary.files} files in {cache} ({took:.1f} s)"
    )
    return 0


def _runtime(root: Path, command: str) -> bool:
    """Derive the runtime if it is missing or stale; False (said on stderr) if it fails."""
    try:
        _progress(ensure_runtime(root, asset_map(root), progress=_progress))
    except (OSError, DeriveError) as exc:
        print(f"secket {command}: no derived runtime: {exc}", file=sys.stderr)
        return False
    return True


async def _serve(app: web.Application, host: str, port: int) -> None:
    runner = web.AppRunner(app, access_log_class=AccessLogger, shutdown_timeout=10)
    await runner.setup()
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
        bound_host, bound_port = runner.addresses[0][:2]
        shown = f"[{bound_host}]" if ":" in bound_host else bound_host
        print(f"Secket is running at http://{shown}:{bound_port}/", flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        await stop.wait()
    finally:
        await runner.cleanup()


def _loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    try:
        uvloop = importlib.import_module("uvloop")
    except ImportError:
        return None
    factory: Callable[[], asyncio.AbstractEventLoop] = uvloop.new_event_loop
    return factory


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    environ = os.environ if environ is None else environ
    env = options.Env(environ)
    parser = options.parser(env)
    argv = sys.argv[1:] if argv is None else list(argv)
    args = parser.parse_args(argv or ["serve"])
    if env.errors:
        parser.error("; ".join(env.errors))
    if args.command == "compress":
        return _compress(args.root)
    if args.command == "runtime":
        return 0 if _runtime(args.root, "runtime") else 1
    if args.command in ("send", "receive"):
        # Here, not at the top: `secket serve` must not load aiortc.
        from secket.terminal.main import run as run_terminal

        return run_terminal(args, environ)
    try:
        config = options.config_from(args, environ)
    except ValueError as exc:
        parser.error(str(exc))

    if args.command == "build":
        # Without the derived runtime the bundle still works: the page starts Python from the
        # npm package's own standard library, seconds slower on a phone.
        _runtime(config.root, "build")
        try:
            written = build_bundle(config, args.out, progress=_progress)
        except (FileNotFoundError, ValueError) as exc:
            print(f"secket build: {exc}", file=sys.stderr)
            return 1
        print(f"Wrote {len(written)} files to {args.out}")
        return 0

    configure_logging(args.log_level)
    app = create_app(config)
    with asyncio.Runner(loop_factory=_loop_factory()) as runner:
        runner.run(_serve(app, args.host, args.port))
    return 0
