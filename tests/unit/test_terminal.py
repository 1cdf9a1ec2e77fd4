"""The terminal peer's pure parts: decisions, what it shows, the secret in and out, exit codes."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from qrcodegen import QrCode

from secket.core import errors
from secket.core.errors import MalformedLinkError, RemoteProtocolError, SecretTooLargeError
from secket.core.roles import Role
from secket.core.sas import Sas
from secket.core.secret import MAX_SECRET_BYTES
from secket.terminal.decide import Decision, decide, normalise_code, parse_answer, server_base
from secket.terminal.errors import Exit, error_line, exit_code
from secket.terminal.files import check_out, read_file, read_stream, write_out
from secket.terminal.view import QR_QUIET_ZONE, code_lines, qr_lines, share_lines, swatch

#: docs/protocol.md's test vector: Elephant Heart Tree Elephant Key Pencil Lock, Yellow.
VECTOR = Sas(0x067501AFAEE)


# Confirming -------------------------------------------------------------------------------
def test_only_the_exact_number_confirms() -> None:
    assert decide(VECTOR, None) is Decision.ASK
    assert decide(VECTOR, normalise_code("0443 7255 76942")) is Decision.MATCH
    assert decide(VECTOR, normalise_code("0443-7255-76943")) is Decision.MISMATCH


@pytest.mark.parametrize("text", ["", "2732 6138 9926", "27326138992681", "2732 6138 9926x", "١٢٣"])
def test_expect_code_must_be_13_digits(text: str) -> None:
    with pytest.raises(errors.UsageError, match="13-digit"):
        normalise_code(text)


@pytest.mark.parametrize(
    ("line", "decision"),
    [
        ("y", Decision.MATCH),
        (" YES \r", Decision.MATCH),
        ("n", Decision.MISMATCH),
        ("No", Decision.MISMATCH),
        ("", None),
        ("yy", None),
        ("ok", None),
        ("sure", None),
    ],
)
def test_only_a_clear_y_or_n_is_an_answer(line: str, decision: Decision | None) -> None:
    assert parse_answer(line) is decision


# The server's address ---------------------------------------------------------------------
def test_the_server_comes_from_the_flag_then_the_link_then_the_environment() -> None:
    link = "https://a.example/#1sAAECAwQFBgcICQoLDA0ODw"
    assert server_base("https://flag.example/", link, "https://env.example") == (
        "https://flag.example"
    )
    assert server_base(None, link, "https://env.example") == "https://a.example"
    assert server_base(None, "#1sAAECAwQFBgcICQoLDA0ODw", "http://env.example:8000/") == (
        "http://env.example:8000"
    )
    with pytest.raises(errors.NoServerError, match="SECKET_SERVER"):
        server_base(None, None, "")
    with pytest.raises(errors.UsageError, match="http:// or https://"):
        server_base("secket.example", None, None)


# What it shows ----------------------------------------------------------------------------
def test_the_code_is_shown_as_the_page_shows_it() -> None:
    plain = "\n".join(code_lines(VECTOR, colour=False))
    for word in ("Elephant", "Heart", "Tree", "Key", "Pencil", "Lock"):
        assert word in plain
    assert "\U0001f418 Elephant" in plain
    assert "Colour: Yellow" in plain
    assert "Number: 0443 7255 76942" in plain
    assert "\x1b[" not in plain


def test_the_colour_is_a_swatch_in_the_code_colour_with_readable_text() -> None:
    # Yellow #ffe119 takes black text (docs/protocol.md, "Short authentication string").
    shown = swatch(VECTOR, colour=True)
    assert "\x1b[48;2;255;225;25m" in shown
    assert "\x1b[38;2;0;0;0m" in shown
    assert "YELLOW" in shown
    assert shown.endswith("\x1b[0m")


def _modules(lines: list[str], dark_glyphs: bool) -> list[list[bool]]:
    """Back from half blocks to modules (True = dark)."""
    halves = {" ": (False, False), "\u2580": (True, False), "\u2584": (False, True)}
    rows: list[list[bool]] = [[], []]
    grid: list[list[bool]] = []
    for line in lines:
        rows = [[], []]
        for ch in line:
            top, bottom = halves.get(ch, (True, True))
            rows[0].append(top if dark_glyphs else not top)
            rows[1].append(bottom if dark_glyphs else not bottom)
        grid += rows
    return grid


@pytest.mark.parametrize("colour", [True, False])
def test_the_qr_code_holds_the_link_module_for_module(colour: bool) -> None:
    url = "https://secket.example/#1sAAECAwQFBgcICQoLDA0ODw"
    lines = qr_lines(url, colour)
    plain = [
        line.removeprefix("\x1b[38;2;0;0;0;48;2;255;255;255m").removesuffix("\x1b[0m")
        for line in lines
    ]
    code = QrCode.encode_text(url, QrCode.Ecc.MEDIUM)
    size = code.get_size() + 2 * QR_QUIET_ZONE
    grid = _modules(plain, dark_glyphs=colour)
    assert all(len(row) == size for row in grid)
    for y in range(size):
        for x in range(size):
            inside = (
                QR_QUIET_ZONE <= x < size - QR_QUIET_ZONE
                and QR_QUIET_ZONE <= y < size - QR_QUIET_ZONE
            )
            dark = inside and code.get_module(x - QR_QUIET_ZONE, y - QR_QUIET_ZONE)
            assert grid[y][x] == dark, (x, y)


def test_the_creator_is_told_what_the_other_person_runs() -> None:
    url = "https://secket.example/#1sAAECAwQFBgcICQoLDA0ODw"
    assert "secket send --link" in share_lines(url, Role.RECEIVER)[0]
    assert "secket receive --link" in share_lines(url, Role.SENDER)[0]
    assert f"    {url}" in share_lines(url, Role.SENDER)


# The secret in and out --------------------------------------------------------------------
def test_a_secret_is_read_exactly(tmp_path: Path) -> None:
    text = "line one\nline two 🔑\n"
    (tmp_path / "s").write_text(text)
    assert read_file(tmp_path / "s") == text
    assert read_stream(io.BytesIO(text.encode())) == text
    most = "é" * (MAX_SECRET_BYTES // 2)
    assert read_stream(io.BytesIO(most.encode())) == most


@pytest.mark.parametrize(
    ("raw", "error", "says"),
    [
        (b"x" * (MAX_SECRET_BYTES + 1), SecretTooLargeError, "at most 64 KiB"),
        (b"", errors.UsageError, "empty"),
        (b"\xff\xfe binary", errors.UsageError, "not UTF-8"),
        (b"\xed\xa0\x80", errors.UsageError, "not UTF-8"),  # a lone surrogate
        (b" \n\t\xe2\x80\x8b\n", errors.UsageError, "only spaces, line breaks or invisible"),
    ],
)
def test_a_secret_that_cannot_be_sent_stops_before_the_network(
    tmp_path: Path, raw: bytes, error: type[Exception], says: str
) -> None:
    (tmp_path / "s").write_bytes(raw)
    with pytest.raises(error, match=says):
        read_file(tmp_path / "s")
    with pytest.raises(errors.UsageError, match="Cannot read"):
        read_file(tmp_path / "missing")


def test_out_is_a_new_file_only_its_owner_reads(tmp_path: Path) -> None:
    out = tmp_path / "secret.txt"
    check_out(out)
    write_out(out, "hunter2")
    assert out.read_text() == "hunter2"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with pytest.raises(errors.UsageError, match="never overwrites"):
        check_out(out)
    with pytest.raises(errors.OutputError, match="never overwrites"):
        write_out(out, "again")
    assert out.read_text() == "hunter2"
    (tmp_path / "link").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(errors.UsageError):
        check_out(tmp_path / "link")
    assert not (tmp_path / "elsewhere").exists()
    with pytest.raises(errors.UsageError, match="not a directory"):
        check_out(tmp_path / "no" / "such" / "dir")


# Exit codes -------------------------------------------------------------------------------
def test_each_class_of_failure_has_its_own_exit_code() -> None:
    cases = {
        errors.NoServerError(): Exit.USAGE,
        SecretTooLargeError(): Exit.USAGE,
        MalformedLinkError(): Exit.LINK,
        errors.RoomFullError(): Exit.LINK,
        errors.UnreachableError(): Exit.NETWORK,
        errors.NoPathError(): Exit.NETWORK,
        errors.MismatchError(): Exit.VERIFICATION,
        RemoteProtocolError(): Exit.PROTOCOL,
        errors.ExtraChannelError(): Exit.PROTOCOL,
        errors.PeerLeftError(): Exit.PEER_LEFT,
        errors.StoppedError(): Exit.INTERRUPTED,
        errors.OutputError(): Exit.FAILED,
    }
    for error, code in cases.items():
        assert exit_code(error) is code, error
    assert len({int(code) for code in Exit}) == len(Exit)


def test_an_error_is_one_line_with_its_code() -> None:
    line = error_line(errors.NoPathError())
    assert "\n" not in line
    assert line.startswith("secket: No network path")
    assert line.endswith("[no-path]")


# The command ------------------------------------------------------------------------------
def test_secket_serve_does_not_load_the_terminal_peer() -> None:
    check = (
        "import sys; from secket_server import cli, options; "
        "options.parser(options.Env({})).parse_args(['serve']); "
        "loaded = [m for m in ('aiortc', 'secket.terminal', 'cryptography') if m in sys.modules]; "
        "print(loaded)"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("command", ["send", "receive"])
def test_the_commands_say_how_they_are_used(command: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "secket_server", command, "--help"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert "--expect-code NUMBER" in result.stdout
    assert "130 interrupted" in result.stdout
