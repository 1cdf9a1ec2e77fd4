"""The real processes that tests and benchmarks start: ``secket serve``, Debian's
redis-server, coturn's turnserver and Xvfb, and how Chromium, Firefox and WebKitGTK are found
and launched.

One place, so that a test and a benchmark start each of them the same way. It lives under
tests/ and imports nothing of pytest: the tests are what ``make test`` and CI run on every
change, so their helpers stay beside them, and bench/ imports them from here (the tests never
import bench/). Each process runs on 127.0.0.1 on a free port and is stopped by its caller;
``tests/conftest.py`` turns them into fixtures.
"""

from __future__ import annotations

import os
import re
import secrets
import select
import shutil
import socket
import struct
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

#: How long a process may take to answer after it was started, seconds.
START_TIMEOUT = 30.0

# --- Chromium -------------------------------------------------------------------------------

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
#: What Chromium needs here: root without a sandbox, no display, a closed network, a fake
#: camera granted without asking, WebRTC over loopback only.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
    "--allow-loopback-in-peer-connection",
    # Shared memory goes to /tmp: a small /dev/shm (containers) otherwise crashes renderers.
    "--disable-dev-shm-usage",
]


def chromium_executable() -> str | None:
    """``SECKET_CHROMIUM``, else Debian's Chromium where it exists, else None: Playwright's."""
    if os.environ.get("SECKET_CHROMIUM"):
        return os.environ["SECKET_CHROMIUM"]
    return str(DEBIAN_CHROMIUM) if DEBIAN_CHROMIUM.exists() else None


# --- Firefox --------------------------------------------------------------------------------

DEBIAN_FIREFOX = Path("/usr/bin/firefox-esr")
#: A synthetic camera, granted without a prompt (Chromium's two --use-fake-* flags).
FIREFOX_PREFS = {
    "media.navigator.streams.fake": True,
    "media.navigator.permission.disabled": True,
}


def firefox_executable() -> str | None:
    """``SECKET_FIREFOX``, else Debian's firefox-esr where it exists, else None: Playwright's."""
    if os.environ.get("SECKET_FIREFOX"):
        return os.environ["SECKET_FIREFOX"]
    return str(DEBIAN_FIREFOX) if DEBIAN_FIREFOX.exists() else None


# --- processes ------------------------------------------------------------------------------


class MissingBinary(RuntimeError):
    """A daemon's binary is not installed; the message names the Debian package."""


def find_binary(name: str, package: str) -> str:
    path = shutil.which(name) or next(
        (p for p in (f"/usr/bin/{name}", f"/usr/sbin/{name}") if os.access(p, os.X_OK)), None
    )
    if path is None:
        raise MissingBinary(
            f"{name} is missing: install the Debian package {package} (scripts/system-deps.sh)"
        )
    return path


def free_port() -> int:
    """A port free for both TCP and UDP on 127.0.0.1 (coturn listens on both)."""
    for _ in range(100):
        with socket.socket() as tcp:
            tcp.bind(("127.0.0.1", 0))
            port = int(tcp.getsockname()[1])
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
                try:
                    udp.bind(("127.0.0.1", port))
                except OSError:
                    continue
            return port
    raise RuntimeError("no free port")


def stop(process: subprocess.Popen[bytes] | subprocess.Popen[str], timeout: float = 20) -> int:
    """SIGTERM, and SIGKILL if it is still running after ``timeout``; its exit code."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
    return process.returncode


# --- WebKitGTK under Xvfb -------------------------------------------------------------------

#: MiniBrowser: in Debian's libwebkit2gtk-4.1-0, under the architecture's library directory.
MINIBROWSER_GLOB = "/usr/lib/*/webkit2gtk-4.1/MiniBrowser"


def find_minibrowser() -> str:
    found = sorted(Path("/").glob(MINIBROWSER_GLOB.lstrip("/")))
    if not found:
        raise MissingBinary(
            "MiniBrowser is missing: install the Debian package webkit2gtk-driver"
            " (scripts/system-deps.sh)"
        )
    return str(found[0])


def start_xvfb(binary: str) -> tuple[subprocess.Popen[bytes], str]:
    """An X server of its own, on a display number it picks itself; the process and
    ``DISPLAY``."""
    read, write = os.pipe()
    process = subprocess.Popen(
        [binary, "-displayfd", str(write), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=[write],
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as numbers:
        ready, _, _ = select.select([numbers], [], [], START_TIMEOUT)
        number = numbers.readline().strip() if ready else ""
    if not number:
        stop(process)
        raise RuntimeError(f"Xvfb gave no display number within {START_TIMEOUT} s")
    return process, f":{number}"


# --- secket serve ---------------------------------------------------------------------------

_RUNNING = re.compile(r"running at (http://127\.0\.0\.1:(\d+)/)")


@dataclass
class ServerProcess:
    """``secket serve`` in a process of its own: it can be stopped (SIGTERM, as an
    orchestrator does) or killed outright, and its log (JSON lines on stderr, as in
    production) is kept in ``log_path``."""

    log_path: Path
    args: tuple[str, ...] = ()
    #: The checkout it serves (``--root``); None: the one it is installed from.
    root: Path | None = None
    #: Port 0 takes any; after a start, the one it took (a restart comes back on it).
    port: int = 0
    env: dict[str, str] = field(default_factory=dict)
    url: str = ""
    _process: subprocess.Popen[str] | None = field(default=None, repr=False)

    def start(self) -> ServerProcess:
        """Start (or start again) and wait until it says where it listens."""
        command = [sys.executable, "-m", "secket_server", "serve", "--host", "127.0.0.1"]
        command += ["--port", str(self.port), *self.args]
        command += ["--root", str(self.root)] if self.root is not None else []
        with self.log_path.open("a") as log:
            self._process = subprocess.Popen(
                command,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                env={**os.environ, **self.env},
            )
        assert self._process.stdout is not None
        deadline = time.monotonic() + START_TIMEOUT
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
        raise RuntimeError(f"secket serve did not start: {self.logs()[-2000:]}")

    @property
    def pid(self) -> int:
        assert self._process is not None
        return self._process.pid

    def alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def kill(self) -> None:
        """A crash: no goodbye to anyone, the kernel just drops the connections."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait(timeout=10)

    def stop(self) -> int | None:
        """A clean stop (SIGTERM); its exit code."""
        return stop(self._process, timeout=30) if self._process is not None else None

    def logs(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


# --- Redis ----------------------------------------------------------------------------------


@dataclass
class RedisServer:
    binary: str
    directory: Path
    port: int = 0
    #: Clients it accepts; None: redis-server's default (10,000).
    maxclients: int | None = None
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        """Start (or start again, on the same port) with nothing saved to disk."""
        self.port = self.port or free_port()
        command = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--dir", str(self.directory)]
        command += ["--loglevel", "warning"]
        if self.maxclients is not None:
            command += ["--maxclients", str(self.maxclients)]
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.command(b"PING") == b"+PONG":
                return self
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self.process.returncode}")
            time.sleep(0.05)
        raise RuntimeError("redis-server did not answer")

    def command(self, *words: bytes) -> bytes | None:
        """One command in RESP; the first line of the answer, or None if nobody answers."""
        request = b"*%d\r\n" % len(words) + b"".join(b"$%d\r\n%s\r\n" % (len(w), w) for w in words)
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=2) as conn:
                conn.sendall(request)
                return conn.recv(65536).split(b"\r\n", 1)[0]
        except OSError:
            return None

    def flush(self) -> None:
        assert self.command(b"FLUSHALL") == b"+OK"

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)
            self.process = None


# --- coturn ---------------------------------------------------------------------------------


@dataclass
class TurnServer:
    port: int
    secret: str
    realm: str
    log: Path
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"turn:127.0.0.1:{self.port}?transport=udp"

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


def stun_binding(port: int, timeout: float = 0.5) -> bool:
    """Whether a STUN Binding request to 127.0.0.1:port gets a success response (RFC 5389)."""
    transaction = secrets.token_bytes(12)
    request = struct.pack("!HHI", 0x0001, 0, 0x2112A442) + transaction
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.settimeout(timeout)
        try:
            udp.sendto(request, ("127.0.0.1", port))
            answer = udp.recv(2048)
        except OSError:
            return False
    return answer[:2] == b"\x01\x01" and answer[8:20] == transaction


def start_turnserver(binary: str, directory: Path) -> TurnServer:
    """coturn's turnserver with a shared secret (TURN REST credentials), UDP only."""
    port, secret, realm = free_port(), secrets.token_hex(16), "secket.test"
    relay_low = 40000 + secrets.randbelow(200) * 100
    log = directory / "turnserver.log"
    command = [
        binary,
        "-c",
        "/dev/null",
        "--listening-ip=127.0.0.1",
        f"--listening-port={port}",
        "--relay-ip=127.0.0.1",
        f"--min-port={relay_low}",
        f"--max-port={relay_low + 99}",
        "--allow-loopback-peers",
        "--use-auth-secret",
        f"--static-auth-secret={secret}",
        f"--realm={realm}",
        "--fingerprint",
        "--no-tls",
        "--no-dtls",
        "--no-cli",
        "--no-software-attribute",
        f"--userdb={directory / 'turndb'}",
        f"--pidfile={directory / 'turnserver.pid'}",
        f"--log-file={log}",
        "--simple-log",
        "--verbose",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if stun_binding(port):
            return TurnServer(port, secret, realm, log, process)
        if process.poll() is not None:
            break
        time.sleep(0.1)
    stop(process)
    text = log.read_text(errors="replace")[-2000:] if log.exists() else ""
    raise RuntimeError(f"turnserver did not answer on UDP {port}:\n{text}")
