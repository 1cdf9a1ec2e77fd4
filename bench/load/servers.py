"""The servers under load, started here on free loopback ports and stopped at the end:
``secket serve`` with its limits lifted, the PeerJS server, and ``secket serve --redis``
processes sharing one redis-server (``tests/daemons.py`` starts Secket and Redis the way the
tests do)."""

from __future__ import annotations

import contextlib
import json
import subprocess
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tests.daemons import RedisServer, ServerProcess, find_binary, free_port, stop

from .proc import NOFILE

ROOT = Path(__file__).resolve().parents[2]
PEER_DIR = ROOT / "bench" / "peerserver"
PEERJS = PEER_DIR / "node_modules" / "peer" / "dist" / "bin" / "peerjs.js"
TARGETS = ("secket", "peerserver")
START_TIMEOUT_S = 30.0
#: Every socket comes from 127.0.0.1 and sends as fast as it can: Secket's limits lifted.
SECKET_LIMITS = (
    *("--message-rate", "1000000", "--message-burst", "1000000"),
    *("--joins-per-minute", "10000000", "--max-rooms", "1000000"),
    *("--idle-timeout", "3600", "--room-ttl", "3600"),
)


@dataclass
class Server:
    """The server process(es) under load, and the Redis they share (measured apart)."""

    urls: list[str]
    pids: list[int]
    secket: list[ServerProcess] = field(default_factory=list)
    peerjs: list[subprocess.Popen[bytes]] = field(default_factory=list)
    logs: list[Path] = field(default_factory=list)
    redis: RedisServer | None = None

    @property
    def helper_pids(self) -> list[int]:
        return [self.redis.process.pid] if self.redis and self.redis.process else []

    def alive(self) -> bool:
        return all(p.alive() for p in self.secket) and all(p.poll() is None for p in self.peerjs)

    def log_tails(self) -> str:
        return "\n".join(f"--- {log}\n{log.read_text()[-3000:]}" for log in self.logs)

    def complaints(self) -> Counter[str]:
        """Secket's warning and error log lines, by event and error (its logs are JSON)."""
        found: Counter[str] = Counter()
        for log in self.logs:
            for line in log.read_text(errors="replace").splitlines():
                with contextlib.suppress(ValueError):
                    entry = json.loads(line)
                    if isinstance(entry, dict) and entry.get("level") in ("warning", "error"):
                        detail = entry.get("error") or ""
                        found[f"{entry['level']} {entry.get('event')} {detail}".strip()] += 1
        return found


def _wait_for_http(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited:\n{log.read_text()[-2000:]}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=1):
            return
        time.sleep(0.1)
    raise RuntimeError(f"server did not answer at {url} within {START_TIMEOUT_S} s")


def start_peerjs(log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """The PeerJS server (npm ``peer``, pinned in bench/peerserver/); its websocket URL."""
    if not PEERJS.exists():
        subprocess.run(
            ["npm", "ci", "--prefix", str(PEER_DIR), "--no-audit", "--no-fund"], check=True
        )
    port = free_port()
    command = [
        *("node", str(PEERJS)),
        *("--host", "127.0.0.1", "--port", str(port)),
        # Default 5,000 clients; alive_timeout closes sockets that sent no HEARTBEAT.
        *("--concurrent_limit", "1000000", "--alive_timeout", "3600000"),
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_for_http(f"http://127.0.0.1:{port}/", process, log)
    except RuntimeError:
        stop(process)
        raise
    return process, f"ws://127.0.0.1:{port}/peerjs"


@contextlib.contextmanager
def local_server(
    target: str, logs: Path, count: int = 1, redis: RedisServer | None = None
) -> Iterator[Server]:
    """``count`` processes of ``target`` on free loopback ports (several only with Redis)."""
    server = Server([], [], redis=redis)
    try:
        for index in range(count):
            name = f"{target}-redis-{count}" if redis else target
            log = logs / f"{name}-{index}.log"
            server.logs.append(log)
            if target == "secket":
                args = (*SECKET_LIMITS, *(("--redis", redis.url) if redis else ()))
                process = ServerProcess(log, args, ROOT).start()
                server.secket.append(process)
                server.urls.append(process.url.replace("http://", "ws://") + "ws")
                server.pids.append(process.pid)
            else:
                peerjs, url = start_peerjs(log)
                server.peerjs.append(peerjs)
                server.urls.append(url)
                server.pids.append(peerjs.pid)
        yield server
    finally:
        for process in server.secket:
            process.stop()
        for peerjs in server.peerjs:
            stop(peerjs)


@contextlib.contextmanager
def redis_server(directory: Path) -> Iterator[RedisServer]:
    """Debian's redis-server on a free loopback port, saving nothing, stopped at the end."""
    binary = find_binary("redis-server", "redis-server")
    redis = RedisServer(binary, directory, maxclients=NOFILE).start()
    try:
        yield redis
    finally:
        redis.stop()
