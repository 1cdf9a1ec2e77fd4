"""``secket serve`` in a process of its own: it can be killed outright, and its log output
(JSON lines on stderr, as in production) is captured in a file."""

from __future__ import annotations

import re
import select
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import app_root

_RUNNING = re.compile(r"running at (http://127\.0\.0\.1:(\d+)/)")
START_S = 30.0


@dataclass
class ServerProcess:
    log_path: Path
    args: tuple[str, ...] = ()
    port: int = 0
    url: str = ""
    _process: subprocess.Popen[str] | None = field(default=None, repr=False)

    def start(self) -> ServerProcess:
        """Start (or start again, on the same port once it is known) and wait until ready."""
        command = [sys.executable, "-m", "secket_server", "serve", "--host", "127.0.0.1"]
        command += ["--port", str(self.port), "--root", str(app_root()), *self.args]
        with self.log_path.open("a") as log:
            self._process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, text=True)
        assert self._process.stdout is not None
        deadline = time.monotonic() + START_S
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self._process.stdout], [], [], 0.5)
            if ready:
                match = _RUNNING.search(self._process.stdout.readline())
                if match:
                    self.url, self.port = match.group(1), int(match.group(2))
                    return self
            if self._process.poll() is not None:
                break
        self.kill()
        raise AssertionError(f"secket serve did not start: {self.logs()[-2000:]}")

    def kill(self) -> None:
        """A crash: no goodbye to anyone, the kernel just drops the connections."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait(timeout=10)

    def stop(self) -> None:
        """A clean stop (SIGTERM), as an orchestrator restarting the service does."""
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            self._process.wait(timeout=30)

    def logs(self) -> str:
        return self.log_path.read_text() if self.log_path.exists() else ""
