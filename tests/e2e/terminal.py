"""The terminal peer for the end-to-end tests, two ways.

``TerminalPeer``: the real ``secket send`` / ``secket receive`` command as a subprocess on a
pseudo-terminal that is its controlling terminal, as in a person's terminal: stderr (and
stdin, unless the test pipes the secret in) is the pty, so the command asks y/n there and
draws the QR code and the colour swatch; Ctrl-C is a ``\x03`` typed on it; stdout is a pipe
that carries the received secret and nothing else.

``InProcessPeer``: the same Flow and Net on an event loop in a thread of the test process,
where a test can patch aiortc or alter what the peer seals (a peer that advertises
``a=max-message-size:65536``, one that sends two different sha-256 fingerprints).
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import json
import os
import pty
import re
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import aiohttp

from secket.core.link import parse_fragment
from secket.core.negotiation import Negotiation
from secket.core.roles import Role
from secket.core.wire import decode_signal, encode_signal
from secket.cpython import CPythonCrypto
from secket.terminal.decide import Decision
from secket.terminal.events import (
    Action,
    Answer,
    Deliver,
    Finish,
    Input,
    LocalDescription,
    Say,
    ServerMessage,
    ShowCode,
    ShowLink,
)
from secket.terminal.flow import Flow, Options
from secket.terminal.net import Net, Present, signal_url

T = TypeVar("T")

SECKET = Path(sys.executable).with_name("secket")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
LINK = re.compile(r"https?://\S+/#1[rs][A-Za-z0-9_-]{22}")
NUMBER = re.compile(r"Number: (\d{4} \d{4} \d{5})")


def _own_terminal() -> None:
    """In the child: a session of its own, whose controlling terminal is the pty (fd 2)."""
    os.setsid()
    fcntl.ioctl(2, termios.TIOCSCTTY, 0)


class TerminalPeer:
    def __init__(
        self, *args: str, env: dict[str, str] | None = None, stdin: bytes | None = None
    ) -> None:
        self.master, slave = pty.openpty()
        environ = {**os.environ, "TERM": "xterm-256color", **(env or {})}
        self.process = subprocess.Popen(
            [str(SECKET), *args],
            stdin=subprocess.PIPE if stdin is not None else slave,
            stdout=subprocess.PIPE,
            stderr=slave,
            env=environ,
            preexec_fn=_own_terminal,
        )
        os.close(slave)
        if stdin is not None:
            assert self.process.stdin is not None
            self.process.stdin.write(stdin)
            self.process.stdin.close()
        self._raw = b""
        self._out = b""
        self._lock = threading.Lock()
        self._readers = [
            threading.Thread(target=self._read, daemon=True),
            threading.Thread(target=self._read_stdout, daemon=True),
        ]
        for reader in self._readers:
            reader.start()
        self.stdout = b""

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 4096)
            except OSError:
                return
            if not data:
                return
            with self._lock:
                self._raw += data

    def _read_stdout(self) -> None:
        assert self.process.stdout is not None
        while data := self.process.stdout.read1(65536):
            with self._lock:
                self._out += data

    @property
    def raw(self) -> str:
        with self._lock:
            return self._raw.decode("utf-8", "replace")

    @property
    def text(self) -> str:
        """What the terminal shows, without colour escapes."""
        return ANSI.sub("", self.raw).replace("\r\n", "\n")

    def wait_for(self, pattern: str | re.Pattern[str], timeout: float = 30.0) -> re.Match[str]:
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = regex.search(self.text)
            if found:
                return found
            if self.process.poll() is not None:
                time.sleep(0.2)  # the last output may still be in the pty
                found = regex.search(self.text)
                if found:
                    return found
                break
            time.sleep(0.05)
        raise AssertionError(f"{pattern!r} never showed; the terminal shows:\n{self.text}")

    def link(self) -> str:
        return self.wait_for(LINK).group(0)

    def code(self) -> str:
        return self.wait_for(NUMBER).group(1)

    def type(self, line: str) -> None:
        os.write(self.master, line.encode() + b"\n")

    def ctrl_c(self) -> None:
        """Ctrl-C typed on its terminal: SIGINT to its foreground process group."""
        os.write(self.master, b"\x03")

    def finish(self, timeout: float = 30.0) -> int:
        """Wait for the exit; returns the exit code (stdout is then in ``self.stdout``)."""
        code = self.process.wait(timeout)
        self._readers[1].join(5)
        time.sleep(0.1)  # the last lines may still be on their way through the pty
        with self._lock:
            self.stdout = self._out
        self._close()
        return code

    def last_line(self) -> str:
        return self.text.strip().splitlines()[-1]

    def _close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.master)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        self._close()


class RecordingNet(Net):
    """Net that can rewrite this side's SDP before it is sealed, and keeps the signaling
    payloads that arrive once the session runs (which the flow ignores unopened)."""

    def __init__(self, flow: Flow, present: Present, rewrite: Callable[[str], str]) -> None:
        super().__init__(flow, present)
        self.rewrite = rewrite
        self.late_payloads: list[str] = []

    def post(self, event: Input) -> None:
        if isinstance(event, LocalDescription):
            event = LocalDescription(self.rewrite(event.sdp))
        message = event.message if isinstance(event, ServerMessage) else {}
        if message.get("type") == "signal" and self.flow.negotiation.started:
            self.late_payloads.append(str(message.get("payload")))
        super().post(event)


class UncheckedNegotiation(Negotiation):
    """Seals whatever it is given: a peer that sends SDP Secket's own peers never would."""

    def sealed(self, sdp: str) -> None:
        self.local_sdp = sdp


class InProcessPeer:
    """The terminal peer's Flow and Net in a thread; the test answers for the person."""

    def __init__(
        self,
        base: str,
        role: Role,
        link: str | None = None,
        secret: str | None = None,
        rewrite: Callable[[str], str] | None = None,
    ) -> None:
        options = Options(role, parse_fragment(link) if link else None, base, None, secret)
        self.flow = Flow(CPythonCrypto(), options)
        if rewrite is not None:
            room = self.flow.negotiation.room
            self.flow.negotiation = UncheckedNegotiation(role, room)
        self.net = RecordingNet(self.flow, self._present, rewrite or (lambda sdp: sdp))
        self.base = base
        self.lines: list[str] = []
        self.delivered: list[str] = []
        self.link: str | None = None
        self.code: str | None = None
        self.finish: Finish | None = None
        self.error: BaseException | None = None
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> InProcessPeer:
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            self._loop.run_until_complete(self._main())
        except BaseException as exc:
            self.error = exc

    async def _main(self) -> None:
        async with aiohttp.ClientSession() as http:
            self.finish = await self.net.run(http, await signal_url(http, self.base))

    def _present(self, action: Action, _post: Callable[[Input], None]) -> None:
        if isinstance(action, ShowLink):
            self.link = action.url
        elif isinstance(action, Say):
            self.lines.append(action.text)
        elif isinstance(action, ShowCode):
            self.code = action.sas.number
        elif isinstance(action, Deliver):
            self.delivered.append(action.text)

    def wait(self, what: Callable[[InProcessPeer], T | None], timeout: float = 30.0) -> T:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = what(self)
            if value:
                return value
            if self.error is not None or self.finish is not None:
                break
            time.sleep(0.05)
        raise AssertionError(f"never got there: {self.lines}, {self.finish}, {self.error!r}")

    def answer(self, decision: Decision) -> None:
        self._loop.call_soon_threadsafe(self.net.post, Answer(decision))

    def on_loop(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=10)

    async def send_signal(self, kind: str, data: dict[str, Any]) -> None:
        """Seal a payload as this peer would and send it through the server."""
        token = await self.flow.cipher.seal(encode_signal(kind, data))
        assert self.net.ws is not None
        await self.net.ws.send_str(json.dumps({"type": "signal", "payload": token}))

    def late_payload_kinds(self) -> list[str]:
        """Once it ended: the kinds of the payloads the flow left unopened, opened now in
        their order (the cipher expects them next)."""

        async def open_all() -> list[str]:
            return [
                decode_signal(await self.flow.cipher.open(payload))[0]
                for payload in self.net.late_payloads
            ]

        assert not self._thread.is_alive()
        # A thread of its own: Playwright's sync API owns this thread's event loop.
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, open_all()).result()

    def join(self, timeout: float = 30.0) -> Finish:
        self._thread.join(timeout)
        assert not self._thread.is_alive(), f"still running: {self.lines}"
        if self.error is not None:
            raise self.error
        assert self.finish is not None
        return self.finish
