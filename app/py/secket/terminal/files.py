"""The secret in (a file, stdin, or a prompt without echo) and out (stdout or a new file).

Both are checked before anything touches the network: a secret too large or not text, or
an ``--out`` that already exists, stops the command before a link is made.
"""

from __future__ import annotations

import getpass
import os
import stat
from pathlib import Path
from typing import BinaryIO

from ..core.errors import OutputError, SecretTooLargeError, UsageError
from ..core.secret import MAX_SECRET_BYTES
from ..core.secret_text import Empty, Sendable, check_secret

PROMPT = "Secret (typing is hidden; Enter ends it): "


def decode_secret(raw: bytes, where: str) -> str:
    """The secret as text, under the same rules as the page's secret box
    (``core/secret_text.py``): not empty, not only blanks, at most 64 KiB of UTF-8."""
    if len(raw) > MAX_SECRET_BYTES:
        raise SecretTooLargeError(
            f"{where} holds more than {MAX_SECRET_BYTES // 1024} KiB: at most 64 KiB can be sent."
        )
    try:
        text = raw.decode("utf-8")  # strict: a lone surrogate is not UTF-8 either
    except UnicodeDecodeError:
        raise UsageError(f"{where} is not UTF-8 text: Secket sends text.") from None
    check = check_secret(text)
    if isinstance(check, Empty):
        raise UsageError(f"{where} is empty: there is no secret to send.")
    if not isinstance(check, Sendable):
        raise UsageError(check.message)
    return text


def read_file(path: Path) -> str:
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_SECRET_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    return decode_secret(raw, str(path))


def read_stream(stream: BinaryIO) -> str:
    """Everything on stdin, exactly (a trailing newline stays part of the secret)."""
    return decode_secret(stream.read(MAX_SECRET_BYTES + 1), "The standard input")


def read_prompt() -> str:
    """One line typed at the terminal without echo."""
    return decode_secret(getpass.getpass(PROMPT).encode("utf-8"), "What you typed")


def check_out(path: Path) -> None:
    """``--out`` must name a file that does not exist yet, in a directory that does."""
    if path.exists() or path.is_symlink():
        raise UsageError(f"{path} already exists: Secket never overwrites a file.")
    if not path.parent.is_dir():
        raise UsageError(f"{path.parent} is not a directory.")


def write_out(path: Path, text: str) -> None:
    """Create ``path`` readable by its owner only (0600) and write the secret; never
    replaces or follows anything already there."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, stat.S_IRUSR | stat.S_IWUSR)
    except FileExistsError:
        raise OutputError(f"{path} appeared meanwhile: Secket never overwrites a file.") from None
    except OSError as exc:
        raise OutputError(f"Cannot create {path}: {exc.strerror or exc}.") from None
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(text.encode("utf-8"))
    except OSError as exc:
        path.unlink(missing_ok=True)
        raise OutputError(f"Cannot write {path}: {exc.strerror or exc}.") from None
