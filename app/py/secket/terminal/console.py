"""The person's side of the terminal: lines on stderr, the y/n question, the secret out.

Every line for the person goes to stderr, so stdout carries the received secret alone. The
answer to the question is read without blocking the event loop (``loop.add_reader``), so
the other person's "They don't match" or Ctrl-C still get through while it waits.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TextIO

from ..core.errors import OutputError
from .decide import Decision, parse_answer
from .events import Action, Answer, AskMatch, Deliver, Input, Say, ShowCode, ShowLink
from .files import write_out
from .view import ASK, ASK_AGAIN, code_lines, qr_lines, share_lines


@dataclass
class Console:
    err: TextIO
    #: 24-bit colour for the code's swatch and the QR code.
    colour: bool
    #: Draw the link as a QR code too (stderr is a terminal).
    qr: bool
    #: Where the y/n answer is read from (stdin or /dev/tty); None with --expect-code.
    answers: int | None
    #: R: --out, else the secret goes to ``stdout``.
    out_path: Path | None
    stdout: BinaryIO
    stdout_is_terminal: bool = False
    _buffer: bytes = field(default=b"", repr=False)
    #: The cursor is not at the start of a line: after the question, or the "^C" the
    #: terminal echoed.
    mid_line: bool = field(default=False, repr=False)

    def line(self, text: str = "") -> None:
        print(text, file=self.err, flush=True)

    def present(self, action: Action, post: Callable[[Input], None]) -> None:
        if isinstance(action, ShowLink):
            for text in share_lines(action.url, action.creator):
                self.line(text)
            if self.qr:
                for text in qr_lines(action.url, self.colour):
                    self.line(f"  {text}")
                self.line()
        elif isinstance(action, Say):
            self.line(action.text)
        elif isinstance(action, ShowCode):
            for text in code_lines(action.sas, self.colour):
                self.line(text)
        elif isinstance(action, AskMatch):
            self._ask(post)
        elif isinstance(action, Deliver):
            self._deliver(action.text)

    def _ask(self, post: Callable[[Input], None]) -> None:
        fd = self.answers
        assert fd is not None, "a terminal to ask on was checked for before connecting"
        self.err.write(ASK)
        self.err.flush()
        self.mid_line = True
        loop = asyncio.get_running_loop()

        def readable() -> None:
            try:
                data = os.read(fd, 4096)
            except BlockingIOError:
                return
            except OSError:
                data = b""
            if not data:
                # End of input (Ctrl-D): no confirmation will come, which is a "no".
                loop.remove_reader(fd)
                self.end_line()
                post(Answer(Decision.MISMATCH))
                return
            self._buffer += data
            while b"\n" in self._buffer:
                text, self._buffer = self._buffer.split(b"\n", 1)
                decision = parse_answer(text.decode("utf-8", "replace"))
                if decision is not None:
                    loop.remove_reader(fd)
                    self.mid_line = False  # Enter ended the line
                    post(Answer(decision))
                    return
                self.err.write(ASK_AGAIN)
                self.err.flush()

        loop.add_reader(fd, readable)

    def stop_asking(self) -> None:
        """The session ended: no answer is read any more."""
        if self.answers is not None:
            asyncio.get_running_loop().remove_reader(self.answers)

    def end_line(self) -> None:
        """Make sure what follows starts a line of its own."""
        if self.mid_line:
            self.mid_line = False
            self.line()

    def _deliver(self, text: str) -> None:
        if self.out_path is not None:
            write_out(self.out_path, text)
            self.line(f"The secret is in {self.out_path} (readable by you only).")
            return
        try:
            self.stdout.write(text.encode("utf-8"))
            if self.stdout_is_terminal and not text.endswith("\n"):
                self.stdout.write(b"\n")
            self.stdout.flush()
        except OSError as exc:
            raise OutputError(f"Cannot write the secret out: {exc.strerror or exc}.") from None
