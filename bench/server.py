"""``secket serve`` started for the page benchmark, on a free loopback port, after ``secket
runtime`` and ``secket compress`` (as ``make run`` does), so the benchmark measures what
``make run`` serves."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from tests.daemons import ServerProcess

ROOT = Path(__file__).resolve().parent.parent
#: Compressing a fresh checkout takes about a minute here; afterwards nothing.
COMPRESS_TIMEOUT_S = 600.0


class ServerError(RuntimeError):
    """``secket serve`` did not start."""


@contextmanager
def local_server() -> Iterator[str]:
    """``secket serve`` on a free loopback port, with the per-address join limit lifted."""
    # As `make run` does: the runtime derived for the Python being served (else the page
    # starts the slow way and the figures are not the app's), then the compressed variants.
    for step in ("runtime", "compress"):
        done = subprocess.run(
            [sys.executable, "-m", "secket_server", step],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=COMPRESS_TIMEOUT_S,
            check=False,
        )
        if done.returncode != 0:
            raise ServerError(f"secket {step} failed:\n{done.stdout}{done.stderr}")
        print(done.stdout.strip().splitlines()[-1], file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="secket-bench-") as logs:
        server = ServerProcess(Path(logs) / "serve.log", ("--joins-per-minute", "100000"), ROOT)
        try:
            server.start()
        except RuntimeError as exc:
            raise ServerError(str(exc)) from None
        try:
            yield server.url
        finally:
            server.stop()


def secket_url(stack: ExitStack, base_url: str | None) -> str:
    """The Secket to measure: ``base_url`` (one already running), else a local server that
    ``stack`` stops."""
    if base_url:
        return base_url.rstrip("/") + "/"
    return stack.enter_context(local_server())
