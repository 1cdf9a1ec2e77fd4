"""``secket send`` and ``secket receive``: wiring only.

Everything that can be checked without the network is checked first (the link, the
server's address, ``--expect-code``, the secret or ``--out``, a terminal to confirm on);
then one event loop runs the :class:`Flow` over :class:`Net`. Ctrl-C (or SIGTERM) says
goodbye to the other side, closes the connection and the websocket, and exits with 130;
a second Ctrl-C stops at once. Nothing is written anywhere but ``--out`` or stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import Mapping
from dataclasses import dataclass

import aiohttp

from ..core.errors import (
    NoTerminalError,
    SecketError,
    StoppedError,
    WrongCommandError,
)
from ..core.link import parse_fragment
from ..core.roles import Role
from ..cpython import CPythonCrypto
from .console import Console
from .decide import normalise_code, server_base
from .errors import Exit, error_line, exit_code
from .events import Interrupted
from .files import check_out, read_file, read_prompt, read_stream
from .flow import Flow, Options
from .net import HTTP_TIMEOUT, Net, signal_url


@dataclass
class Prepared:
    options: Options
    base: str
    console: Console
    #: /dev/tty, opened to read the answer when stdin is not the terminal.
    tty: int | None = None


def run(args: argparse.Namespace, environ: Mapping[str, str]) -> int:
    """Run ``secket send`` or ``secket receive``; returns the exit code."""
    try:
        prepared = _prepare(args, environ)
    except SecketError as exc:
        print(error_line(exc), file=sys.stderr)
        return exit_code(exc)
    except KeyboardInterrupt:  # at the secret's prompt
        print(file=sys.stderr)
        print(error_line(StoppedError()), file=sys.stderr)
        return Exit.INTERRUPTED
    try:
        return asyncio.run(_main(prepared))
    finally:
        if prepared.tty is not None:
            os.close(prepared.tty)


def _prepare(args: argparse.Namespace, environ: Mapping[str, str]) -> Prepared:
    role = Role.SENDER if args.command == "send" else Role.RECEIVER
    link = parse_fragment(args.link) if args.link is not None else None
    if link is not None and link.opener_role is not role:
        verb = "send" if link.opener_role is Role.SENDER else "receive"
        raise _wrong_command(verb)
    base = server_base(args.server, args.link, environ.get("SECKET_SERVER"))
    expected = normalise_code(args.expect_code) if args.expect_code is not None else None
    stdin_is_terminal = sys.stdin.isatty()
    secret, stdin_taken = None, False
    if role is Role.SENDER:
        if args.file is not None:
            secret = read_file(args.file)
        elif stdin_is_terminal:
            secret = read_prompt()
        else:
            secret, stdin_taken = read_stream(sys.stdin.buffer), True
    out = getattr(args, "out", None)
    if out is not None:
        check_out(out)
    answers, tty = None, None
    if expected is None:
        if stdin_is_terminal and not stdin_taken:
            answers = sys.stdin.fileno()
        else:
            answers = tty = _open_tty()
    stderr_is_terminal = sys.stderr.isatty()
    console = Console(
        err=sys.stderr,
        colour=stderr_is_terminal and "NO_COLOR" not in environ and environ.get("TERM") != "dumb",
        qr=stderr_is_terminal,
        answers=answers,
        out_path=out,
        stdout=sys.stdout.buffer,
        stdout_is_terminal=sys.stdout.isatty(),
    )
    options = Options(role, link, base, expected, secret)
    return Prepared(options, base, console, tty)


def _wrong_command(verb: str) -> SecketError:
    return WrongCommandError(
        f"This link is for the person who will {verb} the secret: run `secket {verb} --link`."
    )


def _open_tty() -> int:
    try:
        return os.open("/dev/tty", os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK)
    except OSError:
        raise NoTerminalError() from None


async def _main(prepared: Prepared) -> int:
    console = prepared.console
    flow = Flow(CPythonCrypto(), prepared.options)
    net = Net(flow, console.present)
    task = asyncio.current_task()
    assert task is not None
    loop = asyncio.get_running_loop()

    signals: list[int] = []

    def interrupted(signum: int) -> None:
        # The first Ctrl-C ends the session properly; before it runs, or the second time,
        # everything stops at once (the ``finally`` clauses still close what is open).
        if net.ws is None or signals:
            task.cancel()
        signals.append(signum)
        console.mid_line = console.mid_line or signum == signal.SIGINT  # after the "^C" echo
        net.post(Interrupted())

    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, interrupted, signum)
    try:
        async with aiohttp.ClientSession(timeout=HTTP_TIMEOUT) as http:
            finish = await net.run(http, await signal_url(http, prepared.base))
    except SecketError as exc:
        console.end_line()
        console.line(error_line(exc))
        return exit_code(exc)
    except asyncio.CancelledError:
        console.end_line()
        console.line(error_line(StoppedError()))
        return Exit.INTERRUPTED
    except Exception as exc:  # a bug: one line all the same, and everything closed
        unexpected = SecketError(f"Something unexpected went wrong: {type(exc).__name__}: {exc}")
        console.end_line()
        console.line(error_line(unexpected))
        return Exit.FAILED
    finally:
        with contextlib.suppress(Exception):
            console.stop_asking()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
    console.end_line()
    console.line(finish.line)
    return finish.code
