"""``secket serve`` started for the benchmark, on a free loopback port, after ``secket snapshot``
and ``secket compress`` (as ``make run`` does), so the benchmark measures what ``make run``
serves."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
SERVER_TIMEOUT_S = 30.0
#: Compressing a fresh checkout takes about a minute here; afterwards nothing.
COMPRESS_TIMEOUT_S = 600.0


class ServerError(RuntimeError):
    """``secket serve`` did not start."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_for_http(url: str, process: subprocess.Popen[bytes], log: IO[bytes]) -> None:
    deadline = time.monotonic() + SERVER_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise ServerError(f"secket serve exited:\n{log.read().decode(errors='replace')}")
        with suppress(OSError), urllib.request.urlopen(url, timeout=1):
            return
        time.sleep(0.1)
    raise ServerError(f"secket serve did not answer at {url} within {SERVER_TIMEOUT_S} s")


@contextmanager
def local_server() -> Iterator[str]:
    """``secket serve`` on a free loopback port, with the per-address join limit lifted."""
    port = _free_port()
    script = Path(sys.executable).with_name("secket")
    secket = [str(script)] if script.exists() else [sys.executable, "-m", "secket_server"]
    # As `make run` does: the memory snapshot of the Python being served (else the page
    # starts the slow way and the figures are not the app's), then the compressed variants.
    for step in ("snapshot", "compress"):
        done = subprocess.run(
            [*secket, step],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=COMPRESS_TIMEOUT_S,
            check=False,
        )
        if done.returncode != 0:
            raise ServerError(f"secket {step} failed:\n{done.stdout}{done.stderr}")
        print(done.stdout.strip().splitlines()[-1], file=sys.stderr, flush=True)
    command = [*secket, "serve", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--joins-per-minute", "100000"]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}/"
            _wait_for_http(url, process, log)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
